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
from typing import Literal, Protocol

Severity = Literal["error", "warning"]


# The catalogue of problem types (frictionless' ``errors/*.py`` in one table):
# every type the code can emit is here, and mypy refuses any other (``Report.add``
# takes a ``ProblemType``); tests/test_problems.py checks the two lists agree and
# that the code names no type outside them.
ProblemType = Literal[
    "yaml-syntax",
    "yaml-alias",
    "yaml-tag",
    "json-syntax",
    "csv-syntax",
    "too-deep",
    "file-too-large",
    "bad-encoding",
    "empty-file",
    "unreadable-file",
    "missing-folder",
    "duplicate-key",
    "duplicate-column",
    "unknown-column",
    "missing-field",
    "wrong-type",
    "bad-type",
    "unknown-field",
    "bad-id",
    "duplicate-id",
    "unknown-party",
    "unknown-event",
    "unknown-aspect",
    "unknown-source",
    "unknown-side",
    "unknown-link",
    "source-conflict",
    "bad-value",
    "bad-date",
    "bad-stance",
    "bad-certainty",
    "bad-evidence",
    "bad-link",
    "aspect-type-conflict",
    "synonym-conflict",
    "ambiguous-alias",
    "empty-quote",
    "quote-not-in-source",
    "missing-source-file",
    "unsafe-path",
    "unchecked-quotes",
    "duplicate-claim",
    "date-before-event",
    "said-after-published",
    "speaker-mismatch",
    "comment-holds-answer",
    "claimreview-incomplete",
    "internal-error",
]


@dataclass(frozen=True, slots=True)
class ProblemKind:
    """One problem type: its kebab-case name, a title and what it means."""

    type: ProblemType
    title: str
    description: str


CATALOGUE: dict[str, ProblemKind] = {
    k.type: k
    for k in (
        ProblemKind(
            "yaml-syntax",
            "YAML syntax",
            "The file is not well-formed YAML; the place is where the parser stopped.",
        ),
        ProblemKind(
            "yaml-alias",
            "YAML alias",
            "An anchor or alias (``&a``, ``*a``): refused, a small file cannot expand.",
        ),
        ProblemKind(
            "yaml-tag",
            "YAML tag",
            "An explicit tag (``!!python/object``): refused, claim files hold plain data only.",
        ),
        ProblemKind(
            "json-syntax",
            "JSON syntax",
            "A JSON or JSON Lines file (bulk input) that does not parse.",
        ),
        ProblemKind(
            "csv-syntax",
            "CSV syntax",
            "A CSV file (bulk input) that does not parse: a bad quote, a short or long row.",
        ),
        ProblemKind(
            "too-deep",
            "Nested too deeply",
            "Mappings and lists nested deeper than the reader allows.",
        ),
        ProblemKind(
            "file-too-large",
            "File too large",
            "A file larger than the reader's limit, or holding too many nodes or rows.",
        ),
        ProblemKind("bad-encoding", "Not UTF-8", "A file that is not valid UTF-8 text."),
        ProblemKind("empty-file", "Empty file", "A file with nothing in it (or only comments)."),
        ProblemKind(
            "unreadable-file",
            "Unreadable file",
            "A file or folder that exists but cannot be read (permissions, not a file).",
        ),
        ProblemKind("missing-folder", "Missing folder", "The claims folder given does not exist."),
        ProblemKind(
            "duplicate-key",
            "Duplicate key",
            "The same key twice in one mapping: the second would silently win.",
        ),
        ProblemKind(
            "duplicate-column",
            "Duplicate column",
            "The same column name twice in a bulk file's header.",
        ),
        ProblemKind(
            "unknown-column",
            "Unknown column",
            "A bulk file's column that is not a claim field (or has no name).",
        ),
        ProblemKind("missing-field", "Missing field", "A required field is absent."),
        ProblemKind(
            "wrong-type",
            "Wrong type",
            "A field holds the wrong kind of value (a list where text is wanted, ...).",
        ),
        ProblemKind(
            "bad-type",
            "Not a mapping",
            "A file edited in place (drafts rematch, promote) whose top level is not a mapping.",
        ),
        ProblemKind(
            "unknown-field",
            "Unknown field",
            "A field the schema does not know (extension fields start with ``x-``).",
        ),
        ProblemKind("bad-id", "Bad id", "An id that is not a slug."),
        ProblemKind("duplicate-id", "Duplicate id", "Two records of one kind share an id."),
        ProblemKind(
            "unknown-party",
            "Unknown party",
            "A claim names a party that ``parties.yaml`` does not define.",
        ),
        ProblemKind(
            "unknown-event",
            "Unknown event",
            "A claim names an event that ``events.yaml`` does not define.",
        ),
        ProblemKind(
            "unknown-aspect",
            "Unknown aspect",
            "A claim names an aspect neither built in nor in ``aspects.yaml``.",
        ),
        ProblemKind(
            "unknown-source",
            "Unknown source",
            "A claim names a source no claim file defines.",
        ),
        ProblemKind("unknown-side", "Unknown side", "A party's side is not a known side."),
        ProblemKind(
            "unknown-link", "Unknown link", "A claim links to a claim id that does not exist."
        ),
        ProblemKind(
            "source-conflict",
            "Source conflict",
            "One source id defined twice with different fields.",
        ),
        ProblemKind(
            "bad-value",
            "Bad value",
            "A value its aspect's type cannot read (an unknown category, not a count).",
        ),
        ProblemKind(
            "bad-date",
            "Bad date",
            "A date or time that does not parse, or an event whose end is before its start.",
        ),
        ProblemKind("bad-stance", "Bad stance", "A stance other than asserts, denies, declines."),
        ProblemKind(
            "bad-certainty",
            "Bad certainty",
            "A certainty other than asserted, hedged, reported.",
        ),
        ProblemKind("bad-evidence", "Bad evidence", "An evidence kind the schema does not know."),
        ProblemKind(
            "bad-link",
            "Bad link",
            "A link that cannot hold (to itself, across events or aspects, a cycle of supersedes).",
        ),
        ProblemKind(
            "aspect-type-conflict",
            "Aspect type conflict",
            "``aspects.yaml`` redefines a built-in aspect with another type.",
        ),
        ProblemKind(
            "synonym-conflict",
            "Synonym conflict",
            "One synonym points to two different values.",
        ),
        ProblemKind("ambiguous-alias", "Ambiguous alias", "One alias names two parties."),
        ProblemKind("empty-quote", "Empty quote", "A claim whose quote is empty."),
        ProblemKind(
            "quote-not-in-source",
            "Quote not in source",
            "A quote that is not found, even folded, in the source's text file.",
        ),
        ProblemKind(
            "missing-source-file",
            "Missing source file",
            "A source's ``file`` does not exist.",
        ),
        ProblemKind(
            "unsafe-path",
            "Unsafe path",
            "A source's ``file`` points outside the project (absolute, ``..``, a link).",
        ),
        ProblemKind(
            "unchecked-quotes",
            "Quotes not checked",
            "A source without a text file: its quotes cannot be checked.",
        ),
        ProblemKind(
            "duplicate-claim",
            "Duplicate claim",
            "Two claims that say the same thing in the same source.",
        ),
        ProblemKind(
            "date-before-event",
            "Said before the event",
            "A statement dated before the event it speaks of.",
        ),
        ProblemKind(
            "said-after-published",
            "Said after publication",
            "A statement dated after the report that carries it was published.",
        ),
        ProblemKind(
            "speaker-mismatch",
            "Speaker mismatch",
            "A speaker who is an alias of another party than the claim's.",
        ),
        ProblemKind(
            "comment-holds-answer",
            "Comment holds an answer",
            "A free-text claim whose quote carries an answer (a count, a cause) never compared.",
        ),
        ProblemKind(
            "claimreview-incomplete",
            "ClaimReview incomplete",
            "A verdict that lacks what ClaimReview JSON-LD requires.",
        ),
        ProblemKind(
            "internal-error",
            "Internal error",
            "A bug in claimgraph: reported with its place, never raised.",
        ),
    )
}

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


class Place(Protocol):
    """Anything with a path, a line and a column (``model.Location``, ``io.yaml_read.Item``)."""

    @property
    def path(self) -> str: ...
    @property
    def line(self) -> int: ...
    @property
    def column(self) -> int: ...


@dataclass(frozen=True, slots=True)
class Problem:
    type: ProblemType
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
        type: ProblemType,
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

    def at(
        self,
        type: ProblemType,
        message: str,
        where: Place,
        *,
        id: str | None = None,
        hint: str | None = None,
        severity: Severity = "error",
    ) -> None:
        """Add a problem placed at ``where`` (a :class:`~claimgraph.model.Location`)."""
        self.add(
            type, message, where.path, where.line, where.column, id=id, hint=hint, severity=severity
        )

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


def check_known(kind: str, wanted: str | None, known: Iterable[str]) -> None:
    """UsageError, with the nearest id as a hint, when ``wanted`` is not among ``known``
    (an unknown event, party or aspect asked for on the command line).

    >>> check_known("event", "kherson", ["kherson-2023"])
    Traceback (most recent call last):
    ...
    claimgraph.errors.UsageError: unknown event 'kherson' (did you mean 'kherson-2023'?)
    """
    if wanted is None:
        return
    choices = list(known)
    if wanted not in choices:
        from claimgraph.errors import UsageError

        hint = suggest(wanted, choices)
        extra = f" (did you mean '{hint}'?)" if hint else ""
        raise UsageError(f"unknown {kind} '{wanted}'{extra}")
