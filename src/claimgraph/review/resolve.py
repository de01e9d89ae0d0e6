"""Who is this speaker? One seam for every place that knows parties.

A speaker's words ("HUR spokesman Andriy Yusov", "Russia") are resolved by a
list of :class:`PartySource` objects, tried in order; the first that matches
wins. :func:`sources_for` builds the list a claims folder uses: its
registry (``parties.yaml``: names and aliases), then the actor catalogue
(built in, extended by the folder's ``actors.yaml``), for ``drafts rematch``
and the ``extract`` summary's hints.

>>> from claimgraph.model import Party
>>> reg = RegistrySource([Party("ukraine-intelligence", "Ukrainian intelligence (HUR)",
...                             "ukraine", "intelligence", aliases=("HUR", "Andriy Yusov"))])
>>> m = resolve("HUR spokesman Andriy Yusov", [reg])
>>> m.party.id, m.alias, m.registered
('ukraine-intelligence', 'andriy yusov', True)
>>> [h.party.id for h in nearest("Ukrainian military intelligence", [reg])]
['ukraine-intelligence']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Protocol

from claimgraph.errors import UsageError
from claimgraph.extract.attribution import Registry, norm
from claimgraph.extract.catalogue import Catalogue
from claimgraph.model import Aspect, Corpus, Party, slugify

__all__ = [
    "Hint",
    "Match",
    "PartySource",
    "RegistrySource",
    "aspect_named",
    "party_named",
    "nearest",
    "resolve",
    "snippet",
    "sources_for",
]


@dataclass(frozen=True, slots=True)
class Match:
    """A speaker resolved to a party.

    ``registered``: the party is defined in the claims folder (a draft only
    needs to point at it); otherwise (a catalogue party) the draft must carry
    its definition, and ``drafts rematch`` writes it there.
    """

    party: Party
    alias: str
    source: str
    registered: bool = True


@dataclass(frozen=True, slots=True)
class Hint:
    """A party near a speaker's words, for a person to choose from."""

    party: Party
    score: float
    source: str


class PartySource(Protocol):
    """Somewhere parties are known: the claims folder's registry, the actor catalogue."""

    label: str

    def match(self, words: str) -> Match | None:
        """The party these words name, or None."""

    def parties(self) -> Iterable[Party]:
        """Every party this source knows (for :func:`nearest`)."""


class RegistrySource:
    """The claims folder's parties, matched by name and aliases as ``extract`` matches them."""

    label = "registry"

    def __init__(self, parties: Iterable[Party]) -> None:
        self._registry = Registry.from_parties(
            p for p in parties if p.side != UNKNOWN_SIDE and not p.id.startswith("unknown-")
        )

    def match(self, words: str) -> Match | None:
        hit = self._registry.match(words)
        if hit is None:
            key = slugify(words)
            party = self._registry.parties.get(key)
            return Match(party, key, self.label) if party is not None else None
        party_id, alias = hit
        return Match(self._registry.parties[party_id], alias, self.label)

    def parties(self) -> Iterable[Party]:
        return self._registry.parties.values()


UNKNOWN_SIDE = "unknown"


class CatalogueSource:
    """The actor catalogue (built in, extended by the folder's ``actors.yaml``).

    A catalogue party the folder has not registered comes with ``registered``
    false, so that a draft carries its definition for the fact-checker to confirm.
    """

    label = "catalogue"

    def __init__(self, catalogue: Catalogue, registered: Iterable[str]) -> None:
        self.catalogue = catalogue
        self._registered = set(registered)

    def match(self, words: str) -> Match | None:
        hit = self.catalogue.match(words)
        if hit is None:
            return None
        party = self.catalogue.actors[hit[0]].party
        return Match(party, words, self.label, registered=party.id in self._registered)

    def parties(self) -> Iterable[Party]:
        return (actor.party for actor in self.catalogue.actors.values())


def sources_for(corpus: Corpus, catalogue: Catalogue | None = None) -> list[PartySource]:
    """The party sources of a claims folder, in the order they are tried.

    The registry first (the folder's own judgement wins), then the actor
    catalogue when one is given.
    """
    sources: list[PartySource] = [RegistrySource(corpus.parties.values())]
    if catalogue is not None:
        sources.append(CatalogueSource(catalogue, corpus.parties))
    return sources


def resolve(words: str, sources: Sequence[PartySource]) -> Match | None:
    """The first source's party for ``words``, or None when no source knows them."""
    for source in sources:
        found = source.match(words)
        if found is not None:
            return found
    return None


_WORD = re.compile(r"\w+")
_STOP = frozenset(
    "the of a an and in on at for to by from with said says spokesman spokesperson press "
    "head official officials".split()
)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(norm(text)) if w not in _STOP and len(w) > 1}


def _similar(a: str, b: str) -> float:
    """How alike two names are: shared word stems, or a near-identical spelling.

    >>> _similar("Russia's defence ministry", "Ministry of Defence of the Russian Federation")
    0.75
    >>> _similar("Kyiv city authorities", "Kyiv city authority")
    1.0
    """
    wa, wb = _words(a), _words(b)
    shared = sum(1 for w in wa if any(w[:5] == v[:5] for v in wb))
    score = shared / max(len(wa), len(wb)) if wa and wb else 0.0
    ratio = difflib.SequenceMatcher(None, norm(a), norm(b)).ratio()
    return max(score, ratio if ratio >= 0.8 else 0.0)


STRONG = 0.7
"""A hint at least this near is offered as the party to add an alias to, and its side."""


def nearest(
    words: str, sources: Sequence[PartySource], n: int = 3, cutoff: float = 0.5
) -> list[Hint]:
    """Up to ``n`` parties whose id, name or an alias is near ``words``, best first."""
    best: dict[str, Hint] = {}
    for source in sources:
        for party in source.parties():
            names = [party.id.replace("-", " "), party.name, *party.aliases]
            score = max(_similar(words, name) for name in names)
            if score >= cutoff and (party.id not in best or best[party.id].score < score):
                best[party.id] = Hint(party, round(score, 3), source.label)
    return sorted(best.values(), key=lambda h: (-h.score, h.party.id))[:n]


def _quoted(text: str) -> str:
    from claimgraph.io.yaml_write import dump

    return dump({"k": text})[3:].rstrip("\n")


def snippet(words: str, hints: Sequence[Hint], taken: Iterable[str] = ()) -> list[str]:
    """A ``parties.yaml`` entry for an unregistered speaker, ready to paste under ``parties:``.

    The side and kind are the nearest party's when there is one (a guess to
    check, said so in a comment); the words become the alias that
    ``drafts rematch`` will match.

    >>> print("\\n".join(snippet("Russia", [])))
      russia:
        name: Russia
        side: unknown  # choose the side: russia, ukraine, independent, international
        kind: unknown
        aliases: [Russia]
    """
    taken = set(taken)
    base = slugify(words)[:48].strip("-") or "party"
    pid, k = base, 2
    while pid in taken:
        pid, k = f"{base}-{k}", k + 1
    strong = hints[0].party if hints and hints[0].score >= STRONG else None
    lines = []
    if strong is not None:
        lines.append(f"  # or add {_quoted(words)} to the aliases of {strong.id}")
    lines += [f"  {pid}:", f"    name: {_quoted(words)}"]
    if strong is not None:
        lines.append(f"    side: {strong.side}  # as {strong.id}: check it")
        lines.append(f"    kind: {strong.kind}")
    else:
        lines.append(
            "    side: unknown  # choose the side: russia, ukraine, independent, international"
        )
        lines.append("    kind: unknown")
    lines.append(f"    aliases: [{_quoted(words)}]")
    return lines


# ---------------------------------------------------------------------------
# Names given on the command line (--party, --aspect)

# Words people use for a question that is not their name ("casualties").
ASPECT_WORDS: dict[str, tuple[str, ...]] = {
    "casualties": ("killed", "injured"),
    "casualty": ("killed", "injured"),
    "victims": ("killed", "injured"),
    "dead": ("killed",),
    "deaths": ("killed",),
    "death-toll": ("killed",),
    "fatalities": ("killed",),
    "wounded": ("injured",),
    "injuries": ("injured",),
    "hurt": ("injured",),
    "weapons": ("weapon",),
    "weaponry": ("weapon",),
    "munition": ("weapon",),
    "targets": ("target",),
    "destruction": ("damage",),
    "damaged": ("damage",),
    "place": ("location",),
    "where": ("location",),
    "reason": ("cause",),
    "why": ("cause",),
    "intercepted": ("interception",),
    "air-defence": ("interception",),
}


def _did_you_mean(kind: str, wanted: str, hints: Sequence[str]) -> UsageError:
    hints = list(dict.fromkeys(hints))
    extra = ""
    if hints:
        extra = " (did you mean " + " or ".join(f"'{h}'" for h in hints[:3]) + "?)"
    return UsageError(f"unknown {kind} '{wanted}'{extra}")


def party_named(wanted: str, parties: Iterable[Party]) -> str:
    """The id of the party ``wanted`` names: its id, its name or an alias (case folded).

    Raises :class:`~claimgraph.errors.UsageError` with the nearest ids otherwise.

    >>> hur = Party("ukraine-hur", "Ukrainian military intelligence", "ukraine", aliases=("HUR",))
    >>> party_named("hur", [hur])
    'ukraine-hur'
    >>> party_named("ukraine-hurr", [hur])
    Traceback (most recent call last):
    ...
    claimgraph.errors.UsageError: unknown party 'ukraine-hurr' (did you mean 'ukraine-hur'?)
    """
    parties = list(parties)
    ids = {p.id for p in parties}
    if wanted in ids:
        return wanted
    key = norm(wanted)
    names: dict[str, str] = {}
    for p in parties:
        for name in (p.name, *p.aliases):
            names.setdefault(norm(name), p.id)
    if key in names:
        return names[key]
    hints = difflib.get_close_matches(wanted, sorted(ids), n=1, cutoff=0.6)
    hints += [names[n] for n in difflib.get_close_matches(key, sorted(names), n=1, cutoff=0.6)]
    hints += [h.party.id for h in nearest(wanted, [RegistrySource(parties)], n=2, cutoff=STRONG)]
    raise _did_you_mean("party", wanted, hints)


def aspect_named(wanted: str, aspects: Iterable[Aspect]) -> str:
    """The id of the aspect ``wanted`` names: its id or its label (case folded).

    Raises :class:`~claimgraph.errors.UsageError` with the nearest aspects
    (by spelling, or by meaning: "casualties" → killed, injured) otherwise.

    >>> from claimgraph.model import AspectType
    >>> aspects = [Aspect("killed", AspectType.COUNT), Aspect("injured", AspectType.COUNT)]
    >>> aspect_named("Killed", aspects)
    'killed'
    >>> aspect_named("casualties", aspects)
    Traceback (most recent call last):
    ...
    claimgraph.errors.UsageError: unknown aspect 'casualties' (did you mean 'killed' or 'injured'?)
    """
    aspects = list(aspects)
    ids = {a.id for a in aspects}
    if wanted in ids:
        return wanted
    labels = {norm(a.label): a.id for a in aspects if a.label}
    key = norm(wanted)
    if key in ids:
        return key
    if key in labels:
        return labels[key]
    meant = [a for a in ASPECT_WORDS.get(slugify(wanted), ()) if a in ids]
    hints = meant + difflib.get_close_matches(key, sorted(ids), n=3, cutoff=0.6)
    hints += [labels[n] for n in difflib.get_close_matches(key, sorted(labels), n=3, cutoff=0.6)]
    raise _did_you_mean("aspect", wanted, hints)
