"""Plain YAML out of plain data, fast: mappings, lists, strings, numbers, dates.

PyYAML's dumper spends most of its time deciding, in Python, how each
scalar may be written. The documents claimgraph writes (draft claim files)
are small trees of strings, so this writer decides with one regular
expression per string: a string that is clearly plain (a word, an id, a
slug, a short phrase of letters and digits) is written as it is; a
printable string without an apostrophe in single quotes (inside which
YAML reads every character as it is); every other string double-quoted
with JSON's escapes (which YAML reads the same) plus escapes for the
characters YAML does not allow raw.
What it writes reads back equal with any YAML 1.1 or 1.2 loader
(``tests/test_yamlwrite.py`` checks the round trip on generated data).

>>> import datetime
>>> print(dump({"id": "a-1", "quote": 'He said: "no"', "why": "it's\\n", "count": 3,
...             "on": datetime.date(2024, 1, 4), "tags": ["house", "shop"],
...             "claims": [{"id": "x", "value": None}]}), end="")
id: a-1
quote: 'He said: "no"'
why: "it's\\n"
count: 3
'on': 2024-01-04
tags: [house, shop]
claims:
- id: x
  value: null
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections.abc import Mapping

import yaml

__all__ = ["dump"]

# A string written plain: starts with a letter, then letters, digits and a few
# marks, single spaces between words. No ':', '#', ',', quotes or brackets, so
# it means the same in block and flow context.
_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9_./-]*(?: [A-Za-z0-9_./-]+)*")
# An id or a file name that starts with a digit: plain when no loader reads a
# number, a date or a time in it (:func:`_reads_as_text`).
_PLAIN_DIGIT = re.compile(r"[0-9][A-Za-z0-9_.-]*")
# Numbers as YAML 1.2 reads them (1.1 numbers are PyYAML's own resolver's).
_NUMBER_12 = re.compile(
    r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|0o[0-7]+|0x[0-9a-fA-F]+"
)
_STR_TAG = "tag:yaml.org,2002:str"
# Plain words some YAML loaders read as booleans or null.
_RESERVED = frozenset("y n yes no true false on off null".split())
# Characters YAML does not allow raw in a double-quoted string (or that it
# reads as line breaks), beyond the C0 controls that JSON escapes already.
_UNSAFE = re.compile("[\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff\ud800-\udfff]")

# Lists of scalars shorter than this are written in flow style: [a, b].
FLOW_WIDTH = 60


def dump(doc: Mapping[str, object]) -> str:
    """The YAML text of ``doc`` (a mapping of plain data), keys in their order."""
    writer = _Writer()
    writer.mapping(doc, "")
    return "".join(writer.out)


def _scalar(value: object) -> str:
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        if _PLAIN.fullmatch(value) and value.casefold() not in _RESERVED:
            return value
        if _PLAIN_DIGIT.fullmatch(value) and _reads_as_text(value):
            return value  # an id or file name: 000-crimea-cause, 000_report.txt
        if value.isprintable() and "'" not in value:
            return "'" + value + "'"  # nothing in it is special, but for the quote mark
        text = json.dumps(value, ensure_ascii=False)
        return _UNSAFE.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _float(value)
    if isinstance(value, dt.datetime):
        raise TypeError("a datetime has no plain YAML form here; write a date or a string")
    if isinstance(value, dt.date):
        return value.isoformat()
    raise TypeError(f"cannot write a {type(value).__name__} as YAML")


def _reads_as_text(value: str) -> bool:
    """True when YAML 1.1 (PyYAML's resolver) and YAML 1.2 both read plain ``value`` as text."""
    if _NUMBER_12.fullmatch(value):
        return False
    tag = yaml.resolver.Resolver().resolve(yaml.ScalarNode, value, (True, False))  # type: ignore[no-untyped-call]
    return bool(tag == _STR_TAG)


def _float(value: float) -> str:
    """A float as YAML 1.1 reads it back (a dot always, ``.inf`` and ``.nan``)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return ".inf" if value > 0 else "-.inf"
    text = repr(value).lower()
    if "." not in text and "e" in text:
        text = text.replace("e", ".0e", 1)
    elif "." not in text:
        text += ".0"
    return text


def _is_scalar(value: object) -> bool:
    return not isinstance(value, dict | list | tuple | Mapping)


class _Writer:
    """Writes one document into ``out``; each distinct string is styled once."""

    __slots__ = ("out", "styled")

    def __init__(self) -> None:
        self.out: list[str] = []
        self.styled: dict[str, str] = {}

    def scalar(self, value: object) -> str:
        if type(value) is str:
            got = self.styled.get(value)
            if got is None:
                got = self.styled[value] = _scalar(value)
            return got
        return _scalar(value)

    def flow(self, items: list[object] | tuple[object, ...]) -> str | None:
        """``[a, b]`` for a short list of scalars, else None."""
        if not all(_is_scalar(x) for x in items):
            return None
        text = "[" + ", ".join(self.scalar(x) for x in items) + "]"
        return text if len(text) < FLOW_WIDTH else None

    def mapping(self, doc: Mapping[str, object], indent: str) -> None:
        if not doc:
            self.out.append(indent + "{}\n")
            return
        nested = indent + "  "
        for key, value in doc.items():
            self.entry(f"{indent}{self.scalar(key)}:", value, nested, indent)

    def entry(self, head: str, value: object, nested_indent: str, seq_indent: str) -> None:
        """``head`` (``key:`` or ``-``) followed by ``value``."""
        if isinstance(value, dict | Mapping):
            if not value:
                self.out.append(head + " {}\n")
                return
            self.out.append(head + "\n")
            self.mapping(value, nested_indent)
        elif isinstance(value, list | tuple):
            flow = self.flow(value) if value else "[]"
            if flow is not None:
                self.out.append(f"{head} {flow}\n")
                return
            self.out.append(head + "\n")
            self.sequence(value, seq_indent)
        else:
            self.out.append(f"{head} {self.scalar(value)}\n")

    def sequence(self, items: list[object] | tuple[object, ...], indent: str) -> None:
        dash, under, deeper = f"{indent}- ", f"{indent}  ", indent + "    "
        for item in items:
            if isinstance(item, dict | Mapping) and item:
                lead = dash
                for key, value in item.items():
                    self.entry(f"{lead}{self.scalar(key)}:", value, deeper, under)
                    lead = under
            else:
                self.entry(f"{indent}-", item, under, under)
