"""Each party's track record across events: contradicted and corroborated by another side,
hedged, with evidence, declines.
"""

from __future__ import annotations

from claimgraph.analysis.context import _Context, _unique
from claimgraph.analysis.link import Relation
from claimgraph.analysis.records import PartyRecord
from claimgraph.model import Certainty, Stance


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
                if any(s != own_side for s in ctx.holder_sides[pid]):
                    contradicted = True
                continue
            if claim.id in ctx.superseded:
                continue
            if any(s != own_side for s in ctx.denier_sides.get(pid, ())):
                contradicted = True
            for other in position.contradicts:
                if any(s != own_side for s in ctx.holder_sides.get(other, ())):
                    contradicted = True
            for side, groups in ctx.holder_groups.get(pid, {}).items():
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
