"""The extractor's vocabulary (data/extract.yaml), compiled into regular expressions once."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

import yaml

__all__ = ["Lexicon", "phrase_regex", "lexicon", "words"]

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


def trie_pattern(phrases: Iterable[str]) -> str:
    """One regex for many phrases, with shared prefixes factored out (fast to match).

    Spaces and hyphens between words match any run of spaces and hyphens.

    >>> trie_pattern(["said", "says", "say"])
    'sa(?:id|y(?:s)?)'
    """
    trie: dict[str, Any] = {}
    for phrase in phrases:
        node = trie
        for ch in " ".join(re.split(r"[\s-]+", phrase.casefold().strip())):
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict[str, Any]) -> str:
        end = "" in node
        alts = []
        for ch in sorted(k for k in node if k):
            head = r"[\s-]+" if ch == " " else re.escape(ch)
            alts.append(head + build(node[ch]))
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 and not end else "(?:" + "|".join(alts) + ")"
        if len(alts) == 1 and not end:
            return body
        return body + ("?" if end else "")

    return build(trie)


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


def first_words(phrases: Iterable[object]) -> frozenset[str]:
    """The first word of each phrase, case-folded: where none occurs, no phrase can match.

    >>> sorted(first_words(["no comment", "declined to comment"]))
    ['declined', 'no']
    """
    out = set()
    for p in phrases:
        found = _WORD.findall(str(p).casefold())
        if found:
            out.add(found[0])
    return frozenset(out)


def words_of(text: str) -> frozenset[str]:
    """The words of ``text``, case-folded."""
    return frozenset(_WORD.findall(text.casefold()))


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
        for tag, phrases in table.items():
            for p in words(phrases):
                self.tag_of.setdefault(fold(p), str(tag))
        self.regex = phrase_regex(self.tag_of, capture=True)

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
    speech_verb: re.Pattern[str]
    message_noun: re.Pattern[str]
    inverted_verbs: frozenset[str]
    denial_verbs: frozenset[str]
    not_speakers: frozenset[str]
    anaphora: frozenset[str]
    epithets: frozenset[str]
    passive: re.Pattern[str]
    second_hand: re.Pattern[str]
    hedge: re.Pattern[str]
    decline: re.Pattern[str]
    evidence: dict[str, re.Pattern[str]]
    via: dict[str, re.Pattern[str]]
    evidence_any: Tagger
    via_any: Tagger
    killed: re.Pattern[str]
    injured: re.Pattern[str]
    count_fillers: frozenset[str]
    damage_verb: re.Pattern[str]
    target_verb: re.Pattern[str]
    objects: Tagger
    interception_verb: re.Pattern[str]
    interception_object: re.Pattern[str]
    interception_all: re.Pattern[str]
    interception_partial: re.Pattern[str]
    interception_none: re.Pattern[str]
    interception_hits: re.Pattern[str]
    interception_hit_verbs: re.Pattern[str]
    cause_cue: re.Pattern[str]
    cause_verb: re.Pattern[str]
    air_defence: re.Pattern[str]
    journalist_hedge: re.Pattern[str]
    negation: re.Pattern[str]
    publication: re.Pattern[str]
    reported_kinds: frozenset[str]
    eyewitness_kinds: frozenset[str]
    happening: re.Pattern[str]
    locative: re.Pattern[str]
    broad_kinds: frozenset[str]
    not_location_kinds: frozenset[str]
    continuation: re.Pattern[str]
    own_words_kinds: frozenset[str]
    firsts: dict[str, frozenset[str]] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_data(cls, data: dict[str, Any]) -> Lexicon:
        """Compile a mapping shaped like data/extract.yaml."""
        a = data.get("aspects", {})
        objects = Tagger(a.get("objects") or {})
        firsts = {
            key: first_words(data.get(key, ()))
            for key in ("second_hand", "declines", "passive_cues", "evidence_none")
        }
        firsts["evidence_none"] = first_words((data.get("evidence") or {}).get("none", ()))
        return cls(
            firsts=firsts,
            raw=data,
            abbreviations=tuple(str(x) for x in data.get("abbreviations", ())),
            speech_verb=phrase_regex(data.get("speech_verbs", ()), capture=True),
            message_noun=phrase_regex(data.get("message_nouns", ())),
            inverted_verbs=frozenset(str(x).casefold() for x in data.get("inverted_verbs", ())),
            denial_verbs=frozenset(str(x).casefold() for x in data.get("denial_verbs", ())),
            not_speakers=frozenset(str(x).casefold() for x in data.get("not_speakers", ())),
            anaphora=frozenset(str(x).casefold() for x in data.get("anaphora", ())),
            epithets=frozenset(str(x).casefold() for x in data.get("epithets", ())),
            passive=phrase_regex(data.get("passive_cues", ())),
            second_hand=phrase_regex(data.get("second_hand", ())),
            hedge=phrase_regex(data.get("hedges", ())),
            decline=phrase_regex(data.get("declines", ())),
            evidence={k: phrase_regex(v) for k, v in (data.get("evidence") or {}).items()},
            via={k: phrase_regex(v) for k, v in (data.get("via") or {}).items()},
            evidence_any=Tagger(data.get("evidence") or {}),
            via_any=Tagger(data.get("via") or {}),
            killed=phrase_regex(a.get("killed", ())),
            injured=phrase_regex(a.get("injured", ())),
            count_fillers=frozenset(str(x).casefold() for x in a.get("count_fillers", ())),
            damage_verb=phrase_regex(a.get("damage_verbs", ())),
            target_verb=phrase_regex(a.get("target_verbs", ())),
            objects=objects,
            interception_verb=phrase_regex(a.get("interception_verbs", ())),
            interception_object=phrase_regex(a.get("interception_objects", ())),
            interception_all=phrase_regex(a.get("interception_all", ())),
            interception_partial=phrase_regex(a.get("interception_partial", ())),
            interception_none=phrase_regex(a.get("interception_none", ())),
            interception_hits=phrase_regex(a.get("interception_hits", ())),
            interception_hit_verbs=phrase_regex(a.get("interception_hit_verbs", ())),
            cause_cue=phrase_regex(a.get("cause_cues", ())),
            cause_verb=re.compile(
                r"[\s\"“”«»]+(?:\w+[\s\"“”«»]+){0,2}?"
                + phrase_regex(a.get("cause_verbs", ())).pattern,
                re.IGNORECASE,
            ),
            air_defence=phrase_regex(a.get("air_defence", ())),
            journalist_hedge=phrase_regex(data.get("journalist_hedges", ())),
            negation=phrase_regex(data.get("negation", ())),
            publication=phrase_regex(data.get("publication_passives", ())),
            reported_kinds=frozenset(str(x) for x in data.get("reported_kinds", ())),
            eyewitness_kinds=frozenset(str(x) for x in data.get("eyewitness_kinds", ())),
            happening=phrase_regex(data.get("happening", ())),
            locative=re.compile(
                phrase_regex(data.get("locatives", ())).pattern
                + r"(?:\s+(?:the|a|an|occupied|temporarily|russian-occupied|[\w-]+-occupied))*\s+$",
                re.IGNORECASE,
            ),
            broad_kinds=frozenset(str(x) for x in data.get("broad_place_kinds", ())),
            not_location_kinds=frozenset(str(x) for x in data.get("not_location_kinds", ())),
            continuation=phrase_regex(data.get("continuation_markers", ())),
            own_words_kinds=frozenset(str(x) for x in data.get("own_words_kinds", ())),
        )


@cache
def lexicon() -> Lexicon:
    """The built-in lexicon (data/extract.yaml), read once."""
    text = resources.files("claimgraph").joinpath("data/extract.yaml").read_text("utf-8")
    data = yaml.load(text, Loader=_Loader)
    return Lexicon.from_data(data)
