"""What every question of the corpus needs while it is assessed (:class:`_Context`), and a
source's outlet.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.analysis.echoes import echo_roots
from claimgraph.analysis.link import Linking, Relation
from claimgraph.analysis.records import PositionAssessment
from claimgraph.model import Corpus


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
        # position id -> (side, its current holders' one echo group, or "" for several)
        # for each side holding it, only for positions two or more current claims hold (one
        # holder corroborates no one); pairs, not a dict of sets: there are many of them
        self.holder_groups: dict[str, tuple[tuple[str, str], ...]] = {}
        # position id -> the sides of the parties denying it, only for denied positions
        self.denier_sides: dict[str, set[str]] = {}
        # x -> (x,): one-item tuples shared by every record that holds one
        self._ones: dict[str, tuple[str]] = {}

        # Looked up for every claim of every position: each party's side and each
        # source's outlet once.
        self._sides: dict[str, str] = {}
        self._outlets: dict[str, str] = {}

    def one(self, item: str) -> tuple[str]:
        """``(item,)``, the same tuple each time (records hold millions of them)."""
        if (found := self._ones.get(item)) is None:
            found = self._ones[item] = (item,)
        return found

    def unique(self, items: list[str]) -> tuple[str, ...]:
        """The items once each, in order; a single item as the shared :meth:`one` tuple
        (for parties, sides, outlets and the like, which many records repeat)."""
        found = tuple(dict.fromkeys(items))
        return self.one(found[0]) if len(found) == 1 else found

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
