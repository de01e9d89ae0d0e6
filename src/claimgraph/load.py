"""Read a claims folder into a :class:`~claimgraph.model.Corpus`, collecting every problem.

>>> from pathlib import Path
>>> corpus, report = read_corpus(Path("no-such-folder"))
>>> [str(p) for p in report.problems], sorted(corpus.sides)
(['no-such-folder: claims folder not found'], ['independent', 'international', 'russia', 'ukraine'])

The verbs come in pairs: :func:`read_claim_file` takes a path and hands the
text to :func:`parse_claim_file`; :func:`read_corpus` reads a whole folder
and :func:`load_corpus` raises :class:`~claimgraph.errors.InvalidInput`
when the folder has errors. Nothing here prints or exits.

Every YAML file under the folder is read, sorted by path; a file may hold any
of the top-level keys ``sides``, ``parties``, ``events``, ``aspects``,
``source`` and ``claims``. A file whose ``source`` has ``status: draft`` is
skipped unless ``include_drafts``. Cross references (parties, events,
aspects, linked claims) are resolved after every file is read, so their
order does not matter.
"""

from __future__ import annotations

import gc
import math
import os
import re
import sys
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path

from claimgraph import bulk, validate
from claimgraph.cache import Cache, content_key, project_root
from claimgraph.errors import InvalidInput
from claimgraph.io import files
from claimgraph.io.files import ReadRefused, read_bounded, read_regular
from claimgraph.io.walk import files_under
from claimgraph.model import (
    EVIDENCE_KINDS,
    Aspect,
    AspectType,
    Certainty,
    Claim,
    Corpus,
    Event,
    Links,
    Location,
    Party,
    Review,
    Side,
    Source,
    Stance,
    Value,
    value_key,
)
from claimgraph.problems import ProblemType, Report, suggest
from claimgraph.quantities import parse_count
from claimgraph.schema import FIELDS
from claimgraph.validate import FieldReader, Places, SourceText
from claimgraph.yamlsafe import Item, decode, parse_yaml

__all__ = [
    "ClaimFile",
    "Loaded",
    "builtin_aspects",
    "builtin_sides",
    "claim_files",
    "load_corpus",
    "parse_claim_document",
    "parse_claim_file",
    "read_bulk_file",
    "read_claim_file",
    "read_corpus",
    "scan",
    "typed_value",
]

YAML_SUFFIXES = (".yaml", ".yml")
_STANCES = tuple(s.value for s in Stance)
_NO_LINKS = Links()
_SETS: dict[frozenset[str], frozenset[str]] = {}  # one copy of each set value
_EVIDENCE: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each evidence tuple
_CERTAINTIES = tuple(c.value for c in Certainty)


@dataclass(slots=True)
class PendingClaim:
    """A claim read from its file, waiting for the corpus to type its value and check its ids."""

    claim: Claim
    value: Item | None
    event_at: Location
    party_at: Location
    aspect_at: Location
    id_at: Location
    source_at: Location | None = None  # only when the claim names its source


@dataclass(slots=True)
class ClaimFile:
    """What one claim file holds, before cross references are resolved."""

    path: str
    sides: list[tuple[Side, Location]] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    aspects: list[tuple[str, Item]] = field(default_factory=list)
    source: Source | None = None
    source_id_at: Location | None = None
    source_file_at: Location | None = None
    claims: list[PendingClaim] = field(default_factory=list)
    places: Places = field(default_factory=Places)

    @property
    def draft(self) -> bool:
        return self.source is not None and self.source.status == "draft"


@dataclass(slots=True)
class Loaded:
    """The result of reading a folder: the corpus, the problems and what was read."""

    corpus: Corpus
    report: Report
    files: list[Path] = field(default_factory=list)
    drafts_skipped: list[Path] = field(default_factory=list)


# ----------------------------------------------------------------------------
# Built-in data


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
        _merge_aspect(aspects, aspect_id, item, FieldReader("claimgraph/data/aspects.yaml", report))
    return aspects


def builtin_sides() -> dict[str, Side]:
    """The built-in sides: russia, ukraine, independent, international.

    >>> sorted(builtin_sides())
    ['independent', 'international', 'russia', 'ukraine']
    """
    item = _read_package_yaml("sides.yaml")
    return {k: Side(k, str(v.value)) for k, v in item.value["sides"].value.items()}


# ----------------------------------------------------------------------------
# One file


def read_claim_file(
    path: Path, display: str | None = None, *, cache: Cache | None = None
) -> tuple[ClaimFile, Report]:
    """Read one claim file (bounded in size, UTF-8) and parse it.

    ``display`` is the path used in messages (default: ``str(path)``). With a
    ``cache``, a file whose exact content was parsed before is not parsed again.
    """
    name = display or str(path)
    refused = Report()
    data = read_bounded(path, name, refused)
    if data is None:
        return ClaimFile(name), refused
    key = content_key("yaml", name, data) if cache is not None else ""
    if cache is not None:
        hit = cache.get("claimfile", key)
        if isinstance(hit, tuple):
            return hit
    report = Report()
    text = decode(data, name, report)
    if text is None:
        return ClaimFile(name), report
    try:
        parsed, more = parse_claim_file(text, name)
    except Exception as exc:  # a bug must not become a traceback: report it, keep going
        _internal_error(report, name, exc)
        return ClaimFile(name), report
    report.extend(more)
    if cache is not None:
        cache.put("claimfile", key, (parsed, report))
    return parsed, report


def read_bulk_file(
    path: Path,
    display: str | None = None,
    *,
    text_aspects: Collection[str] = ("comment",),
    cache: Cache | None = None,
) -> list[tuple[ClaimFile, Report]]:
    """Read a CSV or JSON Lines claim file (:mod:`claimgraph.bulk`): one ClaimFile per source.

    Problems of the file as a whole (a CSV syntax error, an unknown column)
    come with the first; a file with no usable source gives one empty ClaimFile.
    ``text_aspects`` are the aspects whose CSV values are never split at ``;``.
    """
    name = display or str(path)
    refused = Report()
    data = read_bounded(path, name, refused)
    if data is None:
        return [(ClaimFile(name), refused)]
    key = content_key("bulk", name, data, *sorted(text_aspects)) if cache is not None else ""
    if cache is not None:
        hit = cache.get("claimfile", key)
        if isinstance(hit, list):
            return hit
    report = Report()
    out: list[tuple[ClaimFile, Report]] = []
    text = decode(data, name, report)
    try:
        docs = (
            [] if text is None else bulk.parse_bulk(text, name, report, text_aspects=text_aspects)
        )
        for doc in docs:
            one = Report()
            out.append((parse_claim_document(doc, name, one), one))
    except Exception as exc:  # a bug must not become a traceback: report it, keep going
        _internal_error(report, name, exc)
        out = []
    if not out:
        out.append((ClaimFile(name), Report()))
    out[0][1].problems[:0] = report.problems
    if cache is not None:
        cache.put("claimfile", key, out)
    return out


def _internal_error(report: Report, path: str, exc: Exception) -> None:
    report.add(
        "internal-error",
        f"internal error ({type(exc).__name__}: {exc}); this input is not fully checked, "
        "please report it",
        path,
    )


def parse_claim_file(text: str, path: str) -> tuple[ClaimFile, Report]:
    """Parse the text of one claim file into a :class:`ClaimFile` and its problems.

    >>> text = "source: {id: s1}\\nclaims:\\n  - id: c1\\n    evnt: e1\\n"
    >>> f, r = parse_claim_file(text, "a.yaml")
    >>> for p in r.problems[:2]: print(p)
    a.yaml:4:5: unknown field 'evnt' in claim 'c1' (did you mean 'event'?)
    a.yaml:3:5: claim 'c1' has no 'event'
    """
    report = Report()
    doc = parse_yaml(text, path, report)
    if doc is None:
        if report.valid:
            report.add("empty-file", "empty claim file", path, severity="warning")
        return ClaimFile(path), report
    return parse_claim_document(doc, path, report), report


def parse_claim_document(doc: Item, path: str, report: Report) -> ClaimFile:
    """One claim document into a :class:`ClaimFile`: a YAML file's top level, or one
    source of a CSV or JSON Lines file (:mod:`claimgraph.bulk`); problems go to ``report``."""
    out = ClaimFile(path)
    reader = FieldReader(path, report)
    if not isinstance(doc.value, dict):
        reader.add(
            "wrong-type",
            "the top level must be a mapping of sides, parties, events, aspects, source, claims; "
            f"not {doc.kind if doc.kind != 'list' else 'a list'}",
            doc,
        )
        return out
    top = reader.record(doc, "file", None)
    assert top is not None
    if not top or all(v.value is None for v in top.values()):
        report.add("empty-file", "claim file holds nothing", path, severity="warning")
    for key, parse in (
        ("sides", _parse_sides),
        ("parties", _parse_parties),
        ("events", _parse_events),
        ("aspects", _parse_aspects),
        ("source", _parse_source),
        ("claims", _parse_claims),
    ):
        item = top.get(key)
        if item is not None and item.value is not None:
            parse(item, reader, out)
    return out


def _mapping_of(item: Item, what: str, reader: FieldReader) -> dict[str, Item]:
    if not isinstance(item.value, dict):
        reader.add(
            "wrong-type",
            f"'{what}' must be a mapping of ids to records, not {validate.kind_name(item.kind)}",
            item,
        )
        return {}
    return item.value


def _key_at(reader: FieldReader, item: Item) -> Location:
    return Location(reader.path, item.key_line, item.key_column)


def _parse_sides(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    for side_id, value in _mapping_of(item, "sides", reader).items():
        if not reader.check_id(value, "side", side_id):
            continue
        if isinstance(value.value, dict):
            fields = value.value
            name = reader.text(fields, "name", side_id) if "name" in fields else side_id
        elif value.text is not None:
            name = value.text if value.value is not None else side_id
        else:
            reader.add("wrong-type", f"side '{side_id}' must be a name", value, id=side_id)
            continue
        out.sides.append((Side(side_id, name), _key_at(reader, value)))


def _parse_parties(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    for party_id, value in _mapping_of(item, "parties", reader).items():
        if not reader.check_id(value, "party", party_id):
            continue
        fields = reader.record(value, "party", party_id)
        if fields is None:
            continue
        if "side" in fields:
            out.places.put(party_id, "party-side", "", reader.where(fields["side"]))
        out.parties.append(
            Party(
                id=party_id,
                name=reader.text(fields, "name", party_id) or party_id,
                side=reader.text(fields, "side", party_id),
                kind=reader.text(fields, "kind", party_id) or "unknown",
                aliases=tuple(a.text or "" for a in reader.texts(fields, "aliases", party_id)),
                where=_key_at(reader, value),
            )
        )


def _parse_events(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    for event_id, value in _mapping_of(item, "events", reader).items():
        if not reader.check_id(value, "event", event_id):
            continue
        fields = reader.record(value, "event", event_id)
        if fields is None:
            continue
        event = Event(
            id=event_id,
            title=reader.text(fields, "title", event_id) or event_id,
            date=reader.day(fields, "date", event_id),
            start=reader.day(fields, "start", event_id),
            end=reader.day(fields, "end", event_id),
            place=reader.text(fields, "place", event_id),
            region=reader.text(fields, "region", event_id),
            coords=_coords(fields.get("coords"), reader, event_id),
            where=_key_at(reader, value),
        )
        if event.start and event.end and event.start > event.end:
            reader.add(
                "bad-date",
                f"event '{event_id}' ends ({event.end}) before it starts ({event.start})",
                fields["end"],
                id=event_id,
            )
        if event.date and (event.start or event.end):
            reader.add(
                "bad-date",
                f"event '{event_id}' has both 'date' and 'start'/'end': give one or the other",
                fields["date"],
                id=event_id,
            )
        out.events.append(event)


def _coords(item: Item | None, reader: FieldReader, event_id: str) -> tuple[float, float] | None:
    if item is None or item.value is None:
        return None
    values = item.value if isinstance(item.value, list) else []
    numbers = [
        float(v.value)
        for v in values
        if isinstance(v.value, int | float) and not isinstance(v.value, bool)
    ]
    if len(values) != 2 or len(numbers) != 2 or not all(math.isfinite(n) for n in numbers):
        reader.add("bad-value", "'coords' must be [latitude, longitude]", item, id=event_id)
        return None
    lat, lon = numbers
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        reader.add(
            "bad-value",
            f"coords [{lat}, {lon}] are off the globe: latitude -90..90, longitude -180..180",
            item,
            id=event_id,
        )
        return None
    return lat, lon


def _parse_aspects(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    for aspect_id, value in _mapping_of(item, "aspects", reader).items():
        if not reader.check_id(value, "aspect", aspect_id):
            continue
        if reader.record(value, "aspect", aspect_id) is not None:
            out.aspects.append((aspect_id, value))


def _url(item: Item | None, text: str, reader: FieldReader, id: str) -> str:
    if text and not text.lower().startswith(("http://", "https://")):
        reader.add("bad-value", f"url '{text}' must start with http:// or https://", item, id=id)
        return ""
    return text


def _parse_source(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    fields = reader.record(item, "source", None)
    if fields is None:
        return
    source_id = reader.text(fields, "id")
    if not source_id or not reader.check_id(fields.get("id"), "source", source_id):
        return
    status = reader.choice(fields, "status", ("final", "draft"), "bad-value", source_id)
    out.source = Source(
        id=source_id,
        title=reader.text(fields, "title", source_id),
        outlet=reader.text(fields, "outlet", source_id),
        url=_url(fields.get("url"), reader.text(fields, "url", source_id), reader, source_id),
        published=reader.day(fields, "published", source_id),
        language=reader.text(fields, "language", source_id),
        file=reader.text(fields, "file", source_id) or None,
        status=status or "final",
        where=reader.where(item),
    )
    out.source_id_at = reader.where(fields["id"])
    if "file" in fields:
        out.source_file_at = reader.where(fields["file"])


def _parse_claims(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    if not isinstance(item.value, list):
        reader.add(
            "wrong-type",
            f"'claims' must be a list of claims, not {validate.kind_name(item.kind)}",
            item,
        )
        return
    source_id = out.source.id if out.source else ""
    for entry in item.value:
        pending = _parse_claim(entry, reader, source_id, out.places)
        if pending is not None:
            out.claims.append(pending)


def _parse_claim(
    item: Item, reader: FieldReader, source_id: str, places: Places
) -> PendingClaim | None:
    raw_id = item.value.get("id") if isinstance(item.value, dict) else None
    claim_id = (raw_id.text or "") if raw_id is not None and raw_id.value is not None else ""
    fields = reader.record(item, "claim", claim_id or None)
    if fields is None or not claim_id:
        return None
    if not reader.check_id(raw_id, "claim", claim_id):
        return None
    cid = claim_id
    stance = reader.choice(fields, "stance", _STANCES, "bad-stance", cid)
    certainty = reader.choice(fields, "certainty", _CERTAINTIES, "bad-certainty", cid)
    evidence_items = reader.texts(fields, "evidence", cid)
    evidence: list[str] = []
    for e in evidence_items:
        kind = (e.text or "").strip().casefold()
        if kind not in EVIDENCE_KINDS:
            reader.add(
                "bad-evidence",
                f"evidence '{e.text}' is not one of {', '.join(EVIDENCE_KINDS)}",
                e,
                id=cid,
                hint=suggest(kind, EVIDENCE_KINDS),
            )
        elif kind not in evidence:
            evidence.append(kind)
    if "none" in evidence and len(evidence) > 1:
        reader.add(
            "bad-evidence",
            f"claim '{cid}' has evidence 'none' together with "
            + ", ".join(e for e in evidence if e != "none"),
            fields["evidence"],
            id=cid,
        )
    links = _parse_links(fields.get("links"), reader, cid, places)
    review = _parse_review(fields.get("review"), reader, cid)
    here = reader.where(item)

    def at(name: str) -> Location:
        found = fields.get(name) if fields else None
        return reader.where(found) if found is not None else here

    if "quote" not in fields and any(
        suggest(name, ["quote"]) for name in fields if name not in FIELDS["claim"]
    ):  # a misspelt 'quote' is reported as an unknown field, not again as a missing quote
        places.put(cid, "quote-wrong-type", "", here)
    if "quote" in fields:
        places.quotes[cid] = (fields["quote"].line, fields["quote"].column)
        if fields["quote"].text is None and fields["quote"].value is not None:
            places.put(cid, "quote-wrong-type", "", at("quote"))
    intern = sys.intern  # ids and names repeat across claims: keep one copy of each
    claim = Claim(
        id=cid,
        event=intern(reader.text(fields, "event", cid)),
        party=intern(reader.text(fields, "party", cid)),
        source=intern(reader.text(fields, "source", cid) or source_id),
        aspect=intern(reader.text(fields, "aspect", cid)),
        value=None,
        quote=reader.text(fields, "quote", cid),
        stance=Stance(stance) if stance else Stance.ASSERTS,
        certainty=Certainty(certainty) if certainty else Certainty.ASSERTED,
        evidence=_EVIDENCE.setdefault(tuple(evidence), tuple(evidence)),
        speaker=intern(reader.text(fields, "speaker", cid)),
        via=intern(reader.text(fields, "via", cid)),
        said_on=reader.moment(fields, "said_on", cid),
        links=links,
        review=review,
        note=reader.text(fields, "note", cid),
        where=here,
    )
    if not claim.source:
        reader.add(
            "missing-field",
            f"claim '{cid}' has no source: give the file a 'source:' or the claim a 'source' id",
            item,
            id=cid,
        )
    return PendingClaim(
        claim,
        fields.get("value"),
        at("event"),
        at("party"),
        at("aspect"),
        at("id"),
        at("source") if "source" in fields else None,
    )


def _parse_links(item: Item | None, reader: FieldReader, cid: str, places: Places) -> Links:
    if item is None or item.value is None:
        return _NO_LINKS
    fields = reader.record(item, "links", cid)
    if fields is None:
        return _NO_LINKS
    found: dict[str, list[str]] = {}
    for relation in ("contradicts", "corroborates", "supersedes"):
        targets = reader.texts(fields, relation, cid)
        if relation == "supersedes" and len(targets) > 1:
            reader.add(
                "wrong-type",
                "'supersedes' names one claim, not a list",
                fields[relation],
                id=cid,
            )
            targets = targets[:1]
        names = []
        for target in targets:
            name = (target.text or "").strip()
            places.put(cid, relation, name, reader.where(target))
            if name not in names:
                names.append(name)
        found[relation] = names
    return Links(
        contradicts=tuple(found["contradicts"]),
        corroborates=tuple(found["corroborates"]),
        supersedes=found["supersedes"][0] if found["supersedes"] else None,
    )


def _parse_review(item: Item | None, reader: FieldReader, cid: str) -> Review | None:
    if item is None or item.value is None:
        return None
    fields = reader.record(item, "review", cid)
    if fields is None:
        return None
    value = reader.integer(fields, "value", cid)
    best = reader.integer(fields, "best", cid)
    worst = reader.integer(fields, "worst", cid)
    if best is not None and worst is not None and worst > best:
        reader.add(
            "bad-value",
            f"review 'worst' ({worst}) is above 'best' ({best})",
            fields["worst"],
            id=cid,
        )
    elif value is not None and (
        (best is not None and value > best) or (worst is not None and value < worst)
    ):
        reader.add(
            "bad-value",
            f"review rating value {value} is outside worst..best ({worst}..{best})",
            fields["value"],
            id=cid,
        )
    return Review(
        rating=reader.text(fields, "rating", cid),
        value=value,
        best=best,
        worst=worst,
        reviewer=reader.text(fields, "reviewer", cid),
        date=reader.day(fields, "date", cid),
        url=_url(fields.get("url"), reader.text(fields, "url", cid), reader, cid),
        summary=reader.text(fields, "summary", cid),
    )


# ----------------------------------------------------------------------------
# Aspects


def _merge_aspect(
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


# ----------------------------------------------------------------------------
# Values


# A number as people write it: no leading zero, no base prefix, no sexagesimal colon.
_DECIMAL = re.compile(r"[-+]?(?:0|[1-9][0-9_]*)(?:\.[0-9_]*)?(?:[eE][-+]?[0-9]+)?")


def typed_value(aspect: Aspect, item: Item) -> Value:
    """The value of a claim typed by its aspect; raises ``ValueError`` with the reason.

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


def _value_hint(aspect: Aspect, text: str) -> str | None:
    choices = {**{v: v for v in aspect.values}, **aspect.synonyms}
    hit = suggest(value_key(text), choices)
    return choices[hit] if hit else None


# ----------------------------------------------------------------------------
# The folder


def claim_files(claims_dir: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml``/``*.csv``/``*.jsonl`` under the folder, sorted; hidden files
    and folders are skipped."""
    return files_under(claims_dir, YAML_SUFFIXES + bulk.BULK_SUFFIXES)


def _text_aspects(corpus: Corpus, parsed: Iterable[ClaimFile]) -> frozenset[str]:
    """Aspects whose values are free text: built-in ones and those the files declare."""
    out = {a.id for a in corpus.aspects.values() if a.type is AspectType.TEXT}
    for f in parsed:
        for aspect_id, item in f.aspects:
            kind = item.value.get("type") if isinstance(item.value, dict) else None
            if kind is not None and kind.value == AspectType.TEXT.value:
                out.add(aspect_id)
    return frozenset(out)


def scan(
    claims_dir: Path,
    *,
    include_drafts: bool = False,
    root: Path | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    drafts: Iterable[Path] = (),
) -> Loaded:
    """Read a claims folder: the corpus, every problem, and the files read and skipped.

    ``cache`` keeps each file's parse by content (see :mod:`claimgraph.cache`);
    ``progress(done, total)`` is called after each file is read. ``drafts``
    names draft files read even without ``include_drafts`` (a draft checked
    with its folder before it is promoted).

    Python's cyclic garbage collector is paused while reading: loading makes
    millions of small objects and no cycles, and the collector's repeated
    passes over them cost as much as the reading itself at 100,000 claims.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _scan(
            claims_dir,
            include_drafts=include_drafts,
            root=root,
            cache=cache,
            progress=progress,
            drafts=frozenset(p.resolve() for p in drafts),
        )
    finally:
        if was_enabled:
            gc.enable()


def _scan(
    claims_dir: Path,
    *,
    include_drafts: bool,
    root: Path | None,
    cache: Cache | None,
    progress: Callable[[int, int], None] | None,
    drafts: frozenset[Path] = frozenset(),
) -> Loaded:
    report = Report()
    corpus = Corpus(sides=builtin_sides(), aspects=builtin_aspects())
    loaded = Loaded(corpus, report)
    if not claims_dir.is_dir():
        report.add("missing-folder", "claims folder not found", str(claims_dir))
        return loaded
    root = root if root is not None else project_root(claims_dir)
    files: list[tuple[Path, ClaimFile]] = []
    paths = claim_files(claims_dir)
    read: dict[Path, list[tuple[ClaimFile, Report]]] = {}

    def done() -> None:
        if progress is not None:
            progress(len(read), len(paths))

    # YAML first: the aspects they declare decide which CSV values are free text.
    for path in paths:
        if not path.name.endswith(bulk.BULK_SUFFIXES):
            read[path] = [read_claim_file(path, cache=cache)]
            done()
    text_aspects = _text_aspects(corpus, [f for got in read.values() for f, _ in got])
    for path in paths:
        if path.name.endswith(bulk.BULK_SUFFIXES):
            read[path] = read_bulk_file(path, text_aspects=text_aspects, cache=cache)
            done()
    for path in paths:
        for parsed, problems in read.pop(path):
            if parsed.draft and not include_drafts and path.resolve() not in drafts:
                loaded.drafts_skipped.append(path)
                continue
            if not loaded.files or loaded.files[-1] != path:
                loaded.files.append(path)
            report.extend(problems)
            files.append((path, parsed))
    unusable: set[str] = set()
    try:
        _build(corpus, files, report, unusable)
        places = Places()
        for _, parsed in files:
            places.update(parsed.places)
        texts = read_source_texts(corpus, files, root, report)
        validate.check_corpus(corpus, report, places)
        validate.check_links(corpus, places, report, unusable)
        validate.check_quotes(corpus, texts, places, report)
    except Exception as exc:  # a bug must not become a traceback: report it
        _internal_error(report, str(claims_dir), exc)
    return loaded


def read_corpus(
    claims_dir: Path, *, include_drafts: bool = False, root: Path | None = None
) -> tuple[Corpus, Report]:
    """Read every claim file under ``claims_dir`` into a Corpus, collecting all problems.

    ``root`` (default: the folder's parent) is where a source's ``file`` is
    found; a path relative to the claim file's own folder is tried next.
    The corpus holds everything usable; the report says what is not.
    """
    loaded = scan(claims_dir, include_drafts=include_drafts, root=root)
    return loaded.corpus, loaded.report


def load_corpus(
    claims_dir: Path, *, include_drafts: bool = False, root: Path | None = None
) -> Corpus:
    """Read a claims folder; raise :class:`~claimgraph.errors.InvalidInput` if it has errors."""
    corpus, report = read_corpus(claims_dir, include_drafts=include_drafts, root=root)
    if not report.valid:
        raise InvalidInput(report)
    return corpus


def _duplicate(
    report: Report, kind: str, id: str, first: Location | None, here: Location | None
) -> None:
    at = here or Location("?", 0)
    report.at(
        "duplicate-id",
        f"duplicate {kind} id '{id}' (first defined at {first})",
        at,
        id=id,
    )


def _same(a: Party | Event, b: Party | Event) -> bool:
    fields = [f for f in a.__slots__ if f != "where"]
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _build(
    corpus: Corpus,
    files: Iterable[tuple[Path, ClaimFile]],
    report: Report,
    unusable: set[str],
) -> None:
    """Merge every file into the corpus; ids of claims that cannot be used go to ``unusable``."""
    files = list(files)
    for _, f in files:
        for side, _ in f.sides:  # a later name for the same side wins
            corpus.sides[side.id] = side
        for aspect_id, item in f.aspects:
            _merge_aspect(corpus.aspects, aspect_id, item, FieldReader(f.path, report))
    for _, f in files:
        for party in f.parties:
            first = corpus.parties.get(party.id)
            if first is None:
                corpus.parties[party.id] = party
            elif not _same(first, party):
                _duplicate(report, "party", party.id, first.where, party.where)
        for event in f.events:
            first_event = corpus.events.get(event.id)
            if first_event is None:
                corpus.events[event.id] = event
            elif not _same(first_event, event):
                _duplicate(report, "event", event.id, first_event.where, event.where)
        if f.source is not None:
            first_source = corpus.sources.get(f.source.id)
            if first_source is None:
                corpus.sources[f.source.id] = f.source
            else:
                _duplicate(report, "source", f.source.id, first_source.where, f.source_id_at)
    _check_case(corpus, report)
    aliases = validate.alias_index(corpus)
    for _, f in files:
        reader = FieldReader(f.path, report)
        for pending in f.claims:
            _add_claim(corpus, pending, reader, aliases, unusable)
        f.claims = []  # the places kept for typing are no longer needed


def _check_case(corpus: Corpus, report: Report) -> None:
    """Refuse event ids that differ only by case: their reports (``EVENT.md``, one per
    event) would be one file on the disks of macOS and Windows, which ignore case."""
    seen: dict[str, Event] = {}
    for event in corpus.events.values():
        first = seen.setdefault(event.id.casefold(), event)
        if first is event:
            continue
        at = event.where or Location("?", 0)
        report.add(
            "duplicate-id",
            f"event id '{event.id}' differs from '{first.id}' (defined at {first.where}) "
            "only by case: their reports would be one file on macOS and Windows disks; "
            "rename one",
            at.path,
            at.line,
            at.column,
            id=event.id,
        )


def _report_at(
    reader: FieldReader,
    at: Location,
    type: ProblemType,
    message: str,
    id: str,
    hint: str | None = None,
) -> None:
    reader.report.at(type, message, at, id=id, hint=hint)


def _add_claim(
    corpus: Corpus,
    pending: PendingClaim,
    reader: FieldReader,
    aliases: dict[str, str],
    unusable: set[str],
) -> None:
    claim = pending.claim
    cid = claim.id
    first = corpus.claims.get(cid)
    if first is not None:
        _duplicate(reader.report, "claim", cid, first.where, pending.id_at)
        return
    usable = True
    if claim.event and claim.event not in corpus.events:
        _report_at(
            reader,
            pending.event_at,
            "unknown-event",
            f"unknown event '{claim.event}' in claim '{cid}'",
            cid,
            validate.nearest(claim.event, corpus.events),
        )
        usable = False
    if claim.party and claim.party not in corpus.parties:
        _report_at(
            reader,
            pending.party_at,
            "unknown-party",
            f"unknown party '{claim.party}' in claim '{cid}'",
            cid,
            validate.party_hint(claim.party, corpus, aliases),
        )
        usable = False
    if pending.source_at is not None and claim.source not in corpus.sources:
        _report_at(
            reader,
            pending.source_at,
            "unknown-source",
            f"unknown source '{claim.source}' in claim '{cid}'",
            cid,
            validate.nearest(claim.source, corpus.sources),
        )
        usable = False
    aspect = corpus.aspects.get(claim.aspect)
    if claim.aspect and aspect is None:
        _report_at(
            reader,
            pending.aspect_at,
            "unknown-aspect",
            f"unknown aspect '{claim.aspect}' in claim '{cid}'",
            cid,
            suggest(claim.aspect, corpus.aspects),
        )
        usable = False
    if not (claim.event and claim.party and claim.aspect and claim.source):
        usable = False
    item = pending.value
    has_value = item is not None and item.value is not None and item.value != ""
    if claim.stance is Stance.DECLINES:
        if has_value and item is not None:
            reader.add(
                "bad-value",
                f"claim '{cid}' declines to answer, so it carries no value "
                "(use stance 'asserts' or 'denies', or drop the value)",
                item,
                id=cid,
            )
        claim.raw_value = item.plain() if item is not None else None
    elif not has_value:
        at = reader.where(item) if item is not None else (claim.where or pending.id_at)
        _report_at(
            reader,
            at,
            "missing-field",
            f"claim '{cid}' has no 'value' (only a 'declines' claim may leave it out)",
            cid,
        )
        usable = False
    elif aspect is not None and item is not None:
        claim.raw_value = item.plain()
        try:
            claim.value = typed_value(aspect, item)
        except ValueError as exc:
            hint = None
            if aspect.type in (AspectType.CATEGORY, AspectType.SET):
                bad = str(exc).split("'")[-2] if str(exc).count("'") >= 2 else ""
                hint = _value_hint(aspect, bad) if bad else None
            reader.add(
                "bad-value",
                f"bad value for '{aspect.id}' in claim '{cid}': {exc}",
                item,
                id=cid,
                hint=hint,
            )
            usable = False
    if usable:
        corpus.claims[cid] = claim
    else:
        unusable.add(cid)


# ----------------------------------------------------------------------------
# Source texts


def read_source_texts(
    corpus: Corpus,
    files: Iterable[tuple[Path, ClaimFile]],
    root: Path,
    report: Report,
) -> Mapping[str, SourceText]:
    """Each source's text, normalised for quote checks; missing files are problems.

    Files are found (and refused when missing or outside the project) at once,
    but read only when a quote asks for them, one at a time, so memory holds
    one source text, not all of them.
    """
    out = _SourceTexts(report)
    base = root.resolve()
    for path, f in files:
        source = f.source
        if source is None or corpus.sources.get(source.id) is not source:
            continue
        if not source.file:
            out.fixed[source.id] = SourceText(None)
            continue
        at = f.source_file_at or source.where or Location(f.path, 0)

        def problem(
            type: ProblemType, message: str, _at: Location = at, _id: str = source.id
        ) -> None:
            report.at(type, message, _at, id=_id)

        relative = Path(source.file)
        if relative.is_absolute():
            problem("unsafe-path", f"source file '{source.file}' must be a relative path")
            out.fixed[source.id] = SourceText(None, "unsafe")
            continue
        candidates = [base / relative, path.resolve().parent / relative]
        found = next((c.resolve() for c in candidates if c.is_file()), None)
        if found is None and any(c.exists() for c in candidates):
            problem(
                "unreadable-file",
                f"source file '{source.file}' of source '{source.id}' is not a regular file "
                "(a device, a pipe or a folder): not read",
            )
            out.fixed[source.id] = SourceText(None, "unreadable")
            continue
        if found is None:
            problem(
                "missing-source-file",
                f"source file '{source.file}' of source '{source.id}' not found "
                f"(looked in {_shown(root)} and {_shown(path.parent)})",
            )
            out.fixed[source.id] = SourceText(None, "missing")
            continue
        if not found.is_relative_to(base) and not found.is_relative_to(path.resolve().parent):
            problem(
                "unsafe-path",
                f"source file '{source.file}' is outside the project folder {root}",
            )
            out.fixed[source.id] = SourceText(None, "unsafe")
            continue
        out.files[source.id] = (found, source.file, at)
    return out


class _SourceTexts(Mapping[str, SourceText]):
    """Source texts by source id, read on first use; only the last one read is kept."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.fixed: dict[str, SourceText] = {}  # no file, or a file that cannot be used
        self.files: dict[str, tuple[Path, str, Location]] = {}
        self._last: tuple[Path, SourceText] | None = None

    def __getitem__(self, source_id: str) -> SourceText:
        if source_id in self.fixed:
            return self.fixed[source_id]
        path, shown, at = self.files[source_id]
        if self._last is not None and self._last[0] == path:
            return self._last[1]
        text = _read_text(path, shown, at, self.report, source_id)
        if text.text is None:
            self.fixed[source_id] = text  # reported once
        self._last = (path, text)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter([*self.fixed, *self.files])

    def __len__(self) -> int:
        return len(self.fixed) + len(self.files)


def _shown(folder: Path) -> str:
    """A folder as the user would write it: relative to the working folder."""
    try:
        return Path(os.path.relpath(folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(folder)


def _read_text(path: Path, shown: str, at: Location, report: Report, source_id: str) -> SourceText:
    try:
        data = read_regular(path)
    except ReadRefused as exc:
        if exc.type == "file-too-large":
            message = f"source file '{shown}' is over the limit of {files.MAX_FILE_BYTES:,} bytes"
            report.at("file-too-large", message, at, id=source_id)
            return SourceText(None, "too large")
        report.at(exc.type, f"source file '{shown}': {exc}", at, id=source_id)
        return SourceText(None, "unreadable")
    except OSError as exc:
        report.at(
            "missing-source-file",
            f"cannot read source file '{shown}' ({exc.strerror or exc})",
            at,
            id=source_id,
        )
        return SourceText(None, "unreadable")
    sub = Report()
    text = decode(data, shown, sub)
    if text is None:
        for p in sub.problems:
            report.at(
                p.type,
                f"source file '{shown}': {p.message}",
                at,
                id=source_id,
            )
        return SourceText(None, "undecodable")
    return SourceText(validate.normalise_quote(text))
