"""Tables of events, claims and parties as pandas DataFrames, and their text forms.

The column names are stable (they are the CSV header and the JSON keys):

- events: ``event, title, date, place, status, claims, parties, sources,
  contradictions, corroborations, independent_corroborations, echoes,
  contested_questions, declined``
- claims: ``claim, event, party, side, source, aspect, value, stance,
  certainty, evidence, said_on, question_status, independently_corroborated,
  contradicts, corroborates, supersedes, superseded_by, echoes, quote``
  (relations name the other claims by id, ``;``-separated: ``contradicts``
  every current claim whose answer contradicts this one's, denies it or is
  denied by it, plus the fact-checker's links; in CSV a text
  cell starting with ``=``, ``+``, ``-`` or ``@`` gets a leading ``'`` so that
  a spreadsheet does not run it as a formula)
- parties: ``party, name, side, kind, claims, declined, contradicted_by_other_side,
  corroborated_by_other_side, hedged_share, evidence_share, events``

>>> from claimgraph.model import Corpus, Claim, Party, Event, Source, Aspect, AspectType
>>> from claimgraph.assess import assess
>>> corpus = Corpus(
...     parties={"a": Party("a", "A", "russia"), "b": Party("b", "B", "ukraine")},
...     events={"e": Event("e", "E")}, sources={"s": Source("s")},
...     aspects={"interception": Aspect("interception", AspectType.CATEGORY)},
...     claims={"c1": Claim("c1", "e", "a", "s", "interception", "all-intercepted"),
...             "c2": Claim("c2", "e", "b", "s", "interception", "hits")})
>>> frame = claims_frame(assess(corpus))
>>> frame[["claim", "contradicts"]].values.tolist()
[['c1', 'c2'], ['c2', 'c1']]
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any, Literal

import pandas as pd

from claimgraph.assess import Assessment, PositionAssessment, Relation
from claimgraph.errors import UsageError
from claimgraph.model import Interval, Value
from claimgraph.problems import suggest
from claimgraph.render.tables import spreadsheet_safe

__all__ = [
    "CLAIM_COLUMNS",
    "EVENT_COLUMNS",
    "PARTY_COLUMNS",
    "TableFormat",
    "claims_frame",
    "events_frame",
    "parties_frame",
    "render_frame",
]

TableFormat = Literal["table", "csv", "json"]

EVENT_COLUMNS = (
    "event",
    "title",
    "date",
    "place",
    "status",
    "claims",
    "parties",
    "sources",
    "contradictions",
    "corroborations",
    "independent_corroborations",
    "echoes",
    "contested_questions",
    "declined",
)
CLAIM_COLUMNS = (
    "claim",
    "event",
    "party",
    "side",
    "source",
    "aspect",
    "value",
    "stance",
    "certainty",
    "evidence",
    "said_on",
    "question_status",
    "independently_corroborated",
    "contradicts",
    "corroborates",
    "supersedes",
    "superseded_by",
    "echoes",
    "quote",
)
PARTY_COLUMNS = (
    "party",
    "name",
    "side",
    "kind",
    "claims",
    "declined",
    "contradicted_by_other_side",
    "corroborated_by_other_side",
    "hedged_share",
    "evidence_share",
    "events",
)

# The columns a terminal table shows (the CSV and JSON have them all).
_SHORT = {
    "events": ("event", "date", "status", "claims", "parties", "contradictions",
               "corroborations", "independent_corroborations", "declined"),
    "claims": ("claim", "party", "aspect", "value", "stance", "certainty", "evidence",
               "question_status", "contradicts", "corroborates", "quote"),
}  # fmt: skip


def _join(items: Iterable[str]) -> str:
    return ";".join(dict.fromkeys(items))


def _day(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _value(value: Value) -> str:
    if isinstance(value, frozenset):
        return ";".join(sorted(value))
    if isinstance(value, Interval):
        return value.text or str(value)
    return "" if value is None else str(value)


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def events_frame(assessment: Assessment) -> pd.DataFrame:
    """One row per event: status and headline counts."""
    corpus = assessment.corpus
    rows = []
    for event_id, ev in assessment.events.items():
        event = corpus.events.get(event_id)
        day = event.date if event else None
        if event and day is None and event.start is not None:
            day_text = f"{_day(event.start)}/{_day(event.end)}"
        else:
            day_text = _day(day)
        rows.append(
            {
                "event": event_id,
                "title": event.title if event else "",
                "date": day_text,
                "place": event.place if event else "",
                "status": ev.status,
                "claims": ev.counts.claims,
                "parties": ev.counts.parties,
                "sources": ev.counts.sources,
                "contradictions": ev.counts.contradictions,
                "corroborations": ev.counts.corroborations,
                "independent_corroborations": ev.counts.independent_corroborations,
                "echoes": ev.counts.echoes,
                "contested_questions": _join(
                    q.aspect for q in ev.questions.values() if q.status == "contested"
                ),
                "declined": _join(ev.declined_parties),
            }
        )
    return _frame(rows, EVENT_COLUMNS)


def _check(kind: str, wanted: str | None, known: Iterable[str]) -> None:
    if wanted is None:
        return
    choices = list(known)
    if wanted not in choices:
        hint = suggest(wanted, choices)
        extra = f" (did you mean '{hint}'?)" if hint else ""
        raise UsageError(f"unknown {kind} '{wanted}'{extra}")


def claims_frame(
    assessment: Assessment,
    event: str | None = None,
    party: str | None = None,
    aspect: str | None = None,
) -> pd.DataFrame:
    """One row per claim, optionally of one event, party or aspect.

    Raises :class:`~claimgraph.errors.UsageError` for an id the corpus lacks.
    """
    corpus = assessment.corpus
    _check("event", event, assessment.events)
    _check("party", party, corpus.parties)
    _check("aspect", aspect, {*corpus.aspects, *(c.aspect for c in corpus.claims.values())})
    rows = []
    for claim in corpus.claims.values():
        if (event and claim.event != event) or (party and claim.party != party):
            continue
        if aspect and claim.aspect != aspect:
            continue
        relations = assessment.claim_relations(claim.id)
        positions = assessment.positions_of(claim.id)
        same = [
            other
            for p in positions
            if claim.id in p.current_claims
            for other in p.current_claims
            if corpus.claims[other].party != claim.party
        ]
        against = _contradicting(assessment, claim.id, positions)
        rows.append(
            {
                "claim": claim.id,
                "event": claim.event,
                "party": claim.party,
                "side": corpus.side_of(claim.party),
                "source": claim.source,
                "aspect": claim.aspect,
                "value": _value(claim.value),
                "stance": claim.stance.value,
                "certainty": claim.certainty.value,
                "evidence": ";".join(claim.evidence),
                "said_on": _day(claim.said_on),
                "question_status": assessment.question_of(claim.id).status,
                "independently_corroborated": any(
                    p.independently_corroborated for p in positions if claim.id in p.claims
                ),
                "contradicts": _join(
                    [*against, *_others(relations, claim.id, "contradicts", "fact-checker")]
                ),
                "corroborates": _join([*same, *_others(relations, claim.id, "corroborates", "")]),
                "supersedes": _join(_others(relations, claim.id, "supersedes", "a")),
                "superseded_by": _join(_others(relations, claim.id, "supersedes", "b")),
                "echoes": _join(_others(relations, claim.id, "echo", "")),
                "quote": claim.quote,
            }
        )
    return _frame(rows, CLAIM_COLUMNS)


def _others(
    relations: Iterable[Relation],
    claim_id: str,
    kind: str,
    end: Literal["a", "b", "", "fact-checker"],
) -> list[str]:
    """Ids at the other end of ``kind`` relations.

    ``end`` says which end ``claim_id`` must be (``a`` or ``b``), or keeps
    only the fact-checker's links.
    """
    found = []
    for r in relations:
        if r.kind != kind or (end == "a" and r.a != claim_id) or (end == "b" and r.b != claim_id):
            continue
        if end == "fact-checker" and r.source != "fact-checker":
            continue
        found.append(r.other(claim_id))
    return found


def _contradicting(
    assessment: Assessment, claim_id: str, positions: Iterable[PositionAssessment]
) -> list[str]:
    """Current claims whose answer contradicts this one's, that deny it, or that it denies."""
    found: list[str] = []
    for position in positions:
        if claim_id in position.denied_by:
            found += position.current_claims
        elif claim_id in position.current_claims:
            found += position.denied_by
            for other in position.contradicts:
                found += assessment.position(other).current_claims
    return [c for c in found if c != claim_id]


def parties_frame(assessment: Assessment) -> pd.DataFrame:
    """One row per party: its track record across events."""
    corpus = assessment.corpus
    rows = []
    for party_id, record in assessment.parties.items():
        party = corpus.parties.get(party_id)
        rows.append(
            {
                "party": party_id,
                "name": party.name if party else "",
                "side": record.side,
                "kind": party.kind if party else "",
                "claims": record.claims,
                "declined": record.declined,
                "contradicted_by_other_side": record.contradicted_by_other_side,
                "corroborated_by_other_side": record.corroborated_by_other_side,
                "hedged_share": round(record.hedged_share, 3),
                "evidence_share": round(record.evidence_share, 3),
                "events": _join(record.events),
            }
        )
    return _frame(rows, PARTY_COLUMNS)


def _cell(value: Any, width: int) -> Any:
    if isinstance(value, str):
        value = " ".join(value.split())  # a newline must not break a row
        if len(value) > width:
            return value[: width - 1] + "…"
    return value


def render_frame(frame: pd.DataFrame, fmt: TableFormat, name: str = "", width: int = 40) -> str:
    """A frame as a terminal table, CSV or JSON (a list of records).

    The table shows the short column set of ``name`` (events, claims) with
    long cells cut to ``width``; CSV and JSON carry every column in full.

    >>> import pandas as pd
    >>> print(render_frame(pd.DataFrame([{"a": 1, "b": "x,y"}]), "csv"), end="")
    a,b
    1,"x,y"
    """
    if fmt == "csv":
        safe = frame.map(_defuse)
        return str(safe.to_csv(index=False, lineterminator="\n"))
    if fmt == "json":
        records = [
            {k: _plain(v) for k, v in row.items()} for row in frame.to_dict(orient="records")
        ]
        return json.dumps(records, ensure_ascii=False, indent=1) + "\n"
    if frame.empty:
        return "(no rows)\n"
    columns = [c for c in _SHORT.get(name, tuple(frame.columns)) if c in frame.columns]
    shown = frame[columns].map(lambda v: _cell(v, width))
    return str(shown.to_string(index=False)) + "\n"


def _defuse(value: Any) -> Any:
    """A text cell a spreadsheet would run as a formula gets a leading ``'``.

    One rule for every CSV (:func:`claimgraph.render.tables.spreadsheet_safe`).

    >>> _defuse("=HYPERLINK(1)"), _defuse("-5 killed"), _defuse("ten"), _defuse(" @x")
    ("'=HYPERLINK(1)", "'-5 killed", 'ten', "' @x")
    """
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def _plain(value: Any) -> Any:
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
