"""What one claim file holds once parsed, before the corpus resolves its references."""

from __future__ import annotations

from dataclasses import dataclass, field

from claimgraph.model import (
    Claim,
    Event,
    Location,
    Party,
    Side,
    Source,
)
from claimgraph.validate import Places
from claimgraph.yamlsafe import Item


@dataclass(slots=True)
class PendingClaim:
    """A claim read from its file, waiting for the corpus to type its value and check its ids."""

    claim: Claim
    value: Item | None
    event_at: Location
    party_at: Location
    aspect_at: Location
    id_at: Location
    source_at: Location | None = None  # only when the claim names its source


@dataclass(slots=True)
class ClaimFile:
    """What one claim file holds, before cross references are resolved."""

    path: str
    sides: list[tuple[Side, Location]] = field(default_factory=list)
    parties: list[Party] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    aspects: list[tuple[str, Item]] = field(default_factory=list)
    source: Source | None = None
    source_id_at: Location | None = None
    source_file_at: Location | None = None
    claims: list[PendingClaim] = field(default_factory=list)
    places: Places = field(default_factory=Places)

    @property
    def draft(self) -> bool:
        return self.source is not None and self.source.status == "draft"
