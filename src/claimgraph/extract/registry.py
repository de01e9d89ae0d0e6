"""The parties and aspects of a claims folder, and finding a party by its names.

A :class:`Registry` knows the parties (names and aliases) and aspects of a
claims folder; :func:`norm` folds a phrase for alias lookup and
:func:`find_word` finds a whole word in a text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimgraph.extract.catalogue import Catalogue, SpeakerBook
from claimgraph.extract.lexicon import matches_at, trie_pattern
from claimgraph.extract.names import name_key
from claimgraph.model import Aspect, Corpus, Event, Party

__all__ = ["Registry", "find_word", "norm"]


_WORD = re.compile(r"\w+")


_QUOTE_MARKS = re.compile(r"[\"“”«»„]")


def find_word(text: str, word: str) -> tuple[int, int] | None:
    """Where ``word`` occurs in ``text`` as a whole word (not inside another), or None.

    >>> find_word("the theatre, the", "the")
    (0, 3)
    >>> find_word("theatre", "the") is None
    True
    """
    if not word:
        return None
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        before = text[at - 1] if at > 0 else " "
        after = text[end] if end < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return at, end
        at = text.find(word, at + 1)
    return None


def norm(text: str) -> str:
    """Fold a phrase for alias lookup: case, typographic apostrophes and quotes, spaces.

    >>> norm("  The  Occupiers’ ")
    "the occupiers'"
    """
    text = text.replace("’", "'").replace("‘", "'")
    if not text.isascii() or '"' in text:  # (of the marks, ASCII has only '"')
        text = _QUOTE_MARKS.sub("", text)
    return " ".join(text.casefold().split())


@dataclass(slots=True)
class Registry:
    """What the extractor knows about a claims folder: parties, aspects, events."""

    parties: dict[str, Party] = field(default_factory=dict)
    aspects: dict[str, Aspect] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    _alias_re: re.Pattern[str] | None = None
    _alias_to_party: dict[str, str] = field(default_factory=dict)
    _alias_first: frozenset[str] | None = None
    book: SpeakerBook | None = None  # the parties and the actor catalogue (see :meth:`attach`)

    @classmethod
    def from_parties(
        cls, parties: Iterable[Party], aspects: dict[str, Aspect] | None = None
    ) -> Registry:
        """A registry from parties built in memory (and optionally aspects)."""
        reg = cls({p.id: p for p in parties}, dict(aspects or {}))
        reg.index()
        return reg

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> Registry:
        """A registry from a loaded claims folder."""
        reg = cls(dict(corpus.parties), dict(corpus.aspects), dict(corpus.events))
        reg.index()
        return reg

    def index(self) -> None:
        """Build the alias index (call again after changing ``parties``)."""
        table: dict[str, str] = {}
        for party in self.parties.values():
            names = [party.name, *party.aliases]
            if "-" in party.id:
                names.append(party.id.replace("-", " "))
            for name in names:
                key = norm(name)
                if key.startswith("the "):
                    key = key[4:]
                if len(key) < 2:
                    continue
                table.setdefault(key, party.id)
        self._alias_to_party = table
        alts = sorted(table, key=lambda s: (-len(s), s))
        if alts:
            # (one trie, not an alternation of every alias: the same matches, the longest
            # alias first, without trying each alias at each place)
            body = trie_pattern(alts, hyphens=False)
            self._alias_re = re.compile(rf"(?<![\w-])({body})(?![\w-])")
        else:
            self._alias_re = None
        # where an alias can start: at a word that is an alias's first word
        # (None: some alias starts with a mark, so every place is tried)
        firsts = [_WORD.match(a) for a in alts]
        self._alias_first = (
            frozenset(f.group(0) for f in firsts if f is not None) if all(firsts) else None
        )

    def attach(self, catalogue: Catalogue) -> None:
        """Look speakers up in ``catalogue`` too, after the parties (call after :meth:`index`)."""
        self.book = SpeakerBook(self.parties, catalogue)
        catalogue.indexes()  # built once, not in the first report's time

    def lookup(self, phrase: str) -> tuple[str, bool] | None:
        """The party a phrase names as journalists write names (possessives, word order,
        spelling), in the parties and then the catalogue; and whether from the catalogue."""
        return self.book.lookup(phrase) if self.book is not None else None

    def stands_for_a_government(self, name: str) -> bool:
        """Whether a place's name is also a whole speaker: a capital that stands for its
        government ("Moscow said", "the Kyiv regime"), in the catalogue or the parties."""
        if self.book is None:
            return False
        key = name_key(name)
        return key in self.book.names.whole or key in self.book.catalogue.indexes()[1].whole

    def party(self, party_id: str) -> Party | None:
        """A registered party or a catalogue actor's party."""
        if party_id in self.parties:
            return self.parties[party_id]
        return self.book.party(party_id) if self.book is not None else None

    def find(self, phrase: str) -> str | None:
        """The party ``phrase`` names by an alias (:meth:`match`) or by :meth:`lookup`."""
        hit = self.match(phrase)
        if hit is not None:
            return hit[0]
        found = self.lookup(phrase)
        return found[0] if found is not None else None

    def _aliases_in(self, text: str) -> list[re.Match[str]]:
        """``_alias_re.finditer(text)``, tried only where an alias's first word starts."""
        if self._alias_re is None:
            return []
        if self._alias_first is None:
            return list(self._alias_re.finditer(text))
        first = self._alias_first
        starts = (w.start() for w in _WORD.finditer(text) if w.group(0) in first)
        return matches_at(self._alias_re, text, starts)

    def match(self, phrase: str) -> tuple[str, str] | None:
        """The party whose longest alias occurs in ``phrase``, with that alias.

        Possessives and case do not matter; among equally long aliases the
        rightmost wins (the head of "the adviser to the head of X, Y" is Y).
        """
        if self._alias_re is None:
            return None
        text = norm(phrase)
        best: tuple[int, int, str] | None = None
        for m in self._aliases_in(text):
            key = (len(m.group(1)), m.start(), m.group(1))
            if best is None or key[:2] > best[:2]:
                best = key
        if best is None:
            return None
        alias = " ".join(best[2].split())
        return self._alias_to_party[alias], alias
