"""Positions of one question assessed: who holds and denies each, echoes collapsed, and the
claim-level contradictions between them (paired per party, never their product).
"""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.analysis.context import _Context, _unique
from claimgraph.analysis.link import Position, QuestionLinks, Relation
from claimgraph.analysis.records import PositionAssessment
from claimgraph.model import Aspect


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
    if len(p.claims) == 1 and not p.denied_by:
        return _one_claim_position(ctx, p, neighbours)
    # Lists, not generators, into _unique: most positions hold one or two claims, and
    # a generator's set-up would cost more than the work.
    claims = ctx.corpus.claims
    superseded = ctx.superseded
    side_of = ctx.side_of_party
    holders = [claims[c] for c in p.claims]
    current = [c.id for c in holders if c.id not in superseded]
    current_holders = [claims[c] for c in current] if len(current) < len(holders) else holders
    if len(current) > 1:  # one current holder corroborates no one
        groups: dict[str, str] = {}  # side -> its one echo group, "" for several
        for c in current_holders:
            side, group = side_of(c.party), ctx.group(c.id)
            if groups.setdefault(side, group) != group:
                groups[side] = ""
        ctx.holder_groups[p.id] = tuple(groups.items())
    deniers = [claims[c].party for c in p.denied_by]
    if deniers:
        ctx.denier_sides[p.id] = {side_of(party) for party in deniers}
    # Independent sides: an echo counts with the side of the claim it repeats.
    independent = ctx.unique([ctx.side(ctx.group(c)) for c in current])
    outlets = ctx.unique([ctx.outlet(c) for c in current])
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
        parties=ctx.unique([c.party for c in holders]),
        sides=ctx.unique([side_of(c.party) for c in holders]),
        denying_parties=ctx.unique(deniers),
        evidence=ctx.unique([e for c in holders for e in c.evidence]),
        # _value_, not .value: an enum's value property costs ten times a plain attribute.
        certainties=ctx.unique([c.certainty._value_ for c in holders]),
        independent_sides=independent,
        outlets=outlets,
        independently_corroborated=len(independent) >= 2 and len(outlets) >= 2,
        contradicts=contradicts,
        complements=complements,
        superseded=bool(p.claims) and not current,
        superseded_by=_unique([superseded[c] for c in p.claims if c in superseded]),
        current_claims=tuple(current),
        current_parties=ctx.unique([c.party for c in current_holders]),
    )


def _one_claim_position(
    ctx: _Context, p: Position, neighbours: dict[str, dict[str, list[str]]]
) -> PositionAssessment:
    """:func:`_assess_position` of a position one claim holds and none denies (most of them).

    The same record, built without the general case's lists and sets; its
    one-item tuples of parties, sides, outlets and certainties are shared
    (:meth:`_Context.one`), and its current claims and parties are its claims
    and parties when the claim is current.
    """
    one = ctx.one
    (claim_id,) = p.claims
    claim = ctx.corpus.claims[claim_id]
    claims = tuple(p.claims)  # the linked position's own tuple (not a copy)
    party = one(claim.party)
    side = one(ctx.side_of_party(claim.party))
    later = ctx.superseded.get(claim_id)
    current = later is None
    evidence = claim.evidence
    if len(evidence) > 1 and len(set(evidence)) < len(evidence):
        evidence = _unique(evidence)
    related = neighbours.get(p.id)
    return PositionAssessment(
        id=p.id,
        event=p.event,
        aspect=p.aspect,
        value=p.value,
        label=p.label,
        claims=claims,
        parties=party,
        sides=side,
        evidence=evidence,
        certainties=one(claim.certainty._value_),
        independent_sides=one(ctx.side(ctx.group(claim_id))) if current else (),
        outlets=one(ctx.outlet(claim_id)) if current else (),
        contradicts=tuple(related.get("contradicts", ())) if related else (),
        complements=tuple(related.get("complements", ())) if related else (),
        superseded=not current,
        superseded_by=() if later is None else (later,),
        current_claims=claims if current else (),
        current_parties=party if current else (),
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


def _pair_of(a: str, b: str) -> tuple[str, str] | None:
    """Two different parties in order (a pair of parties is not ordered), None for one party.

    >>> _pair_of("mod", "hur"), _pair_of("mod", "mod")
    (('hur', 'mod'), None)
    """
    if a == b:
        return None
    return (a, b) if a < b else (b, a)


def _party_pairs(
    question: QuestionLinks,
    positions: dict[str, PositionAssessment],
    aspect: Aspect | None = None,
) -> tuple[set[tuple[str, str]], int]:
    """The pairs of parties whose current answers contradict on one question (each pair
    in order: a pair of parties is not ordered), and the number of contradictions (pairs
    of contradicting answers, denied answers).
    """
    pairs: set[tuple[str, str]] = set()
    contradictions = 0

    def add(left: Iterable[str], right: Iterable[str]) -> None:
        right = tuple(right)
        for a in left:
            pairs.update(pair for b in right if (pair := _pair_of(a, b)) is not None)

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
    for denied, held, _kind in _kind_denials(aspect, positions):
        if held.current_parties:
            contradictions += 1
            add(denied.denying_parties, held.current_parties)
    return pairs, contradictions


def _kind_denials(
    aspect: Aspect | None, positions: dict[str, PositionAssessment]
) -> list[tuple[PositionAssessment, PositionAssessment, str]]:
    """The denied positions that stand for a whole kind, each with a held position of
    that kind and the kind ("civilian infrastructure" denied, "cafe" held): the denial
    contradicts what is held (:meth:`~claimgraph.model.Aspect.denial_covers`)."""
    if aspect is None or not aspect.kind_items:
        return []
    denied = [p for p in positions.values() if p.denied_by and str(p.value) in aspect.kind_items]
    found = []
    for d in denied:
        for held in positions.values():
            if held.current_claims and (
                kind := aspect.denial_covers(str(d.value), str(held.value))
            ):
                found.append((d, held, kind))
    return found


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
    aspect = ctx.corpus.aspects.get(question.aspect)
    for denied, held, kind in _kind_denials(aspect, positions):
        reason = f"denies {denied.label} {question.aspect}: {held.label} is {kind}"
        for a, b in _pairings(ctx, denied.denied_by, held.current_claims):
            found.append(Relation("contradicts", a, b, "rule", reason))
    return found
