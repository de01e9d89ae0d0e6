"""``index.html``: every event, sortable and filterable, then the parties' track records."""

from __future__ import annotations

from collections.abc import Sequence

from claimgraph.analysis.assess import STATUS_ORDER, Assessment, event_order
from claimgraph.views.escape import one_line
from claimgraph.views.html.page import page, page_filename, section, status_class, table_block, text
from claimgraph.views.wording import (
    RECORD_COLUMNS,
    STATUS_WORDS,
    Names,
    event_when,
    event_where,
    plural,
)

__all__ = ["render_index_page"]


def render_index_page(assessment: Assessment, events: Sequence[str] | None = None) -> str:
    """``index.html``: every event (sortable, filterable), then the parties' track records."""
    corpus = assessment.corpus
    names = Names(corpus)
    ids = event_order(assessment, events)
    n_contested = sum(1 for e in ids if assessment.events[e].status == "contested")
    statuses = [s for s in STATUS_ORDER if any(assessment.events[e].status == s for e in ids)]
    places = sorted(
        {one_line(corpus.events[e].place) for e in ids if corpus.events[e].place.strip()},
        key=str.casefold,
    )
    rows = []
    for event_id in ids:
        event = corpus.events[event_id]
        ea = assessment.events[event_id]
        c = ea.counts
        day = event.first_day
        last = event.end or day
        rank = STATUS_ORDER.index(ea.status) if ea.status in STATUS_ORDER else len(STATUS_ORDER)
        status = STATUS_WORDS.get(ea.status, ea.status)
        attrs = (
            f'data-status="{text(ea.status)}" data-rank="{rank}" '
            f'data-date="{day.isoformat() if day else ""}" '
            f'data-date-end="{last.isoformat() if last else ""}" '
            f'data-place="{text(event.place)}" '
            f'data-title="{text(event.title or event.id).lower()}" '
            f'data-claims="{c.claims}" data-parties="{c.parties}" data-sources="{c.sources}" '
            f'data-outlets="{c.outlets}" data-pairs="{c.contradicting_pairs}" '
            f'data-contradictions="{c.contradictions}" data-corroborations="{c.corroborations}"'
        )
        rows.append(
            f"<tr {attrs}>"
            f'<th scope="row"><a href="{page_filename(event_id)}">'
            f"{text(event.title or event.id)}</a></th>"
            f"<td>{text(event_when(event))}</td><td>{text(event_where(event))}</td>"
            f'<td><span class="badge {status_class(ea.status)}">{text(status)}</span></td>'
            f'<td class="num">{c.claims}</td><td class="num">{c.parties}</td>'
            f'<td class="num">{c.sources}</td><td class="num">{c.outlets}</td>'
            f'<td class="num">{c.contradicting_pairs}</td><td class="num">{c.contradictions}</td>'
            f'<td class="num">{c.corroborations} ({c.independent_corroborations})</td>'
            f"<td>{text(', '.join(names.party(p) for p in ea.declined_parties))}</td></tr>"
        )
    columns = [
        ("Event", "title", "text"),
        ("Date", "date", "text"),
        ("Place", "place", "text"),
        ("Status", "rank", "number"),
        ("Claims", "claims", "number"),
        ("Parties", "parties", "number"),
        ("Sources", "sources", "number"),
        ("Outlets", "outlets", "number"),
        ("Pairs of parties in contradiction", "pairs", "number"),
        ("Contradictions", "contradictions", "number"),
        ("Corroborations (independent)", "corroborations", "number"),
        ("Declined", "", ""),
    ]
    head = "".join(
        f'<th scope="col" data-sort="{key}" data-sort-type="{kind}">{label}</th>'
        if key
        else f'<th scope="col">{label}</th>'
        for label, key, kind in columns
    )
    filters = [
        '<form id="filters" class="filters" data-page="index" hidden aria-label="Filter events">',
        '<label>Status <select name="status"><option value="">any</option>',
        *(f'<option value="{text(s)}">{text(STATUS_WORDS.get(s, s))}</option>' for s in statuses),
        "</select></label>",
        '<label>Place <select name="place"><option value="">any</option>',
        *(f'<option value="{text(p)}">{text(p)}</option>' for p in places),
        "</select></label>",
        '<label>From <input type="date" name="from"></label>',
        '<label>To <input type="date" name="to"></label>',
        '<button type="reset">Show all</button>',
        '<p class="filter-count" aria-live="polite"></p>',
        "</form>",
    ]
    records = sorted(assessment.parties.values(), key=lambda r: names.party_sort_key(r.party))

    def percent(part: int, whole: int) -> str:
        return f"{part} ({round(100 * part / whole)}%)" if whole else str(part)

    record_rows = [
        f'<tr><th scope="row">{text(names.party(r.party))}</th><td>{text(names.side(r.side))}</td>'
        f'<td class="num">{r.claims}</td>'
        f'<td class="num">{percent(r.contradicted_by_other_side, r.answered)}</td>'
        f'<td class="num">{percent(r.corroborated_by_other_side, r.answered)}</td>'
        f'<td class="num">{percent(r.hedged, r.answered)}</td>'
        f'<td class="num">{percent(r.with_evidence, r.answered)}</td>'
        f'<td class="num">{r.declined}</td><td class="num">{len(r.events)}</td></tr>'
        for r in records
    ]
    body = [
        "<header>",
        "<h1>Comparison reports</h1>",
        f"<p>{plural(len(ids), 'event')} ({n_contested} contested) · "
        f"{plural(len(corpus.claims), 'claim')} by "
        f"{plural(len(corpus.parties), 'party', 'parties')} from "
        f"{plural(len(corpus.sources), 'source')}. Contested events first, newest first; "
        "click a column heading to sort.</p>",
        "</header>",
        "<main>",
        '<section id="events" aria-labelledby="events-h">',
        '<h2 id="events-h">Events</h2>',
        *filters,
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="events-caption">',
        '<table class="events">',
        '<caption id="events-caption" class="vh">Every event with its status and counts</caption>',
        f"<thead><tr>{head}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
        "</section>",
        *section(
            "records",
            "Track record of the parties",
            [
                "<p>Across all events: how often each party's answers (claims that are not "
                "refusals to comment) were contradicted or corroborated by a party of another "
                "side, hedged or second-hand, and backed by evidence; the shares are those of "
                "<code>claimgraph parties</code>.</p>",
                *table_block(
                    "records", "Track record of the parties", list(RECORD_COLUMNS), record_rows
                ),
            ],
        ),
        "</main>",
        "<footer>Generated by claimgraph from the claim files.</footer>",
    ]
    return page("Comparison reports", body)
