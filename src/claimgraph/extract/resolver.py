"""Speakers' words resolved to parties: a :class:`Resolver` and the phrase clean-up it uses.

A :class:`Resolver` turns the speaker's words (found by
:mod:`claimgraph.extract.attribution`) into a :class:`Speaker` of a party,
carrying the most recent speaker forward for pronouns and "the message", "the
channel"; :func:`clean_subject` and :func:`owner_of` trim the words first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimgraph.extract.lexicon import Lexicon, lexicon
from claimgraph.extract.names import is_speaker_phrase
from claimgraph.extract.registry import Registry, find_word, norm
from claimgraph.model import slugify

__all__ = ["Resolver", "Speaker", "clean_subject", "owner_of"]


# Words trailing a subject that are not part of its name ("X also said").
_TRAILERS = frozenset(
    "also first later earlier then already still again previously just has have had was "
    "were is are would will had been once further too itself themselves himself herself "
    "officially publicly traditionally repeatedly immediately reportedly allegedly even "
    "only now today yesterday subsequently similarly meanwhile in turn for his her part "
    "separately initially originally promptly swiftly formally briefly recently falsely "
    "wrongly mistakenly erroneously baselessly groundlessly cynically".split()
)


_INTRO_WORDS = frozenset(
    "on in at after before during later earlier meanwhile since for as and but so yet "
    "also then however moreover besides separately recall note by around over some "
    "in-addition".split()
)


# The words that make a time an intro ("a day after", "hours before").
_TIME_BOUNDS = frozenset({"after", "before", "since", "following"})


_NAME = re.compile(r"\b((?:[A-Z][\w'’-]+\.?\s+){1,3}[A-Z][\w'’-]+)\s*$")


# The same without the leading word boundary, so that the regex engine can skip
# to capitals; :func:`_name_at_end` checks the boundary itself.
_NAME_FAST = re.compile(r"((?:[A-Z][\w'’-]+\.?\s+){1,3}[A-Z][\w'’-]+)\s*$")


def _name_at_end(text: str) -> re.Match[str] | None:
    """``_NAME.search(text)``, faster: a capitalised name of 2-4 words ending ``text``.

    >>> _name_at_end("the mayor of the city, Alexei Kulemzin ").group(1)
    'Alexei Kulemzin'
    >>> _name_at_end("an iPhone Maker") is None, _name_at_end("iPhone Maker Apple").group(1)
    (True, 'Maker Apple')
    """
    # a name of two to four words ends the text: it starts at the fourth word from the end
    # at the earliest, so the words before that are not tried
    parts = text.rsplit(None, 4)
    pos = text.find(parts[1], len(parts[0])) if len(parts) == 5 else 0
    while True:
        m = _NAME_FAST.search(text, pos)
        if m is None:
            return None
        at = m.start()
        if at == 0 or not (text[at - 1].isalnum() or text[at - 1] == "_"):
            return m
        pos = at + 1


_INSTITUTION = re.compile(
    r"\b(Ministry|Force|Forces|Office|Staff|Agency|Service|Directorate|Army|"
    r"Council|Movement|Channel|Defense|Defence|Republic|Federation|Wind|News)\b"
)


_ARTICLE = re.compile(r"^(?:the|a|an)\s+", re.IGNORECASE)


# "... as Russia (reports)", "... while Kyiv (says)": a new, named (capitalised) subject
_SUBORDINATE = re.compile(r"(?<![Ww]ell )\b(?:as|while|whereas)\s+(?=[A-Z])")


_CITING = re.compile(r",?\s*\b(?:citing|quoting|referring\s+to)\b[^,]*,?", re.IGNORECASE)


_NOTE_THAT = re.compile(r"^(?:note|recall|notably|remember)\s+that\s+", re.IGNORECASE)


_CONJ = re.compile(r"^(?:and|but|so|yet|while|whereas)\s+", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: a party id (``unknown`` when none matched) and the words used."""

    party: str
    words: str
    person: str = ""
    matched: bool = True
    anonymous: bool = False  # "a source at the plant": what it says is second-hand


class Resolver:
    """Turns speakers' words into parties, remembering recent speakers for anaphora."""

    def __init__(self, registry: Registry, lex: Lexicon | None = None) -> None:
        self.registry = registry
        self.lex = lex or lexicon()
        self.recent: list[Speaker] = []
        # a person named since the last speaker ("the BBC spoke to Kateryna Holoborod"): who
        # a following "she said" is
        self.mentioned: Speaker | None = None

    def remember(self, speaker: Speaker) -> None:
        self.recent.append(speaker)
        del self.recent[:-8]
        self.mentioned = None

    def mention(self, name: str) -> None:
        """A person's name in a sentence that attributes nothing: "he" or "she" after it is
        that person, not the last speaker."""
        hit = self.registry.match(name)
        if hit is not None:
            self.mentioned = Speaker(hit[0], name, name, True)
        else:
            self.mentioned = Speaker(f"unknown-{slugify(name)[:48].strip('-')}", name, name, False)

    @property
    def last(self) -> Speaker | None:
        return self.recent[-1] if self.recent else None

    def _side(self, party: str) -> str:
        p = self.registry.party(party)
        return p.side if p is not None else ""

    def is_anaphor(self, words: str) -> bool:
        key = norm(words)
        return key in self.lex.anaphora or key.split(" ", 1)[0] in {"he", "she", "they"}

    def resolve(self, words: str) -> Speaker | None:
        """The speaker ``words`` name, or None when they name no one (and nothing is recent)."""
        words = owner_of(clean_subject(words))
        if not words or norm(words) in self.lex.not_speakers:
            return self.last if words else None
        person = _person(words)
        hit = self.registry.match(words)
        if hit is not None:
            party, _alias = hit
            last = self.last
            if (
                norm(words) in self.lex.epithets
                and last is not None
                and last.matched
                and last.party != party
                and self._side(last.party) == self._side(party)
            ):
                return last  # "the occupiers", right after the Russian MoD: the MoD
            return Speaker(party, words, person, True)
        # "the governor" after "governor Oleg Synegubov", "the ministry" after "Russia's
        # defence ministry" (even with the mayor in between): a definite phrase whose head
        # word occurs in a recent speaker's words or party name.
        key = norm(words)
        if key.startswith("the ") and len(key.split()) <= 4:
            head = key.split()[-1]
            for prev in reversed(self.recent):
                known = self.registry.party(prev.party)
                said = norm(prev.words) + " " + (norm(known.name) if known is not None else "")
                if find_word(said, head) is not None:
                    return prev
        if self.is_anaphor(words):
            if self.mentioned is not None and key in ("he", "she"):
                return self.mentioned
            return self.last
        if len(key.split()) > 14 or not is_speaker_phrase(words):
            return None  # a clause fragment is nobody: the words stay unattributed
        found = self.registry.lookup(words)
        if found is not None:
            return Speaker(found[0], words, person, True)
        name = person if person and "," in words else _unknown_name(words)
        slug = slugify(name)[:48].strip("-")
        if not slug:
            return None  # punctuation only: nobody
        return Speaker(f"unknown-{slug}", name, person, False)


_MESSAGE_ON = re.compile(
    r"^(?:an?|the|his|her|their|its)\s+(?:[\w-]+\s+){0,2}?(?:post|statement|message|video|update|"
    r"publication|address)s?\s+(?:on|in|by|from|to)\s+(?P<rest>.+)$",
    re.IGNORECASE,
)


_OWNER_CHANNEL = re.compile(
    r"^(?P<x>.+?)(?:'s|’s)\s+(?:official\s+)?(?:telegram\s+channel|channel|press\s+service|"
    r"press\s+office|website|account|page|statement|post|spokesperson|spokesman|spokeswoman)$",
    re.IGNORECASE,
)


_CHANNEL_OF = re.compile(
    r"^(?:the\s+)?(?:official\s+)?(?:press\s+service|press\s+office|telegram\s+channel|"
    r"website|account)\s+of\s+(?P<x>.+)$",
    re.IGNORECASE,
)


_CHANNEL_WORDS = re.compile(
    r"post|statement|message|video|update|publication|address|channel|press|website|account|"
    r"page|spokes",
    re.IGNORECASE,
)


# The words of _CHANNEL_WORDS, when it is an alternation of lowercase ASCII words (else
# none, and the regex is used): ASCII text holds one of them, ignoring case, exactly when
# its lower-cased form contains it.
_CHANNEL_LIST = tuple(_CHANNEL_WORDS.pattern.split("|"))
if not all(w.isascii() and w.isalpha() and w.islower() for w in _CHANNEL_LIST):
    _CHANNEL_LIST = ()


def _has_channel_word(words: str) -> bool:
    """``_CHANNEL_WORDS.search(words) is not None``, faster for ASCII text."""
    if _CHANNEL_LIST and words.isascii():
        low = words.lower()
        return any(w in low for w in _CHANNEL_LIST)
    return _CHANNEL_WORDS.search(words) is not None


def owner_of(words: str) -> str:
    """Who speaks through a channel or message: "a post on the ministry's Telegram channel"
    is the ministry's ("the ministry"), "the press service of the SBU" the SBU's.

    >>> owner_of("a post on the ministry's Telegram channel")
    'the ministry'
    >>> owner_of("the press service of the Belgorod governor")
    'the Belgorod governor'
    """
    if not _has_channel_word(words):
        return words
    m = _MESSAGE_ON.match(words)
    if m:
        words = m.group("rest")
    for pattern in (_OWNER_CHANNEL, _CHANNEL_OF):
        m = pattern.match(words)
        if m:
            return m.group("x").strip()
    return words


def _person(words: str) -> str:
    """The named person in a speaker phrase ("the mayor of Kyiv, Vitali Klitschko" → the name)."""
    parts = [p.strip() for p in words.split(",") if p.strip()]
    for part in reversed(parts):
        m = _name_at_end(part)
        if m:
            name = m.group(1)
            if len(name.split()) >= 2 and not _INSTITUTION.search(name):
                return name
    return ""


def _unknown_name(words: str) -> str:
    """The words to name an unregistered speaker by: the phrase without leading fillers."""
    text = words.strip(' ,.;:"“”«»')
    text = _cut_start(_ARTICLE, text)
    return text[:1].upper() + text[1:] if text else text


def _cut_start(regex: re.Pattern[str], text: str) -> str:
    """``regex.sub("", text)`` for a regex that matches only at the start (``^``, without
    MULTILINE): the one match there cut off, without the machinery of ``sub``."""
    m = regex.match(text)
    return text[m.end() :] if m is not None else text


def clean_subject(words: str) -> str:
    """Drop intro phrases and trailing adverbs from a subject.

    >>> clean_subject("On Telegram, the mayor of Kyiv, Vitali Klitschko, ")
    'the mayor of Kyiv, Vitali Klitschko'
    >>> clean_subject("Later, he also")
    'he'
    >>> clean_subject("Note that the General Staff")
    'the General Staff'
    >>> clean_subject("Glide bombs kill 3 in Zaporizhzhia as Russia")
    'Russia'
    """
    text = words.strip(" ,;:").lstrip("-–—•* ")
    folded = text.casefold()
    if "cit" in folded or "quot" in folded or "referr" in folded:  # cheaper than the regex
        text = _CITING.sub("", text)
    text = _cut_start(_NOTE_THAT, text)
    text = _cut_start(_CONJ, text)
    parts = [p.strip() for p in text.split(",")]
    # Drop leading intro segments ("On Telegram", "Later", "In turn").
    while len(parts) > 1:
        first = parts[0].split()
        if not first:
            parts.pop(0)
            continue
        w0 = first[0].casefold()
        # ("A day after the strike, ...", "Hours before the attack, ...": an intro too)
        timed = len(first) > 2 and any(w.casefold() in _TIME_BOUNDS for w in first[1:3])
        if w0 in _INTRO_WORDS or w0.endswith("ly") or (len(first) == 1 and w0 != "he") or timed:
            parts.pop(0)
        else:
            break
    text = ", ".join(p for p in parts if p)
    # "Glide bombs kill 3 in Zaporizhzhia as Russia (reports)": the subject is
    # the short clause after the last conjunction
    cuts = (
        list(_SUBORDINATE.finditer(text))
        if "as" in text or "while" in text or "whereas" in text
        else []
    )
    if cuts and len(text[: cuts[-1].start()].split()) >= 3:
        rest = text[cuts[-1].end() :]
        if 0 < len(rest.split()) <= 5:
            text = rest
    tokens = text.split()
    while tokens and tokens[-1].casefold().strip(",") in _TRAILERS:
        tokens.pop()
    while len(tokens) > 1 and tokens[0].casefold() in {"in", "for", "his", "her", "part"}:
        tokens.pop(0)
    return " ".join(tokens).strip(" ,")
