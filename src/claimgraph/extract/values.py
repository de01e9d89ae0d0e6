"""What a sentence says: aspects and values, stance, certainty and evidence.

The aspect vocabulary comes from the loaded aspects (built-in and the claims
folder's: values, labels and synonyms) plus the cue words of
data/extract.yaml; counts are read with :func:`claimgraph.quantities.parse_count`.

The :class:`Reader` here builds the indexes and runs the rules; the rules are
its mixins, counts in :mod:`claimgraph.extract.counting` and the other aspects
in :mod:`claimgraph.extract.aspectrules`, over the shared state and
:class:`Finding` of :mod:`claimgraph.extract.findings`; certainty and evidence
are :mod:`claimgraph.extract.certainty`. The names of all of them are
re-exported here.

>>> from claimgraph.extract.values import Reader
>>> r = Reader.default()
>>> [(f.aspect, f.value) for f in r.findings("At least four people were killed and seven injured.")]
[('killed', 'At least four'), ('injured', 'seven')]
>>> [(f.aspect, f.value) for f in r.findings("The debris damaged a house and a shop.")]
[('cause', 'air-defence-debris'), ('damage', ['house', 'shop'])]
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from typing import Any

from claimgraph.extract.aspectrules import _CAPITAL as _CAPITAL
from claimgraph.extract.aspectrules import _LANDMARK as _LANDMARK
from claimgraph.extract.aspectrules import _LIST_GAP as _LIST_GAP
from claimgraph.extract.aspectrules import _NOT_LANDMARK as _NOT_LANDMARK
from claimgraph.extract.aspectrules import _PASSIVE_AUX as _PASSIVE_AUX
from claimgraph.extract.aspectrules import _SOME_OF_THEM as _SOME_OF_THEM
from claimgraph.extract.aspectrules import _TRANSITIVE as _TRANSITIVE
from claimgraph.extract.aspectrules import _AspectRules as _AspectRules
from claimgraph.extract.aspectrules import _landmarks as _landmarks
from claimgraph.extract.certainty import certainty_of as certainty_of
from claimgraph.extract.certainty import evidence_of as evidence_of
from claimgraph.extract.counting import _FAILED as _FAILED
from claimgraph.extract.counting import _LOOK_BACK as _LOOK_BACK
from claimgraph.extract.counting import _TOKEN as _TOKEN
from claimgraph.extract.counting import _TOKENS_NEEDED as _TOKENS_NEEDED
from claimgraph.extract.counting import _count_words as _count_words
from claimgraph.extract.counting import _CountRules as _CountRules
from claimgraph.extract.counting import _parses as _parses
from claimgraph.extract.counting import _tokens_before as _tokens_before
from claimgraph.extract.events import Gazetteer
from claimgraph.extract.findings import Finding as Finding
from claimgraph.extract.findings import _AspectIndex as _AspectIndex
from claimgraph.extract.findings import _CountRule as _CountRule
from claimgraph.extract.findings import _ReaderBase as _ReaderBase
from claimgraph.extract.lexicon import (
    Lexicon,
    Phrases,
    first_words,
    fold,
    lexicon,
    phrases,
    text_words,
)
from claimgraph.extract.perpetrator import Perpetrators
from claimgraph.extract.registry import find_word
from claimgraph.model import Aspect, AspectType, Stance, value_key

__all__ = ["Finding", "Reader", "builtin_aspects", "certainty_of", "evidence_of"]


def _in_word(text: str, at: int) -> bool:
    """Whether the character at ``at`` (within ``text``) is a word character."""
    return 0 <= at < len(text) and (text[at].isalnum() or text[at] == "_")


def builtin_aspects() -> dict[str, Aspect]:
    """The built-in aspects, as the loader reads them (for use without a claims folder)."""
    from claimgraph.load import builtin_aspects as load_builtin

    return load_builtin()


def _key(text: str) -> str:
    return value_key(text)


def _rival_verbs(spec: dict[str, Any], specs: Iterable[dict[str, Any]]) -> Phrases | None:
    """The verbs of the other count rules over the same words (children killed, children
    injured), when this rule has verbs of its own."""
    if not spec.get("verbs"):
        return None
    own = set(spec.get("verbs") or ())
    rivals = {
        str(v)
        for other in specs
        if other is not spec and other.get("words") == spec.get("words")
        for v in other.get("verbs") or ()
        if v not in own
    }
    return phrases(sorted(rivals)) if rivals else None


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


# Aspects with a rule of their own in :class:`Reader`.
_OWN_RULES = frozenset({"cause", "weapon", "interception", "damage", "target", "location"})


# Aspects whose answer says the clause is about the attack.
_ATTACK_ASPECTS = frozenset(
    {"target", "damage", "cause", "perpetrator", "weapon", "killed", "injured"}
)


@dataclass(slots=True)
class Reader(_CountRules, _AspectRules):
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
        tables = {
            aid: _phrases_of(aspect)
            for aid, aspect in self.aspects.items()
            if aspect.type in (AspectType.CATEGORY, AspectType.SET)
        }
        # a phrase two aspects without a rule of their own share ("hit" for a folder's
        # hit-target and event-participants) answers neither: the words do not say which
        shared = Counter(key for aid, t in tables.items() if aid not in _OWN_RULES for key in t)
        # and a verb the target rule reads ("hit", "struck") says what was hit, not a
        # folder category's value ("hit" of a hit-target aspect)
        verbs = {fold(str(v)) for v in (self.lex.raw.get("aspects") or {}).get("target_verbs", ())}
        for aid, table in tables.items():
            if aid not in _OWN_RULES:
                table = {k: v for k, v in table.items() if shared[k] == 1 and k not in verbs}
            # spaces, hyphens and case fold the same way as value keys
            self._index[aid] = _AspectIndex(
                phrases(table, capture=True, plural=True),
                table,
                first_words(table, plural=True),
            )
        specs = self.lex.raw.get("counts") or {}
        for aid, spec in specs.items():
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
                    _rival_verbs(spec, specs.values()),
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
        out.extend(self._victims(clause, out))
        for finder in (self._cause, self._weapon, self._interception, self._damage_target):
            out.extend(finder(clause))
        out.extend(self._location(clause))
        out.extend(self._generic(clause))
        out.extend(self._intent(clause, out))
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

    def _victims(self, clause: str, counts: list[Finding]) -> list[Finding]:
        """Who the counted dead or injured were ("64 Ukrainian soldiers were killed":
        combatants), for a folder's ``victims`` category holding the value."""
        aspect = self.aspects.get("victims")
        if aspect is None or aspect.type is not AspectType.CATEGORY:
            return []
        spec = (self.lex.raw.get("aspects") or {}).get("victim_words") or {}
        for f in counts:
            if f.aspect not in ("killed", "injured"):
                continue
            words = text_words(clause[f.start : f.end])
            for value, nouns in spec.items():
                if str(value) in aspect.values and not words.isdisjoint(
                    str(n).casefold() for n in nouns if " " not in str(n)
                ):
                    return [Finding("victims", str(value), f.start, f.end)]
        return []

    def _intent(self, clause: str, found: list[Finding]) -> list[Finding]:
        """Whether the strike was meant ("deliberately targeted", "made a mistake"), for a
        folder's ``intent`` category holding the value, in a clause about the attack."""
        aspect = self.aspects.get("intent")
        if aspect is None or aspect.type is not AspectType.CATEGORY:
            return []
        if any(f.aspect == "intent" for f in found):
            return []  # the folder's own synonyms said it
        about_attack = any(f.aspect in _ATTACK_ASPECTS for f in found)
        if not about_attack and not self._perpetrators.blames_attack(clause):
            return []
        spec = (self.lex.raw.get("aspects") or {}).get("intent_words") or {}
        folded = clause.casefold()
        for value, words in spec.items():
            if str(value) not in aspect.values:
                continue
            for w in words:
                at = find_word(folded, str(w).casefold())
                if at is not None:
                    return [Finding("intent", str(value), at[0], at[1])]
        return []

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
        # A window's words are the clause's (unless it ends inside a word): with no
        # negation word in the clause, no window is scanned.
        first = self.lex.negation.first
        unnegated = first is not None and text_words(clause).isdisjoint(first)
        for f in found:
            aspect = self.aspects.get(f.aspect)
            if aspect is not None and aspect.type is AspectType.COUNT:
                continue  # a count says "none" itself
            if unnegated and not (_in_word(clause, f.start - 1) and _in_word(clause, f.start)):
                continue
            window = " ".join(clause[: f.start].split()[-6:])
            if self.lex.negation.search(window) and not self.lex.evidence["none"].search(clause):
                f.stance = Stance.DENIES
