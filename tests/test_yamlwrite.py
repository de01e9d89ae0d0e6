"""The fast YAML writer: what it writes reads back equal, and reads well."""

from __future__ import annotations

import datetime as dt
import math

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.io.yaml_write import dump

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def load(text: str) -> object:
    return yaml.load(text, Loader=_Loader)


# Strings from every corner: YAML indicators, reserved words, numbers-looking
# text, line breaks of all kinds, controls, surrogates are left out (they
# cannot be written as UTF-8 at all).
_TRICKY = st.sampled_from(
    [
        "",
        " ",
        "yes",
        "No",
        "ON",
        "off",
        "null",
        "~",
        "y",
        "n",
        "true",
        "False",
        "1",
        "0x1f",
        "1e3",
        "1_000",
        "12:30",
        ".inf",
        "-.nan",
        "2024-01-04",
        "2024-01-04 10:00:00",
        "- item",
        "? key",
        ": x",
        "a: b",
        "a #b",
        "#c",
        "&anchor",
        "*alias",
        "!tag",
        "%YAML",
        "@x",
        "`x",
        "|",
        ">",
        "'",
        '"',
        "[a, b]",
        "{a: b}",
        "a,b",
        "a\nb",
        "a\r\nb",
        "line\u2028sep",
        "p\u2029q",
        "nel\x85x",
        "\x7f",
        "\x9f",
        "\ufeffbom",
        "tab\tin",
        " lead",
        "trail ",
        "It's",
        "“Quoted” — dash",
        "Київ",
        "Херсон: «обстріл»",
        "<<",
        "=",
    ]
)
_TEXT = st.one_of(
    _TRICKY,
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=40),
)
_SCALAR = st.one_of(
    _TEXT,
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.floats(allow_nan=False),
    st.dates(),
)
_DATA = st.recursive(
    _SCALAR,
    lambda inner: st.one_of(st.lists(inner, max_size=5), st.dictionaries(_TEXT, inner, max_size=5)),
    max_leaves=25,
)


@given(st.dictionaries(_TEXT, _DATA, max_size=6))
@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_what_is_written_reads_back_equal(doc: dict[str, object]) -> None:
    assert load(dump(doc)) == (doc or {})


@pytest.mark.parametrize("value", [math.nan, math.inf, -math.inf, 1e300, 5e-324, -0.0, 3.0])
def test_floats_read_back_as_floats(value: float) -> None:
    back = load(dump({"x": value}))
    assert isinstance(back, dict)
    got = back["x"]
    assert isinstance(got, float)
    assert (math.isnan(got) and math.isnan(value)) or got == value


def test_plain_words_stay_plain_and_the_rest_is_quoted() -> None:
    text = dump(
        {
            "id": "kherson-2023-03-20",
            "quote": "Air defence worked: debris hit a house",
            "said": "It's over",
            "value": "yes",
            "evidence": ["video", "photo"],
        }
    )
    assert text == (
        "id: kherson-2023-03-20\n"
        "quote: 'Air defence worked: debris hit a house'\n"
        'said: "It\'s over"\n'
        "value: 'yes'\n"
        "evidence: [video, photo]\n"
    )


def test_nested_lists_and_mappings_keep_their_block_layout() -> None:
    doc = {
        "claims": [
            {"id": "a", "value": ["one long value " * 5, "two"], "links": {"k": "v"}},
            {},
            [],
        ],
        "empty": {},
    }
    text = dump(doc)
    assert load(text) == doc
    assert "claims:\n- id: a\n  value:\n  - 'one long value" in text
    assert "  links:\n    k: v\n- {}\n- []\nempty: {}\n" in text


def test_datetimes_and_unknown_types_are_refused() -> None:
    with pytest.raises(TypeError):
        dump({"x": dt.datetime(2024, 1, 4, 10, 0)})
    with pytest.raises(TypeError):
        dump({"x": object()})
