"""Structured problems found in the input, collected into a Report.

Every problem has a kebab-case ``type``, a message, and a place
(``path:line[:column]``). Problems are collected, never raised one by one:

>>> r = Report()
>>> r.add("unknown-party", "unknown party 'hur'", "claims/a.yaml", 14, 5,
...       id="c1", hint="ukraine-intelligence")
>>> print(r.problems[0])
claims/a.yaml:14:5: unknown party 'hur' (did you mean 'ukraine-intelligence'?)
>>> r.valid
False
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]

# What a terminal acts on rather than shows: C0 and C1 controls (ESC starts
# "clear the screen" or "set the window title"), DEL, line and paragraph
# separators, and the bidirectional overrides that reorder what is shown.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_NAMED = {"\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _escape(match: re.Match[str]) -> str:
    c = match.group()
    # \\uXXXX above ASCII's C0 range: valid inside a JSON string too.
    return _NAMED.get(c) or (f"\\x{ord(c):02x}" if ord(c) < 0x20 else f"\\u{ord(c):04x}")


def printable(text: str, keep: str = "") -> str:
    """``text`` with every control character shown as an escape (``\\x1b``, ``\\n``), never
    acted on: a terminal is not cleared or retitled, a line is not split. Characters in
    ``keep`` (``"\\n"`` for a table of many lines) stay as they are.

    >>> print(printable("claims/a\\nb.yaml: \\x1b[2Jgone \\x1b]0;owned\\x07 \\u202eabc"))
    claims/a\\nb.yaml: \\x1b[2Jgone \\x1b]0;owned\\x07 \\u202eabc
    >>> printable("two\\nlines\\tand a tab", keep="\\n\\t") == "two\\nlines\\tand a tab"
    True
    """
    if keep:
        return _CONTROL.sub(lambda m: m.group() if m.group() in keep else _escape(m), text)
    return _CONTROL.sub(_escape, text)


@dataclass(frozen=True, slots=True)
class Problem:
    type: str
    message: str
    path: str
    line: int = 0
    column: int = 0
    id: str | None = None
    hint: str | None = None
    severity: Severity = "error"

    def __str__(self) -> str:
        """One line, whatever the names and texts hold (see :func:`printable`)."""
        return printable(self._text())

    def _text(self) -> str:
        place = self.path
        if self.line:
            place += f":{self.line}"
            if self.column:
                place += f":{self.column}"
        text = f"{place}: {self.message}"
        if self.severity == "warning":
            text = f"{place}: warning: {self.message}"
        if self.hint:
            text += f" (did you mean '{self.hint}'?)"
        return text

    def to_dict(self) -> dict[str, object]:
        return {
            "type": self.type,
            "severity": self.severity,
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "id": self.id,
            "message": self.message,
            "hint": self.hint,
        }


@dataclass(slots=True)
class Report:
    """All problems found; ``valid`` when there is no error (warnings allowed)."""

    problems: list[Problem] = field(default_factory=list)

    def add(
        self,
        type: str,
        message: str,
        path: str,
        line: int = 0,
        column: int = 0,
        *,
        id: str | None = None,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> None:
        self.problems.append(Problem(type, message, path, line, column, id, hint, severity))

    def extend(self, other: Report) -> None:
        self.problems.extend(other.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        return not self.errors

    def sorted(self) -> list[Problem]:
        return sorted(self.problems, key=lambda p: (p.path, p.line, p.column, p.type))


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest known id to a misspelt one, or None.

    >>> suggest("ukraine-inteligence", ["ukraine-intelligence", "russia-mod"])
    'ukraine-intelligence'
    >>> suggest("zzz", ["russia-mod"]) is None
    True
    """
    matches = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return matches[0] if matches else None
