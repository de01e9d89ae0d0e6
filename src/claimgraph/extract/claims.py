"""Attribution to claims: what one attributed segment says, as draft claims of each of its
speakers (aspect, value, stance, certainty, evidence), ids made unique.
"""

from __future__ import annotations

import bisect
import re
from datetime import date

from claimgraph.extract.attribution import Attribution, Speaker, find_word
from claimgraph.extract.draft import UNKNOWN_SIDE, DraftClaim
from claimgraph.extract.lexicon import text_words
from claimgraph.extract.perpetrator import own_forces
from claimgraph.extract.runstate import _RunState, _Segment
from claimgraph.extract.sentences import OPENING, QUOTES, Sentence, inside_quote, split_plain
from claimgraph.extract.values import Finding, certainty_of, evidence_of
from claimgraph.model import AspectType, Party, Stance

# Cues that attribute words explicitly (a sentence with one of them and no
# recognised aspect still becomes a `comment` claim).
_EXPLICIT = frozenset(
    {"quote", "colon", "according-to", "as-reported", "verb", "reported-by", "witness"}
)
_TRIM = " \t\n,;:" + "".join(QUOTES)
# Words of a denied involvement ("denied responsibility", "was not involved").
_INVOLVEMENT = re.compile(
    r"\b(?:responsibility|involvement|involved|behind\s+the|had\s+nothing\s+to\s+do"
    r"|accusations?)\b",
    re.IGNORECASE,
)
_NOT_INVOLVED = re.compile(
    r"\b(?:was|were|is|are)\s+not\s+involved\b|\bhad\s+nothing\s+to\s+do\b", re.IGNORECASE
)
# Content that is only a pronoun: the speaker reported what came before.
_PRONOUN_CONTENT = frozenset({"it", "this", "that", "so", "them", "the news", "the incident"})
# Content that starts like the tail of a clause ("as of noon on Monday.", "for a global
# response"): no statement of its own.
_FRAGMENT = re.compile(r"(?:as\s+of|for|in|at|of|by|from|with)\s", re.IGNORECASE)
# A past tense and "that": a second statement ("and repeated that").
_VERB_THAT = re.compile(
    r"(?:also\s+)?\w+ed(?=\s+that\s(?!(?:day|night|morning|afternoon|evening|week|time)\b))",
    re.IGNORECASE,
)


def _piece(s: Sentence, lo: int, hi: int) -> Sentence:
    """``s.text[lo:hi]``, stripped, as a sentence with the report's offsets."""
    text = s.text[lo:hi]
    lead = len(text) - len(text.lstrip())
    text = text.strip()
    return Sentence(text, s.start + lo + lead, s.start + lo + lead + len(text), s.paragraph)


# Double quotation marks, left out where a phrase may stand inside them ("an “absolute lie”").
_DOUBLE_QUOTES = re.compile('[“”"]')
# Content that only says what a statement was about ("commented on the incident").
_META = re.compile(r"(?:on|about|upon|regarding)\s+(?:the|this|these|a)\s+\w+$", re.IGNORECASE)


class _Claims(_RunState):
    """The claim-making step of :class:`claimgraph.extract.run._Run`."""

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
            if not ev and (kind in self.lex.eyewitness_kinds or cue == "witness"):
                ev = ["eyewitness"]  # a resident's account; a newsroom's own eyes
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
            denied = att is not None and (
                att.denies or att.verb.casefold() in self.lex.denial_verbs
            )
            if previous is not None and cue == "reported-by":
                # "This was reported by X": X said what the sentences before say, in their words
                certainty = "reported" if reported else "asserted"
                for before in self._paragraph_before(seg):
                    for f in self.ex.reader.findings(before.text):
                        made += self._add_finding(base, before, f, certainty)
                continue
            if previous is not None and denied:
                # "X denied it": what the claim before it said, of another side
                made += self._denies_referred(base, seg_sentence(seg), "asserted")
                continue
            if previous is not None:
                certainty = "reported" if reported else "asserted"
                for f in self.ex.reader.findings(previous):
                    made += self._add_finding(base, seg_sentence(seg), f, certainty)
                continue
            for inner in self._statements(content):
                if self._calls_false(inner.text):
                    # "The Russian claim was a lie": what that claim said is denied
                    certainty = certainty_of(inner.text, own_words, self.lex)
                    made += self._denies_referred(base, inner, certainty)
                    continue
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
                        # (a finding around the name is kept: "hit what X called a school")
                        findings = [
                            f
                            for f in findings
                            if f.end <= at
                            or f.start >= stop
                            or (f.start < at and f.end > stop)
                            or f.aspect == "location"
                        ]
                certainty = certainty_of(inner.text, own_words, self.lex)
                if certainty == "hedged" and quoted:
                    hedged_quote = True
                elif hedged_quote:
                    certainty = "hedged"
                if certainty == "asserted" and reported:
                    certainty = "reported"
                if denied:
                    # what a denial disputes: not the place, nor who fired unless it is the
                    # denier's own side ("dismissed the claim that soldiers died in a Russian
                    # attack" is no denial that Russia attacked)
                    mine = self._own_forces(base.party)
                    targets = [f for f in findings if f.aspect == "target"]
                    findings = [
                        f
                        for f in findings
                        if f.aspect != "location"
                        and (f.aspect != "perpetrator" or f.value == mine)
                        # "denied targeting civilians" denies whom it aimed at, not who died
                        and not (
                            f.aspect == "victims"
                            and any(t.start <= f.start and f.end <= t.end for t in targets)
                        )
                    ]
                for f in findings:
                    if denied:
                        f.stance = Stance.DENIES
                    made += self._add_finding(base, inner, f, certainty)
            if (
                made == 0
                and denied
                and "accus" not in content.text.casefold()  # (its side's involvement, below)
                and self.lex.claim_reference.match(content.text)
            ):
                # "Kyiv denied the claim": what the claim before it said
                certainty = certainty_of(content.text, own_words, self.lex)
                made += self._denies_referred(base, seg_sentence(seg), certainty)
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
                    # four words at least ("June 28, 2023 | 04:00 PM" under a byline has two)
                    if (
                        sum(any(ch.isalpha() for ch in w) for w in quote.split()) >= 4
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
        if not _INVOLVEMENT.search(seg.text):
            return 0
        value = self._own_forces(base.party)
        if value is None:
            return 0
        # a bare object ("responsibility", "the accusations") is quoted with its speaker
        quoted = seg_sentence(seg) if len(content.text.split()) < 4 else content
        self._add(
            base, quoted.text, quoted.start, aspect="perpetrator", value=value, stance="denies"
        )
        return 1

    def _statements(self, content: Sentence) -> list[Sentence]:
        """The sentences of ``content``, each cut where "and" and a speech verb begin a
        second statement of the speaker ("was striking military sites and repeated that
        Moscow does not target civilians")."""
        out = []
        for inner in split_plain(content, self.lex.abbreviations):
            text, cut = inner.text, 0
            at = text.find(" and ")
            while at >= 0:
                v = self.lex.speech_verb.match(text, at + 5) or _VERB_THAT.match(text, at + 5)
                if v is not None and cut < at and not inside_quote(text, at):
                    # (the verb stays with its words: "claimed that ..." is hedged)
                    out.append(_piece(inner, cut, at))
                    cut = at + 5
                at = text.find(" and ", at + 5)
            out.append(_piece(inner, cut, len(text)))
        return [s for s in out if s.text.strip()]

    def _calls_false(self, text: str) -> bool:
        """Whether ``text`` only calls a claim false ("This is nonsense")."""
        if text_words(text).isdisjoint(self.lex.firsts["falsity"]):
            return False
        return self.lex.referred_false.match(_DOUBLE_QUOTES.sub("", text)) is not None

    def _denies_referred(self, base: DraftClaim, inner: Sentence, certainty: str) -> int:
        """ "The Russian claim was a lie", "This is nonsense": the speaker denies what the
        latest claim before it of a party of another known side says (each answer of that
        claim's sentence but the place, and who fired unless it is the speaker's own side)."""
        mine = self._side(base.party)
        if mine == UNKNOWN_SIDE:
            return 0
        earlier = [
            c
            for c in self.claims
            if c.at < inner.start
            and c.aspect != "comment"
            and c.stance == "asserts"
            and self._side(c.party) not in (mine, UNKNOWN_SIDE)
        ]
        if not earlier:
            return 0
        last = max(earlier, key=lambda c: c.at)
        own = self._own_forces(base.party)
        made = 0
        for c in earlier:
            if (
                c.party == last.party
                and c.quote == last.quote
                and c.aspect != "location"
                and (c.aspect != "perpetrator" or c.value == own)
            ):
                value = list(c.value) if isinstance(c.value, list) else c.value
                denial = Finding(c.aspect, value, 0, 0, Stance.DENIES)
                made += self._add_finding(base, inner, denial, certainty)
        return made

    def _side(self, party_id: str) -> str:
        """The side of a party of the registry or of this draft ("unknown" for none)."""
        party = self.ex.registry.party(party_id) or self.parties.get(party_id)
        return party.side if party is not None else UNKNOWN_SIDE

    def _own_forces(self, party_id: str) -> str | None:
        """The folder's ``perpetrator`` value naming the party's own side's forces."""
        aspect = self.ex.registry.aspects.get("perpetrator")
        party = self.ex.registry.party(party_id)
        if aspect is None or party is None:
            return None
        return own_forces(aspect, party.side)

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


def seg_sentence(seg: _Segment) -> Sentence:
    return Sentence(seg.text, seg.start, seg.start + len(seg.text), seg.paragraph)


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
