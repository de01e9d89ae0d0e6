"""The status of a question and of an event (see :mod:`claimgraph.analysis.assess`), and
the declines a party answered later.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from claimgraph.analysis.context import _Context
from claimgraph.analysis.link import QuestionLinks, statement_time
from claimgraph.analysis.records import (
    EventStatus,
    PositionAssessment,
    QuestionAssessment,
    QuestionStatus,
)
from claimgraph.model import AspectType, Claim, Stance


def _question_status(
    question: QuestionLinks,
    positions: dict[str, PositionAssessment],
    parties: tuple[str, ...],
    contested: bool,
    ctx: _Context,
) -> QuestionStatus:
    if not positions:
        return "unanswered"
    if contested:
        return "contested"
    if len(parties) == 1:
        return "one-party"
    if question.type is AspectType.TEXT:
        return "divergent"  # different words, never compared
    live = [p for p in positions.values() if p.current_claims]
    if question.type is AspectType.SET:
        answers: dict[str, set[str]] = {}
        for p in live:
            for c in p.current_claims:
                answers.setdefault(ctx.party(c), set()).add(p.id)
        distinct = {frozenset(items) for items in answers.values()}
        return "agreed" if len(distinct) == 1 and len(answers) >= 2 else "divergent"
    if len(live) == 1 and len(live[0].parties) >= 2:
        return "agreed"
    return "divergent"


_EVENT_ORDER: tuple[QuestionStatus, ...] = (
    "contested",
    "divergent",
    "agreed",
    "one-party",
    "unanswered",
)


def _answered_declines(ctx: _Context, own: list[Claim]) -> dict[str, str]:
    """Declines of the event that the same party answered later: decline id -> answer id.

    A decline is answered by a claim that ``supersedes`` it, or by a later
    claim (by statement time) of the same party on the event that is not
    itself a decline.
    """
    found: dict[str, str] = {}
    for claim in own:
        if claim.stance is not Stance.DECLINES:
            continue
        later = ctx.superseded.get(claim.id)
        if later is None:
            when = statement_time(claim, ctx.corpus)
            later = next(
                (
                    other.id
                    for other in own
                    if other.party == claim.party
                    and other.stance is not Stance.DECLINES
                    and when is not None
                    and (t := statement_time(other, ctx.corpus)) is not None
                    and _later(t, when)
                ),
                None,
            )
        if later is not None:
            found[claim.id] = later
    return found


def _later(a: datetime, b: datetime) -> bool:
    """Whether ``a`` is after ``b``; a naive and an aware time compare by their wall clock."""
    if (a.tzinfo is None) != (b.tzinfo is None):
        a, b = a.replace(tzinfo=None), b.replace(tzinfo=None)
    return a > b


def _event_status(
    questions: Iterable[QuestionAssessment], parties: int, linked_contradiction: bool
) -> EventStatus:
    """The event's status from its questions (see the module docstring)."""
    qs = list(questions)
    if linked_contradiction or any(q.status == "contested" for q in qs):
        return "contested"
    compared = [q for q in qs if q.type != AspectType.TEXT.value] or qs
    present = {q.status for q in compared}
    for status in _EVENT_ORDER:
        if status in present:
            if status == "one-party" and parties > 1:
                return "not-compared"
            return status
    return "unanswered"
