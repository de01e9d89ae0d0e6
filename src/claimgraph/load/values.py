"""A claim's value typed by its aspect: a category, a set, a count or text."""

from __future__ import annotations

import re
import sys

from claimgraph.model import (
    Aspect,
    AspectType,
    Value,
    value_key,
)
from claimgraph.problems import suggest
from claimgraph.quantities import parse_count
from claimgraph.yamlsafe import Item

_SETS: dict[frozenset[str], frozenset[str]] = {}  # one copy of each set value


# A number as people write it: no leading zero, no base prefix, no sexagesimal colon.
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")


def typed_value(aspect: Aspect, item: Item) -> Value:
    """The value of a claim typed by its aspect; raises ``ValueError`` with the reason.

    >>> from claimgraph.load import builtin_aspects
    >>> from claimgraph.problems import Report
    >>> from claimgraph.yamlsafe import parse_yaml
    >>> a = builtin_aspects()
    >>> def v(aspect, text): return typed_value(a[aspect], parse_yaml(text, "x", Report()))
    >>> v("cause", "mopeds"), sorted(v("weapon", "[Kalibr, Shahed]"))
    ('drone-attack', ['kalibr-nk', 'shahed'])
    >>> str(v("injured", "at least 4")), str(v("injured", "010"))
    ('4–∞', '10')
    >>> v("cause", "dronez")
    Traceback (most recent call last):
    ...
    ValueError: unknown cause 'dronez'
    """
    kind = aspect.type
    if kind is AspectType.COUNT:
        if isinstance(item.value, int | float) and not isinstance(item.value, bool):
            if item.text is not None and not _DECIMAL.fullmatch(item.text):
                # YAML 1.1 reads 010 as octal 8, 0x10 as 16, 1:30 as 90: a count is
                # what the person wrote, so its text decides (010 is 10; 0x10 is refused).
                return parse_count(item.text)
            return parse_count(item.value)
        if item.text is None:
            raise ValueError(f"a {aspect.id} count must be a number or words, not {item.kind}")
        return parse_count(item.text)
    if kind is AspectType.TEXT:
        if item.text is None:
            raise ValueError(f"a {aspect.id} value must be text, not {item.kind}")
        return item.text
    if kind is AspectType.CATEGORY:
        if item.text is None:
            raise ValueError(
                f"'{aspect.id}' takes one answer, not "
                + ("a list" if item.kind == "list" else item.kind)
            )
        return _category_item(aspect, item.text)
    entries = item.value if isinstance(item.value, list) else [item]
    if not entries:
        raise ValueError(f"an empty list of {aspect.id}")
    out = []
    for entry in entries:
        if entry.text is None or entry.value is None:
            raise ValueError(f"'{aspect.id}' items must be text, not {entry.kind}")
        out.append(_category_item(aspect, entry.text))
    found = frozenset(out)
    if len(_SETS) > 100_000:  # a cache, not a leak
        _SETS.clear()
    return _SETS.setdefault(found, found)


def _category_item(aspect: Aspect, text: str) -> str:
    slug = sys.intern(aspect.canonical(text))
    if not slug:
        raise ValueError(f"an empty {aspect.id} value")
    if aspect.closed and slug not in aspect.values:
        raise ValueError(f"unknown {aspect.id} '{text}'")
    return slug


def value_hint(aspect: Aspect, text: str) -> str | None:
    choices = {**{v: v for v in aspect.values}, **aspect.synonyms}
    hit = suggest(value_key(text), choices)
    return choices[hit] if hit else None
