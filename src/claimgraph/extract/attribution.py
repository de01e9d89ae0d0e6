"""Who says it: attribution cues in a sentence, and speakers resolved to parties.

A :class:`Registry` knows the parties (names and aliases) and aspects of a
claims folder. :func:`find_attribution` finds the cue in one sentence ("X
said that ...", "according to X, ...", '"...," X wrote', "X: '...'") and
splits it into the speaker's words and the content; a :class:`Resolver`
turns the speaker's words into a party, carrying the most recent speaker
forward for pronouns and "the message", "the channel".

>>> from claimgraph.model import Party
>>> reg = Registry.from_parties([Party("mod", "Ministry of Defence", "russia",
...                                    aliases=("Russian Ministry of Defense",))])
>>> att = find_attribution("The Russian Ministry of Defense said that ten missiles were shot down.")
>>> att.speaker, att.content_text
('The Russian Ministry of Defense', 'ten missiles were shot down.')
>>> Resolver(reg).resolve(att.speaker).party
'mod'
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from claimgraph.extract.catalogue import Catalogue, SpeakerBook
from claimgraph.extract.lexicon import Lexicon, lexicon, matches_at, text_words
from claimgraph.extract.names import is_speaker_phrase, name_key
from claimgraph.extract.sentences import CLOSING, OPENING, QUOTES, _quote_role
from claimgraph.model import Aspect, Corpus, Event, Party, slugify

__all__ = ["Attribution", "Registry", "Resolver", "Speaker", "find_attribution", "norm"]

# Words that, just before a speech verb, show it is a noun ("reports from").
_NOUN_BEFORE = frozenset(
    "a an the by of from these those their his her its in on with to for and our your "
    "such this that recent earlier latest new".split()
)
# Words trailing a subject that are not part of its name ("X also said").
_TRAILERS = frozenset(
    "also first later earlier then already still again previously just has have had was "
    "were is are would will had been once further too itself themselves himself herself "
    "officially publicly traditionally repeatedly immediately reportedly allegedly even "
    "only now today yesterday subsequently similarly meanwhile in turn for his her part "
    "separately".split()
)
# Auxiliaries that make a following participle passive ("was posted").
_AUX = frozenset("was were is are be been being".split())
# First words of a speaker phrase after the verb (", said the governor").
_SPEAKER_START = frozenset("the a an his her their its he she they local regional".split())
_INTRO_WORDS = frozenset(
    "on in at after before during later earlier meanwhile since for as and but so yet "
    "also then however moreover besides separately recall note by around over some "
    "in-addition".split()
)
_TITLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:occupying|russian-appointed|regional|local|former|acting|deputy|"
    r"head|mayor|governor|minister|spokesman|spokeswoman|spokesperson|adviser|advisor|"
    r"chief|commander|president|prime|secretary|chairman|director|general|colonel|"
    r"national|security|american|ukrainian|russian|defence|defense|foreign|interior|"
    r"of|the|to|and|\"|“|”)\s+)+",
    re.IGNORECASE,
)
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
    pos = 0
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
# An apposition after a name: "a senior Russian-installed official in Donetsk", "the mayor"
_APPOSITION = re.compile(r"(?:(?:a|an|the)\s+)?[a-z]")
_FROM_WHOM = re.compile(
    r"\s+(?:from|by)\s+((?:the\s+)?[A-Z][^,.;:]{0,60}?)(?=\s+(?:to|on|about|over|regarding)\b|[,.;:]|$)"
)
_THERE_WAS = re.compile(
    r"(?:there(?:\s+(?:was|were|has\s+been|have\s+been|is|are))?|)", re.IGNORECASE
)
_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|also|later|earlier|previously|then))+$")
_OPENS_QUOTE = re.compile(rf"\s*[{OPENING}]")
_COLON_QUOTE = re.compile(rf"\s*([^:{OPENING}{CLOSING}]{{2,80}}):\s*[{OPENING}]")
_PUNCT = re.compile(r"[,.;]")
_ACCORDING_WHO = re.compile(r"([^,.;:]+?)(?=\s*(?:,|\.|;|:|$|\bthat\b))")
_RELATIVE_START = re.compile(r"(?:whom|which|who)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?<!\w)(?:which|who|whom)(?!\w)", re.IGNORECASE)
_DECLINE_AUX = re.compile(
    r"\s+(?:are|is|was|were|have|has|had|also|still|so\s+far|yet)\s*$", re.IGNORECASE
)
_DECLINE_AUX2 = re.compile(r"\s+(?:are|is|was|were|have|has|had)\s*$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+by\s+((?:\S+\s+){0,7}\S+)")
_THAT_OR_END = re.compile(r"\s*(?:that\b|,|$)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;]|$)")
# "... as Russia (reports)", "... while Kyiv (says)": a new, named (capitalised) subject
_SUBORDINATE = re.compile(r"(?<![Ww]ell )\b(?:as|while|whereas)\s+(?=[A-Z])")
# A headline's speaker after a dash at its end: "..., two civilians killed - Saldo".
_DASH_SPEAKER = re.compile(r"\s[-–—]\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$")
# "Videos published on social media show ...": the platform the evidence is on.
# (The words after it, to a comma: the registry finds the platform's name in them.)
_ON_PLATFORM = re.compile(r"\s+(?:on|in)\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)")
_PUBLISHED = frozenset({"published", "posted", "shared", "circulated", "uploaded"})
_ANAPHOR_TAIL = re.compile(r"\s*(?:on|in|during|at|from|to|via|while|when|alongside|referring)\b")
_ADVERBIAL_TAIL = re.compile(
    r"\s*(?i:on|in|at|late|early|this|last|during|as\s+of|earlier|later|overnight|yesterday|today"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^,;:]{0,40}[.!]?\s*"
)

_WORD = re.compile(r"\w+")
_QUOTE_MARKS = re.compile(r"[\"“”«»„]")
_CITING = re.compile(r",?\s*\b(?:citing|quoting|referring\s+to)\b[^,]*,?", re.IGNORECASE)
_NOTE_THAT = re.compile(r"^(?:note|recall|notably|remember)\s+that\s+", re.IGNORECASE)
_CONJ = re.compile(r"^(?:and|but|so|yet|while|whereas)\s+", re.IGNORECASE)


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
            body = "|".join(r"\s+".join(re.escape(w) for w in a.split()) for a in alts)
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


@dataclass(frozen=True, slots=True)
class Speaker:
    """A resolved speaker: a party id (``unknown`` when none matched) and the words used."""

    party: str
    words: str
    person: str = ""
    matched: bool = True
    anonymous: bool = False  # "a source at the plant": what it says is second-hand


@dataclass(slots=True)
class Attribution:
    """The attribution cue of one sentence.

    ``speaker`` is the speaker's words ("" for an agentless cue, or a
    pronoun to carry forward); ``content`` the character range of what is
    attributed, relative to the sentence.
    """

    text: str
    speaker: str
    content: tuple[int, int]
    cue: str
    verb: str = ""
    second_hand: bool = False
    recipient: str = ""  # "X told *the channel Baza* that ...": who was told

    def __post_init__(self) -> None:
        self.speaker = self.speaker.strip(" ,;:")

    @property
    def content_text(self) -> str:
        return self.text[self.content[0] : self.content[1]].strip()


class Resolver:
    """Turns speakers' words into parties, remembering recent speakers for anaphora."""

    def __init__(self, registry: Registry, lex: Lexicon | None = None) -> None:
        self.registry = registry
        self.lex = lex or lexicon()
        self.recent: list[Speaker] = []

    def remember(self, speaker: Speaker) -> None:
        self.recent.append(speaker)
        del self.recent[:-8]

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


def owner_of(words: str) -> str:
    """Who speaks through a channel or message: "a post on the ministry's Telegram channel"
    is the ministry's ("the ministry"), "the press service of the SBU" the SBU's.

    >>> owner_of("a post on the ministry's Telegram channel")
    'the ministry'
    >>> owner_of("the press service of the Belgorod governor")
    'the Belgorod governor'
    """
    if _CHANNEL_WORDS.search(words) is None:
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
    text = _ARTICLE.sub("", text)
    return text[:1].upper() + text[1:] if text else text


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
    text = _NOTE_THAT.sub("", text)
    text = _CONJ.sub("", text)
    parts = [p.strip() for p in text.split(",")]
    # Drop leading intro segments ("On Telegram", "Later", "In turn").
    while len(parts) > 1:
        first = parts[0].split()
        if not first:
            parts.pop(0)
            continue
        w0 = first[0].casefold()
        if w0 in _INTRO_WORDS or w0.endswith("ly") or (len(first) == 1 and w0 != "he"):
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


def _closing_quote(text: str, i: int) -> int:
    """Index of the mark closing the quotation opened at ``i``, or -1."""
    depth = 0
    for j in range(i, len(text)):
        if text[j] in QUOTES:
            role = _quote_role(text, j, depth)
            if role > 0:
                depth += 1
            elif role < 0 and depth > 0:
                depth -= 1
                if depth == 0:
                    return j
    return -1


_ACCORDING = re.compile(
    r"(?<!\w)(?:according\s+to|as\s+(?:reported|stated|said)\s+by|in\s+the\s+words\s+of)\s+",
    re.IGNORECASE,
)
_AS_REPORTED = re.compile(
    r"^\s*(?:\w+\s*,\s*)?as\s+(?P<x>[^,]{2,80}?)\s+(?:\w+\s+)?(?P<v>\w+)\s*,", re.IGNORECASE
)
_THAT = re.compile(r"(?<!\w)that(?!\w)", re.IGNORECASE)
_REPORTED_BY = re.compile(
    r"\s*(?P<it>this|it|that|the\s+news|this\s+information)\s+(?:was|were|has\s+been|is)\s+"
    r"(?P<v>reported|announced|stated|said|confirmed|written)\s+by\s+(?P<x>[^.;:]{2,120}?)\s*[.!]?\s*$",
    re.IGNORECASE,
)
_QUOTED_AS = re.compile(
    r"\b(?:quoted|cited)\s+(?P<y>[^,;:.]{2,80}?)\s+as\s+(?:saying|stating|telling\s+\S+)\s*"
    r"(?:that\s+)?",
    re.IGNORECASE,
)


def find_attribution(
    sentence: str, lex: Lexicon | None = None, *, headline: bool = False
) -> Attribution | None:
    """The attribution cue of ``sentence``, or None when it attributes nothing.

    ``headline``: the sentence is the report's first (a headline may name its
    speaker after a dash at the end).

    >>> a = find_attribution('"It was a drone," the governor said.')
    >>> a.speaker, a.content_text, a.cue
    ('the governor', 'It was a drone,', 'quote')
    >>> a = find_attribution("Ten people were injured, said governor Oleg Synegubov.")
    >>> a.speaker, a.content_text
    ('governor Oleg Synegubov', 'Ten people were injured')
    >>> find_attribution("According to him, air defence worked.").speaker
    'him'
    >>> find_attribution("The sky was clear.") is None
    True
    """
    lex = lex or lexicon()
    text = sentence
    present = text_words(text)
    firsts = lex.firsts
    second = not present.isdisjoint(firsts["second_hand"]) and bool(lex.second_hand.search(text))

    # '"...," X said.' — the quotation first, the speaker after it.
    m = _OPENS_QUOTE.match(text)
    if m:
        close = _closing_quote(text, m.end() - 1)
        if close > 0:
            rest = text[close + 1 :]
            v = lex.speech_verb.search(rest)
            if v and len(rest[: v.start()].split()) <= 10 and rest[: v.start()].strip(" ,.") != "":
                return Attribution(
                    text,
                    rest[: v.start()].strip(" ,."),
                    (m.end(), close),
                    "quote",
                    v.group(1),
                    second,
                )
            if v and rest[: v.start()].strip(" ,.") == "":
                after = rest[v.end() :]
                who = _PUNCT.split(after, maxsplit=1)[0]
                return Attribution(text, who.strip(), (m.end(), close), "quote", v.group(1), second)

    # 'X: "..."'
    m = _COLON_QUOTE.match(text)
    if m and len(m.group(1).split()) <= 10:
        return Attribution(text, m.group(1), (m.end(), len(text)), "colon", "", second)

    # A headline: "..., two civilians killed - Saldo" (no full stop at the end;
    # below the headline such a line is more likely a photo caption's credit).
    m = _DASH_SPEAKER.search(text) if headline else None
    if m and text.rstrip()[-1:] not in '.!?…"”»' and len(text[: m.start()].split()) >= 3:
        return Attribution(text, m.group(1), (0, m.start()), "verb", "", second)

    # "according to X, ..." / "..., according to X."
    # (each form needs its words: "according", "as ... by", "words")
    m = (
        _ACCORDING.search(text)
        if "according" in present or "words" in present or ("as" in present and "by" in present)
        else None
    )
    if m:
        tail = text[m.end() :]
        x = _ACCORDING_WHO.match(tail)
        who = x.group(1) if x else ""
        end_x = m.end() + (x.end() if x else 0)
        before = text[: m.start()]
        if who and not _RELATIVE_START.match(tail) and not is_speaker_phrase(clean_subject(who)):
            # "according to the latest reports, ..., as reported by BELTA": no speaker here
            who = ""
            m = None
    if m:
        if _RELATIVE_START.match(tail):
            return Attribution(text, "he", (0, len(text)), "according-to", "", second)
        if who and not before.strip(" ,") or _only_intro(before):
            start = end_x
            while start < len(text) and text[start] in " ,":
                start += 1
            return Attribution(text, who, (start, len(text)), "according-to", "", second)
        if who:
            return Attribution(text, who, (0, len(before.rstrip(" ,"))), "according-to", "", second)

    # "as X reported, ..."
    m = _AS_REPORTED.match(text)
    if m and lex.speech_verb.fullmatch(m.group("v")):
        return Attribution(
            text, m.group("x"), (m.end(), len(text)), "as-reported", m.group("v"), second
        )

    # Silence: "X have not yet commented", "X are in no hurry to comment".
    m = lex.decline.search(text) if not present.isdisjoint(firsts["declines"]) else None
    if m:
        subject = _DECLINE_AUX.sub("", text[: m.start()])
        subject = _DECLINE_AUX2.sub("", subject)
        # "There was no immediate response from Kyiv": the one named after "from"
        source = _FROM_WHOM.match(text, m.end())
        if source is not None and _THERE_WAS.fullmatch(subject.strip()):
            subject = source.group(1)
        return Attribution(text, subject, (0, len(text)), "declines", m.group(0), second)

    # "This was reported by the head of the regional administration X.": X said the above.
    m = _REPORTED_BY.match(text) if "by" in present else None
    if m:
        return Attribution(
            text, m.group("x"), (0, m.end("it")), "reported-by", m.group("v"), second
        )

    # "Interfax quoted the ministry as saying (that) ...": the one quoted speaks, second-hand.
    m = _QUOTED_AS.search(text) if "quoted" in present or "cited" in present else None
    if m:
        return Attribution(text, m.group("y"), (m.end(), len(text)), "verb", "said", True)

    # "X said (that) ...", "..., X said", "..., said X".
    for v in lex.speech_verb.finditer(text):
        att = _verb_attribution(text, v, lex, second)
        if att is not None:
            return att

    # "X's statement says", "the message says" are covered above; agentless passives:
    if not present.isdisjoint(firsts["passive_cues"]) and lex.passive.search(text):
        return Attribution(text, "", (0, len(text)), "passive", "", True)
    return None


def _only_intro(before: str) -> bool:
    words = before.strip(" ,").split()
    return 0 < len(words) <= 4 and words[0].casefold() in _INTRO_WORDS


def _verb_attribution(
    text: str, v: re.Match[str], lex: Lexicon, second: bool
) -> Attribution | None:
    before = text[: v.start()]
    after = text[v.end() :]
    prev_words = [w.casefold().strip(",") for w in before.split()]
    prev = prev_words[-1] if prev_words else ""
    if prev in _NOUN_BEFORE and not before.rstrip().endswith(","):
        return None
    # "footage was posted", "was said to": a passive names no speaker here.
    aux = [w for w in prev_words[-3:] if w not in _TRAILERS or w in _AUX]
    if aux and aux[-1] in _AUX:
        return None
    # "Videos published on social media show ...": the platform is the source.
    if v.group(1).casefold() in _PUBLISHED and prev_words and lex.evidence_any.tags(before):
        on = _ON_PLATFORM.match(after)
        if len(prev_words) <= 3 and on:
            return Attribution(text, on.group(1), (0, len(text)), "by-agent", v.group(1), True)
    # "Photos published by the occupation authorities": the agent speaks.
    by = _BY_AGENT.match(after)
    if by and prev not in _AUX and not before.rstrip().endswith(","):
        return Attribution(text, by.group(1), (0, len(text)), "by-agent", v.group(1), second)
    # ", said X." — the verb right after a comma, the speaker after it.
    inverted = v.group(1).casefold() in lex.inverted_verbs
    if inverted and before.rstrip().endswith(",") and not _THAT_OR_END.match(after):
        who = _PUNCT.split(after, maxsplit=1)[0]
        first = who.split()[0] if who.split() else ""
        speakerlike = any(w[:1].isupper() for w in who.split()) or (
            first.casefold() in _SPEAKER_START
        )
        if (
            speakerlike
            and 0 < len(who.split()) <= 8
            and not lex.speech_verb.search(who)
            and is_speaker_phrase(who)  # "X, the governor, said the port was damaged"
        ):
            end = len(before.rstrip().rstrip(","))
            return Attribution(text, who.strip(), (0, end), "verb", v.group(1), second)
    # Relative clause: "..., which the Russian army says it is repelling".
    rel = list(_RELATIVE.finditer(before))
    if rel and "," not in before[rel[-1].end() :]:
        subject = before[rel[-1].end() :]
        cleaned = clean_subject(subject)
        if 0 < len(cleaned.split()) <= 8:
            # the words are the relative clause: "which the army says it is repelling"
            stop = text.find(",", v.end())
            end = stop if stop > 0 else len(text)
            return Attribution(text, subject, (rel[-1].start(), end), "verb", v.group(1), second)
        return None
    subject = before
    if rel:
        # a closed parenthetical ", who has just been reappointed," is no part of the name
        r = rel[-1]
        # (the comma that closes it is followed by a space: not the one in "600,000")
        close = next((i for i in range(r.end(), len(before)) if before.startswith(", ", i)), -1)
        if close < 0:
            close = before.index(",", r.end())
        subject = before[: r.start()] + before[close + 1 :]
    # "..., X said." / "..., X said, referring to ..." — post-posed attribution.
    b = _AUX_TAIL.sub("", before.rstrip())  # "..., Denis Pushilin, ..., has said."
    if b.endswith(","):
        b = b[:-1]  # "..., the mayor of the city, Alexei Kulemzin, said."
    cut = b.rfind(",")
    if cut > 0 and _NAME.fullmatch(b[cut + 1 :].strip()):
        # an apposition: "the Russian-installed mayor of the city, Alexei Kulemzin"
        prev_cut = b.rfind(",", 0, cut)
        title = b[prev_cut + 1 : cut].strip()
        if prev_cut > 0 and title[:1].islower() and len(title.split()) <= 10:
            cut = prev_cut
    elif cut > 0 and _APPOSITION.match(b[cut + 1 :].strip()):
        # "..., Daniil Bezsonov, a senior Russian-installed official in Donetsk, said."
        prev_cut = b.rfind(",", 0, cut)
        if prev_cut > 0 and _NAME.fullmatch(b[prev_cut + 1 : cut].strip()):
            cut = prev_cut
    if cut > 0:
        tail = b[cut + 1 :]
        # (a name with its apposition may run longer)
        longest = 16 if "," in tail else 8
        tail_ok = 0 < len(tail.split()) <= longest and not lex.speech_verb.search(tail)
        ends = (
            _CLAUSE_END.match(after)
            or (norm(clean_subject(tail)) in lex.anaphora and _ANAPHOR_TAIL.match(after))
            # "..., local officials said on Monday." — a short adverbial to the end
            or _ADVERBIAL_TAIL.fullmatch(after)
        )
        content_words = len(b[:cut].split())
        if (
            tail_ok
            and ends
            and not _THAT.match(after.strip())
            and content_words >= 2
            and not _only_intro(b[:cut])
        ):
            return Attribution(
                text, tail, (0, len(before[:cut].rstrip(" ,"))), "verb", v.group(1), second
            )
    cleaned = clean_subject(subject)
    n = len(cleaned.split())
    # "It said that ...": the institution just quoted (the resolver carries it), not "it is said"
    institution = norm(cleaned) == "it" and norm(subject) in ("it", "it also")
    if n == 0 or n > 14 or (norm(cleaned) in lex.not_speakers and not institution):
        return None
    # "X said (on his Telegram channel) that ...": content after "that" if near.
    start = v.end()
    t = _THAT.search(after)
    gap = after[: t.start()] if t else ""
    if t and len(gap.split()) <= 10 and "." not in gap and not lex.speech_verb.search(gap):
        start = v.end() + t.end()
    while start < len(text) and text[start] in " ,:":
        start += 1
    told = gap.strip(" ,") if start > v.end() else ""
    if start >= len(text.rstrip(" .")):
        return Attribution(text, subject, (0, len(text)), "verb", v.group(1), second, told)
    return Attribution(text, subject, (start, len(text)), "verb", v.group(1), second, told)
