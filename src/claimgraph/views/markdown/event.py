"""The comparison report of one event: its sections in order, from the title to
the diagram (see :mod:`claimgraph.views.markdown`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence

from claimgraph.analysis.assess import Assessment, EventAssessment, PositionAssessment
from claimgraph.model import Claim, Event
from claimgraph.views import wording
from claimgraph.views.escape import md_cell, md_code, md_inline, md_link, one_line
from claimgraph.views.event_data import contradiction_groups, event_claims
from claimgraph.views.figures import conservative_text, figure_text, figures_explained, spread_text
from claimgraph.views.markdown.claims import ClaimTexts, verdict_text
from claimgraph.views.mermaid import diagram_questions, render_diagram, too_large
from claimgraph.views.wording import (
    STATUS_EXPLAINED,
    STATUS_WORDS,
    Names,
    contested_tail,
    cross_links,
    event_counts,
    event_outlets,
    event_when,
    event_where,
    format_date,
    holders,
    ordered_questions,
    plural,
    question_status,
    short_date,
    silence_entries,
)

__all__ = ["LEGEND", "corroboration_kind", "render_event"]


LEGEND = (
    "*How to read the table:* each cell is what that party says; an empty cell means "
    "it said nothing on that question.\\\n"
    "⚠ contradicted by another party · \\~ hedged (“preliminary data”) · "
    "² second-hand (“citing residents”) · ✗ denies · "
    "~~struck~~ later corrected by the same party.\\\n"
    "(video), (photo)… evidence offered · (no evidence) said without evidence · "
    "“declined” refused to comment (~~struck~~, then answered: it spoke later) · "
    "\\[verdict: …\\] the fact-checker's rating."
)


def _title(event: Event) -> list[str]:
    title = md_inline(event.title or event.id)
    where = event_where(event)
    tail = event_when(event) + (f", {where}" if where else "")
    return [f"# {title} — {md_inline(tail)}", ""]


def _status_line(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    status = STATUS_WORDS.get(ea.status, ea.status)
    explained = STATUS_EXPLAINED.get(ea.status, "")
    tail = contested_tail(ea, assessment.corpus, names)
    if tail:
        explained += f" {md_inline(tail)}"
    counts = event_counts(ea, event_outlets(ea, assessment.corpus), escape=md_inline)
    return [f"**{status}**: {explained}. {counts}.", ""]


def _columns(ea: EventAssessment, names: Names) -> list[str]:
    return sorted(ea.parties, key=names.party_sort_key)


def _table(ea: EventAssessment, assessment: Assessment, texts: ClaimTexts) -> list[str]:
    names = texts.names
    parties = _columns(ea, names)
    corpus = assessment.corpus
    header = ["Question", "Status"] + [md_cell(names.party_with_side(p)) for p in parties]
    lines = [
        "## Who says what",
        "",
        "| " + " | ".join(header) + " |",
        "|" + "|".join(["---"] * len(header)) + "|",
    ]
    by_question: dict[str, dict[str, list[Claim]]] = {}
    for claim in event_claims(ea, corpus):
        by_question.setdefault(claim.aspect, {}).setdefault(claim.party, []).append(claim)
    links = cross_links(ea, corpus)
    for aspect, question in ordered_questions(ea):
        status = question_status(aspect, question.status, links, names)
        cells = [md_cell(names.aspect(aspect)), md_cell(status)]
        held = by_question.get(aspect, {})
        for party in parties:
            shown = [texts.cell(c) for c in held.get(party, [])]
            cells.append("; ".join(dict.fromkeys(shown)))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", LEGEND, ""]
    return lines


def _contradictions(ea: EventAssessment, assessment: Assessment, texts: ClaimTexts) -> list[str]:
    """Contradictions grouped by the pair of answers, each with every statement on both sides."""
    corpus, names = assessment.corpus, texts.names
    groups = contradiction_groups(ea, assessment)
    lines = ["## Contradictions", ""]
    if not groups:
        return lines + ["No contradictions between the accounts recorded.", ""]
    for n, (by_hand, left, right) in enumerate(groups, 1):
        a, b = corpus.claims[left[0]], corpus.claims[right[0]]
        left_text = texts.answer(a)
        right_text = texts.answer(b)
        if a.aspect == b.aspect:
            head = f"{n}. **{md_inline(names.aspect(a.aspect))}**: {left_text} ⟷ {right_text}"
        else:
            head = (
                f"{n}. **{md_inline(names.aspect(a.aspect))}**: {left_text} ⟷ "
                f"**{md_inline(names.aspect(b.aspect))}**: {right_text}"
            )
        if by_hand:
            head += " — *marked by the fact-checker*"
        lines.append(head)
        for claim_id in left + right:
            claim = corpus.claims[claim_id]
            lines.append(f"   - *{texts.answer(claim)}*: {texts.statement(claim)}")
    return lines + [""]


def _corroborations(ea: EventAssessment, assessment: Assessment, texts: ClaimTexts) -> list[str]:
    corpus, names = assessment.corpus, texts.names
    positions = [p for q in ea.questions.values() for p in q.positions if len(set(p.parties)) >= 2]
    positions.sort(key=lambda p: not p.independently_corroborated)  # stable: independent first
    echoes = [r for r in ea.relations if r.kind == "echo"]
    echo_of = {r.b: r.a for r in echoes}
    links = [
        r
        for r in ea.relations
        if r.kind == "corroborates" and r.source == "fact-checker" and r.between == "claims"
    ]
    lines = ["## Corroborations", ""]
    if not positions and not links:
        return lines + ["No two parties give the same answer.", ""]
    outlets = event_outlets(ea, corpus)
    if len(outlets) == 1:
        lines += [
            f"All via {md_inline(outlets[0])}: every claim of this event comes through one "
            "outlet, so agreement here is not independent confirmation.",
            "",
        ]
    n = 0
    for pos in positions:
        n += 1
        sides = sorted(
            set(pos.independent_sides or pos.sides), key=lambda s: names.side_order.get(s, 99)
        )
        kind = corroboration_kind(pos, names.side, sides)
        lines.append(
            f"{n}. **{md_inline(names.aspect(pos.aspect))}**: {md_inline(pos.label)} — "
            f"{plural(len(set(pos.parties)), 'party', 'parties')}, {kind}"
        )
        for claim in holders(pos, assessment):
            line = f"   - {texts.statement(claim)}"
            if claim.id in echo_of and echo_of[claim.id] in corpus.claims:
                original = corpus.claims[echo_of[claim.id]]
                line += (
                    f" — *echo: near-identical to {md_inline(names.party(original.party))}'s "
                    "wording, counted once*"
                )
            lines.append(line)
    for rel in links:
        a, b = corpus.claims.get(rel.a), corpus.claims.get(rel.b)
        if a is None or b is None:
            continue
        n += 1
        lines.append(
            f"{n}. **{md_inline(names.aspect(a.aspect))}** — "
            "*marked by the fact-checker as corroborating*"
        )
        lines.append(f"   - {texts.statement(a)}")
        lines.append(f"   - {texts.statement(b)}")
    return lines + [""]


def corroboration_kind(
    pos: PositionAssessment, side_name: Callable[[str], str], sides: Sequence[str]
) -> str:
    """How independent a corroboration is: sides and outlets (escaped Markdown); the
    words are :func:`claimgraph.views.wording.corroboration_kind`'s."""
    return wording.corroboration_kind(pos, side_name, sides, escape=md_inline)


def _silences(ea: EventAssessment, assessment: Assessment, texts: ClaimTexts) -> list[str]:
    """Who declined to comment, and who speaks for a side but is silent on a contested question."""
    silences, declined_then_answered = silence_entries(
        ea,
        assessment,
        texts.names,
        texts.statement,
        plain=md_inline,
        strong=lambda words: f"**{md_inline(words)}**",
    )
    lines = ["## Silences", "", *(f"- {entry}" for entry in silences)]
    answered = [f"- {entry}" for entry in declined_then_answered]
    if len(lines) == 2:
        lines.append(
            "Nobody declined to comment without answering later, and every party that "
            "speaks for a side spoke on each contested question."
        )
    lines += ["", *answered] if answered else []
    lines += ["", "Empty cells in the table above show every other silence."]
    return lines + [""]


def _verdicts(ea: EventAssessment, assessment: Assessment, texts: ClaimTexts) -> list[str]:
    """The fact-checker's verdicts (``review:``) on the event's claims, beside each claim."""
    reviewed = [c for c in event_claims(ea, assessment.corpus) if verdict_text(c)]
    if not reviewed:
        return []
    lines = ["## Verdicts", ""]
    for claim in reviewed:
        answer = texts.answer(claim) or md_inline(claim.aspect)
        lines.append(f"- *{answer}*: {texts.statement(claim)}")
        review = claim.review
        if review is not None and review.summary.strip():
            lines.append(f"  - {md_inline(review.summary)}")
    return lines + [""]


def _counts(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """Count reconciliation: every figure and who gives it, the spread, the conservative figure."""
    questions = [q for _, q in ordered_questions(ea) if q.counts is not None]
    if not questions:
        return []
    lines = [
        "## Figures",
        "",
        "| Question | Figures given | Spread | Conservative figure |",
        "|---|---|---|---|",
    ]

    def who(parties: Iterable[str]) -> str:
        return ", ".join(names.party(p) for p in parties)

    for q in questions:
        rec = q.counts
        assert rec is not None
        figures = "; ".join(f"{figure_text(f)} ({who(f.parties)})" for f in rec.figures)
        cells = [
            names.aspect(q.aspect),
            figures,
            spread_text(rec),
            conservative_text(rec, names.party),
        ]
        lines.append("| " + " | ".join(md_cell(c) for c in cells) + " |")
    lines += ["", figures_explained(), ""]
    return lines


def _timeline(ea: EventAssessment, assessment: Assessment, texts: ClaimTexts) -> list[str]:
    corpus, names = assessment.corpus, texts.names
    lines = [
        "## Timeline of statements",
        "",
        "| When | Party | Question | Says | Source |",
        "|---|---|---|---|---|",
    ]
    for claim_id in ea.timeline:
        claim = corpus.claims.get(claim_id)
        if claim is None:
            continue
        source = corpus.sources.get(claim.source)
        who = names.party(claim.party)
        if claim.speaker.strip():
            who += f" ({one_line(claim.speaker)})"
        ref = md_cell(source.id if source else claim.source)
        when = short_date(claim.said_on)
        if not when and source is not None and source.published:
            when = f"published {source.published.isoformat()}"
        cells = [
            md_cell(when or "undated"),
            md_cell(who),
            md_cell(names.aspect(claim.aspect)),
            texts.cell(claim),
            ref,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    return lines + [""]


def _sources(ea: EventAssessment, assessment: Assessment) -> list[str]:
    corpus = assessment.corpus
    lines = ["## Sources", ""]
    for source_id in ea.sources:
        source = corpus.sources.get(source_id)
        if source is None:
            lines.append(f"- {md_inline(source_id)}")
            continue
        title = md_link(source.title or source.url or source.id, source.url)
        line = f"- {md_inline(source.id)}: {title}"
        details = [md_inline(source.outlet)] if source.outlet.strip() else []
        if source.published:
            details.append(f"published {format_date(source.published)}")
        if source.language.strip():
            details.append(f"language {md_inline(source.language)}")
        if details:
            line += " — " + ", ".join(details)
        lines.append(line)
    return lines + [""]


def _diagram(ea: EventAssessment, assessment: Assessment, names: Names) -> list[str]:
    """The Mermaid diagram of the contested questions, or a note when there is none."""
    aspects = diagram_questions(ea, assessment)
    if not aspects:
        return ["## Diagram", "", "No contested question to draw.", ""]
    intro = (
        "The contested questions: each answer with the parties that give it; a red dotted "
        "line joins answers that contradict each other."
    )
    if any(q.status != "contested" for a, q in ea.questions.items() if a in aspects):
        intro += " Questions joined only by a fact-checker's link are drawn too."
    body = render_diagram(ea, assessment, names.party_sort_key, aspects)
    if too_large(body):
        return [
            "## Diagram",
            "",
            "The event is too large for a diagram GitHub can draw; see the tables above.",
            "",
        ]
    return ["## Diagram", "", intro, "", "```mermaid", *body, "```", ""]


def render_event(assessment: Assessment, event_id: str) -> str:
    """The comparison report of one event, as Markdown text ending in one newline."""
    corpus = assessment.corpus
    event = corpus.events[event_id]
    ea = assessment.events[event_id]
    names = Names(corpus)
    texts = ClaimTexts(assessment, names)  # a claim's texts, made once for this report
    lines: list[str] = []
    lines += _title(event)
    lines += _status_line(ea, assessment, names)
    lines += _table(ea, assessment, texts)
    lines += _contradictions(ea, assessment, texts)
    lines += _corroborations(ea, assessment, texts)
    lines += _silences(ea, assessment, texts)
    lines += _verdicts(ea, assessment, texts)
    lines += _counts(ea, assessment, names)
    lines += _timeline(ea, assessment, texts)
    lines += _sources(ea, assessment)
    lines += _diagram(ea, assessment, names)
    lines.append(f"[All events](index.md) · event id {md_code(event.id)}")
    return "\n".join(lines).rstrip("\n") + "\n"
