"""Claim extraction: a raw report in, a draft claim file out, for a fact-checker to review.

The work is split by question: :mod:`.sentences` splits the text (quoted
speech kept whole), :mod:`.attribution` finds who says it and resolves the
speaker to a party, :mod:`.values` reads what is said (aspect, value,
stance, certainty, evidence) and :mod:`.events` finds when and where.
:func:`extract_report` puts them together; :func:`generate_draft` yields the
draft's YAML and :func:`write_draft` writes it, never over an existing file
unless asked.

>>> from claimgraph.model import Party
>>> reg = Registry.from_parties([Party("kharkiv-ova", "Kharkiv regional administration",
...                                    "ukraine", aliases=("Oleg Synegubov",))])
>>> d = extract_report("date 2024-03-20 In Kharkiv, at least four people were killed, "
...                    "governor Oleg Synegubov said.", "r.txt", reg)
>>> [(c.party, c.aspect, c.value, c.event) for c in d.claims]
[('kharkiv-ova', 'killed', 'at least four', 'kharkiv-2024-03-20')]
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from pathlib import Path

from claimgraph.extract.attribution import (
    Attribution,
    Registry,
    Resolver,
    Speaker,
    clean_subject,
    find_attribution,
    find_word,
    norm,
)
from claimgraph.extract.catalogue import Catalogue
from claimgraph.extract.events import (
    MONTHS,
    DateRef,
    Gazetteer,
    Place,
    date_mentions,
    resolve_dates,
    years_in,
)
from claimgraph.extract.header import read_header
from claimgraph.extract.lexicon import Lexicon, forget_words, lexicon, text_words
from claimgraph.extract.names import countries_in, name_words
from claimgraph.extract.sentences import OPENING, QUOTES, Sentence, split_plain, split_sentences
from claimgraph.extract.values import Finding, Reader, certainty_of, evidence_of
from claimgraph.model import AspectType, Party, Stance, slugify

__all__ = [
    "Draft",
    "DraftClaim",
    "DraftEvent",
    "Extractor",
    "Registry",
    "extract_report",
    "generate_draft",
    "write_draft",
]

UNKNOWN_SIDE = "unknown"
UNKNOWN_SIDE_NAME = "Unknown: a speaker not yet registered in parties.yaml"

# Cues that attribute words explicitly (a sentence with one of them and no
# recognised aspect still becomes a `comment` claim).
_NEXT_WORD = re.compile(r"[ \t]+([\w-]+)")
_EXPLICIT = frozenset({"quote", "colon", "according-to", "as-reported", "verb", "reported-by"})
# (case is ignored only in the words, so that the engine can skip to "," and ";")
_CLAUSE_BREAK = re.compile(r"(?:,\s+(?i:but|while|whereas)\s+|;\s+)")
# ", a day after", ", hours before": where a second voice may begin (split only when
# both sides have a speech verb).
_LATER_VOICE = re.compile(
    r",\s+(?:(?i:(?:(?:a|an|one|two|three|several|just|only|some)\s+)?"
    r"(?:(?:day|days|hour|hours|week|weeks|month|months)\s+)?(?:after|before)|whereas)"
    r"|(?:where|with)(?=\s+[A-Z]))\s+"
)
_TRIM = " \t\n,;:" + "".join(QUOTES)
_PUNCT = re.compile(r"[,.;]")
_ON_PLATFORM = re.compile(r"\s*(?:on|in|across)\s+([^,]{2,40}),", re.IGNORECASE)
_EVIDENCE_AUX = re.compile(r"\s+(?:has|have|had|did|does|also|still)\s*$")
_LIST_SPLIT = re.compile(r",\s*|\s+and\s+")
_LAST_WORD = re.compile(r"\w+(?=\W*$)")
# "Kherson Oblast" -> "Kherson" (the region's name as parties write it)
_REGION_WORD = re.compile(r"\s+(?:oblast|region|krai|province|republic)$", re.IGNORECASE)


@dataclass(slots=True)
class DraftClaim:
    """One extracted claim, in the fields of a claim file."""

    id: str
    event: str
    party: str
    quote: str
    aspect: str
    value: object = None
    speaker: str = ""
    via: str = ""
    stance: str = "asserts"
    certainty: str = "asserted"
    evidence: list[str] = field(default_factory=list)
    said_on: date | None = None
    at: int = 0  # character offset of the quote in the report


@dataclass(slots=True)
class DraftEvent:
    """An event the draft refers to; ``known`` when the claims folder already defines it."""

    id: str
    title: str
    when: DateRef | None
    place: str
    region: str = ""
    coords: tuple[float, float] | None = None
    known: bool = False
    month_day: tuple[int, int] | None = None  # an undated event's dateline day (no year)


@dataclass(slots=True)
class Draft:
    """The draft claim file for one report, plus what the summary needs."""

    name: str
    source: dict[str, object]
    claims: list[DraftClaim] = field(default_factory=list)
    events: dict[str, DraftEvent] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)

    @property
    def matched(self) -> list[str]:
        """Registered parties and catalogue actors the draft's claims name, sorted."""
        unknown = {p.id for p in self.parties.values() if p.side == UNKNOWN_SIDE}
        return sorted({c.party for c in self.claims} - unknown)

    @property
    def unmatched(self) -> list[str]:
        """The words of speakers neither the registry nor the catalogue matched."""
        return [p.name for p in self.parties.values() if p.side == UNKNOWN_SIDE]

    @property
    def from_catalogue(self) -> list[str]:
        """Catalogue actors the draft defines (for the fact-checker to confirm), sorted."""
        return sorted(p.id for p in self.parties.values() if p.side != UNKNOWN_SIDE)


class Extractor:
    """Extracts drafts from reports with one registry, lexicon and gazetteer (reusable)."""

    def __init__(
        self,
        registry: Registry | None = None,
        *,
        lex: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        registry = registry if registry is not None else Registry()
        if not registry.aspects:
            # the built-in aspects, without changing the caller's registry
            from claimgraph.extract.values import builtin_aspects

            registry = Registry(dict(registry.parties), builtin_aspects(), dict(registry.events))
            registry.index()
        registry.attach(catalogue if catalogue is not None else Catalogue.default())
        self.registry = registry
        self.lex = lex or lexicon()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.reader = Reader(self.registry.aspects, self.lex, self.gazetteer)

    def extract(self, text: str, path: str | Path, *, file: str | None = None) -> Draft:
        """The draft for one report's ``text``; ``file`` is written as ``source.file``."""
        forget_words()  # the memo of words is one report's
        return _Run(self, text, Path(path), file).draft


def extract_report(
    text: str, path: str | Path, registry: Registry | None = None, *, file: str | None = None
) -> Draft:
    """Extract the draft claim file of one report.

    ``path`` names the report (the draft is named after it); ``file`` is
    the path recorded as ``source.file`` (default: ``path``), relative to
    the project root so the validator finds the text for its quote check.
    """
    return Extractor(registry).extract(text, path, file=file)


# ---------------------------------------------------------------------------


@dataclass(slots=True)
class _Segment:
    text: str
    start: int
    paragraph: int


class _Run:
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
        header = read_header(text)
        dl = header.when
        self.header = header
        body = header.text
        wire = _DATELINE.match(body)
        if wire:  # "KYIV - ": a dateline with no agency, at the story's start
            body = " " * wire.end() + body[wire.end() :]
        for label in ex.lex.layout_label.finditer(body):  # "Quote: ", "Details: "
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

    # -- events ------------------------------------------------------------

    def _settlement(self, story_start: int) -> list[Place]:
        """A settlement the headline or lede names as one ("the village of Hroza", "Hroza
        village") that the gazetteer does not know: a place of its own, kind village."""
        m = self.ex.lex.settlement.search(self.body, 0, story_start)
        if m is None:
            return []
        name = m.group("name") or m.group("name2")
        return [Place(name, kind="village")]

    def _government(self, place: Place, start: int, end: int) -> bool:
        """Whether a capital named here stands for its government ("the Kyiv regime",
        "Moscow's forces", "Kyiv denied"): then it is no place of the event."""
        if not self.ex.registry.stands_for_a_government(self.body[start:end]):
            return False
        after = self.body[end : end + 40]
        if after[:2] in ("'s", "’s") or self.ex.lex.government_after.search(
            self.body[max(0, start - 30) : start]
        ):
            return True
        m = _NEXT_WORD.match(after)
        if m is None:
            return False
        word = m.group(1)
        return (
            word.casefold() in self.ex.lex.government_nouns
            or self.ex.lex.speech_verb.fullmatch(word) is not None
        )

    def _plan_events(self, dl: DateRef | None) -> None:
        """One main event per report; a sentence leaves it only for another dated incident.

        The main date is the date line or dateline (else the first explicit
        date), moved to the lede's own day when the lede names one shortly
        before it ("date 2024-11-18 ... overnight on Sunday"); the main place
        is the headline's or the first sentence's, else the first named.
        """
        ref = dl.end if dl is not None else None
        # with no date for the report, a year mentioned in passing ("since 2014") dates
        # nothing: only dates with their own year (or weekday) count
        years = years_in(self.text) if ref is not None else []
        ref0 = ref
        pieces = [(sentence.start, sentence.text) for sentence in self.sentences]
        mentions = date_mentions(self.body, pieces)
        dated = [d for d in resolve_dates(mentions, ref, years) if not _in_passing(self.body, d)]
        first = [d for d in dated if d.is_day]
        if dl is not None and dl.is_day:
            main: DateRef | None = dl
        elif dl is not None:
            inside = [d for d in first if dl.start <= d.start <= dl.end]
            main = inside[0] if inside else dl
        else:
            main = first[0] if first else None
        self.month_day = self.header.month_day
        if main is None and self.month_day is None:
            # no year anywhere: the first day named ("on March 11") still lets reports meet
            for m in mentions:
                month, day = m.groupdict().get("month"), m.groupdict().get("day")
                if month and day and month.casefold().rstrip(".") in MONTHS:
                    self.month_day = (MONTHS[month.casefold().rstrip(".")], int(day))
                    break
        self.published = main.start if main is not None and main.is_day else None
        ref = self.published or ref or (main.end if main else None)
        self.ref = ref
        all_dates = (
            dated
            if ref == ref0
            else [d for d in resolve_dates(mentions, ref, years) if not _in_passing(self.body, d)]
        )
        lede_end = self.sentences[1].end if len(self.sentences) > 1 else len(self.body)
        story_start = self.sentences[min(3, len(self.sentences) - 1)].end if self.sentences else 0
        if main is not None and main.is_day and dl is None and self.sentences:
            # a date line inside the text ("Apr 7, 2025 18:00" under the headline): the story
            # starts after it
            at = bisect.bisect_right([x.end for x in self.sentences], main.at)
            story_start = self.sentences[min(at + 3, len(self.sentences) - 1)].end
        if main is not None and main.is_day:
            # the incident's day, a few days before the report's (the headline, the lede
            # and the next two sentences)
            lede = [
                d for d in all_dates if d.at < story_start and d.is_day and d.start < main.start
            ]
            if lede and main.start - lede[0].start <= timedelta(days=6):
                main = lede[0]  # the incident's day, reported a day or two later
        found = [f for f in self.ex.gazetteer.find_in(pieces) if not self._government(*f)]
        towns = [(p, at) for p, at, _ in found if p.kind not in _BROAD]
        regions = [(p, at) for p, at, _ in found if p.kind == "region"]
        lede_towns = [p for p, at in towns if at < lede_end]
        if not lede_towns and not [p for p, at in towns if at < story_start]:
            # a village the gazetteer lacks, named as one in the opening sentences
            lede_towns = self._settlement(story_start)
        main_place = (
            lede_towns[0]
            if lede_towns
            else towns[0][0]
            if towns
            else regions[0][0]
            if regions
            else None
        )
        self.main_when = main
        self.sentence_event: list[str] = []
        k = 0
        di = 0
        for s in self.sentences:
            places = []
            while k < len(found) and found[k][1] < s.end:
                if found[k][1] >= s.start:
                    places.append(found[k][0])
                k += 1
            dates = []
            while di < len(all_dates) and all_dates[di].at < s.end:
                if all_dates[di].at >= s.start:
                    dates.append(all_dates[di])
                di += 1
            other = [d for d in dates if main is None or not d.overlaps(main)]
            elsewhere = [p for p in places if p.kind not in _BROAD and p != main_place]
            if not elsewhere:
                # "..., Peskov said on Monday": the day of the words, no other incident (unless
                # the sentence names another town too)
                other = [d for d in other if not self._statement_day(d)]
            if other and not any(main is not None and d.overlaps(main) for d in dates):
                here = [p for p in places if p.kind not in _BROAD] or places
                self.sentence_event.append(self._event(here[0] if here else main_place, other[0]))
            else:
                self.sentence_event.append(self._event(main_place, main))

    def _statement_day(self, d: DateRef) -> bool:
        """Whether a date is the day a statement was made ("Peskov said on Monday",
        "reported Sunday"), not an incident's."""
        before = self.body[max(0, d.at - 30) : d.at]
        m = _SAID_ON.search(before)
        return m is not None and self.lex.speech_verb.fullmatch(m.group(1)) is not None

    def _event(self, place: Place | None, when: DateRef | None) -> str:
        # the dates, not where in the text they were written
        key = (
            place.name if place is not None else "",
            when.start if when is not None else None,
            when.end if when is not None else None,
        )
        known = self._event_ids.get(key)
        if known is None:
            known = self._event_ids[key] = self._make_event(place, when)
        return known

    def _make_event(self, place: Place | None, when: DateRef | None) -> str:
        name = place.name if place is not None else "unknown-place"
        # a registered event of the place on the same dates, else within a day (a report
        # dated the morning after the strike, as drafts of one strike are grouped)
        for slack in (timedelta(0), timedelta(days=1)):
            for ev in self.ex.registry.events.values():
                lo = ev.date or ev.start
                hi = ev.date or ev.end or ev.start
                if when is None or lo is None or hi is None:
                    continue
                if not (lo - slack <= when.end and when.start <= hi + slack):
                    continue
                names = {name.casefold(), *self.ex.gazetteer.aliases(name)}
                where = f"{ev.place} {ev.title}".casefold()
                if any(find_word(where, n) is not None for n in names):
                    self.events.setdefault(
                        ev.id, DraftEvent(ev.id, ev.title, when, ev.place, known=True)
                    )
                    return ev.id
        slug = f"{slugify(name)}-{when.slug if when else 'undated'}"
        if slug in self.ex.registry.events:
            slug = f"{slug}-{self.stem}"
        if slug not in self.events:
            title = f"Events in {name}" + (f", {when}" if when else "")
            self.events[slug] = DraftEvent(
                slug,
                title,
                when,
                name,
                place.region if place else "",
                place.coords if place else None,
                month_day=self.month_day if when is None else None,
            )
        return slug

    # -- claims ------------------------------------------------------------

    def _segments(self, s: Sentence) -> Iterator[_Segment]:
        if s.text[:1] in OPENING:
            yield _Segment(s.text, s.start, s.paragraph)
            return
        pos = 0
        for m in _CLAUSE_BREAK.finditer(s.text):
            # never split inside quotation marks
            if _inside_quote(s.text, m.start()):
                continue
            yield from self._second_voice(s.text[pos : m.start()], s.start + pos, s.paragraph)
            pos = m.end()
        yield from self._second_voice(s.text[pos:], s.start + pos, s.paragraph)

    def _second_voice(self, text: str, start: int, paragraph: int) -> Iterator[_Segment]:
        """ "..., officials said, a day after Moscow said ...": two attributions, two segments."""
        for m in _LATER_VOICE.finditer(text):
            head, tail = text[: m.start()], text[m.end() :]
            if (
                not _inside_quote(text, m.start())
                and self.lex.speech_verb.search(head)
                and self.lex.speech_verb.search(tail)
            ):
                yield _Segment(head, start, paragraph)
                yield from self._second_voice(tail, start + m.end(), paragraph)
                return
        yield _Segment(text, start, paragraph)

    def _attribute(self) -> None:
        prev_paragraph = -1
        carried: Speaker | None = None
        for index, s in enumerate(self.sentences):
            event = self.sentence_event[index]
            if s.paragraph != prev_paragraph:
                carried = None
            prev_paragraph = s.paragraph
            t = s.text
            if (
                "separate" in t
                or "other" in t
                or "various" in t
                or "unrelated" in t
                or "lsewhere" in t  # (also "Elsewhere")
            ) and _OTHER_INCIDENT.search(t):
                continue  # "four more died in separate attacks": not this event's figures
            for seg in self._segments(s):
                att = find_attribution(seg.text, self.lex, headline=index == 0)
                if att is None:
                    if self._evidence_note(seg):
                        continue
                    att = self._implicit(seg)
                    if (
                        att is None
                        and carried is not None
                        and (self.lex.continuation.search(seg.text) or self._bare_counts(seg.text))
                    ):
                        self._claims(seg, att, [carried], event, continuation=True)
                        continue
                    if att is None:
                        continue
                speakers = self._speakers(att, event)
                if not speakers:
                    continue
                self._claims(seg, att, speakers, event)
                carried = speakers[-1] if att.cue in _EXPLICIT else None

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

        def side(party_id: str) -> str:
            party = registry.party(party_id) or self.parties.get(party_id)
            return party.side if party is not None else UNKNOWN_SIDE

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

    def _previous(self, seg: _Segment) -> str | None:
        """The text of the sentence before ``seg`` (for "X reported it")."""
        if len(self._ends) != len(self.sentences):
            self._ends = [s.end for s in self.sentences]
        n = bisect.bisect_right(self._ends, seg.start)  # sentences ending before seg
        return self.sentences[n - 1].text if n else None

    def _paragraph_before(self, seg: _Segment) -> list[Sentence]:
        """The sentences of ``seg``'s paragraph before it, or the previous paragraph's."""
        if len(self._ends) != len(self.sentences):
            self._ends = [s.end for s in self.sentences]
        n = bisect.bisect_right(self._ends, seg.start)
        same = [s for s in self.sentences[max(0, n - 8) : n] if s.paragraph == seg.paragraph]
        if same:
            return same
        if not n:
            return []
        last = self.sentences[n - 1].paragraph
        return [s for s in self.sentences[max(0, n - 8) : n] if s.paragraph == last]

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

    def _speakers(self, att: Attribution, event: str) -> list[Speaker]:
        if att.cue == "passive" or not att.speaker.strip():
            last = self.resolver.last
            return [last] if last is not None else []
        if att.cue == "declines":
            parts = [p for p in _LIST_SPLIT.split(att.speaker) if p.strip()]
            found: dict[str, Speaker] = {}
            for part in parts:
                sp = self.resolver.resolve(part)
                if sp is not None and sp.matched:
                    found.setdefault(sp.party, sp)
            if len(found) >= 1 and len(parts) > 1:
                speakers = list(found.values())
                self.resolver.remember(speakers[0])
                return speakers
        anonymous = self._anonymous(att)
        if anonymous is not None:
            self.resolver.remember(anonymous)
            return [anonymous]
        speaker = self.resolver.resolve(att.speaker)
        if speaker is None or not speaker.matched:
            speaker = self._local_authority(att.speaker, event) or speaker
        if speaker is not None and not speaker.matched:
            speaker = self._of_the_country(att, speaker)
        if speaker is None or (att.cue == "by-agent" and not speaker.matched):
            return []
        self.resolver.remember(speaker)
        return [speaker]

    def _of_the_country(self, att: Attribution, speaker: Speaker) -> Speaker:
        """ "..., the defence ministry said": the ministry of the one country the sentence names.

        Only for a short definite phrase ("the defence ministry", "the air
        force"); the country is the first the sentence names outside the
        phrase (by name, adjective or possessive): "Russian air defences
        destroyed 24 Ukrainian drones, the defence ministry said"; before
        that, a recent speaker it names again, and after it, the side of the
        last speaker.
        """
        words = clean_subject(att.speaker)
        if not _DEFINITE.match(words) or len(words.split()) > 5:
            return speaker
        registry = self.ex.registry
        sides = []
        for prev in reversed(self.resolver.recent):
            party = registry.party(prev.party)
            if party is not None and party.side not in sides:
                sides.append(party.side)
        # a recent speaker it names again ("Russia's defence ministry ... the ministry said")
        # The country must not be the whole of the name found: "Russia" + "Olena
        # Petrenko" finds the Russian government by the country's name alone.
        for side in sides:
            found = registry.lookup(f"{side} {words}")
            if (
                found is not None
                and found != registry.lookup(side)
                and any(p.party == found[0] for p in self.resolver.recent)
            ):
                return Speaker(found[0], speaker.words, speaker.person, True)
        rest = att.text.replace(att.speaker, " ")
        for country in countries_in(rest)[:1] or sides[:1]:
            found = registry.lookup(f"{country} {words}")
            if found is not None and found != registry.lookup(country):
                return Speaker(found[0], speaker.words, speaker.person, True)
        return speaker

    def _anonymous(self, att: Attribution) -> Speaker | None:
        """ "A source in the SBU told ...": the source's institution, else the outlet told.

        Either way the words are second-hand (``reported``). None when the
        speaker is not an unnamed source (data/extract.yaml, ``anonymous_sources``).
        """
        m = self.lex.anonymous_source.match(att.speaker)
        if m is None:
            return None
        rest = att.speaker[m.end() :]
        registry = self.ex.registry
        for where in (rest, att.recipient):
            hit = registry.match(where) if where.strip() else None
            if hit is not None:
                return Speaker(hit[0], att.speaker.strip(), "", True, anonymous=True)
        unknown = self.resolver.resolve(att.speaker)
        return replace(unknown, anonymous=True) if unknown is not None else None

    def _local_authority(self, words: str, event: str) -> Speaker | None:
        """ "Regional officials", "the governor": the registered authority of the event's place.

        Only when exactly one registered party of that level (data/extract.yaml,
        ``local_authorities``) names the event's place or its region.
        """
        spec = self.lex.raw.get("local_authorities") or {}
        said = text_words(words)
        # the head noun is the last word ("the head of the local hospital" is a hospital's),
        # but a mayor or governor "of" a place is one ("the mayor of the industrial hub")
        title = _LAST_WORD.search(re.split(r"\s+of\s+", words.casefold(), maxsplit=1)[0])
        last = _LAST_WORD.search(words.casefold())
        if title is not None and title.group(0) in ("mayor", "governor"):
            last = title
        # the phrase's head noun is an authority: "regional officials", not
        # "the head of the local hospital"
        if last is None or last.group(0) not in {str(w) for w in spec.get("heads", ())}:
            return None
        level = next(
            (
                lv
                for lv in (spec.get("levels") or {}).values()
                if not said.isdisjoint(str(w) for w in lv.get("words", ()))
            ),
            None,
        )
        ev = self.events.get(event)
        if level is None or ev is None:
            return None
        known = self.ex.registry.events.get(event)
        region = known.region if known is not None else ev.region
        places = {n for n in (ev.place, _REGION_WORD.sub("", region)) if len(n) > 2}
        kinds = {str(k) for k in level.get("kinds", ())}
        found = [
            party
            for party in self.ex.registry.parties.values()
            if party.kind in kinds
            and any(
                find_word(norm(name), norm(place)) is not None
                for name in (party.name, *party.aliases)
                for place in places
            )
        ]
        book = self.ex.registry.book
        if not found and book is not None:
            # else the catalogue's authorities of that place
            folded = {_REGION_WORD.sub("", p).casefold() for p in places}
            found = [
                actor.party
                for actor in book.catalogue.actors.values()
                if actor.party.kind in kinds
                and actor.party.id not in book.absorbed
                and _REGION_WORD.sub("", actor.place).casefold() in folded
            ]
        if len(found) > 1:
            # a city's authority is no regional one, and the other way round
            other = {
                str(w)
                for lv in (spec.get("levels") or {}).values()
                if lv is not level
                for w in lv.get("words", ())
            } - {str(w) for w in level.get("words", ())}
            own = [
                p
                for p in found
                if not any(
                    find_word(norm(name), w) is not None
                    for name in (p.name, *p.aliases)
                    for w in other
                )
            ]
            found = own or found
        if len(found) > 1:
            # "the region's Kremlin-appointed head": the side the words name
            folded = set(name_words(words))
            side = "russia" if folded & {"occupation", "russia"} else None
            side = "ukraine" if side is None and "ukraine" in folded else side
            if side is not None:
                found = [p for p in found if p.side == side]
        if len(found) != 1:
            return None
        return Speaker(found[0].id, words.strip(), "", True)

    def _claims(
        self,
        seg: _Segment,
        att: Attribution | None,
        speakers: list[Speaker],
        event: str,
        *,
        continuation: bool = False,
    ) -> None:
        lo, hi = att.content if att is not None else (0, len(seg.text))
        content = Sentence(seg.text[lo:hi], seg.start + lo, seg.start + hi, seg.paragraph)
        # "X first reported it": X reports what the previous sentence says.
        pronoun = content.text.strip(_TRIM + ".").casefold() in _PRONOUN_CONTENT
        previous = self._previous(seg) if pronoun else None
        cue = att.cue if att is not None else "continuation"
        quoted = cue in ("quote", "colon") or seg.text[lo : lo + 2].strip()[:1] in OPENING
        via = self._via(seg.text)
        evidence = evidence_of(seg.text, self.lex)
        for speaker in speakers:
            generic = self._generic_memo.get(speaker.words)
            if generic is None:
                generic = self._generic_memo[speaker.words] = self.lex.is_generic_speaker(
                    speaker.words
                )
            self._speaking_generic = generic
            party = self._party(speaker)
            kind = self._kind(party)
            ev = list(evidence)
            if not ev and kind in self.lex.eyewitness_kinds:
                ev = ["eyewitness"]
            reported = (
                bool(att and att.second_hand)
                or kind in self.lex.reported_kinds
                or speaker.anonymous
            )
            own_words = quoted or kind in self.lex.own_words_kinds
            base = DraftClaim(
                id="",
                event=event,
                party=party,
                quote="",
                aspect="comment",
                speaker=speaker.person,
                via=via,
                evidence=ev,
                said_on=self._said_on(event),
            )
            if cue == "declines":
                self._add(base, seg.text, seg.start, aspect="comment", stance="declines")
                continue
            made = 0
            hedged_quote = False
            denied = att is not None and att.verb.casefold() in self.lex.denial_verbs
            if previous is not None and cue == "reported-by":
                # "This was reported by X": X said what the sentences before say, in their words
                certainty = "reported" if reported else "asserted"
                for before in self._paragraph_before(seg):
                    for f in self.ex.reader.findings(before.text):
                        made += self._add_finding(base, before, f, certainty)
                continue
            if previous is not None:
                certainty = "reported" if reported else "asserted"
                for f in self.ex.reader.findings(previous):
                    made += self._add_finding(base, seg_sentence(seg), f, certainty)
                continue
            for inner in split_plain(content, self.lex.abbreviations):
                findings = self.ex.reader.findings(inner.text)
                blamed = (
                    self.ex.reader.blamed(att.verb, inner.text)
                    if att is not None and inner.start == content.start
                    else None
                )
                if blamed is not None:
                    # "X accused Ukraine of shelling": who fired is the answer
                    findings = [blamed, *(f for f in findings if f.aspect != "perpetrator")]
                if att is not None and att.speaker.strip():
                    # the speaker's own name is not what they say ("the Russian army says")
                    own = find_word(inner.text, att.speaker.strip())
                    if own is not None:
                        at, stop = own
                        findings = [
                            f
                            for f in findings
                            if f.end <= at or f.start >= stop or f.aspect == "location"
                        ]
                certainty = certainty_of(inner.text, own_words, self.lex)
                if certainty == "hedged" and quoted:
                    hedged_quote = True
                elif hedged_quote:
                    certainty = "hedged"
                if certainty == "asserted" and reported:
                    certainty = "reported"
                for f in findings:
                    if denied:
                        f.stance = Stance.DENIES
                    made += self._add_finding(base, inner, f, certainty)
            if made == 0 and (
                denied
                or ("involved" in content.text or "nothing" in content.text)
                and _NOT_INVOLVED.search(content.text)
            ):
                made += self._denies_involvement(base, seg, content, kind)
            if made == 0 and (cue in _EXPLICIT or cue == "published") and not continuation:
                if "comment" in self.ex.registry.aspects:
                    certainty = certainty_of(content.text, own_words, self.lex)
                    if certainty == "asserted" and reported:
                        certainty = "reported"
                    quote = content.text.strip(_TRIM)
                    if (
                        len(quote.split()) >= 4
                        and not _META.match(quote)
                        and not _FRAGMENT.match(quote)
                    ):
                        self._add(
                            base,
                            content.text,
                            content.start,
                            aspect="comment",
                            value=_shorten(quote),
                            stance="denies" if denied else "asserts",
                            certainty=certainty,
                        )

    def _denies_involvement(
        self, base: DraftClaim, seg: _Segment, content: Sentence, kind: str
    ) -> int:
        """ "Kyiv denied responsibility", "said it was not involved": the speaker's own side's
        forces denied as the perpetrator (when the claims folder asks who fired)."""
        aspect = self.ex.registry.aspects.get("perpetrator")
        party = self.ex.registry.party(base.party)
        if aspect is None or party is None or not _INVOLVEMENT.search(seg.text):
            return 0
        stem = {"ukraine": "ukrain", "russia": "russia"}.get(party.side)
        value = next((v for v in aspect.values if stem and stem in v), None)
        if value is None:
            return 0
        self._add(
            base, content.text, content.start, aspect="perpetrator", value=value, stance="denies"
        )
        return 1

    def _add_finding(self, base: DraftClaim, inner: Sentence, f: Finding, certainty: str) -> int:
        aspect = self.ex.registry.aspects.get(f.aspect)
        if aspect is None:
            return 0
        value = f.value
        if aspect.type is AspectType.COUNT and isinstance(value, str):
            value = value.strip()
        self._add(
            base,
            inner.text,
            inner.start,
            aspect=f.aspect,
            value=value,
            stance=f.stance.value if f.stance is not Stance.ASSERTS else "asserts",
            certainty=certainty,
        )
        return 1

    def _add(
        self,
        base: DraftClaim,
        text: str,
        start: int,
        *,
        aspect: str,
        value: object = None,
        stance: str = "asserts",
        certainty: str = "asserted",
    ) -> None:
        quote, offset = _trim(text)
        if not quote:
            return
        said = (base.party, aspect, quote, stance)
        if said in self._said:
            return
        self._said.add(said)
        cid = f"{self.stem}-{_short(base.party)}-{aspect}"
        unique = cid
        if unique in self.ids:
            # the next free number for this id, remembered: linear, not quadratic
            n = self._next_n.get(cid, 2)
            while f"{cid}-{n}" in self.ids:
                n += 1
            unique = f"{cid}-{n}"
            self._next_n[cid] = n + 1
        self.ids.add(unique)
        if self._speaking_generic:
            self._generic.add(unique)
        self.claims.append(
            DraftClaim(
                id=unique,
                event=base.event,
                party=base.party,
                quote=quote,
                aspect=aspect,
                value=value,
                speaker=base.speaker,
                via=base.via,
                stance=stance,
                certainty=certainty,
                evidence=list(base.evidence),
                said_on=base.said_on,
                at=start + offset,
            )
        )

    def _party(self, speaker: Speaker) -> str:
        if speaker.matched:
            if speaker.party not in self.ex.registry.parties and speaker.party not in self.parties:
                actor = self.ex.registry.party(speaker.party)  # a catalogue actor
                if actor is not None:
                    self.parties[speaker.party] = Party(
                        actor.id, actor.name, actor.side, actor.kind
                    )
            return speaker.party
        if speaker.party not in self.parties:
            self.parties[speaker.party] = Party(
                speaker.party, speaker.words, UNKNOWN_SIDE, "unknown"
            )
        return speaker.party

    def _kind(self, party: str) -> str:
        p = self.ex.registry.party(party)
        return p.kind if p is not None else "unknown"

    def _via(self, text: str) -> str:
        tags = self.lex.via_any.tags(text)
        return tags[0] if tags else ""

    def _said_on(self, event: str) -> date | None:
        ev = self.events.get(event)
        if ev is None or ev.when is None or not ev.when.is_day:
            return self.published
        if self.published is not None and ev.when.start > self.published:
            return self.published
        return ev.when.start


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


def seg_sentence(seg: _Segment) -> Sentence:
    return Sentence(seg.text, seg.start, seg.start + len(seg.text), seg.paragraph)


# A date after these words bounds a period ("since February 2022"): no incident of its own.
# Words of a denied involvement ("denied responsibility", "was not involved").
_INVOLVEMENT = re.compile(
    r"\b(?:responsibility|involvement|involved|behind\s+the|had\s+nothing\s+to\s+do)\b",
    re.IGNORECASE,
)
_NOT_INVOLVED = re.compile(
    r"\b(?:was|were|is|are)\s+not\s+involved\b|\bhad\s+nothing\s+to\s+do\b", re.IGNORECASE
)
# A sentence about other incidents than the report's ("in separate attacks", "elsewhere").
_OTHER_INCIDENT = re.compile(
    r"\b(?:in|during|by)\s+(?:a\s+|two\s+|several\s+)?(?:separate|other|various|unrelated)\s+"
    r"(?:attacks?|strikes?|shelling|incidents?)\b|\belsewhere\s+in\b",
    re.IGNORECASE,
)
_DEFINITE = re.compile(r"the\s+\w", re.IGNORECASE)
_PASSING_DATE = re.compile(r"(?:since|until|till|as\s+of|by|from)\s+(?:the\s+)?$", re.IGNORECASE)


# A speech verb right before a date: "said on Monday", "told reporters late on Sunday".
_SAID_ON = re.compile(
    r"\b(\w+)(?:\s+(?:reporters|journalists|media))?\s+(?:(?:late|early)\s+)?(?:on\s+)?$"
)


def _in_passing(text: str, d: DateRef) -> bool:
    return _PASSING_DATE.search(text[max(0, d.at - 12) : d.at]) is not None


# Gazetteer kinds that are areas, not towns.
_BROAD = frozenset({"region", "country"})

# A wire dateline at the start of a story: "KYIV, Nov 18 (Reuters) - ".
_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]*\.?(?:\s*\d{1,2})?){0,2}"
    r"\s*\([A-Z][\w .-]{0,28}\)\s*[-–—]+\s+"
)
_DATELINE = re.compile(
    r"\s*[A-Z][A-Z .'-]{1,40}(?:,\s*[A-Z][\w.]*\.?\s*\d{1,2})?\s*(?:\([\w .-]{1,30}\)\s*)?[-–—]+\s+"
)

# Content that is only a pronoun: the speaker reported what came before.
_PRONOUN_CONTENT = frozenset({"it", "this", "that", "so", "them", "the news", "the incident"})
# Content that starts like the tail of a clause ("as of noon on Monday.", "for a global
# response"): no statement of its own.
_FRAGMENT = re.compile(r"(?:as\s+of|for|in|at|of|by|from|with)\s", re.IGNORECASE)
# Content that only says what a statement was about ("commented on the incident").
_META = re.compile(r"(?:on|about|upon|regarding)\s+(?:the|this|these|a)\s+\w+$", re.IGNORECASE)


def _inside_quote(text: str, at: int) -> bool:
    from claimgraph.extract.sentences import _quote_role

    depth = 0
    for i in range(at):
        if text[i] in QUOTES:
            role = _quote_role(text, i, depth)
            if role > 0:
                depth += 1
            elif role < 0 and depth > 0:
                depth -= 1
    return depth > 0


def _trim(text: str) -> tuple[str, int]:
    """The text without surrounding quote marks, commas and spaces; the length cut in front."""
    stripped = text.strip(_TRIM)
    if not stripped:
        return "", 0
    return stripped, text.index(stripped)


def _short(party: str) -> str:
    return party if len(party) <= 40 else party[:40].rstrip("-")


def _shorten(text: str, width: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rsplit(" ", 1)[0] + "…"


def _title(sentences: list[Sentence]) -> str:
    for s in sentences:
        words = s.text.split()
        if len(words) >= 3:
            return _shorten(s.text, 90)
    return "Untitled report"


# ---------------------------------------------------------------------------
# Output


# The draft writer lives in draftfile.py; imported last, as it uses the classes above.
from claimgraph.extract.draftfile import generate_draft, write_draft  # noqa: E402
