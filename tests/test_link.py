"""Positions and compatibility rules, one value type at a time."""

from __future__ import annotations

import math

from build_corpus import aspects, count, make_corpus
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.analysis.link import (
    MAX_PAIRED_ITEMS,
    MAX_POSITION_PAIRS,
    compare,
    compare_category,
    compare_counts,
    compare_items,
    explicit_relations,
    interval_key,
    is_update,
    link_corpus,
    position_values,
)
from claimgraph.model import Interval

ASPECTS = aspects()


# --- category ---------------------------------------------------------------


def test_equal_categories_are_the_same_position() -> None:
    assert compare_category(ASPECTS["cause"], "drone-attack", "drone-attack") == "same"


def test_declared_compatible_categories_complement_in_either_order() -> None:
    cause = ASPECTS["cause"]
    assert compare_category(cause, "air-defence-debris", "drone-attack") == "complements"
    assert compare_category(cause, "drone-attack", "air-defence-debris") == "complements"


def test_undeclared_different_categories_contradict() -> None:
    assert compare_category(ASPECTS["cause"], "sabotage", "drone-attack") == "contradicts"


def test_compatibility_is_not_transitive() -> None:
    cause = ASPECTS["cause"]
    # debris fits a drone attack and a missile attack, but those two contradict
    assert compare_category(cause, "drone-attack", "missile-attack") == "contradicts"


def test_all_intercepted_contradicts_hits_but_partly_intercepted_does_not() -> None:
    interception = ASPECTS["interception"]
    assert compare_category(interception, "all-intercepted", "hits") == "contradicts"
    assert compare_category(interception, "partly-intercepted", "hits") == "complements"


# --- set ---------------------------------------------------------------------


def test_set_items_are_positions_of_their_own() -> None:
    corpus = make_corpus(
        {"claims": [{"id": "c1", "party": "a", "aspect": "damage", "value": ["shop", "house"]}]}
    )
    keys = [k for k, _, _ in position_values(ASPECTS["damage"], corpus.claims["c1"])]
    assert keys == ["house", "shop"]


def test_distinct_set_items_complement_and_equal_items_are_the_same() -> None:
    assert compare_items("house", "railway") == "complements"
    assert compare_items("house", "house") == "same"


def test_overlapping_sets_share_the_common_item_position() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "damage", "value": ["house", "shop"]},
                {"id": "c2", "party": "b", "aspect": "damage", "value": ["house", "railway"]},
            ]
        }
    )
    question = link_corpus(corpus).questions[("e1", "damage")]
    assert question.positions["house"].claims == ("c1", "c2")
    assert question.positions["railway"].claims == ("c2",)
    assert {r.kind for r in question.relations} == {"complements"}


def _target_relations(*values: list[str]) -> set[tuple[str, str, str]]:
    claims = [
        {"id": f"c{i}", "party": f"p{i}", "aspect": "target", "value": v}
        for i, v in enumerate(values, 1)
    ]
    question = link_corpus(make_corpus({"claims": claims})).questions[("e1", "target")]
    return {(r.kind, r.a.rsplit("/", 1)[-1], r.b.rsplit("/", 1)[-1]) for r in question.relations}


def test_a_military_target_and_a_civilian_one_are_rival_answers() -> None:
    found = _target_relations(["meeting-of-commanders"], ["cafe"])
    assert found == {("contradicts", "meeting-of-commanders", "cafe")}


def test_items_of_no_kind_or_of_one_kind_still_complement() -> None:
    assert {k for k, _, _ in _target_relations(["railway"], ["cafe"])} == {"complements"}
    assert {k for k, _, _ in _target_relations(["school"], ["cafe"])} == {"complements"}


def test_a_civilian_place_named_in_a_military_answer_is_no_rival() -> None:
    # "a restaurant where commanders met": a military answer; its restaurant is where
    found = _target_relations(["military-meeting", "restaurant"], ["military-base"])
    assert {k for k, _, _ in found} == {"complements"}
    # against a purely civilian answer, the military item contradicts
    found = _target_relations(["military-meeting", "restaurant"], ["residential-area"])
    assert ("contradicts", "military-meeting", "residential-area") in found
    assert ("contradicts", "restaurant", "military-meeting") not in found


# --- count -------------------------------------------------------------------


def test_at_least_four_is_compatible_with_five() -> None:
    assert compare_counts(Interval(4, math.inf, "at least four"), Interval(5, 5)) == "complements"


def test_one_contradicts_ten() -> None:
    assert compare_counts(Interval(1, 1, "one"), Interval(10, 10, "ten")) == "contradicts"


def test_intervals_touching_at_one_end_overlap() -> None:
    assert compare_counts(Interval(0, 7, "up to 7"), Interval(7, 7)) == "complements"
    assert compare_counts(Interval(0, 7, "up to 7"), Interval(8, 8)) == "contradicts"


def test_same_interval_in_other_words_is_the_same_position() -> None:
    assert compare_counts(Interval(10, 10, "ten"), Interval(10, 10, "10")) == "same"
    assert interval_key(Interval(10, 10, "ten")) == interval_key(Interval(10, 10, "10"))


def test_open_intervals_always_overlap() -> None:
    assert compare_counts(Interval(12, math.inf), Interval(100, math.inf)) == "complements"


def test_later_disjoint_count_by_the_same_party_is_an_update() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {
                    "id": "old",
                    "party": "a",
                    "aspect": "killed",
                    "value": "1",
                    "said_on": "2024-01-01",
                },
                {
                    "id": "new",
                    "party": "a",
                    "aspect": "killed",
                    "value": "3",
                    "said_on": "2024-01-02",
                },
            ]
        }
    )
    linking = link_corpus(corpus)
    assert linking.superseded == {"old": "new"}
    [relation] = [r for r in linking.claim_relations if r.kind == "supersedes"]
    assert (relation.a, relation.b, relation.source) == ("new", "old", "rule")
    # the superseded figure no longer contradicts anything
    assert not linking.questions[("e1", "killed")].relations


def test_disjoint_counts_of_different_parties_are_not_an_update() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {
                    "id": "c1",
                    "party": "a",
                    "aspect": "killed",
                    "value": "1",
                    "said_on": "2024-01-01",
                },
                {
                    "id": "c2",
                    "party": "b",
                    "aspect": "killed",
                    "value": "3",
                    "said_on": "2024-01-02",
                },
            ]
        }
    )
    assert not is_update(corpus.claims["c1"], corpus.claims["c2"], corpus)
    [relation] = link_corpus(corpus).questions[("e1", "killed")].relations
    assert relation.kind == "contradicts"
    assert relation.reason == "1 vs 3 killed"


def test_undated_counts_of_one_party_are_not_an_update() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "killed", "value": "1"},
                {"id": "c2", "party": "a", "aspect": "killed", "value": "3"},
            ]
        }
    )
    assert link_corpus(corpus).superseded == {}


def test_same_day_counts_of_one_party_are_not_an_update() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {
                    "id": "c1",
                    "party": "a",
                    "aspect": "killed",
                    "value": "1",
                    "said_on": "2024-01-01",
                },
                {
                    "id": "c2",
                    "party": "a",
                    "aspect": "killed",
                    "value": "3",
                    "said_on": "2024-01-01",
                },
            ]
        }
    )
    assert link_corpus(corpus).superseded == {}


def test_earlier_count_consistent_with_the_latest_word_stands() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {
                    "id": "c1",
                    "party": "a",
                    "aspect": "killed",
                    "value": "4+",
                    "said_on": "2024-01-01",
                },
                {
                    "id": "c2",
                    "party": "a",
                    "aspect": "killed",
                    "value": "5",
                    "said_on": "2024-01-02",
                },
            ]
        }
    )
    assert link_corpus(corpus).superseded == {}


# --- stance ------------------------------------------------------------------


def test_denial_attaches_to_the_position_it_rejects() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "interception", "value": "hits"},
                {
                    "id": "c2",
                    "party": "b",
                    "aspect": "interception",
                    "value": "hits",
                    "stance": "denies",
                },
            ]
        }
    )
    position = link_corpus(corpus).questions[("e1", "interception")].positions["hits"]
    assert position.claims == ("c1",)
    assert position.denied_by == ("c2",)


def test_declines_is_a_silence_not_a_position() -> None:
    corpus = make_corpus(
        {"claims": [{"id": "c1", "party": "a", "aspect": "comment", "stance": "declines"}]}
    )
    linking = link_corpus(corpus)
    question = linking.questions[("e1", "comment")]
    assert question.positions == {}
    assert question.declined == ["c1"]


def test_text_answers_are_never_compared() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "comment", "value": "all is well"},
                {"id": "c2", "party": "b", "aspect": "comment", "value": "all is lost"},
            ]
        }
    )
    question = link_corpus(corpus).questions[("e1", "comment")]
    assert len(question.positions) == 2
    assert not question.relations
    assert compare(ASPECTS["comment"], "x", "y") is None


# --- explicit links ----------------------------------------------------------


def test_explicit_links_are_honoured_once_per_pair_and_marked_as_the_fact_checkers() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "cause", "value": "drone-attack",
                 "links": {"contradicts": ["c2"], "corroborates": ["c3"]}},
                {"id": "c2", "party": "b", "aspect": "weapon", "value": "kalibr-nk",
                 "links": {"contradicts": ["c1"]}},
                {"id": "c3", "party": "c", "aspect": "cause", "value": "drone-attack"},
            ]
        }
    )  # fmt: skip
    relations = explicit_relations(corpus)
    assert [(r.kind, r.a, r.b, r.source) for r in relations] == [
        ("contradicts", "c1", "c2", "fact-checker"),
        ("corroborates", "c1", "c3", "fact-checker"),
    ]


def test_explicit_supersedes_marks_the_older_claim_superseded() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "cause", "value": "accident"},
                {"id": "c2", "party": "a", "aspect": "cause", "value": "drone-attack",
                 "links": {"supersedes": "c1"}},
            ]
        }
    )  # fmt: skip
    linking = link_corpus(corpus)
    assert linking.superseded == {"c1": "c2"}
    assert not linking.questions[("e1", "cause")].relations


def test_links_to_unknown_claims_are_ignored() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "cause", "value": "x",
                 "links": {"contradicts": ["nope"], "supersedes": "gone"}},
            ]
        }
    )  # fmt: skip
    assert explicit_relations(corpus) == []


def test_positions_per_question_grow_with_distinct_answers_not_claims() -> None:
    claims = [
        {"id": f"c{i}", "party": f"p{i % 7}", "aspect": "killed", "value": str(i % 3)}
        for i in range(300)
    ]
    question = link_corpus(make_corpus({"claims": claims})).questions[("e1", "killed")]
    assert len(question.positions) == 3
    assert len(question.relations) == 3  # 0-1, 0-2, 1-2


def test_count_helper_reads_short_forms() -> None:
    assert count("4+") == Interval(4, math.inf, "4+")


def test_earlier_figure_is_compared_with_every_latest_figure_of_the_party() -> None:
    corpus = make_corpus(
        {
            "claims": [
                {
                    "id": "old",
                    "party": "a",
                    "aspect": "killed",
                    "value": "4-6",
                    "said_on": "2024-01-01",
                },
                {
                    "id": "n1",
                    "party": "a",
                    "aspect": "killed",
                    "value": "5",
                    "said_on": "2024-01-02",
                },
                {
                    "id": "n2",
                    "party": "a",
                    "aspect": "killed",
                    "value": "9",
                    "said_on": "2024-01-02",
                },
                {
                    "id": "low",
                    "party": "a",
                    "aspect": "killed",
                    "value": "1",
                    "said_on": "2024-01-01",
                },
            ]
        }
    )
    # "4-6" agrees with the latest "5" but not with the latest "9": updated by "9";
    # "1" is below both latest figures: updated by the highest of them.
    assert link_corpus(corpus).superseded == {"old": "n2", "low": "n2"}


# --- properties ----------------------------------------------------------------

bounds = st.one_of(st.integers(0, 60).map(float), st.just(math.inf))


@st.composite
def intervals(draw: st.DrawFn) -> Interval:
    low = float(draw(st.integers(0, 50)))
    high = draw(bounds)
    return Interval(low, max(low, high))


@given(intervals(), intervals())
def test_count_comparison_is_symmetric_and_contradicts_exactly_when_disjoint(
    a: Interval, b: Interval
) -> None:
    assert compare_counts(a, b) == compare_counts(b, a)
    assert (compare_counts(a, b) == "contradicts") == (not a.overlaps(b))


CAUSES = st.sampled_from(["drone-attack", "missile-attack", "air-defence-debris", "sabotage"])


@given(CAUSES, CAUSES)
def test_category_comparison_is_symmetric(a: str, b: str) -> None:
    cause = ASPECTS["cause"]
    assert compare_category(cause, a, b) == compare_category(cause, b, a)
    assert (compare_category(cause, a, b) == "same") == (a == b)


def test_a_huge_item_list_records_no_item_to_item_complements() -> None:
    items = [f"item-{i}" for i in range(MAX_PAIRED_ITEMS + 1)]
    corpus = make_corpus(
        {"claims": [{"id": "c1", "party": "a", "aspect": "damage", "value": items}]}
    )
    question = link_corpus(corpus).questions[("e1", "damage")]
    assert len(question.positions) == MAX_PAIRED_ITEMS + 1
    assert not question.relations
    assert not question.truncated


def test_comparisons_per_question_are_capped_and_the_cut_is_flagged() -> None:
    n = 210  # 21,945 pairs of distinct, mutually contradicting answers
    claims = [
        {"id": f"c{i}", "party": f"p{i}", "aspect": "cause", "value": f"v{i}"} for i in range(n)
    ]
    question = link_corpus(make_corpus({"claims": claims})).questions[("e1", "cause")]
    assert question.truncated
    assert len(question.relations) == MAX_POSITION_PAIRS
    few = link_corpus(make_corpus({"claims": claims[:20]})).questions[("e1", "cause")]
    assert not few.truncated and len(few.relations) == 20 * 19 // 2


def test_fractional_count_bounds_never_share_a_position() -> None:
    a, b = Interval(1.5, 2), Interval(1, 5.2)
    assert interval_key(a) != interval_key(b)
    corpus = make_corpus(
        {
            "claims": [
                {"id": "c1", "party": "a", "aspect": "killed", "value": "1.5-2"},
                {"id": "c2", "party": "b", "aspect": "killed", "value": "1-5.2"},
            ]
        }
    )
    assert len(link_corpus(corpus).questions[("e1", "killed")].positions) == 2
