"""What the reader finds, and the state its rules share.

A :class:`Finding` is one aspect's value in a clause; :class:`_ReaderBase`
declares the state of :class:`claimgraph.extract.values.Reader` that the
per-aspect rules (:mod:`claimgraph.extract.counting`,
:mod:`claimgraph.extract.aspectrules`) read, and the aspect phrase lookup they
share.
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass

from claimgraph.extract.events import Gazetteer
from claimgraph.extract.lexicon import Lexicon, Phrases, fold
from claimgraph.extract.perpetrator import Perpetrators
from claimgraph.model import Aspect, Stance

__all__ = ["Finding"]


@dataclass(slots=True)
class Finding:
    """One answer found in a sentence: aspect, value (as it would be written), where."""

    aspect: str
    value: object
    start: int
    end: int
    stance: Stance = Stance.ASSERTS


@dataclass(frozen=True, slots=True)
class _CountRule:
    first_words: frozenset[str]
    aspects: tuple[str, ...]
    words: Phrases
    after: Phrases | None
    verbs: Phrases | None
    noun: bool
    # the verbs of the rules counting the same words otherwise ("four children, injured" is
    # no count of children killed when "killed" is further away)
    rival_verbs: Phrases | None = None


@dataclass(slots=True)
class _AspectIndex:
    regex: Phrases
    canonical: dict[str, str]
    first_words: frozenset[str] = frozenset()


class _ReaderBase:
    """The reader's state (its fields are :class:`~claimgraph.extract.values.Reader`'s)."""

    __slots__ = ()

    aspects: dict[str, Aspect]
    lex: Lexicon
    gazetteer: Gazetteer
    _index: dict[str, _AspectIndex]
    _counts: list[_CountRule]
    _weapon_names: dict[str, str]
    _present: AbstractSet[str]
    _weapon_first: frozenset[str]
    _gate: dict[str, frozenset[str]]
    _weapon_re: Phrases
    _weapon_generic: frozenset[str]
    _generic_aspects: tuple[tuple[str, Aspect], ...]
    _perpetrators: Perpetrators

    def _lookup(self, aspect: str, clause: str) -> list[tuple[re.Match[str], str]]:
        idx = self._index.get(aspect)
        if idx is None or self._present.isdisjoint(idx.first_words):
            return []
        hits = []
        for m in idx.regex.finditer(clause):
            value = idx.canonical.get(fold(m.group(1)))
            if value is None:
                value = self.aspects[aspect].canonical(m.group(1))
            hits.append((m, value))
        return hits
