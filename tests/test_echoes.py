"""Echoes: near-identical quotes of different parties are one voice, not two."""

from __future__ import annotations

from typing import Any

import pytest
from build_corpus import make_corpus
from hypothesis import given, settings
from hypothesis import strategies as st

import claimgraph.analysis.echoes as echoes
from claimgraph.analysis.echoes import corpus_echoes, echo_roots, find_echoes, normalise
from claimgraph.analysis.link import Relation
from claimgraph.model import Corpus

QUOTE = "Tonight air defence destroyed all ten Ukrainian missiles over the Crimean peninsula"


def corpus(*quotes: tuple[str, str, str], aspect: str = "interception", **more: Any) -> Corpus:
    return make_corpus(
        {
            "claims": [
                {"id": id_, "party": party, "aspect": aspect, "value": "all-intercepted",
                 "quote": quote, **more}
                for id_, party, quote in quotes
            ]
        }
    )  # fmt: skip


def pairs(found: list[Relation]) -> list[tuple[str, str]]:
    return [(r.a, r.b) for r in found]


def test_reposted_quote_from_another_party_is_an_echo() -> None:
    data = corpus(("c1", "mod", QUOTE), ("c2", "channel", "«" + QUOTE.upper() + "»"))
    [relation] = find_echoes(data.claims.values(), data)
    assert (relation.kind, relation.a, relation.b, relation.source) == ("echo", "c1", "c2", "rule")
    assert relation.reason == "near-identical quote (1.00)"


def test_the_earlier_statement_is_the_original_whatever_the_file_order() -> None:
    data = make_corpus(
        {
            "claims": [
                {"id": "late", "party": "channel", "aspect": "cause", "value": "x",
                 "quote": QUOTE, "said_on": "2024-01-05"},
                {"id": "early", "party": "mod", "aspect": "cause", "value": "x",
                 "quote": QUOTE, "said_on": "2024-01-04"},
            ]
        }
    )  # fmt: skip
    assert pairs(find_echoes(data.claims.values(), data)) == [("early", "late")]


def test_small_edits_still_echo_but_a_different_sentence_does_not() -> None:
    edited = QUOTE.replace("ten", "10")
    other = "Residents filmed two explosions near the port and a fire at the fuel depot"
    data = corpus(("c1", "mod", QUOTE), ("c2", "channel", edited), ("c3", "residents", other))
    assert pairs(find_echoes(data.claims.values(), data)) == [("c1", "c2")]


def test_one_party_repeating_itself_is_not_an_echo() -> None:
    data = corpus(("c1", "mod", QUOTE), ("c2", "mod", QUOTE))
    assert find_echoes(data.claims.values(), data) == []


def test_short_quotes_are_too_common_to_be_echoes() -> None:
    data = corpus(("c1", "mod", "No comment at all."), ("c2", "hur", "No comment at all."))
    assert normalise("No comment at all.") == ["no", "comment", "at", "all"]
    assert find_echoes(data.claims.values(), data) == []


def test_echoes_are_looked_for_within_one_question() -> None:
    data = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "mod", "aspect": "cause", "value": "x", "quote": QUOTE},
                {"id": "c2", "party": "ch", "aspect": "interception", "value": "y", "quote": QUOTE},
                {"id": "c3", "party": "ch", "aspect": "cause", "value": "x", "quote": QUOTE},
            ]
        }
    )
    assert pairs(corpus_echoes(data)) == [("c1", "c3")]


def test_silences_are_not_echoes() -> None:
    data = corpus(("c1", "mod", QUOTE), ("c2", "hur", QUOTE), aspect="comment", stance="declines")
    assert corpus_echoes(data) == []


def test_echo_chains_lead_back_to_the_original() -> None:
    relations = [Relation("echo", "a", "b"), Relation("echo", "b", "c"), Relation("echo", "x", "y")]
    assert echo_roots(relations) == {"b": "a", "c": "a", "y": "x"}


def test_a_large_echo_group_costs_a_bounded_number_of_comparisons_per_claim(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    calls = 0
    real = echoes.similarity

    def counting(*args: Any) -> float:
        nonlocal calls
        calls += 1
        return real(*args)

    monkeypatch.setattr(echoes, "similarity", counting)
    n = 400
    data = corpus(*((f"c{i}", f"p{i}", QUOTE) for i in range(n)))
    found = find_echoes(data.claims.values(), data)
    assert len(found) == n - 1
    assert {r.a for r in found} <= {"c0", "c1"}  # every repeat points at an early original
    assert calls <= n * echoes.BANDS * 2  # at most two representatives per band bucket


def _bands_one_by_one(tokens: list[str]) -> list[tuple[int, ...]]:
    """The plain-Python MinHash the vectorised one must equal, key for key."""
    import hashlib

    from claimgraph.analysis import echoes

    mask = (1 << 64) - 1
    n = max(1, len(tokens) - echoes.SHINGLE + 1)
    hashes = [
        int.from_bytes(
            hashlib.blake2b(
                " ".join(tokens[i : i + echoes.SHINGLE]).encode(), digest_size=8
            ).digest(),
            "big",
        )
        for i in range(n)
    ]
    mins = [min(((h ^ x) * m) & mask for h in hashes) for m, x in echoes._SEEDS]
    return [(b, *mins[b * echoes.ROWS : (b + 1) * echoes.ROWS]) for b in range(echoes.BANDS)]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.lists(
            st.sampled_from("air defence shot down a drone ППО збила дрон é".split()), max_size=30
        )
    )
)
def test_vectorised_minhash_gives_the_same_band_keys_as_one_by_one(
    token_lists: list[list[str]],
) -> None:
    from claimgraph.analysis.echoes import bands_of

    assert bands_of(token_lists) == [_bands_one_by_one(tokens) for tokens in token_lists]


def _difflib_ratio(a: str, b: str) -> float:
    import difflib

    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet="ab cдé", max_size=40),
    st.text(alphabet="ab cдé", max_size=40),
    st.sampled_from([0.0, 0.5, 0.9, 1.0]),
)
def test_similarity_is_difflibs_ratio_when_it_reaches_the_floor_and_a_bound_below_it(
    a: str, b: str, floor: float
) -> None:
    from claimgraph.analysis.echoes import _text_similarity

    ratio, found = _difflib_ratio(a, b), _text_similarity(a, b, floor)
    if ratio >= floor:
        assert found == ratio
    else:
        assert ratio <= found < floor


def _lcs_by_table(a: str, b: str) -> int:
    row = [0] * (len(b) + 1)
    for ch in a:
        diagonal = 0
        for j, other in enumerate(b, 1):
            diagonal, row[j] = row[j], diagonal + 1 if ch == other else max(row[j], row[j - 1])
    return row[-1]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab cдé", max_size=70), st.text(alphabet="ab cдé", max_size=70))
def test_the_common_subsequence_is_the_longest_one(a: str, b: str) -> None:
    from claimgraph.analysis.echoes import common_subsequence

    assert common_subsequence(a, b) == _lcs_by_table(a, b)


_WORDS = "air defence shot down all ten drones missiles over the port city".split()


@settings(max_examples=150, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["e1", "e2"]),
            st.sampled_from(["p1", "p2", "p3"]),
            st.lists(st.integers(0, len(_WORDS) - 1), max_size=3),
            st.integers(0, 3),
        ),
        max_size=24,
    )
)
def test_the_pairwise_check_skips_only_questions_without_echoes(
    specs: list[tuple[str, str, list[int], int]],
) -> None:
    """Questions ruled out pair by pair find the same echoes as MinHash finds in them."""
    claims = []
    for i, (event, party, edits, cut) in enumerate(specs):
        words = list(_WORDS)
        for at in edits:
            words[at] = _WORDS[(at * 7 + i) % len(_WORDS)]
        quote = " ".join(words[: len(words) - cut])
        claims.append({"id": f"c{i}", "event": event, "party": party, "aspect": "interception",
                       "value": "all-intercepted", "quote": quote})  # fmt: skip
    data = make_corpus({"claims": claims})
    with_check = [(r.a, r.b, r.reason) for r in corpus_echoes(data)]
    saved = echoes._PAIRWISE_CLAIMS
    try:
        echoes._PAIRWISE_CLAIMS = -1
        without = [(r.a, r.b, r.reason) for r in corpus_echoes(data)]
    finally:
        echoes._PAIRWISE_CLAIMS = saved
    assert with_check == without


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40) | st.text("aB c_1.", max_size=40))
def test_normalise_folds_as_nfkc_then_casefold(text: str) -> None:
    import re
    import unicodedata

    assert normalise(text) == re.findall(r"\w+", unicodedata.normalize("NFKC", text).casefold())
