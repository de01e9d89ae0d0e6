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
from collections.abc import Iterator, Mapping

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
    return "".join(_mapping(doc, ""))


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
    return not isinstance(value, Mapping | list | tuple)


def _flow(items: list[object] | tuple[object, ...]) -> str | None:
    """``[a, b]`` for a short list of scalars, else None."""
    if not all(_is_scalar(x) for x in items):
        return None
    text = "[" + ", ".join(_scalar(x) for x in items) + "]"
    return text if len(text) < FLOW_WIDTH else None


def _mapping(doc: Mapping[str, object], indent: str) -> Iterator[str]:
    if not doc:
        yield indent + "{}\n"
        return
    for key, value in doc.items():
        head = f"{indent}{_scalar(key)}:"
        yield from _entry(head, value, indent, nested_indent=indent + "  ", seq_indent=indent)


def _entry(
    head: str, value: object, indent: str, nested_indent: str, seq_indent: str
) -> Iterator[str]:
    """``head`` (``key:`` or ``-``) followed by ``value``."""
    if isinstance(value, Mapping):
        if not value:
            yield head + " {}\n"
            return
        yield head + "\n"
        yield from _mapping(value, nested_indent)
    elif isinstance(value, list | tuple):
        flow = _flow(value) if value else "[]"
        if flow is not None:
            yield f"{head} {flow}\n"
            return
        yield head + "\n"
        yield from _sequence(value, seq_indent)
    else:
        yield f"{head} {_scalar(value)}\n"


def _sequence(items: list[object] | tuple[object, ...], indent: str) -> Iterator[str]:
    for item in items:
        if isinstance(item, Mapping) and item:
            first = True
            for key, value in item.items():
                lead = f"{indent}- " if first else f"{indent}  "
                first = False
                yield from _entry(
                    f"{lead}{_scalar(key)}:",
                    value,
                    indent,
                    nested_indent=indent + "    ",
                    seq_indent=indent + "  ",
                )
        else:
            yield from _entry(
                f"{indent}-", item, indent, nested_indent=indent + "  ", seq_indent=indent + "  "
            )
