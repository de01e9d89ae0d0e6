"""Where each claim's fields were written, kept while reading for the checks that follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import Claim, Location


@dataclass(slots=True)
class Places:
    """Where a claim's fields were written: (claim id, field, link target or "") -> place."""

    places: dict[tuple[str, str, str], Location] = field(default_factory=dict)
    # Every claim's quote: claim id -> (line, column) in the claim's own file (compact).
    quotes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def of(self, claim: Claim, name: str, target: str = "") -> Location:
        where = claim.where or Location("?", 0)
        if name == "quote" and claim.id in self.quotes:
            return Location(where.path, *self.quotes[claim.id])
        return self.places.get((claim.id, name, target)) or where

    def put(self, claim_id: str, name: str, target: str, where: Location) -> None:
        self.places[(claim_id, name, target)] = where

    def update(self, other: Places) -> None:
        self.places.update(other.places)
        self.quotes.update(other.quotes)
