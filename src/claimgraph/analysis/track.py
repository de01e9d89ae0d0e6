"""Each party's track record across events: contradicted and corroborated by another side,
hedged, with evidence, declines.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.analysis.context import _Context, _unique
from claimgraph.analysis.link import Relation, position_ids
from claimgraph.analysis.records import PartyRecord
from claimgraph.model import Certainty, Stance


def _party_records(
    ctx: _Context, index: dict[str, tuple[Relation, ...]], answered: set[str]
) -> dict[str, PartyRecord]:
    """Each party's track record across events."""
    corpus = ctx.corpus
    tallies: dict[str, dict[str, int]] = {}
    events: dict[str, list[str]] = {}
    claim_positions = ctx.linking.claim_positions
    positions, superseded = ctx.positions, ctx.superseded
    holder_groups, denier_sides = ctx.holder_groups, ctx.denier_sides
    side_of = ctx.side_of_party
    for claim in corpus.claims.values():
        own_side = ctx.side_of_party(claim.party)
        if (t := tallies.get(claim.party)) is None:
            t = tallies[claim.party] = dict.fromkeys(_TALLIES, 0)
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
        denies = claim.stance is Stance.DENIES
        current = claim.id not in superseded
        for pid in position_ids(claim_positions.get(claim.id, ())):
            if denies:
                held = positions[pid].current_parties
                contradicted = contradicted or _other_side(map(side_of, held), own_side)
                continue
            if not current:
                continue
            if (deniers := denier_sides.get(pid)) and _other_side(deniers, own_side):
                contradicted = True
            for other in positions[pid].contradicts:
                if _other_side(map(side_of, positions[other].current_parties), own_side):
                    contradicted = True
            for side, only in holder_groups.get(pid, ()):
                # another side holds it with an echo group other than the claim's own
                # ("" is several groups, never a claim's)
                if side != own_side and only != group:
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


def _other_side(sides: Iterable[str], own_side: str) -> bool:
    """Whether any of ``sides`` is not ``own_side``."""
    for side in sides:
        if side != own_side:
            return True
    return False


_TALLIES = (
    "claims",
    "contradicted_by_other_side",
    "corroborated_by_other_side",
    "hedged",
    "with_evidence",
    "declined",
    "declined_then_answered",
)
