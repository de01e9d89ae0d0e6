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

import csv
import dataclasses
import io
import math
from collections.abc import Collection, Iterable, Iterator
from datetime import date, datetime
from enum import Enum
from json.encoder import encode_basestring as _encode_str  # the C encoder where there is one
from typing import Any

from claimgraph.analysis.assess import Assessment, EventAssessment, event_order, outlet_of
from claimgraph.model import Claim, Interval
from claimgraph.problems import check_known
from claimgraph.quantities import stated
from claimgraph.views.values import value_as_written

__all__ = [
    "CLAIM_COLUMNS",
    "CSV_COLUMNS",
    "SHARE_DIGITS",
    "claim_rows",
    "dumps_indented",
    "generate_csv",
    "generate_json",
    "iter_claim_rows",
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


def _parties(assessment: Assessment) -> Iterator[dict[str, Any]]:
    for party in assessment.corpus.parties.values():
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
        yield entry


def _events(assessment: Assessment, events: Collection[str] | None) -> Iterator[dict[str, Any]]:
    for e in event_order(assessment):
        if events is None or e in events:
            yield _event_dict(assessment, assessment.events[e])


def _sources(assessment: Assessment, events: Collection[str] | None) -> Iterator[Any]:
    corpus = assessment.corpus
    used = None
    if events is not None:
        used = {c.source for c in corpus.claims.values() if c.event in events}
    for s in corpus.sources.values():
        if used is None or s.id in used:
            yield to_json_value(s)


def _sections(
    assessment: Assessment, events: Collection[str] | None
) -> list[tuple[str, Any | Iterator[Any]]]:
    """The top-level keys of the JSON, in order: a value, or an iterator of list items."""
    return [
        ("format", JSON_FORMAT),
        ("version", JSON_VERSION),
        ("sides", (to_json_value(s) for s in assessment.corpus.sides.values())),
        ("parties", _parties(assessment)),
        ("events", _events(assessment, events)),
        ("sources", _sources(assessment, events)),
        ("claims", iter_claim_rows(assessment, events)),
    ]


def assessment_to_dict(
    assessment: Assessment, events: Collection[str] | None = None
) -> dict[str, Any]:
    """The whole assessment as one JSON-ready dict (schema version :data:`JSON_VERSION`).

    With ``events``, only those events, their claims and their sources are
    included (parties and their track records always are).
    """
    return {
        key: value if isinstance(value, str | int) else list(value)
        for key, value in _sections(assessment, events)
    }


def render_json(assessment: Assessment, events: Collection[str] | None = None) -> str:
    """The assessment as JSON text (indented, keys in schema order), ending in a newline."""
    return "".join(generate_json(assessment, events))


def generate_json(assessment: Assessment, events: Collection[str] | None = None) -> Iterator[str]:
    """:func:`render_json`'s text in chunks, one per event, party, source or claim, each
    made as it is written: never the whole assessment as one dict or one string.

    The same bytes as ``json.dumps(assessment_to_dict(...), indent=2,
    ensure_ascii=False) + "\\n"``. Raises :class:`~claimgraph.errors.UsageError`
    at once for an event the assessment lacks.
    """
    for event in events or ():
        _check("event", event, assessment.events)
    return _json_chunks(_sections(assessment, events))


def _json_chunks(sections: list[tuple[str, Any | Iterator[Any]]]) -> Iterator[str]:
    head = "{"
    for key, value in sections:
        yield f"{head}\n  {_encode_str(key)}: "
        head = ","
        if isinstance(value, str | int):
            yield dumps_indented(value, 1)
            continue
        opened = False
        for item in value:
            yield ("[\n    " if not opened else ",\n    ") + dumps_indented(item, 2)
            opened = True
        yield "\n  ]" if opened else "[]"
    yield "\n}\n"


def _float_text(x: float) -> str:
    if x != x:
        return "NaN"
    if x == math.inf:
        return "Infinity"
    if x == -math.inf:
        return "-Infinity"
    return float.__repr__(x)


def _key_text(key: Any) -> str:
    if isinstance(key, str):
        return _encode_str(key)
    if key is True or key is False or key is None:
        return f'"{dumps_indented(key, 0)}"'
    if isinstance(key, int):
        return f'"{int.__repr__(key)}"'
    if isinstance(key, float):
        return f'"{_float_text(key)}"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def dumps_indented(obj: Any, level: int = 0) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False)`` as it reads ``level`` levels deep
    in an indented document, made with the C string encoder rather than the pure-Python
    encoder ``json`` falls back to for ``indent`` (several times faster).

    >>> import json
    >>> data = {"a": [1, 2.5, None, True, {}], "b": {"c": "é\\n"}, "d": []}
    >>> dumps_indented(data) == json.dumps(data, indent=2, ensure_ascii=False)
    True
    >>> print(dumps_indented([1, {"x": 1}], 1))
    [
        1,
        {
          "x": 1
        }
      ]
    """
    if isinstance(obj, str):
        return _encode_str(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, int):
        return int.__repr__(obj)
    if isinstance(obj, float):
        return _float_text(obj)
    inner = "\n" + "  " * (level + 1)
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        parts = [f"{_key_text(k)}: {dumps_indented(v, level + 1)}" for k, v in obj.items()]
        return "{" + inner + ("," + inner).join(parts) + "\n" + "  " * level + "}"
    if isinstance(obj, list | tuple):
        if not obj:
            return "[]"
        parts = [dumps_indented(v, level + 1) for v in obj]
        return "[" + inner + ("," + inner).join(parts) + "\n" + "  " * level + "]"
    raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")


# Shares (hedged, with evidence) are given to this many digits everywhere.
SHARE_DIGITS = 3


def _join(ids: Iterable[str]) -> str:
    return ";".join(dict.fromkeys(ids))


_check = check_known  # an unknown event, party or aspect: UsageError with a hint


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
    return list(iter_claim_rows(assessment, events, party=party, aspect=aspect))


def iter_claim_rows(
    assessment: Assessment,
    events: Collection[str] | None = None,
    *,
    party: str | None = None,
    aspect: str | None = None,
) -> Iterator[dict[str, Any]]:
    """:func:`claim_rows` one at a time, each made as it is asked for (the ids are
    checked at once)."""
    corpus = assessment.corpus
    for event in events or ():
        _check("event", event, assessment.events)
    _check("party", party, corpus.parties)
    _check("aspect", aspect, {*corpus.aspects, *(c.aspect for c in corpus.claims.values())})
    return _claim_rows(assessment, events, party, aspect)


def _claim_rows(
    assessment: Assessment,
    events: Collection[str] | None,
    party: str | None,
    aspect: str | None,
) -> Iterator[dict[str, Any]]:
    for claim in assessment.corpus.claims.values():
        if events is not None and claim.event not in events:
            continue
        if (party and claim.party != party) or (aspect and claim.aspect != aspect):
            continue
        yield _claim_row(assessment, claim)


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
    return "".join(generate_csv(assessment, events))


# Claim rows written to one CSV chunk.
_CSV_BATCH = 1000


def generate_csv(assessment: Assessment, events: Collection[str] | None = None) -> Iterator[str]:
    """:func:`render_csv`'s text in chunks of rows, each made as it is written.

    The bytes of ``claims_frame(...)`` written by pandas (``render_frame(...,
    "csv")``, which ``claims -f csv`` uses): minimal quoting, ``\\n`` line ends,
    an empty cell for a missing value, ``True``/``False``, counts as integers.
    """
    rows = iter_claim_rows(assessment, events)
    return _csv_chunks(rows)


def _csv_cell(value: Any) -> Any:
    if isinstance(value, str):
        return spreadsheet_safe(value)
    if value is None:
        return ""
    return value


def _csv_chunks(rows: Iterator[dict[str, Any]]) -> Iterator[str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    n = 0
    for row in rows:
        writer.writerow([_csv_cell(row[c]) for c in CSV_COLUMNS])
        n += 1
        if n % _CSV_BATCH == 0:
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
    yield buffer.getvalue()
