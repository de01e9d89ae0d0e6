"""One report's events planned: one main event (the report's date and place), a sentence
leaving it only for another dated incident; events matched to the registry's.
"""

from __future__ import annotations

import bisect
import re
from datetime import timedelta

from claimgraph.extract.attribution import find_word
from claimgraph.extract.draft import DraftEvent
from claimgraph.extract.events import (
    MONTHS,
    DateRef,
    Place,
    date_mentions,
    loose_spelling,
    near_month_day,
    place_head,
    resolve_dates,
    years_in,
)
from claimgraph.extract.lexicon import Lexicon
from claimgraph.extract.names import countries_in, name_words
from claimgraph.extract.runstate import _RunState
from claimgraph.model import Event, slugify

_NEXT_WORD = re.compile(r"[ \t]+([\w-]+)")

# A date after these words bounds a period ("since February 2022"): no incident of its own.
_PASSING_DATE = re.compile(r"(?:since|until|till|as\s+of|by|from)\s+(?:the\s+)?$", re.IGNORECASE)


# A speech verb right before a date: "said on Monday", "told reporters late on Sunday".
_SAID_ON = re.compile(
    r"\b(\w+)(?:\s+(?:reporters|journalists|media))?\s+(?:(?:late|early)\s+)?"
    # ("claimed in the early hours of Sunday", "said late on Monday")
    r"(?:in\s+the\s+(?:early\s+|small\s+)?(?:hours|morning|afternoon|evening)\s+of\s+)?"
    r"(?:on\s+)?$"
)


# "the strikes also hit", "the attack had also damaged": more of the report's own attack.
_SAME_ATTACK = re.compile(
    r"\bthe\s+(?:strikes?|attacks?|shelling|bombardment)\s+(?:(?:had|has|have)\s+)?also\b",
    re.IGNORECASE,
)
# How long after a strike a report of it with no day of its own is still taken as of it.
_FOLLOW_UP = timedelta(days=7)


def _in_passing(text: str, d: DateRef) -> bool:
    return _PASSING_DATE.search(text[max(0, d.at - 12) : d.at]) is not None


# How many sentences open a report (where its place is looked for when no town is known).
_OPENING = 8
# The headline and lede, where an undated report's words choose between a place's events.
_LEDE = 4

# A capitalised word that may be a place's name.
_CAPITALISED = re.compile(r"\b[A-Z][a-z'’]{3,}\b")
# Gazetteer kinds that are areas, not towns.
_BROAD = frozenset({"region", "country"})


class _EventPlanning(_RunState):
    """The event planning step of :class:`claimgraph.extract.run._Run`."""

    def _settlement(self, story_start: int) -> list[Place]:
        """A settlement the headline or lede names as one ("the village of Hroza", "Hroza
        village", "in Ukraine's Hroza") that the gazetteer does not know: a place of its
        own, kind village. A country's name or adjective is none ("on Ukrainian city")."""
        for m in self.ex.lex.settlement.finditer(self.body, 0, story_start):
            name = m.group("name") or m.group("name2") or m.group("name3")
            if not countries_in(name):  # "a strike on Ukrainian city ...": no name
                return [Place(name, kind="village")]
        return []

    def _as_region(self, place: Place, start: int) -> Place:
        """A town's name after "the region of" names its region ("in the region of
        Dnipropetrovsk" is the oblast, not the city of that name)."""
        if place.kind in _BROAD or not place.region or place.region == place.name:
            return place
        if self.ex.lex.region_of.search(self.body, max(0, start - 30), start) is None:
            return place
        known = self.ex.gazetteer.places.get(place.region)
        if known is not None and known.kind == "region":
            return known
        return Place(place.region, place.region, "region")

    def _government(self, place: Place, start: int, end: int) -> bool:
        """Whether a capital named here stands for its government ("the Kyiv regime",
        "Moscow's forces", "Kyiv said", "Kyiv dismisses"): then it is no place of the event."""
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
            or word.casefold() in self.ex.lex.denial_verbs
            or self.ex.lex.speech_verb.fullmatch(word) is not None
            # "Kiev unleashes deadly attack", "Moscow launched": who fired, not where
            or _attacks(self.ex.lex, after)
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
        found = [
            (self._as_region(p, start), start, end)
            for p, start, end in self.ex.gazetteer.find_in(pieces)
            if not self._government(p, start, end)
            and self.ex.lex.reference_point.search(self.body, max(0, start - 60), start) is None
        ]
        towns = [(p, at) for p, at, _ in found if p.kind not in _BROAD]
        regions = [(p, at) for p, at, _ in found if p.kind == "region"]
        lede_towns = [p for p, at in towns if at < lede_end]
        if not lede_towns:
            # a registered event's place the gazetteer lacks, spelled otherwise ("Chaplino"
            # for Chaplyne), named in the opening before any town it knows
            first_town = towns[0][1] if towns else len(self.body)
            lede_towns = self._registered_spelling(min(story_start, first_town))
        if not lede_towns or all(
            self.ex.registry.stands_for_a_government(p.name) for p in lede_towns
        ):
            # a village the gazetteer lacks, named as one in the headline or lede (before
            # a capital there, which may stand for its government: "which Kyiv holds"), or
            # in the opening sentences when they name no town the gazetteer knows
            lede_towns = self._settlement(lede_end) or lede_towns
            if not lede_towns and not [p for p, at in towns if at < story_start]:
                lede_towns = self._settlement(story_start)
            if not lede_towns and self.header.place:
                # a dateline's town, when the headline and lede name none ("UMAN, Ukraine
                # (AP) -"), but not a capital, where wire stories are filed from
                here = [
                    p
                    for p, _, _ in self.ex.gazetteer.find(self.header.place)
                    if p.kind not in _BROAD and not self.ex.registry.stands_for_a_government(p.name)
                ]
                lede_towns = here[:1]
            if not lede_towns and not towns and self.sentences:
                # no town the gazetteer knows anywhere: a settlement named as one further
                # on beats a region ("... in the town of X in the region of Y")
                opening = self.sentences[min(_OPENING, len(self.sentences) - 1)].end
                lede_towns = self._settlement(opening)
        # a region the headline or lede names ("Kherson region") when they name no town:
        # the report's first town in it, else the region itself, not a town of another
        # region named in passing further on
        lede_regions = {p.region for p, at in regions if at < lede_end}
        if not lede_towns and lede_regions:
            in_region = [p for p, _ in towns if p.region in lede_regions]
            lede_towns = in_region[:1] or [next(p for p, at in regions if at < lede_end)]
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
        paragraph = -1
        aside: str | None = None  # the event of a paragraph on another incident
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
            if s.paragraph != paragraph:
                paragraph, aside = s.paragraph, None
                apart = [  # not a capital, which may be its government ("Meanwhile, Kyiv denied")
                    p
                    for p in places
                    if p != main_place
                    and (main_place is None or p.name != main_place.region)
                    and not self.ex.registry.stands_for_a_government(p.name)
                ]
                if (
                    apart
                    and self.ex.lex.elsewhere.match(s.text)
                    # "Meanwhile, X noted that the strikes also hit ...": the same attack
                    and not _SAME_ATTACK.search(s.text)
                ):
                    here = [p for p in apart if p.kind not in _BROAD] or apart
                    days = [d for d in dates if not self._statement_day(d)]
                    aside = self._event(here[0], days[0] if days else main)
            if aside is not None:
                self.sentence_event.append(aside)
                continue
            if not elsewhere:
                # "..., Peskov said on Monday": the day of the words, no other incident (unless
                # the sentence names another town too)
                other = [d for d in other if not self._statement_day(d)]
            if other and not any(main is not None and d.overlaps(main) for d in dates):
                here = [p for p in places if p.kind not in _BROAD] or places
                self.sentence_event.append(self._event(here[0] if here else main_place, other[0]))
            else:
                self.sentence_event.append(self._event(main_place, main))

    def _registered_spelling(self, end: int) -> list[Place]:
        """The place of a claims folder's event that the gazetteer does not know, named in
        ``self.body[:end]`` in another spelling of its name (:func:`loose_spelling`)."""
        keys: dict[str, str] = {}
        for ev in self.ex.registry.events.values():
            head = place_head(ev.place)
            if len(head) > 4 and not self.ex.gazetteer.find(head):
                keys.setdefault(loose_spelling(head), head)
        if not keys:
            return []
        for m in _CAPITALISED.finditer(self.body, 0, end):
            named = keys.get(loose_spelling(m.group(0)))
            if named is not None and len(loose_spelling(named)) >= 4:
                return [Place(named, kind="village")]
        return []

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
        names, here = self._registered_at(name)
        if not here and place is not None and place.kind == "region":
            # a report that names only the region ("in Zaporozhye Region"): the events in it
            here = [
                ev
                for ev in self.ex.registry.events.values()
                if place_head(ev.region).casefold() in names
            ]
        for slack in (timedelta(0), timedelta(days=1)):
            for ev in here:
                lo = ev.date or ev.start
                hi = ev.date or ev.end or ev.start
                if when is None or lo is None or hi is None:
                    continue
                if lo - slack <= when.end and when.start <= hi + slack:
                    self.events.setdefault(ev.id, _known(ev, when))
                    return ev.id
        if when is not None and when.is_day and when.start == self.published:
            # a report days after the folder's one strike of the place that names no day
            # of its own ("said at a Security Council meeting on Monday, 9 October" about
            # the strike four days before): that strike
            earlier = [
                ev
                for ev in here
                if (hi := ev.date or ev.end or ev.start) is not None
                and timedelta(0) < when.start - hi <= _FOLLOW_UP
            ]
            if len(earlier) == 1:
                ev = earlier[0]
                lo = ev.date or ev.start
                span = DateRef(lo, ev.date or ev.end or lo) if lo is not None else None
                self.events.setdefault(ev.id, _known(ev, span))
                return ev.id
        if when is None and place is not None:
            sole = self._sole_event_of(here, names)
            if sole is not None:
                return sole
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
                about=self._headline_objects(),
            )
        return slug

    def _headline_objects(self) -> frozenset[str]:
        """The object items the headline names ("Bomb hits Mariupol theater": theatre)."""
        if not self.sentences:
            return frozenset()
        general = (self.ex.lex.raw.get("aspects") or {}).get("general_objects") or ()
        found = {slug for slug, _, _ in self.ex.lex.objects.find(self.sentences[0].text)}
        return frozenset(found - {str(x) for x in general})

    def _registered_at(self, name: str) -> tuple[set[str], list[Event]]:
        """The names of the place called ``name`` and the claims folder's events naming it
        (in their place or title)."""
        names = {name.casefold(), *self.ex.gazetteer.aliases(name)}
        # (a hyphen joins a compound name: "Bilhorod-Dnistrovskyi" names no Bilhorod)
        joined = [n.replace("-", "_") for n in names]
        here = []
        for ev in self.ex.registry.events.values():
            where = f"{ev.place} {ev.title}".casefold().replace("-", "_")
            if any(find_word(where, n) is not None for n in joined):
                here.append(ev)
        return names, here

    def _sole_event_of(self, here: list[Event], names: set[str]) -> str | None:
        """The folder's one registered event of a place (``here``, the events naming it by one
        of ``names``), for a report that gives no date.

        A report with no date at all ("on Thursday", no dateline, no year) about
        a place the claims folder holds exactly one event of is about that
        event; of two or more there, the one whose own words (title and place:
        "theatre", "maternity hospital") the headline and lede name, and only
        it; with none such, or a dateline day ("July 14", no year) more than a
        day from its date, it stays undated. The first day the text names, when
        it has no dateline, stops only a place's sole event: the headline naming
        one of several is the stronger sign.
        """
        named = len(here) > 1
        found = self._named_in_opening(here, names) if named else here
        if len(found) != 1:
            return None
        ev = found[0]
        lo = ev.date or ev.start
        hi = ev.date or ev.end or ev.start
        when = DateRef(lo, hi) if lo is not None and hi is not None else None
        # a day met in the text ("the provocation on March 9 at Hospital No. 3") is weaker
        # than the headline naming the event; a dateline's day is not
        vetoes = self.header.month_day is not None or not named
        if (
            vetoes
            and self.month_day is not None
            and (lo is None or not near_month_day(lo, self.month_day))
        ):
            return None
        self.events.setdefault(ev.id, _known(ev, when))
        return ev.id

    def _named_in_opening(self, events: list[Event], place_names: set[str]) -> list[Event]:
        """Of several registered events of one place, the one the headline and lede name.

        First by the things hit: the object items (theatre, hospital) of an event's
        place and title that no other of them has, named in the opening; when
        that leaves a tie, by the distinctive words of its title and place (in no
        other of them; words of three letters or more, no numbers), named most.
        """
        opening = " ".join(s.text for s in self.sentences[:_LEDE])
        objects = self.ex.lex.objects
        named = {slug for slug, _, _ in objects.find(opening)}
        items = [{slug for slug, _, _ in objects.find(f"{ev.title} {ev.place}")} for ev in events]
        best = _best(events, items, named)
        if best is not None:
            return [best]
        said = {_singular(w) for w in name_words(opening)}
        own = {w for n in place_names for w in name_words(n)}
        words = [
            {
                _singular(w)
                for w in name_words(f"{ev.title} {ev.place}")
                if len(w) > 2 and w.isalpha()
            }
            - own
            for ev in events
        ]
        best = _best(events, words, said)
        return [best] if best is not None else []


def _known(ev: Event, when: DateRef | None) -> DraftEvent:
    """The claims folder's event ``ev`` as a draft's (its region too, so that reports of
    its area meet it when drafts are grouped)."""
    return DraftEvent(ev.id, ev.title, when, ev.place, ev.region, known=True)


def _best(events: list[Event], marks: list[set[str]], said: set[str]) -> Event | None:
    """The one event with most of its own ``marks`` (in no other's) among ``said``."""
    scores = []
    for i, mine in enumerate(marks):
        others = set().union(*(m for j, m in enumerate(marks) if j != i))
        scores.append(len((mine - others) & said))
    top = max(scores)
    if top == 0 or scores.count(top) > 1:
        return None
    return events[scores.index(top)]


def _singular(word: str) -> str:
    return word[:-1] if len(word) > 4 and word.endswith("s") and not word.endswith("ss") else word


def _attacks(lex: Lexicon, after: str) -> bool:
    """Whether ``after`` opens with a verb of attack (data/extract.yaml, perpetrators'
    ``attack_verbs``)."""
    words = " ".join(after.casefold().split()[:3]) + " "
    verbs = (lex.raw.get("perpetrators") or {}).get("attack_verbs") or ()
    return any(words.startswith(f"{str(v).casefold()} ") for v in verbs)
