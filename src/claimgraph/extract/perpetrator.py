"""Who fired: a `perpetrator` answer from the side the words name ("Ukrainian shelling").

Claims folders often add a category aspect ``perpetrator`` with one value per
side's forces (``ukrainian-forces``, ``russian-forces``). The words come from
data/extract.yaml (``perpetrators``: per country, the words that name its
forces or its attacks, and the verbs that blame a country); the value is the
folder's own value whose id holds the country's stem.

>>> from claimgraph.model import Aspect, AspectType
>>> p = Perpetrators.of({"perpetrator": Aspect("perpetrator", AspectType.CATEGORY,
...     values={"ukrainian-forces": "", "russian-forces": ""})})
>>> p.find("a market in Donetsk was hit by Ukrainian shelling")
('ukrainian-forces', 31, 49)
>>> p.find("Pushilin blamed the deaths on Kyiv") is not None
True
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimgraph.extract.datafile import read_package_data
from claimgraph.model import Aspect, AspectType

_WORD = re.compile(r"\w+")
# Words too common to show that a clause names a side.
_COMMON = frozenset(
    {"the", "of", "forces", "troops", "military", "army", "armed", "regime", "side"}
)

__all__ = ["Perpetrators"]


@dataclass(frozen=True, slots=True)
class Perpetrators:
    """The perpetrator rule for one claims folder's aspects (``None`` rules: no such aspect)."""

    pattern: re.Pattern[str] | None = None  # one group per side: v0, v1, ...
    values: tuple[str, ...] = ()
    words: frozenset[str] = frozenset()  # a clause with none of these names no side

    @property
    def rules(self) -> bool:
        return self.pattern is not None

    @classmethod
    def of(cls, aspects: dict[str, Aspect]) -> Perpetrators:
        aspect = aspects.get("perpetrator")
        if aspect is None or aspect.type is not AspectType.CATEGORY:
            return cls()
        spec = _spec()
        attack = _alt(spec.get("attack_nouns") or [])
        blame = _alt(spec.get("blame") or [])
        groups: list[str] = []
        values: list[str] = []
        needed: set[str] = set()
        for country, words in (spec.get("countries") or {}).items():
            stem = str(words.get("stem", country))
            value = next((v for v in aspect.values if stem in v), None)
            if value is None:
                continue
            forces = [str(w) for w in words.get("forces") or []]
            adjectives = [str(w) for w in words.get("adjectives") or []]
            for name in [*forces, *adjectives]:  # the words that name a side
                needed.update(w for w in _WORD.findall(name.casefold()) if w not in _COMMON)
            names, adj = _alt(forces), _alt(adjectives)
            groups.append(
                rf"(?P<v{len(values)}>(?:{adj})\s+(?:{attack})"
                rf"|by\s+(?:the\s+)?(?:{names})"
                rf"|(?:{blame})\s+(?:(?:the\s+)?\w+\s+on\s+)?(?:{names}))"
            )
            values.append(value)
        if not groups:
            return cls()
        pattern = re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.IGNORECASE)
        return cls(pattern, tuple(values), frozenset(needed))

    def find(
        self, clause: str, present: AbstractSet[str] | None = None
    ) -> tuple[str, int, int] | None:
        """The perpetrator named first in ``clause``: (value, start, end), or None.

        ``present``: the clause's words, if known (a clause naming no side is skipped).
        """
        if self.pattern is None or (present is not None and present.isdisjoint(self.words)):
            return None
        m = self.pattern.search(clause)
        if m is None or m.lastgroup is None:
            return None
        return self.values[int(m.lastgroup[1:])], m.start(), m.end()


def _alt(words: Sequence[object]) -> str:
    items = sorted({str(w) for w in words if str(w).strip()}, key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in items) or "(?!x)x"


@cache
def _spec() -> dict[str, Any]:
    data = read_package_data("extract.yaml")
    return dict(data.get("perpetrators") or {})
