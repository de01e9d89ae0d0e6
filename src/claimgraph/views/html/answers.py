"""One claim as HTML: its answer with marks, its verbatim quote with who, when and
where (``statement``), and a table cell's ``<details>`` per distinct answer."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claimgraph.analysis.assess import Assessment
from claimgraph.model import Certainty, Claim, Corpus, Stance
from claimgraph.views.escape import one_line, safe_url
from claimgraph.views.event_data import answered_decline
from claimgraph.views.html.page import link, text
from claimgraph.views.values import report_value
from claimgraph.views.wording import Names, contradicted, format_date, is_superseded, short_date

__all__ = ["answer_marks", "cell", "quote_list", "source_link", "statement", "verdict"]


_LANG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*")


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


def source_link(claim: Claim, corpus: Corpus) -> str:
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


def verdict(claim: Claim) -> str:
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
    line = ", ".join(who) + " — " + source_link(claim, corpus)
    return f'{quote} <span class="who">{line}</span>{verdict(claim)}'


def quote_list(
    claims: Iterable[Claim], assessment: Assessment, names: Names, *, party: bool = True
) -> str:
    items = "".join(f"<li>{statement(c, assessment, names, party=party)}</li>" for c in claims)
    return f'<ul class="quotes">{items}</ul>'


def cell(claims: Sequence[Claim], assessment: Assessment, names: Names) -> tuple[str, bool]:
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
            f"{quote_list(held, assessment, names, party=False)}</details>"
        )
    return "".join(out), any_contra
