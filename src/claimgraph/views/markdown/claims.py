"""One claim as Markdown text: its table cell with marks, the verdict, and the
statement line (who, when, the quote, where it was reported) the sections list;
:class:`ClaimTexts` makes each once for a report that shows a claim several times."""

from __future__ import annotations

from functools import lru_cache

from claimgraph.analysis.assess import Assessment
from claimgraph.model import Certainty, Claim, Corpus, Stance
from claimgraph.views.escape import md_cell, md_inline, md_link, one_line
from claimgraph.views.event_data import answered_decline
from claimgraph.views.values import report_answer, report_value
from claimgraph.views.wording import Names, contradicted, format_date, is_superseded, short_date

__all__ = ["ClaimTexts", "cell_text", "statement_line", "verdict_text"]


def _evidence_marks(claim: Claim) -> str:
    if not claim.evidence:
        return ""
    if not claim.has_evidence:
        return " (no evidence)"
    return _evidence_kinds(claim.evidence)


# Claims offer the same few kinds of evidence, in the same few combinations.
@lru_cache(maxsize=256)
def _evidence_kinds(evidence: tuple[str, ...]) -> str:
    kinds = [e for e in evidence if e != "none"]
    return " " + " ".join(f"({md_inline(k)})" for k in kinds)


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
    if is_superseded(claim, assessment):
        text = f"~~{text}~~"
    text += _evidence_marks(claim)
    if claim.review is not None and claim.review.rating.strip():
        text += f" \\[verdict: {md_cell(claim.review.rating)}\\]"
    if contradicted(claim, assessment):
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


def _who(claim: Claim, names: Names) -> str:
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


def statement_line(claim: Claim, assessment: Assessment, names: Names) -> str:
    """One line: who, when, the quote, and where it was reported."""
    when = short_date(claim.said_on)
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


class ClaimTexts:
    """One report's texts of its claims, each made once: a claim's cell is in the table
    and again in the timeline, its statement line and answer in every section that
    lists it. The same text as :func:`cell_text`, :func:`statement_line` and the
    escaped :func:`~claimgraph.views.values.report_answer`; kept for one report only."""

    __slots__ = ("_answers", "_cells", "_statements", "assessment", "names")

    def __init__(self, assessment: Assessment, names: Names) -> None:
        self.assessment = assessment
        self.names = names
        self._cells: dict[str, str] = {}
        self._statements: dict[str, str] = {}
        self._answers: dict[str, str] = {}

    def cell(self, claim: Claim) -> str:
        """:func:`cell_text` of the claim."""
        text = self._cells.get(claim.id)
        if text is None:
            text = self._cells[claim.id] = cell_text(claim, self.assessment)
        return text

    def statement(self, claim: Claim) -> str:
        """:func:`statement_line` of the claim."""
        text = self._statements.get(claim.id)
        if text is None:
            text = statement_line(claim, self.assessment, self.names)
            self._statements[claim.id] = text
        return text

    def answer(self, claim: Claim) -> str:
        """The claim's answer, ``not`` before a denial's, escaped for a line of text."""
        text = self._answers.get(claim.id)
        if text is None:
            text = self._answers[claim.id] = md_inline(report_answer(claim, self.assessment))
        return text
