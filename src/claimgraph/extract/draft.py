"""The draft's records: a draft claim file (:class:`Draft`), its claims and the events it
refers to, and the side of a speaker no registry or catalogue matched."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from claimgraph.extract.events import DateRef
from claimgraph.model import Party

UNKNOWN_SIDE = "unknown"
UNKNOWN_SIDE_NAME = "Unknown: a speaker not yet registered in parties.yaml"


@dataclass(slots=True)
class DraftClaim:
    """One extracted claim, in the fields of a claim file."""

    id: str
    event: str
    party: str
    quote: str
    aspect: str
    value: object = None
    speaker: str = ""
    via: str = ""
    stance: str = "asserts"
    certainty: str = "asserted"
    evidence: list[str] = field(default_factory=list)
    said_on: date | None = None
    at: int = 0  # character offset of the quote in the report


@dataclass(slots=True)
class DraftEvent:
    """An event the draft refers to; ``known`` when the claims folder already defines it."""

    id: str
    title: str
    when: DateRef | None
    place: str
    region: str = ""
    coords: tuple[float, float] | None = None
    known: bool = False
    month_day: tuple[int, int] | None = None  # an undated event's dateline day (no year)
    # what the report's headline says was hit (object items: "theatre", "hospital"), so that
    # an undated report joins no dated event its headline names another object of
    about: frozenset[str] = frozenset()


@dataclass(slots=True)
class Draft:
    """The draft claim file for one report, plus what the summary needs."""

    name: str
    source: dict[str, object]
    claims: list[DraftClaim] = field(default_factory=list)
    events: dict[str, DraftEvent] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)

    @property
    def matched(self) -> list[str]:
        """Registered parties and catalogue actors the draft's claims name, sorted."""
        unknown = {p.id for p in self.parties.values() if p.side == UNKNOWN_SIDE}
        return sorted({c.party for c in self.claims} - unknown)

    @property
    def unmatched(self) -> list[str]:
        """The words of speakers neither the registry nor the catalogue matched."""
        return [p.name for p in self.parties.values() if p.side == UNKNOWN_SIDE]

    @property
    def from_catalogue(self) -> list[str]:
        """Catalogue actors the draft defines (for the fact-checker to confirm), sorted."""
        return sorted(p.id for p in self.parties.values() if p.side != UNKNOWN_SIDE)
