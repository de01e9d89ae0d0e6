"""The HTML page of one event: the header and its table of contents, the table
(:mod:`claimgraph.views.html.table`), then each section of the Markdown report."""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.analysis.assess import Assessment, EventAssessment, PositionAssessment
from claimgraph.model import Event
from claimgraph.views.event_data import contradiction_groups, event_claims
from claimgraph.views.figures import conservative_text, figure_text, figures_explained, spread_text
from claimgraph.views.html.answers import answer_marks, quote_list, source_link, statement, verdict
from claimgraph.views.html.page import Sides, link, page, section, status_class, table_block, text
from claimgraph.views.html.table import table
from claimgraph.views.mermaid import diagram_questions
from claimgraph.views.svg import render_svg
from claimgraph.views.values import report_answer
from claimgraph.views.wording import (
    STATUS_EXPLAINED,
    STATUS_WORDS,
    Names,
    contested_tail,
    corroboration_kind,
    event_counts,
    event_outlets,
    event_when,
    event_where,
    format_date,
    holders,
    ordered_questions,
    plural,
    short_date,
    silence_entries,
)

__all__ = ["render_event_page"]


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
        f'<p class="status"><span class="badge {status_class(ea.status)}">{text(status)}</span> '
        f"{text(explained)}. {text(counts)}.</p>",
        '<nav class="toc" aria-label="Sections"><ul>',
        *(
            f'<li><a href="#{anchor}">{label}</a></li>'
            for anchor, label in _SECTIONS
            if (anchor != "figures" or any(q.counts for q in ea.questions.values()))
            and (anchor != "verdicts" or any(verdict(c) for c in event_claims(ea, corpus)))
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


def _contradictions(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """Grouped by the pair of answers, as in the Markdown report."""
    corpus = assessment.corpus
    groups = contradiction_groups(ea, assessment)
    if not groups:
        return section(
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
    return section("contradictions", "Contradictions", items)


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
        return section(
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
    return section("corroborations", "Corroborations", items)


def _silences(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """Who declined to comment, and who speaks for a side but is silent on a contested question."""
    silences, declined_then_answered = silence_entries(
        ea,
        assessment,
        names,
        lambda claim: statement(claim, assessment, names),
        plain=text,
        strong=lambda words: f"<strong>{text(words)}</strong>",
    )
    items = [f"<li>{entry}</li>" for entry in silences]
    answered = [f"<li>{entry}</li>" for entry in declined_then_answered]
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
    return section("silences", "Silences", body)


def _verdicts(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """The fact-checker's verdicts (``review:``) on the event's claims, beside each claim."""
    reviewed = [c for c in event_claims(ea, assessment.corpus) if verdict(c)]
    if not reviewed:
        return []
    items = [
        f"<li><em>{text(report_answer(c, assessment) or c.aspect)}</em>: "
        f"{statement(c, assessment, names)}</li>"
        for c in reviewed
    ]
    return section("verdicts", "Verdicts", ['<ul class="statements">', *items, "</ul>"])


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
    return section("figures", "Figures", [*table_block("figures", "Figures", head, rows), note])


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
            f"{quote_list([claim], assessment, names, party=False)}</details>"
        )
        rows.append(
            f'<tr data-party="{text(claim.party)}" data-question="{text(claim.aspect)}">'
            f"<td>{text(when or 'undated')}</td><td>{who}</td>"
            f"<td>{text(names.aspect(claim.aspect))}</td><td>{says}</td>"
            f"<td>{source_link(claim, corpus)}</td></tr>"
        )
    head = ["When", "Party", "Question", "Says", "Source"]
    return section(
        "timeline",
        "Timeline of statements",
        table_block("timeline", "Timeline of statements", head, rows, short=False),
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
    return section("sources", "Sources", ["<ul>", *items, "</ul>"])


def _diagram(ea: EventAssessment, assessment: Assessment, names: Names, sides: Sides) -> list[str]:
    """The contested questions as SVG: the Mermaid diagram's questions, drawn here."""
    aspects = diagram_questions(ea, assessment)
    if not aspects:
        return section("diagram", "Diagram", ["<p>No contested question to draw.</p>"])
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
        return section("diagram", "Diagram", [f"<p>{note}</p>"])
    caption = (
        "<figcaption>Each contested question with its answers (boxes) and who gives each "
        "(right, with the side's colour). A red dashed arc joins two answers that contradict "
        "each other, and a contradicted answer is marked ⚠ and framed in red."
    )
    if any(q.status != "contested" for a, q in ea.questions.items() if a in aspects):
        caption += " Questions joined only by a fact-checker's link are drawn too."
    caption += "</figcaption>"
    return section(
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
    sides = Sides(corpus)
    body = [
        *_header(event, ea, assessment, names),
        "<main>",
        *table(ea, assessment, names, sides),
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
    return page(title, body)
