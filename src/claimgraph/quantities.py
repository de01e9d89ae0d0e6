"""English counts as intervals: ``"at least four"`` is ``[4, inf)``.

The vocabulary (number words, vague quantities and their intervals, bound
words) lives in ``data/quantities.yaml``; the grammar lives here.

>>> parse_count("at least four")
Interval(low=4, high=inf, text='at least four')
>>> parse_count("several dozen")
Interval(low=12, high=99, text='several dozen')
>>> parse_count("1,500").low
1500
>>> parse_count("at least four").overlaps(parse_count(5))
True
>>> parse_count("one").overlaps(parse_count("ten"))
False

Tolerance policy for approximate counts: ``about N`` is ``[N - t, N + t]``
with ``t = max(1, round(N / 10))``; ``nearly N``/``almost N`` is
``[N - t, N - 1]`` (below N); ``up to N`` is ``[1, N]`` when compared (it
says some were counted) while ``at most N`` is ``[0, N]``; ``more than N`` is
``[N + 1, inf)``. Vague words follow one table (ACLED's: tens = 10, dozens =
12, hundreds = 100, and so on): the low end of each interval is the figure
the word counts as, everywhere (comparison, figures, exports).

The figures a count *states* (what a report may show, see :func:`stated`) are
not its interval: "up to 30" states only 30, as an upper bound, and never
yields a lower figure of its own.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

from claimgraph.model import Interval

__all__ = [
    "MAX_COUNT",
    "MAX_COUNT_TEXT",
    "Stated",
    "conservative",
    "count_words",
    "format_count",
    "parse_count",
    "stated",
    "vague_words",
]

INF = math.inf

# A count never needs more words than this; longer input is refused early.
MAX_COUNT_TEXT = 200

# The largest count accepted (a trillion): anything bigger is a typo, not a figure.
MAX_COUNT = 10**12


def _shorten(text: str, width: int = 30) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    units: dict[str, int]
    tens: dict[str, int]
    multipliers: dict[str, int]
    groups: dict[str, int]
    articles: frozenset[str]
    joiners: frozenset[str]
    zero: frozenset[str]
    vague: dict[str, tuple[float, float]]
    prefixes: tuple[tuple[str, str], ...]  # (phrase, kind), longest first
    suffixes: tuple[tuple[str, str], ...]
    fraction: float
    minimum: int
    separators: tuple[str, ...]
    frames: tuple[tuple[str, str], ...]
    ignored: tuple[str, ...]
    not_nouns: frozenset[str]

    @property
    def number_words(self) -> frozenset[str]:
        return frozenset([*self.units, *self.tens, *self.multipliers, *self.groups, *self.articles])

    @property
    def kept_words(self) -> frozenset[str]:
        """Words never dropped from the end of a count as a noun."""
        single = [v for v in self.vague if " " not in v]
        return self.number_words | self.not_nouns | frozenset(single)


def _phrases(table: dict[str, list[str]]) -> tuple[tuple[str, str], ...]:
    pairs = [(_normalise(p), kind) for kind, words in table.items() for p in words]
    return tuple(sorted(pairs, key=lambda pair: -len(pair[0])))


@lru_cache(maxsize=1)
def _vocabulary() -> _Vocabulary:
    text = resources.files("claimgraph").joinpath("data/quantities.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    vague = {
        _normalise(k): (float(v[0]), INF if v[1] is None else float(v[1]))
        for k, v in data["vague"].items()
    }
    return _Vocabulary(
        units=dict(data["units"]),
        tens=dict(data["tens"]),
        multipliers=dict(data["multipliers"]),
        groups=dict(data["groups"]),
        articles=frozenset(data["articles"]),
        joiners=frozenset(data["joiners"]),
        zero=frozenset(_normalise(z) for z in data["zero"]),
        vague=vague,
        prefixes=_phrases(data["prefixes"]),
        suffixes=_phrases(data["suffixes"]),
        fraction=float(data["tolerance"]["fraction"]),
        minimum=int(data["tolerance"]["minimum"]),
        separators=tuple(_normalise(s) for s in data["range_separators"]),
        frames=tuple((_normalise(a), _normalise(b)) for a, b in data["range_frames"]),
        ignored=tuple(
            sorted((_normalise(p) for p in data["ignored_prefixes"]), key=lambda p: -len(p))
        ),
        not_nouns=frozenset(_normalise(w) for w in data["not_nouns"]),
    )


_DASHES = re.compile("[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]")
_DIGIT_GROUP = re.compile(r"(?<=\d)[,\u00a0\u202f' ](?=\d{3}(?!\d))")
_NUMBER = re.compile(r"\d+(?:\.\d+)?")


def _normalise(text: str) -> str:
    """Lower-case, fold dashes, join digit groups, space out ``-`` and ``+``."""
    text = _DASHES.sub("-", text.casefold())
    text = _DIGIT_GROUP.sub("", text)
    text = re.sub(r"\s+", " ", text).strip().rstrip(".,;:!?").strip()
    # "5-7" and "10+" become "5 - 7" and "10 +"; "twenty-five" is kept.
    text = re.sub(r"(?<=\d)\s*-\s*(?=\d)", " - ", text)
    text = re.sub(r"(?<=\d)\s*\+", " +", text)
    return text


def _tolerance(n: float, vocab: _Vocabulary) -> float:
    return float(max(vocab.minimum, math.floor(n * vocab.fraction + 0.5)))


def _words_number(tokens: list[str], vocab: _Vocabulary) -> float | None:
    """``["two", "hundred", "and", "five"]`` -> 205; None if not a number in words."""
    total = 0.0
    current = 0.0
    last = ""  # kind of the previous token: unit, ten, mult, group, article, digit
    seen = False
    for token in tokens:
        if token in vocab.joiners and seen:
            continue
        if _NUMBER.fullmatch(token):
            if last in ("unit", "ten", "digit", "mult"):
                return None
            current += float(token)
            last = "digit"
        elif token in vocab.articles and token not in vocab.units and last in ("", "group"):
            current += 1
            last = "article"
        elif token in vocab.units:
            value = vocab.units[token]
            if last in ("unit", "digit", "article") or (last == "ten" and value >= 10):
                return None
            current += value
            last = "unit"
        elif token in vocab.tens:
            if last in ("unit", "ten", "digit", "article"):
                return None
            current += vocab.tens[token]
            last = "ten"
        elif token in vocab.multipliers:
            if last == "mult":
                return None
            current = (current or 1) * vocab.multipliers[token]
            last = "mult"
        elif token in vocab.groups:
            if last == "group":
                return None
            total += (current or 1) * vocab.groups[token]
            current = 0
            last = "group"
        else:
            return None
        seen = True
    if not seen or last == "article":
        return None
    return total + current


def _exact(text: str, vocab: _Vocabulary) -> float | None:
    if _NUMBER.fullmatch(text):
        return float(text)
    tokens = [t for t in re.split(r"[\s-]+", text) if t]
    return _words_number(tokens, vocab)


def _whole(n: float, text: str) -> float:
    if n != int(n):
        raise ValueError(f"a count must be a whole number, not {text!r}")
    return n


def _bound(kind: str, inner: Interval, vocab: _Vocabulary) -> tuple[float, float]:
    low, high = inner.low, inner.high
    if kind == "at_least":
        return low, INF
    if kind == "more_than":
        return (low + 1 if inner.exact else low), INF
    if kind == "at_most":
        return 0, high
    if kind == "fewer_than":
        return 0, max(0, (high - 1 if inner.exact else high))
    if kind == "up_to":
        return min(1, high), high
    if not inner.exact:  # "about several dozen": already vague
        return low, high
    t = _tolerance(low, vocab)
    if kind == "about":
        return max(0, low - t), low + t
    if kind == "nearly":
        return max(0, low - t), max(0, low - 1)
    if kind == "just_over":
        return low + 1, low + t
    raise AssertionError(kind)  # pragma: no cover - vocabulary kinds are fixed


def _strip_phrase(text: str, phrase: str, *, at_end: bool = False) -> str | None:
    if at_end:
        if text == phrase or not text.endswith(phrase):
            return None
        rest = text[: -len(phrase)]
        return rest.strip() if rest.endswith(" ") or not phrase[0].isalpha() else None
    if text == phrase or not text.startswith(phrase):
        return None
    rest = text[len(phrase) :]
    return rest.strip() if rest.startswith(" ") or not phrase[-1].isalnum() else None


def _parse(text: str, vocab: _Vocabulary, depth: int = 0) -> tuple[float, float] | None:
    """The interval for a normalised phrase, or None if it is not a count."""
    if not text or depth > 6:
        return None
    if text in vocab.zero:
        return 0, 0
    if text in vocab.vague:
        return vocab.vague[text]
    n = _exact(text, vocab)
    if n is not None:
        return n, n
    for phrase in vocab.ignored:
        rest = _strip_phrase(text, phrase)
        if rest is not None:
            return _parse(rest, vocab, depth + 1)
    for first, second in vocab.frames:
        rest = _strip_phrase(text, first)
        if rest is not None and f" {second} " in rest:
            a, b = rest.split(f" {second} ", 1)
            return _range(a, b, vocab, depth)
    for phrase, kind in vocab.prefixes:
        rest = _strip_phrase(text, phrase)
        if rest is not None:
            inner = _parse(rest, vocab, depth + 1)
            if inner is not None:
                return _bound(kind, Interval(*inner), vocab)
    for phrase, kind in vocab.suffixes:
        rest = _strip_phrase(text, phrase, at_end=True)
        if rest is not None:
            inner = _parse(rest, vocab, depth + 1)
            if inner is not None:
                return _bound(kind, Interval(*inner), vocab)
    for sep in vocab.separators:
        if f" {sep} " in text:
            a, b = text.split(f" {sep} ", 1)
            found = _range(a, b, vocab, depth)
            if found is not None:
                return found
    tokens = text.split(" ")
    # "several hundred", "a few thousand": a vague quantity times a scale word.
    scale = vocab.multipliers.get(tokens[-1]) or vocab.groups.get(tokens[-1])
    if scale and len(tokens) > 1 and " ".join(tokens[:-1]) in vocab.vague:
        low, high = vocab.vague[" ".join(tokens[:-1])]
        return low * scale, high * scale
    # "one person", "dozens of people", "7 injured": drop trailing nouns.
    if len(tokens) > 1 and tokens[-1].isalpha() and tokens[-1] not in vocab.kept_words:
        return _parse(" ".join(tokens[:-1]), vocab, depth + 1)
    if len(tokens) > 1 and tokens[-1] == "of":
        return _parse(" ".join(tokens[:-1]), vocab, depth + 1)
    return None


def _range(a: str, b: str, vocab: _Vocabulary, depth: int) -> tuple[float, float] | None:
    first = _parse(a, vocab, depth + 1)
    second = _parse(b, vocab, depth + 1)
    if first is None or second is None:
        return None
    low, high = first[0], second[1]
    if low > high:
        raise ValueError(f"a range must go from low to high, not {a!r} to {b!r}")
    return low, high


@lru_cache(maxsize=8192, typed=True)
def parse_count(text: str | int | float) -> Interval:
    """Read an English count as an :class:`Interval`; ``text`` keeps the words.

    Raises ``ValueError`` with a readable message when it is not a count.

    >>> str(parse_count("up to 7"))
    '1–7'
    >>> str(parse_count("more than 100"))
    '101–∞'
    >>> str(parse_count("about 50"))
    '45–55'
    >>> str(parse_count("thirty-one"))
    '31'
    >>> str(parse_count("between five and 7"))
    '5–7'
    >>> parse_count("no one").high
    0
    >>> parse_count("lots")
    Traceback (most recent call last):
    ...
    ValueError: not a count: 'lots' (expected a number such as 7, 'ten', ...)
    """
    if isinstance(text, bool):
        raise ValueError(f"not a count: {text!r} (a yes/no value)")
    if isinstance(text, int | float):
        if isinstance(text, float) and not math.isfinite(text):
            raise ValueError(f"not a count: {text!r}")
        if text < 0:
            raise ValueError(f"a count cannot be negative: {_shorten(repr(text))}")
        if text > MAX_COUNT:
            raise ValueError(f"not a count: {_shorten(repr(text))} is over {MAX_COUNT:,}")
        _whole(float(text), str(text))
        return Interval(int(text), int(text), str(text))
    if not isinstance(text, str):
        raise ValueError(f"not a count: {text!r}")
    original = text.strip()
    if len(original) > MAX_COUNT_TEXT:
        raise ValueError(f"not a count: a count of {len(original)} characters is too long")
    if original.startswith("-") and _NUMBER.fullmatch(original[1:].strip()):
        raise ValueError(f"a count cannot be negative: {original!r}")
    vocab = _vocabulary()
    try:
        found = _parse(_normalise(original), vocab)
    except OverflowError:
        found = (INF, INF)
    if found is not None and (found[0] > MAX_COUNT or (found[1] > MAX_COUNT and found[1] != INF)):
        raise ValueError(f"not a count: {_shorten(original)!r} is over {MAX_COUNT:,}")
    if found is None:
        raise ValueError(
            f"not a count: {original!r} (expected a number such as 7, 'ten', "
            "'at least 4', 'several dozen', 'up to 7')"
        )
    low, high = found
    if low != INF:
        _whole(low, original)
    if high != INF:
        _whole(high, original)
    return Interval(_int(low), _int(high), original)


def _int(x: float) -> float:
    return x if math.isinf(x) else int(x)


@dataclass(frozen=True, slots=True)
class Stated:
    """The figures a count's words state, as numbers a spreadsheet can sort and sum.

    ``low`` is the lowest figure the words give (``None``: they give none, as
    in "up to 30"); ``high`` the highest (``None``: no upper figure, as in "at
    least 4" or "dozens"); ``vague`` says a vague word was counted by the
    table in ``data/quantities.yaml`` ("dozens" = 12, ACLED's rule).
    """

    low: int | None
    high: int | None
    vague: bool = False

    @property
    def figure(self) -> int | None:
        """The one number this count can be quoted as: its lowest stated figure."""
        return self.low


_Bounds = tuple[float | None, float | None, bool]


def _stated(text: str, vocab: _Vocabulary, depth: int = 0) -> _Bounds | None:
    """The stated figures of a normalised phrase; the same grammar as :func:`_parse`."""
    if not text or depth > 6:
        return None
    if text in vocab.zero:
        return 0, 0, False
    if text in vocab.vague:
        return vocab.vague[text][0], None, True
    n = _exact(text, vocab)
    if n is not None:
        return n, n, False
    for phrase in vocab.ignored:
        rest = _strip_phrase(text, phrase)
        if rest is not None:
            return _stated(rest, vocab, depth + 1)
    for first, second in vocab.frames:
        rest = _strip_phrase(text, first)
        if rest is not None and f" {second} " in rest:
            a, b = rest.split(f" {second} ", 1)
            return _stated_range(a, b, vocab, depth)
    for table, at_end in ((vocab.prefixes, False), (vocab.suffixes, True)):
        for phrase, kind in table:
            rest = _strip_phrase(text, phrase, at_end=at_end)
            if rest is not None:
                inner = _stated(rest, vocab, depth + 1)
                if inner is not None:
                    return _stated_bound(kind, inner)
    for sep in vocab.separators:
        if f" {sep} " in text:
            a, b = text.split(f" {sep} ", 1)
            found = _stated_range(a, b, vocab, depth)
            if found is not None:
                return found
    tokens = text.split(" ")
    scale = vocab.multipliers.get(tokens[-1]) or vocab.groups.get(tokens[-1])
    if scale and len(tokens) > 1 and " ".join(tokens[:-1]) in vocab.vague:
        return vocab.vague[" ".join(tokens[:-1])][0] * scale, None, True
    if len(tokens) > 1 and tokens[-1].isalpha() and tokens[-1] not in vocab.kept_words:
        return _stated(" ".join(tokens[:-1]), vocab, depth + 1)
    if len(tokens) > 1 and tokens[-1] == "of":
        return _stated(" ".join(tokens[:-1]), vocab, depth + 1)
    return None


def _stated_bound(kind: str, inner: _Bounds) -> _Bounds:
    low, high, vague = inner
    first = low if low is not None else high
    last = high if high is not None else low
    # The number the words give, never one derived from it: "more than 100"
    # states 100 (and no upper figure), "fewer than 10" states 10 as a bound.
    if kind in ("at_least", "more_than"):
        return first, None, vague
    if kind in ("at_most", "up_to", "fewer_than"):
        return None, last, vague
    return inner  # about, nearly, just over: the figure given


def _stated_range(a: str, b: str, vocab: _Vocabulary, depth: int) -> _Bounds | None:
    first = _stated(a, vocab, depth + 1)
    second = _stated(b, vocab, depth + 1)
    if first is None or second is None:
        return None
    low = first[0] if first[0] is not None else first[1]
    high = second[1] if second[1] is not None else second[0]
    return low, high, first[2] or second[2]


def _whole_or_none(x: float | None) -> int | None:
    return None if x is None or math.isinf(x) else int(x)


@lru_cache(maxsize=8192)
def stated(interval: Interval) -> Stated:
    """The figures a count states (see :class:`Stated`).

    >>> stated(parse_count("up to 30"))
    Stated(low=None, high=30, vague=False)
    >>> stated(parse_count("four"))
    Stated(low=4, high=4, vague=False)
    >>> stated(parse_count("several dozen"))
    Stated(low=12, high=None, vague=True)
    >>> stated(parse_count("at least 4")), stated(parse_count("about 50"))
    (Stated(low=4, high=None, vague=False), Stated(low=50, high=50, vague=False))
    >>> stated(parse_count("between 5 and 7"))
    Stated(low=5, high=7, vague=False)
    """
    found = _stated(_normalise(interval.text), _vocabulary()) if interval.text else None
    if found is None:
        return Stated(_whole_or_none(interval.low), _whole_or_none(interval.high))
    low, high, vague = found
    return Stated(_whole_or_none(low), _whole_or_none(high), vague)


def vague_words(
    words: tuple[str, ...] = ("a few", "several", "tens", "dozens", "hundreds", "thousands"),
) -> str:
    """How the vague words count, in words, read from the same table the code uses.

    >>> vague_words(("dozens", "hundreds"))
    'dozens = 12, hundreds = 100'
    """
    table = _vocabulary().vague
    return ", ".join(f"{w} = {int(table[w][0]):,}" for w in words if w in table)


def count_words() -> frozenset[str]:
    """Single words that give a count (``four``, ``twenty``, ``dozens``), from the vocabulary.

    >>> {"four", "dozens", "several"} <= count_words()
    True
    """
    vocab = _vocabulary()
    words = [*vocab.units, *vocab.tens, *(w for w in vocab.vague if " " not in w)]
    return frozenset(w for w in words if w not in vocab.articles)


def conservative(i: Interval) -> int | None:
    """The conservative figure of a count: its lowest stated figure, if it states one.

    >>> conservative(parse_count("several dozen")), conservative(parse_count("more than 100"))
    (12, 100)
    >>> conservative(parse_count("up to 7")) is None
    True
    """
    return stated(i).low


def format_count(i: Interval) -> str:
    """The count as written, or its interval when it was given as a number.

    >>> format_count(parse_count("at least four"))
    'at least four'
    >>> format_count(Interval(3, 5))
    '3–5'
    """
    return i.text or str(i)
