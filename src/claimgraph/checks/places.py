"""Where each claim's fields were written, kept while reading for the checks that follow."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import Claim, Location

# One copy of each (lines below its claim, column) of a quote: a few serve every claim.
_BELOW: dict[tuple[int, int], tuple[int, int]] = {}


@dataclass(slots=True)
class Places:
    """Where a claim's fields were written: (claim id, field, link target or "") -> place.

    >>> places = Places()
    >>> claim = Claim("c1", "e", "p", "s", "cause", None, where=Location("a.yaml", 1000, 3))
    >>> places.put_quote("c1", claim.where, 1004, 12)
    >>> str(places.of(claim, "quote")), places.quotes["c1"]
    ('a.yaml:1004:12', (4, 12))
    """

    places: dict[tuple[str, str, str], Location] = field(default_factory=dict)
    # Every claim's quote: claim id -> (lines below the claim's own place, column), each
    # pair shared (a tuple of its own for every claim would outlive the read of the folder
    # with nothing to reuse its memory)
    quotes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def of(self, claim: Claim, name: str, target: str = "") -> Location:
        where = claim.where or Location("?", 0)
        if name == "quote" and claim.id in self.quotes:
            below, column = self.quotes[claim.id]
            return Location(where.path, where.line + below, column)
        return self.places.get((claim.id, name, target)) or where

    def put_quote(self, claim_id: str, where: Location, line: int, column: int) -> None:
        """Where a claim's quote was written; ``where`` is the claim's own place
        (``Claim.where``)."""
        pair = (line - where.line, column)
        self.quotes[claim_id] = _BELOW.setdefault(pair, pair)

    def put(self, claim_id: str, name: str, target: str, where: Location) -> None:
        self.places[(claim_id, name, target)] = where

    def update(self, other: Places) -> None:
        self.places.update(other.places)
        self.quotes.update(other.quotes)
