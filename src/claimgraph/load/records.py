"""What one claim file holds once parsed, before the corpus resolves its references."""

from __future__ import annotations

import struct
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimgraph.checks import Places
from claimgraph.io.yaml_read import Item
from claimgraph.model import (
    Claim,
    Event,
    Location,
    Party,
    Side,
    Source,
)

# The places of a pending claim's id, event, party, aspect and source fields, as
# (line, column) pairs packed, 40 bytes a claim, in its file's one buffer
# (ClaimFile.marks): every claim waits in memory until the whole folder is read, and five
# Location objects each would cost six times as much (a bytes object each, twice as much).
_MARKS = struct.Struct("<10I")
_FIELDS_AT = ("id", "event", "party", "aspect", "source")


@dataclass(slots=True)
class PendingClaim:
    """A claim read from its file, waiting for the corpus to type its value and check its ids.

    Where its fields were written is kept packed (:meth:`pack`) in its file's buffer,
    ``marks``, at ``index``; ``event_at`` and the others are made when a problem needs them.

    >>> from claimgraph.model import Claim
    >>> c = Claim("c1", "e", "p", "s", "cause", None, where=Location("a.yaml", 3, 5))
    >>> at = {"id": Item("c1", 3, 9), "event": Item("e", 4, 12), "party": Item("p", 5, 12)}
    >>> marks = bytearray()
    >>> first, p = PendingClaim.of(c, None, {}, marks), PendingClaim.of(c, None, at, marks)
    >>> str(p.event_at), str(p.aspect_at), p.source_at, p.index, len(marks)
    ('a.yaml:4:12', 'a.yaml:3:5', None, 1, 80)
    """

    claim: Claim
    value: Item | None
    marks: bytearray  # the fields' places of its file's claims, packed (pack), in order
    index: int = 0  # this claim's among them

    @classmethod
    def of(
        cls, claim: Claim, value: Item | None, fields: Mapping[str, Item], marks: bytearray
    ) -> PendingClaim:
        """A pending claim whose fields' places are packed at the end of ``marks``."""
        index = len(marks) // _MARKS.size
        marks += cls.pack(fields)
        return cls(claim, value, marks, index)

    @staticmethod
    def pack(fields: Mapping[str, Item]) -> bytes:
        """The (line, column) of the id, event, party, aspect and source fields of a claim's
        ``fields`` ((0, 0) for a field not written: its place is then the claim's own)."""
        at = [fields.get(name) for name in _FIELDS_AT]
        return _MARKS.pack(*(n for f in at for n in ((f.line, f.column) if f else (0, 0))))

    def _at(self, name: str) -> Location | None:
        i = 2 * _FIELDS_AT.index(name)
        line, column = _MARKS.unpack_from(self.marks, self.index * _MARKS.size)[i : i + 2]
        if not line:
            return None
        where = self.claim.where
        return Location(where.path if where else "?", line, column)

    def _at_or_claim(self, name: str) -> Location:
        """The field's place, else the claim's own (a field not written)."""
        return self._at(name) or self.claim.where or Location("?", 0)

    @property
    def id_at(self) -> Location:
        return self._at_or_claim("id")

    @property
    def event_at(self) -> Location:
        return self._at_or_claim("event")

    @property
    def party_at(self) -> Location:
        return self._at_or_claim("party")

    @property
    def aspect_at(self) -> Location:
        return self._at_or_claim("aspect")

    @property
    def source_at(self) -> Location | None:
        """Only when the claim names its source."""
        return self._at("source")


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
    marks: bytearray = field(default_factory=bytearray)  # its claims' places (PendingClaim)
    places: Places = field(default_factory=Places)

    @property
    def draft(self) -> bool:
        return self.source is not None and self.source.status == "draft"
