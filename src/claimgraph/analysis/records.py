"""The assessment's records: statuses, positions, count figures, questions, events,
party track records, the :class:`Assessment` itself, and the order events are listed in.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Literal

import networkx as nx

from claimgraph.analysis.link import Relation, position_id, position_ids
from claimgraph.model import Corpus, Interval, Value

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

    @property
    def key(self) -> str:
        """Its key under its question, the end of its id: an item, a value, an interval
        (``4-inf``) or ``claim-<id>`` for a text answer.

        >>> PositionAssessment("position:e1/killed/4-inf", "e1", "killed", None, "", ()).key
        '4-inf'
        """
        return self.id[len(position_id(self.event, self.aspect, "")) :]


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
    """The assessment of a whole corpus; ``graph`` is built from its records on first use.

    It holds one record per position and per question: the linking it was assessed from
    is released, and the graph is built from these records.
    """

    corpus: Corpus
    events: dict[str, EventAssessment]
    parties: dict[str, PartyRecord]
    _graph: list[nx.MultiDiGraph[str]] = field(default_factory=list, repr=False)
    # the linking's claim-level relations (count updates, the fact-checker's links),
    # then the echoes, in the order found
    _claim_relations: tuple[Relation, ...] = field(default=(), repr=False)
    _relations: dict[str, tuple[Relation, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[str, str | tuple[str, ...]] = field(default_factory=dict, repr=False)
    _position_index: dict[str, PositionAssessment] = field(default_factory=dict, repr=False)

    @property
    def graph(self) -> nx.MultiDiGraph[str]:
        """The claim graph (:func:`claimgraph.views.graph.build_graph`), built on first use."""
        if not self._graph:
            from claimgraph.views.graph import build_graph

            self._graph.append(build_graph(self))
        return self._graph[0]

    def questions(self) -> Iterator[QuestionAssessment]:
        """Every question, in the order of its first claim in the corpus."""
        seen: set[tuple[str, str]] = set()
        events = self.events
        for claim in self.corpus.claims.values():
            key = (claim.event, claim.aspect)
            if key not in seen:
                seen.add(key)
                yield events[claim.event].questions[claim.aspect]

    def found_relations(self) -> tuple[Relation, ...]:
        """Every claim-level relation linking found, in that order: count updates, the
        fact-checker's links, then echoes (the rule's contradictions between claims are
        the events' own, :attr:`EventAssessment.relations`)."""
        return self._claim_relations

    def claim_relations(self, claim_id: str) -> tuple[Relation, ...]:
        """Claim-level relations naming ``claim_id`` (either end)."""
        return self._relations.get(claim_id, ())

    def positions_of(self, claim_id: str) -> tuple[PositionAssessment, ...]:
        """The positions a claim asserts or denies (several for a set claim)."""
        held = self._positions.get(claim_id, ())
        index = self._position_index
        if isinstance(held, str):  # one position (most claims): its id itself
            return (index[held],)
        return tuple([index[p] for p in position_ids(held)])

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
