"""``index.md``: every event with status and counts, then the parties' track
records; and the file names of the reports it links."""

from __future__ import annotations

from collections.abc import Iterator, Sequence

from claimgraph.analysis.assess import Assessment, event_order
from claimgraph.model import Event
from claimgraph.output import safe_filename
from claimgraph.views.escape import md_cell, md_inline
from claimgraph.views.wording import (
    RECORD_COLUMNS,
    STATUS_WORDS,
    Names,
    event_when,
    event_where,
    plural,
)

__all__ = [
    "INDEX_COLUMNS",
    "INDEX_NAME",
    "RECORD_COLUMNS",
    "generate_index",
    "render_index",
    "report_filename",
]


INDEX_NAME = "index.md"


def report_filename(event_id: str) -> str:
    """The file name of an event's report (see :func:`claimgraph.output.safe_filename`).

    >>> report_filename("dzhankoi-2023-03-20")
    'dzhankoi-2023-03-20.md'
    """
    return safe_filename(event_id, ".md")


INDEX_COLUMNS = (
    "Event",
    "Date",
    "Place",
    "Status",
    "Claims",
    "Parties",
    "Sources",
    "Outlets",
    "Pairs of parties in contradiction",
    "Contradictions",
    "Corroborations (independent)",
    "Declined",
)


def _header(columns: Sequence[str]) -> list[str]:
    return ["| " + " | ".join(columns) + " |", "|" + "|".join(["---"] * len(columns)) + "|"]


def _percent(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole)}%)" if whole else str(part)


def render_index(assessment: Assessment, events: Sequence[str] | None = None) -> str:
    """``index.md``: every event with status and counts (contested first), then party records
    (:func:`generate_index`'s lines joined)."""
    return "".join(generate_index(assessment, events))


def generate_index(assessment: Assessment, events: Sequence[str] | None = None) -> Iterator[str]:
    """The lines of ``index.md``, each with its newline, as they are made (an index of many
    events is written as it comes, never held whole)."""
    corpus = assessment.corpus
    names = Names(corpus)
    ids = event_order(assessment, events)
    n_contested = sum(1 for e in ids if assessment.events[e].status == "contested")
    head = [
        "# Comparison reports",
        "",
        f"{plural(len(ids), 'event')} ({n_contested} contested) · "
        f"{plural(len(corpus.claims), 'claim')} by "
        f"{plural(len(corpus.parties), 'party', 'parties')} from "
        f"{plural(len(corpus.sources), 'source')}. Contested events first, newest first.",
        "",
        *_header(INDEX_COLUMNS),
    ]
    yield from (line + "\n" for line in head)
    for event_id in ids:
        event = corpus.events[event_id]
        ea = assessment.events[event_id]
        c = ea.counts
        cells = [
            _relative_link(event),
            md_cell(event_when(event)),
            md_cell(event_where(event)),
            md_cell(STATUS_WORDS.get(ea.status, ea.status)),
            str(c.claims),
            str(c.parties),
            str(c.sources),
            str(c.outlets),
            str(c.contradicting_pairs),
            str(c.contradictions),
            f"{c.corroborations} ({c.independent_corroborations})",
            md_cell(", ".join(names.party(p) for p in ea.declined_parties)),
        ]
        yield "| " + " | ".join(cells) + " |\n"
    tail = [
        "",
        "## Track record of the parties",
        "",
        "Across all events: how often each party's answers (claims that are not refusals to "
        "comment) were contradicted or corroborated by a party of another side, hedged or "
        "second-hand, and backed by evidence; the shares are those of `claimgraph parties`.",
        "",
        *_header(RECORD_COLUMNS),
    ]
    yield from (line + "\n" for line in tail)
    records = sorted(assessment.parties.values(), key=lambda r: names.party_sort_key(r.party))
    for rec in records:
        cells = [
            md_cell(names.party(rec.party)),
            md_cell(names.side(rec.side)),
            str(rec.claims),
            _percent(rec.contradicted_by_other_side, rec.answered),
            _percent(rec.corroborated_by_other_side, rec.answered),
            _percent(rec.hedged, rec.answered),
            _percent(rec.with_evidence, rec.answered),
            str(rec.declined),
            str(len(rec.events)),
        ]
        yield "| " + " | ".join(cells) + " |\n"


def _relative_link(event: Event) -> str:
    # A relative link to the report in the same folder; the file name is safe.
    return f"[{md_inline(event.title or event.id)}]({report_filename(event.id)})"
