"""English counts read as intervals."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.model import Interval
from claimgraph.quantities import conservative, format_count, parse_count, stated

INF = math.inf


def bounds(text: str | int | float) -> tuple[float, float]:
    i = parse_count(text)
    return i.low, i.high


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("7", 7, 7),
        ("1,500", 1500, 1500),
        ("1 500", 1500, 1500),
        ("31", 31, 31),
        ("one", 1, 1),
        ("ten", 10, 10),
        ("ninety-nine", 99, 99),
        ("thirty-one", 31, 31),
        ("twenty five", 25, 25),
        ("a hundred", 100, 100),
        ("two hundred", 200, 200),
        ("two hundred and five", 205, 205),
        ("thousand", 1000, 1000),
        ("two thousand three hundred", 2300, 2300),
        ("1.5 million", 1_500_000, 1_500_000),
        ("a dozen", 12, 12),
        ("half a dozen", 6, 6),
        ("a half-dozen", 6, 6),
        ("two dozen", 24, 24),
        ("one person", 1, 1),
        ("7 injured", 7, 7),
        ("a total of 7", 7, 7),
        ("Ten", 10, 10),
    ],
)
def test_exact_counts_in_digits_and_words(text: str, low: int, high: int) -> None:
    assert bounds(text) == (low, high)


@pytest.mark.parametrize("text", ["no one", "none", "nobody", "zero", "0", "No one"])
def test_nobody_is_zero(text: str) -> None:
    assert bounds(text) == (0, 0)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("at least 4", 4, INF),
        ("at least four", 4, INF),
        ("no fewer than 10", 10, INF),
        ("10 or more", 10, INF),
        ("10+", 10, INF),
        ("more than 5", 6, INF),
        ("over 5", 6, INF),
        ("more than a dozen", 13, INF),
        ("up to 7", 1, 7),
        ("up to seven", 1, 7),
        ("at most 3", 0, 3),
        ("no more than 3", 0, 3),
        ("fewer than 3", 0, 2),
        ("less than 3", 0, 2),
    ],
)
def test_bounds_are_open_or_closed_intervals(text: str, low: float, high: float) -> None:
    assert bounds(text) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("about 100", 90, 110),
        ("around 5", 4, 6),  # 10% of 5 rounds to 1 at least
        ("approximately 20", 18, 22),
        ("some 40", 36, 44),
        ("closer to 600", 540, 660),  # "an investigation found closer to 600 killed"
        ("about a dozen", 11, 13),
        ("nearly 100", 90, 99),
        ("almost 5", 4, 4),
    ],
)
def test_approximate_counts_use_ten_percent_tolerance(text: str, low: int, high: int) -> None:
    assert bounds(text) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("5-7", 5, 7),
        ("5–7", 5, 7),
        ("5 to 7", 5, 7),
        ("five to seven", 5, 7),
        ("between 5 and 7", 5, 7),
        ("between five and seven", 5, 7),
        ("from 5 to 7", 5, 7),
        ("2 or 3", 2, 3),
        ("5 to 7 people", 5, 7),
    ],
)
def test_ranges(text: str, low: int, high: int) -> None:
    assert bounds(text) == (low, high)


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("a few", 2, 4),
        ("several", 3, 9),
        ("dozens", 12, 99),
        ("dozens of people", 12, 99),
        ("tens", 10, 99),
        ("several dozen", 12, 99),
        ("hundreds", 100, 999),
        ("several hundred", 100, 999),
        ("thousands", 1000, 9999),
        ("hundreds of thousands", 100_000, 999_999),
    ],
)
def test_vague_quantities_come_from_the_vocabulary(text: str, low: int, high: int) -> None:
    assert bounds(text) == (low, high)


def test_numbers_are_taken_as_given() -> None:
    assert parse_count(7) == Interval(7, 7, "7")
    assert parse_count(7.0).low == 7


def test_the_original_words_are_kept() -> None:
    assert parse_count("  at least four ").text == "at least four"
    assert format_count(parse_count("at least four")) == "at least four"


def test_at_least_four_is_compatible_with_five() -> None:
    assert parse_count("at least four").overlaps(parse_count("5"))


def test_one_and_ten_are_disjoint() -> None:
    assert not parse_count("one").overlaps(parse_count("ten"))


def test_up_to_seven_contradicts_nobody() -> None:
    assert not parse_count("up to 7").overlaps(parse_count("no one"))


def test_conservative_is_the_lowest_stated_figure() -> None:
    assert conservative(parse_count("several dozen")) == 12  # dozens = 12 (ACLED)
    assert conservative(parse_count("more than 5")) == 5  # the figure given, not 6
    assert conservative(parse_count("up to 7")) is None  # an upper bound states no low figure


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("up to 30", None, 30),
        ("at most 3", None, 3),
        ("fewer than 10", None, 10),
        ("more than 100", 100, None),
        ("four", 4, 4),
        ("at least 4", 4, None),
        ("10+", 10, None),
        ("about 50", 50, 50),
        ("5-7", 5, 7),
        ("tens", 10, None),
        ("dozens", 12, None),
        ("several dozen", 12, None),
        ("hundreds", 100, None),
        ("several hundred", 100, None),
        ("no one", 0, 0),
    ],
)
def test_stated_figures_are_the_figures_the_words_give(
    text: str, low: int | None, high: int | None
) -> None:
    found = stated(parse_count(text))
    assert (found.low, found.high) == (low, high)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lots", "not a count: 'lots'"),
        ("", "not a count: ''"),
        ("1.5", "a count must be a whole number, not '1.5'"),
        ("-3", "a count cannot be negative: '-3'"),
        (-3, "a count cannot be negative: -3"),
        (2.5, "a count must be a whole number, not '2.5'"),
        (True, "not a count: True (a yes/no value)"),
        (math.nan, "not a count: nan"),
        ("seven to five", "a range must go from low to high, not 'seven' to 'five'"),
        ("five seven", "not a count: 'five seven'"),
        ("twenty twenty", "not a count: 'twenty twenty'"),
        ("x" * 500, "not a count: a count of 500 characters is too long"),
    ],
)
def test_unparseable_counts_raise_value_error_with_a_clear_message(
    text: str | float, message: str
) -> None:
    with pytest.raises(ValueError) as info:
        parse_count(text)
    assert str(info.value).startswith(message)


@given(st.integers(min_value=0, max_value=10**12))
def test_any_whole_number_in_digits_is_exact(n: int) -> None:
    assert bounds(str(n)) == (n, n)
    assert bounds(f"{n:,}") == (n, n)


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_value_error(text: str) -> None:
    try:
        i = parse_count(text)
    except ValueError:
        return
    assert 0 <= i.low <= i.high


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "1" + "0" * 100,
            "not a count: '10000000000000000000000000000…' is over 1,000,000,000,000",
        ),
        (10**400, "not a count: 10000000000000000000000000000… is over 1,000,000,000,000"),
        (1e308, "not a count: 1e+308 is over 1,000,000,000,000"),
        ("2 trillion", "not a count: '2 trillion' is over 1,000,000,000,000"),
    ],
)
def test_absurdly_large_counts_are_refused_not_overflowed(value: str | int, message: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_count(value)
    assert str(info.value) == message


@pytest.mark.parametrize(
    "text", ["thousands of billions", "5 bn", "2 lakh", "10 percent", "5 dozens"]
)
def test_unknown_scale_words_are_never_dropped_as_nouns(text: str) -> None:
    with pytest.raises(ValueError):
        parse_count(text)


def test_a_trillion_is_the_largest_count() -> None:
    assert bounds("a trillion") == (10**12, 10**12)
