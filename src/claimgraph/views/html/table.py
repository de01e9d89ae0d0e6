"""The event page's side-by-side table: parties grouped under coloured side headers,
its filters (sides, parties, questions, a search) and its legend."""

from __future__ import annotations

from claimgraph.analysis.assess import Assessment, EventAssessment
from claimgraph.model import Claim
from claimgraph.views.event_data import event_claims
from claimgraph.views.html.answers import cell
from claimgraph.views.html.page import Sides, status_class, text
from claimgraph.views.wording import Names, cross_links, ordered_questions, question_status

__all__ = ["LEGEND_HTML", "table"]


LEGEND_HTML = (
    '<div class="legend" id="legend"><strong>How to read the table:</strong> each cell is what '
    "that party says (open it for the verbatim quotes, speaker, date and source); an empty "
    "cell means it said nothing on that question; side colours head the columns."
    "<dl>"
    '<dt><abbr class="mark contra">⚠</abbr></dt><dd>contradicted by another party '
    "(also shaded red, with a red edge)</dd>"
    "<dt>~</dt><dd>hedged (“preliminary data”)</dd>"
    "<dt>²</dt><dd>second-hand (“citing residents”)</dd>"
    "<dt>✗</dt><dd>denies</dd>"
    "<dt><s>struck</s></dt><dd>later corrected by the same party</dd>"
    "<dt>(video)</dt><dd>evidence offered: (video), (photo)…; (no evidence) said without "
    "evidence</dd>"
    '<dt><span class="declined">“declined”</span></dt><dd>refused to comment '
    '(<span class="declined"><s>“declined”</s>, then answered</span>: it spoke later)</dd>'
    "<dt>[verdict: …]</dt><dd>the fact-checker's rating</dd>"
    "</dl></div>"
)


def _columns(ea: EventAssessment, names: Names) -> list[str]:
    return sorted(ea.parties, key=names.party_sort_key)


def _filters(ea: EventAssessment, names: Names, sides: Sides) -> list[str]:
    parties = _columns(ea, names)
    side_ids = list(dict.fromkeys(names.side_id(p) for p in parties))

    def box(name: str, value: str, label: str, swatch: int | None = None) -> str:
        sw = f'<span class="swatch side-{swatch}"></span>' if swatch is not None else ""
        return (
            f'<label><input type="checkbox" name="{name}" value="{text(value)}" checked>'
            f"{sw}{text(label)}</label>"
        )

    n_parties, n_questions = len(parties), len(ea.questions)
    return [
        '<form id="filters" class="filters" data-page="event" hidden '
        'aria-label="Filter the table and the timeline">',
        '<div class="search"><label for="search">Search quotes and speakers</label> '
        '<input type="search" id="search" name="q" autocomplete="off" '
        'placeholder="e.g. Aksyonov, debris"> <button type="reset">Show all</button></div>',
        '<fieldset class="sides"><legend>Sides</legend>',
        *(box("side", s, names.side(s), sides.index(s)) for s in side_ids),
        "</fieldset>",
        f'<details class="pick"><summary>Parties ({n_parties})</summary><fieldset>'
        '<legend class="vh">Parties</legend>',
        *(box("party", p, names.party(p)) for p in parties),
        "</fieldset></details>",
        f'<details class="pick"><summary>Questions ({n_questions})</summary><fieldset>'
        '<legend class="vh">Questions</legend>',
        *(box("question", a, names.aspect(a)) for a, _ in ordered_questions(ea)),
        "</fieldset></details>",
        '<p class="filter-count" aria-live="polite"></p>',
        "</form>",
    ]


def table(ea: EventAssessment, assessment: Assessment, names: Names, sides: Sides) -> list[str]:
    corpus = assessment.corpus
    parties = _columns(ea, names)
    by_side: dict[str, list[str]] = {}
    for party in parties:
        by_side.setdefault(names.side_id(party), []).append(party)
    by_question: dict[str, dict[str, list[Claim]]] = {}
    for claim in event_claims(ea, corpus):
        by_question.setdefault(claim.aspect, {}).setdefault(claim.party, []).append(claim)

    lines = [
        '<section id="who" aria-labelledby="who-h">',
        '<h2 id="who-h">Who says what</h2>',
        *_filters(ea, names, sides),
        '<div class="table-wrap" tabindex="0" role="region" aria-labelledby="who-caption">',
        '<table class="sbs">',
        '<caption id="who-caption" class="vh">Who says what: questions (rows) by party '
        "(columns), parties grouped by side</caption>",
        "<colgroup><col></colgroup>",
        *(f'<colgroup span="{len(m)}"></colgroup>' for m in by_side.values()),
        "<thead>",
        '<tr class="sides"><th scope="col" rowspan="2" class="question">Question</th>',
        *(
            f'<th scope="colgroup" colspan="{len(members)}" data-side="{text(side)}" '
            f'class="side-{sides.index(side)}">{text(names.side(side))}</th>'
            for side, members in by_side.items()
        ),
        "</tr>",
        '<tr class="parties">',
        *(
            f'<th scope="col" data-party="{text(p)}" data-side="{text(names.side_id(p))}" '
            f'class="side-{sides.index(names.side_id(p))}{_long(names.party(p))}">'
            f"{text(names.party(p))}</th>"
            for p in parties
        ),
        "</tr>",
        "</thead>",
        "<tbody>",
    ]
    links = cross_links(ea, corpus)
    for aspect, question in ordered_questions(ea):
        status = question_status(aspect, question.status, links, names)
        cls = status_class(question.status)
        row = [
            f'<tr data-question="{text(aspect)}">',
            f'<th scope="row">{text(names.aspect(aspect))}'
            f'<span class="qstatus {cls}">{text(status)}</span></th>',
        ]
        held = by_question.get(aspect, {})
        for party in parties:
            inner, contra = cell(held.get(party, []), assessment, names)
            attrs = f'data-party="{text(party)}" data-side="{text(names.side_id(party))}"'
            if contra:
                attrs += ' class="contra"'
            if not inner:
                inner = '<span class="vh">no statement</span>'
            row.append(f"<td {attrs}>{inner}</td>")
        row.append("</tr>")
        lines.append("".join(row))
    lines += ["</tbody>", "</table>", "</div>", LEGEND_HTML, "</section>"]
    return lines


def _long(name: str) -> str:
    """A class widening the column of a long party name, so its header wraps less."""
    return " long" if len(name) > 50 else ""
