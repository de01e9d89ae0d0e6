"""The reader's per-aspect rules: cause, weapon, interception, damage and targets, presence,
location, and the generic lookup of the other category and set aspects.

The rules are methods of :class:`claimgraph.extract.values.Reader` (through
:class:`_AspectRules`).
"""

from __future__ import annotations

import re

from claimgraph.extract.counting import share_of
from claimgraph.extract.findings import Finding, _ReaderBase
from claimgraph.extract.lexicon import fold, matches_at
from claimgraph.model import AspectType, Stance

__all__: list[str] = []


# A named landmark: capitalised words, perhaps numbered ("School No. 7").
_LANDMARK = re.compile(
    r"(?<![\w-])((?:(?!No\.)[A-Z][\w’'-]+\s+)*(?!No\.)[A-Z][\w’'-]+(?:\s+No\.\s*\d+)?(?:\s+(?:station|area|district|airfield|port|bridge|plant|base))?)"
)


_CAPITAL = re.compile(r"[A-Z]")


def _landmarks(clause: str) -> list[re.Match[str]]:
    """``_LANDMARK.finditer(clause)``, faster: the regex is tried only at capitals.

    >>> [m.group(1) for m in _landmarks("It fell near School No. 7 and the Azot Plant.")]
    ['It', 'School No. 7', 'Azot Plant']
    """
    return matches_at(_LANDMARK, clause, (c.start() for c in _CAPITAL.finditer(clause)))


_NOT_LANDMARK = frozenset(
    "the a an this that these he she they it i we on in at monday tuesday wednesday thursday "
    "friday saturday sunday january february march april may june july august september "
    "october november december russian ukrainian".split()
)


# The weapon between a strike and what it was at ("a strike with a high-explosive missile
# at a restaurant"): blanked (same length) so that "strike ... at" reads as one verb.
_INSTRUMENT = re.compile(
    r"\b(?:strike|strikes|attack|attacks)(\s+with\s+(?:an?\s+|the\s+)?(?:[\w-]+\s+){0,3}?"
    r"(?:missiles?|rockets?|drones?|bombs?|shells?|munitions?|weapons?))(?=\s+(?:at|on|against)\s)",
    re.IGNORECASE,
)


def _without_instrument(clause: str) -> str:
    """``clause`` with the weapon named between a strike and its object blanked."""
    return _INSTRUMENT.sub(
        lambda m: m.group(0)[: m.start(1) - m.start()] + " " * (m.end(1) - m.start(1)), clause
    )


# Where the agent after a passive's "by" ends: a comma or a new clause.
_AGENT_END = re.compile(r",|\s(?:despite|while|when|as|where|which|that|and)\s")


def _agent_end(clause: str, by: int) -> int:
    """The end of the agent phrase that starts at " by " (offset ``by``)."""
    m = _AGENT_END.search(clause, by + 4)
    return m.start() if m is not None else len(clause)


# The modifiers coordinated before a weapon's last words: "ballistic and " (before "cruise
# missiles"), "Iskander, Kinzhal and " (group 1: the words, comma-separated).
_COORDINATED = re.compile(r"((?:[\w-]+,\s*){0,3}[\w-]+)\s+(?:and|or)\s+$")
# Between two places of one list: "Sevastopol and Yevpatoria".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+|occupied\s+)*")


# "seven of them": a part of what was launched (not "all of them", "both of them")
_SOME_OF_THEM = re.compile(
    r"\b(?!(?:all|both|each|every|none)\b)(?:\d+|[a-z]+)\s+of\s+them\b", re.IGNORECASE
)


def _some_of_them(clause: str) -> bool:
    """Whether ``_SOME_OF_THEM`` matches ``clause``; not scanned without "them" in it (ignoring
    case: the letters of "them" have no other case forms than their ASCII capitals).

    >>> _some_of_them("Seven of Them were shot down"), _some_of_them("all of them fell")
    (True, False)
    """
    return "them" in clause.lower() and _SOME_OF_THEM.search(clause) is not None


_PASSIVE_AUX = frozenset("was were been is are being be".split())


# Verbs whose object follows them in the active voice.
_TRANSITIVE = frozenset(
    "damaged destroyed damaging destroying hit hits struck hitting targeted target targets "
    "targeting attacked shelled shelling bombed strike strikes attack attacks destroy damage "
    "shell bomb".split()
)


class _AspectRules(_ReaderBase):
    """The reader's per-aspect rules."""

    __slots__ = ()

    def _cause(self, clause: str) -> list[Finding]:
        hits = self._lookup("cause", clause)
        if not hits:
            return []
        explicit = self.lex.cause_cue.search(clause)
        chosen: tuple[re.Match[str], str] | None = None
        for m, value in hits:
            words = m.group(1)
            strong = bool(self.lex.happening.search(words)) or bool(
                self.lex.cause_verb.match(clause[m.end() :])
            )
            if explicit or strong:
                if chosen is None or len(m.group(1)) > len(chosen[0].group(1)):
                    chosen = (m, value)
        # "fragments of one of the downed missiles damaged ...": debris of an interception
        debris = next((h for h in hits if h[1] == "air-defence-debris"), None)
        if debris is not None and self.lex.interception_verb.search(clause):
            chosen = debris
        if chosen is None:
            return []
        m, value = chosen
        return [Finding("cause", value, m.start(), m.end())]

    def _weapon(self, clause: str) -> list[Finding]:
        generic = self._weapon_generic
        items: list[str] = []
        first = last = -1
        hits = [(m, value) for m, value in self._lookup("weapon", clause)]
        weapon_re = self._weapon_re if not self._present.isdisjoint(self._weapon_first) else None
        for m in weapon_re.finditer(clause) if weapon_re is not None else ():
            slug = self._weapon_names.get(fold(m.group(1)))
            if slug and not any(h.start() <= m.start() < h.end() for h, _ in hits):
                hits.append((m, self.aspects["weapon"].canonical(slug)))
        hits.sort(key=lambda h: h[0].start())
        for m, value in hits:
            for shared in self._coordinated_weapons(clause, m):
                if shared not in generic and shared not in items:
                    items.append(shared)
                    first = m.start() if first < 0 else first
            if value in generic or value in items:
                continue
            items.append(value)
            first = m.start() if first < 0 else first
            last = m.end()
        return [Finding("weapon", items, first, last)] if items else []

    def _coordinated_weapons(self, clause: str, m: re.Match[str]) -> list[str]:
        """ "ballistic and cruise missiles": the weapons the words before "and" name with
        the found weapon's last word ("ballistic missiles")."""
        words = m.group(0).split()
        before = clause[max(0, m.start() - 60) : m.start()]
        if len(words) < 2 or not before.endswith((" and ", " or ")):
            return []
        c = _COORDINATED.search(before)
        if c is None:
            return []
        idx = self._index.get("weapon")
        out = []
        for word in re.split(r",\s*", c.group(1)):
            name = fold(f"{word} {words[-1]}")
            value = (idx.canonical.get(name) if idx is not None else None) or (
                self._weapon_names.get(name)
            )
            if value is not None:
                out.append(self.aspects["weapon"].canonical(value))
        return out

    def _interception(self, clause: str) -> list[Finding]:
        if "interception" not in self.aspects or self._present.isdisjoint(
            self._gate["interception"]
        ):
            return []
        lex = self.lex
        m = lex.interception_none.search(clause)
        if m:
            return [Finding("interception", "none-intercepted", m.start(), m.end())]
        v = lex.interception_verb.search(clause)
        if v:
            word = v.group(0).casefold()
            near = clause[max(0, v.start() - 60) : v.end() + 60]
            agent = clause[max(0, v.start() - 60) : v.start()]
            if word.startswith("destroy") and lex.happening.search(agent):
                return [Finding("interception", "hits", v.start(), v.end())]
            if word.startswith("destroy") and self._thing_destroyed(clause, v):
                pass  # "the building was destroyed by an air defence missile": damage
            elif lex.interception_object.search(near) or lex.air_defence.search(agent + near):
                if (
                    lex.interception_partial.search(clause)
                    or share_of(clause) is not None
                    or _some_of_them(clause)
                ):
                    value = "partly-intercepted"
                else:
                    value = "all-intercepted"
                return [Finding("interception", value, v.start(), v.end())]
        h = lex.interception_hits.search(clause)
        if h is None and lex.air_defence.search(clause):
            h = lex.interception_hit_verbs.search(clause)
        if h:
            return [Finding("interception", "hits", h.start(), h.end())]
        return []

    def _thing_destroyed(self, clause: str, v: re.Match[str]) -> bool:
        """Whether a passive "was destroyed" has something other than a weapon for its
        subject ("the building was destroyed by ...", not "ten missiles were destroyed")."""
        before = clause[: v.start()].split()
        if not before or before[-1].casefold() not in _PASSIVE_AUX:
            return False
        return self.lex.interception_object.search(" ".join(before[-6:])) is None

    def _objects(self, aspect: str, clause: str) -> list[tuple[str, int, int]]:
        found: list[tuple[str, int, int]] = []
        spans: list[tuple[int, int]] = []
        for m, value in self._lookup(aspect, clause):
            found.append((value, m.start(), m.end()))
            spans.append((m.start(), m.end()))
        for slug, start, end in self.lex.objects.find(clause):
            if any(s <= start < e or s < end <= e for s, e in spans):
                continue
            found.append((slug, start, end))
            spans.append((start, end))
        found.sort(key=lambda t: t[1])
        return found

    def _damage_target(self, clause: str) -> list[Finding]:
        out: list[Finding] = []
        if "target" in self.aspects and not self._present.isdisjoint(self._gate["presence"]):
            out.extend(self._presence(clause))
        if out or self._present.isdisjoint(self._gate["damage-target"]):
            return out
        if "with" in self._present:
            clause = _without_instrument(clause)
        for aspect, verb in (("damage", self.lex.damage_verb), ("target", self.lex.target_verb)):
            if aspect not in self.aspects:
                continue
            v = verb.search(clause)
            if not v:
                continue
            items: list[str] = []
            first, last = v.start(), v.end()
            before = clause[: v.start()].split()
            passive = (
                bool(before)
                and before[-1].casefold() in _PASSIVE_AUX
                or (len(before) > 1 and before[-2].casefold() in _PASSIVE_AUX)
            )
            verb_words = v.group(0).casefold().split()
            negation = self.lex.negation.first or frozenset()
            transitive = (
                not passive
                and verb_words[-1] in _TRANSITIVE
                and (len(verb_words) == 1 or verb_words[0] in negation)
            )
            # "does not strike civilian infrastructure": the verb itself is negated
            negated = verb_words[0] in negation
            # "was destroyed by an air defence missile": what follows "by" did it
            agent = clause.find(" by ", v.end(), v.end() + 25) if passive else -1
            agent_end = _agent_end(clause, agent) if agent >= 0 else -1
            for value, s, e in self._objects(aspect, clause):
                # "damaged a house" names it after the verb; "houses were damaged",
                # "cars caught fire" before it
                if transitive and s < v.start():
                    continue
                if agent < s < agent_end:
                    continue
                if value not in items:
                    items.append(value)
                first, last = min(first, s), max(last, e)
            items = self._primary(items)
            if items:
                stance = Stance.DENIES if negated else Stance.ASSERTS
                out.append(Finding(aspect, items, first, last, stance))
                if aspect == "target" and not negated:
                    out.extend(self._excluded(clause, v.start(), items, first, last))
        return out

    def _primary(self, items: list[str]) -> list[str]:
        """The items without the secondary ones (data: ``secondary_objects``), unless only
        secondary ones are named."""
        secondary = {
            str(x) for x in (self.lex.raw.get("aspects") or {}).get("secondary_objects", ())
        }
        primary = [item for item in items if item not in secondary]
        return primary or items

    def _excluded(
        self, clause: str, verb_at: int, items: list[str], first: int, last: int
    ) -> list[Finding]:
        """ "We strike only military targets": the items the asserted ones exclude, denied."""
        raw = self.lex.raw.get("aspects") or {}
        spec = raw.get("excludes") or {}
        words = {str(w).casefold() for w in raw.get("exclusive", ())}
        near = clause[max(0, verb_at - 20) : last].casefold().split()
        if not words or not any(w.strip(",.") in words for w in near):
            return []
        denied = [str(x) for item in items for x in spec.get(item, ()) if str(x) not in items]
        if not denied:
            return []
        return [Finding("target", list(dict.fromkeys(denied)), first, last, Stance.DENIES)]

    def _presence(self, clause: str) -> list[Finding]:
        """ "Without a visible military presence", "military sites were present": what was (not)
        at the place is the answer to what was targeted (negated by :meth:`_negate`)."""
        p = self.lex.presence.search(clause)
        if p is None:
            return []
        # the object nearest the word ("soldiers were stationed at the base", "no military
        # presence"), not every object of the clause
        near = [
            (min(abs(s - p.end()), abs(p.start() - e)), value, s, e)
            for value, s, e in self._objects("target", clause)
            if abs(s - p.end()) <= 40 or abs(p.start() - e) <= 40
        ]
        primary = self._primary([value for _, value, _, _ in near])
        near = [n for n in near if n[1] in primary]
        if not near:
            return []
        _, value, start, end = min(near)
        return [Finding("target", [value], start, end)]

    def _location(self, clause: str) -> list[Finding]:
        """Where it happened: a gazetteer place or a named landmark after a locative."""
        if "location" not in self.aspects or self._present.isdisjoint(self._gate["happening"]):
            return []
        if not self.lex.happening.search(clause):
            return []
        found: list[tuple[int, int, str, bool]] = []  # start, end, words, broad
        last_end = -1
        places = self.gazetteer.find(clause)
        for place, start, end in places:
            if place.kind in self.lex.not_location_kinds:
                continue
            listed = last_end >= 0 and _LIST_GAP.fullmatch(clause[last_end:start])
            if not listed and not self.lex.locative.search(clause[max(0, start - 60) : start]):
                continue
            last_end = end
            found.append((start, end, clause[start:end], place.kind in self.lex.broad_kinds))
        for m in _landmarks(clause):
            start, end = m.start(1), m.end(1)
            if any(s < end and start < e for s, e, _, _ in found) or any(
                s < end and start < e for _, s, e in places
            ):
                continue
            if not self.lex.locative.search(clause[max(0, start - 60) : start]):
                continue
            words = m.group(1)
            # ("Russian-occupied" is no place either)
            if words.split()[0].casefold().split("-")[0] in _NOT_LANDMARK:
                continue
            if words.casefold().replace("’", "'").startswith(self.lex.not_landmarks):
                continue
            found.append((start, end, words, False))
        found.sort()
        narrow = [f for f in found if not f[3]]
        chosen = narrow or found
        items = list(dict.fromkeys(w for _, _, w, _ in chosen))
        if not items:
            return []
        return [Finding("location", items, chosen[0][0], chosen[-1][1])]

    def _generic(self, clause: str) -> list[Finding]:
        """Category and set aspects with no rule of their own: any of their values' words."""
        out: list[Finding] = []
        for aid, aspect in self._generic_aspects:
            hits = self._lookup(aid, clause)
            if not hits:
                if aid == "perpetrator":  # the side the words name ("Ukrainian shelling")
                    who = self._perpetrators.find(clause, self._present)
                    if who is not None:
                        out.append(Finding(aid, who[0], who[1], who[2]))
                continue
            if aspect.type is AspectType.CATEGORY:
                m, value = max(hits, key=lambda h: len(h[0].group(1)))
                out.append(Finding(aid, value, m.start(), m.end()))
            else:
                items = list(dict.fromkeys(v for _, v in hits))
                out.append(Finding(aid, items, hits[0][0].start(), hits[-1][0].end()))
        return out
