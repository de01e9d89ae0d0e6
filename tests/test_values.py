"""A claim's value as text has one home (claimgraph.views.values), and each view shows it."""

from __future__ import annotations

from datetime import date

from claimgraph.analysis.assess import assess
from claimgraph.model import (
    Aspect,
    AspectType,
    Claim,
    Corpus,
    Event,
    Party,
    Review,
    Source,
)
from claimgraph.quantities import parse_count
from claimgraph.views.claimreview import generate_claimreview
from claimgraph.views.graph import build_graph
from claimgraph.views.html import answer_marks
from claimgraph.views.markdown import cell_text
from claimgraph.views.tables import claim_rows
from claimgraph.views.values import (
    report_answer,
    report_value,
    value_as_written,
    value_labels,
    value_slugs,
)

REVIEW = Review("False", 1, 5, 1, "Desk", date(2024, 1, 2), "https://example.org/r")


def _corpus() -> Corpus:
    aspects = {
        "killed": Aspect("killed", AspectType.COUNT),
        "damage": Aspect("damage", AspectType.SET, values={"house": "Residential house"}),
        "cause": Aspect("cause", AspectType.CATEGORY),
    }
    claims = {
        "count": Claim("count", "e", "p", "s", "killed", parse_count("at least four"),
                       raw_value="at least four", review=REVIEW),
        "set": Claim("set", "e", "p", "s", "damage", frozenset({"power-line", "house"}),
                     raw_value=["Power Line", "house"], review=REVIEW),
        "category": Claim("category", "e", "p", "s", "cause", "drone-attack",
                          raw_value="Drone attack", review=REVIEW),
    }  # fmt: skip
    return Corpus(
        parties={"p": Party("p", "Ministry", "russia")},
        events={"e": Event("e", "E")},
        sources={"s": Source("s", title="T", url="https://example.org/s")},
        aspects=aspects,
        claims=claims,
    )


def test_each_view_shows_its_meaning_of_the_value_for_a_count_a_set_and_a_category() -> None:
    corpus = _corpus()
    assessment = assess(corpus)
    claims = corpus.claims
    graph = build_graph(assess(corpus))
    rows = {row["claim"]: row["value"] for row in claim_rows(assessment)}
    sentences = [r["claimReviewed"] for r in generate_claimreview(corpus)]  # in claim order

    expected = {
        # claim: (slugs, as written, labels, report)
        "count": ("at least four", "at least four", "at least four", "at least four"),
        "set": (
            "house; power-line",
            "house;Power Line",
            "Residential house, power line",
            "Residential house, Power Line",
        ),
        "category": ("drone-attack", "Drone attack", "drone attack", "Drone attack"),
    }
    for (claim_id, (slugs, written, labels, report)), sentence in zip(
        expected.items(), sentences, strict=True
    ):
        claim = claims[claim_id]
        assert value_slugs(claim.value) == slugs
        assert graph.nodes[f"claim:{claim_id}"]["value"] == slugs
        assert value_as_written(claim, corpus) == written
        assert rows[claim_id] == written
        assert value_labels(claim, corpus) == labels
        assert sentence.endswith(f": {labels}")
        assert report_value(claim, assessment) == report == report_answer(claim, assessment)
        assert cell_text(claim, assessment).startswith(report)
        assert answer_marks(claim, assessment).startswith(report)


def test_free_text_keeps_its_hyphens_in_every_view() -> None:
    # A text aspect's value is the words the claim gives, never a slug: "Kh-22"
    # must not become "Kh 22" in a report cell or a ClaimReview sentence.
    corpus = _corpus()
    aspects = {**corpus.aspects, "comment": Aspect("comment", AspectType.TEXT)}
    text = "A Kh-22 cruise missile hit a nine-storey block"
    claim = Claim("text", "e", "p", "s", "comment", text, raw_value=text, review=REVIEW)
    corpus = Corpus(
        parties=corpus.parties,
        events=corpus.events,
        sources=corpus.sources,
        aspects=aspects,
        claims={"text": claim},
    )
    assessment = assess(corpus)
    (sentence,) = [r["claimReviewed"] for r in generate_claimreview(corpus)]

    assert value_as_written(claim, corpus) == text
    assert value_labels(claim, corpus) == text
    assert sentence.endswith(f": {text}")
    assert report_value(claim, assessment) == text
    assert cell_text(claim, assessment).startswith(text)
