"""A claim document (a YAML file's top level, or one source of a bulk file) into model
objects: sides, parties, events, aspects to merge, the source and its pending claims."""

from __future__ import annotations

import math
import sys
from datetime import date
from typing import Any

from claimgraph import checks
from claimgraph.checks import FieldReader, Places
from claimgraph.io.yaml_read import Item
from claimgraph.load.records import ClaimFile, PendingClaim
from claimgraph.model import (
    EVIDENCE_KINDS,
    Certainty,
    Claim,
    Event,
    Links,
    Location,
    Party,
    Review,
    Side,
    Source,
    Stance,
)
from claimgraph.problems import Report, suggest
from claimgraph.schema import FIELDS

_STANCES = tuple(s.value for s in Stance)
_NO_LINKS = Links()
_EVIDENCE: dict[tuple[str, ...], tuple[str, ...]] = {}  # one copy of each evidence tuple
_CERTAINTIES = tuple(c.value for c in Certainty)
# Claim fields read by rules of their own; every other field of FIELDS["claim"] is read
# by its kind (FieldReader.read) into the Claim field of the same name.
_READ_APART = frozenset(
    {"id", "source", "value", "stance", "certainty", "evidence", "links", "review"}
)
_INTERNED = ("event", "party", "aspect", "speaker", "via")
_DAYS: dict[date, date] = {}  # one copy of each day a claim was said on


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
            f"'{what}' must be a mapping of ids to records, not {checks.kind_name(item.kind)}",
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


def _plain(
    reader: FieldReader, fields: dict[str, Item], kind: str, id: str, apart: frozenset[str]
) -> dict[str, Any]:
    """The plain fields of a record of ``kind``, each read as :data:`schema.FIELDS` types
    it, in the table's order; the fields in ``apart`` are read by rules of their own."""
    return {
        name: reader.read(fields, name, field_kind, id)
        for name, field_kind in FIELDS[kind].items()
        if name not in apart
    }


_NONE_APART: frozenset[str] = frozenset()
_EVENT_APART = frozenset({"coords"})
_SOURCE_APART = frozenset({"id", "url", "status"})


def _parse_parties(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    for party_id, value in _mapping_of(item, "parties", reader).items():
        if not reader.check_id(value, "party", party_id):
            continue
        fields = reader.record(value, "party", party_id)
        if fields is None:
            continue
        if "side" in fields:
            out.places.put(party_id, "party-side", "", reader.where(fields["side"]))
        plain = _plain(reader, fields, "party", party_id, _NONE_APART)
        plain["name"] = plain["name"] or party_id
        plain["kind"] = plain["kind"] or "unknown"
        out.parties.append(Party(id=party_id, where=_key_at(reader, value), **plain))


def _parse_events(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    for event_id, value in _mapping_of(item, "events", reader).items():
        if not reader.check_id(value, "event", event_id):
            continue
        fields = reader.record(value, "event", event_id)
        if fields is None:
            continue
        plain = _plain(reader, fields, "event", event_id, _EVENT_APART)
        plain["title"] = plain["title"] or event_id
        event = Event(
            id=event_id,
            coords=_coords(fields.get("coords"), reader, event_id),
            where=_key_at(reader, value),
            **plain,
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
    plain = _plain(reader, fields, "source", source_id, _SOURCE_APART)
    plain["file"] = plain["file"] or None
    out.source = Source(
        id=source_id,
        url=_url(fields.get("url"), reader.text(fields, "url", source_id), reader, source_id),
        status=status or "final",
        where=reader.where(item),
        **plain,
    )
    out.source_id_at = reader.where(fields["id"])
    if "file" in fields:
        out.source_file_at = reader.where(fields["file"])


def _parse_claims(item: Item, reader: FieldReader, out: ClaimFile) -> None:
    if not isinstance(item.value, list):
        reader.add(
            "wrong-type",
            f"'claims' must be a list of claims, not {checks.kind_name(item.kind)}",
            item,
        )
        return
    source_id = out.source.id if out.source else ""
    for entry in item.value:
        pending = _parse_claim(entry, reader, source_id, out.places, out.marks)
        if pending is not None:
            out.claims.append(pending)


def _parse_claim(
    item: Item, reader: FieldReader, source_id: str, places: Places, marks: bytearray
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
        places.put_quote(cid, here, fields["quote"].line, fields["quote"].column)
        if fields["quote"].text is None and fields["quote"].value is not None:
            places.put(cid, "quote-wrong-type", "", at("quote"))
    # The plain fields (text, dates) are read as the schema's table types them; a new
    # plain field in schema.FIELDS and model.Claim needs nothing here.
    plain: dict[str, Any] = {
        name: reader.read(fields, name, kind, cid)
        for name, kind in FIELDS["claim"].items()
        if name not in _READ_APART
    }
    for name in _INTERNED:  # ids and names repeat across claims: keep one copy of each
        plain[name] = sys.intern(plain[name])
    said_on = plain.get("said_on")
    if type(said_on) is date:  # so do days (an aware time is equal to others of its instant)
        plain["said_on"] = _DAYS.setdefault(said_on, said_on)
    claim = Claim(
        id=cid,
        source=sys.intern(reader.text(fields, "source", cid) or source_id),
        value=None,
        stance=Stance(stance) if stance else Stance.ASSERTS,
        certainty=Certainty(certainty) if certainty else Certainty.ASSERTED,
        evidence=_EVIDENCE.setdefault(tuple(evidence), tuple(evidence)),
        links=links,
        review=review,
        where=here,
        **plain,
    )
    if not claim.source:
        reader.add(
            "missing-field",
            f"claim '{cid}' has no source: give the file a 'source:' or the claim a 'source' id",
            item,
            id=cid,
        )
    return PendingClaim.of(claim, fields.get("value"), fields, marks)


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
