"""Who speaks, beyond the registry's names: lists of speakers, unnamed sources, local
authorities of the event's place, "the ministry" of the country the sentence names.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from claimgraph.extract.attribution import Attribution, Speaker, clean_subject, find_word, norm
from claimgraph.extract.draft import DraftEvent
from claimgraph.extract.events import place_head
from claimgraph.extract.lexicon import text_words
from claimgraph.extract.names import countries_in, name_words
from claimgraph.extract.perpetrator import without_attackers
from claimgraph.extract.runstate import _RunState
from claimgraph.model import Party

_LIST_SPLIT = re.compile(r",\s*|\s+and\s+")
_LAST_WORD = re.compile(r"\w+(?=\W*$)")
# "Kherson Oblast" -> "Kherson" (the region's name as parties write it)
_REGION_WORD = re.compile(r"\s+(?:oblast|region|krai|province|republic)$", re.IGNORECASE)
_DEFINITE = re.compile(r"the\s+\w", re.IGNORECASE)


class _Speakers(_RunState):
    """The speaker step of :class:`claimgraph.extract.run._Run`."""

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
        # (a country named as the attacker, "Russian troops launched", is not the speaker's)
        rest = without_attackers(att.text.replace(att.speaker, " "))
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
        words = clean_subject(words)  # "Russian occupation authorities later": no adverb
        said = text_words(words) | set(name_words(words))  # ("pro-Russian": occupation)
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
        levels = [
            lv
            for lv in (spec.get("levels") or {}).values()
            if not said.isdisjoint(str(w).casefold() for w in lv.get("words", ()))
        ]
        ev = self.events.get(event)
        if ev is None:
            return None
        known = self.ex.registry.events.get(event)
        region = known.region if known is not None else ev.region
        governing = self._governing(ev, region)
        if not levels:
            # "officials said", "the authorities said": the government of the place, when
            # the words name nothing else
            if governing is None or not set(name_words(words)) <= _words(spec, "bare"):
                return None
            return self._government_of(governing, words, event)
        places = {
            n
            for n in (ev.place, place_head(ev.place), _REGION_WORD.sub("", place_head(region)))
            if len(n) > 2
        }
        # the side the words name ("a Russian-installed local official"), else none
        folded = set(name_words(words))
        named = "russia" if folded & {"occupation", "russia"} else None
        named = "ukraine" if named is None and "ukraine" in folded else named
        found: list[Party] = []
        for level in levels:  # the first level wins, unless it has none of the named side
            found = self._authorities_at(
                level, levels, places, governing if named is None else named
            )
            if named is None or any(p.side == named for p in found):
                break
        unnamed = _words(spec, "bare") | _words(spec, "local")
        if not found and governing is not None and set(name_words(words)) <= unnamed:
            # "local officials" where no authority of the place is known: its government
            return self._government_of(governing, words, event)
        if len(found) != 1:
            return None
        return Speaker(found[0].id, words.strip(), "", True)

    def _authorities_at(
        self,
        level: dict[str, Any],
        levels: list[dict[str, Any]],
        places: set[str],
        side: str | None,
    ) -> list[Party]:
        """The registered (else catalogued) authorities of one level naming ``places``, one
        side's when there are several (``side``: the words', else the side governing)."""
        spec = self.lex.raw.get("local_authorities") or {}
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
        if len(found) > 1 and side is not None:
            # "the region's Kremlin-appointed head": the side the words name, else the side
            # governing the place
            side = "ukraine" if side == "ukraine" else "russia"
            found = [p for p in found if p.side == side]
        return found

    def _governing(self, ev: DraftEvent, region: str) -> str | None:
        """The side governing the event's place on its day (data/governed.yaml)."""
        known = self.ex.registry.events.get(ev.id)
        day = ev.when.start if ev.when is not None else None
        if day is None and known is not None:
            day = known.date or known.start
        town = place_head(known.place if known is not None and known.place else ev.place)
        found = [p for p, _, _ in self.ex.gazetteer.find(town)]
        if found:
            town, region = found[0].name, found[0].region or region
        return self.ex.governed.side(town, region, day)

    def _government_of(self, side: str, words: str, event: str) -> Speaker | None:
        """The authorities governing a place, for words that name no one else."""
        if side == "occupied":
            occupation = self._local_authority("occupation authorities", event)
            return replace(occupation, words=words.strip()) if occupation is not None else None
        spec = self.lex.raw.get("local_authorities") or {}
        name = (spec.get("governments") or {}).get(side)
        found = self.ex.registry.lookup(str(name)) if name else None
        return Speaker(found[0], words.strip(), "", True) if found is not None else None


def _words(spec: dict[str, object], key: str) -> frozenset[str]:
    """A word list of the ``local_authorities`` data, as name words."""
    items = spec.get(key)
    return frozenset(str(w).casefold() for w in items) if isinstance(items, list) else frozenset()
