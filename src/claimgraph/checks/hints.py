"""Hints for a mistyped id: the nearest known one, or the party a name or alias points to."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet

from claimgraph.model import Corpus, value_key
from claimgraph.problems import suggest


def alias_index(corpus: Corpus) -> dict[str, str]:
    """Folded party names and aliases -> party id (for did-you-mean hints).

    >>> from claimgraph.model import Party
    >>> c = Corpus(parties={"ukraine-intelligence": Party("ukraine-intelligence",
    ...     "Main Intelligence Directorate", "ukraine", aliases=("HUR", "GUR"))})
    >>> alias_index(c)["hur"]
    'ukraine-intelligence'
    """
    index: dict[str, str] = {}
    for party in corpus.parties.values():
        for name in (party.name, *party.aliases):
            index.setdefault(value_key(name), party.id)
            for word in value_key(name).split("-"):
                if len(word) > 3:
                    index.setdefault(word, party.id)
    return index


def nearest(word: str, choices: Iterable[str], limit: int = 500) -> str | None:
    """Like :func:`~claimgraph.problems.suggest`, but fast over many thousands of ids.

    Only ids sharing the longest possible prefix (or, failing that, a
    similar length) are compared, at most ``limit`` of them.

    >>> nearest("dzhankoi-aksyonov-injurd", ["dzhankoi-aksyonov-injured", "kyiv-x"])
    'dzhankoi-aksyonov-injured'
    """
    pool = choices if isinstance(choices, Mapping | AbstractSet | list | tuple) else list(choices)
    if len(pool) <= limit:
        return suggest(word, pool)
    for width in (16, 12, 8, 6, 4, 2):  # the longest shared prefix that finds any
        if width > len(word):
            continue
        near = [c for c in pool if c[:width] == word[:width]]
        if near:
            found = suggest(word, near[:limit])
            if found:
                return found
    return suggest(word, [c for c in pool if abs(len(c) - len(word)) <= 2][:limit])


def party_hint(raw: str, corpus: Corpus, aliases: Mapping[str, str]) -> str | None:
    """The party a mistyped reference most likely means: an alias, else the nearest id."""
    key = value_key(raw)
    if key in aliases:
        return aliases[key]
    return suggest(raw, corpus.parties) or (
        aliases[hit] if (hit := suggest(key, aliases)) else None
    )
