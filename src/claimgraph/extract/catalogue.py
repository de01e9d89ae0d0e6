"""The actor catalogue: the recurring parties of the war, as package data (data/actors.yaml).

Speakers resolve against the claims folder's ``parties.yaml`` first and
then against the catalogue; a catalogue actor a draft uses is defined in
that draft with its side, so the fact-checker confirms it instead of typing
it. A claims folder extends the catalogue with its own ``actors.yaml``
holding ``x-actors: {actors: {...}}`` (the key the claim loader leaves
alone), just as ``gazetteer.yaml`` extends the places.

>>> cat = Catalogue.default()
>>> len(cat.actors) >= 150
True
>>> cat.match("Russia’s defence ministry")
('russia-mod', 3)
>>> cat.match("Kramatorsk Mayor Oleksander Honcharenko")[0]
'kramatorsk-city-authorities'
>>> cat.match("Moscow")[0], cat.match("a Moscow court")
('russian-officials', None)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

from claimgraph.extract.datafile import read_data_file, read_package_data
from claimgraph.extract.names import NameIndex, name_key, title_words
from claimgraph.model import Party, slugify

__all__ = ["ACTORS_FILE", "Actor", "Catalogue", "another_given_name", "load_catalogue"]

ACTORS_FILE = "actors.yaml"

_WORD = re.compile(r"[\w.'-]+")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'"})

# A registered alias that is a person's name: two to four capitalised words
# with no word of an institution's name.
_PERSON = re.compile(
    r"(?!.*\b(?:Ministry|Forces?|Office|Staff|Agency|Service|Directorate|Army|Council|"
    r"Administration|Authorities|Government|Guard|Navy|Fleet|Command|News|Channel|Committee|"
    r"Republic|Federation|Oblast|Region|City|Police|Group|Media|Press|Times|Post)\b)"
    r"(?:[A-Z][\w'’-]+\s+){1,3}[A-Z][\w'’-]+"
)


@dataclass(frozen=True, slots=True)
class Actor:
    """One catalogue entry: the party, who speaks for it, what it governs."""

    party: Party
    people: tuple[str, ...] = ()
    place: str = ""
    whole: tuple[str, ...] = ()

    @property
    def names(self) -> list[str]:
        """Every name and title that points to the actor (not people)."""
        return [self.party.name, *self.party.aliases]

    @property
    def surnames(self) -> list[str]:
        """Each person's surname alone ("Honcharenko")."""
        return [
            words[-1]
            for words in (person.split() for person in self.people)
            if len(words) >= 2 and len(words[-1]) > 3
        ]

    @property
    def person_names(self) -> list[str]:
        """The people, and each one's surname alone."""
        return [*self.people, *self.surnames]


def _texts(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str | int | float) for v in value):
        raise ValueError(f"{where}: expected a list of names")
    return tuple(str(v) for v in value if str(v).strip())


@dataclass(slots=True)
class Catalogue:
    """Actors by id, with indexes of their names and of their people."""

    actors: dict[str, Actor] = field(default_factory=dict)
    _names: NameIndex | None = None
    _people: NameIndex | None = None

    @classmethod
    def default(cls) -> Catalogue:
        """The built-in catalogue (data/actors.yaml)."""
        return _builtin().copy()

    def copy(self) -> Catalogue:
        return Catalogue(dict(self.actors))

    def add(self, data: Any, path: str = ACTORS_FILE) -> None:
        """Add the actors of a mapping shaped like data/actors.yaml (later entries win)."""
        if isinstance(data, dict) and isinstance(data.get("x-actors"), dict):
            data = data["x-actors"]
        actors = data.get("actors") if isinstance(data, dict) else None
        if not isinstance(actors, dict):
            raise ValueError(
                f"{path}: an actor catalogue needs an 'actors:' (or 'x-actors: {{actors: ...}}') "
                "mapping of id -> {name, side, kind, aliases, people, place, whole}"
            )
        for key, spec in actors.items():
            actor_id = slugify(str(key))
            where = f"{path}: actor '{key}'"
            if not isinstance(spec, dict) or not actor_id:
                raise ValueError(f"{where}: expected a mapping with name and side")
            name, side = spec.get("name"), spec.get("side")
            if not isinstance(name, str) or not isinstance(side, str) or not slugify(side):
                raise ValueError(f"{where}: needs a name and a side")
            party = Party(
                actor_id,
                name,
                slugify(side),
                str(spec.get("kind") or ""),
                aliases=_texts(spec.get("aliases"), f"{where}: aliases"),
            )
            self.actors[actor_id] = Actor(
                party,
                _texts(spec.get("people"), f"{where}: people"),
                str(spec.get("place") or ""),
                _texts(spec.get("whole"), f"{where}: whole"),
            )
        self._names = self._people = None

    def read(self, path: Path) -> None:
        """Add the actors of a catalogue file (a claims folder's ``actors.yaml``)."""
        self.add(read_data_file(path), str(path))

    def indexes(self) -> tuple[NameIndex, NameIndex]:
        """The index of people's names and that of names and titles."""
        names, people = self._index()
        return people, names

    def _index(self) -> tuple[NameIndex, NameIndex]:
        if self._names is None or self._people is None:
            names, people = NameIndex(), NameIndex()
            # a surname two actors' people share ("Kuleba") names neither
            owners: dict[frozenset[str], set[str]] = {}
            for actor in self.actors.values():
                for surname in actor.surnames:
                    owners.setdefault(name_key(surname), set()).add(actor.party.id)
            for actor in self.actors.values():
                names.add(actor.party.id, actor.names, actor.whole)
                people.add(
                    actor.party.id,
                    [*actor.people] + [n for n in actor.surnames if len(owners[name_key(n)]) == 1],
                )
            self._names, self._people = names, people
        return self._names, self._people

    def match(self, phrase: str, skip: Iterable[str] = ()) -> tuple[str, int] | None:
        """The actor ``phrase`` names and the length of the name found.

        A person named in the phrase wins over a title ("Governor of the
        Kherson region Vladimir Saldo" is Saldo's party). A surname alone
        counts only after a title or nothing, never after another given name:

        >>> cat = Catalogue.default()
        >>> cat.match("Farmer Olena Petrenko") is None
        True
        >>> cat.match("spokeswoman Svetlana Petrenko")[0], cat.match("Petrenko")[0]
        ('russia-investigative-committee', 'russia-investigative-committee')
        """
        names, people = self._index()
        skipped = set(skip)
        for index in (people, names):
            hit = index.match(phrase)
            if hit is None or hit[0] in skipped:
                continue
            if index is people and hit[1] == 1 and self._another_given_name(phrase, hit[0]):
                continue
            return hit
        return None

    def _another_given_name(self, phrase: str, actor_id: str) -> bool:
        return another_given_name(phrase, self.actors[actor_id].people)

    def keys_of(self, actor_id: str) -> set[frozenset[str]]:
        """The name keys of an actor (its names, aliases and people)."""
        actor = self.actors[actor_id]
        return {k for k in map(name_key, [*actor.names, *actor.person_names]) if k}


def another_given_name(phrase: str, people: Iterable[str]) -> bool:
    """True if one of ``people``'s surnames stands in ``phrase`` after a given name not theirs.

    >>> another_given_name("Farmer Olena Petrenko", ["Svetlana Petrenko"])
    True
    >>> another_given_name("Governor Saldo", ["Vladimir Saldo"])
    False
    """
    given: dict[str, set[str]] = {}
    for person in people:
        words = person.split()
        if len(words) >= 2:
            given.setdefault(words[-1].casefold(), set()).update(w.casefold() for w in words[:-1])
    if not given:
        return False
    titles = title_words()
    words = _WORD.findall(phrase.translate(_APOSTROPHES))
    for before, word in zip(words, words[1:], strict=False):
        surname = word.casefold().removesuffix("'s")
        if surname in given and before[:1].isupper():
            first = before.casefold().rstrip(".")
            if first not in titles and first not in given[surname]:
                return True
    return False


def load_catalogue(claims_dir: Path | None = None) -> Catalogue:
    """The built-in catalogue, extended by ``claims_dir/actors.yaml`` when there is one.

    Raises ``ValueError`` (with the file's place) for a file that is not a catalogue.
    """
    cat = Catalogue.default()
    if claims_dir is not None and (claims_dir / ACTORS_FILE).is_file():
        cat.read(claims_dir / ACTORS_FILE)
    return cat


@cache
def _builtin() -> Catalogue:
    cat = Catalogue()
    cat.add(read_package_data(ACTORS_FILE), f"claimgraph/data/{ACTORS_FILE}")
    return cat


class SpeakerBook:
    """A claims folder's parties and the catalogue, as one place to look speakers up.

    A catalogue actor that shares a name with a registered party is that
    party (its names become the party's too); the others stand on their own.

    >>> reg = {"mod": Party("mod", "Russian Ministry of Defence", "russia")}
    >>> book = SpeakerBook(reg, Catalogue.default())
    >>> book.lookup("the Ministry of Defense of Russia"), book.lookup("Konashenkov")
    (('mod', False), ('mod', False))
    >>> book.lookup("Ukraine's air force")
    ('ukraine-air-force', True)
    """

    def __init__(self, parties: dict[str, Party], catalogue: Catalogue) -> None:
        self.parties = parties
        self.catalogue = catalogue
        self._memo: dict[str, tuple[str, bool] | None] = {}
        self.names = NameIndex()
        self.people = NameIndex()
        self._persons: dict[str, list[str]] = {}  # party id -> the people named for it
        for party in parties.values():
            names = [party.name, *party.aliases, party.id.replace("-", " ")]
            self.names.add(party.id, [n for n in names if not _PERSON.fullmatch(n)])
            persons = [n for n in names if _PERSON.fullmatch(n)]
            self.people.add(party.id, persons)
            self._persons.setdefault(party.id, []).extend(persons)
        own = dict(self.names.keys)
        own.update(self.people.keys)
        self.absorbed: dict[str, str] = {}
        for actor_id in catalogue.actors:
            if actor_id in parties:
                self.absorbed[actor_id] = actor_id
                continue
            shared: dict[str, int] = {}
            for key in catalogue.keys_of(actor_id):
                if key in own:
                    shared[own[key]] = shared.get(own[key], 0) + 1
            if shared:
                self.absorbed[actor_id] = max(sorted(shared), key=lambda p: shared[p])
        for actor_id, party_id in self.absorbed.items():
            actor = catalogue.actors[actor_id]
            self.names.add(party_id, actor.names, actor.whole)
            self.people.add(party_id, actor.person_names)
            self._persons.setdefault(party_id, []).extend(actor.people)

    def lookup(self, phrase: str) -> tuple[str, bool] | None:
        """The party ``phrase`` names and whether it comes from the catalogue.

        A person named wins over a title; then the longer name found; the
        claims folder's party on a tie.
        """
        if phrase in self._memo:
            return self._memo[phrase]
        found = self._lookup(phrase)
        if len(self._memo) < 4096:
            self._memo[phrase] = found
        return found

    def _lookup(self, phrase: str) -> tuple[str, bool] | None:
        cat_people, cat_names = self.catalogue.indexes()
        for own_index, cat_index in ((self.people, cat_people), (self.names, cat_names)):
            own = own_index.match(phrase)
            cat = cat_index.match(phrase)
            if cat is not None and cat[0] in self.absorbed:
                cat = None
            if own_index is self.people:  # a surname after another person's given name
                if own is not None and own[1] == 1:
                    if another_given_name(phrase, self._persons.get(own[0], ())):
                        own = None
                if cat is not None and cat[1] == 1:
                    if another_given_name(phrase, self.catalogue.actors[cat[0]].people):
                        cat = None
            if own is not None and (cat is None or own[1] >= cat[1]):
                return own[0], False
            if cat is not None:
                return cat[0], True
        return None

    def party(self, party_id: str) -> Party | None:
        """A registered party, or else a catalogue actor's party."""
        if party_id in self.parties:
            return self.parties[party_id]
        actor = self.catalogue.actors.get(party_id)
        return actor.party if actor is not None else None
