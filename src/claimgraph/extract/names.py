"""Names as journalists write them: one key per name, and speaker phrases told from fragments.

A name's *key* is the set of its words once case, apostrophes,
possessives, British/American spelling, demonyms and word order are folded
away (data/names.yaml), so that every way of writing an institution's name
gives the same key:

>>> name_key("Russia’s defence ministry") == name_key("the Ministry of Defense of Russia")
True
>>> name_key("the Russian Defence Ministry") == name_key("Russia's defense ministry")
True
>>> sorted(name_key("Kramatorsk Mayor"))
['kramatorsk', 'mayor']

A :class:`NameIndex` finds the longest known name inside a phrase
("30th May 2023 – (Moscow) Russia's defence ministry" holds the ministry);
:func:`is_speaker_phrase` tells a noun phrase from a clause fragment:

>>> is_speaker_phrase("Kramatorsk Mayor Oleksander Honcharenko")
True
>>> is_speaker_phrase("After widespread"), is_speaker_phrase("New Ukrainian")
(False, False)
>>> is_speaker_phrase("Ukrainian military did not directly confirm the strike but tacitly")
False
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, lru_cache

from claimgraph.extract.datafile import read_package_data

__all__ = [
    "NameIndex",
    "countries_in",
    "is_speaker_phrase",
    "name_key",
    "name_words",
    "person_named",
    "title_words",
]

_TOKEN = re.compile(r"\w+(?:[-'.]\w+)*'?")
_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "ʼ": "'"})
_QUOTES = re.compile(r"[\"“”«»„]")


@dataclass(frozen=True, slots=True)
class _Rules:
    phrases: re.Pattern[str] | None
    phrase_map: dict[str, str]
    words: dict[str, str]  # a word -> its one spelling (countries included)
    stopwords: frozenset[str]
    not_heads: frozenset[str]
    not_in_names: frozenset[str]
    not_first: frozenset[str]
    country_names: frozenset[str]
    message_heads: frozenset[str]


def _strings(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


@cache
def _rules() -> _Rules:
    data = read_package_data("names.yaml")
    phrase_map = {
        str(k).casefold(): str(v).casefold() for k, v in (data.get("phrases") or {}).items()
    }
    alts = sorted(phrase_map, key=lambda s: (-len(s), s))
    phrases = (
        re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(a) for a in alts) + r")(?![\w-])")
        if alts
        else None
    )
    words = {str(k).casefold(): str(v).casefold() for k, v in (data.get("spelling") or {}).items()}
    for country, forms in (data.get("countries") or {}).items():
        for form in _strings(forms):
            words[form.casefold()] = str(country).casefold()
    return _Rules(
        phrases,
        phrase_map,
        words,
        frozenset(w.casefold() for w in _strings(data.get("stopwords"))),
        frozenset(w.casefold() for w in _strings(data.get("not_heads"))),
        frozenset(w.casefold() for w in _strings(data.get("not_in_names"))),
        frozenset(w.casefold() for w in _strings(data.get("not_first"))),
        frozenset(str(c).casefold() for c in (data.get("countries") or {})),
        frozenset(w.casefold() for w in _strings(data.get("message_heads"))),
    )


# A run of capitalised words (a title and a name: "Russian President Vladimir Putin")
_CAPITALISED_WORD = r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)?"
_CAPITALISED_RUN = re.compile(rf"(?<![\w'’-]){_CAPITALISED_WORD}(?:\s+{_CAPITALISED_WORD})+")


def person_named(text: str) -> str:
    """The last person ``text`` names: two or three capitalised words after any title or
    country word, not opening the text, none a word no name holds (data/names.yaml
    ``not_person_words``, a country, a title); "" when it names none.

    >>> person_named("Near the crater, the BBC spoke to Kateryna Holoborod, sat on a case.")
    'Kateryna Holoborod'
    >>> person_named("Russian President Vladimir Putin is preparing a ceremony in Red Square.")
    'Vladimir Putin'
    >>> person_named("The convoy was hit on Friday.")
    ''
    """
    if not any(ch.isupper() for ch in text[1:]):
        return ""
    not_names = _not_person_words()
    titles = title_words()
    found = ""
    for m in _CAPITALISED_RUN.finditer(text):
        words = m.group(0).split()
        if m.start() == 0:
            words = words[1:]  # (the text's first word is capitalised anyway)
        while words and (words[0].casefold() in titles or countries_in(words[0])):
            words = words[1:]
        if not 2 <= len(words) <= 3:
            continue
        if any(w.casefold() in not_names or w.casefold() in titles for w in words):
            continue
        if countries_in(" ".join(words)):
            continue
        found = " ".join(words)
    return found


@cache
def _not_person_words() -> frozenset[str]:
    data = read_package_data("names.yaml")
    return frozenset(w.casefold() for w in _strings(data.get("not_person_words")))


@cache
def title_words() -> frozenset[str]:
    """Titles that may stand before a surname (data/names.yaml ``titles``), case-folded."""
    return frozenset(w.casefold() for w in _strings(read_package_data("names.yaml").get("titles")))


def _fold(phrase: str) -> str:
    text = _QUOTES.sub(" ", phrase.translate(_APOSTROPHES).casefold())
    return " ".join(text.split())


def name_words(phrase: str) -> list[str]:
    """The words of ``phrase`` that make its key, in order (spellings and demonyms folded).

    >>> name_words("the Ministry of Defence of the Russian Federation")
    ['ministry', 'defense', 'russia']
    """
    return list(_name_words(phrase))


@lru_cache(maxsize=8192)
def _name_words(phrase: str) -> tuple[str, ...]:
    """The words of ``phrase`` that make its key, in order (spellings and demonyms folded).

    >>> name_words("the Ministry of Defence of the Russian Federation")
    ['ministry', 'defense', 'russia']
    """
    rules = _rules()
    text = _fold(phrase)
    if rules.phrases is not None:
        text = rules.phrases.sub(lambda m: rules.phrase_map[m.group(0)], text)
    out = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        word = rules.words.get(word, word)
        if word.endswith("'s"):
            word = word[:-2]
        word = word.rstrip("'")
        word = rules.words.get(word, word)
        if word and word not in rules.stopwords:
            out.append(word)
    return tuple(out)


def countries_in(text: str) -> list[str]:
    """The countries ``text`` names by name, adjective or possessive, in order, once each.

    >>> countries_in("Russian air defences destroyed drones over Ukraine's border")
    ['russia', 'ukraine']
    """
    rules = _rules()
    out: list[str] = []
    for m in _TOKEN.finditer(_fold(text)):
        word = rules.words.get(m.group(0), m.group(0))
        word = rules.words.get(word.removesuffix("'s"), word.removesuffix("'s"))
        if word in rules.country_names and word not in out:
            out.append(word)
    return out


@lru_cache(maxsize=8192)
def name_key(phrase: str) -> frozenset[str]:
    """The key of a name: its folded words as a set (word order does not matter)."""
    return frozenset(_name_words(phrase))


# Words that open a verb's object ("updated the toll", "hit a school").
_OBJECT_START = frozenset({"the", "a", "an", "its", "their", "his", "her"})


@lru_cache(maxsize=8192)
def is_speaker_phrase(words: str) -> bool:
    """Whether ``words`` can be a speaker: a noun phrase, not a clause fragment.

    A fragment starts with a preposition or subordinator ("After ..."),
    holds a verb or a negation ("... did not confirm ..."), or ends with
    a word no name ends with: an adjective ("New Ukrainian"), a
    possessive ("Russia's") or an adverb ("tacitly"); a past tense followed by
    its object ("updated the death toll") is a clause too.

    >>> is_speaker_phrase("Rescuers later updated the death toll"), is_speaker_phrase("the mayor")
    (False, True)
    """
    rules = _rules()
    tokens = [w.strip('.,;:()[]"“”«»') for w in words.translate(_APOSTROPHES).split()]
    tokens = [w for w in tokens if w]
    raw = [w.casefold() for w in tokens]
    if not raw:
        return False
    if raw[0] in rules.not_first:
        return False
    # (a capitalised word is a name's: "May" in a date, not the verb)
    pairs = zip(raw, tokens, strict=True)
    if any(w in rules.not_in_names for w, t in pairs if not t[:1].isupper()):
        return False
    # a past tense with its object: "Rescuers later updated the death toll ..."
    if any(
        w.endswith("ed") and not t[:1].isupper() and nxt in _OBJECT_START
        for w, t, nxt in zip(raw, tokens, raw[1:], strict=False)
    ):
        return False
    last = raw[-1]
    if last in rules.not_heads or last.endswith("'s") or last in rules.message_heads:
        return False
    original_last = words.strip(" .,;:").rsplit(None, 1)[-1] if words.strip(" .,;:") else ""
    return not (original_last.islower() and last.endswith("ly") and len(last) > 4)


@dataclass(slots=True)
class NameIndex:
    """Party ids by name key; finds the longest known name inside a phrase."""

    keys: dict[frozenset[str], str] = field(default_factory=dict)
    whole: dict[frozenset[str], str] = field(default_factory=dict)
    longest: int = 0

    def add(self, party: str, names: Iterable[str], whole: Iterable[str] = ()) -> None:
        """Index ``names`` (matched anywhere in a phrase) and ``whole`` names
        (matched only as the whole phrase: "Moscow said"). The first party
        to claim a key keeps it."""
        for name in names:
            key = name_key(name)
            if key:
                self.keys.setdefault(key, party)
                self.longest = max(self.longest, len(name_words(name)))
        for name in whole:
            key = name_key(name)
            if key:
                self.whole.setdefault(key, party)

    def party_of(self, key: frozenset[str]) -> str | None:
        return self.keys.get(key)

    def match(self, phrase: str) -> tuple[str, int] | None:
        """The party of the longest name in ``phrase`` (rightmost among equals) and its length.

        >>> ix = NameIndex()
        >>> ix.add("ru-mod", ["Ministry of Defence of Russia"])
        >>> ix.add("ru-gov", [], whole=["Moscow"])
        >>> ix.match("30th May 2023 – (Moscow) Russia’s defence ministry")
        ('ru-mod', 3)
        >>> ix.match("Moscow"), ix.match("a Moscow court")
        (('ru-gov', 1), None)
        """
        words = _name_words(phrase)
        if not words:
            return None
        whole = self.whole.get(frozenset(words))
        if whole is not None and whole != self.keys.get(frozenset(words)):
            return whole, len(words)
        for size in range(min(self.longest + 2, len(words)), 0, -1):
            for start in range(len(words) - size, -1, -1):
                party = self.keys.get(frozenset(words[start : start + size]))
                if party is not None:
                    return party, size
        return None
