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
