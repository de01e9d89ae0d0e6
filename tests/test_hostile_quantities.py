"""Hostile input to the count parser: only ValueError, and always an ordered interval.

``parse_count`` reads whatever a person typed as a casualty figure. Whatever
it is given (junk text, vocabulary words in any order, huge or negative
numbers, NaN, control characters, other scripts), it either returns an
interval ``0 <= low <= high`` or raises ``ValueError`` with a message: never
another exception, which would become a traceback in ``claimgraph validate``.
"""

from __future__ import annotations

import math
from functools import cache
from importlib import resources
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimgraph.model import Interval
from claimgraph.quantities import MAX_COUNT_TEXT, parse_count

FUZZ = settings(
    max_examples=300,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow],
)


@cache
def vocabulary_words() -> list[str]:
    """Every word and phrase of the count vocabulary (src/claimgraph/data/quantities.yaml)."""
    text = resources.files("claimgraph").joinpath("data/quantities.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    words: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                words.add(str(key).replace("_", " "))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif isinstance(node, str):
            words.add(node)

    walk(data)
    return sorted(words)


def check_interval(result: object, given_text: object) -> None:
    """What every successful parse must be: an ordered, non-negative interval."""
    assert isinstance(result, Interval)
    assert not math.isnan(result.low) and not math.isnan(result.high)
    assert 0 <= result.low <= result.high, (given_text, result)
    assert math.isfinite(result.low), (given_text, result)


def parse_or_value_error(text: Any) -> Interval | None:
    """Parse; None on ValueError (with a non-empty message). Any other exception fails the test."""
    try:
        result = parse_count(text)
    except ValueError as exc:
        assert str(exc), f"empty ValueError message for {text!r}"
        return None
    check_interval(result, text)
    return result


numbers = st.one_of(
    st.integers(min_value=0, max_value=10**12).map(str),
    st.decimals(min_value=0, max_value=10**6, places=2).map(str),
    st.sampled_from(["1,000", "12 000", "3\u00a0500", "5-7", "5–7", "10+", "-3", "0"]),
)
phrases = st.lists(
    st.one_of(st.sampled_from(vocabulary_words()), numbers),
    min_size=1,
    max_size=6,
).map(" ".join)
junk = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]),
    max_size=MAX_COUNT_TEXT + 20,
)


@FUZZ
@given(st.one_of(phrases, junk))
@example("between 7 and 5")
@example("up to 0")
@example("less than 0")
@example("fewer than zero")
@example("nearly 0")
@example("about 0")
@example("9" * MAX_COUNT_TEXT)
@example("at least " + "9" * 150 + " billion")
@example("between ten and ten thousand million billion")
@example("\x00\ufeff\u202e7")
@example("двадцать")  # Cyrillic
@example("عشرة")  # Arabic, right to left
@example("٣")  # Arabic-Indic digit
@example("")
def test_any_text_gives_an_ordered_interval_or_a_value_error(text: str) -> None:
    parse_or_value_error(text)


@FUZZ
@given(phrases)
def test_vocabulary_phrases_parse_the_same_twice(text: str) -> None:
    first = parse_or_value_error(text)
    second = parse_or_value_error(text)
    assert first == second


@FUZZ
@given(
    st.one_of(
        st.integers(min_value=-(10**500), max_value=10**500),
        st.floats(allow_nan=True, allow_infinity=True),
        st.booleans(),
        st.none(),
    )
)
def test_any_number_gives_an_ordered_interval_or_a_value_error(value: Any) -> None:
    result = parse_or_value_error(value)
    if result is not None:
        assert result.low == result.high == value


@pytest.mark.parametrize("digits", [309, 400, 4000])
def test_a_number_too_large_for_a_float_is_a_value_error(digits: int) -> None:
    # A YAML claim file can hold `value: 1000…0` with hundreds of digits; the
    # loader hands the int to parse_count. Guard: the int-to-float conversion
    # inside parse_count must turn OverflowError into ValueError.
    with pytest.raises(ValueError, match="count"):
        parse_count(10**digits)


def test_an_over_long_count_is_refused_by_its_length() -> None:
    with pytest.raises(ValueError, match="too long"):
        parse_count("1" * (MAX_COUNT_TEXT + 1))


@pytest.mark.parametrize("text", ["between 7 and 5", "from ten to three"])
def test_a_backwards_range_is_a_value_error_not_an_inverted_interval(text: str) -> None:
    with pytest.raises(ValueError, match="low to high"):
        parse_count(text)


@pytest.mark.parametrize("text", ["-3", "- 3", -3, -0.5])
def test_a_negative_count_is_a_value_error(text: str | float) -> None:
    with pytest.raises(ValueError):
        parse_count(text)


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, True, False, None])
def test_values_that_are_not_counts_are_value_errors(value: Any) -> None:
    with pytest.raises(ValueError):
        parse_count(value)
