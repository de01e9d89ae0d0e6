"""Tables of events, claims and parties as pandas DataFrames, and their text forms.

The column names are stable (they are the CSV header and the JSON keys):

- events (in the index's order, contested first): ``event, title, date, place,
  status, claims, parties, sources, outlets, contradicting_pairs,
  contradictions, corroborations, independent_corroborations, echoes,
  contested_questions, declined``
- claims: the one claim row, :data:`claimgraph.views.tables.CLAIM_COLUMNS`
  (also ``report -f csv`` and the claims of ``report -f json``); in CSV a
  text cell a spreadsheet would run as a formula gets a leading ``'``
- parties: ``party, name, side, kind, claims, declined,
  declined_then_answered, contradicted_by_other_side,
  corroborated_by_other_side, hedged_share, evidence_share, events`` (shares
  of the party's answers, as in ``index.md``)

>>> from claimgraph.model import Corpus, Claim, Party, Event, Source, Aspect, AspectType
>>> from claimgraph.analysis.assess import assess
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
from collections.abc import Collection, Iterable
from datetime import date, datetime
from typing import Any, Literal

import pandas as pd

from claimgraph.analysis.assess import Assessment, event_order
from claimgraph.views.tables import CLAIM_COLUMNS, SHARE_DIGITS, claim_rows, spreadsheet_safe

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
    "outlets",
    "contradicting_pairs",
    "contradictions",
    "corroborations",
    "independent_corroborations",
    "echoes",
    "contested_questions",
    "declined",
)
PARTY_COLUMNS = (
    "party",
    "name",
    "side",
    "kind",
    "claims",
    "declined",
    "declined_then_answered",
    "contradicted_by_other_side",
    "corroborated_by_other_side",
    "hedged_share",
    "evidence_share",
    "events",
)

# The columns a terminal table shows (the CSV and JSON have them all).
_SHORT = {
    "events": ("event", "date", "status", "claims", "parties", "outlets",
               "contradicting_pairs", "contradictions", "corroborations",
               "independent_corroborations", "declined"),
    "claims": ("claim", "party", "aspect", "value", "stance", "certainty", "evidence",
               "question_status", "contradicts", "corroborates", "quote"),
}  # fmt: skip


def _join(items: Iterable[str]) -> str:
    return ";".join(dict.fromkeys(items))


def _day(value: date | datetime | None) -> str:
    return value.isoformat() if value is not None else ""


def _frame(rows: list[dict[str, Any]], columns: tuple[str, ...]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=list(columns))


def events_frame(assessment: Assessment) -> pd.DataFrame:
    """One row per event: status and headline counts."""
    corpus = assessment.corpus
    rows = []
    for event_id in event_order(assessment):
        ev = assessment.events[event_id]
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
                "outlets": ev.counts.outlets,
                "contradicting_pairs": ev.counts.contradicting_pairs,
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


def claims_frame(
    assessment: Assessment,
    event: str | None = None,
    party: str | None = None,
    aspect: str | None = None,
    *,
    events: Collection[str] | None = None,
) -> pd.DataFrame:
    """One row per claim (the claim row of :func:`claimgraph.views.tables.claim_rows`),
    optionally of one event (or ``events``), party or aspect.

    ``low`` and ``high`` are nullable integers, so a CSV shows ``4``, not ``4.0``.
    Raises :class:`~claimgraph.errors.UsageError` for an id the corpus lacks.
    """
    wanted = [event] if event is not None else events
    rows = claim_rows(assessment, wanted, party=party, aspect=aspect)
    frame = _frame(rows, CLAIM_COLUMNS)
    for column in ("low", "high"):
        frame[column] = frame[column].astype("Int64")
    return frame


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
                "declined_then_answered": record.declined_then_answered,
                "contradicted_by_other_side": record.contradicted_by_other_side,
                "corroborated_by_other_side": record.corroborated_by_other_side,
                "hedged_share": round(record.hedged_share, SHARE_DIGITS),
                "evidence_share": round(record.evidence_share, SHARE_DIGITS),
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

    One rule for every CSV (:func:`claimgraph.views.tables.spreadsheet_safe`).

    >>> _defuse("=HYPERLINK(1)"), _defuse("-5 killed"), _defuse("ten"), _defuse(" @x")
    ("'=HYPERLINK(1)", "'-5 killed", 'ten', "' @x")
    """
    if isinstance(value, str):
        return spreadsheet_safe(value)
    return value


def _plain(value: Any) -> Any:
    if value is pd.NA:
        return None
    if hasattr(value, "item"):  # numpy scalars
        value = value.item()
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
