"""The whole assessment as JSON (versioned schema) and as CSV (one row per claim).

JSON: ``{"format": "claimgraph-assessment", "version": 1, "sides": [...],
"parties": [...], "events": [...], "sources": [...], "claims": [...]}``.
Each event carries its status, counts, questions (with positions, relations
and count reconciliation), claim-level relations and timeline; each party
its track record. Values are typed: a category is a string, a set a sorted
list, a count ``{"low": 4, "high": null, "text": "at least 4"}`` (``null``
for no upper bound), dates ISO 8601. Keys follow the result types of
:mod:`claimgraph.assess`; ``version`` changes when a key is removed or its
meaning changes (adding keys does not).

CSV: the columns of :data:`CSV_COLUMNS`, one row per claim in corpus order;
lists inside a cell are joined with ``;``.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import json
import math
from collections.abc import Collection, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from claimgraph.assess import Assessment, EventAssessment
from claimgraph.model import Claim, Interval, Value

__all__ = [
    "CSV_COLUMNS",
    "JSON_FORMAT",
    "JSON_VERSION",
    "assessment_to_dict",
    "csv_rows",
    "render_csv",
    "render_json",
    "spreadsheet_safe",
    "to_json_value",
]

JSON_FORMAT = "claimgraph-assessment"
JSON_VERSION = 1

CSV_COLUMNS = (
    "claim_id",
    "event",
    "party",
    "side",
    "aspect",
    "value",
    "stance",
    "certainty",
    "evidence",
    "said_on",
    "source",
    "position_id",
    "question_status",
    "event_status",
    "contradicts",
    "corroborates",
    "complements",
    "supersedes",
    "superseded_by",
    "echo_of",
    "speaker",
    "quote",
)


def to_json_value(obj: Any) -> Any:
    """Turn model and assessment objects into plain JSON values.

    >>> to_json_value(Interval(4, math.inf, "at least 4"))
    {'low': 4, 'high': None, 'text': 'at least 4'}
    >>> to_json_value(frozenset({"b", "a"}))
    ['a', 'b']
    >>> to_json_value(date(2023, 3, 20))
    '2023-03-20'
    """
    if obj is None or isinstance(obj, bool | str):
        return obj
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, int):
        return obj
    if isinstance(obj, float):
        if math.isinf(obj) or math.isnan(obj):
            return None
        return int(obj) if obj == int(obj) else obj
    if isinstance(obj, datetime | date):
        return obj.isoformat()
    if isinstance(obj, Interval):
        return {"low": to_json_value(obj.low), "high": to_json_value(obj.high), "text": obj.text}
    if isinstance(obj, frozenset | set):
        return sorted(to_json_value(x) for x in obj)
    if isinstance(obj, list | tuple):
        return [to_json_value(x) for x in obj]
    if isinstance(obj, dict):
        return {str(k): to_json_value(v) for k, v in obj.items()}
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        return {
            f.name: to_json_value(getattr(obj, f.name))
            for f in dataclasses.fields(obj)
            if not f.name.startswith("_") and f.name != "where"
        }
    return str(obj)


def _event_dict(assessment: Assessment, ea: EventAssessment) -> dict[str, Any]:
    event = assessment.corpus.events.get(ea.event)
    out: dict[str, Any] = {"id": ea.event}
    if event is not None:
        info = to_json_value(event)
        info.pop("id", None)
        out.update(info)
    body = to_json_value(ea)
    body.pop("event", None)
    body["questions"] = list(body["questions"].values())
    out.update(body)
    return out


def _claim_dict(assessment: Assessment, claim: Claim) -> dict[str, Any]:
    out: dict[str, Any] = to_json_value(claim)
    out.pop("raw_value", None)
    out["side"] = assessment.corpus.side_of(claim.party)
    out["positions"] = [p.id for p in assessment.positions_of(claim.id)]
    return out


def assessment_to_dict(
    assessment: Assessment, events: Collection[str] | None = None
) -> dict[str, Any]:
    """The whole assessment as one JSON-ready dict (schema version :data:`JSON_VERSION`).

    With ``events``, only those events, their claims and their sources are
    included (parties and their track records always are).
    """
    corpus = assessment.corpus
    claims = [c for c in corpus.claims.values() if events is None or c.event in events]
    used_sources = {c.source for c in claims}
    parties = []
    for party in corpus.parties.values():
        entry: dict[str, Any] = to_json_value(party)
        record = assessment.parties.get(party.id)
        entry["record"] = None
        if record is not None:
            rec = to_json_value(record)
            rec.pop("party", None)
            rec.pop("side", None)
            rec["hedged_share"] = round(record.hedged_share, 4)
            rec["evidence_share"] = round(record.evidence_share, 4)
            entry["record"] = rec
        parties.append(entry)
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "sides": [to_json_value(s) for s in corpus.sides.values()],
        "parties": parties,
        "events": [
            _event_dict(assessment, ea)
            for ea in assessment.events.values()
            if events is None or ea.event in events
        ],
        "sources": [
            to_json_value(s)
            for s in corpus.sources.values()
            if events is None or s.id in used_sources
        ],
        "claims": [_claim_dict(assessment, c) for c in claims],
    }


def render_json(assessment: Assessment, events: Collection[str] | None = None) -> str:
    """The assessment as JSON text (indented, keys in schema order), ending in a newline."""
    data = assessment_to_dict(assessment, events)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _value_text(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, Interval):
        return value.text or str(value)
    if isinstance(value, frozenset):
        return ";".join(sorted(value))
    return value


def _join(ids: Iterable[str]) -> str:
    seen: dict[str, None] = {}
    for i in ids:
        seen.setdefault(i, None)
    return ";".join(seen)


def csv_rows(
    assessment: Assessment, events: Collection[str] | None = None
) -> Iterable[dict[str, str]]:
    """One row per claim (see :data:`CSV_COLUMNS`), relations naming other claims by id.

    ``contradicts`` lists every claim whose (current) answer contradicts this
    one's, those that deny it or that it denies, and the fact-checker's links;
    ``corroborates`` the claims of other parties holding the same position,
    plus the fact-checker's links; ``complements`` the claims whose positions
    complement this one's.
    """
    corpus = assessment.corpus
    for claim in corpus.claims.values():
        if events is not None and claim.event not in events:
            continue
        positions = assessment.positions_of(claim.id)
        ea = assessment.events.get(claim.event)
        question = ea.questions.get(claim.aspect) if ea else None
        rels = assessment.claim_relations(claim.id)

        def others(kind: str, rels: Iterable[Any] = rels, cid: str = claim.id) -> list[str]:
            return [r.other(cid) for r in rels if r.kind == kind]

        corroborates = others("corroborates")
        contradicts = others("contradicts")
        complements: list[str] = []
        for pos in positions:
            if claim.id in pos.denied_by:
                contradicts += pos.current_claims or pos.claims
                continue
            contradicts += pos.denied_by
            for other_id in pos.contradicts:
                try:
                    other = assessment.position(other_id)
                except KeyError:
                    continue
                contradicts += other.current_claims or other.claims
            if claim.id in pos.claims:
                corroborates += [
                    c
                    for c in pos.claims
                    if c != claim.id
                    and c in corpus.claims
                    and corpus.claims[c].party != claim.party
                ]
            for comp in pos.complements:
                try:
                    complements += list(assessment.position(comp).claims)
                except KeyError:
                    continue
        yield {
            "claim_id": claim.id,
            "event": claim.event,
            "party": claim.party,
            "side": corpus.side_of(claim.party),
            "aspect": claim.aspect,
            "value": _value_text(claim.value),
            "stance": claim.stance.value,
            "certainty": claim.certainty.value,
            "evidence": ";".join(claim.evidence),
            "said_on": claim.said_on.isoformat() if claim.said_on else "",
            "source": claim.source,
            "position_id": _join(p.id for p in positions),
            "question_status": question.status if question else "",
            "event_status": ea.status if ea else "",
            "contradicts": _join(c for c in contradicts if c != claim.id),
            "corroborates": _join(corroborates),
            "complements": _join(complements),
            "supersedes": _join(r.b for r in rels if r.kind == "supersedes" and r.a == claim.id),
            "superseded_by": _join(r.a for r in rels if r.kind == "supersedes" and r.b == claim.id),
            "echo_of": _join(r.a for r in rels if r.kind == "echo" and r.b == claim.id),
            "speaker": claim.speaker,
            "quote": claim.quote,
        }


# A cell starting with one of these is read as a formula by spreadsheets.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would run as a formula (OWASP CSV injection).

    A cell is defused when it starts with ``=``, ``+``, ``-``, ``@``, a tab or
    a carriage return, also after leading whitespace (spreadsheets trim it).

    >>> print(spreadsheet_safe('=HYPERLINK("http://x")'))
    '=HYPERLINK("http://x")
    >>> print(spreadsheet_safe("  +1"))
    '  +1
    >>> spreadsheet_safe("drone-attack")
    'drone-attack'
    """
    if text.startswith(_FORMULA_START) or text.lstrip().startswith(_FORMULA_START):
        return "'" + text
    return text


def render_csv(assessment: Assessment, events: Collection[str] | None = None) -> str:
    """The CSV text: a header row, then one row per claim (``\\r\\n`` line ends, RFC 4180).

    Cells that a spreadsheet would run as a formula get a leading ``'``.
    """
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in csv_rows(assessment, events):
        writer.writerow({k: spreadsheet_safe(v) for k, v in row.items()})
    return buf.getvalue()
