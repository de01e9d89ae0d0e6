"""Assess a linked corpus: positions, questions, events and party track records.

Never a verdict: the assessment says who agrees with whom, who contradicts
whom, who stayed silent and which figures are in play. Verdicts are the
fact-checker's (``Claim.review``).

Statuses of a question (event × aspect):

- ``contested``: any contradiction between current positions, or a position
  that one claim asserts and another denies (rule or fact-checker's link);
- ``agreed``: one position held by two or more parties, and nothing else;
- ``divergent``: different but compatible answers (complementary categories,
  disjoint set items, overlapping count intervals);
- ``one-party``: only one party answered (however many reports carry it);
- ``unanswered``: only silences (``declines``).

A question is contested by contradictions among its own answers only; a
fact-checker's ``contradicts`` link between two questions is a claim-level
relation of the event, shown as such, and contests neither row.

Status of an event: ``contested`` if any question is or a fact-checker's link
contradicts two of its claims; otherwise the first of ``divergent``,
``agreed``, ``one-party``, ``unanswered`` that one of its compared questions
has (text questions count only when nothing else does), where ``one-party``
becomes ``not-compared`` when several parties spoke but no two answered the
same question.

>>> from claimgraph.model import Corpus, Claim, Party, Event, Source, Aspect, AspectType
>>> corpus = Corpus(
...     parties={"a": Party("a", "A", "russia"), "b": Party("b", "B", "ukraine")},
...     events={"e": Event("e", "E")}, sources={"s": Source("s")},
...     aspects={"interception": Aspect("interception", AspectType.CATEGORY)},
...     claims={"c1": Claim("c1", "e", "a", "s", "interception", "all-intercepted"),
...             "c2": Claim("c2", "e", "b", "s", "interception", "hits")})
>>> result = assess(corpus)
>>> result.events["e"].status
'contested'
>>> [(r.a, r.b, r.reason) for r in result.claim_relations("c1")]
[('c1', 'c2', 'all-intercepted vs hits')]
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime

from claimgraph.analysis.context import _Context, _unique
from claimgraph.analysis.context import outlet_of as outlet_of
from claimgraph.analysis.counts import _count_reconciliation
from claimgraph.analysis.link import (
    Linking,
    QuestionLinks,
    Relation,
    RelationKind,
    RelationSource,
    statement_time,
)
from claimgraph.analysis.linked import Linked, fewer_gc_passes, link
from claimgraph.analysis.positions import (
    _assess_position,
    _neighbours,
    _pair_of,
    _party_pairs,
    _rule_contradictions,
)
from claimgraph.analysis.records import COUNT_POLICY as COUNT_POLICY
from claimgraph.analysis.records import STATUS_ORDER as STATUS_ORDER
from claimgraph.analysis.records import (
    Assessment,
    CountFigure,
    CountReconciliation,
    EventAssessment,
    EventCounts,
    EventStatus,
    PartyRecord,
    PositionAssessment,
    QuestionAssessment,
    QuestionStatus,
    event_order,
)
from claimgraph.analysis.status import _answered_declines, _event_status, _question_status
from claimgraph.analysis.track import _party_records
from claimgraph.model import AspectType, Claim, Corpus, Stance

__all__ = [
    "Assessment",
    "CountFigure",
    "CountReconciliation",
    "EventAssessment",
    "EventCounts",
    "EventStatus",
    "PartyRecord",
    "PositionAssessment",
    "QuestionAssessment",
    "QuestionStatus",
    "Relation",
    "RelationKind",
    "RelationSource",
    "STATUS_ORDER",
    "assess",
    "event_order",
    "outlet_of",
]


def assess(corpus: Corpus, linked: Linked | None = None) -> Assessment:
    """Assess every event, question, position and party of ``corpus``.

    ``linked`` is the corpus already linked (:func:`claimgraph.analysis.linked.link`);
    when not given, the corpus is linked here. The linking is consumed: each question's
    link records (:class:`~claimgraph.analysis.link.QuestionLinks` and its positions) are
    released once assessed, so that one record per position is alive, not two, and
    ``linked.linking.questions`` is empty afterwards (link again to read them).
    ``Assessment.graph`` builds the graph from the assessment's records on first use
    (reports and tables do not need it).
    """
    if linked is None:
        linked = link(corpus)
    elif linked.corpus is not corpus:
        raise ValueError("assess: the linked corpus is not the corpus given")
    with fewer_gc_passes():
        return _assess(corpus, linked.linking, list(linked.echoes))


def _assess(corpus: Corpus, linking: Linking, echoes: list[Relation]) -> Assessment:
    ctx = _Context(corpus, linking, echoes)

    # Claim-level relations: the fact-checker's links, count updates, echoes.
    fact_checker_contested: set[tuple[str, str]] = set()
    relations_by_event: dict[str, list[Relation]] = {e: [] for e in corpus.events}
    # (event, party, party), the parties in order: the pairs of parties whose current answers
    # contradict, by the rules (below) or by a fact-checker's link
    party_pairs: set[tuple[str, str, str]] = set()
    for relation in [*linking.claim_relations, *echoes]:
        ends = _unique(corpus.claims[c].event for c in (relation.a, relation.b))
        for event in ends:
            relations_by_event.setdefault(event, []).append(relation)
        if relation.kind == "contradicts" and relation.source == "fact-checker":
            pair = _pair_of(ctx.party(relation.a), ctx.party(relation.b))
            if pair is not None:
                party_pairs.update((event, *pair) for event in ends)
        if relation.kind == "contradicts":
            # Only a link between two answers to the same question contests it.
            a, b = corpus.claims[relation.a], corpus.claims[relation.b]
            if (a.event, a.aspect) == (b.event, b.aspect):
                fact_checker_contested.add((a.event, a.aspect))

    questions_by_event: dict[str, dict[str, QuestionAssessment]] = {e: {} for e in corpus.events}
    contradiction_counts: dict[str, int] = {}
    # Each question taken out of the linking as it is assessed: its link records go once
    # its assessment is made (and their memory serves the next questions' records).
    links = linking.questions
    for key in list(links):
        question = links.pop(key)
        neighbours = _neighbours(question)
        positions = {
            p.id: _assess_position(ctx, p, neighbours) for p in question.positions.values()
        }
        ctx.positions.update(positions)
        rule = _rule_contradictions(ctx, question, positions)
        relations_by_event.setdefault(question.event, []).extend(rule)
        pairs, found = _party_pairs(question, positions, corpus.aspects.get(question.aspect))
        party_pairs.update((question.event, a, b) for a, b in pairs)
        contradiction_counts[question.event] = contradiction_counts.get(question.event, 0) + found
        parties = _answering_parties(ctx, question, positions)
        contested = bool(rule) or key in fact_checker_contested
        counts = (
            _count_reconciliation(positions.values()) if question.type is AspectType.COUNT else None
        )
        questions_by_event.setdefault(question.event, {})[question.aspect] = QuestionAssessment(
            id=question.id,
            event=question.event,
            aspect=question.aspect,
            type=question.type.value,
            status=_question_status(question, positions, parties, contested, ctx),
            positions=tuple(positions.values()),
            declined=tuple(question.declined),
            declined_parties=ctx.unique([ctx.party(c) for c in question.declined]),
            parties=parties,
            relations=tuple(question.relations),
            counts=counts,
            truncated=question.truncated,
        )
    links.clear()  # its emptied table too
    pairs_by_event = Counter(event for event, _, _ in party_pairs)
    del party_pairs

    claims_by_event: dict[str, list[Claim]] = {}
    for claim in corpus.claims.values():
        claims_by_event.setdefault(claim.event, []).append(claim)

    # Each event's own lists taken out as it is assessed (what it keeps is in its record).
    events: dict[str, EventAssessment] = {}
    for event_id in dict.fromkeys([*corpus.events, *questions_by_event]):
        questions = questions_by_event.get(event_id, {})
        own = claims_by_event.pop(event_id, [])
        relations = relations_by_event.pop(event_id, [])
        held = [p for q in questions.values() for p in q.positions]
        answered = _answered_declines(ctx, own)
        far = datetime.max
        times = [statement_time(c, corpus) for c in own]
        timeline = sorted(range(len(own)), key=lambda i: (times[i] is None, times[i] or far, i))
        events[event_id] = EventAssessment(
            event=event_id,
            status=_event_status(
                questions.values(),
                len({c.party for c in own if c.stance is not Stance.DECLINES}),
                any(r.kind == "contradicts" and r.source == "fact-checker" for r in relations),
            ),
            questions=questions,
            counts=EventCounts(
                claims=len(own),
                parties=len({c.party for c in own}),
                sources=len({c.source for c in own}),
                outlets=len({ctx.outlet(c.id) for c in own}),
                contradicting_pairs=pairs_by_event[event_id],
                contradictions=contradiction_counts.pop(event_id, 0)
                + sum(r.kind == "contradicts" and r.source == "fact-checker" for r in relations),
                corroborations=sum(
                    len(_unique(ctx.party(c) for c in p.current_claims)) >= 2 for p in held
                )
                + sum(r.kind == "corroborates" for r in relations),
                independent_corroborations=sum(p.independently_corroborated for p in held),
                echoes=sum(r.kind == "echo" for r in relations),
                supersessions=sum(r.kind == "supersedes" for r in relations),
            ),
            parties=ctx.unique([c.party for c in own]),
            sources=ctx.unique([c.source for c in own]),
            declined_parties=_unique(
                c.party for c in own if c.stance is Stance.DECLINES and c.id not in answered
            ),
            answered_declines=answered,
            relations=tuple(relations),
            timeline=tuple(own[i].id for i in timeline),
        )

    grouped: dict[str, list[Relation]] = {}
    every = dict.fromkeys(r for assessed in events.values() for r in assessed.relations)
    for relation in every:
        for c in _unique((relation.a, relation.b)):
            grouped.setdefault(c, []).append(relation)
    del every
    index: dict[str, tuple[Relation, ...]] = {}
    for c in list(grouped):  # each claim's list released as its tuple is made
        index[c] = tuple(grouped.pop(c))
    del grouped
    return Assessment(
        corpus=corpus,
        events=events,
        parties=_party_records(
            ctx, index, {d for e in events.values() for d in e.answered_declines}
        ),
        _graph=[],
        _claim_relations=(*linking.claim_relations, *echoes),
        _relations=index,
        _positions=linking.claim_positions,
        _position_index=ctx.positions,
    )


def _answering_parties(
    ctx: _Context, question: QuestionLinks, positions: dict[str, PositionAssessment]
) -> tuple[str, ...]:
    """The parties that answered a question (asserted or denied), in the order of its claims."""
    if len(positions) == 1:
        (only,) = positions.values()
        if not only.denied_by:
            return only.parties  # already the parties of its claims, in their order
    claims = [c for p in question.positions.values() for c in (*p.claims, *p.denied_by)]
    return ctx.unique([ctx.party(c) for c in claims])
