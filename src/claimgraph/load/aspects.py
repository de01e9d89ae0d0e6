"""Aspects: the built-in ones (package data), and a folder's own merged into them.

The built-in sides are package data too and are read here.
"""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from claimgraph.checks import FieldReader
from claimgraph.io.yaml_read import Item, parse_yaml
from claimgraph.model import (
    Aspect,
    AspectType,
    Side,
    value_key,
)
from claimgraph.problems import Report, suggest


def _read_package_yaml(name: str) -> Item:
    text = resources.files("claimgraph").joinpath(f"data/{name}").read_text("utf-8")
    report = Report()
    item = parse_yaml(text, f"claimgraph/data/{name}", report)
    if item is None or not report.valid:  # pragma: no cover - a packaging bug
        raise RuntimeError(f"built-in data {name} is broken: {report.problems}")
    return item


@lru_cache(maxsize=1)
def _builtin_aspect_items() -> tuple[tuple[str, Item], ...]:
    item = _read_package_yaml("aspects.yaml")
    return tuple(item.value["aspects"].value.items())


def builtin_aspects() -> dict[str, Aspect]:
    """The built-in aspects (``data/aspects.yaml``), fresh copies each call.

    >>> a = builtin_aspects()
    >>> a["cause"].canonical("mopeds"), a["killed"].type.value
    ('drone-attack', 'count')
    """
    aspects: dict[str, Aspect] = {}
    report = Report()
    for aspect_id, item in _builtin_aspect_items():
        merge_aspect(aspects, aspect_id, item, FieldReader("claimgraph/data/aspects.yaml", report))
    return aspects


def builtin_sides() -> dict[str, Side]:
    """The built-in sides: russia, ukraine, independent, international.

    >>> sorted(builtin_sides())
    ['independent', 'international', 'russia', 'ukraine']
    """
    item = _read_package_yaml("sides.yaml")
    return {k: Side(k, str(v.value)) for k, v in item.value["sides"].value.items()}


def merge_aspect(
    aspects: dict[str, Aspect], aspect_id: str, item: Item, reader: FieldReader
) -> None:
    """Add a new aspect, or extend a known one with values, synonyms and compatible pairs."""
    fields = item.value if isinstance(item.value, dict) else {}
    type_text = reader.text(fields, "type", aspect_id)
    known = aspects.get(aspect_id)
    if known is None:
        if not type_text:
            reader.add(
                "missing-field",
                f"new aspect '{aspect_id}' has no 'type' (category, set, count or text)",
                item,
                id=aspect_id,
            )
            return
        try:
            kind = AspectType(type_text)
        except ValueError:
            reader.add(
                "bad-value",
                f"aspect type '{type_text}' is not one of category, set, count, text",
                fields["type"],
                id=aspect_id,
                hint=suggest(type_text, [t.value for t in AspectType]),
            )
            return
        known = aspects[aspect_id] = Aspect(aspect_id, kind, where=reader.where(item))
    elif type_text and type_text != known.type.value:
        reader.add(
            "aspect-type-conflict",
            f"aspect '{aspect_id}' is a {known.type.value}; "
            f"it cannot be redefined as '{type_text}'",
            fields["type"],
            id=aspect_id,
        )
        return
    label = reader.text(fields, "label", aspect_id)
    if label:
        known.label = label
    closed = reader.boolean(fields, "closed", aspect_id)
    if closed is not None:
        known.closed = closed
    _merge_values(known, fields.get("values"), reader)
    _merge_synonyms(known, fields.get("synonyms"), reader)
    _merge_compatible(known, fields.get("compatible"), reader)
    _merge_kinds(known, fields.get("kinds"), reader)
    _merge_kind_items(known, fields.get("kind_items"), reader)


def _kind_lists(
    aspect: Aspect, item: Item | None, reader: FieldReader, field: str, what: str
) -> list[tuple[str, Item, list[str]]]:
    """The ``kind -> [entry, ...]`` mapping of a set aspect's ``field`` (``kinds``,
    ``kind_items``), each kind with its node and its entries; a wrong shape is reported
    (``what`` the entries are: words, items) and left out."""
    if item is None or item.value is None:
        return []
    if aspect.type is not AspectType.SET or not isinstance(item.value, dict):
        reader.add(
            "wrong-type",
            f"'{field}' must be a mapping of kind -> list of {what}, on a set aspect",
            item,
            id=aspect.id,
        )
        return []
    found = []
    for kind, entries in item.value.items():
        if not isinstance(entries.value, list) or any(w.text is None for w in entries.value):
            reader.add(
                "wrong-type", f"kind '{kind}' must be a list of {what}", entries, id=aspect.id
            )
            continue
        found.append((str(kind), entries, [str(w.text) for w in entries.value]))
    return found


def _merge_kinds(aspect: Aspect, item: Item | None, reader: FieldReader) -> None:
    """``kinds: {kind: [word, ...]}`` of a set aspect: the words of its items' values that
    say which kind each item is (a folder's words add to the built-in ones)."""
    for kind, _, words in _kind_lists(aspect, item, reader, "kinds", "words"):
        found = {value_key(w) for w in words}
        aspect.kinds[kind] = aspect.kinds.get(kind, frozenset()) | frozenset(found)


def _merge_kind_items(aspect: Aspect, item: Item | None, reader: FieldReader) -> None:
    """``kind_items: {kind: [item, ...]}`` of a set aspect: the items that stand for a
    whole kind of its ``kinds`` ("civilian-infrastructure"); denying one denies each item
    of that kind."""
    for kind, node, items in _kind_lists(aspect, item, reader, "kind_items", "items"):
        if kind not in aspect.kinds:
            reader.add(
                "bad-value",
                f"'{kind}' in 'kind_items' is not one of the aspect's kinds",
                node,
                id=aspect.id,
                hint=suggest(kind, list(aspect.kinds)),
            )
            continue
        for name in items:
            aspect.kind_items[aspect.canonical(name)] = kind


def _merge_values(aspect: Aspect, item: Item | None, reader: FieldReader) -> None:
    if item is None or item.value is None:
        return
    if isinstance(item.value, dict):
        for key, label in item.value.items():
            aspect.values[value_key(key)] = label.text or key.replace("-", " ")
    elif isinstance(item.value, list):
        for entry in item.value:
            if entry.text is None:
                reader.add("wrong-type", "'values' entries must be text", entry, id=aspect.id)
            else:
                aspect.values.setdefault(value_key(entry.text), entry.text)
    else:
        reader.add(
            "wrong-type",
            "'values' must be a mapping of value -> label, or a list",
            item,
            id=aspect.id,
        )


def _merge_synonyms(aspect: Aspect, item: Item | None, reader: FieldReader) -> None:
    if item is None or item.value is None:
        return
    if not isinstance(item.value, dict):
        reader.add(
            "wrong-type", "'synonyms' must map a value to its other words", item, id=aspect.id
        )
        return
    for canonical_text, words in item.value.items():
        canonical = value_key(canonical_text)
        if aspect.closed and aspect.values and canonical not in aspect.values:
            reader.add(
                "bad-value",
                f"synonyms for unknown {aspect.id} value '{canonical_text}'",
                words,
                id=aspect.id,
                hint=suggest(canonical, aspect.values),
                at_key=True,
            )
            continue
        entries = words.value if isinstance(words.value, list) else [words]
        for word in entries:
            if word.text is None or word.value is None:
                reader.add("wrong-type", "a synonym must be text", word, id=aspect.id)
                continue
            key = value_key(word.text)
            previous = aspect.synonyms.get(key)
            if previous is not None and previous != canonical:
                reader.add(
                    "synonym-conflict",
                    f"'{word.text}' already means {aspect.id} '{previous}', not '{canonical}'",
                    word,
                    id=aspect.id,
                )
                continue
            if key in aspect.values and key != canonical:
                reader.add(
                    "synonym-conflict",
                    f"'{word.text}' is itself a {aspect.id} value; it cannot mean '{canonical}'",
                    word,
                    id=aspect.id,
                )
                continue
            aspect.synonyms[key] = canonical


def _merge_compatible(aspect: Aspect, item: Item | None, reader: FieldReader) -> None:
    if item is None or item.value is None:
        return
    pairs = item.value if isinstance(item.value, list) else None
    if pairs is None:
        reader.add(
            "wrong-type", "'compatible' must be a list of [value, value] pairs", item, id=aspect.id
        )
        return
    found = set(aspect.compatible)
    for pair in pairs:
        members = pair.value if isinstance(pair.value, list) else []
        texts = [m.text for m in members if m.text is not None and m.value is not None]
        if len(members) != 2 or len(texts) != 2:
            reader.add("wrong-type", "a compatible pair must be [value, value]", pair, id=aspect.id)
            continue
        slugs = [aspect.canonical(t) for t in texts]
        unknown = [s for s in slugs if aspect.closed and aspect.values and s not in aspect.values]
        if unknown:
            reader.add(
                "bad-value",
                f"compatible pair names unknown {aspect.id} value '{unknown[0]}'",
                pair,
                id=aspect.id,
                hint=suggest(unknown[0], aspect.values),
            )
            continue
        found.add(frozenset(slugs))
    aspect.compatible = frozenset(found)
