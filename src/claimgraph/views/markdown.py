"""The comparison report: one GitHub-flavoured Markdown page per event, and an index.

Each event report has, in order: a title with date and place; a one-line
status with counts; the side-by-side table (rows: questions; columns: parties
grouped by side); a three-line legend; contradictions with both verbatim
quotes; corroborations (independent ones first, echoes flagged); silences;
count reconciliation; a timeline of statements; the sources; and a Mermaid
diagram of parties, positions and contradictions.

Every piece of user text goes through :mod:`claimgraph.views.escape`, and the
output is deterministic (ordered by the corpus and the assessment, no
timestamps), so golden files compare byte for byte.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator, Sequence

from claimgraph.analysis.assess import (
    Assessment,
    CountFigure,
    CountReconciliation,
    EventAssessment,
    PositionAssessment,
    event_order,
)
from claimgraph.model import Certainty, Claim, Corpus, Event, Stance
from claimgraph.output import safe_filename
from claimgraph.quantities import vague_words
from claimgraph.views import wording
from claimgraph.views.escape import md_cell, md_code, md_inline, md_link, one_line
from claimgraph.views.mermaid import diagram_questions, render_diagram, too_large
from claimgraph.views.values import report_answer, report_value
from claimgraph.views.wording import (
    QUESTION_WORDS,
    STATUS_EXPLAINED,
    STATUS_WORDS,
    contested_tail,
    cross_links,
    event_counts,
    event_outlets,
    event_when,
    event_where,
    format_date,
)
from claimgraph.views.wording import Names as _Names
from claimgraph.views.wording import contradicted as _contradicted
from claimgraph.views.wording import holders as _holders
from claimgraph.views.wording import is_superseded as _is_superseded
from claimgraph.views.wording import ordered_questions as _ordered_questions
from claimgraph.views.wording import plural as _plural
from claimgraph.views.wording import short_date as _short_date

__all__ = [
    "ANSWERING_KINDS",
    "INDEX_NAME",
    "QUESTION_WORDS",
    "contradiction_groups",
    "STATUS_EXPLAINED",
    "STATUS_WORDS",
    "answered_decline",
    "conservative_text",
    "corroboration_kind",
    "cross_links",
    "event_outlets",
    "expected_silences",
    "figure_text",
    "figures_explained",
    "generate_reports",
    "iter_reports",
    "render_event",
    "render_index",
    "report_filename",
    "report_names",
    "spread_text",
    "verdict_text",
]

# The view helpers in __all__ return data or plain phrases the HTML site can
# reuse, so both pages show the same corrected numbers and words.

INDEX_NAME = "index.md"

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


# ---------------------------------------------------------------- helpers


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
RECORD_COLUMNS = (
    "Party",
    "Side",
    "Claims",
    "Contradicted by another side",
    "Corroborated by another side",
    "Hedged or second-hand",
    "With evidence",
    "Declined",
    "Events",
)


def _header(columns: Sequence[str]) -> list[str]:
    return ["| " + " | ".join(columns) + " |", "|" + "|".join(["---"] * len(columns)) + "|"]


def _percent(part: int, whole: int) -> str:
    return f"{part} ({round(100 * part / whole)}%)" if whole else str(part)


def _evidence_marks(claim: Claim) -> str:
    if not claim.evidence:
        return ""
    if not claim.has_evidence:
        return " (no evidence)"
    kinds = [e for e in claim.evidence if e != "none"]
    return " " + " ".join(f"({md_inline(k)})" for k in kinds)


def answered_decline(claim: Claim, assessment: Assessment) -> str | None:
    """The claim that later answered this decline (same party, same event), if any."""
    ea = assessment.events.get(claim.event)
    return ea.answered_declines.get(claim.id) if ea else None


def cell_text(claim: Claim, assessment: Assessment) -> str:
    """One claim as it appears in a table cell, with its marks (escaped Markdown)."""
    if claim.stance is Stance.DECLINES:
        if answered_decline(claim, assessment):
            return "~~“declined”~~, then answered"
        return "“declined”"
    text = md_cell(report_value(claim, assessment)) or md_cell(claim.quote)[:60]
    if claim.certainty is Certainty.HEDGED:
        text = "\\~" + text  # escaped: GFM reads a single ~ pair as strikethrough
    if claim.stance is Stance.DENIES:
        text = "✗ " + text
    if claim.certainty is Certainty.REPORTED:
        text += "²"
    if _is_superseded(claim, assessment):
        text = f"~~{text}~~"
    text += _evidence_marks(claim)
    if claim.review is not None and claim.review.rating.strip():
        text += f" \\[verdict: {md_cell(claim.review.rating)}\\]"
    if _contradicted(claim, assessment):
        text = "⚠ " + text
    return text


def verdict_text(claim: Claim) -> str:
    """The fact-checker's verdict on a claim (escaped Markdown), or ``""``.

    >>> from claimgraph.model import Review
    >>> c = Claim("c", "e", "p", "s", "cause", "x",
    ...           review=Review("False", reviewer="Desk", url="https://x.org/r"))
    >>> verdict_text(c)
    'verdict: **False** by Desk ([review](https://x.org/r))'
    """
    review = claim.review
    if review is None or not review.rating.strip():
        return ""
    text = f"verdict: **{md_inline(review.rating)}**"
    if review.reviewer.strip():
        text += f" by {md_inline(review.reviewer)}"
    if review.date:
        text += f", {format_date(review.date)}"
    link = md_link("review", review.url) if review.url.strip() else ""
    if link.startswith("["):
        text += f" ({link})"
    return text


def _source_ref(claim: Claim, corpus: Corpus) -> str:
    """A short reference to the claim's source; the Sources section has the link."""
    source = corpus.sources.get(claim.source)
    if source is None:
        return md_inline(claim.source)
    name = one_line(source.outlet) or one_line(source.title)
    if not name or name == source.id:
        return md_inline(source.id)
    return f"{md_inline(name)} \\[{md_inline(source.id)}\\]"


def _who(claim: Claim, names: _Names) -> str:
    side = names.side(names.side_id(claim.party))
    who = f"**{md_inline(names.party(claim.party))}** ({md_inline(side)})"
    if claim.speaker.strip():
        who += f", {md_inline(claim.speaker)}"
    if claim.via.strip():
        who += f", via {md_inline(claim.via)}"
    return who


def _quote(claim: Claim) -> str:
    if not claim.quote.strip():
        return "(no quote recorded)"
    return f"“{md_inline(claim.quote)}”"


def _statement(claim: Claim, assessment: Assessment, names: _Names) -> str:
    """One line: who, when, the quote, and where it was reported."""
    when = _short_date(claim.said_on)
    parts = [_who(claim, names)]
    if when:
        parts[0] += f", {when}"
    marks = []
    if claim.certainty is not Certainty.ASSERTED:
        marks.append(claim.certainty.value)
    if claim.evidence:
        marks.append(
            "evidence: " + ", ".join(claim.evidence) if claim.has_evidence else "no evidence"
        )
    extra = f" ({md_inline('; '.join(marks))})" if marks else ""
    line = f"{parts[0]}: {_quote(claim)}{extra} — {_source_ref(claim, assessment.corpus)}"
    verdict = verdict_text(claim)
    return f"{line} — {verdict}" if verdict else line


# ---------------------------------------------------------------- sections


def _title(event: Event) -> list[str]:
    title = md_inline(event.title or event.id)
    where = event_where(event)
    tail = event_when(event) + (f", {where}" if where else "")
    return [f"# {title} — {md_inline(tail)}", ""]


def _status_line(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    status = STATUS_WORDS.get(ea.status, ea.status)
    explained = STATUS_EXPLAINED.get(ea.status, "")
    tail = contested_tail(ea, assessment.corpus, names)
    if tail:
        explained += f" {md_inline(tail)}"
    counts = event_counts(ea, event_outlets(ea, assessment.corpus), escape=md_inline)
    return [f"**{status}**: {explained}. {counts}.", ""]


def event_claims(ea: EventAssessment, corpus: Corpus) -> list[Claim]:
    """The event's claims in timeline order, without scanning the whole corpus."""
    return [corpus.claims[c] for c in ea.timeline if c in corpus.claims]


def _columns(ea: EventAssessment, names: _Names) -> list[str]:
    return sorted(ea.parties, key=names.party_sort_key)


def _table(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
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
    for aspect, question in _ordered_questions(ea):
        status = QUESTION_WORDS.get(question.status, question.status)
        if links.get(aspect):
            others = ", ".join(names.aspect(a) for a in links[aspect])
            status += f"; a fact-checker links it as contradicting {others}"
        cells = [md_cell(names.aspect(aspect)), md_cell(status)]
        held = by_question.get(aspect, {})
        for party in parties:
            texts = [cell_text(c, assessment) for c in held.get(party, [])]
            cells.append("; ".join(dict.fromkeys(texts)))
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", LEGEND, ""]
    return lines


def contradiction_groups(
    ea: EventAssessment, assessment: Assessment
) -> list[tuple[bool, list[str], list[str]]]:
    """The event's contradictions, one group per pair of answers (a rule's) or per pair
    of claims (a fact-checker's link): ``(by_hand, left claim ids, right claim ids)``,
    in the order first found. The Markdown report and the HTML site list these."""
    corpus = assessment.corpus
    rels = [r for r in ea.relations if r.kind == "contradicts" and r.between == "claims"]
    rels = [r for r in rels if r.a in corpus.claims and r.b in corpus.claims]
    groups: dict[tuple[str, ...], tuple[bool, list[str], list[str]]] = {}
    for rel in rels:
        a, b = corpus.claims[rel.a], corpus.claims[rel.b]
        by_hand = rel.source == "fact-checker"
        if by_hand:
            key: tuple[str, ...] = ("link", rel.a, rel.b)
        else:
            key = ("rule", _answer_key(a, assessment), _answer_key(b, assessment))
            flipped = (key[0], key[2], key[1])
            if flipped in groups:
                key, a, b = flipped, b, a
        _, left, right = groups.setdefault(key, (by_hand, [], []))
        if a.id not in left:
            left.append(a.id)
        if b.id not in right:
            right.append(b.id)
    return list(groups.values())


def _contradictions(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    """Contradictions grouped by the pair of answers, each with every statement on both sides."""
    corpus = assessment.corpus
    groups = contradiction_groups(ea, assessment)
    lines = ["## Contradictions", ""]
    if not groups:
        return lines + ["No contradictions between the accounts recorded.", ""]
    for n, (by_hand, left, right) in enumerate(groups, 1):
        a, b = corpus.claims[left[0]], corpus.claims[right[0]]
        left_text = md_inline(report_answer(a, assessment))
        right_text = md_inline(report_answer(b, assessment))
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
            answer = md_inline(report_answer(claim, assessment))
            lines.append(f"   - *{answer}*: {_statement(claim, assessment, names)}")
    return lines + [""]


def _answer_key(claim: Claim, assessment: Assessment) -> str:
    positions = assessment.positions_of(claim.id)
    ids = ",".join(p.id for p in positions) or claim.id
    return f"{claim.stance.value}:{ids}"


def _corroborations(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    corpus = assessment.corpus
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
            f"{_plural(len(set(pos.parties)), 'party', 'parties')}, {kind}"
        )
        for claim in _holders(pos, assessment):
            line = f"   - {_statement(claim, assessment, names)}"
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
        lines.append(f"   - {_statement(a, assessment, names)}")
        lines.append(f"   - {_statement(b, assessment, names)}")
    return lines + [""]


def corroboration_kind(
    pos: PositionAssessment, side_name: Callable[[str], str], sides: Sequence[str]
) -> str:
    """How independent a corroboration is: sides and outlets (escaped Markdown); the
    words are :func:`claimgraph.views.wording.corroboration_kind`'s."""
    return wording.corroboration_kind(pos, side_name, sides, escape=md_inline)


# Kinds of party a reader expects an answer from on a contested question: those
# that speak for a side. Outlets, residents, channels and companies are not
# expected to know how many missiles were shot down.
ANSWERING_KINDS = frozenset(
    {
        "government",
        "regional-government",
        "local-government",
        "military",
        "intelligence",
        "occupation-authority",
        "armed-group",
        "partisans",
    }
)


def expected_silences(ea: EventAssessment, assessment: Assessment) -> dict[str, list[str]]:
    """Party -> the contested questions it said nothing on, for parties a reader
    expects an answer from: those that spoke on the event and speak for a side
    (:data:`ANSWERING_KINDS`). Declines are listed apart.
    """
    corpus = assessment.corpus
    spoke = {
        c.party
        for c in (corpus.claims.get(cid) for cid in ea.timeline)
        if c is not None and c.stance is not Stance.DECLINES
    }
    found: dict[str, list[str]] = {}
    for q in ea.questions.values():
        if q.status != "contested":
            continue
        for party in ea.parties:
            record = corpus.parties.get(party)
            if party not in spoke or party in q.parties or record is None:
                continue
            if record.kind in ANSWERING_KINDS:
                found.setdefault(party, []).append(q.aspect)
    return found


def _silences(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    """Who declined to comment, and who speaks for a side but is silent on a contested question."""
    corpus = assessment.corpus
    lines = ["## Silences", ""]
    answered: list[str] = []
    for claim in event_claims(ea, corpus):
        if claim.stance is not Stance.DECLINES:
            continue
        statement = _statement(claim, assessment, names)
        if claim.id in ea.answered_declines:
            answered.append(f"- Declined to comment, then answered: {statement}")
        else:
            lines.append(f"- Declined to comment: {statement}")
    silent = expected_silences(ea, assessment)
    for party in sorted(silent, key=names.party_sort_key):
        questions = ", ".join(f"**{md_inline(names.aspect(a))}**" for a in silent[party])
        lines.append(
            f"- {md_inline(names.party_with_side(party))} spoke on this event, "
            f"but said nothing on {questions} (contested)"
        )
    if len(lines) == 2:
        lines.append(
            "Nobody declined to comment without answering later, and every party that "
            "speaks for a side spoke on each contested question."
        )
    lines += ["", *answered] if answered else []
    lines += ["", "Empty cells in the table above show every other silence."]
    return lines + [""]


def _verdicts(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    """The fact-checker's verdicts (``review:``) on the event's claims, beside each claim."""
    reviewed = [c for c in event_claims(ea, assessment.corpus) if verdict_text(c)]
    if not reviewed:
        return []
    lines = ["## Verdicts", ""]
    for claim in reviewed:
        answer = md_inline(report_answer(claim, assessment)) or md_inline(claim.aspect)
        lines.append(f"- *{answer}*: {_statement(claim, assessment, names)}")
        review = claim.review
        if review is not None and review.summary.strip():
            lines.append(f"  - {md_inline(review.summary)}")
    return lines + [""]


def _number(x: float) -> str:
    """A figure: the number without a trailing ``.0``, ``∞`` for no bound.

    >>> _number(4.0), _number(math.inf), _number(2.5), _number(1500)
    ('4', '∞', '2.5', '1,500')
    """
    return "∞" if math.isinf(x) else f"{x:,g}" if x != int(x) else f"{int(x):,}"


def figure_text(figure: CountFigure) -> str:
    """A figure as given, and the number a vague word counts as.

    >>> from claimgraph.quantities import parse_count, stated
    >>> f = stated(parse_count("several dozen"))
    >>> figure_text(CountFigure(parse_count("several dozen"), (), (), f.low, f.high, f.vague))
    'several dozen, counted as 12'
    """
    text = one_line(figure.label)
    if figure.vague and figure.low is not None:
        text += f", counted as {_number(figure.low)}"
    return text


def spread_text(rec: CountReconciliation) -> str:
    """From the lowest stated figure to the highest.

    >>> from claimgraph.quantities import parse_count
    >>> spread_text(CountReconciliation((), 4, (), 30, (), False, 4, ()))
    '4 to 30'
    """
    if rec.lowest is None or rec.highest is None:
        return ""
    text = _endpoint(rec, rec.lowest)
    if rec.highest != rec.lowest:
        text += f" to {_endpoint(rec, rec.highest)}"
    if rec.highest_open:
        text += " or more"
    return text


def _endpoint(rec: CountReconciliation, n: int) -> str:
    """A number of the spread; when only a vague word gives it, the word too."""
    givers = [f for f in rec.figures if n in f.numbers]
    if givers and all(f.vague for f in givers):
        return f"{_number(n)} ({one_line(givers[0].label)})"
    return _number(n)


def conservative_text(rec: CountReconciliation, party: Callable[[str], str]) -> str:
    """The lowest stated figure with who gave it, the dispute noted."""
    if rec.conservative is None:
        return "none stated (only upper bounds such as “up to 30” were given)"
    who = ", ".join(party(p) for p in rec.conservative_by)
    text = f"{_endpoint(rec, rec.conservative)}, given by {who}"
    if rec.disputed:
        text += "; disputed"
    return text


def figures_explained() -> str:
    """The note under the Figures table, with the vague-word table the code uses."""
    return (
        "Every figure is the one a party gave. The spread runs from the lowest figure "
        "stated to the highest; the conservative figure is the lowest figure stated, "
        "with who gave it (ACLED's rule), and an upper bound alone (“up to 30”) gives "
        f"none. Vague words count by one table ({vague_words()}; the scale words are "
        "ACLED's). Figures later corrected by the same party are left out."
    )


def _counts(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    """Count reconciliation: every figure and who gives it, the spread, the conservative figure."""
    questions = [q for _, q in _ordered_questions(ea) if q.counts is not None]
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


def _timeline(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
    corpus = assessment.corpus
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
        when = _short_date(claim.said_on)
        if not when and source is not None and source.published:
            when = f"published {source.published.isoformat()}"
        cells = [
            md_cell(when or "undated"),
            md_cell(who),
            md_cell(names.aspect(claim.aspect)),
            cell_text(claim, assessment),
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


def _diagram(ea: EventAssessment, assessment: Assessment, names: _Names) -> list[str]:
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
    names = _Names(corpus)
    lines: list[str] = []
    lines += _title(event)
    lines += _status_line(ea, assessment, names)
    lines += _table(ea, assessment, names)
    lines += _contradictions(ea, assessment, names)
    lines += _corroborations(ea, assessment, names)
    lines += _silences(ea, assessment, names)
    lines += _verdicts(ea, assessment, names)
    lines += _counts(ea, assessment, names)
    lines += _timeline(ea, assessment, names)
    lines += _sources(ea, assessment)
    lines += _diagram(ea, assessment, names)
    lines.append(f"[All events](index.md) · event id {md_code(event.id)}")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------- index


def render_index(assessment: Assessment, events: Sequence[str] | None = None) -> str:
    """``index.md``: every event with status and counts (contested first), then party records."""
    corpus = assessment.corpus
    names = _Names(corpus)
    ids = event_order(assessment, events)
    n_contested = sum(1 for e in ids if assessment.events[e].status == "contested")
    lines = [
        "# Comparison reports",
        "",
        f"{_plural(len(ids), 'event')} ({n_contested} contested) · "
        f"{_plural(len(corpus.claims), 'claim')} by "
        f"{_plural(len(corpus.parties), 'party', 'parties')} from "
        f"{_plural(len(corpus.sources), 'source')}. Contested events first, newest first.",
        "",
        *_header(INDEX_COLUMNS),
    ]
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
        lines.append("| " + " | ".join(cells) + " |")
    lines += [
        "",
        "## Track record of the parties",
        "",
        "Across all events: how often each party's answers (claims that are not refusals to "
        "comment) were contradicted or corroborated by a party of another side, hedged or "
        "second-hand, and backed by evidence; the shares are those of `claimgraph parties`.",
        "",
        *_header(RECORD_COLUMNS),
    ]
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
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def _relative_link(event: Event) -> str:
    # A relative link to the report in the same folder; the file name is safe.
    return f"[{md_inline(event.title or event.id)}]({report_filename(event.id)})"


def report_names(assessment: Assessment, events: Iterable[str] | None = None) -> list[str]:
    """The file names :func:`iter_reports` yields, in its order (the index last)."""
    wanted = list(events) if events is not None else list(assessment.events)
    return [*(report_filename(e) for e in wanted), INDEX_NAME]


def iter_reports(
    assessment: Assessment,
    events: Iterable[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """Each report as (file name, text) as it is rendered, one per event (all, or
    those given), then ``index.md``: written as they come, none is held.

    The index always lists every event of the assessment. ``each`` wraps the
    loop over the events (the CLI's progress bar).
    """
    wanted = list(events) if events is not None else list(assessment.events)
    for event_id in each(wanted) if each is not None else wanted:
        yield report_filename(event_id), render_event(assessment, event_id)
    yield INDEX_NAME, render_index(assessment)


def generate_reports(
    assessment: Assessment,
    events: Iterable[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> dict[str, str]:
    """Every report by file name (:func:`iter_reports`, all held)."""
    return dict(iter_reports(assessment, events, each=each))
