"""The comparison report as a static site: ``index.html`` and one page per event.

Each event page carries the Markdown report's content (:mod:`claimgraph.views.markdown`)
and what a page does better: the side-by-side table with parties grouped under
coloured side headers, a sticky header row and question column, scrolling
inside its own box; every answer opens its verbatim quotes with speaker, date
and source link (``<details>``, no script needed); filters by side, party and
question and a search over quotes and speakers (a small script, progressive
enhancement); and an SVG diagram of the contested questions
(:mod:`claimgraph.views.svg`). The index sorts and filters events by status,
date and place.

The site is self-contained: the stylesheet and the script are inlined into
every page, and each page's Content Security Policy allows exactly those two
(by hash) and nothing else, so no request leaves the page and a quote that
slipped past escaping still could not run. Every text from a claim file goes
through :func:`text` (``html.escape``); only ``http(s)`` urls become links
(:func:`claimgraph.views.escape.safe_url`). Output is deterministic.

Figures, statuses and marks come from the assessment and from the Markdown
renderer's own data helpers, never recomputed here.

>>> text('<img src=x onerror="alert(1)">')
'&lt;img src=x onerror=&quot;alert(1)&quot;&gt;'
>>> link("x", "javascript:alert(1)")
'x'
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib import resources

from claimgraph.analysis.assess import (
    STATUS_ORDER,
    Assessment,
    EventAssessment,
    PositionAssessment,
    event_order,
)
from claimgraph.model import Certainty, Claim, Corpus, Event, Stance
from claimgraph.output import safe_filename
from claimgraph.views.escape import one_line, safe_url
from claimgraph.views.markdown import (
    answered_decline,
    conservative_text,
    contradiction_groups,
    event_claims,
    expected_silences,
    figure_text,
    figures_explained,
    spread_text,
)
from claimgraph.views.mermaid import diagram_questions
from claimgraph.views.svg import render_svg
from claimgraph.views.values import report_answer, report_value
from claimgraph.views.wording import (
    QUESTION_WORDS,
    STATUS_EXPLAINED,
    STATUS_WORDS,
    Names,
    contested_tail,
    contradicted,
    corroboration_kind,
    cross_links,
    event_counts,
    event_outlets,
    event_when,
    event_where,
    format_date,
    holders,
    is_superseded,
    ordered_questions,
    plural,
    short_date,
)

__all__ = [
    "INDEX_HTML",
    "generate_site",
    "link",
    "page_filename",
    "render_event_page",
    "render_index_page",
    "text",
]

INDEX_HTML = "index.html"
SIDE_COLOURS = 6  # side-0 … side-5 in site.css

_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


# ---------------------------------------------------------------- escaping


def text(value: object) -> str:
    """Text from a claim file, on one line, escaped for HTML text and attributes alike."""
    return escape(one_line(value), quote=True)


def link(label: object, url: object) -> str:
    """A link with escaped text, or the escaped text alone if the url is not http(s).

    >>> link("Report <1>", "https://example.org/a b")
    '<a href="https://example.org/a%20b" rel="noopener noreferrer">Report &lt;1&gt;</a>'
    """
    target = safe_url(url)
    shown = text(label) or text(url)
    if target is None:
        return shown
    return f'<a href="{escape(target, quote=True)}" rel="noopener noreferrer">{shown}</a>'


def page_filename(event_id: str) -> str:
    """The file name of an event's page (see :func:`claimgraph.output.safe_filename`).

    >>> page_filename("dzhankoi-2023-03-20"), page_filename("index")
    ('dzhankoi-2023-03-20.html', 'index-1bc04b52.html')
    """
    return safe_filename(event_id, ".html")


# ---------------------------------------------------------------- the page frame


@cache
def _static(name: str) -> str:
    return (resources.files("claimgraph.views") / "static" / name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def _page(title: str, body: Sequence[str]) -> str:
    css, js = _static("site.css"), _static("site.js")
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="claimgraph">',
        f"<title>{title}</title>",
        '<link rel="icon" href="data:,">',
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


class _Sides:
    """Colour classes of the sides, by their order in the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.order = {s: i for i, s in enumerate(corpus.sides)}

    def index(self, side: str) -> int:
        return self.order.get(side, len(self.order)) % SIDE_COLOURS


def _status_class(status: str) -> str:
    return "contested" if status == "contested" else re.sub(r"[^a-z-]", "", status)


# ---------------------------------------------------------------- answers and quotes


def answer_marks(claim: Claim, assessment: Assessment) -> str:
    """One claim's answer with its marks, as HTML (the Markdown cell's marks, as text too)."""
    if claim.stance is Stance.DECLINES:
        if answered_decline(claim, assessment):
            return '<span class="declined"><s>“declined”</s>, then answered</span>'
        return '<span class="declined">“declined”</span>'
    shown = text(report_value(claim, assessment)) or text(claim.quote[:60])
    if claim.certainty is Certainty.HEDGED:
        shown = '<abbr class="mark" title="hedged">~</abbr>' + shown
    if claim.stance is Stance.DENIES:
        shown = '<abbr class="mark" title="denies">✗</abbr> ' + shown
    if claim.certainty is Certainty.REPORTED:
        shown += '<abbr class="mark" title="second-hand">²</abbr>'
    if is_superseded(claim, assessment):
        shown = f'<s title="later corrected by the same party">{shown}</s>'
    if claim.evidence:
        if not claim.has_evidence:
            shown += " (no evidence)"
        else:
            shown += " " + " ".join(f"({text(k)})" for k in claim.evidence if k != "none")
    if claim.review is not None and claim.review.rating.strip():
        shown += f' <span class="verdict-mark">[verdict: {text(claim.review.rating)}]</span>'
    if contradicted(claim, assessment):
        shown = '<abbr class="mark contra" title="contradicted by another party">⚠</abbr> ' + shown
    return shown


def _source_link(claim: Claim, corpus: Corpus) -> str:
    source = corpus.sources.get(claim.source)
    if source is None:
        return text(claim.source)
    name = one_line(source.outlet) or one_line(source.title) or source.id
    label = f"{name} [{source.id}]" if name != source.id else source.id
    return link(label, source.url)


def _lang(claim: Claim, corpus: Corpus) -> str:
    source = corpus.sources.get(claim.source)
    lang = one_line(source.language) if source else ""
    return f' lang="{text(lang)}"' if lang and _LANG.fullmatch(lang) and lang != "en" else ""


def _verdict(claim: Claim) -> str:
    review = claim.review
    if review is None or not review.rating.strip():
        return ""
    line = f"verdict: <b>{text(review.rating)}</b>"
    if review.value is not None and review.best is not None:
        line += f" ({review.value} of {review.best})"
    if review.reviewer.strip():
        line += f" by {text(review.reviewer)}"
    if review.date:
        line += f", {format_date(review.date)}"
    if safe_url(review.url) is not None:
        line += f" ({link('review', review.url)})"
    if review.summary.strip():
        line += f": {text(review.summary)}"
    return f'<span class="verdict">{line}</span>'


def statement(claim: Claim, assessment: Assessment, names: Names, *, party: bool = True) -> str:
    """A claim's verbatim quote, then who said it, when, with what marks, and where."""
    corpus = assessment.corpus
    quote = (
        f'<q class="q-text"{_lang(claim, corpus)}>{text(claim.quote)}</q>'
        if claim.quote.strip()
        else '<span class="q-text muted">(no quote recorded)</span>'
    )
    who: list[str] = []
    side = names.side(names.side_id(claim.party))
    if party:
        who.append(f'<span class="speaker">{text(names.party(claim.party))}</span> ({text(side)})')
    elif not claim.speaker.strip():  # the party speaks for itself
        who.append(f'<span class="speaker">{text(names.party(claim.party))}</span>')
    else:  # the column says which party; kept for screen readers and the search
        quote += f'<span class="speaker vh"> {text(names.party(claim.party))} ({text(side)})</span>'
    if claim.speaker.strip():
        who.append(f'<span class="speaker">{text(claim.speaker)}</span>')
    if claim.via.strip():
        who.append(f"via {text(claim.via)}")
    when = short_date(claim.said_on)
    who.append(text(when) if when else "undated")
    marks = []
    if claim.certainty is not Certainty.ASSERTED:
        marks.append(claim.certainty.value)
    if claim.evidence:
        marks.append(
            "evidence: " + ", ".join(claim.evidence) if claim.has_evidence else "no evidence"
        )
    if marks:
        who.append(text("; ".join(marks)))
    line = ", ".join(who) + " — " + _source_link(claim, corpus)
    return f'{quote} <span class="who">{line}</span>{_verdict(claim)}'


def _quote_list(
    claims: Iterable[Claim], assessment: Assessment, names: Names, *, party: bool = True
) -> str:
    items = "".join(f"<li>{statement(c, assessment, names, party=party)}</li>" for c in claims)
    return f'<ul class="quotes">{items}</ul>'


def _cell(claims: Sequence[Claim], assessment: Assessment, names: Names) -> tuple[str, bool]:
    """The answers of one party to one question: one ``<details>`` per distinct answer."""
    groups: dict[str, list[Claim]] = {}
    for claim in claims:
        groups.setdefault(answer_marks(claim, assessment), []).append(claim)
    out = []
    any_contra = False
    for shown, held in groups.items():
        contra = any(contradicted(c, assessment) for c in held)
        any_contra |= contra
        cls = "answer contra" if contra else "answer"
        out.append(
            f'<details class="{cls}"><summary>{shown}</summary>'
            f"{_quote_list(held, assessment, names, party=False)}</details>"
        )
    return "".join(out), any_contra


# ---------------------------------------------------------------- sections


def _header(event: Event, ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """Title, date and place, and the status line of the Markdown report, in words."""
    status = STATUS_WORDS.get(ea.status, ea.status)
    explained = STATUS_EXPLAINED.get(ea.status, "")
    tail = contested_tail(ea, assessment.corpus, names)
    if tail:
        explained += " " + tail
    counts = event_counts(ea, event_outlets(ea, assessment.corpus))
    where = event_where(event)
    when = event_when(event) + (f", {where}" if where else "")
    corpus = assessment.corpus
    return [
        "<header>",
        '<p class="crumbs"><a href="index.html">← All events</a></p>',
        f"<h1>{text(event.title or event.id)}</h1>",
        f'<p class="when">{text(when)}</p>',
        f'<p class="status"><span class="badge {_status_class(ea.status)}">{text(status)}</span> '
        f"{text(explained)}. {text(counts)}.</p>",
        '<nav class="toc" aria-label="Sections"><ul>',
        *(
            f'<li><a href="#{anchor}">{label}</a></li>'
            for anchor, label in _SECTIONS
            if (anchor != "figures" or any(q.counts for q in ea.questions.values()))
            and (anchor != "verdicts" or any(_verdict(c) for c in event_claims(ea, corpus)))
        ),
        "</ul></nav>",
        "</header>",
    ]


_SECTIONS = (
    ("who", "Who says what"),
    ("contradictions", "Contradictions"),
    ("corroborations", "Corroborations"),
    ("silences", "Silences"),
    ("verdicts", "Verdicts"),
    ("figures", "Figures"),
    ("timeline", "Timeline"),
    ("sources", "Sources"),
    ("diagram", "Diagram"),
)

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


def _filters(ea: EventAssessment, names: Names, sides: _Sides) -> list[str]:
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


def _table(ea: EventAssessment, assessment: Assessment, names: Names, sides: _Sides) -> list[str]:
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
        status = QUESTION_WORDS.get(question.status, question.status)
        if links.get(aspect):
            others = ", ".join(names.aspect(a) for a in links[aspect])
            status += f"; a fact-checker links it as contradicting {others}"
        cls = _status_class(question.status)
        row = [
            f'<tr data-question="{text(aspect)}">',
            f'<th scope="row">{text(names.aspect(aspect))}'
            f'<span class="qstatus {cls}">{text(status)}</span></th>',
        ]
        held = by_question.get(aspect, {})
        for party in parties:
            inner, contra = _cell(held.get(party, []), assessment, names)
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


def _section(anchor: str, title: str, body: Sequence[str]) -> list[str]:
    return [
        f'<section id="{anchor}" aria-labelledby="{anchor}-h">',
        f'<h2 id="{anchor}-h">{title}</h2>',
        *body,
        "</section>",
    ]


def _contradictions(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """Grouped by the pair of answers, as in the Markdown report."""
    corpus = assessment.corpus
    groups = contradiction_groups(ea, assessment)
    if not groups:
        return _section(
            "contradictions", "Contradictions", ["<p>No contradictions between the accounts.</p>"]
        )
    items = ['<ol class="statements">']
    for by_hand, left, right in groups:
        a, b = corpus.claims[left[0]], corpus.claims[right[0]]
        left_text = text(report_answer(a, assessment))
        right_text = text(report_answer(b, assessment))
        if a.aspect == b.aspect:
            head = f"<strong>{text(names.aspect(a.aspect))}</strong>: {left_text} ⟷ {right_text}"
        else:
            head = (
                f"<strong>{text(names.aspect(a.aspect))}</strong>: {left_text} ⟷ "
                f"<strong>{text(names.aspect(b.aspect))}</strong>: {right_text}"
            )
        if by_hand:
            head += " — <em>marked by the fact-checker</em>"
        subs = "".join(
            f"<li><em>{text(report_answer(corpus.claims[c], assessment))}</em>: "
            f"{statement(corpus.claims[c], assessment, names)}</li>"
            for c in left + right
        )
        items.append(
            f'<li><span class="contra-text"><abbr class="mark contra" title="contradiction">'
            f"⚠</abbr></span> {head}<ul>{subs}</ul></li>"
        )
    items.append("</ol>")
    return _section("contradictions", "Contradictions", items)


def _corroborations(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    corpus = assessment.corpus
    positions: list[PositionAssessment] = [
        p for q in ea.questions.values() for p in q.positions if len(set(p.parties)) >= 2
    ]
    positions.sort(key=lambda p: not p.independently_corroborated)
    echo_of = {r.b: r.a for r in ea.relations if r.kind == "echo"}
    links = [
        r
        for r in ea.relations
        if r.kind == "corroborates" and r.source == "fact-checker" and r.between == "claims"
    ]
    if not positions and not links:
        return _section(
            "corroborations", "Corroborations", ["<p>No two parties give the same answer.</p>"]
        )
    items = []
    outlets = event_outlets(ea, corpus)
    if len(outlets) == 1:
        items.append(
            f"<p>All via {text(outlets[0])}: every claim of this event comes through one "
            "outlet, so agreement here is not independent confirmation.</p>"
        )
    items.append('<ol class="statements">')
    for pos in positions:
        side_ids = sorted(
            set(pos.independent_sides or pos.sides), key=lambda s: names.side_order.get(s, 99)
        )
        kind = corroboration_kind(pos, names.side, side_ids)
        subs = []
        for claim in holders(pos, assessment):
            line = statement(claim, assessment, names)
            if claim.id in echo_of and echo_of[claim.id] in corpus.claims:
                original = corpus.claims[echo_of[claim.id]]
                line += (
                    f" — <em>echo: near-identical to {text(names.party(original.party))}'s "
                    "wording, counted once</em>"
                )
            subs.append(f"<li>{line}</li>")
        items.append(
            f"<li><strong>{text(names.aspect(pos.aspect))}</strong>: {text(pos.label)} — "
            f"{plural(len(set(pos.parties)), 'party', 'parties')}, {text(kind)}"
            f"<ul>{''.join(subs)}</ul></li>"
        )
    for rel in links:
        a, b = corpus.claims.get(rel.a), corpus.claims.get(rel.b)
        if a is None or b is None:
            continue
        items.append(
            f"<li><strong>{text(names.aspect(a.aspect))}</strong> — <em>marked by the "
            f"fact-checker as corroborating</em><ul><li>{statement(a, assessment, names)}</li>"
            f"<li>{statement(b, assessment, names)}</li></ul></li>"
        )
    items.append("</ol>")
    return _section("corroborations", "Corroborations", items)


def _silences(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """Who declined to comment, and who speaks for a side but is silent on a contested question."""
    corpus = assessment.corpus
    items: list[str] = []
    answered: list[str] = []
    for claim in event_claims(ea, corpus):
        if claim.stance is not Stance.DECLINES:
            continue
        line = statement(claim, assessment, names)
        if claim.id in ea.answered_declines:
            answered.append(f"<li>Declined to comment, then answered: {line}</li>")
        else:
            items.append(f"<li>Declined to comment: {line}</li>")
    silent = expected_silences(ea, assessment)
    for party in sorted(silent, key=names.party_sort_key):
        questions = ", ".join(f"<strong>{text(names.aspect(a))}</strong>" for a in silent[party])
        items.append(
            f"<li>{text(names.party_with_side(party))} spoke on this event, "
            f"but said nothing on {questions} (contested)</li>"
        )
    body = (
        ["<ul>", *items, "</ul>"]
        if items
        else [
            "<p>Nobody declined to comment without answering later, and every party that "
            "speaks for a side spoke on each contested question.</p>"
        ]
    )
    if answered:
        body += ["<ul>", *answered, "</ul>"]
    body.append("<p>Empty cells in the table above show every other silence.</p>")
    return _section("silences", "Silences", body)


def _verdicts(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """The fact-checker's verdicts (``review:``) on the event's claims, beside each claim."""
    reviewed = [c for c in event_claims(ea, assessment.corpus) if _verdict(c)]
    if not reviewed:
        return []
    items = [
        f"<li><em>{text(report_answer(c, assessment) or c.aspect)}</em>: "
        f"{statement(c, assessment, names)}</li>"
        for c in reviewed
    ]
    return _section("verdicts", "Verdicts", ['<ul class="statements">', *items, "</ul>"])


def _table_block(
    cls: str, caption: str, head: Sequence[str], rows: Iterable[str], short: bool = True
) -> list[str]:
    ths = "".join(f'<th scope="col">{h}</th>' for h in head)
    wrap_cls = "table-wrap short" if short else "table-wrap"
    return [
        f'<div class="{wrap_cls}" tabindex="0" role="region" aria-label="{text(caption)}">',
        f'<table class="{cls}">',
        f'<caption class="vh">{text(caption)}</caption>',
        f"<thead><tr>{ths}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
    ]


def _figures(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    questions = [q for _, q in ordered_questions(ea) if q.counts is not None]
    if not questions:
        return []

    def who(parties: Iterable[str]) -> str:
        return ", ".join(names.party(p) for p in parties)

    rows = []
    for q in questions:
        rec = q.counts
        assert rec is not None
        figures = "; ".join(f"{figure_text(f)} ({who(f.parties)})" for f in rec.figures)
        spread = spread_text(rec)
        conservative = conservative_text(rec, names.party)
        rows.append(
            f'<tr><th scope="row">{text(names.aspect(q.aspect))}</th><td>{text(figures)}</td>'
            f"<td>{text(spread)}</td><td>{text(conservative)}</td></tr>"
        )
    head = ["Question", "Figures given", "Spread", "Conservative figure"]
    note = f"<p>{text(figures_explained())}</p>"
    return _section("figures", "Figures", [*_table_block("figures", "Figures", head, rows), note])


def _timeline(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    corpus = assessment.corpus
    rows = []
    for claim_id in ea.timeline:
        claim = corpus.claims.get(claim_id)
        if claim is None:
            continue
        source = corpus.sources.get(claim.source)
        when = short_date(claim.said_on)
        if not when and source is not None and source.published:
            when = f"published {source.published.isoformat()}"
        who = f'<span class="speaker">{text(names.party(claim.party))}</span>'
        if claim.speaker.strip():
            who += f' (<span class="speaker">{text(claim.speaker)}</span>)'
        says = (
            f'<details class="answer"><summary>{answer_marks(claim, assessment)}</summary>'
            f"{_quote_list([claim], assessment, names, party=False)}</details>"
        )
        rows.append(
            f'<tr data-party="{text(claim.party)}" data-question="{text(claim.aspect)}">'
            f"<td>{text(when or 'undated')}</td><td>{who}</td>"
            f"<td>{text(names.aspect(claim.aspect))}</td><td>{says}</td>"
            f"<td>{_source_link(claim, corpus)}</td></tr>"
        )
    head = ["When", "Party", "Question", "Says", "Source"]
    return _section(
        "timeline",
        "Timeline of statements",
        _table_block("timeline", "Timeline of statements", head, rows, short=False),
    )


def _sources(ea: EventAssessment, assessment: Assessment) -> list[str]:
    corpus = assessment.corpus
    items = []
    for source_id in ea.sources:
        source = corpus.sources.get(source_id)
        if source is None:
            items.append(f"<li>{text(source_id)}</li>")
            continue
        line = f"{text(source.id)}: {link(source.title or source.url or source.id, source.url)}"
        details = [text(source.outlet)] if source.outlet.strip() else []
        if source.published:
            details.append(f"published {format_date(source.published)}")
        if source.language.strip():
            details.append(f"language {text(source.language)}")
        if details:
            line += " — " + ", ".join(details)
        items.append(f"<li>{line}</li>")
    return _section("sources", "Sources", ["<ul>", *items, "</ul>"])


def _diagram(ea: EventAssessment, assessment: Assessment, names: Names, sides: _Sides) -> list[str]:
    """The contested questions as SVG: the Mermaid diagram's questions, drawn here."""
    aspects = diagram_questions(ea, assessment)
    if not aspects:
        return _section("diagram", "Diagram", ["<p>No contested question to draw.</p>"])
    svg = render_svg(
        ea,
        assessment,
        party_name=names.party,
        side_name=names.side,
        side_class=sides.index,
        party_sort_key=names.party_sort_key,
        aspect_name=names.aspect,
        aspects=aspects,
    )
    if svg is None:
        note = "The event has too many answers for a diagram; see the tables above."
        return _section("diagram", "Diagram", [f"<p>{note}</p>"])
    caption = (
        "<figcaption>Each contested question with its answers (boxes) and who gives each "
        "(right, with the side's colour). A red dashed arc joins two answers that contradict "
        "each other, and a contradicted answer is marked ⚠ and framed in red."
    )
    if any(q.status != "contested" for a, q in ea.questions.items() if a in aspects):
        caption += " Questions joined only by a fact-checker's link are drawn too."
    caption += "</figcaption>"
    return _section(
        "diagram",
        "Diagram",
        [
            '<figure class="diagram">',
            caption,
            f'<div class="diagram-wrap">{svg}</div>',
            "</figure>",
        ],
    )


def render_event_page(assessment: Assessment, event_id: str) -> str:
    """The HTML page of one event (a whole document ending in one newline)."""
    corpus = assessment.corpus
    event = corpus.events[event_id]
    ea = assessment.events[event_id]
    names = Names(corpus)
    sides = _Sides(corpus)
    body = [
        *_header(event, ea, assessment, names),
        "<main>",
        *_table(ea, assessment, names, sides),
        *_contradictions(ea, assessment, names),
        *_corroborations(ea, assessment, names),
        *_silences(ea, assessment, names),
        *_verdicts(ea, assessment, names),
        *_figures(ea, assessment, names),
        *_timeline(ea, assessment, names),
        *_sources(ea, assessment),
        *_diagram(ea, assessment, names, sides),
        "</main>",
        f'<footer><a href="index.html">All events</a> · event id <code>{text(event.id)}</code>'
        " · generated by claimgraph from the claim files</footer>",
    ]
    title = f"{text(event.title or event.id)} — {text(event_when(event))}"
    return _page(title, body)


# ---------------------------------------------------------------- index


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
            f'<td><span class="badge {_status_class(ea.status)}">{text(status)}</span></td>'
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
    record_head = [
        "Party",
        "Side",
        "Claims",
        "Contradicted by another side",
        "Corroborated by another side",
        "Hedged or second-hand",
        "With evidence",
        "Declined",
        "Events",
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
        *_section(
            "records",
            "Track record of the parties",
            [
                "<p>Across all events: how often each party's answers (claims that are not "
                "refusals to comment) were contradicted or corroborated by a party of another "
                "side, hedged or second-hand, and backed by evidence; the shares are those of "
                "<code>claimgraph parties</code>.</p>",
                *_table_block("records", "Track record of the parties", record_head, record_rows),
            ],
        ),
        "</main>",
        "<footer>Generated by claimgraph from the claim files.</footer>",
    ]
    return _page("Comparison reports", body)


def generate_site(assessment: Assessment, events: Iterable[str] | None = None) -> dict[str, str]:
    """Every page by file name: one per event (all, or those given) and ``index.html``.

    The index always lists every event of the assessment.
    """
    wanted = list(events) if events is not None else list(assessment.events)
    files = {page_filename(e): render_event_page(assessment, e) for e in wanted}
    files[INDEX_HTML] = render_index_page(assessment)
    return files
