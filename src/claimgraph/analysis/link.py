"""Positions and compatibility rules: which answers agree, complement or contradict.

A *position* is one distinct answer to one question (event × aspect). Claims
holding the same position corroborate each other through it; contradiction
is decided once per pair of positions under one question, so the work grows
with the number of claims, not with its square.

One small function per value type decides how two answers relate:

>>> from claimgraph.model import Aspect, AspectType, Interval
>>> cause = Aspect("cause", AspectType.CATEGORY,
...                compatible=frozenset({frozenset({"air-defence-debris", "drone-attack"})}))
>>> compare_category(cause, "air-defence-debris", "drone-attack")
'complements'
>>> compare_category(cause, "sabotage", "drone-attack")
'contradicts'
>>> compare_counts(Interval(4, float("inf")), Interval(5, 5))
'complements'
>>> compare_counts(Interval(1, 1), Interval(10, 10))
'contradicts'
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Literal

from claimgraph.model import Aspect, AspectType, Claim, Corpus, Interval, Stance, Value

__all__ = [
    "MAX_PAIRED_ITEMS",
    "MAX_POSITION_PAIRS",
    "Linking",
    "Pairing",
    "Position",
    "QuestionLinks",
    "Relation",
    "RelationKind",
    "RelationSource",
    "compare",
    "compare_category",
    "compare_counts",
    "compare_items",
    "count_reason",
    "explicit_relations",
    "interval_key",
    "is_update",
    "link_corpus",
    "position_id",
    "position_ids",
    "position_values",
    "question_id",
    "statement_time",
]

Pairing = Literal["same", "complements", "contradicts"]

# Limits on comparing positions pairwise (see _relate_positions).
MAX_PAIRED_ITEMS = 50
MAX_POSITION_PAIRS = 20_000
RelationKind = Literal["contradicts", "complements", "corroborates", "supersedes", "echo"]
RelationSource = Literal["rule", "fact-checker"]


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation between two claims (or two positions) and why it holds.

    ``a`` and ``b`` are claim ids when ``between == "claims"``, position ids
    when ``between == "positions"``. For ``supersedes``, ``a`` is the later
    statement and ``b`` the one it updates; for ``echo``, ``a`` is the
    earlier (original) claim and ``b`` the repeat.

    >>> r = Relation("contradicts", "c1", "c2", reason="1 vs 10")
    >>> r.other("c2")
    'c1'
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


# --- the rules, one per value type -------------------------------------------


def compare_category(aspect: Aspect, a: str, b: str) -> Pairing:
    """Two category answers: equal, declared compatible, or contradicting.

    Synonyms are already folded by the loader (``Claim.value`` is canonical).

    >>> from claimgraph.model import Aspect, AspectType
    >>> compare_category(Aspect("interception", AspectType.CATEGORY), "hits", "hits")
    'same'
    >>> compare_category(Aspect("interception", AspectType.CATEGORY), "all-intercepted", "hits")
    'contradicts'
    """
    if a == b:
        return "same"
    return "complements" if aspect.are_compatible(a, b) else "contradicts"


def compare_items(a: str, b: str, aspect: Aspect | None = None) -> Pairing:
    """Two items of a set aspect: the same item, different ones (which complement), or
    items of different kinds (``Aspect.kinds``: "a military target or a civilian one"),
    which contradict.

    >>> compare_items("house", "shop")
    'complements'
    >>> from claimgraph.model import Aspect, AspectType
    >>> target = Aspect("target", AspectType.SET, kinds={
    ...     "military": frozenset({"military"}), "civilian": frozenset({"cafe"})})
    >>> compare_items("military-facility", "cafe", target)
    'contradicts'
    """
    if a == b:
        return "same"
    if aspect is not None and aspect.kinds:
        kind_a, kind_b = aspect.kind_of(a), aspect.kind_of(b)
        if kind_a and kind_b and kind_a != kind_b:
            return "contradicts"
    return "complements"


def compare_counts(a: Interval, b: Interval) -> Pairing:
    """Two counts as intervals: equal, overlapping (compatible) or disjoint.

    >>> compare_counts(Interval(10, 10), Interval(10, 10, "ten"))
    'same'
    >>> compare_counts(Interval(12, math.inf), Interval(20, 20))
    'complements'
    """
    if (a.low, a.high) == (b.low, b.high):
        return "same"
    return "complements" if a.overlaps(b) else "contradicts"


def compare(aspect: Aspect, a: Value, b: Value) -> Pairing | None:
    """Dispatch on the aspect type; None when answers are never compared (text)."""
    if aspect.type is AspectType.CATEGORY and isinstance(a, str) and isinstance(b, str):
        return compare_category(aspect, a, b)
    if aspect.type is AspectType.SET and isinstance(a, str) and isinstance(b, str):
        return compare_items(a, b, aspect)
    if isinstance(a, Interval) and isinstance(b, Interval):
        return compare_counts(a, b)
    return None


def count_reason(a: Interval, b: Interval, aspect: str) -> str:
    """A short reason for two counts, e.g. ``1 vs 10 injured``.

    >>> count_reason(Interval(1, 1, "one"), Interval(10, 10, "ten"), "injured")
    'one vs ten injured'
    """
    return f"{a.text or a} vs {b.text or b} {aspect}".strip()


# --- positions ---------------------------------------------------------------


def question_id(event: str, aspect: str) -> str:
    """The graph node id of a question.

    >>> question_id("dzhankoi-2023-03-20", "cause")
    'question:dzhankoi-2023-03-20/cause'
    """
    return f"question:{event}/{aspect}"


def position_id(event: str, aspect: str, key: str) -> str:
    """The graph node id of a position.

    >>> position_id("e1", "killed", "4-inf")
    'position:e1/killed/4-inf'
    """
    return f"position:{event}/{aspect}/{key}"


def interval_key(interval: Interval) -> str:
    """A stable key for a count interval.

    >>> interval_key(Interval(4, math.inf))
    '4-inf'
    >>> interval_key(Interval(10, 10))
    '10'
    """

    def num(x: float) -> str:
        if math.isinf(x):
            return "inf"
        return str(int(x)) if x == int(x) else str(x)

    return num(interval.low) if interval.exact else f"{num(interval.low)}-{num(interval.high)}"


def position_values(aspect: Aspect, claim: Claim) -> list[tuple[str, Value, str]]:
    """The positions a claim takes: ``(key, value, label)`` for each.

    A set claim takes one position per item; a text claim one of its own
    (text is never compared); a silence (``declines``) none.

    >>> from claimgraph.model import Aspect, AspectType, Claim
    >>> a = Aspect("damage", AspectType.SET)
    >>> c = Claim("c1", "e", "p", "s", "damage", frozenset({"shop", "house"}))
    >>> [k for k, _, _ in position_values(a, c)]
    ['house', 'shop']
    """
    value = claim.value
    if claim.stance is Stance.DECLINES or value is None:
        return []
    if aspect.type is AspectType.TEXT:
        return [(f"claim-{claim.id}", value, str(value))]
    if isinstance(value, Interval):
        return [(interval_key(value), value, value.text or str(value))]
    written = written_labels(aspect, claim)
    if isinstance(value, frozenset):
        return [(item, item, value_label(aspect, item, written)) for item in sorted(value)]
    return [(value, value, value_label(aspect, value, written))]


def written_labels(aspect: Aspect, claim: Claim) -> dict[str, str]:
    """Slug -> the words the claim file gives for it ("Kalibr-NK cruise missiles").

    >>> from claimgraph.model import Aspect, AspectType, Claim
    >>> a = Aspect("location", AspectType.SET)
    >>> c = Claim("c1", "e", "p", "s", "location", frozenset({"school-no-7"}),
    ...           raw_value=["School No. 7"])
    >>> written_labels(a, c)
    {'school-no-7': 'School No. 7'}
    """
    raw = claim.raw_value
    items = list(raw) if isinstance(raw, list | tuple) else [raw]
    found: dict[str, str] = {}
    for item in items:
        if isinstance(item, str) and item.strip():
            found.setdefault(aspect.canonical(item), " ".join(item.split()))
    return found


def value_label(aspect: Aspect, value: str, written: dict[str, str]) -> str:
    """How a value is shown: the aspect's declared label, else the words as written
    (capitals kept), else the slug with spaces. Slugs stay the ids.

    >>> from claimgraph.model import Aspect, AspectType
    >>> value_label(Aspect("location", AspectType.SET), "dzhankoi", {"dzhankoi": "Dzhankoi"})
    'Dzhankoi'
    >>> value_label(Aspect("location", AspectType.SET), "odesa-port", {})
    'odesa port'
    """
    declared = aspect.values.get(value)
    if declared:
        return declared
    text = written.get(value, "")
    if text and text != value:
        return text
    return aspect.label_of(value)


def statement_time(claim: Claim, corpus: Corpus) -> datetime | None:
    """When a claim was made: ``said_on``, else its source's publication date."""
    when: date | datetime | None = claim.said_on
    if when is None:
        source = corpus.sources.get(claim.source)
        when = source.published if source else None
    if when is None:
        return None
    if isinstance(when, datetime):
        # An aware time is ordered by the instant it names (18:30+03:00 is before
        # 18:30Z); a naive one by its wall clock.
        if when.utcoffset() is not None:
            return when.astimezone(UTC).replace(tzinfo=None)
        return when
    return datetime(when.year, when.month, when.day)


def is_update(earlier: Claim, later: Claim, corpus: Corpus) -> bool:
    """True when ``later`` updates ``earlier``: same party and question, disjoint count, said later.

    >>> from datetime import date
    >>> from claimgraph.model import Claim, Corpus, Interval
    >>> one = Claim("c1", "e", "p", "s", "killed", Interval(1, 1), said_on=date(2024, 1, 1))
    >>> three = Claim("c2", "e", "p", "s", "killed", Interval(3, 3), said_on=date(2024, 1, 2))
    >>> is_update(one, three, Corpus())
    True
    >>> is_update(three, one, Corpus())
    False
    """
    if (earlier.party, earlier.event, earlier.aspect) != (later.party, later.event, later.aspect):
        return False
    if not (isinstance(earlier.value, Interval) and isinstance(later.value, Interval)):
        return False
    if earlier.stance is not Stance.ASSERTS or later.stance is not Stance.ASSERTS:
        return False
    t0, t1 = statement_time(earlier, corpus), statement_time(later, corpus)
    return t0 is not None and t1 is not None and t1 > t0 and not earlier.value.overlaps(later.value)


@dataclass(slots=True)
class Position:
    """One distinct answer to a question, with the claims that assert or deny it.

    ``claims`` and ``denied_by`` are lists while the corpus is linked, and tuples once it
    is (:func:`link_corpus`), which the assessment's records share instead of copying.
    """

    id: str
    event: str
    aspect: str
    key: str
    value: Value
    label: str
    claims: list[str] | tuple[str, ...] = field(default_factory=list)
    # () until a claim denies it: most positions are never denied
    denied_by: list[str] | tuple[str, ...] = ()


@dataclass(slots=True)
class QuestionLinks:
    """One question: its positions, silences and the rule relations between positions."""

    event: str
    aspect: str
    type: AspectType
    positions: dict[str, Position] = field(default_factory=dict)  # key -> position
    # () until the first silence or relation: most questions have neither
    declined: list[str] | tuple[()] = ()
    relations: tuple[Relation, ...] = ()  # between positions
    truncated: bool = False  # more position pairs than MAX_POSITION_PAIRS: not all compared

    @property
    def id(self) -> str:
        """Its graph node id (:func:`question_id`), made on each call: the assessment's
        question keeps it (made while linking, the ids would share memory pools with the
        link records that assess releases, and keep those pools from being reused)."""
        return question_id(self.event, self.aspect)

    def live(self, position: Position, superseded: dict[str, str]) -> list[str]:
        """The position's asserting claims that no later statement superseded."""
        return [c for c in position.claims if c not in superseded]


@dataclass(slots=True)
class Linking:
    """Every question of a corpus with its positions, and the claim-level relations.

    ``superseded`` maps a claim id to the claim that updates it; ``claim_relations``
    holds the fact-checker's links and the rule's supersessions. ``claim_positions``
    maps a claim id to the id of the one position it takes (most claims: one string, not
    a one-item tuple for each), or to a tuple of them (a set claim, one per item; a
    silence, ``()``); :func:`position_ids` reads either as a tuple.
    """

    questions: dict[tuple[str, str], QuestionLinks] = field(default_factory=dict)
    claim_positions: dict[str, str | tuple[str, ...]] = field(default_factory=dict)
    superseded: dict[str, str] = field(default_factory=dict)
    claim_relations: list[Relation] = field(default_factory=list)

    @property
    def positions(self) -> dict[str, Position]:
        """Every position by id, made on each call (no stage needs them held by id)."""
        return {p.id: p for q in self.questions.values() for p in q.positions.values()}


def position_ids(held: str | tuple[str, ...]) -> tuple[str, ...]:
    """A claim's position ids from its ``Linking.claim_positions`` entry.

    >>> position_ids("position:e/cause/x"), position_ids(())
    (('position:e/cause/x',), ())
    """
    return (held,) if isinstance(held, str) else held


def explicit_relations(corpus: Corpus) -> list[Relation]:
    """The fact-checker's links, once per pair, ignoring links to unknown claims.

    >>> from claimgraph.model import Claim, Corpus, Links
    >>> c1 = Claim("c1", "e", "p", "s", "cause", "x", links=Links(contradicts=("c2",)))
    >>> c2 = Claim("c2", "e", "q", "s", "cause", "y", links=Links(contradicts=("c1",)))
    >>> [(r.kind, r.a, r.b) for r in explicit_relations(Corpus(claims={"c1": c1, "c2": c2}))]
    [('contradicts', 'c1', 'c2')]
    """
    seen: set[tuple[str, str, str]] = set()
    found: list[Relation] = []

    def add(kind: RelationKind, a: str, b: str, symmetric: bool) -> None:
        if b not in corpus.claims or a == b:
            return
        key = (kind, min(a, b), max(a, b)) if symmetric else (kind, a, b)
        if key in seen:
            return
        seen.add(key)
        found.append(Relation(kind, a, b, "fact-checker", "linked by the fact-checker"))

    for claim in corpus.claims.values():
        for other in claim.links.contradicts:
            add("contradicts", claim.id, other, True)
        for other in claim.links.corroborates:
            add("corroborates", claim.id, other, True)
        if claim.links.supersedes:
            add("supersedes", claim.id, claim.links.supersedes, False)
    return found


def _interval(claim: Claim) -> Interval:
    assert isinstance(claim.value, Interval)
    return claim.value


def _count_updates(
    claims: Iterable[Claim], corpus: Corpus
) -> list[tuple[Claim, Claim]]:  # (later, earlier)
    """Per party, each count claim disjoint from that party's latest word is updated by it.

    Linear in the party's claims: each is compared with two of the latest figures.
    """
    by_party: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.stance is Stance.ASSERTS and isinstance(claim.value, Interval):
            by_party[claim.party].append(claim)
    updates: list[tuple[Claim, Claim]] = []
    for own in by_party.values():
        if len(own) < 2:
            continue
        dated = [(statement_time(c, corpus), i, c) for i, c in enumerate(own)]
        known = [(t, i, c) for t, i, c in dated if t is not None]
        if not known:
            continue
        latest_time = max(t for t, _, _ in known)
        latest = [c for t, _, c in known if t == latest_time]
        # The latest figures with the highest low and the lowest high: an earlier
        # figure disjoint from any latest one is disjoint from one of these two.
        highest_low = max(latest, key=lambda c: _interval(c).low)
        lowest_high = min(latest, key=lambda c: _interval(c).high)
        for t, _, claim in known:
            if t == latest_time:
                continue
            value = _interval(claim)
            if value.high < _interval(highest_low).low:
                updates.append((highest_low, claim))
            elif value.low > _interval(lowest_high).high:
                updates.append((lowest_high, claim))
    return updates


def _reason(aspect: Aspect, a: Position, b: Position, pairing: Pairing) -> str:
    if isinstance(a.value, Interval) and isinstance(b.value, Interval):
        return count_reason(a.value, b.value, aspect.id)
    word = "vs" if pairing == "contradicts" else "with"
    if pairing == "contradicts" and aspect.type is AspectType.SET:
        # items of different kinds: say which ("military-meeting (military) vs cafe (civilian)")
        return f"{a.key} ({aspect.kind_of(a.key)}) vs {b.key} ({aspect.kind_of(b.key)})"
    return f"{a.key} {word} {b.key}"


def _positions_memo(
    aspect: Aspect, claim: Claim, taken: dict[object, list[tuple[str, Value, str]]]
) -> list[tuple[str, Value, str]]:
    """:func:`position_values`, computed once per aspect, value and words as written.

    Claims repeat a few answers in the same words; slugging their words again for
    each costs more than the rest of linking them. Only category and set answers
    are kept (a text answer is a position of its own; a count's key is cheap).
    """
    value, raw = claim.value, claim.raw_value
    if (
        aspect.type is AspectType.TEXT
        or claim.stance is Stance.DECLINES
        or not isinstance(value, str | frozenset)
    ):
        return position_values(aspect, claim)
    if isinstance(raw, list | tuple):
        if not all(isinstance(item, str) for item in raw):
            return position_values(aspect, claim)
        raw = tuple(raw)
    elif not isinstance(raw, str):
        raw = None  # no words as written (written_labels reads strings only)
    key = (aspect.id, value, raw)
    if (found := taken.get(key)) is None:
        found = taken[key] = position_values(aspect, claim)
    return found


def link_corpus(corpus: Corpus) -> Linking:
    """Group claims into questions and positions, and relate the positions.

    Each claim is visited once; each pair of distinct positions under one
    question is compared once (positions are few: distinct answers, not claims).
    """
    linking = Linking()
    aspects = corpus.aspects
    taken: dict[object, list[tuple[str, Value, str]]] = {}
    for claim in corpus.claims.values():
        key = (claim.event, claim.aspect)
        question = linking.questions.get(key)
        aspect = aspects.get(claim.aspect) or Aspect(claim.aspect, AspectType.TEXT)
        if question is None:
            question = QuestionLinks(claim.event, claim.aspect, aspect.type)
            linking.questions[key] = question
        if claim.stance is Stance.DECLINES:
            if isinstance(question.declined, list):
                question.declined.append(claim.id)
            else:
                question.declined = [claim.id]
            linking.claim_positions[claim.id] = ()
            continue
        ids: list[str] = []
        for pkey, value, label in _positions_memo(aspect, claim, taken):
            position = question.positions.get(pkey)
            if position is None:
                pid = position_id(claim.event, claim.aspect, pkey)
                position = Position(pid, claim.event, claim.aspect, pkey, value, label)
                question.positions[pkey] = position
            if claim.stance is Stance.DENIES:
                if isinstance(position.denied_by, list):
                    position.denied_by.append(claim.id)
                else:
                    position.denied_by = [claim.id]
            else:
                assert isinstance(position.claims, list)  # a tuple only once linked
                position.claims.append(claim.id)
            ids.append(position.id)
        linking.claim_positions[claim.id] = ids[0] if len(ids) == 1 else tuple(ids)

    explicit = explicit_relations(corpus)
    reasons: dict[str, str] = {}  # one copy of each relation's reason
    for relation in explicit:
        if relation.kind == "supersedes":
            linking.superseded.setdefault(relation.b, relation.a)
    for question in linking.questions.values():
        for position in question.positions.values():  # linked: the lists become tuples
            position.claims = tuple(position.claims)
            position.denied_by = tuple(position.denied_by)
        if question.type is AspectType.COUNT:
            claims = [corpus.claims[c] for p in question.positions.values() for c in p.claims]
            for later, earlier in _count_updates(claims, corpus):
                if earlier.id in linking.superseded:
                    continue
                linking.superseded[earlier.id] = later.id
                assert isinstance(earlier.value, Interval) and isinstance(later.value, Interval)
                reason = "update: " + count_reason(earlier.value, later.value, question.aspect)
                linking.claim_relations.append(
                    Relation("supersedes", later.id, earlier.id, "rule", reason)
                )
        _relate_positions(question, aspects.get(question.aspect), linking.superseded, reasons)
    linking.claim_relations.extend(explicit)
    return linking


def _claim_kinds(aspect: Aspect, positions: list[Position]) -> dict[str, str]:
    """Claim id -> the kind of its answer: of the kinds of the items it names, the first in
    ``Aspect.kinds`` ("a restaurant where commanders met" is a military answer)."""
    order = {kind: i for i, kind in enumerate(aspect.kinds)}
    found: dict[str, str] = {}
    for p in positions:
        kind = aspect.kind_of(p.key)
        if kind:
            for c in p.claims:
                known = found.get(c)
                if known is None or order[kind] < order[known]:
                    found[c] = kind
    return found


def _rivals(a: Position, b: Position, aspect: Aspect, kinds: dict[str, str]) -> bool:
    """Whether items of two kinds are rival answers: a claim whose answer is of ``a``'s kind
    names ``a``, and one whose answer is of ``b``'s kind names ``b`` (the restaurant of "a
    restaurant where commanders met" is no civilian answer against a military one)."""
    kind_a, kind_b = aspect.kind_of(a.key), aspect.kind_of(b.key)
    return any(kinds.get(c) == kind_a for c in a.claims) and any(
        kinds.get(c) == kind_b for c in b.claims
    )


def _relate_positions(
    question: QuestionLinks,
    aspect: Aspect | None,
    superseded: dict[str, str],
    reasons: dict[str, str],
) -> None:
    """Compare each pair of live positions of one question once.

    Positions are distinct answers, so they are few in real reporting. Two
    limits keep hostile input from costing the square of its size: a set
    question with more than :data:`MAX_PAIRED_ITEMS` items records no
    item-to-item ``complements`` (different items always complement, so
    nothing is lost), and at most :data:`MAX_POSITION_PAIRS` pairs are
    compared per question (``truncated`` says when that cut in). Reasons repeat across
    questions ("house with shop"): ``reasons`` keeps one copy of each.
    """
    if aspect is None or question.type is AspectType.TEXT or len(question.positions) < 2:
        return
    live = [p for p in question.positions.values() if question.live(p, superseded)]
    if question.type is AspectType.SET and len(live) > MAX_PAIRED_ITEMS:
        return
    budget = MAX_POSITION_PAIRS
    found: list[Relation] = []
    kinds: dict[str, str] | None = None  # each claim's kind of answer, when needed
    for i, a in enumerate(live):
        for b in live[i + 1 :]:
            if budget == 0:
                question.truncated = True
                break
            budget -= 1
            pairing = compare(aspect, a.value, b.value)
            if pairing is None or pairing == "same":
                continue
            if pairing == "contradicts" and question.type is AspectType.SET:
                if kinds is None:
                    kinds = _claim_kinds(aspect, live)
                if not _rivals(a, b, aspect, kinds):
                    pairing = "complements"  # "a restaurant where commanders met": one answer
            reason = _reason(aspect, a, b, pairing)
            reason = reasons.setdefault(reason, reason)
            found.append(Relation(pairing, a.id, b.id, "rule", reason, "positions"))
        if question.truncated:
            break
    if found:
        question.relations = tuple(found)
