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

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Literal

import networkx as nx

from claimgraph.analysis.echoes import echo_roots
from claimgraph.analysis.link import (
    Linking,
    Position,
    QuestionLinks,
    Relation,
    RelationKind,
    RelationSource,
    statement_time,
)
from claimgraph.analysis.linked import Linked, fewer_gc_passes, link
from claimgraph.model import AspectType, Certainty, Claim, Corpus, Interval, Stance, Value
from claimgraph.quantities import stated

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

QuestionStatus = Literal["agreed", "contested", "divergent", "one-party", "unanswered"]
EventStatus = Literal["agreed", "contested", "divergent", "not-compared", "one-party", "unanswered"]

# The policy that picks the conservative figure of a count question: the
# lowest figure stated (ACLED), never a bound the words do not give.
COUNT_POLICY = "lowest-stated"


@dataclass(frozen=True, slots=True)
class PositionAssessment:
    """One distinct answer to one question, and who holds or denies it.

    For a set aspect each item is its own position; for a count each distinct
    interval; for a category each value; for text each claim (never compared).
    """

    id: str  # graph node id, "position:<event>/<aspect>/<key>"
    event: str
    aspect: str
    value: Value
    label: str
    claims: tuple[str, ...]  # claim ids asserting it (file order)
    denied_by: tuple[str, ...] = ()  # claim ids denying it
    parties: tuple[str, ...] = ()  # parties asserting it
    sides: tuple[str, ...] = ()  # sides of those parties
    denying_parties: tuple[str, ...] = ()
    evidence: tuple[str, ...] = ()  # evidence kinds over its claims
    certainties: tuple[str, ...] = ()  # certainties over its claims
    independent_sides: tuple[str, ...] = ()  # sides after collapsing echoes
    outlets: tuple[str, ...] = ()  # outlets the current holders were reported by
    # held by >= 2 sides (echoes collapsed) reported by >= 2 outlets
    independently_corroborated: bool = False
    contradicts: tuple[str, ...] = ()  # position ids
    complements: tuple[str, ...] = ()  # position ids
    superseded: bool = False  # every claim holding it was updated
    superseded_by: tuple[str, ...] = ()  # claim ids of the later statements
    current_claims: tuple[str, ...] = ()  # holders that are not superseded
    current_parties: tuple[str, ...] = ()  # parties of the current claims


@dataclass(frozen=True, slots=True)
class CountFigure:
    """One figure of a count question as given, and who gives it.

    ``low``/``high`` are the figures the words state (:func:`claimgraph.quantities.stated`):
    "up to 30" has ``low=None, high=30``; ``interval`` is what comparison uses.
    """

    interval: Interval
    parties: tuple[str, ...]
    claims: tuple[str, ...]
    low: int | None = None
    high: int | None = None
    vague: bool = False

    @property
    def label(self) -> str:
        return self.interval.text or str(self.interval)

    @property
    def numbers(self) -> tuple[int, ...]:
        """Every number the figure states (one or two)."""
        return tuple(dict.fromkeys(n for n in (self.low, self.high) if n is not None))


@dataclass(frozen=True, slots=True)
class CountReconciliation:
    """The spread of a count question and its conservative figure, from the figures given.

    The spread runs from the lowest stated figure (``lowest``) to the highest
    (``highest``; ``highest_open`` when a figure sets no upper limit, "at
    least 10"). ``conservative`` is the lowest stated figure that is not an
    upper bound alone (ACLED's rule: the most conservative estimate, the
    dispute noted), ``None`` when only upper bounds ("up to 30") were given.
    Vague words count by the one table in ``data/quantities.yaml``.
    """

    figures: tuple[CountFigure, ...]  # every current figure, lowest first
    lowest: int | None
    lowest_by: tuple[str, ...]
    highest: int | None
    highest_by: tuple[str, ...]
    highest_open: bool
    conservative: int | None
    conservative_by: tuple[str, ...]  # parties whose figure yields it
    disputed: bool = False  # the figures given differ
    policy: str = COUNT_POLICY


@dataclass(frozen=True, slots=True)
class QuestionAssessment:
    """One question (event × aspect): its positions, status and silences."""

    id: str  # graph node id, "question:<event>/<aspect>"
    event: str
    aspect: str
    type: str  # the aspect type: category, set, count, text
    status: QuestionStatus
    positions: tuple[PositionAssessment, ...]
    declined: tuple[str, ...] = ()  # claim ids that decline
    declined_parties: tuple[str, ...] = ()
    parties: tuple[str, ...] = ()  # parties that answered (asserted or denied)
    relations: tuple[Relation, ...] = ()  # between positions
    counts: CountReconciliation | None = None  # count aspects only
    truncated: bool = False  # too many distinct answers: not every pair was compared


@dataclass(frozen=True, slots=True)
class EventCounts:
    """Headline numbers of one event.

    ``contradicting_pairs``: distinct pairs of parties whose current answers
    contradict (by the rules or by a fact-checker's link), however many
    questions they disagree on; ``contradictions``: the contradictions
    themselves (pairs of contradicting answers, denied answers, and the
    fact-checker's ``contradicts`` links);
    ``corroborations``: positions held by two or more parties;
    ``independent_corroborations``: positions held by two or more sides once
    echoes count once.
    """

    claims: int = 0
    parties: int = 0
    sources: int = 0
    outlets: int = 0
    contradicting_pairs: int = 0
    contradictions: int = 0
    corroborations: int = 0
    independent_corroborations: int = 0
    echoes: int = 0
    supersessions: int = 0


@dataclass(frozen=True, slots=True)
class EventAssessment:
    """One event: status, questions, counts, silences and claim relations."""

    event: str
    status: EventStatus
    questions: dict[str, QuestionAssessment]  # aspect id -> question, first-seen order
    counts: EventCounts
    parties: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    declined_parties: tuple[str, ...] = ()  # parties with a decline still unanswered
    answered_declines: dict[str, str] = field(default_factory=dict)  # decline -> its answer
    relations: tuple[Relation, ...] = ()  # claim-level: contradicts, supersedes, echo, links
    timeline: tuple[str, ...] = ()  # claim ids by said_on (undated last), then file order


@dataclass(frozen=True, slots=True)
class PartyRecord:
    """One party's track record across events."""

    party: str
    side: str
    claims: int = 0
    contradicted_by_other_side: int = 0  # own claims contradicted by another side
    corroborated_by_other_side: int = 0  # own claims corroborated by another side
    hedged: int = 0  # claims hedged or reported second-hand
    with_evidence: int = 0  # claims carrying evidence other than "none"
    declined: int = 0  # declines the party has not answered since
    declined_then_answered: int = 0  # declines it answered later on the same event
    events: tuple[str, ...] = ()

    @property
    def answered(self) -> int:
        """Claims that answer (assert or deny), i.e. not silences."""
        return self.claims - self.declined - self.declined_then_answered

    @property
    def hedged_share(self) -> float:
        """Share of the party's answers that are hedged or second-hand."""
        return self.hedged / self.answered if self.answered else 0.0

    @property
    def evidence_share(self) -> float:
        """Share of the party's answers that carry evidence other than "none"."""
        return self.with_evidence / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Assessment:
    """The assessment of a whole corpus; ``graph`` is built from the same links on first use."""

    corpus: Corpus
    events: dict[str, EventAssessment]
    parties: dict[str, PartyRecord]
    _graph: list[nx.MultiDiGraph[str]] = field(default_factory=list, repr=False)
    _linking: Linking | None = field(default=None, repr=False)
    _echoes: tuple[Relation, ...] = field(default=(), repr=False)
    _relations: dict[str, tuple[Relation, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _position_index: dict[str, PositionAssessment] = field(default_factory=dict, repr=False)

    @property
    def graph(self) -> nx.MultiDiGraph[str]:
        """The claim graph (:func:`claimgraph.views.graph.build_graph`), built on first use."""
        if not self._graph:
            from claimgraph.views.graph import build_graph

            self._graph.append(build_graph(self.corpus, self._linking, self._echoes))
        return self._graph[0]

    def claim_relations(self, claim_id: str) -> tuple[Relation, ...]:
        """Claim-level relations naming ``claim_id`` (either end)."""
        return self._relations.get(claim_id, ())

    def positions_of(self, claim_id: str) -> tuple[PositionAssessment, ...]:
        """The positions a claim asserts or denies (several for a set claim)."""
        return tuple(self._position_index[p] for p in self._positions.get(claim_id, ()))

    def position_of(self, claim_id: str) -> PositionAssessment | None:
        """The first position of a claim, or None for a silence."""
        found = self.positions_of(claim_id)
        return found[0] if found else None

    def position(self, position_id: str) -> PositionAssessment:
        """A position by its id."""
        return self._position_index[position_id]

    def question_of(self, claim_id: str) -> QuestionAssessment:
        """The question a claim answers (or declines)."""
        claim = self.corpus.claims[claim_id]
        return self.events[claim.event].questions[claim.aspect]


# The order events are listed in everywhere (index, tables, JSON): contested first.
STATUS_ORDER: tuple[EventStatus, ...] = (
    "contested",
    "divergent",
    "not-compared",
    "one-party",
    "agreed",
    "unanswered",
)


def event_order(assessment: Assessment, events: Iterable[str] | None = None) -> list[str]:
    """Event ids by status (contested first), then newest first, undated last, then id."""
    known = assessment.events
    ids = [e for e in (events if events is not None else known) if e in known]

    def key(event_id: str) -> tuple[int, int, str, str]:
        ea = assessment.events[event_id]
        event = assessment.corpus.events.get(event_id)
        rank = STATUS_ORDER.index(ea.status) if ea.status in STATUS_ORDER else len(STATUS_ORDER)
        day = event.first_day if event else None
        inverse = "" if day is None else "".join(chr(0x10FFFF - ord(c)) for c in day.isoformat())
        return (rank, 0 if day else 1, inverse, event_id)

    return sorted(ids, key=key)


def _unique(items: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(items))


class _Context:
    """What every question of the corpus needs: the corpus, the links, echo roots."""

    def __init__(self, corpus: Corpus, linking: Linking, echoes: list[Relation]) -> None:
        self.corpus = corpus
        self.linking = linking
        self.roots = echo_roots(echoes)
        self.echoes = echoes
        self.superseded = linking.superseded
        self.positions: dict[str, PositionAssessment] = {}
        # position id -> side -> echo groups of the current claims holding it
        self.holder_groups: dict[str, dict[str, set[str]]] = {}
        self.denier_sides: dict[str, set[str]] = {}

        # Looked up for every claim of every position: each party's side and each
        # source's outlet once.
        self._sides: dict[str, str] = {}
        self._outlets: dict[str, str] = {}

    def party(self, claim_id: str) -> str:
        return self.corpus.claims[claim_id].party

    def side_of_party(self, party_id: str) -> str:
        if (side := self._sides.get(party_id)) is None:
            side = self._sides[party_id] = self.corpus.side_of(party_id)
        return side

    def side(self, claim_id: str) -> str:
        return self.side_of_party(self.corpus.claims[claim_id].party)

    def group(self, claim_id: str) -> str:
        return self.roots.get(claim_id, claim_id)

    def outlet(self, claim_id: str) -> str:
        source = self.corpus.claims[claim_id].source
        if (outlet := self._outlets.get(source)) is None:
            outlet = self._outlets[source] = outlet_of(self.corpus, source)
        return outlet


def outlet_of(corpus: Corpus, source_id: str) -> str:
    """The outlet a source was published by (its ``outlet``, else the source id)."""
    source = corpus.sources.get(source_id)
    return (source.outlet.strip() if source else "") or source_id


def _first_by_party(ctx: _Context, claims: Iterable[str]) -> dict[str, str]:
    first: dict[str, str] = {}
    for claim in claims:
        first.setdefault(ctx.party(claim), claim)
    return first


def _neighbours(question: QuestionLinks) -> dict[str, dict[str, list[str]]]:
    """Position id -> relation kind -> the related position ids, in one pass."""
    found: dict[str, dict[str, list[str]]] = {}
    for r in question.relations:
        found.setdefault(r.a, {}).setdefault(r.kind, []).append(r.b)
        found.setdefault(r.b, {}).setdefault(r.kind, []).append(r.a)
    return found


def _assess_position(
    ctx: _Context, p: Position, neighbours: dict[str, dict[str, list[str]]]
) -> PositionAssessment:
    # Lists, not generators, into _unique: most positions hold one or two claims, and
    # a generator's set-up would cost more than the work.
    claims = ctx.corpus.claims
    superseded = ctx.superseded
    side_of = ctx.side_of_party
    holders = [claims[c] for c in p.claims]
    current = [c.id for c in holders if c.id not in superseded]
    current_holders = [claims[c] for c in current] if len(current) < len(holders) else holders
    groups: dict[str, set[str]] = {}
    for c in current_holders:
        groups.setdefault(side_of(c.party), set()).add(ctx.group(c.id))
    ctx.holder_groups[p.id] = groups
    deniers = [claims[c].party for c in p.denied_by]
    ctx.denier_sides[p.id] = {side_of(party) for party in deniers}
    # Independent sides: an echo counts with the side of the claim it repeats.
    independent = _unique([ctx.side(ctx.group(c)) for c in current])
    outlets = _unique([ctx.outlet(c) for c in current])
    related = neighbours.get(p.id, {})
    contradicts = tuple(related.get("contradicts", ()))
    complements = tuple(related.get("complements", ()))
    return PositionAssessment(
        id=p.id,
        event=p.event,
        aspect=p.aspect,
        value=p.value,
        label=p.label,
        claims=tuple(p.claims),
        denied_by=tuple(p.denied_by),
        parties=_unique([c.party for c in holders]),
        sides=_unique([side_of(c.party) for c in holders]),
        denying_parties=_unique(deniers),
        evidence=_unique([e for c in holders for e in c.evidence]),
        # _value_, not .value: an enum's value property costs ten times a plain attribute.
        certainties=_unique([c.certainty._value_ for c in holders]),
        independent_sides=independent,
        outlets=outlets,
        independently_corroborated=len(independent) >= 2 and len(outlets) >= 2,
        contradicts=contradicts,
        complements=complements,
        superseded=bool(p.claims) and not current,
        superseded_by=_unique([superseded[c] for c in p.claims if c in superseded]),
        current_claims=tuple(current),
        current_parties=_unique([c.party for c in current_holders]),
    )


def _pairings(ctx: _Context, left: Iterable[str], right: Iterable[str]) -> list[tuple[str, str]]:
    """Pair each party's first claim on one end with one claim on the other end.

    The counterpart is the other end's first claim from another side if there
    is one, else its first claim. Every party on either end appears in at
    least one pair, and the number of pairs grows with the parties, not with
    their product.
    """
    lefts = _first_by_party(ctx, left)
    rights = _first_by_party(ctx, right)
    if not lefts or not rights:
        return []

    def by_side(claims: dict[str, str]) -> dict[str, str]:
        first: dict[str, str] = {}
        for claim in claims.values():
            first.setdefault(ctx.side(claim), claim)
        return first

    left_sides, right_sides = by_side(lefts), by_side(rights)

    def counterpart(claim: str, sides: dict[str, str]) -> str:
        own = ctx.side(claim)
        return next((c for side, c in sides.items() if side != own), next(iter(sides.values())))

    pairs: dict[tuple[str, str], None] = {}
    covered: set[str] = set()
    for a in lefts.values():
        b = counterpart(a, right_sides)
        pairs[(a, b)] = None
        covered.add(b)
    for b in rights.values():
        if b not in covered:
            pairs[(counterpart(b, left_sides), b)] = None
    return list(pairs)


def _party_pairs(
    question: QuestionLinks, positions: dict[str, PositionAssessment]
) -> tuple[set[frozenset[str]], int]:
    """The pairs of parties whose current answers contradict on one question, and
    the number of contradictions (pairs of contradicting answers, denied answers).
    """
    pairs: set[frozenset[str]] = set()
    contradictions = 0

    def add(left: Iterable[str], right: Iterable[str]) -> None:
        right = tuple(right)
        for a in left:
            pairs.update(frozenset((a, b)) for b in right if a != b)

    for relation in question.relations:
        if relation.kind == "contradicts":
            a, b = positions[relation.a], positions[relation.b]
            if a.current_parties and b.current_parties:
                contradictions += 1
                add(a.current_parties, b.current_parties)
    for position in positions.values():
        if position.current_claims and position.denying_parties:
            contradictions += 1
            add(position.denying_parties, position.current_parties)
    return pairs, contradictions


def _rule_contradictions(
    ctx: _Context, question: QuestionLinks, positions: dict[str, PositionAssessment]
) -> list[Relation]:
    """Claim-level contradictions of one question, for showing both quotes side by side.

    For each pair of contradicting positions (and each asserted position that
    others deny), every party involved is paired with one claim of the other
    end (see :func:`_pairings`): linear in the parties, never their product.
    """
    found: list[Relation] = []
    for relation in question.relations:
        if relation.kind != "contradicts":
            continue
        left, right = positions[relation.a], positions[relation.b]
        for a, b in _pairings(ctx, left.current_claims, right.current_claims):
            found.append(Relation("contradicts", a, b, "rule", relation.reason))
    for position in positions.values():
        if not position.denied_by or not position.current_claims:
            continue
        reason = f"denies {position.label} {question.aspect}".strip()
        for a, b in _pairings(ctx, position.denied_by, position.current_claims):
            found.append(Relation("contradicts", a, b, "rule", reason))
    return found


def _count_reconciliation(
    ctx: _Context, positions: Iterable[PositionAssessment]
) -> CountReconciliation | None:
    figures: list[CountFigure] = []
    for p in positions:
        if not isinstance(p.value, Interval) or not p.current_claims:
            continue
        given = stated(p.value)
        figures.append(
            CountFigure(
                p.value,
                _unique(ctx.party(c) for c in p.current_claims),
                p.current_claims,
                given.low,
                given.high,
                given.vague,
            )
        )
    if not figures:
        return None

    def first(f: CountFigure) -> float:
        return min(f.numbers, default=math.inf)

    figures.sort(key=lambda f: (first(f), max(f.numbers, default=math.inf), f.label))
    numbers = [n for f in figures for n in f.numbers]
    lowest = min(numbers, default=None)
    highest = max(numbers, default=None)

    def by(test: Callable[[CountFigure], bool]) -> tuple[str, ...]:
        return _unique(p for f in figures if test(f) for p in f.parties)

    lows = [f.low for f in figures if f.low is not None]
    conservative = min(lows, default=None)
    open_high = any(f.high is None and f.low is not None and not f.vague for f in figures)
    return CountReconciliation(
        figures=tuple(figures),
        lowest=lowest,
        lowest_by=by(lambda f: lowest in f.numbers),
        highest=highest,
        highest_by=by(lambda f: highest in f.numbers),
        highest_open=open_high,
        conservative=conservative,
        conservative_by=by(lambda f: f.low is not None and f.low == conservative),
        disputed=len({(f.low, f.high) for f in figures}) > 1,
    )


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


def assess(corpus: Corpus, linked: Linked | None = None) -> Assessment:
    """Assess every event, question, position and party of ``corpus``.

    ``linked`` is the corpus already linked (:func:`claimgraph.analysis.linked.link`);
    when not given, the corpus is linked here. ``Assessment.graph`` builds the
    graph from the same links on first use (reports and tables do not need it).
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
    for relation in [*linking.claim_relations, *echoes]:
        ends = _unique(corpus.claims[c].event for c in (relation.a, relation.b))
        for event in ends:
            relations_by_event.setdefault(event, []).append(relation)
        if relation.kind == "contradicts":
            # Only a link between two answers to the same question contests it.
            a, b = corpus.claims[relation.a], corpus.claims[relation.b]
            if (a.event, a.aspect) == (b.event, b.aspect):
                fact_checker_contested.add((a.event, a.aspect))

    questions_by_event: dict[str, dict[str, QuestionAssessment]] = {e: {} for e in corpus.events}
    party_pairs: dict[str, set[frozenset[str]]] = {}
    contradiction_counts: dict[str, int] = {}
    for key, question in linking.questions.items():
        neighbours = _neighbours(question)
        positions = {
            p.id: _assess_position(ctx, p, neighbours) for p in question.positions.values()
        }
        ctx.positions.update(positions)
        rule = _rule_contradictions(ctx, question, positions)
        relations_by_event.setdefault(question.event, []).extend(rule)
        pairs, found = _party_pairs(question, positions)
        party_pairs.setdefault(question.event, set()).update(pairs)
        contradiction_counts[question.event] = contradiction_counts.get(question.event, 0) + found
        claims = [c for p in question.positions.values() for c in (*p.claims, *p.denied_by)]
        parties = _unique(ctx.party(c) for c in claims)
        contested = bool(rule) or key in fact_checker_contested
        counts = (
            _count_reconciliation(ctx, positions.values())
            if question.type is AspectType.COUNT
            else None
        )
        questions_by_event.setdefault(question.event, {})[question.aspect] = QuestionAssessment(
            id=question.id,
            event=question.event,
            aspect=question.aspect,
            type=question.type.value,
            status=_question_status(question, positions, parties, contested, ctx),
            positions=tuple(positions.values()),
            declined=tuple(question.declined),
            declined_parties=_unique(ctx.party(c) for c in question.declined),
            parties=parties,
            relations=tuple(question.relations),
            counts=counts,
            truncated=question.truncated,
        )

    claims_by_event: dict[str, list[int]] = {}
    ordered = list(corpus.claims.values())
    for i, claim in enumerate(ordered):
        claims_by_event.setdefault(claim.event, []).append(i)

    events: dict[str, EventAssessment] = {}
    for event_id in dict.fromkeys([*corpus.events, *questions_by_event]):
        questions = questions_by_event.get(event_id, {})
        own = [ordered[i] for i in claims_by_event.get(event_id, [])]
        relations = relations_by_event.get(event_id, [])
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
                contradicting_pairs=len(
                    party_pairs.get(event_id, set())
                    | {
                        frozenset(ctx.party(c) for c in (r.a, r.b))
                        for r in relations
                        if r.kind == "contradicts"
                        and r.source == "fact-checker"
                        and ctx.party(r.a) != ctx.party(r.b)
                    }
                ),
                contradictions=contradiction_counts.get(event_id, 0)
                + sum(r.kind == "contradicts" and r.source == "fact-checker" for r in relations),
                corroborations=sum(
                    len(_unique(ctx.party(c) for c in p.current_claims)) >= 2 for p in held
                )
                + sum(r.kind == "corroborates" for r in relations),
                independent_corroborations=sum(p.independently_corroborated for p in held),
                echoes=sum(r.kind == "echo" for r in relations),
                supersessions=sum(r.kind == "supersedes" for r in relations),
            ),
            parties=_unique(c.party for c in own),
            sources=_unique(c.source for c in own),
            declined_parties=_unique(
                c.party for c in own if c.stance is Stance.DECLINES and c.id not in answered
            ),
            answered_declines=answered,
            relations=tuple(relations),
            timeline=tuple(own[i].id for i in timeline),
        )

    index: dict[str, list[Relation]] = {}
    every = dict.fromkeys(r for assessed in events.values() for r in assessed.relations)
    for relation in every:
        for c in _unique((relation.a, relation.b)):
            index.setdefault(c, []).append(relation)
    return Assessment(
        corpus=corpus,
        events=events,
        parties=_party_records(
            ctx, index, {d for e in events.values() for d in e.answered_declines}
        ),
        _graph=[],
        _linking=linking,
        _echoes=tuple(echoes),
        _relations={c: tuple(rs) for c, rs in index.items()},
        _positions={c: tuple(ps) for c, ps in linking.claim_positions.items()},
        _position_index=ctx.positions,
    )


def _party_records(
    ctx: _Context, index: dict[str, list[Relation]], answered: set[str]
) -> dict[str, PartyRecord]:
    """Each party's track record across events."""
    corpus = ctx.corpus
    tallies: dict[str, dict[str, int]] = {}
    events: dict[str, list[str]] = {}
    for claim in corpus.claims.values():
        own_side = corpus.side_of(claim.party)
        t = tallies.setdefault(claim.party, dict.fromkeys(_TALLIES, 0))
        events.setdefault(claim.party, []).append(claim.event)
        t["claims"] += 1
        if claim.stance is Stance.DECLINES:
            t["declined_then_answered" if claim.id in answered else "declined"] += 1
            continue
        if claim.certainty in (Certainty.HEDGED, Certainty.REPORTED):
            t["hedged"] += 1
        if claim.has_evidence:
            t["with_evidence"] += 1
        contradicted = corroborated = False
        group = ctx.group(claim.id)
        for pid in ctx.linking.claim_positions.get(claim.id, ()):
            position = ctx.positions[pid]
            if claim.stance is Stance.DENIES:
                if any(s != own_side for s in ctx.holder_groups[pid]):
                    contradicted = True
                continue
            if claim.id in ctx.superseded:
                continue
            if any(s != own_side for s in ctx.denier_sides[pid]):
                contradicted = True
            for other in position.contradicts:
                if any(s != own_side for s in ctx.holder_groups.get(other, {})):
                    contradicted = True
            for side, groups in ctx.holder_groups[pid].items():
                if side != own_side and (len(groups) > 1 or group not in groups):
                    corroborated = True
        for relation in index.get(claim.id, ()):
            if relation.source != "fact-checker":
                continue
            other_side = corpus.side_of(ctx.party(relation.other(claim.id))) != own_side
            contradicted |= relation.kind == "contradicts" and other_side
            corroborated |= relation.kind == "corroborates" and other_side
        t["contradicted_by_other_side"] += contradicted
        t["corroborated_by_other_side"] += corroborated
    records: dict[str, PartyRecord] = {}
    for party_id in dict.fromkeys([*corpus.parties, *tallies]):
        t = tallies.get(party_id, dict.fromkeys(_TALLIES, 0))
        records[party_id] = PartyRecord(
            party=party_id,
            side=corpus.side_of(party_id),
            events=_unique(events.get(party_id, [])),
            **t,
        )
    return records


_TALLIES = (
    "claims",
    "contradicted_by_other_side",
    "corroborated_by_other_side",
    "hedged",
    "with_evidence",
    "declined",
    "declined_then_answered",
)
