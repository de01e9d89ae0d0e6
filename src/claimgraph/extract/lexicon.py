"""The extractor's vocabulary (data/extract.yaml), compiled into regular expressions once."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from itertools import filterfalse
from typing import Any

import yaml

__all__ = [
    "GatedRegex",
    "Lexicon",
    "Phrases",
    "forget_words",
    "gated",
    "lexicon",
    "line_matches",
    "matches_at",
    "phrase_regex",
    "phrases",
    "text_words",
    "words",
]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def words(items: Iterable[object]) -> list[str]:
    """The non-empty strings of a YAML list, longest first (so alternations prefer them).

    A YAML boolean (an unquoted ``no`` or ``on``) is refused: it is a word lost.

    >>> words(["a", "bc"])
    ['bc', 'a']
    """
    items = list(items)
    for x in items:
        if isinstance(x, bool):
            raise ValueError(f"{x!r} in a word list: quote words such as 'no' and 'on' in YAML")
    out = {str(x).strip() for x in items if str(x).strip()}
    return sorted(out, key=lambda s: (-len(s), s))


def trie_pattern(phrases: Iterable[str], *, hyphens: bool = True) -> str:
    """One regex for many phrases, with shared prefixes factored out (fast to match).

    Spaces and hyphens between words match any run of spaces and hyphens.
    With ``hyphens=False`` the phrases are taken as written (not case-folded), a
    hyphen is a letter of its word and spaces match any run of spaces. Where one
    phrase begins another, the longer is tried first: at any place the regex
    matches what the alternation of the phrases, longest first, would.

    >>> trie_pattern(["said", "says", "say"])
    'sa(?:id|y(?:s)?)'
    >>> trie_pattern(["kyiv-based", "kyiv city"], hyphens=False)
    'kyiv(?:\\\\s+city|\\\\-based)'
    """
    gap = r"[\s-]+" if hyphens else r"\s+"
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        words = re.split(r"[\s-]+", phrase.casefold().strip()) if hyphens else phrase.split()
        for ch in " ".join(words):
            node = node.setdefault(ch, {})
        node[""] = {}

    # Built bottom-up with an explicit stack: a long phrase (a 1,500-character
    # alias) must not cost one Python frame per character.
    built: dict[int, str] = {}
    stack: list[tuple[dict[str, Any], bool]] = [(trie, False)]
    while stack:
        node, ready = stack.pop()
        children = [node[k] for k in sorted(k for k in node if k)]
        if not ready:
            stack.append((node, True))
            stack.extend((child, False) for child in children)
            continue
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            head = gap if ch == " " else re.escape(ch)
            alts.append(head + built.pop(id(node[ch])))
        if not alts:
            built[id(node)] = ""
        elif len(alts) == 1 and not end:
            built[id(node)] = alts[0]
        else:
            built[id(node)] = "(?:" + "|".join(alts) + ")" + ("?" if end else "")
    return built[id(trie)]


def phrase_regex(
    phrases: Iterable[object], *, capture: bool = False, plural: bool = False
) -> re.Pattern[str]:
    """One case-insensitive regex matching any of ``phrases`` as whole words.

    >>> bool(phrase_regex(["no comment"]).search("There was No  comment."))
    True
    >>> bool(phrase_regex(["said"]).search("unsaid"))
    False
    >>> phrase_regex(["air defence", "air"], capture=True).search("the Air-Defence worked").group(1)
    'Air-Defence'
    """
    items = words(phrases)
    if not items:
        return re.compile(r"(?!x)x")
    body = trie_pattern(items)
    group = f"({body})" if capture else f"(?:{body})"
    if plural:
        group += "(?:e?s)?"
    return re.compile(rf"\b(?<![\w-]){group}(?!\w)", re.IGNORECASE)


_WORD = re.compile(r"\w+")

# What the phrase lists need to know of each text of the report being read
# (see :func:`text_words` and :func:`folded_text`).
_TEXTS: dict[str, _Text] = {}
_TEXTS_MAX = 512
# Shorter texts are cheaper to scan than to look up.
_GATE_MIN = 40
# Punctuation around a word ("said,", "«wait»", "(Reuters)"): no character a word has.
_EDGE_PUNCT = "".join(
    ch for ch in "!\"#$%&'()*+,-./:;<=>?@[\\]^`{|}~«»“”„‘’—–…" if not _WORD.match(ch)
)
# Characters whose case folding agrees with the regex engine's case-insensitive
# matching (ASCII, Latin-1 but for the micro sign, Cyrillic, general punctuation).
# A text with any other character is matched the slow way.
_ODD_CASE = re.compile(r"[^\x00-\xb4\xb6-\xff\u0400-\u04ff\u2000-\u206f]")


def _folds_plainly(text: str, folded: str) -> bool:
    """Whether ``folded`` (``text`` case-folded) keeps every character in its place and
    folds it as the regex engine's case-insensitive matching does."""
    # (ASCII text folds as the regex engine matches: no need to look)
    return len(folded) == len(text) and (text.isascii() or _ODD_CASE.search(text) is None)


class _Text:
    """One text's words (case-folded), its folded form, and where words start in it."""

    __slots__ = ("_at", "folded", "words")

    def __init__(self, text: str) -> None:
        folded = text.casefold()
        # the words (\w runs): split on spaces, and split again the few
        # pieces that hold punctuation ("said,", "«wait"); the pieces
        # themselves stay too, harmless since no phrase's word has punctuation
        words = set(folded.split())
        marked = list(filterfalse(str.isalnum, words))  # (the loop in C)
        for piece in marked:
            # most such pieces are one word between punctuation ("said,", "«wait"):
            # that word is the piece's only \w run; the others are split by the regex
            inner = piece.strip(_EDGE_PUNCT)
            if inner.isalnum():
                words.add(inner)
            elif inner:
                words.update(_WORD.findall(inner))
        if not text.isascii() and ("ı" in text or "İ" in text):
            # ignoring case, the regex engine takes dotless and dotted i for "i" (casefolding
            # keeps them apart, the one class of letters where the two differ): the words
            # with "i" in their place too
            words.update(_Text(text.replace("ı", "i").replace("İ", "i")).words)
        self.words: AbstractSet[str] = words
        # (ASCII text folds as the regex engine matches: no need to look)
        # None where offsets in the folded text are not the text's own
        self.folded = folded if _folds_plainly(text, folded) else None
        self._at: dict[str, list[int]] = {}

    def where(self, word: str) -> list[int]:
        """The offsets where the whole word ``word`` (case-folded) starts; needs ``folded``."""
        got = self._at.get(word)
        if got is None:
            folded = self.folded or ""
            got = []
            end = len(folded)
            size = len(word)
            find = folded.find
            i = find(word)
            # (the tests of _is_word, written out: this loop runs for every word looked for)
            while i >= 0:
                j = i + size
                if (i == 0 or not ((c := folded[i - 1]).isalnum() or c == "_")) and (
                    j >= end or not ((c := folded[j]).isalnum() or c == "_")
                ):
                    got.append(i)
                i = find(word, i + 1)
            self._at[word] = got
        return got


def matches_at(regex: re.Pattern[str], text: str, starts: Iterable[int]) -> list[re.Match[str]]:
    """``regex.finditer(text)`` when every match can only begin at one of ``starts`` (ascending).

    The regex is tried at those places alone; as with ``finditer``, a match
    that would begin inside the previous one is skipped.

    >>> [m.group() for m in matches_at(re.compile(r"ab|b"), "ab b", [0, 1, 3])]
    ['ab', 'b']
    """
    found: list[re.Match[str]] = []
    end = 0
    for at in starts:
        if at < end:
            continue
        m = regex.match(text, at)
        if m is not None:
            found.append(m)
            end = max(m.end(), at + 1)
    return found


def line_matches(
    regex: re.Pattern[str], text: str, endpos: int | None = None
) -> list[re.Match[str]]:
    """``regex.finditer(text, 0, endpos)`` for a regex whose every match begins at a line's
    start (``(?m)^...``): tried only there, not at every character.

    >>> [m.group() for m in line_matches(re.compile(r"(?m)^Note:"), "Note: a\\nb Note:\\nNote:")]
    ['Note:', 'Note:']
    """
    stop = len(text) if endpos is None else min(endpos, len(text))
    found: list[re.Match[str]] = []
    find = text.find
    match = regex.match
    at = 0
    end = 0
    while at < stop:
        if at >= end:
            m = match(text, at, stop)
            if m is not None:
                found.append(m)
                end = max(m.end(), at + 1)
        i = find("\n", at, stop)
        if i < 0:
            break
        at = i + 1
    return found


def _is_word(ch: str) -> bool:
    """True for a character ``\\w`` matches."""
    return ch.isalnum() or ch == "_"


def _text(text: str) -> _Text:
    got = _TEXTS.get(text)
    if got is None:
        got = _Text(text)
        if len(_TEXTS) >= _TEXTS_MAX:
            _TEXTS.clear()
        _TEXTS[text] = got
    return got


def text_words(text: str) -> AbstractSet[str]:
    """The words of ``text``, case-folded (memoised for the texts of one report).

    One report's sentences and clauses are asked about by dozens of phrase
    lists, and split once. :func:`forget_words` empties the memo (the
    extractor does so for each report).

    >>> sorted(w for w in text_words("Two Drones, two") if w.isalnum())
    ['drones', 'two']
    """
    return _text(text).words


def folded_text(text: str) -> str | None:
    """``text`` case-folded, when every character keeps its place and folds as the regex
    engine's case-insensitive matching does; else None (memoised like :func:`text_words`).

    >>> folded_text("Kyiv «Air-Defence»"), folded_text("Straße"), folded_text("\u212a")
    ('kyiv «air-defence»', None, None)
    """
    return _text(text).folded


def forget_words() -> None:
    """Empty the memo of :func:`text_words` and :func:`folded_text` (a new report begins)."""
    _TEXTS.clear()


class Phrases:
    """A :func:`phrase_regex` made fast for the many short texts of a report.

    Three shortcuts, each giving the same matches as the regex itself:

    - Most sentences contain none of a list's words: a set test on the
      sentence's words (:func:`text_words`, split once per text) is far
      cheaper than scanning it. The test skips only texts the regex cannot
      match: a match starts at a whole word that is, case-folded, the first
      word of one of the phrases.
    - For the same reason, when every phrase begins with a word, the regex
      is tried only where one of those first words starts (a dozen places
      at most), not at every character.
    - Otherwise the case-folded text (:func:`folded_text`) is scanned with
      the regex made case-sensitive (its phrases are case-folded already),
      about twice as fast as ignoring case, and each hit is matched again,
      ignoring case, at the same place in the real text.

    Match objects are always the real text's. Where folding could disagree
    with the regex engine (characters that fold oddly), the regex is used
    as it is.

    >>> p = phrases(["no comment", "declined to comment"])
    >>> bool(p.search("The ministry Declined   to comment on the strike.")), p.search("Quiet.")
    (True, None)
    """

    __slots__ = ("anchored", "first", "folded", "pattern", "regex")

    def __init__(
        self, regex: re.Pattern[str], first: frozenset[str] | None, *, anchored: bool = False
    ) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        self.folded = re.compile(regex.pattern, regex.flags & ~re.IGNORECASE)
        # None: some phrase has no word to look for, so never skip
        self.first = first
        # every match starts where one of the first words starts
        self.anchored = anchored and first is not None

    def _places(self, info: _Text, present: AbstractSet[str]) -> list[int]:
        """Where a match can start, in order (``present``: the first words the text holds)."""
        if len(present) == 1:
            for word in present:
                return info.where(word)
        places: list[int] = []
        for word in present:
            places += info.where(word)
        places.sort()
        return places

    def _gate(self, text: str) -> tuple[_Text, list[int] | None]:
        """The text's words and where a match can start: ``[]`` when none can, None when
        the text must be scanned (not anchored, or folding disagrees with the engine)."""
        info = _TEXTS.get(text)
        if info is None:
            info = _text(text)
        first = self.first
        if first is not None:
            if self.anchored and info.folded is not None:
                # (one set operation both skips the text and gives the words to try)
                present = first.intersection(info.words)
                return info, self._places(info, present) if present else []
            if first.isdisjoint(info.words):
                return info, []
        return info, None

    def search(self, text: str) -> re.Match[str] | None:
        if len(text) < _GATE_MIN:
            return self.regex.search(text)
        info, places = self._gate(text)
        if places is not None:
            match = self.regex.match
            for at in places:
                m = match(text, at)
                if m is not None:
                    return m
            return None
        if info.folded is None:
            return self.regex.search(text)
        m = self.folded.search(info.folded)
        if m is None:
            return None
        real = self.regex.match(text, m.start())
        if real is None or real.end() != m.end():
            return self.regex.search(text)  # never seen; the regex decides
        return real

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if len(text) < _GATE_MIN:
            return self.regex.finditer(text)
        info, places = self._gate(text)
        if places is not None:
            return iter(matches_at(self.regex, text, places))
        if info.folded is None:
            return self.regex.finditer(text)
        found = []
        for m in self.folded.finditer(info.folded):
            real = self.regex.match(text, m.start())
            if real is None or real.end() != m.end():
                return self.regex.finditer(text)  # never seen; the regex decides
            found.append(real)
        return iter(found)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.regex.match(text, pos)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        return self.regex.fullmatch(text)


class GatedRegex:
    """A regex searched in a window of a text, skipped without a scan when the window holds
    none of ``words`` (case-folded; each match holds one of them, ignoring case).

    >>> g = GatedRegex(re.compile(r"\\bkm\\s+(?:from|of)\\s+$", re.IGNORECASE), frozenset({"km"}))
    >>> g.search("It fell 5 KM from ", 2) is not None, g.search("It fell near ")
    (True, None)
    """

    __slots__ = ("gate", "pattern", "regex", "words")

    def __init__(self, regex: re.Pattern[str], words: frozenset[str] | None) -> None:
        self.regex = regex
        self.pattern = regex.pattern
        # None: some match may hold no word to look for, so never skip
        self.words = words
        # finds one of the words anywhere in the folded window (one scan for all of them)
        self.gate = (
            None
            if words is None
            else re.compile(trie_pattern(sorted(words), hyphens=False) if words else r"(?!x)x")
        )

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        stop = len(text) if endpos is None else endpos
        if self.gate is not None:
            window = text[pos:stop]
            folded = window.casefold()
            # (where folding could disagree with the engine, the regex decides)
            if _folds_plainly(window, folded) and self.gate.search(folded) is None:
                return None
        return self.regex.search(text, pos, stop)


def gated(items: Iterable[object], pattern: str) -> GatedRegex:
    """A :class:`GatedRegex` of ``pattern`` (case ignored), a regex whose every match holds
    one of ``items`` (phrases) ignoring case, gated on their first words."""
    items = [p for p in items if str(p).strip()]
    wordless = any(not _WORD.search(str(p)) for p in items)
    return GatedRegex(re.compile(pattern, re.IGNORECASE), None if wordless else first_words(items))


def _toll_report(verbs: Iterable[object], nouns: Iterable[object]) -> re.Pattern[str]:
    """ "put the death toll at", "updated the casualty toll to": a verb, an optional
    determiner and adjective, a toll noun (group ``noun``) and "at" or "to".

    >>> m = _toll_report(["put"], ["death toll"]).search("It put the latest death toll at 9")
    >>> m.group("noun")
    'death toll'
    """
    verb = phrase_regex(verbs).pattern
    noun = phrase_regex(nouns).pattern
    return re.compile(
        rf"{verb}\s+(?:(?:the|its|their|his|her)\s+)?(?:(?:latest|official|preliminary|overall|"
        rf"total|new)\s+)?(?P<noun>{noun})\s+"
        # ("updated the death toll in the city to 23": a place may stand between)
        rf"(?:(?:in|from|for)\s+(?:the\s+)?[\w’'-]+(?:\s+[\w’'-]+)?\s+)?(?:at|to)\s+(?=\S)",
        re.IGNORECASE,
    )


def phrases(items: Iterable[object], *, capture: bool = False, plural: bool = False) -> Phrases:
    """:func:`phrase_regex` with the first-word check of :class:`Phrases`.

    >>> p = phrases(["drone"], plural=True)
    >>> p.search("Two drones were shot down over the region last night.").group(0)
    'drones'
    """
    items = [p for p in items if str(p).strip()]
    wordless = any(not _WORD.search(str(p)) for p in items)
    first = None if wordless else first_words(items, plural=plural)
    anchored = all(_WORD.match(str(p).strip().casefold()) for p in items)
    return Phrases(phrase_regex(items, capture=capture, plural=plural), first, anchored=anchored)


def first_words(phrases: Iterable[object], *, plural: bool = False) -> frozenset[str]:
    """The first word of each phrase, case-folded: where none occurs, no phrase can match.

    With ``plural``, also the first word with "s" and "es" (a one-word phrase
    of a :func:`phrase_regex` with ``plural`` matches so).

    >>> sorted(first_words(["no comment", "declined to comment"]))
    ['declined', 'no']
    >>> sorted(first_words(["drone"], plural=True))
    ['drone', 'dronees', 'drones']
    """
    out = set()
    for p in phrases:
        found = _WORD.findall(str(p).casefold())
        if found:
            out.add(found[0])
            if plural:
                out.update((found[0] + "s", found[0] + "es"))
    return frozenset(out)


def fold(text: str) -> str:
    """Case, hyphens and runs of spaces folded: "Shahed-type" and "shahed  type" are one name.

    >>> fold(" Air-Defence  Systems")
    'air defence systems'
    """
    return " ".join(text.casefold().replace("-", " ").split())


class Tagger:
    """Which tags (keys of a mapping of tag -> phrases) a text mentions, in one regex pass.

    >>> Tagger({"video": ["video", "footage"], "photo": ["photos"]}).tags("Footage and photos")
    ['video', 'photo']
    """

    def __init__(self, table: dict[str, list[object]]) -> None:
        self.order = list(table)
        self.tag_of: dict[str, str] = {}
        for tag, listed in table.items():
            for p in words(listed):
                self.tag_of.setdefault(fold(p), str(tag))
        self.regex = phrases(self.tag_of, capture=True)

    def find(self, text: str) -> list[tuple[str, int, int]]:
        """Each mention: (tag, start, end), in order."""
        out = []
        for m in self.regex.finditer(text):
            tag = self.tag_of.get(fold(m.group(1)))
            if tag is not None:
                out.append((tag, m.start(), m.end()))
        return out

    def tags(self, text: str) -> list[str]:
        """The tags mentioned, in the mapping's order."""
        seen = {self.tag_of.get(fold(m.group(1)), "") for m in self.regex.finditer(text)}
        return [t for t in self.order if t in seen]


@dataclass(slots=True)
class Lexicon:
    """Compiled cue words; see data/extract.yaml for what each list means."""

    raw: dict[str, Any]
    abbreviations: tuple[str, ...]
    layout_label: re.Pattern[str]  # "Details: " at a paragraph's start
    government_nouns: frozenset[str]  # "the Kyiv regime": a capital as its government
    government_after: GatedRegex  # "accused Moscow": ends with one of these verbs
    settlement: re.Pattern[str]  # "the village of Hroza", "Hroza village": group "name"
    region_of: GatedRegex  # what a region's name follows: "in the region of "
    reference_point: GatedRegex  # what a reference point follows: "145km west of "
    elsewhere: re.Pattern[str]  # "Meanwhile, ..." opening a paragraph on another incident
    speech_verb: Phrases
    toll_report: re.Pattern[str]  # "put the death toll at": group "noun" starts the content
    message_noun: Phrases
    inverted_verbs: frozenset[str]
    group_speakers: frozenset[str]  # "..., said officials": a group named by its noun alone
    official_data: frozenset[str]  # "according to official data": officials' words
    leading_clause_words: frozenset[str]  # "While blaming X, he said": not the speaker's words
    denial_verbs: frozenset[str]
    verb_name: re.Pattern[str]  # what a speech verb ends ("United " before "States")
    noun_verbs: frozenset[str]  # speech verbs that are also plural nouns ("reports")
    act_verbs: frozenset[str]  # "declared" ... an act ("three days of mourning"): no claim
    aspectual_verbs: frozenset[str]  # "continued" before a gerund or "to": no speech
    act_object: re.Pattern[str]  # the act, in the words right after such a verb
    noun_verb_followers: frozenset[str]  # words after such a noun ("reports indicate")
    denied_claim: re.Pattern[str]  # "X dismissed Moscow's claim that ": groups x, v
    witnessed: re.Pattern[str]  # "AFP correspondents saw ": groups x (the outlet's words), v
    claim_called_false: re.Pattern[str]  # "the claim that ... was a lie": group inner
    referred_false: re.Pattern[str]  # "The Russian claim was a lie", "This is nonsense"
    claim_reference: re.Pattern[str]  # "the claim", "Moscow's allegations", "it": no content
    not_speakers: frozenset[str]
    anaphora: frozenset[str]
    epithets: frozenset[str]
    passive: Phrases
    second_hand: Phrases
    hedge: Phrases
    decline: Phrases
    evidence: dict[str, Phrases]
    via: dict[str, Phrases]
    evidence_any: Tagger
    via_any: Tagger
    killed: Phrases
    injured: Phrases
    count_fillers: frozenset[str]
    damage_verb: Phrases
    target_verb: Phrases
    presence: Phrases
    objects: Tagger
    interception_verb: Phrases
    interception_object: Phrases
    interception_all: Phrases
    interception_partial: Phrases
    interception_none: Phrases
    interception_hits: Phrases
    interception_hit_verbs: Phrases
    cause_cue: Phrases
    cause_verb: re.Pattern[str]
    air_defence: Phrases
    journalist_hedge: Phrases
    negation: Phrases
    publication: Phrases
    reported_kinds: frozenset[str]
    eyewitness_kinds: frozenset[str]
    happening: Phrases
    locative: re.Pattern[str]
    broad_kinds: frozenset[str]
    not_location_kinds: frozenset[str]
    not_landmarks: tuple[str, ...]  # case-folded, straight apostrophes
    continuation: Phrases
    own_words_kinds: frozenset[str]
    anonymous_source: re.Pattern[str]
    firsts: dict[str, frozenset[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)
    generic_words: frozenset[str] = frozenset()
    generic_capitals: frozenset[str] = frozenset()

    def is_generic_speaker(self, words: str) -> bool:
        """Whether a speaker phrase names only a country or its capital ("Moscow", "Kyiv",
        "Russia"), or unnamed officials of no side ("officials", "local authorities");
        data/extract.yaml, ``generic_speakers``. A body the words give a side ("Russian
        officials") is a speaker of its own.

        >>> [lexicon().is_generic_speaker(w) for w in ("Moscow", "Russia", "local officials")]
        [True, True, True]
        >>> [lexicon().is_generic_speaker(w) for w in ("Russian officials", "the defence ministry")]
        [False, False]
        """
        return _is_generic(words, self.generic_words, self.generic_capitals)

    def is_country_speaker(self, words: str) -> bool:
        """Whether a speaker phrase names only a country or its capital ("Russia",
        "Moscow", "Kyiv"), not officials of any kind.

        >>> [lexicon().is_country_speaker(w) for w in ("Moscow", "Russia", "local officials")]
        [True, True, False]
        """
        from claimgraph.extract.names import countries_in, name_words

        found = name_words(words)
        countries = set(countries_in(words))
        return bool(found) and all(w in countries or w in self.generic_capitals for w in found)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        """Compile a mapping shaped like data/extract.yaml."""
        a = data.get("aspects", {})
        objects = Tagger(a.get("objects") or {})
        firsts = {
            key: first_words(data.get(key, ()))
            for key in ("second_hand", "declines", "passive_cues", "evidence_none", "witness_verbs")
        }
        firsts["evidence_none"] = first_words((data.get("evidence") or {}).get("none", ()))
        firsts["claim_nouns"] = first_words(data.get("claim_nouns", ()))
        firsts["falsity"] = first_words(
            (*data.get("falsity_words", ()), *data.get("falsity_predicates", ()))
        )
        # a toll noun's last word: where none occurs, no toll is given ("put the toll at")
        firsts["toll_nouns"] = frozenset(
            str(n).casefold().split()[-1] for n in data.get("toll_nouns", ()) if str(n).split()
        )
        generic = data.get("generic_speakers") or {}
        return cls(
            generic_words=frozenset(
                str(w).casefold() for w in (*generic.get("capitals", ()), *generic.get("words", ()))
            ),
            generic_capitals=frozenset(str(w).casefold() for w in generic.get("capitals", ())),
            firsts=firsts,
            raw=data,
            abbreviations=tuple(str(x) for x in data.get("abbreviations", ())),
            settlement=_settlement(data.get("settlement_nouns", ()), data.get("region_nouns", ())),
            region_of=gated(
                data.get("region_nouns", ()),
                phrase_regex(data.get("region_nouns", ())).pattern + r"\s+of\s+(?:the\s+)?$",
            ),
            government_after=gated(
                data.get("government_after", ()),
                phrase_regex(data.get("government_after", ())).pattern + r"\s+$",
            ),
            government_nouns=frozenset(str(x).casefold() for x in data.get("government_nouns", ())),
            reference_point=gated(
                data.get("reference_point_words", ()),
                phrase_regex(data.get("reference_point_words", ())).pattern
                + r"\s+(?:the\s+)?(?:[\w’'-]+\s+){0,2}$",
            ),
            elsewhere=re.compile(
                r"\s*" + phrase_regex(data.get("elsewhere_openers", ())).pattern + r"\s*,",
                re.IGNORECASE,
            ),
            layout_label=re.compile(
                r"(?im)^[ \t]*(?:"
                + "|".join(re.escape(str(x)) for x in data.get("layout_labels", ()))
                + r")[ \t]*[:,][ \t]*(?=\S)"  # ("Image caption, ..." as the BBC writes it)
            ),
            speech_verb=phrases(data.get("speech_verbs", ()), capture=True),
            toll_report=_toll_report(data.get("toll_verbs", ()), data.get("toll_nouns", ())),
            message_noun=phrases(data.get("message_nouns", ())),
            inverted_verbs=frozenset(str(x).casefold() for x in data.get("inverted_verbs", ())),
            group_speakers=frozenset(str(x).casefold() for x in data.get("group_speakers", ())),
            official_data=frozenset(str(x).casefold() for x in data.get("official_data", ())),
            leading_clause_words=frozenset(
                str(x).casefold() for x in data.get("leading_clause_words", ())
            ),
            denial_verbs=frozenset(str(x).casefold() for x in data.get("denial_verbs", ())),
            verb_name=re.compile(
                "(?:"
                + "|".join(
                    r"\s+".join(map(re.escape, str(n).split()[:-1]))
                    for n in data.get("verb_names", ())
                    if len(str(n).split()) > 1
                )
                + r")\s+$"
                if data.get("verb_names")
                else r"(?!x)x",
                re.IGNORECASE,
            ),
            noun_verbs=frozenset(str(x).casefold() for x in data.get("noun_verbs", ())),
            act_verbs=frozenset(str(x).casefold() for x in data.get("act_verbs", ())),
            aspectual_verbs=frozenset(str(x).casefold() for x in data.get("aspectual_verbs", ())),
            act_object=re.compile(
                r"\s*(?:[\w’'-]+\s+){0,3}?" + phrase_regex(data.get("act_objects", ())).pattern,
                re.IGNORECASE,
            ),
            noun_verb_followers=frozenset(
                str(x).casefold() for x in data.get("noun_verb_followers", ())
            ),
            denied_claim=_denied_claim(data.get("denial_verbs", ()), data.get("claim_nouns", ())),
            witnessed=_witnessed(data.get("witness_nouns", ()), data.get("witness_verbs", ())),
            claim_called_false=_claim_called_false(
                data.get("claim_nouns", ()), data.get("falsity_words", ())
            ),
            claim_reference=_claim_reference(data.get("claim_nouns", ())),
            referred_false=_referred_false(
                data.get("claim_nouns", ()),
                data.get("falsity_words", ()),
                data.get("falsity_subjects", ()),
                data.get("falsity_predicates", ()),
            ),
            not_speakers=frozenset(str(x).casefold() for x in data.get("not_speakers", ())),
            anaphora=frozenset(str(x).casefold() for x in data.get("anaphora", ())),
            epithets=frozenset(str(x).casefold() for x in data.get("epithets", ())),
            passive=phrases(data.get("passive_cues", ())),
            second_hand=phrases(data.get("second_hand", ())),
            hedge=phrases(data.get("hedges", ())),
            decline=phrases(data.get("declines", ())),
            evidence={k: phrases(v) for k, v in (data.get("evidence") or {}).items()},
            via={k: phrases(v) for k, v in (data.get("via") or {}).items()},
            evidence_any=Tagger(data.get("evidence") or {}),
            via_any=Tagger(data.get("via") or {}),
            killed=phrases(a.get("killed", ())),
            injured=phrases(a.get("injured", ())),
            count_fillers=frozenset(str(x).casefold() for x in a.get("count_fillers", ())),
            damage_verb=phrases(a.get("damage_verbs", ())),
            target_verb=phrases(a.get("target_verbs", ())),
            presence=phrases(a.get("presence", ())),
            objects=objects,
            interception_verb=phrases(a.get("interception_verbs", ())),
            interception_object=phrases(a.get("interception_objects", ())),
            interception_all=phrases(a.get("interception_all", ())),
            interception_partial=phrases(a.get("interception_partial", ())),
            interception_none=phrases(a.get("interception_none", ())),
            interception_hits=phrases(a.get("interception_hits", ())),
            interception_hit_verbs=phrases(a.get("interception_hit_verbs", ())),
            cause_cue=phrases(a.get("cause_cues", ())),
            cause_verb=re.compile(
                r"[\s\"“”«»]+(?:\w+[\s\"“”«»]+){0,2}?"
                + phrase_regex(a.get("cause_verbs", ())).pattern,
                re.IGNORECASE,
            ),
            air_defence=phrases(a.get("air_defence", ())),
            journalist_hedge=phrases(data.get("journalist_hedges", ())),
            negation=phrases(data.get("negation", ())),
            publication=phrases(data.get("publication_passives", ())),
            reported_kinds=frozenset(str(x) for x in data.get("reported_kinds", ())),
            eyewitness_kinds=frozenset(str(x) for x in data.get("eyewitness_kinds", ())),
            happening=phrases(data.get("happening", ())),
            locative=re.compile(
                phrase_regex(data.get("locatives", ())).pattern
                + r"(?:\s+(?:the|a|an|occupied|temporarily|russian-occupied|[\w-]+-occupied))*\s+$",
                re.IGNORECASE,
            ),
            broad_kinds=frozenset(str(x) for x in data.get("broad_place_kinds", ())),
            not_location_kinds=frozenset(str(x) for x in data.get("not_location_kinds", ())),
            not_landmarks=tuple(
                str(x).casefold().replace("’", "'") for x in data.get("not_landmarks", ())
            ),
            continuation=phrases(data.get("continuation_markers", ())),
            own_words_kinds=frozenset(str(x) for x in data.get("own_words_kinds", ())),
            anonymous_source=re.compile(
                r"\s*(?:the\s+)?" + phrase_regex(data.get("anonymous_sources", ())).pattern,
                re.IGNORECASE,
            ),
        )


_NAME = r"[A-Z][\w'’-]+"
_NOT_NAMES = r"(?!(?:The|A|An|This|That|Its|His|Her|Their|Our|Your|Which|Each|Every)\b)"


def _denied_claim(verbs: Iterable[object], nouns: Iterable[object]) -> re.Pattern[str]:
    """ "X dismissed (Moscow's) claim(s) that ...": the speaker X, the denial verb ``v``;
    what follows the match is what X denies."""
    v = phrase_regex(verbs).pattern
    n = phrase_regex(nouns).pattern
    return re.compile(
        rf"^(?P<x>[^,;:]+?)\s+(?P<v>{v})\s+(?:[\w’'-]+\s+){{0,4}}?{n}\s+that\s+",
        re.IGNORECASE,
    )


def _witnessed(nouns: Iterable[object], verbs: Iterable[object]) -> re.Pattern[str]:
    """ "(An) AFP correspondent(s) (on the ground) saw (that) ...": the journalists' words
    ``x`` (a capitalised name before the noun), the verb ``v``; what follows is what they saw."""
    n = phrase_regex(nouns).pattern
    v = phrase_regex(verbs).pattern
    # (or an acronym alone, as newsrooms name themselves: "The BBC saw", "AFP counted")
    return re.compile(
        rf"^(?P<x>(?:(?:an?|the)\s+)?(?:(?:[A-Z][\w’'.&-]*\s+){{1,3}}{n}(?:\s+[^,;:]{{0,40}}?)?"
        rf"|(?:[Tt]he\s+)?[A-Z]{{2,6}}))"
        rf"\s+(?:(?:has|have|had)\s+)?(?P<v>{v})\s+(?:that\s+)?",
    )


def _claim_called_false(nouns: Iterable[object], falsity: Iterable[object]) -> re.Pattern[str]:
    """ "the (Russian) claim that ... was a lie": what the claim says (group ``inner``) is
    denied by whoever calls it so."""
    n = phrase_regex(nouns).pattern
    f = phrase_regex(falsity).pattern
    return re.compile(
        rf"\s*(?:[\w’'-]+\s+){{0,4}}?{n}\s+that\s+(?P<inner>.+?)\s+(?:was|were|is|are)\s+"
        rf"(?:(?:simply|just|pure|clearly|all)\s+)?{f}",
        re.IGNORECASE,
    )


def _claim_reference(nouns: Iterable[object]) -> re.Pattern[str]:
    """Words that only name a claim, without what it says: "the claim", "Moscow's
    allegations", "these reports", "it" (what "X denied ..." denies is then the claim
    before it)."""
    n = phrase_regex(nouns).pattern
    return re.compile(
        rf"\s*(?:(?:(?:the|this|that|these|those|such|its|their|[\w’'-]+['’]s)\s+)?"
        rf"(?:[\w-]+\s+)?{n}|it|this|that|them)\s*[.!]?\s*$",
        re.IGNORECASE,
    )


def _referred_false(
    nouns: Iterable[object],
    falsity: Iterable[object],
    subjects: Iterable[object],
    predicates: Iterable[object],
) -> re.Pattern[str]:
    """A whole statement that only calls a claim false, without saying what it claimed:
    "The Russian claim was an absolute lie", "This is nonsense", "Of course this claim by
    Russia's propaganda has no basis in reality" (matched on the text without its double
    quotation marks: "an “absolute lie”")."""
    n = phrase_regex(nouns).pattern
    f = phrase_regex(falsity).pattern
    s = phrase_regex(subjects).pattern
    p = phrase_regex(predicates).pattern
    word = r"[\w’'-]+"
    reference = (
        rf"(?:(?:the|this|that|these|those|such)\s+)?(?:{word}\s+){{0,3}}?{n}"
        rf"(?:\s+(?:by|of|from)\s+(?:{word}\s+){{0,5}}?{word})?"
    )
    degree = (
        r"(?:simply|just|pure|clearly|all|an?|absolutely|completely|total|utter|outright|another)"
    )
    return re.compile(
        rf"\s*(?:of\s+course,?\s+)?(?:{s}|{reference})\s+"
        rf"(?:(?:was|were|is|are|has\s+been|have\s+been)\s+(?:{degree}\s+)*{f}|{p})"
        rf"(?:\s+(?:of|by|from|in|and)\b[^;:]*)?[\s.!,]*$",
        re.IGNORECASE,
    )


def _settlement(nouns: Iterable[object], regions: Iterable[object] = ()) -> re.Pattern[str]:
    """A settlement the words name: "the village of X", or "X village" after a preposition
    ("an attack on X village"; not "the Ukrainian city"), or X after a preposition and
    before a comma and an apposition ("in X, a small town", "in X, Sumy region"), or a
    country's X ("in Ukraine's X", not "in Ukraine's X region"), X capitalised."""
    alt = "|".join(r"\s+".join(map(re.escape, str(n).split())) for n in nouns) or "(?!x)x"
    areas = "|".join(r"\s+".join(map(re.escape, str(n).split())) for n in regions) or "(?!x)x"
    return re.compile(
        rf"\b(?i:{alt})\s+of\s+(?P<name>{_NAME})|"
        rf"\b(?i:on|in|at|near|to|from)\s+{_NOT_NAMES}(?P<name2>{_NAME})"
        rf"(?:\s+(?i:{alt})\b|,\s+(?:(?:a|an)\s+(?:[\w-]+\s+){{0,2}}(?i:{alt})\b"
        rf"|{_NAME}\s+(?i:{areas})\b))|"
        # "in Ukraine's X", not "in Ukraine's X region"
        rf"\b(?i:in|near)\s+{_NAME}['’]s\s+(?P<name3>{_NAME})\b(?!\s+(?i:{areas})\b)"
    )


@lru_cache(maxsize=4096)
def _is_generic(words: str, generic: frozenset[str], capitals: frozenset[str]) -> bool:
    from claimgraph.extract.names import countries_in, name_words

    found = name_words(words)
    if not found:
        return False
    countries = set(countries_in(words))
    if countries:
        return all(w in countries or w in capitals for w in found)
    return all(w in generic for w in found)


@cache
def lexicon() -> Lexicon:
    """The built-in lexicon (data/extract.yaml), read once."""
    text = resources.files("claimgraph").joinpath("data/extract.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=_Loader)
    return Lexicon.from_data(data)
