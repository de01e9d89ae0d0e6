"""Who governs a place on a day (``data/governed.yaml``): the side whose authorities
"officials said" means when a report names no country, office or place.

>>> rules = Governed.from_data({"regions": {"ukraine": ["Lviv Oblast"]}, "towns": {"Kherson": [
...     {"side": "occupied", "since": "2022-03-02", "until": "2022-11-11"},
...     {"side": "ukraine", "since": "2022-11-11"}]}})
>>> rules.side("Lviv", "Lviv Oblast", None)
'ukraine'
>>> rules.side("Kherson", "Kherson Oblast", date(2022, 6, 1)), rules.side("Kherson", "", None)
('occupied', None)
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from typing import Any

from claimgraph.extract.datafile import read_package_data

__all__ = ["SIDES", "Governed", "builtin_governed"]

# "occupied": Russian-installed authorities in Ukraine (the region's occupation authority)
SIDES = ("ukraine", "russia", "occupied")


@dataclass(frozen=True, slots=True)
class _Period:
    side: str
    since: date | None = None
    until: date | None = None

    def holds(self, day: date) -> bool:
        started = self.since is None or self.since <= day
        return started and (self.until is None or day < self.until)


@dataclass(frozen=True)
class Governed:
    """Regions governed by one side throughout, and towns by periods."""

    regions: dict[str, str] = field(default_factory=dict)  # region -> side
    towns: dict[str, tuple[_Period, ...]] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: Any, canonical: Callable[[str], str] = str) -> Governed:
        """Read the data file's shape; ``canonical`` maps a town's name to the gazetteer's."""
        regions = {
            str(region): str(side)
            for side, names in (data.get("regions") or {}).items()
            for region in names or ()
        }
        towns = {
            canonical(str(town)): tuple(
                _Period(str(p["side"]), _day(p.get("since")), _day(p.get("until"))) for p in periods
            )
            for town, periods in (data.get("towns") or {}).items()
        }
        unknown = ({*regions.values()} | {p.side for ps in towns.values() for p in ps}) - {*SIDES}
        if unknown:
            raise ValueError(f"governed.yaml: unknown side {sorted(unknown)[0]!r}")
        return cls(regions, towns)

    def side(self, town: str, region: str, day: date | None) -> str | None:
        """The side governing ``town`` (of ``region``) on ``day``; None when not known."""
        periods = self.towns.get(town)
        if periods:
            if day is not None:
                return next((p.side for p in periods if p.holds(day)), None)
            sides = {p.side for p in periods}
            return sides.pop() if len(sides) == 1 else None
        return self.regions.get(region) or self.regions.get(town)


def _day(value: object) -> date | None:
    if value is None or value == "":
        return None
    return value if isinstance(value, date) else date.fromisoformat(str(value))


@cache
def builtin_governed() -> Any:
    """The package's ``governed.yaml``, as read (towns by the names written there)."""
    return read_package_data("governed.yaml")
