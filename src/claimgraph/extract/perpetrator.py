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
>>> p.find("the Ukrainian side shelled the town")[0]
'ukrainian-forces'
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from claimgraph.extract.datafile import read_package_data
from claimgraph.extract.lexicon import Phrases, first_words, fold, phrases
from claimgraph.model import Aspect, AspectType

__all__ = ["Perpetrators", "own_forces", "without_attackers"]


@dataclass(frozen=True, slots=True)
class Perpetrators:
    """The perpetrator rule for one claims folder's aspects (``None`` rules: no such aspect)."""

    phrases: Phrases | None = None  # "Ukrainian shelling", "by Russian forces" ...
    table: dict[str, str] = field(default_factory=dict)  # folded phrase -> value
    blame: Phrases | None = None  # "blamed the attack on Kyiv": one group per side
    values: tuple[str, ...] = ()
    blame_words: frozenset[str] = frozenset()
    attack_words: Phrases | None = None  # what one is blamed for when it is the attack
    defence: Phrases | None = None  # "shot down ... by Ukraine": the defender, not who fired

    def blames_attack(self, clause: str) -> bool:
        """Whether a blame's words name the attack or its toll ("of shelling", "for the
        deaths", "of a terrorist act"), not another charge."""
        return self.attack_words is not None and self.attack_words.search(clause) is not None

    @property
    def rules(self) -> bool:
        return self.phrases is not None

    @classmethod
    def of(cls, aspects: dict[str, Aspect]) -> Perpetrators:
        aspect = aspects.get("perpetrator")
        if aspect is None or aspect.type is not AspectType.CATEGORY:
            return cls()
        spec = _spec()
        attack = [str(w) for w in spec.get("attack_nouns") or []]
        blame_verbs = [str(w) for w in spec.get("blame") or []]
        attack_verbs = [str(w) for w in spec.get("attack_verbs") or []]
        table: dict[str, str] = {}
        groups: list[str] = []
        values: list[str] = []
        anchors = {"the", *first_words(blame_verbs)}  # where a blame can start
        for country, words in (spec.get("countries") or {}).items():
            stem = str(words.get("stem", country))
            value = next((v for v in aspect.values if stem in v), None)
            if value is None:
                continue
            forces = [str(w) for w in words.get("forces") or []]
            anchors.update(first_words(forces))
            for adjective in words.get("adjectives") or []:
                for noun in attack:
                    table.setdefault(fold(f"{adjective} {noun}"), value)
            for name in forces:
                table.setdefault(fold(f"by {name}"), value)
                table.setdefault(fold(f"by the {name}"), value)
            groups.append(
                rf"(?P<v{len(values)}>(?:{_alt(blame_verbs)})\s+"
                rf"(?:(?:the\s+)?\w+\s+on\s+)?(?:the\s+)?(?:{_alt(forces)})"
                # "Kyiv forces shelled the market", 'the Ukrainian side "deliberately targeted"'
                rf"|(?<![\w-])(?:the\s+)?(?:{_alt(forces)})\s+(?:(?:had|have|has)\s+)?"
                rf"(?:(?:once\s+)?again\s+|also\s+)?"
                # (not a habit: "the occupiers have repeatedly launched" is no one attack)
                rf"(?:(?!(?:repeatedly|regularly|constantly|routinely|usually)\b)"
                rf"[\"“”']?\w+ly[\"“”']?\s+)?"
                rf"[\"“”']?(?:{_alt(attack_verbs)}))"
            )
            values.append(value)
        if not values:
            return cls()
        # every match starts at a blame verb, "the" or a side's forces (their first words):
        # tried only there
        blame = Phrases(
            re.compile(r"\b(?:" + "|".join(groups) + r")\b", re.IGNORECASE),
            frozenset(anchors),
            anchored=True,
        )
        words = frozenset(_gate_word(w) for w in (*blame_verbs, *attack_verbs) if w.split())
        objects = [*attack, *(str(w) for w in spec.get("blame_objects") or [])]
        defence = phrases([str(w) for w in spec.get("defence_words") or []])
        return cls(
            phrases(table, capture=True),
            table,
            blame,
            tuple(values),
            words,
            phrases(objects),
            defence,
        )

    def find(
        self, clause: str, present: AbstractSet[str] | None = None
    ) -> tuple[str, int, int] | None:
        """The perpetrator named first in ``clause``: (value, start, end), or None.

        ``present``: the clause's words, if known (blame verbs are looked for only then).
        """
        if self.phrases is None:
            return None
        best: tuple[str, int, int] | None = None
        m = self.phrases.search(clause)
        if m is not None and self._defended(clause, m.group(1), m.start()):
            m = None
        if m is not None:
            value = self.table.get(fold(m.group(1)))
            if value is not None:
                best = (value, m.start(), m.end())
        if self.blame is not None and (present is None or not present.isdisjoint(self.blame_words)):
            b = self.blame.search(clause)
            if b is not None and b.lastgroup and (best is None or b.start() < best[1]):
                best = (self.values[int(b.lastgroup[1:])], b.start(), b.end())
        return best

    def _defended(self, clause: str, words: str, at: int) -> bool:
        """Whether "by X" at ``at`` follows a defence word closely ("the shooting down of
        the missile by Ukraine"): then X defended."""
        if not fold(words).startswith("by ") or self.defence is None:
            return False
        return self.defence.search(clause[max(0, at - 40) : at]) is not None


def own_forces(aspect: Aspect, side: str) -> str | None:
    """The value of a folder's ``perpetrator`` aspect that names ``side``'s own forces (its id
    holds the country's stem, data/extract.yaml), or None.

    >>> own_forces(Aspect("perpetrator", AspectType.CATEGORY,
    ...     values={"ukrainian-forces": "", "russian-forces": ""}), "ukraine")
    'ukrainian-forces'
    """
    words = (_spec().get("countries") or {}).get(side)
    if not words:
        return None
    stem = str(words.get("stem", side))
    return next((v for v in aspect.values if stem in v), None)


def without_attackers(text: str) -> str:
    """``text`` with the phrases that name a side as the attacker blanked out ("Russian
    missiles", "Ukrainian troops today shelled"): a country named so is who fired, not
    whose institution speaks.

    >>> without_attackers("Russian troops today launched missiles, Ukrainian officials said")
    '                              missiles, Ukrainian officials said'
    """
    return _attackers().sub(lambda m: " " * len(m.group(0)), text)


@cache
def _attackers() -> re.Pattern[str]:
    spec = _spec()
    attack = [str(w) for w in spec.get("attack_nouns") or []]
    verbs = [str(w) for w in spec.get("attack_verbs") or []]
    alts = []
    for words in (spec.get("countries") or {}).values():
        adjectives = [str(w) for w in words.get("adjectives") or []]
        forces = [str(w) for w in words.get("forces") or []]
        alts.append(rf"(?:{_alt(adjectives)})\s+(?:{_alt(attack)})")
        alts.append(rf"(?:{_alt(forces)})\s+(?:\w+\s+)?(?:{_alt(verbs)})")
    if not alts:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?!\w)", re.IGNORECASE)


# Auxiliaries too common to gate a phrase on ("was behind" is looked for where "behind" is).
_AUXILIARIES = frozenset({"was", "were", "is", "are", "has", "have", "had", "be", "been"})


def _gate_word(phrase: str) -> str:
    """The word of ``phrase`` whose presence gates the search: its first, or the second after
    an auxiliary."""
    words = phrase.casefold().split()
    return words[1] if len(words) > 1 and words[0] in _AUXILIARIES else words[0]


def _alt(words: Sequence[object]) -> str:
    items = sorted({str(w) for w in words if str(w).strip()}, key=lambda s: (-len(s), s))
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in items) or "(?!x)x"


@cache
def _spec() -> dict[str, Any]:
    data = read_package_data("extract.yaml")
    return dict(data.get("perpetrators") or {})
