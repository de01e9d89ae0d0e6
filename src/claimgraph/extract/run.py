"""One report's extraction (:class:`_Run`): the header and datelines set aside, sentences
split into segments, each attributed (the steps in :mod:`.planning`, :mod:`.speakers`
and :mod:`.claims`), then restated and unknown speakers settled.
"""

from __future__ import annotations

import bisect
import re
from collections import deque
from collections.abc import Iterator
from collections.abc import Set as AbstractSet
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.extract.attribution import (
    Attribution,
    Resolver,
    Speaker,
    clean_subject,
    find_attribution,
    norm,
)
from claimgraph.extract.claims import _EXPLICIT, _Claims, _shorten
from claimgraph.extract.draft import UNKNOWN_SIDE, Draft, DraftClaim, DraftEvent
from claimgraph.extract.header import read_header
from claimgraph.extract.layout import read_layout
from claimgraph.extract.lexicon import line_matches, text_words
from claimgraph.extract.names import countries_in, person_named
from claimgraph.extract.planning import _EventPlanning
from claimgraph.extract.runstate import _Segment
from claimgraph.extract.sentences import (
    OPENING,
    Sentence,
    inside_quote,
    split_sentences,
)
from claimgraph.extract.speakers import _Speakers
from claimgraph.model import AspectType, Party, slugify

if TYPE_CHECKING:
    from claimgraph.extract import Extractor

# (case is ignored only in the words, so that the engine can skip to "," and ";")
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?i:but|while|whereas)\s+|;\s+)")
# The words (case-folded) of which each match of these regexes holds one as a whole word
# (or ";"): a sentence with none is not scanned (keep them with the regexes).
_BREAK_WORDS = frozenset({"but", "while", "whereas"})
_LATER_WORDS = frozenset({"after", "before", "whereas", "where", "with"})
_ADDING_WORDS = frozenset(
    {"adding", "saying", "noting", "stating", "stressing", "insisting", "claiming", "accusing"}
    | {"calling", "who", "with"}
)
# ", a day after", ", hours before": where a second voice may begin (split only when
# both sides have a speech verb).
_LATER_VOICE = re.compile(
    r",\s+(?:(?i:(?:(?:a|an|one|two|three|several|just|only|some)\s+)?"
    r"(?:(?:day|days|hour|hours|week|weeks|month|months)\s+)?(?:after|before)|whereas)"
    r"|(?:where|with)(?=\s+[A-Z]))\s+"
)
# ", adding that ...", ", saying ...", ", with one missile hitting ...": the same speaker goes
# on (split when the words before have a speech verb).
# ("..., with the ministry claiming ...": a second voice, not the same speaker's)
_SAYING = (
    r"(?:saying|claiming|adding|stating|noting|reporting|insisting|telling|arguing|alleging)\b"
)
_ADDING = re.compile(
    r",\s+(?:and\s+)?(?:(?i:adding|saying|noting|stating|stressing|insisting|claiming|accusing"
    r"|calling|(?P<who>who\s+(?:also\s+)?(?:added|said|noted|stressed)"
    r"|who(?=\s+(?:also\s+)?(?:blamed|accused)\b)))(?:\s+that)?\s+"
    rf"|with\s+(?=(?:(?!{_SAYING})[\w’'-]+\s+){{1,4}}?(?!{_SAYING})[a-z]+ing\b))"
)
# "..., according to Governor X, who added that ...": the speaker named just before
_ACCORDING_LAST = re.compile(r"(?i:according\s+to)\s+(?:\S+\s+){0,6}\S+$")
_PUNCT = re.compile(r"[,.;]")
_ON_PLATFORM = re.compile(r"\s*(?:on|in|across)\s+([^,]{2,40}),", re.IGNORECASE)
_EVIDENCE_AUX = re.compile(r"\s+(?:has|have|had|did|does|also|still)\s*$")
# A sentence about other incidents than the report's ("in separate attacks", "elsewhere").
_OTHER_INCIDENT = re.compile(
    r"\b(?:in|during|by)\s+(?:a\s+|two\s+|several\s+)?(?:separate|other|various|unrelated)\s+"
    r"(?:attacks?|strikes?|shelling|incidents?)\b|\belsewhere\s+in\b",
    re.IGNORECASE,
)

# A wire dateline at the start of a story: "KYIV, Nov 18 (Reuters) - ".
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]*\.?\s*\d{1,2})?\s*(?:\([\w .-]{1,30}\)\s*)?[-–—]+\s+"
)


class _Run(_EventPlanning, _Speakers, _Claims):
    """One report's extraction (state: recent speakers, current event, claims so far)."""

    def __init__(self, ex: Extractor, text: str, path: Path, file: str | None) -> None:
        self.ex = ex
        self.lex = ex.lex
        self.text = text
        self.path = path
        self.stem = slugify(path.stem) or "report"
        self.resolver = Resolver(ex.registry, ex.lex)
        self.claims: list[DraftClaim] = []
        self.events: dict[str, DraftEvent] = {}
        self.parties: dict[str, Party] = {}
        self.ids: set[str] = set()
        self._next_n: dict[str, int] = {}
        self._ends: list[int] = []
        self._said: set[tuple[str, str, str, str]] = set()  # (party, aspect, quote, stance)
        self._generic: set[str] = set()  # ids of claims whose speaker is generic ("Moscow")
        self._speaking_generic = False  # the speaker of the claims being added is generic
        self._generic_memo: dict[str, bool] = {}
        self._event_ids: dict[tuple[str, date | None, date | None], str] = {}
        header = read_header(text, self.ex.gazetteer.knows)
        dl = header.when
        self.header = header
        body = header.text
        wire = _DATELINE.match(body)
        if wire:  # "KYIV - ": a dateline with no agency, at the story's start
            body = " " * wire.end() + body[wire.end() :]
        self.layout = read_layout(body, ex.lex)  # "Source: X" under the lede, "Quote: "
        for label in line_matches(ex.lex.layout_label, body):  # "Quote: ", "Details: "
            body = body[: label.start()] + " " * (label.end() - label.start()) + body[label.end() :]
        self.body = body
        self.sentences = split_sentences(self.body, ex.lex.abbreviations)
        self._plan_events(dl)
        self._attribute()
        self._drop_restated()
        self._settle_unknowns()
        source: dict[str, object] = {
            "id": f"draft-{self.stem}",
            "title": _title(self.sentences),
            "file": file if file is not None else path.as_posix(),
            "status": "draft",
        }
        if self.published is not None:
            source["published"] = self.published
        if header.url:
            source["url"] = header.url
        # a leading dot would hide the draft from the loader (and from people)
        name = path.stem.lstrip(".") or "report"
        self.draft = Draft(name + ".yaml", source, self.claims, self.events, self.parties)

    def _segments(self, s: Sentence) -> Iterator[_Segment]:
        words = text_words(s.text)  # (those of its every part too)
        if s.text[:1] in OPENING:
            # '"...," X wrote, adding ...': split only after the speaker
            m = _ADDING.search(s.text) if not words.isdisjoint(_ADDING_WORDS) else None
            if (
                m is not None
                and not m.group("who")
                and not inside_quote(s.text, m.start())
                and self.lex.speech_verb.search(s.text[: m.start()])
            ):
                yield _Segment(s.text[: m.start()], s.start, s.paragraph)
                yield _Segment(s.text[m.end() :], s.start + m.end(), s.paragraph, added=True)
                return
            yield _Segment(s.text, s.start, s.paragraph)
            return
        pos = 0
        breaks = ";" in s.text or not words.isdisjoint(_BREAK_WORDS)
        for m in _CLAUSE_BREAK.finditer(s.text) if breaks else ():
            # never split inside quotation marks
            if inside_quote(s.text, m.start()):
                continue
            if m.group(0)[0] == ";" and self._closing_speaker_covers(s.text, pos, m):
                continue
            yield from self._second_voice(
                s.text[pos : m.start()], s.start + pos, s.paragraph, words
            )
            pos = m.end()
        yield from self._second_voice(s.text[pos:], s.start + pos, s.paragraph, words)

    def _closing_speaker_covers(self, text: str, pos: int, m: re.Match[str]) -> bool:
        """ "7 were killed; 144 were injured, the president said": a speaker named after
        the last clause says the clauses before it that name none of their own."""
        if self.lex.speech_verb.search(text[pos : m.start()]):
            return False
        rest = text[m.end() :]
        att = find_attribution(rest, self.lex)
        return att is not None and att.content[0] == 0 and 0 < att.content[1] < len(rest)

    def _second_voice(
        self, text: str, start: int, paragraph: int, words: AbstractSet[str]
    ) -> Iterator[_Segment]:
        """ "..., officials said, a day after Moscow said ...": two attributions, two segments;
        "..., the ministry said, adding that ...": the speaker's second claim. (``words``: those
        of the sentence ``text`` is part of.)"""
        comma = "," in text
        m = _ADDING.search(text) if comma and not words.isdisjoint(_ADDING_WORDS) else None
        if (
            m is not None
            and not inside_quote(text, m.start())
            and (
                _ACCORDING_LAST.search(text[: m.start()])
                if m.group("who")
                else self.lex.speech_verb.search(text[: m.start()])
            )
        ):
            yield from self._second_voice(text[: m.start()], start, paragraph, words)
            yield _Segment(text[m.end() :], start + m.end(), paragraph, added=True)
            return
        later = comma and not words.isdisjoint(_LATER_WORDS)
        for m in _LATER_VOICE.finditer(text) if later else ():
            head, tail = text[: m.start()], text[m.end() :]
            if (
                not inside_quote(text, m.start())
                and self.lex.speech_verb.search(head)
                and self.lex.speech_verb.search(tail)
            ):
                yield _Segment(head, start, paragraph)
                yield from self._second_voice(tail, start + m.end(), paragraph, words)
                return
        yield _Segment(text, start, paragraph)

    def _layout_cues(self) -> tuple[dict[int, str], set[int]]:
        """The paragraphs a "Source: X" line under them gives to X (paragraph -> X's words),
        and the sentences a "Quote:" label opens (their indexes)."""
        starts = [s.start for s in self.sentences]
        source_of: dict[int, str] = {}
        for at, words in self.layout.sources.items():
            i = bisect.bisect_left(starts, at)
            if i < len(self.sentences) and self.sentences[i].paragraph > 0:
                source_of[self.sentences[i].paragraph - 1] = words
        opened = {bisect.bisect_left(starts, at) for at in self.layout.quotes}
        return source_of, opened

    def _attribute(self) -> None:
        prev_paragraph = -1
        source_of, opened = (
            self._layout_cues() if self.layout.sources or self.layout.quotes else ({}, set())
        )
        carried: Speaker | None = None
        # the speaker of a quotation still open after its sentence ('X: "A. B. C."'):
        # the sentences up to its closing mark are X's, across paragraphs
        quoting: Speaker | None = None
        quoted = 0
        for index, s in enumerate(self.sentences):
            event = self.sentence_event[index]
            if s.paragraph != prev_paragraph:
                carried = None
            prev_paragraph = s.paragraph
            t = s.text
            inside = quoting is not None
            depth = _open_quotes(t, 1 if inside else 0)
            if inside and quoting is not None:
                quoted += 1
                # (the quoted speaker's own "they believed ..." stays the speaker's; a
                # closing '..." the governor said.' is read as usual)
                close = _closing_at(t, 1)
                said_after = close >= 0 and any(ch.isalpha() for ch in t[close + 1 :])
                if (
                    quoted <= _QUOTED_SENTENCES
                    and not said_after
                    and not self._own_voice(t, quoting)
                ):
                    for seg in self._segments(s):
                        words = Attribution(seg.text, "", (0, len(seg.text)), "quote")
                        self._claims(seg, words, [quoting], event)
                    if depth == 0:
                        quoting = None
                    continue
                quoting = None
            if (
                "separate" in t
                or "other" in t
                or "various" in t
                or "unrelated" in t
                or "lsewhere" in t  # (also "Elsewhere")
            ) and _OTHER_INCIDENT.search(t):
                continue  # "four more died in separate attacks": not this event's figures
            voices: list[Speaker] = []
            for seg in self._segments(s):
                if seg.added:
                    if voices:
                        words = Attribution(seg.text, "", (0, len(seg.text)), "verb", "added")
                        self._claims(seg, words, voices, event)
                    continue
                voices = []
                att = find_attribution(seg.text, self.lex, headline=index == 0)
                if att is None:
                    if self._evidence_note(seg):
                        continue
                    att = self._implicit(seg)
                    if att is None and index in opened and self.resolver.last is not None:
                        # 'Quote: "..."' under a story: its speaker's words
                        att = Attribution(seg.text, "", (0, len(seg.text)), "quote")
                    elif att is None and s.paragraph in source_of:
                        # the lede, and "Source: X" under it
                        source = source_of[s.paragraph]
                        att = Attribution(seg.text, source, (0, len(seg.text)), "according-to")
                    if (
                        att is None
                        and carried is not None
                        and (self.lex.continuation.search(seg.text) or self._bare_counts(seg.text))
                    ):
                        self._claims(seg, att, [carried], event, continuation=True)
                        continue
                    if att is None:
                        self._note_person(seg.text)
                        continue
                speakers = self._speakers(att, event)
                if not speakers:
                    continue
                self._claims(seg, att, speakers, event)
                voices = speakers
                carried = speakers[-1] if att.cue in _EXPLICIT else None
                if att.cue in _EXPLICIT and depth > 0 and not inside:
                    quoting, quoted = speakers[-1], 0

    def _drop_restated(self) -> None:
        """A journalist's summary ("Moscow said it targeted a military meeting", "at least 13
        dead, officials said") is not a claim of its own when a named speaker says the same
        later in the report: a claim of a generic speaker (data/extract.yaml,
        ``generic_speakers``) is dropped when a later claim of a party of its side (any party
        for a speaker of unknown side) that is not generic answers the same aspect, with the
        same stance and an agreeing value (the same category, a shared item, overlapping
        counts)."""
        if not self._generic:
            return
        registry = self.ex.registry
        aspects = registry.aspects
        side = self._side
        later: dict[str, list[DraftClaim]] = {}
        for c in self.claims:
            if c.id not in self._generic:
                later.setdefault(c.aspect, []).append(c)
        keep = []
        for c in self.claims:
            aspect = aspects.get(c.aspect)
            if c.id in self._generic and aspect is not None and aspect.type is not AspectType.TEXT:
                own = side(c.party)
                if any(
                    o.at > c.at
                    and o.stance == c.stance
                    and (own == UNKNOWN_SIDE or side(o.party) == own)
                    and _agree(aspect.type, c.value, o.value)
                    for o in later.get(c.aspect, ())
                ):
                    continue
            keep.append(c)
        if len(keep) == len(self.claims):
            return
        self.claims[:] = keep
        used = {c.party for c in keep}
        for pid in [p for p in self.parties if p not in used]:
            del self.parties[pid]

    def _bare_counts(self, text: str) -> bool:
        """A sentence that only gives counts ("Six of them children.", "75 people were
        wounded."): the toll of the speaker of the sentence before, in the same paragraph."""
        if not self.ex.reader.may_count(text) or self.lex.speech_verb.search(text):
            return False
        findings = self.ex.reader.findings(text)
        aspects = self.ex.registry.aspects
        return bool(findings) and all(
            (a := aspects.get(f.aspect)) is not None and a.type is AspectType.COUNT
            for f in findings
        )

    def _settle_unknowns(self) -> None:
        """An unknown speaker that names an institution without its country ("- Defence
        Ministry" in a headline) is that country's when only one country's institution of that
        name is among the report's speakers' sides."""
        registry = self.ex.registry
        sides = []
        for c in self.claims:
            party = registry.party(c.party)
            if party is not None and party.side not in sides:
                sides.append(party.side)
        for pid, party in list(self.parties.items()):
            if (
                party.side != UNKNOWN_SIDE
                or countries_in(party.name)
                or len(party.name.split()) > 4
            ):
                continue
            found = {  # the side's name alone is no institution of that side
                hit[0]
                for side in sides
                if (hit := registry.lookup(f"{side} {party.name}")) is not None
                and hit != registry.lookup(side)
            }
            if len(found) != 1:
                continue
            (real,) = found
            del self.parties[pid]
            for c in self.claims:
                if c.party == pid:
                    c.party = real
            self._party(Speaker(real, party.name, "", True))

    def _own_voice(self, text: str, quoting: Speaker) -> bool:
        """Whether a sentence inside a quotation left open names a registered speaker of its
        own ("Ukraine said the attack was ..."): the quotation ended with a stray mark, and
        the sentence is read as usual. (The quoted speaker's "they believed" stays theirs.)"""
        if not any(ch.isupper() for ch in text[1:]):
            return False
        att = find_attribution(text, self.lex)
        if att is None or att.cue != "verb" or not att.speaker.strip():
            return False
        words = clean_subject(att.speaker)
        if self.resolver.is_anaphor(words) or norm(words) in self.lex.epithets:
            return False
        if len(words.split()) <= 2 and countries_in(words):
            return True  # "Ukraine said", "Russia's" (a country for its government)
        found = self.resolver.resolve(words)
        return found is not None and found.matched and found.party != quoting.party

    def _note_person(self, text: str) -> None:
        """A person a sentence names without attributing anything to them ("the BBC spoke to
        Kateryna Holoborod"): a following "she said" is theirs. A place or an outlet is none."""
        name = person_named(text)
        if not name or self.ex.gazetteer.find(name):
            return
        hit = self.ex.registry.match(name)
        party = self.ex.registry.party(hit[0]) if hit is not None else None
        if party is not None and party.kind in self.lex.own_words_kinds:
            return
        self.resolver.mention(name)

    def _implicit(self, seg: _Segment) -> Attribution | None:
        """Speakers with no speech verb: "footage was posted online", "On social networks, ..."."""
        m = self.lex.publication.search(seg.text)
        if m:
            after = _PUNCT.split(seg.text[m.end() :], maxsplit=1)[0]
            if self.ex.registry.match(after) is not None:
                return Attribution(
                    seg.text, after, (0, len(seg.text)), "published", m.group(0), True
                )
        m2 = _ON_PLATFORM.match(seg.text)
        if m2 and self.ex.registry.match(m2.group(1)) is not None:
            return Attribution(
                seg.text, m2.group(1), (m2.end(), len(seg.text)), "published", "", True
            )
        return None

    def _evidence_note(self, seg: _Segment) -> bool:
        """ "X did not provide any evidence": mark X's recent claims, make no claim."""
        if text_words(seg.text).isdisjoint(self.lex.firsts["evidence_none"]):
            return False
        m = self.lex.evidence["none"].search(seg.text)
        if not m or self.ex.reader.findings(seg.text[m.end() :]):
            return False
        subject = _EVIDENCE_AUX.sub("", seg.text[: m.start()])
        speaker = self.resolver.resolve(subject) if subject.strip() else self.resolver.last
        if speaker is None:
            return False
        for claim in reversed(self.claims[-6:]):
            if claim.party == speaker.party:
                claim.evidence = ["none"]
        return True


def _agree(kind: AspectType, a: object, b: object) -> bool:
    """Whether two drafted values give the same answer: an equal category, a shared item of
    a set, overlapping counts ("at least 13" and "13")."""
    if a is None or b is None:
        return a is None and b is None
    if kind is AspectType.SET:
        items = set(a) if isinstance(a, list | tuple) else {a}
        return bool(items & (set(b) if isinstance(b, list | tuple) else {b}))
    if kind is AspectType.COUNT:
        from claimgraph.quantities import parse_count

        try:
            return parse_count(str(a)).overlaps(parse_count(str(b)))
        except ValueError:
            return False
    return a == b


# A quotation left open runs on for at most this many sentences (a stray mark ends nothing).
_QUOTED_SENTENCES = 8
_DOUBLE_MARKS = '"“”«»„'
_DOUBLE_MARK = re.compile(f"[{_DOUBLE_MARKS}]")


def _marks(text: str, depth: int) -> Iterator[tuple[int, bool, int]]:
    """Each double quotation mark in ``text``: its place, whether it closes a quotation,
    and how many are open after it (``depth`` being open before the text)."""
    from claimgraph.extract.sentences import _quote_role

    for m in _DOUBLE_MARK.finditer(text):
        role = _quote_role(text, m.start(), depth)
        closes = role < 0 and depth > 0
        depth += 1 if role > 0 else -1 if closes else 0
        yield m.start(), closes, depth


def _closing_at(text: str, depth: int) -> int:
    """Where the quotation open before ``text`` (``depth`` marks) closes in it, or -1."""
    return next((at for at, closes, now in _marks(text, depth) if closes and now == 0), -1)


def _open_quotes(text: str, depth: int) -> int:
    """How many double quotation marks are still open after ``text``, ``depth`` being open
    before it: 'X: "It was a drone.' leaves 1, 'It fell on a house."' closes one."""
    marked = any(mark in text for mark in _DOUBLE_MARKS)  # (cheaper than the regex)
    return deque(_marks(text, depth), maxlen=1)[0][2] if marked else depth


def _title(sentences: list[Sentence]) -> str:
    for s in sentences:
        words = s.text.split()
        if len(words) >= 3:
            return _shorten(s.text, 90)
    return "Untitled report"
