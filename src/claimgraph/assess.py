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
- ``single-source``: only one party answered;
- ``unanswered``: only silences (``declines``).

Status of an event: ``contested`` if any question is; otherwise the first of
``divergent``, ``agreed``, ``single-source``, ``unanswered`` that one of its
compared questions has (text questions count only when nothing else does).

"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Literal

import networkx as nx

from claimgraph.model import Claim, Corpus, Interval, Value

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
    "assess",
]

QuestionStatus = Literal["agreed", "contested", "divergent", "single-source", "unanswered"]
EventStatus = QuestionStatus
RelationKind = Literal["contradicts", "complements", "corroborates", "supersedes", "echo"]
RelationSource = Literal["rule", "fact-checker"]

# The policy that picks the conservative figure of a count question.
COUNT_POLICY = "conservative-low"


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two claims (or two positions) and why it holds.

    ``a`` and ``b`` are claim ids when ``between == "claims"``, position ids
    when ``between == "positions"``. For ``supersedes``, ``a`` is the later
    statement and ``b`` the one it updates; for ``echo``, ``a`` is the
    earlier (original) claim and ``b`` the repeat.
    """

    kind: RelationKind
    a: str
    b: str
    source: RelationSource = "rule"
    reason: str = ""
    between: Literal["claims", "positions"] = "claims"

    def other(self, id_: str) -> str:
        """The end of the relation that is not ``id_``."""
        return self.b if id_ == self.a else self.a


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
    independently_corroborated: bool = False  # held by >= 2 independent sides
    contradicts: tuple[str, ...] = ()  # position ids
    complements: tuple[str, ...] = ()  # position ids
    superseded: bool = False  # every claim holding it was updated
    superseded_by: tuple[str, ...] = ()  # claim ids of the later statements
    current_claims: tuple[str, ...] = ()  # holders that are not superseded


@dataclass(frozen=True, slots=True)
class CountFigure:
    """One figure of a count question and who gives it."""

    interval: Interval
    parties: tuple[str, ...]
    claims: tuple[str, ...]

    @property
    def label(self) -> str:
        return self.interval.text or str(self.interval)


@dataclass(frozen=True, slots=True)
class CountReconciliation:
    """The spread of a count question and its conservative figure.

    ``conservative`` is the lowest credible figure (the lowest bound of any
    current asserted figure), as ACLED does with conflicting fatality reports;
    vague words already sit at their conservative end in the intervals.
    """

    low: CountFigure
    high: CountFigure
    conservative: float
    conservative_by: tuple[str, ...]  # parties whose figure yields it
    policy: str = COUNT_POLICY
    figures: tuple[CountFigure, ...] = ()  # every current figure, lowest first


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


@dataclass(frozen=True, slots=True)
class EventCounts:
    """Headline numbers of one event.

    ``contradictions``: claim-level contradiction relations (one per pair of
    parties and pair of positions, plus the fact-checker's links);
    ``corroborations``: positions held by two or more parties;
    ``independent_corroborations``: positions held by two or more sides once
    echoes count once.
    """

    claims: int = 0
    parties: int = 0
    sources: int = 0
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
    declined_parties: tuple[str, ...] = ()
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
    declined: int = 0
    events: tuple[str, ...] = ()

    @property
    def hedged_share(self) -> float:
        return self.hedged / self.claims if self.claims else 0.0

    @property
    def evidence_share(self) -> float:
        return self.with_evidence / self.claims if self.claims else 0.0


@dataclass(frozen=True, slots=True)
class Assessment:
    """The assessment of a whole corpus, with the graph it was read from."""

    corpus: Corpus
    graph: nx.MultiDiGraph[str]
    events: dict[str, EventAssessment]
    parties: dict[str, PartyRecord]
    _relations: dict[str, tuple[Relation, ...]] = field(default_factory=dict, repr=False)
    _positions: dict[str, tuple[str, ...]] = field(default_factory=dict, repr=False)
    _position_index: dict[str, PositionAssessment] = field(default_factory=dict, repr=False)

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


def _sort_key(claim: Claim, order: int) -> tuple[int, str, int]:
    when = claim.said_on
    if when is None:
        return (1, "", order)
    text = when.isoformat() if isinstance(when, datetime | date) else str(when)
    return (0, text, order)


def assess(corpus: Corpus, graph: nx.MultiDiGraph[str] | None = None) -> Assessment:
    """Assess every event, question, position and party of ``corpus``.

    ``graph`` is the graph of :func:`claimgraph.graph.build_graph`; it is
    built when not given.
    """
    from claimgraph.graph import build_graph

    if graph is None:
        graph = build_graph(corpus)
    raise NotImplementedError("assessment body lands next")
