"""Assessment: statuses, count reconciliation, echoes and track records."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from build_corpus import make_corpus

from claimgraph.analysis.assess import Assessment, QuestionAssessment, assess

SIDES = {"mod": "russia", "occupation": "russia", "hur": "ukraine", "residents": "ukraine"}


def run(*claims: dict[str, Any]) -> Assessment:
    return assess(make_corpus({"parties": SIDES, "claims": list(claims)}))


def c(id_: str, party: str, aspect: str, value: Any = None, **more: Any) -> dict[str, Any]:
    return {"id": id_, "party": party, "aspect": aspect, "value": value, **more}


# --- question statuses ---------------------------------------------------------


def test_all_intercepted_against_hits_is_contested() -> None:
    result = run(
        c("mod-all", "mod", "interception", "all-intercepted"),
        c("res-hits", "residents", "interception", "hits", evidence=["video"]),
    )
    question = result.events["e1"].questions["interception"]
    assert question.status == "contested"
    assert result.events["e1"].status == "contested"
    [relation] = result.claim_relations("mod-all")
    assert (relation.kind, relation.a, relation.b) == ("contradicts", "mod-all", "res-hits")
    assert relation.reason == "all-intercepted vs hits"


def test_one_position_held_by_two_parties_is_agreed() -> None:
    result = run(
        c("c1", "mod", "cause", "drone-attack"),
        c("c2", "hur", "cause", "drone-attack"),
    )
    assert result.events["e1"].questions["cause"].status == "agreed"
    assert result.events["e1"].status == "agreed"


def test_compatible_different_answers_are_divergent() -> None:
    result = run(
        c("c1", "occupation", "cause", "air-defence-debris"),
        c("c2", "hur", "cause", "drone-attack"),
    )
    assert result.events["e1"].questions["cause"].status == "divergent"


def test_answers_of_one_party_only_are_one_party() -> None:
    result = run(
        c("c1", "mod", "cause", "drone-attack"),
        c("c2", "mod", "cause", "drone-attack"),
    )
    assert result.events["e1"].questions["cause"].status == "one-party"


def test_only_silences_leave_the_question_unanswered() -> None:
    result = run(c("c1", "mod", "comment", stance="declines"))
    event = result.events["e1"]
    assert event.questions["comment"].status == "unanswered"
    assert event.status == "unanswered"
    assert event.declined_parties == ("mod",)
    assert result.position_of("c1") is None


def test_denial_contradicts_assertion() -> None:
    result = run(
        c("res-hits", "residents", "interception", "hits"),
        c("mod-no-hits", "mod", "interception", "hits", stance="denies"),
    )
    question = result.events["e1"].questions["interception"]
    assert question.status == "contested"
    [position] = question.positions
    assert position.denied_by == ("mod-no-hits",)
    assert position.denying_parties == ("mod",)
    [relation] = result.claim_relations("res-hits")
    assert (relation.kind, relation.a, relation.b) == ("contradicts", "mod-no-hits", "res-hits")


def test_denying_a_whole_kind_contradicts_each_item_of_it() -> None:
    """ "We do not strike civilian infrastructure" against "a cafe was hit": the denial
    stands for every civilian item (``kind_items``), so the question is contested."""
    result = run(
        c("mod-no-civilian", "mod", "target", ["civilian-infrastructure"], stance="denies"),
        c("res-cafe", "residents", "target", ["cafe"]),
    )
    question = result.events["e1"].questions["target"]
    assert question.status == "contested"
    assert result.events["e1"].counts.contradicting_pairs == 1
    [relation] = result.claim_relations("res-cafe")
    assert (relation.kind, relation.a, relation.b) == ("contradicts", "mod-no-civilian", "res-cafe")
    assert relation.reason == "denies civilian infrastructure target: cafe is civilian"


def test_denying_a_whole_kind_leaves_the_other_kind_alone() -> None:
    result = run(
        c("hur-no-military", "hur", "target", ["military-facility"], stance="denies"),
        c("res-cafe", "residents", "target", ["cafe"]),
    )
    assert result.events["e1"].questions["target"].status != "contested"
    assert not result.claim_relations("res-cafe")


def test_denial_of_an_answer_nobody_gives_is_not_a_contradiction() -> None:
    result = run(
        c("c1", "mod", "cause", "sabotage", stance="denies"),
        c("c2", "hur", "cause", "drone-attack"),
    )
    assert result.events["e1"].questions["cause"].status != "contested"


def test_same_item_set_from_two_parties_is_agreed_and_different_items_divergent() -> None:
    agreed = run(
        c("c1", "mod", "damage", ["house", "shop"]),
        c("c2", "hur", "damage", ["shop", "house"]),
    )
    assert agreed.events["e1"].questions["damage"].status == "agreed"
    divergent = run(
        c("c1", "occupation", "damage", ["house", "shop"]),
        c("c2", "hur", "damage", ["railway"]),
    )
    assert divergent.events["e1"].questions["damage"].status == "divergent"


def test_overlapping_sets_corroborate_on_the_shared_item() -> None:
    result = run(
        c("c1", "occupation", "damage", ["house", "shop"], source="tass"),
        c("c2", "hur", "damage", ["house", "railway"], source="suspilne"),
    )
    house = next(p for p in result.positions_of("c1") if p.value == "house")
    assert house.claims == ("c1", "c2")
    assert house.independently_corroborated
    assert [p.value for p in result.positions_of("c2")] == ["house", "railway"]


def test_fact_checker_link_between_questions_contests_neither_row() -> None:
    result = run(
        c("c1", "occupation", "cause", "air-defence-interception", links={"contradicts": ["c2"]}),
        c("c2", "hur", "weapon", ["kalibr-nk"]),
    )
    event = result.events["e1"]
    assert event.questions["cause"].status == "one-party"  # one answer, nothing to contest
    assert event.questions["weapon"].status == "one-party"
    assert event.status == "contested"  # the link is a contradiction of the event
    assert event.counts.contradicting_pairs == 1
    [relation] = result.claim_relations("c2")
    assert relation.source == "fact-checker"


def test_text_answers_never_contest_an_event() -> None:
    result = run(
        c("c1", "mod", "comment", "all is calm"),
        c("c2", "hur", "comment", "the depot burns"),
        c("c3", "mod", "cause", "drone-attack"),
    )
    event = result.events["e1"]
    assert event.questions["comment"].status == "divergent"
    assert event.status == "not-compared"  # text questions count only when alone


def test_event_status_prefers_divergent_over_agreed() -> None:
    result = run(
        c("c1", "mod", "cause", "drone-attack"),
        c("c2", "hur", "cause", "drone-attack"),
        c("c3", "occupation", "damage", ["house"]),
        c("c4", "hur", "damage", ["railway"]),
    )
    assert result.events["e1"].status == "divergent"


def test_event_without_claims_is_unanswered() -> None:
    corpus = make_corpus({"claims": [c("c1", "mod", "cause", "x")]})
    from claimgraph.model import Event

    corpus.events["quiet"] = Event("quiet", "Nothing said")
    assert assess(corpus).events["quiet"].status == "unanswered"


# --- counts -------------------------------------------------------------------------


def test_one_against_ten_injured_is_contested_with_the_figures_in_the_reason() -> None:
    result = run(c("c1", "occupation", "injured", "1"), c("c2", "hur", "injured", "10"))
    question = result.events["e1"].questions["injured"]
    assert question.status == "contested"
    assert question.relations[0].reason == "1 vs 10 injured"


def test_at_least_four_and_five_killed_are_divergent_not_contested() -> None:
    result = run(c("c1", "mod", "killed", "4+"), c("c2", "hur", "killed", "5"))
    assert result.events["e1"].questions["killed"].status == "divergent"


def test_count_reconciliation_names_the_spread_and_the_conservative_figure() -> None:
    result = run(
        c("c1", "occupation", "injured", "1"),
        c("c2", "hur", "injured", "12+"),
        c("c3", "residents", "injured", "10-20"),
    )
    counts = result.events["e1"].questions["injured"].counts
    assert counts is not None
    assert counts.policy == "lowest-stated"
    assert (counts.lowest, counts.lowest_by) == (1, ("occupation",))
    assert (counts.highest, counts.highest_by, counts.highest_open) == (20, ("residents",), True)
    assert counts.conservative == 1
    assert counts.conservative_by == ("occupation",)
    assert [f.label for f in counts.figures] == ["1", "10-20", "12+"]


def test_superseded_figure_leaves_the_reconciliation() -> None:
    result = run(
        c("c1", "occupation", "killed", "1", said_on="2024-01-04"),
        c("c2", "occupation", "killed", "3", said_on="2024-01-05"),
        c("c3", "hur", "killed", "3"),
    )
    question = result.events["e1"].questions["killed"]
    assert question.status == "agreed"
    assert question.counts is not None and question.counts.conservative == 3
    old = result.position_of("c1")
    assert old is not None and old.superseded and old.superseded_by == ("c2",)
    assert result.events["e1"].counts.supersessions == 1
    kinds = [(r.kind, r.a, r.b) for r in result.claim_relations("c1")]
    assert kinds == [("supersedes", "c2", "c1")]


def test_count_question_without_current_figures_has_no_reconciliation() -> None:
    result = run(c("c1", "mod", "comment", stance="declines"))
    assert result.events["e1"].questions["comment"].counts is None


# --- echoes and independence ---------------------------------------------------------

QUOTE = "Air defence shot down all ten Ukrainian missiles over Crimea tonight, the ministry said"


def test_position_held_by_two_sides_via_two_outlets_is_independently_corroborated() -> None:
    result = run(
        c("c1", "mod", "interception", "hits", quote="Two missiles hit the airfield", source="a"),
        c("c2", "residents", "interception", "hits", quote="We saw explosions", source="b"),
    )
    position = result.position_of("c1")
    assert position is not None and position.independently_corroborated
    assert position.outlets == ("a", "b")
    assert result.events["e1"].counts.independent_corroborations == 1


def test_two_sides_through_one_outlet_are_not_independent_confirmation() -> None:
    result = run(
        c("c1", "mod", "interception", "hits", quote="Two missiles hit the airfield at Saky"),
        c("c2", "residents", "interception", "hits", quote="We saw explosions near the port"),
    )
    position = result.position_of("c1")
    assert position is not None and position.independent_sides == ("russia", "ukraine")
    assert not position.independently_corroborated
    assert result.events["e1"].counts.independent_corroborations == 0


def test_echo_from_the_other_side_counts_once() -> None:
    result = run(
        c("c1", "mod", "interception", "all-intercepted", quote=QUOTE, said_on="2024-01-04"),
        c("c2", "hur", "interception", "all-intercepted", quote=QUOTE + "!", said_on="2024-01-05"),
    )
    position = result.position_of("c1")
    assert position is not None
    assert position.sides == ("russia", "ukraine")
    assert position.independent_sides == ("russia",)
    assert not position.independently_corroborated
    event = result.events["e1"]
    assert event.counts.echoes == 1
    assert event.counts.independent_corroborations == 0
    [echo] = [r for r in result.claim_relations("c2") if r.kind == "echo"]
    assert (echo.a, echo.b) == ("c1", "c2")
    # an echo is not corroboration by the other side
    assert result.parties["hur"].corroborated_by_other_side == 0


def test_short_or_same_party_quotes_are_not_echoes() -> None:
    result = run(
        c("c1", "mod", "cause", "drone-attack", quote="No comment."),
        c("c2", "hur", "cause", "drone-attack", quote="No comment."),
        c("c3", "mod", "interception", "all-intercepted", quote=QUOTE),
        c("c4", "mod", "killed", "0", quote=QUOTE),
    )
    assert result.events["e1"].counts.echoes == 0


# --- party track records --------------------------------------------------------------


def test_track_record_counts_contradiction_and_corroboration_by_other_sides() -> None:
    result = run(
        c("m1", "mod", "interception", "all-intercepted", certainty="hedged"),
        c("r1", "residents", "interception", "hits", evidence=["video"]),
        c("h1", "hur", "interception", "hits", evidence=["none"]),
        c("o1", "occupation", "interception", "hits"),
        c("m2", "mod", "comment", stance="declines"),
    )
    mod = result.parties["mod"]
    assert (mod.claims, mod.declined, mod.answered) == (2, 1, 1)
    assert mod.contradicted_by_other_side == 1
    assert mod.corroborated_by_other_side == 0
    assert mod.hedged_share == 1.0
    residents = result.parties["residents"]
    assert residents.contradicted_by_other_side == 1  # mod is on the other side
    assert residents.corroborated_by_other_side == 1  # occupation (russia) also says hits
    assert residents.evidence_share == 1.0
    assert result.parties["hur"].evidence_share == 0.0  # "none" is not evidence


def test_contradiction_within_one_side_is_not_by_the_other_side() -> None:
    result = run(
        c("m1", "mod", "interception", "all-intercepted"),
        c("o1", "occupation", "interception", "hits"),
    )
    assert result.events["e1"].status == "contested"
    assert result.parties["mod"].contradicted_by_other_side == 0


def test_parties_without_claims_have_an_empty_record() -> None:
    result = run(c("c1", "mod", "cause", "x"))
    assert result.parties["hur"].claims == 0
    assert result.parties["hur"].hedged_share == 0.0


# --- event view ----------------------------------------------------------------------------


def test_event_counts_and_timeline() -> None:
    result = run(
        c("late", "hur", "cause", "missile-attack", said_on="2024-01-06", source="s2"),
        c("early", "mod", "cause", "drone-attack", said_on="2024-01-04"),
        c("undated", "residents", "cause", "missile-attack"),
    )
    event = result.events["e1"]
    assert event.timeline == ("early", "late", "undated")
    assert (event.counts.claims, event.counts.parties, event.counts.sources) == (3, 3, 2)
    assert event.counts.corroborations == 1  # missile-attack: hur and residents
    assert event.counts.independent_corroborations == 0  # both ukraine
    assert event.counts.contradicting_pairs == 2  # mod against hur, mod against residents
    assert event.counts.contradictions == 1  # one pair of contradicting answers


def test_contradictions_are_one_per_party_pair_not_per_claim_pair() -> None:
    claims = [c(f"m{i}", "mod", "interception", "all-intercepted") for i in range(50)]
    claims += [c(f"r{i}", "residents", "interception", "hits") for i in range(50)]
    event = run(*claims).events["e1"]
    assert event.counts.contradictions == 1
    assert [(r.a, r.b) for r in event.relations] == [("m0", "r0")]


def test_question_of_a_claim() -> None:
    result = run(c("c1", "mod", "cause", "x"))
    assert result.question_of("c1").id == "question:e1/cause"


# --- the bundled seed claims -------------------------------------------------------------

ROOT = Path(__file__).resolve().parent.parent


def seed_assessment() -> Assessment:
    from claimgraph.load import load_corpus

    return assess(load_corpus(ROOT / "claims"))


def event_on(result: Assessment, day: date, place: str) -> str:
    """The id of the event on ``day`` whose place mentions ``place`` (looked up in the data)."""
    [found] = [
        e.id
        for e in result.corpus.events.values()
        if e.first_day == day and place.casefold() in f"{e.place} {e.title}".casefold()
    ]
    return found


def values(question: QuestionAssessment, party_kind: str, result: Assessment) -> set[object]:
    return {
        p.value
        for p in question.positions
        for party in p.parties
        if result.corpus.parties[party].kind == party_kind
    }


def test_seed_dzhankoi_air_defence_against_kalibr_on_the_railway_is_contested() -> None:
    result = seed_assessment()
    event = result.events[event_on(result, date(2023, 3, 20), "Dzhankoi")]
    assert event.status == "contested"
    interception = event.questions["interception"]
    assert interception.status == "contested"
    # the occupation authorities say all intercepted; military intelligence says hits
    assert "all-intercepted" in values(interception, "occupation-authority", result)
    assert "hits" in values(interception, "intelligence", result)
    assert any(r.kind == "contradicts" for r in event.relations)


def test_seed_january_2024_crimea_attack_is_contested() -> None:
    result = seed_assessment()
    event = result.events[event_on(result, date(2024, 1, 4), "Sevastopol")]
    assert event.status == "contested"
    interception = event.questions["interception"]
    assert interception.status == "contested"
    assert "all-intercepted" in values(interception, "military", result)
    assert "hits" in values(interception, "residents", result)
    # the residents' hits carry video
    hits = next(p for p in interception.positions if p.value == "hits")
    assert "video" in hits.evidence


def test_contradiction_pairs_grow_with_parties_not_their_product() -> None:
    sides = ("russia", "ukraine")
    claims = [c(f"a{i}", f"pa{i}", "interception", "all-intercepted") for i in range(100)]
    claims += [c(f"h{i}", f"ph{i}", "interception", "hits") for i in range(100)]
    corpus = make_corpus(
        {"parties": {f"p{x}{i}": sides[i % 2] for x in "ah" for i in range(100)}, "claims": claims}
    )
    event = assess(corpus).events["e1"]
    assert len(event.relations) <= 200  # listed: linear in the parties
    assert event.counts.contradicting_pairs == 100 * 100  # counted: every pair of parties
    assert event.counts.contradictions == 1
    shown = {claim for r in event.relations for claim in (r.a, r.b)}
    assert shown == {claim["id"] for claim in claims}  # every party's claim is paired
    # a party is paired with another side's claim when the other position has one
    for r in event.relations:
        assert corpus.side_of(corpus.claims[r.a].party) != corpus.side_of(corpus.claims[r.b].party)


def test_graph_is_built_once_on_first_use_from_the_linked_corpus() -> None:
    from claimgraph.analysis.linked import link

    corpus = make_corpus({"claims": [c("c1", "mod", "cause", "x"), c("c2", "hur", "cause", "y")]})
    result = assess(corpus)
    G = result.graph
    assert G is result.graph
    assert G.has_edge("claim:c1", "position:e1/cause/x", key="asserts")
    linked = link(corpus)
    again = assess(corpus, linked)
    assert again.graph.edges(keys=True) == G.edges(keys=True)
    with pytest.raises(ValueError, match="not the corpus given"):
        assess(make_corpus({"claims": []}), linked)


def test_assess_consumes_the_linking_and_the_graph_is_built_from_the_assessment() -> None:
    from claimgraph.analysis.link import link_corpus
    from claimgraph.analysis.linked import link

    corpus = make_corpus(
        {
            "claims": [
                c("k1", "mod", "killed", "1", said_on="2024-01-01"),
                c("d1", "hur", "damage", ["house", "port"], event="e2"),
                c("k2", "mod", "killed", "4+", said_on="2024-01-02"),
                c("x1", "hur", "cause", "x", links={"supersedes": "k1"}),
                c("s1", "hur", "comment", stance="declines"),
                c("d2", "mod", "damage", "port", event="e2", stance="denies"),
            ]
        }
    )  # fmt: skip
    fresh = link_corpus(corpus)  # what the linking held, for comparison
    linked = link(corpus)
    result = assess(corpus, linked)
    assert linked.linking.questions == {}  # each question released once assessed
    assert [q.id for q in result.questions()] == [q.id for q in fresh.questions.values()]
    G = result.graph
    expected = [
        node
        for q in fresh.questions.values()
        for node in (q.id, *(p.id for p in q.positions.values()))
    ]
    assert [n for n, kind in G.nodes(data="kind") if kind in ("question", "position")] == expected
    for q in fresh.questions.values():
        for p in q.positions.values():
            assert result.position(p.id).key == G.nodes[p.id]["slug"] == p.key
    superseded = {n for n, s in G.nodes(data="superseded") if s}
    assert superseded == {f"claim:{c}" for c in fresh.superseded} == {"claim:k1"}
    assert G.has_edge("claim:s1", "question:e1/comment", key="declines")
    assert G.has_edge("claim:d2", "position:e2/damage/port", key="denies")


def test_assess_takes_the_linked_corpus_without_linking_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import claimgraph.analysis.linked as linked_module
    from claimgraph.analysis.linked import link

    corpus = make_corpus({"claims": [c("c1", "mod", "cause", "x"), c("c2", "hur", "cause", "y")]})
    linked = link(corpus)

    def refuse(_corpus: object) -> None:
        raise AssertionError("linked again")

    monkeypatch.setattr(linked_module, "link_corpus", refuse)
    monkeypatch.setattr(linked_module, "corpus_echoes", refuse)
    assert assess(corpus, linked).events["e1"].status == "contested"
