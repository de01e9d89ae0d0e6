"""When and where: dates in a report, places from the gazetteer, and the events they make.

>>> from datetime import date
>>> [str(d) for d in find_dates("On the evening of January 4, it began.", ref=date(2024, 1, 31))]
['2024-01-04']
>>> [str(d) for d in find_dates("at the end of November 2023")]
['2023-11-21..2023-11-30']
>>> [str(d) for d in find_dates("Explosions rang out on Thursday, March 21, in Kyiv.")]
['2024-03-21']
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import cache
from pathlib import Path
from typing import Any

from claimgraph.extract.datafile import read_data_file, read_package_data
from claimgraph.extract.lexicon import Phrases, first_words, phrases, trie_pattern

__all__ = [
    "DateRef",
    "Gazetteer",
    "Place",
    "date_line",
    "date_mentions",
    "find_dates",
    "resolve_dates",
    "years_in",
    "load_gazetteer",
]

GAZETTEER_FILE = "gazetteer.yaml"

_WORD_START = re.compile(r"\b\w")

MONTHS = {m.casefold(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.casefold(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = {d.casefold(): i for i, d in enumerate(calendar.day_name)}

_MONTH = (
    r"(?P<month>"
    + "|".join(sorted((m for m in MONTHS if len(m) > 3 or m == "may"), key=len, reverse=True))
    + r")\b\.?"
)
_MONTH_ABBR = "|".join(sorted(MONTHS, key=len, reverse=True))
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# A year: the digits first (a fast scan), the word boundary before them checked after.
_YEARS = re.compile(r"(?:19|20)\d\d\b")

_PATTERNS = [
    # 2024-03-21
    re.compile(r"(?<!\d)(?P<iso>(?:19|20)\d\d-[01]\d-[0-3]\d)(?!\d)"),
    # (Thursday,) March 21(st)(, 2024)
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?P<month>{_MONTH_ABBR})\.?\s+(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\b"
        rf"(?:,?\s+{_YEAR})?",
        re.IGNORECASE,
    ),
    # (Thursday,) 21 March (2024)
    re.compile(
        rf"\b(?:{_WEEKDAY},?\s+)?(?<!\d)(?P<day>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?"
        rf"(?P<month>{_MONTH_ABBR})\b\.?(?:,?\s+{_YEAR})?",
        re.IGNORECASE,
    ),
    # at the end of November 2023, in early November, in mid-March, in March 2024
    re.compile(
        r"\b(?:(?:at\s+the\s+|in\s+the\s+)?(?P<part>end|beginning|start|middle|first\s+half|"
        r"second\s+half)\s+of\s+|(?:in\s+)?(?P<early>early|mid|late)[\s-]+|in\s+)"
        + _MONTH
        + rf"(?:,?\s+{_YEAR})?",
        re.IGNORECASE,
    ),
    # on Wednesday, Tuesday evening, since Wednesday morning
    re.compile(rf"\b{_WEEKDAY}\b", re.IGNORECASE),
    # yesterday, last night
    re.compile(
        r"\b(?P<relative>yesterday|last\s+night|this\s+morning|today|tonight)\b", re.IGNORECASE
    ),
]

# The patterns that can start before a month's name ("21 March", "at the end of May").
_LEAD_IN = frozenset({2, 3})

# Where a date can begin: an ISO date, or a word a date is made of.
_ISO_ANCHOR = re.compile(r"\d{4}-\d\d-\d\d")
_DATE_WORDS = [*MONTHS, *WEEKDAYS, "yesterday", "last night", "this morning", "today", "tonight"]
_DATE_WORD = Phrases(
    re.compile(r"\b(?:" + trie_pattern(_DATE_WORDS) + r")\b", re.IGNORECASE),
    first_words(_DATE_WORDS),
    anchored=True,
)

_PARTS = {
    "end": (21, 31),
    "beginning": (1, 10),
    "start": (1, 10),
    "early": (1, 10),
    "middle": (11, 20),
    "mid": (11, 20),
    "late": (21, 31),
    "first half": (1, 15),
    "second half": (16, 31),
}


@dataclass(frozen=True, slots=True)
class DateRef:
    """A date or a period found in text, with where it was (offsets in the text)."""

    start: date
    end: date
    at: int = 0
    stop: int = 0

    @property
    def is_day(self) -> bool:
        return self.start == self.end

    def overlaps(self, other: DateRef) -> bool:
        return self.start <= other.end and other.start <= self.end

    @property
    def slug(self) -> str:
        """``2024-03-21`` for a day, ``2023-11`` for a period within a month."""
        if self.is_day:
            return self.start.isoformat()
        if (self.start.year, self.start.month) == (self.end.year, self.end.month):
            return f"{self.start.year:04d}-{self.start.month:02d}"
        return f"{self.start.isoformat()}--{self.end.isoformat()}"

    def __str__(self) -> str:
        if self.is_day:
            return self.start.isoformat()
        return f"{self.start.isoformat()}..{self.end.isoformat()}"


_DATE_LINE = re.compile(r"^\s*date\s+(?P<y>\d{4})-(?P<m>\d{2})(?:-(?P<d>\d{2}))?\b", re.IGNORECASE)


def date_line(text: str) -> tuple[DateRef | None, int]:
    """The report's leading date line ("date 2023-03-20", "date 2024-01") and its length.

    >>> ref, n = date_line(" date 2024-01 Russian invaders said")
    >>> str(ref), n
    ('2024-01-01..2024-01-31', 13)
    """
    m = _DATE_LINE.match(text)
    if not m:
        return None, 0
    y, mo = int(m["y"]), int(m["m"])
    try:
        if m["d"]:
            d = date(y, mo, int(m["d"]))
            return DateRef(d, d, m.start(), m.end()), m.end()
        last = calendar.monthrange(y, mo)[1]
        return DateRef(date(y, mo, 1), date(y, mo, last), m.start(), m.end()), m.end()
    except ValueError:
        return None, 0


def _year_for(
    month: int, day: int, ref: date | None, weekday: int | None, years: Iterable[int]
) -> int | None:
    if weekday is not None:
        pool = sorted(set(years) | ({ref.year, ref.year - 1} if ref else set()))
        if not pool:
            pool = list(range(date.today().year, date.today().year - 8, -1))
        for y in sorted(pool, key=lambda y: (ref is not None and abs(y - ref.year), -y)):
            try:
                if date(y, month, day).weekday() == weekday:
                    return y
            except ValueError:
                continue
    if ref is not None:
        try:
            return (
                ref.year if date(ref.year, month, day) <= ref + timedelta(days=1) else ref.year - 1
            )
        except ValueError:
            return ref.year
    years = list(years)
    return years[0] if years else None


def _month_period(y: int, mo: int, lo: int, hi: int) -> tuple[date, date]:
    last = calendar.monthrange(y, mo)[1]
    return date(y, mo, min(lo, last)), date(y, mo, min(hi, last))


def find_dates(text: str, ref: date | None = None, years: Iterable[int] = ()) -> list[DateRef]:
    """Dates and periods named in ``text``; ``ref`` (the report's date) fixes years and weekdays.

    >>> [str(d) for d in find_dates("On Wednesday it began", ref=date(2024, 3, 21))]
    ['2024-03-20']
    >>> [str(d) for d in find_dates("in early November", ref=date(2024, 1, 15))]
    ['2023-11-01..2023-11-10']
    """
    return resolve_dates(date_mentions(text), ref, list(years) or years_in(text))


def years_in(text: str) -> list[int]:
    """The years (1900-2099) written in ``text``, as whole words.

    >>> years_in("In 2023, not in 12023 or 2023a, and again 2024.")
    [2023, 2024]
    """
    return [
        int(m.group())
        for m in _YEARS.finditer(text)
        if not m.start() or not (text[m.start() - 1].isalnum() or text[m.start() - 1] == "_")
    ]


def _iso_starts(text: str) -> list[int]:
    """Where ``_ISO_ANCHOR.finditer(text)`` finds a date, faster: tried only four characters
    before each hyphen (the one after the year).

    >>> _iso_starts("On 2024-01-04 and 2024-1-5, not 12024-01-04x; 2023-12-31-2024-01-01")
    [3, 33, 46, 57]
    """
    out: list[int] = []
    end = 0
    hyphen = text.find("-", 4)
    while hyphen >= 0:
        at = hyphen - 4
        if at >= end:
            m = _ISO_ANCHOR.match(text, at)
            if m is not None:
                out.append(at)
                end = m.end()
        hyphen = text.find("-", hyphen + 1)
    return out


def date_mentions(
    text: str, pieces: Iterable[tuple[int, str]] | None = None
) -> list[re.Match[str]]:
    """Every match of the date patterns in ``text``, the most specific pattern first.

    The part of :func:`find_dates` that does not depend on the report's
    date, so a caller that learns the date later need not scan again.
    ``pieces`` (offset, text) that cover every word of ``text`` (its
    sentences) let the scan skip those with no date word.
    """
    # The full patterns are tried only where a date can start: at a word a
    # date is made of, or (for "21 March", "at the end of May") at one of
    # the few words before a month.
    words = [
        (at + m.start(), m.group(0))
        for at, piece in (pieces if pieces is not None else [(0, text)])
        for m in _DATE_WORD.finditer(piece)
    ]
    anchors = sorted(_iso_starts(text) + [at for at, _ in words])
    before: set[int] = set()
    for at, word in words:
        if word.casefold() in MONTHS:
            for w in _WORD_START.finditer(text, max(0, at - 30), at):
                before.add(w.start())
    around = sorted(before.union(anchors))
    return [
        m
        for index, pattern in enumerate(_PATTERNS)
        for at in (around if index in _LEAD_IN else anchors)
        if (m := pattern.match(text, at)) is not None
    ]


def resolve_dates(
    mentions: list[re.Match[str]], ref: date | None = None, years: Iterable[int] = ()
) -> list[DateRef]:
    """The dates of :func:`date_mentions`, read with the report's date ``ref``.

    A mention inside one already read is skipped, so "Thursday, March 21"
    is one date.
    """
    years = list(years)
    out: list[DateRef] = []
    taken: list[tuple[int, int]] = []
    for m in mentions:
        if any(s <= m.start() < e for s, e in taken):
            continue
        ref_obj = _match_date(m, ref, years)
        if ref_obj is None:
            continue
        out.append(DateRef(ref_obj[0], ref_obj[1], m.start(), m.end()))
        taken.append((m.start(), m.end()))
    out.sort(key=lambda d: d.at)
    return out


def _match_date(m: re.Match[str], ref: date | None, years: list[int]) -> tuple[date, date] | None:
    g = m.groupdict()
    try:
        if g.get("iso"):
            d = date.fromisoformat(g["iso"])
            return d, d
        if g.get("relative"):
            if ref is None or not ref:
                return None
            word = g["relative"].casefold()
            d = ref - timedelta(days=1) if word == "yesterday" or word.startswith("last") else ref
            return d, d
        month = MONTHS.get((g.get("month") or "").casefold().rstrip("."))
        weekday = WEEKDAYS.get((g.get("weekday") or "").casefold())
        if month and g.get("day"):
            day = int(g["day"])
            y = int(g["year"]) if g.get("year") else _year_for(month, day, ref, weekday, years)
            if y is None:
                return None
            d = date(y, month, day)
            return d, d
        if month:
            part = (g.get("part") or g.get("early") or "").casefold()
            part = " ".join(part.split())
            lo, hi = _PARTS.get(part, (1, 31))
            if g.get("year"):
                y = int(g["year"])
            elif ref is not None:
                y = ref.year if month <= ref.month else ref.year - 1
            elif years:
                y = years[0]
            else:
                return None
            return _month_period(y, month, lo, hi)
        if weekday is not None and ref is not None:
            back = (ref.weekday() - weekday) % 7
            d = ref - timedelta(days=back)
            return d, d
    except ValueError:
        return None
    return None


# -- places -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Place:
    """A gazetteer entry."""

    name: str
    region: str = ""
    kind: str = "town"
    coords: tuple[float, float] | None = None


def near_month_day(day: date, month_day: tuple[int, int]) -> bool:
    """Whether a day without its year ("May 14", a dateline's) is within a day of ``day``.

    >>> near_month_day(date(2024, 5, 14), (5, 15)), near_month_day(date(2024, 5, 14), (6, 1))
    (True, False)
    """
    try:
        guess = day.replace(month=month_day[0], day=month_day[1])
    except ValueError:
        return False
    return abs(guess - day) <= timedelta(days=1)


# Where a written place's own name ends: "Belgorod, 55 Shchorsa Street", "Moscow and
# Moscow region (Ramenskoye)", "Donetsk (occupied)".
_PLACE_HEAD = re.compile(r",|\(|\s+(?:and|&)\s+|\s+[-\u2013\u2014]\s+")


# Spellings of one Ukrainian name, Ukrainian- and Russian-based ("Hroza"/"Groza",
# "Chaplyne"/"Chaplino"): digraphs to one letter, h/g, y/i alike, final vowels dropped.
_DIGRAPHS = (("kh", "h"), ("zh", "z"), ("ch", "c"), ("sh", "s"), ("ts", "c"), ("yi", "i"))
_NOT_LETTER = re.compile(r"[^a-z]")


def loose_spelling(name: str) -> str:
    """A key on which the Ukrainian- and Russian-based spellings of a place's name meet.

    >>> loose_spelling("Chaplyne") == loose_spelling("Chaplino"), loose_spelling("Hroza")
    (True, 'groz')
    """
    key = _NOT_LETTER.sub("", name.casefold())
    for two, one in _DIGRAPHS:
        key = key.replace(two, one)
    return key.replace("h", "g").replace("y", "i").rstrip("aeiou")


def place_head(written: str) -> str:
    """A written place's own name, before a street, a list or a remark.

    >>> place_head("Lysychansk, Adriatic restaurant"), place_head("Luhansk Oblast (occupied)")
    ('Lysychansk', 'Luhansk Oblast')
    """
    return _PLACE_HEAD.split(written, maxsplit=1)[0].strip()


@dataclass(slots=True)
class Gazetteer:
    """Known places, found in text by name or alias (case-insensitive, whole words)."""

    places: dict[str, Place] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # folded name/alias -> place name
    _regex: Phrases | None = None
    _aliases: dict[str, list[str]] | None = None

    @classmethod
    def default(cls) -> Gazetteer:
        """The built-in gazetteer (data/gazetteer.yaml)."""
        return _builtin().copy()

    @classmethod
    def from_data(cls, data: Any) -> Gazetteer:
        """A gazetteer from a mapping shaped like data/gazetteer.yaml."""
        g = cls()
        g.add(data)
        return g

    def copy(self) -> Gazetteer:
        """A copy to extend; it shares the compiled matcher until a place is added (so the
        built-in gazetteer's thousands of names are compiled once per process)."""
        return Gazetteer(dict(self.places), dict(self.names), self._phrases(), self._aliases)

    def _phrases(self) -> Phrases:
        if self._regex is None:
            self._regex = phrases(self.names, capture=True)
        return self._regex

    def add(self, data: Any) -> None:
        """Add the places of a mapping shaped like data/gazetteer.yaml (later entries win)."""
        if isinstance(data, dict) and isinstance(data.get("x-gazetteer"), dict):
            data = data["x-gazetteer"]  # the form a claims folder's loader leaves alone
        places = data.get("places") if isinstance(data, dict) else None
        if not isinstance(places, dict):
            raise ValueError(
                "a gazetteer needs a 'places:' (or 'x-gazetteer: {places: ...}') mapping "
                "of name -> {region, kind, coords, aliases}"
            )
        for name, spec in places.items():
            spec = spec if isinstance(spec, dict) else {}
            coords = spec.get("coords")
            pair: tuple[float, float] | None = None
            if isinstance(coords, list | tuple) and len(coords) == 2:
                try:
                    pair = (float(coords[0]), float(coords[1]))
                except (TypeError, ValueError):
                    pair = None
            place = Place(
                str(name), str(spec.get("region", "") or ""), str(spec.get("kind", "town")), pair
            )
            self.places[place.name] = place
            self.names[place.name.casefold()] = place.name
            for alias in spec.get("aliases") or ():
                self.names[str(alias).casefold()] = place.name
        self._regex = None
        self._aliases = None

    def aliases(self, name: str) -> list[str]:
        """The folded names and aliases of the place called ``name``."""
        if self._aliases is None:
            table: dict[str, list[str]] = {}
            for alias, place in self.names.items():
                table.setdefault(place, []).append(alias)
            self._aliases = table
        return self._aliases.get(name, [])

    def read(self, path: Path) -> None:
        """Add the places of a gazetteer file (a claims folder's ``gazetteer.yaml``)."""
        self.add(read_data_file(path))

    def knows(self, name: str) -> bool:
        """Whether ``name`` is one of the places' names or aliases."""
        return " ".join(name.casefold().split()) in self.names

    def find(self, text: str) -> list[tuple[Place, int, int]]:
        """The places named in ``text``: (place, start, end), in order."""
        return self.find_in([(0, text)])

    def find_in(self, pieces: Iterable[tuple[int, str]]) -> list[tuple[Place, int, int]]:
        """The places named in ``pieces`` (offset, text) of one text, such as its sentences.

        Offsets are the whole text's. A piece with none of the places'
        first words is skipped without a scan.
        """
        regex = self._phrases()
        out = []
        for at, text in pieces:
            for m in regex.finditer(text):
                name = self.names.get(" ".join(m.group(1).casefold().split()))
                if name is not None:
                    out.append((self.places[name], at + m.start(), at + m.end()))
        return out


def load_gazetteer(claims_dir: Path | None = None) -> Gazetteer:
    """The built-in gazetteer, extended by ``claims_dir/gazetteer.yaml`` when there is one.

    In a claims folder the places go under ``x-gazetteer:`` (a key the claim
    loader leaves alone). Raises ``ValueError`` (or ``yaml.YAMLError``) for
    a file that is not a gazetteer.
    """
    g = Gazetteer.default()
    if claims_dir is not None and (claims_dir / GAZETTEER_FILE).is_file():
        g.read(claims_dir / GAZETTEER_FILE)
    return g


@cache
def _builtin() -> Gazetteer:
    return Gazetteer.from_data(read_package_data(GAZETTEER_FILE))
