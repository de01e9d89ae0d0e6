"""The whole assessment as JSON (versioned schema) and as CSV, and the one claim row.

JSON: ``{"format": "claimgraph-assessment", "version": 2, "sides": [...],
"parties": [...], "events": [...], "sources": [...], "claims": [...]}``.
Each event (in the index's order) carries its status, counts, questions
(with positions, relations and count reconciliation), claim-level relations
and timeline; each party its track record. Inside events, values are typed:
a category is a string, a set a sorted list, a count interval ``{"low": 4,
"high": null, "text": "at least 4"}`` (``null`` for no upper bound), dates
ISO 8601. Keys follow the result types of :mod:`claimgraph.analysis.assess`;
``version`` changes when a key is removed or its meaning changes (adding keys
does not).

``claims`` are the claim rows of :func:`claim_rows` (:data:`CLAIM_COLUMNS`),
the same rows as ``claimgraph claims -f json`` and, in CSV, ``report -f csv``
and ``claims -f csv``: a count's words in ``value`` and the figures it states
as numbers in ``low``/``high``; lists inside a cell joined with ``;``.
"""

from __future__ import annotations

import dataclasses
import json
import math
from collections.abc import Collection, Iterable
from datetime import date, datetime
from enum import Enum
from typing import Any

from claimgraph.analysis.assess import Assessment, EventAssessment, event_order, outlet_of
from claimgraph.errors import UsageError
from claimgraph.model import Claim, Interval
from claimgraph.problems import suggest
from claimgraph.quantities import stated
from claimgraph.views.values import value_as_written

__all__ = [
    "CLAIM_COLUMNS",
    "CSV_COLUMNS",
    "SHARE_DIGITS",
    "claim_rows",
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
JSON_VERSION = 2

# The one claim row: `claims -f csv|json`, `report -f csv` and the "claims" of
# `report -f json` are all made of it (see :func:`claim_rows`).
CLAIM_COLUMNS = (
    "claim",
    "event",
    "party",
    "side",
    "speaker",
    "source",
    "outlet",
    "aspect",
    "value",
    "low",
    "high",
    "stance",
    "certainty",
    "evidence",
    "said_on",
    "position",
    "question_status",
    "event_status",
    "independently_corroborated",
    "contradicts",
    "corroborates",
    "complements",
    "supersedes",
    "superseded_by",
    "echo_of",
    "answered_by",
    "verdict",
    "verdict_url",
    "quote",
)
CSV_COLUMNS = CLAIM_COLUMNS  # the CSV header is the claim row


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
            rec["hedged_share"] = round(record.hedged_share, SHARE_DIGITS)
            rec["evidence_share"] = round(record.evidence_share, SHARE_DIGITS)
            entry["record"] = rec
        parties.append(entry)
    return {
        "format": JSON_FORMAT,
        "version": JSON_VERSION,
        "sides": [to_json_value(s) for s in corpus.sides.values()],
        "parties": parties,
        "events": [
            _event_dict(assessment, assessment.events[e])
            for e in event_order(assessment)
            if events is None or e in events
        ],
        "sources": [
            to_json_value(s)
            for s in corpus.sources.values()
            if events is None or s.id in used_sources
        ],
        "claims": claim_rows(assessment, events),
    }


def render_json(assessment: Assessment, events: Collection[str] | None = None) -> str:
    """The assessment as JSON text (indented, keys in schema order), ending in a newline."""
    data = assessment_to_dict(assessment, events)
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


# Shares (hedged, with evidence) are given to this many digits everywhere.
SHARE_DIGITS = 3


def _join(ids: Iterable[str]) -> str:
    return ";".join(dict.fromkeys(ids))


def _check(kind: str, wanted: str | None, known: Iterable[str]) -> None:
    if wanted is None:
        return
    choices = list(known)
    if wanted not in choices:
        hint = suggest(wanted, choices)
        extra = f" (did you mean '{hint}'?)" if hint else ""
        raise UsageError(f"unknown {kind} '{wanted}'{extra}")


def claim_rows(
    assessment: Assessment,
    events: Collection[str] | None = None,
    *,
    party: str | None = None,
    aspect: str | None = None,
) -> list[dict[str, Any]]:
    """One row per claim (see :data:`CLAIM_COLUMNS`), in corpus order.

    Relations name other claims by id, ``;``-separated: ``contradicts`` every
    current claim whose answer contradicts this one's current answer, denies
    it or is denied by it, plus the fact-checker's links; ``corroborates``
    other parties' current claims holding the same answer, plus the
    fact-checker's links; ``complements`` current claims whose answers
    complement it. A superseded claim keeps only the fact-checker's links.
    ``low``/``high`` are the figures a count states (``None``: not stated),
    numbers a spreadsheet can sort and sum. Raises
    :class:`~claimgraph.errors.UsageError` for an event, party or aspect the
    corpus lacks.
    """
    corpus = assessment.corpus
    for event in events or ():
        _check("event", event, assessment.events)
    _check("party", party, corpus.parties)
    _check("aspect", aspect, {*corpus.aspects, *(c.aspect for c in corpus.claims.values())})
    rows: list[dict[str, Any]] = []
    for claim in corpus.claims.values():
        if events is not None and claim.event not in events:
            continue
        if (party and claim.party != party) or (aspect and claim.aspect != aspect):
            continue
        rows.append(_claim_row(assessment, claim))
    return rows


def _claim_row(assessment: Assessment, claim: Claim) -> dict[str, Any]:
    corpus = assessment.corpus
    positions = assessment.positions_of(claim.id)
    ea = assessment.events.get(claim.event)
    question = ea.questions.get(claim.aspect) if ea else None
    rels = assessment.claim_relations(claim.id)

    def linked(kind: str) -> list[str]:
        return [r.other(claim.id) for r in rels if r.kind == kind and r.source == "fact-checker"]

    contradicts: list[str] = []
    corroborates: list[str] = []
    complements: list[str] = []
    for pos in positions:
        if claim.id in pos.denied_by:
            contradicts += pos.current_claims
            continue
        if claim.id not in pos.current_claims:
            continue  # superseded: no longer the party's answer
        contradicts += pos.denied_by
        for other_id in pos.contradicts:
            contradicts += assessment.position(other_id).current_claims
        for comp in pos.complements:
            complements += assessment.position(comp).current_claims
        corroborates += [c for c in pos.current_claims if corpus.claims[c].party != claim.party]
    value = claim.value
    given = stated(value) if isinstance(value, Interval) else None
    source = corpus.sources.get(claim.source)
    review = claim.review
    return {
        "claim": claim.id,
        "event": claim.event,
        "party": claim.party,
        "side": corpus.side_of(claim.party),
        "speaker": claim.speaker,
        "source": claim.source,
        "outlet": outlet_of(corpus, claim.source) if source else "",
        "aspect": claim.aspect,
        "value": value_as_written(claim, corpus),
        "low": given.low if given else None,
        "high": given.high if given else None,
        "stance": claim.stance.value,
        "certainty": claim.certainty.value,
        "evidence": ";".join(claim.evidence),
        "said_on": claim.said_on.isoformat() if claim.said_on else "",
        "position": _join(p.id for p in positions),
        "question_status": question.status if question else "",
        "event_status": ea.status if ea else "",
        "independently_corroborated": any(
            p.independently_corroborated for p in positions if claim.id in p.current_claims
        ),
        "contradicts": _join(c for c in [*contradicts, *linked("contradicts")] if c != claim.id),
        "corroborates": _join(c for c in [*corroborates, *linked("corroborates")] if c != claim.id),
        "complements": _join(c for c in complements if c != claim.id),
        "supersedes": _join(r.b for r in rels if r.kind == "supersedes" and r.a == claim.id),
        "superseded_by": _join(r.a for r in rels if r.kind == "supersedes" and r.b == claim.id),
        "echo_of": _join(r.a for r in rels if r.kind == "echo" and r.b == claim.id),
        "answered_by": (ea.answered_declines.get(claim.id, "") if ea else ""),
        "verdict": review.rating if review else "",
        "verdict_url": review.url if review else "",
        "quote": claim.quote,
    }


def csv_rows(
    assessment: Assessment, events: Collection[str] | None = None
) -> Iterable[dict[str, Any]]:
    """The claim rows of :func:`claim_rows` (kept for callers of version 1)."""
    return claim_rows(assessment, events)


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
    """The CSV text: a header row, then one claim row per claim; the same text as
    ``claimgraph claims -f csv`` for the same claims.

    Cells that a spreadsheet would run as a formula get a leading ``'``.
    """
    from claimgraph.views.frames import claims_frame, render_frame

    return render_frame(claims_frame(assessment, events=events), "csv")
