"""Typed fields read out of one record, each mistake a problem with its place.

Structural checks (missing, mistyped and unknown fields, bad ids, stances and
dates) run while a file is read, through :class:`FieldReader`.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime

from claimgraph.io.yaml_read import Item
from claimgraph.model import Location, value_key
from claimgraph.problems import ProblemType, Report, Severity, suggest
from claimgraph.schema import EXTENSION_PREFIX, FIELDS, REQUIRED

_ID = re.compile(r"^\w[\w.-]*$")

_KIND_NAMES = {
    "text": "text",
    "texts": "text or a list of text",
    "date": "a date (YYYY-MM-DD)",
    "moment": "a date or an ISO date-time",
    "bool": "true or false",
    "int": "a whole number",
}


def kind_name(kind: str) -> str:
    """How a YAML value's kind reads in a message: ``a list``, ``a mapping``, ``empty``..."""
    return {"mapping": "a mapping", "list": "a list", "null": "empty"}.get(kind, f"{kind}")


@dataclass(slots=True)
class FieldReader:
    """Reads typed fields out of one record, reporting every problem with its place.

    >>> from claimgraph.io.yaml_read import parse_yaml
    >>> r = Report()
    >>> doc = parse_yaml("id: c1\\nqoute: hi\\n", "a.yaml", r)
    >>> fr = FieldReader("a.yaml", r)
    >>> rec = fr.record(doc, "claim", "c1")
    >>> for p in r.problems: print(p)
    a.yaml:2:1: unknown field 'qoute' in claim 'c1' (did you mean 'quote'?)
    a.yaml:1:1: claim 'c1' has no 'event'
    a.yaml:1:1: claim 'c1' has no 'party'
    a.yaml:1:1: claim 'c1' has no 'aspect'
    """

    path: str
    report: Report

    def add(
        self,
        type: ProblemType,
        message: str,
        item: Item | None,
        *,
        id: str | None = None,
        hint: str | None = None,
        at_key: bool = False,
        severity: Severity = "error",
    ) -> None:
        """Add a problem placed at ``item`` (or its key)."""
        line = col = 0
        if item is not None:
            line, col = (item.key_line, item.key_column) if at_key else (item.line, item.column)
        self.report.add(type, message, self.path, line, col, id=id, hint=hint, severity=severity)

    def where(self, item: Item) -> Location:
        return Location(self.path, item.line, item.column)

    def record(self, item: Item, kind: str, id: str | None) -> dict[str, Item] | None:
        """The record's fields, after reporting unknown and missing ones; None if not a mapping."""
        what = f"{kind} '{id}'" if id else ("the top level" if kind == "file" else kind)
        if not isinstance(item.value, dict):
            self.add(
                "wrong-type", f"{what} must be a mapping, not {kind_name(item.kind)}", item, id=id
            )
            return None
        fields: dict[str, Item] = item.value
        known = FIELDS[kind]
        if not fields.keys() <= known.keys():  # the common case is checked at C speed
            self._unknown(fields, known, what, id)
        for name in REQUIRED.get(kind, ()):
            found = fields.get(name)
            if found is None or found.value is None or found.value == "":
                self.add("missing-field", f"{what} has no '{name}'", item, id=id)
        return fields

    def _unknown(
        self, fields: dict[str, Item], known: dict[str, str], what: str, id: str | None
    ) -> None:
        for name, value in fields.items():
            if name not in known and not name.startswith(EXTENSION_PREFIX):
                self.add(
                    "unknown-field",
                    f"unknown field '{name}' in {what}",
                    value,
                    id=id,
                    hint=suggest(name, known),
                    at_key=True,
                )

    def _wrong(self, item: Item, name: str, expected: str, id: str | None) -> None:
        owner = f" of '{id}'" if id else ""
        self.add(
            "wrong-type",
            f"'{name}'{owner} must be {expected}, not {kind_name(item.kind)}",
            item,
            id=id,
        )

    def text(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> str:
        """A text field (a number or yes/no is taken as written); ``""`` if absent."""
        item = fields.get(name)
        if item is None or item.value is None:
            return ""
        if item.text is None:
            self._wrong(item, name, "text", id)
            return ""
        return item.text.strip() if isinstance(item.value, str) else item.text

    def texts(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> list[Item]:
        """A field holding one text or a list of texts, as items (to keep their places)."""
        item = fields.get(name)
        if item is None or item.value is None:
            return []
        entries = item.value if isinstance(item.value, list) else [item]
        out = []
        for entry in entries:
            if entry.text is None:
                self._wrong(entry, name, _KIND_NAMES["texts"], id)
            elif entry.value is not None:
                out.append(entry)
        return out

    def boolean(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> bool | None:
        item = fields.get(name)
        if item is None or item.value is None:
            return None
        if not isinstance(item.value, bool):
            self._wrong(item, name, _KIND_NAMES["bool"], id)
            return None
        return item.value

    def integer(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> int | None:
        item = fields.get(name)
        if item is None or item.value is None:
            return None
        if isinstance(item.value, bool) or not isinstance(item.value, int):
            self._wrong(item, name, _KIND_NAMES["int"], id)
            return None
        return item.value

    def read(
        self, fields: Mapping[str, Item], name: str, kind: str, id: str | None = None
    ) -> str | tuple[str, ...] | date | datetime | bool | int | None:
        """A field of a plain kind of :data:`claimgraph.schema.FIELDS` (text, texts, date,
        moment, bool, int), read by that kind; absent is ``""`` for text, ``()`` for texts,
        else None.

        >>> from claimgraph.io.yaml_read import parse_yaml
        >>> r = Report()
        >>> doc = parse_yaml("said_on: 2023-03-20\\nvia: telegram\\n", "a.yaml", r)
        >>> fr = FieldReader("a.yaml", r)
        >>> fr.read(doc.value, "said_on", "moment"), fr.read(doc.value, "via", "text")
        (datetime.date(2023, 3, 20), 'telegram')
        """
        if kind == "text":
            return self.text(fields, name, id)
        if kind == "texts":
            return tuple(a.text or "" for a in self.texts(fields, name, id))
        if kind == "moment":
            return self.moment(fields, name, id)
        if kind == "date":
            return self.day(fields, name, id)
        if kind == "bool":
            return self.boolean(fields, name, id)
        if kind == "int":
            return self.integer(fields, name, id)
        raise ValueError(f"field '{name}' is of kind {kind!r}: it is read by a rule of its own")

    def day(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> date | None:
        """A date field; a date-time is cut to its day."""
        moment = self.moment(fields, name, id)
        return moment.date() if isinstance(moment, datetime) else moment

    def moment(
        self, fields: Mapping[str, Item], name: str, id: str | None = None
    ) -> date | datetime | None:
        """A date or ISO date-time field; an invalid one (2023-02-30) is a ``bad-date``."""
        item = fields.get(name)
        if item is None or item.value is None:
            return None
        value = item.value
        if isinstance(value, datetime | date):
            return value
        if isinstance(value, str):
            try:
                return parse_moment(value)
            except ValueError as exc:
                self.add("bad-date", f"invalid date '{value}' in '{name}' ({exc})", item, id=id)
                return None
        self.add(
            "bad-date",
            f"'{name}' must be a date (YYYY-MM-DD), not {item.text or kind_name(item.kind)}",
            item,
            id=id,
        )
        return None

    def choice(
        self,
        fields: Mapping[str, Item],
        name: str,
        choices: Iterable[str],
        type: ProblemType,
        id: str | None = None,
    ) -> str | None:
        """A text field that must be one of ``choices``; None if absent or wrong."""
        item = fields.get(name)
        text = self.text(fields, name, id)
        if item is None or not text:
            return None
        options = list(choices)
        if text not in options:
            folded = text.casefold().replace("_", "-")
            if folded in options:
                return folded
            self.add(
                type,
                f"{name} '{text}' is not one of {', '.join(options)}",
                item,
                id=id,
                hint=suggest(folded, options),
            )
            return None
        return text

    def check_id(self, item: Item | None, kind: str, id: str) -> bool:
        """True if ``id`` is a usable slug (no spaces, slashes or '..')."""
        if _ID.match(id) and ".." not in id:
            return True
        self.add(
            "bad-id",
            f"{kind} id '{id}' must be a slug (letters, digits, '-', '_', '.')",
            item,
            id=id,
            hint=value_key(id) or None,
        )
        return False


def parse_moment(text: str) -> date | datetime:
    """An ISO date or date-time; raises ``ValueError`` with the reason.

    >>> parse_moment("2023-03-20")
    datetime.date(2023, 3, 20)
    >>> parse_moment("2023-03-20 14:05")
    datetime.datetime(2023, 3, 20, 14, 5)
    >>> parse_moment("2023-02-30")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        y, m, d = (int(x) for x in text.split("-"))
        return date(y, m, d)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if re.match(r"\d{4}-\d\d-\d\d", text):
            date(*(int(x) for x in text[:10].split("-")))  # the precise reason if any
        raise ValueError("expected YYYY-MM-DD or an ISO date-time") from None


def day_of(moment: date | datetime) -> date:
    """The day of a date or a date-time."""
    return moment.date() if isinstance(moment, datetime) else moment
