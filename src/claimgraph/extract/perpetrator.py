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
('ukrainian-forces', 28, 49)
>>> p.find("Pushilin blamed the deaths on Kyiv") is not None
True
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any

from claimgraph.extract.datafile import read_package_data
from claimgraph.model import Aspect, AspectType

__all__ = ["Perpetrators"]


@dataclass(frozen=True, slots=True)
class Perpetrators:
    """The perpetrator rule for one claims folder's aspects (``None`` rules: no such aspect)."""

    rules: tuple[tuple[re.Pattern[str], str], ...] = ()

    @classmethod
    def of(cls, aspects: dict[str, Aspect]) -> Perpetrators:
        aspect = aspects.get("perpetrator")
        if aspect is None or aspect.type is not AspectType.CATEGORY:
            return cls()
        spec = _spec()
        attack = _alt(spec.get("attack_nouns") or [])
        blame = _alt(spec.get("blame") or [])
        rules = []
        for country, words in (spec.get("countries") or {}).items():
            stem = str(words.get("stem", country))
            value = next((v for v in aspect.values if stem in v), None)
            if value is None:
                continue
            names = _alt(words.get("forces") or [])
            adjectives = _alt(words.get("adjectives") or [])
            pattern = re.compile(
                rf"\b(?:(?:by|from)\s+(?:the\s+)?(?:{adjectives})\s+(?:{attack}|{names})"
                rf"|(?:{adjectives})\s+(?:{attack})"
                rf"|by\s+(?:the\s+)?(?:{names})"
                rf"|(?:{blame})\s+(?:(?:the\s+)?\w+\s+on\s+)?(?:{names}))\b",
                re.IGNORECASE,
            )
            rules.append((pattern, value))
        return cls(tuple(rules))

    def find(self, clause: str) -> tuple[str, int, int] | None:
        """The perpetrator named first in ``clause``: (value, start, end), or None."""
        best: tuple[str, int, int] | None = None
        for pattern, value in self.rules:
            m = pattern.search(clause)
            if m and (best is None or m.start() < best[1]):
                best = (value, m.start(), m.end())
        return best


def _alt(words: list[object]) -> str:
    items = sorted({str(w) for w in words if str(w).strip()}, key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in items) or "(?!x)x"


@cache
def _spec() -> dict[str, Any]:
    data = read_package_data("extract.yaml")
    return dict(data.get("perpetrators") or {})
