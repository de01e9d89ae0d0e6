"""The data model: parties, events, sources, aspects and claims.

Plain dataclasses with no I/O. Loading, validation, linking and rendering
live in their own modules; everything here can be built in memory:

>>> from claimgraph.model import Claim, Stance
>>> c = Claim(id="c1", event="e1", party="p1", source="s1", aspect="cause",
...           value="drone-attack", raw_value="drones", quote="drones did it")
>>> c.stance is Stance.ASSERTS
True
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from functools import lru_cache

__all__ = [
    "AspectType",
    "Aspect",
    "Certainty",
    "Claim",
    "Corpus",
    "Event",
    "EVIDENCE_KINDS",
    "Interval",
    "Links",
    "Location",
    "Party",
    "Review",
    "Side",
    "Source",
    "Stance",
    "Value",
    "slugify",
    "value_key",
]


# What separates the words of a slug: anything but a letter or a digit of any script.
_NOT_WORD = re.compile(r"[\W_]+")


# Bounded memo: the same few values, party names and labels are slugged over and over
# (every claim's value when it is read, linked and shown); 1,024 answers at most.
@lru_cache(maxsize=1 << 10)
def slugify(text: str) -> str:
    """Fold free text to a comparable slug: case-folded, words joined by ``-``.

    Letters of any script are kept; everything else separates words.

    >>> slugify("Air-Defence  Debris")
    'air-defence-debris'
    >>> slugify("Джанкой станция")
    'джанкой-станция'
    >>> slugify("Kalibr-NK")
    'kalibr-nk'
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    text = text.replace("'", "").replace("\u2019", "")
    return _NOT_WORD.sub("-", text).strip("-")


def value_key(text: str) -> str:
    """The key under which synonyms are looked up (same as :func:`slugify`)."""
    return slugify(text)


@dataclass(frozen=True, slots=True)
class Location:
    """Where something was written: a file and a 1-based line (and column)."""

    path: str
    line: int
    column: int = 0

    def __str__(self) -> str:
        if self.column:
            return f"{self.path}:{self.line}:{self.column}"
        return f"{self.path}:{self.line}"


@dataclass(frozen=True, slots=True)
class Interval:
    """A count as a closed interval ``[low, high]``; ``high`` may be ``math.inf``.

    ``text`` keeps the words the count was given in ("at least four").

    >>> Interval(4, math.inf).overlaps(Interval(5, 5))
    True
    >>> Interval(1, 1).overlaps(Interval(10, 10))
    False
    """

    low: float
    high: float
    text: str = ""

    def overlaps(self, other: Interval) -> bool:
        return self.low <= other.high and other.low <= self.high

    @property
    def exact(self) -> bool:
        return self.low == self.high

    def __str__(self) -> str:
        def num(x: float) -> str:
            return "∞" if math.isinf(x) else str(int(x)) if x == int(x) else str(x)

        if self.exact:
            return num(self.low)
        return f"{num(self.low)}–{num(self.high)}"


# The typed value of a claim: a category slug, a set of slugs, a count
# interval, free text (aspect type ``text``), or None (declines).
Value = str | frozenset[str] | Interval | None


class AspectType(StrEnum):
    """How an aspect's answers are compared."""

    CATEGORY = "category"  # one answer; equal / compatible / contradicting
    SET = "set"  # several items; overlap corroborates item by item
    COUNT = "count"  # a number, as an interval
    TEXT = "text"  # free text, never compared


class Stance(StrEnum):
    ASSERTS = "asserts"
    DENIES = "denies"
    DECLINES = "declines"


class Certainty(StrEnum):
    ASSERTED = "asserted"
    HEDGED = "hedged"  # "allegedly", "preliminary data"
    REPORTED = "reported"  # second-hand: "citing local residents"


# Kinds of evidence a claim may carry. "none" is recorded on purpose:
# "did not provide any evidence" is worth knowing.
EVIDENCE_KINDS: tuple[str, ...] = (
    "none",
    "video",
    "photo",
    "eyewitness",
    "document",
    "official",
    "satellite",
    "audio",
)


@dataclass(frozen=True, slots=True)
class Side:
    """A side of the conflict; agreement across sides counts more."""

    id: str
    name: str


@dataclass(slots=True)
class Party:
    """Who asserts: a government, a military, a channel, residents..."""

    id: str
    name: str
    side: str
    kind: str = "unknown"
    aliases: tuple[str, ...] = ()
    where: Location | None = None


@dataclass(slots=True)
class Event:
    """What happened, once. ``date`` or ``start``/``end``."""

    id: str
    title: str
    date: dt.date | None = None
    start: dt.date | None = None
    end: dt.date | None = None
    place: str = ""
    region: str = ""
    coords: tuple[float, float] | None = None
    where: Location | None = None

    @property
    def first_day(self) -> dt.date | None:
        return self.date or self.start


@dataclass(slots=True)
class Source:
    """One report. ``file`` is the raw text, relative to the project root."""

    id: str
    title: str = ""
    outlet: str = ""
    url: str = ""
    published: date | None = None
    language: str = ""
    file: str | None = None
    status: str = "final"  # or "draft" (written by `claimgraph extract`)
    where: Location | None = None


@dataclass(slots=True)
class Aspect:
    """A question every event can be asked, with a value type.

    ``values`` lists known canonical values (for a category: the closed list
    of answers, each optionally with a label); ``synonyms`` maps a
    :func:`value_key` to a canonical value; ``compatible`` holds unordered
    pairs of category values that differ but do not contradict. ``kinds``
    (set aspects) names each kind of item by the words of its value: two
    items of different kinds are rival answers ("a military target or a
    civilian one"), not two parts of one answer; ``kind_items`` maps the items
    that stand for a whole kind ("civilian-infrastructure") to it, so that
    denying one denies every item of its kind.
    """

    id: str
    type: AspectType
    label: str = ""
    values: dict[str, str] = field(default_factory=dict)  # value -> label
    synonyms: dict[str, str] = field(default_factory=dict)  # key -> value
    compatible: frozenset[frozenset[str]] = frozenset()
    kinds: dict[str, frozenset[str]] = field(default_factory=dict)  # kind -> words
    kind_items: dict[str, str] = field(default_factory=dict)  # item -> the kind it stands for
    # each item's kind once found (items repeat across questions)
    _kind_of: dict[str, str] = field(default_factory=dict, compare=False, repr=False)
    closed: bool = False  # True: a value outside `values` is a problem
    where: Location | None = None

    def canonical(self, item: str) -> str:
        """The canonical slug for one category or set item.

        >>> a = Aspect("cause", AspectType.CATEGORY, synonyms={"mopeds": "drone-attack"})
        >>> a.canonical("Mopeds")
        'drone-attack'
        >>> a.canonical("Sabotage")
        'sabotage'
        """
        key = value_key(item)
        return self.synonyms.get(key, key)

    def are_compatible(self, a: str, b: str) -> bool:
        return a == b or frozenset((a, b)) in self.compatible

    def kind_of(self, item: str) -> str:
        """The kind of a set item: the first of ``kinds`` one of whose words is a word of
        the item's value; "" for none.

        >>> a = Aspect("target", AspectType.SET, kinds={
        ...     "military": frozenset({"military", "troops"}),
        ...     "civilian": frozenset({"residential", "cafe"})})
        >>> a.kind_of("military-facility"), a.kind_of("cafe"), a.kind_of("railway")
        ('military', 'civilian', '')
        """
        if not self.kinds:
            return ""
        found = self._kind_of.get(item)
        if found is None:
            words, joined = set(item.split("-")), f"-{item}-"
            found = next(
                (
                    kind
                    for kind, known in self.kinds.items()
                    if any(w in words if "-" not in w else f"-{w}-" in joined for w in known)
                ),
                "",
            )
            self._kind_of[item] = found
        return found

    def denial_covers(self, denied: str, item: str) -> str:
        """The kind a denial of ``denied`` also denies ``item`` by ("we do not strike
        civilian infrastructure" denies that a cafe was the target): ``denied`` stands for
        a whole kind (``kind_items``) and ``item`` is of it; "" otherwise.

        >>> a = Aspect("target", AspectType.SET, kinds={"civilian": frozenset({"cafe"})},
        ...     kind_items={"civilian-infrastructure": "civilian"})
        >>> a.denial_covers("civilian-infrastructure", "cafe"), a.denial_covers("cafe", "x")
        ('civilian', '')
        """
        kind = self.kind_items.get(denied, "")
        if not kind or item == denied:
            return ""
        return kind if self.kind_items.get(item) == kind or self.kind_of(item) == kind else ""

    def label_of(self, value: str) -> str:
        return self.values.get(value) or value.replace("-", " ")


@dataclass(frozen=True, slots=True)
class Links:
    """Relations the fact-checker states explicitly, by claim id."""

    contradicts: tuple[str, ...] = ()
    corroborates: tuple[str, ...] = ()
    supersedes: str | None = None

    def __bool__(self) -> bool:
        return bool(self.contradicts or self.corroborates or self.supersedes)


@dataclass(frozen=True, slots=True)
class Review:
    """A fact-checker's verdict, exported as schema.org ClaimReview."""

    rating: str  # alternateName, e.g. "False", "Unproven"
    value: int | None = None
    best: int | None = None
    worst: int | None = None
    reviewer: str = ""
    date: dt.date | None = None
    url: str = ""
    summary: str = ""


@dataclass(slots=True)
class Claim:
    """One assertion by one party in one source."""

    id: str
    event: str
    party: str
    source: str
    aspect: str
    value: Value
    raw_value: object = None  # as written in the file
    quote: str = ""
    stance: Stance = Stance.ASSERTS
    certainty: Certainty = Certainty.ASSERTED
    evidence: tuple[str, ...] = ()  # () = not recorded; ("none",) = stated none
    speaker: str = ""
    via: str = ""
    said_on: date | datetime | None = None
    links: Links = field(default_factory=Links)
    review: Review | None = None
    note: str = ""
    where: Location | None = None

    @property
    def has_evidence(self) -> bool:
        return any(e != "none" for e in self.evidence)


@dataclass(slots=True)
class Corpus:
    """Everything loaded from a claims folder, keyed by id, in file order."""

    sides: dict[str, Side] = field(default_factory=dict)
    parties: dict[str, Party] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    sources: dict[str, Source] = field(default_factory=dict)
    aspects: dict[str, Aspect] = field(default_factory=dict)
    claims: dict[str, Claim] = field(default_factory=dict)

    def claims_of_event(self, event_id: str) -> list[Claim]:
        return [c for c in self.claims.values() if c.event == event_id]

    def side_of(self, party_id: str) -> str:
        party = self.parties.get(party_id)
        return party.side if party else "unknown"
