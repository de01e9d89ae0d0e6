"""What a sentence says: aspects and values, stance, certainty and evidence.

The aspect vocabulary comes from the loaded aspects (built-in and the claims
folder's: values, labels and synonyms) plus the cue words of
data/extract.yaml; counts are read with :func:`claimgraph.quantities.parse_count`.

>>> from claimgraph.extract.values import Reader
>>> r = Reader.default()
>>> [(f.aspect, f.value) for f in r.findings("At least four people were killed and seven injured.")]
[('killed', 'At least four'), ('injured', 'seven')]
>>> [(f.aspect, f.value) for f in r.findings("The debris damaged a house and a shop.")]
[('cause', 'air-defence-debris'), ('damage', ['house', 'shop'])]
"""

from __future__ import annotations

import re
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.extract.events import Gazetteer
from claimgraph.extract.lexicon import (
    Lexicon,
    Phrases,
    first_words,
    fold,
    lexicon,
    matches_at,
    phrases,
    text_words,
)
from claimgraph.extract.perpetrator import Perpetrators
from claimgraph.extract.sentences import QUOTES
from claimgraph.model import Aspect, AspectType, Stance, value_key
from claimgraph.quantities import parse_count

__all__ = ["Finding", "Reader", "builtin_aspects", "certainty_of", "evidence_of"]

_TOKEN = re.compile(r"[\w'’.,-]*\w|[^\w\s]")


@dataclass(slots=True)
class Finding:
    """One answer found in a sentence: aspect, value (as it would be written), where."""

    aspect: str
    value: object
    start: int
    end: int
    stance: Stance = Stance.ASSERTS


def builtin_aspects() -> dict[str, Aspect]:
    """The built-in aspects, as the loader reads them (for use without a claims folder)."""
    from claimgraph.load import builtin_aspects as load_builtin

    return load_builtin()


def _key(text: str) -> str:
    return value_key(text)


def _phrases_of(aspect: Aspect) -> dict[str, str]:
    """Surface phrases that name a value of ``aspect`` -> the canonical value."""
    table: dict[str, str] = {}
    for key, value in aspect.synonyms.items():
        table.setdefault(fold(key), value)
    for value, label in aspect.values.items():
        if value in ("unknown",):
            continue
        table.setdefault(fold(value), value)
        if label:
            table.setdefault(fold(label), value)
    return {k: v for k, v in table.items() if len(k) > 2}


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

# Between two places of one list: "Sevastopol and Yevpatoria".
_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|and\s+|or\s+)(?:the\s+|occupied\s+)*")

# "28 of the 35 drones": a share, so some got through.
_SHARE = re.compile(r"\b(\d+)\s+(?:of|out\s+of)\s+(?:the\s+)?\d+\b")
# "seven of them": a part of what was launched (not "all of them", "both of them")
_SOME_OF_THEM = re.compile(
    r"\b(?!(?:all|both|each|every|none)\b)(?:\d+|[a-z]+)\s+of\s+them\b", re.IGNORECASE
)
_FAILED = re.compile(r"\b(?:failed|unable)\s+to\b", re.IGNORECASE)
_PASSIVE_AUX = frozenset("was were been is are being be".split())
# Verbs whose object follows them in the active voice.
_TRANSITIVE = frozenset(
    "damaged destroyed damaging destroying hit hits struck hitting targeted target targets "
    "targeting attacked".split()
)


@dataclass(frozen=True, slots=True)
class _CountRule:
    first_words: frozenset[str]
    aspects: tuple[str, ...]
    words: Phrases
    after: Phrases | None
    verbs: Phrases | None
    noun: bool


# Aspects with a rule of their own in :class:`Reader`.
_OWN_RULES = frozenset({"cause", "weapon", "interception", "damage", "target", "location"})


@dataclass(slots=True)
class _AspectIndex:
    regex: Phrases
    canonical: dict[str, str]
    first_words: frozenset[str] = frozenset()


@dataclass(slots=True)
class Reader:
    """Reads aspects and values out of sentences, for one set of aspects."""

    aspects: dict[str, Aspect]
    lex: Lexicon = field(default_factory=lexicon)
    gazetteer: Gazetteer = field(default_factory=Gazetteer.default)
    _index: dict[str, _AspectIndex] = field(default_factory=dict)
    _counts: list[_CountRule] = field(default_factory=list)
    _weapon_names: dict[str, str] = field(default_factory=dict)
    _present: AbstractSet[str] = frozenset()
    _weapon_first: frozenset[str] = frozenset()
    _gate: dict[str, frozenset[str]] = field(default_factory=dict)
    _weapon_re: Phrases = field(default_factory=lambda: phrases(()))
    _weapon_generic: frozenset[str] = frozenset()
    _generic_aspects: tuple[tuple[str, Aspect], ...] = ()
    _perpetrators: Perpetrators = field(default_factory=Perpetrators)

    @classmethod
    def default(cls) -> Reader:
        """A reader over the built-in aspects only."""
        return cls(dict(builtin_aspects()))

    def __post_init__(self) -> None:
        self._perpetrators = Perpetrators.of(self.aspects)
        for aid, aspect in self.aspects.items():
            if aspect.type in (AspectType.CATEGORY, AspectType.SET):
                table = _phrases_of(aspect)
                # spaces, hyphens and case fold the same way as value keys
                self._index[aid] = _AspectIndex(
                    phrases(table, capture=True, plural=True),
                    table,
                    first_words(table, plural=True),
                )
        for aid, spec in (self.lex.raw.get("counts") or {}).items():
            targets = [str(a) for a in spec.get("aspects", [aid])]
            targets = [
                a for a in targets if a in self.aspects and self.aspects[a].type is AspectType.COUNT
            ]
            if not targets:
                continue
            self._counts.append(
                _CountRule(
                    first_words([*spec.get("words", ()), *spec.get("after", ())]),
                    tuple(targets),
                    phrases(spec.get("words", ()), capture=True),
                    phrases(spec.get("after", ()), capture=True) if spec.get("after") else None,
                    phrases(spec["verbs"]) if spec.get("verbs") else None,
                    bool(spec.get("noun", False)),
                )
            )
        raw_aspects = self.lex.raw.get("aspects") or {}
        self._gate = {
            "interception": first_words(
                [
                    *raw_aspects.get("interception_verbs", ()),
                    *raw_aspects.get("interception_none", ()),
                    *raw_aspects.get("interception_hits", ()),
                    *raw_aspects.get("interception_hit_verbs", ()),
                ]
            ),
            "damage-target": first_words(
                [*raw_aspects.get("damage_verbs", ()), *raw_aspects.get("target_verbs", ())]
            ),
            "presence": first_words(raw_aspects.get("presence", ())),
            "happening": first_words(self.lex.raw.get("happening", ())),
        }
        names: dict[str, str] = {}
        for slug, words in (self.lex.raw.get("weapons") or {}).items():
            for w in words:
                names.setdefault(fold(str(w)), str(slug))
        self._weapon_names = names
        self._weapon_first = first_words(names)
        self._weapon_re = phrases(names, capture=True)
        self._weapon_generic = frozenset(str(x) for x in self.lex.raw.get("weapon_generic", ()))
        self._generic_aspects = tuple(
            (aid, aspect)
            for aid, aspect in self.aspects.items()
            if aid not in _OWN_RULES and aid in self._index
        )

    # -- the aspects ---------------------------------------------------------

    def findings(self, clause: str) -> list[Finding]:
        """Every aspect answered in ``clause``, in a stable order."""
        self._present = text_words(clause)
        out: list[Finding] = []
        out.extend(self._count_findings(clause))
        for finder in (self._cause, self._weapon, self._interception, self._damage_target):
            out.extend(finder(clause))
        out.extend(self._location(clause))
        out.extend(self._generic(clause))
        # "shot down" names the interception, not a cause of its own
        out = [
            f
            for f in out
            if f.aspect != "cause"
            or not self.lex.interception_verb.fullmatch(clause[f.start : f.end])
        ]
        # a casualty count is the clause's point; its place is the event's setting
        if any(f.aspect in ("killed", "injured") for f in out):
            out = [f for f in out if f.aspect != "location"]
        denied = [f for f in out if f.stance is Stance.DENIES]  # exclusivity's own denials
        self._negate(clause, out)
        for f in denied:
            f.stance = Stance.DENIES
        return out

    def _lookup(self, aspect: str, clause: str) -> list[tuple[re.Match[str], str]]:
        idx = self._index.get(aspect)
        if idx is None or self._present.isdisjoint(idx.first_words):
            return []
        hits = []
        for m in idx.regex.finditer(clause):
            value = idx.canonical.get(fold(m.group(1)))
            if value is None:
                value = self.aspects[aspect].canonical(m.group(1))
            hits.append((m, value))
        return hits

    def _count(self, clause: str, before: int, noun: bool = False) -> tuple[str, int] | None:
        """The count phrase ending just before offset ``before`` (fillers skipped).

        With ``noun``, up to two other words (adjectives: "ten Ukrainian
        missiles") may stand between the count and the word.
        """
        tokens = _tokens_before(clause, before)
        j = len(tokens) - 1
        skipped = 0
        extra = 2 if noun else 0
        while j >= 0:
            tok = tokens[j][0]
            if (tok.casefold() in self.lex.count_fillers or tok in QUOTES) and skipped < 5:
                skipped += 1
                j -= 1
                continue
            if _parses(tok):
                break
            if extra > 0 and tok.isalpha():
                extra -= 1
                j -= 1
                continue
            return None
        if j < 0:
            return None
        best = j
        for i in range(j - 1, max(-1, j - 4), -1):
            if tokens[i][0] in ",;:" or tokens[i][0] in QUOTES:
                break
            if _parses(" ".join(t for t, _ in tokens[i : j + 1])):
                best = i
        start = tokens[best][1]
        end = tokens[j][1] + len(tokens[j][0])
        return clause[start:end], start

    def _count_after(self, clause: str, after: int) -> tuple[str, int] | None:
        """The count phrase starting just after offset ``after`` ("killing at least 34")."""
        tokens = [(m.group(0), after + m.start()) for m in _TOKEN.finditer(clause[after:])][:5]
        best = None
        for j in range(len(tokens)):
            if tokens[j][0] in ",;:" or tokens[j][0] in QUOTES:
                break
            # the count ends on a number word ("at least 34", not "at least 34 people")
            if _parses(tokens[j][0]) and _parses(" ".join(t for t, _ in tokens[: j + 1])):
                best = j
        if best is None or not tokens:
            return None
        start = tokens[0][1]
        end = tokens[best][1] + len(tokens[best][0])
        return clause[start:end], start

    def _count_findings(self, clause: str) -> list[Finding]:
        if not self._counts:
            return []
        present = self._present
        out: list[Finding] = []
        taken: set[int] = set()
        for rule in self._counts:
            if present.isdisjoint(rule.first_words):
                continue
            hits: list[tuple[tuple[str, int], int, int]] = []
            for m in rule.words.finditer(clause):
                found = self._count(clause, m.start(), rule.noun)
                if (
                    found is None
                    and m.start() >= 3
                    and clause[: m.start()].rstrip().endswith((" no", " No"))
                    or (found is None and clause[: m.start()].strip().casefold() == "no")
                ):
                    found = ("none", m.start())  # "there are no casualties"
                if found is not None:
                    hits.append((found, m.start(), m.end()))
            if rule.after is not None:
                for m in rule.after.finditer(clause):
                    found = self._count_after(clause, m.end())
                    if found is not None:
                        hits.append((found, m.start(), m.end()))
            for (text, start), ws, we in hits:
                if start in taken:
                    continue
                if rule.verbs is not None:
                    lo = max(0, min(start, ws) - 60)
                    window = clause[lo : max(start, we) + 60]
                    verb = rule.verbs.search(window)
                    if not verb:
                        continue
                    # "two missiles could not be intercepted": the count is not the verb's
                    before = " ".join(clause[: lo + verb.start()].split()[-3:])
                    if self.lex.negation.search(before) or _FAILED.search(before):
                        continue
                taken.add(start)
                value = "none" if text == "none" else _count_words(text)
                share = _SHARE.search(clause[max(0, start - 20) : start + len(text) + 20])
                if share and text != "none":
                    value = share.group(1)
                for aspect in rule.aspects:
                    out.append(Finding(aspect, value, min(start, ws), max(start + len(text), we)))
        out.sort(key=lambda f: f.start)
        return out

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
            if value in generic or value in items:
                continue
            items.append(value)
            first = m.start() if first < 0 else first
            last = m.end()
        return [Finding("weapon", items, first, last)] if items else []

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
            if lex.interception_object.search(near) or lex.air_defence.search(agent + near):
                if (
                    lex.interception_partial.search(clause)
                    or _SHARE.search(clause)
                    or _SOME_OF_THEM.search(clause)
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
            transitive = not passive and v.group(0).casefold() in _TRANSITIVE
            for value, s, e in self._objects(aspect, clause):
                # "damaged a house" names it after the verb; "houses were damaged",
                # "cars caught fire" before it
                if transitive and s < v.start():
                    continue
                if value not in items:
                    items.append(value)
                first, last = min(first, s), max(last, e)
            if items:
                out.append(Finding(aspect, items, first, last))
                if aspect == "target":
                    out.extend(self._excluded(clause, v.start(), items, first, last))
        return out

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
            if words.split()[0].casefold() in _NOT_LANDMARK:
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

    def may_count(self, clause: str) -> bool:
        """Whether ``clause`` has a word a count rule starts from (a cheap test first)."""
        words = text_words(clause)
        return any(not words.isdisjoint(rule.first_words) for rule in self._counts)

    def blamed(self, verb: str, clause: str) -> Finding | None:
        """The perpetrator of a blame that is the attribution's own verb ("X *accused* Ukraine
        of shelling": the clause is "Ukraine of shelling"), as a finding of the clause."""
        if "perpetrator" not in self.aspects or not verb:
            return None
        words = verb.split()
        if not words or words[0].casefold() not in self._perpetrators.blame_words:
            return None
        who = self._perpetrators.find(f"{verb} {clause}")
        if who is None or who[1] != 0:
            return None
        # blamed for the attack, not for something else ("accused Kyiv of using shields")
        if not self._perpetrators.blames_attack(clause):
            return None
        return Finding("perpetrator", who[0], 0, max(0, who[2] - len(verb) - 1))

    def _negate(self, clause: str, found: list[Finding]) -> None:
        """Mark findings whose words are negated ("did not hit", "were not damaged")."""
        for f in found:
            aspect = self.aspects.get(f.aspect)
            if aspect is not None and aspect.type is AspectType.COUNT:
                continue  # a count says "none" itself
            window = " ".join(clause[: f.start].split()[-6:])
            if self.lex.negation.search(window) and not self.lex.evidence["none"].search(clause):
                f.stance = Stance.DENIES


# The count rules look back a dozen tokens at most: a window of this many
# characters before the word holds them, unless the text is unusual.
_LOOK_BACK = 100
_TOKENS_NEEDED = 14


def _tokens_before(clause: str, before: int) -> list[tuple[str, int]]:
    """The tokens of ``clause[:before]`` (text, offset), or at least its last dozen."""
    lo = max(0, before - _LOOK_BACK)
    tokens = [(m.group(0), lo + m.start()) for m in _TOKEN.finditer(clause[lo:before])]
    if lo > 0 and len(tokens) < _TOKENS_NEEDED:
        # the window's first token may be cut; too few whole ones: the whole prefix
        tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(clause[:before])]
    return tokens


@lru_cache(maxsize=4096)
def _parses(text: str) -> bool:
    try:
        parse_count(text)
    except ValueError:
        return False
    return True


def _count_words(text: str) -> str:
    """The count as written, trimmed of punctuation."""
    return text.strip(" ,;:.")


def certainty_of(text: str, quoted: bool, lex: Lexicon | None = None) -> str:
    """``hedged`` when the speaker hedges, else ``asserted`` (the caller decides ``reported``).

    Distancing words a journalist adds ("allegedly") count only inside the
    speaker's quoted words.

    >>> certainty_of("According to preliminary data, one was hurt", quoted=True)
    'hedged'
    >>> certainty_of("air defence allegedly shot down ten missiles", quoted=False)
    'asserted'
    """
    lex = lex or lexicon()
    if lex.hedge.search(text):
        return "hedged"
    if quoted and lex.journalist_hedge.search(text):
        return "hedged"
    return "asserted"


def evidence_of(text: str, lex: Lexicon | None = None) -> list[str]:
    """Kinds of evidence ``text`` mentions; ``["none"]`` when it says there is none.

    >>> evidence_of("The department did not provide any evidence of this.")
    ['none']
    >>> evidence_of("Residents shared videos and photos")
    ['video', 'photo']
    """
    lex = lex or lexicon()
    kinds = lex.evidence_any.tags(text)
    if "none" in kinds or ("none" in lex.evidence and lex.evidence["none"].search(text)):
        return ["none"]
    return kinds
