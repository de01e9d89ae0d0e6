"""schema.org ClaimReview JSON-LD export (claimgraph.views.claimreview)."""

from __future__ import annotations

import json
from datetime import date

from claimgraph.model import Claim, Corpus, Event, Interval, Party, Review, Source, Stance
from claimgraph.views.claimreview import (
    claim_text,
    claimreview_problems,
    generate_claimreview,
    render_claimreview,
)


def _corpus(**claim_fields: object) -> Corpus:
    fields: dict[str, object] = {
        "id": "sevastopol-mod-ten-downed",
        "event": "crimea-2024-01",
        "party": "ru-mod",
        "source": "seed-001",
        "aspect": "interception",
        "value": "all-intercepted",
        "quote": 'ten missiles were "shot down" | <b>all</b>',
        "speaker": "",
        "said_on": date(2024, 1, 4),
        "review": Review(
            rating="Misleading",
            value=2,
            best=5,
            worst=1,
            reviewer="Example Fact Check",
            date=date(2024, 1, 6),
            url="https://factcheck.example/reviews/1",
            summary="Videos show hits.",
        ),
    }
    fields.update(claim_fields)
    claim = Claim(**fields)  # type: ignore[arg-type]
    plain = Claim("unreviewed", "crimea-2024-01", "ru-mod", "seed-001", "cause", "missile-attack")
    return Corpus(
        parties={"ru-mod": Party("ru-mod", "Russian Ministry of Defence", "russia")},
        events={
            "crimea-2024-01": Event(
                "crimea-2024-01", "Missile attack on Crimea", date(2024, 1, 4), place="Sevastopol"
            )
        },
        sources={
            "seed-001": Source(
                "seed-001",
                title="Explosions in Sevastopol",
                outlet="Ukrainska Pravda",
                url="https://news.example/a",
                published=date(2024, 1, 5),
            )
        },
        claims={claim.id: claim, plain.id: plain},
    )


def test_only_reviewed_claims_are_exported() -> None:
    reviews = generate_claimreview(_corpus())
    assert [r["itemReviewed"]["identifier"] for r in reviews] == ["sevastopol-mod-ten-downed"]


def test_claimreview_has_the_fields_google_requires() -> None:
    (review,) = generate_claimreview(_corpus())
    assert review["@context"] == "https://schema.org"
    assert review["@type"] == "ClaimReview"
    assert review["url"] == "https://factcheck.example/reviews/1"
    assert review["claimReviewed"] == 'ten missiles were "shot down" | <b>all</b>'
    assert review["author"] == {"@type": "Organization", "name": "Example Fact Check"}
    assert review["datePublished"] == "2024-01-06"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Misleading",
    }
    item = review["itemReviewed"]
    assert item["@type"] == "Claim"
    assert item["author"] == {"@type": "Organization", "name": "Russian Ministry of Defence"}
    assert item["datePublished"] == "2024-01-04"
    assert item["appearance"]["url"] == "https://news.example/a"
    assert item["appearance"]["publisher"]["name"] == "Ukrainska Pravda"
    assert item["about"]["location"]["name"] == "Sevastopol"
    assert review["reviewBody"] == "Videos show hits."


def test_named_speaker_is_a_person_of_the_party() -> None:
    (review,) = generate_claimreview(_corpus(speaker="Mikhail Razvozhayev"))
    assert review["itemReviewed"]["author"] == {
        "@type": "Person",
        "name": "Mikhail Razvozhayev",
        "affiliation": {"@type": "Organization", "name": "Russian Ministry of Defence"},
    }


def test_claim_date_falls_back_to_source_date() -> None:
    (review,) = generate_claimreview(_corpus(said_on=None))
    assert review["itemReviewed"]["datePublished"] == "2024-01-05"


def test_rating_without_numbers_keeps_its_name() -> None:
    (review,) = generate_claimreview(_corpus(review=Review("Unproven", reviewer="X")))
    assert review["reviewRating"] == {"@type": "Rating", "alternateName": "Unproven"}


def test_output_round_trips_through_json() -> None:
    corpus = _corpus()
    text = render_claimreview(corpus)
    assert text.endswith("\n")
    assert json.loads(text) == generate_claimreview(corpus)


def test_output_is_deterministic() -> None:
    assert render_claimreview(_corpus()) == render_claimreview(_corpus())


def test_empty_corpus_gives_an_empty_array() -> None:
    assert json.loads(render_claimreview(Corpus())) == []


def test_claim_without_quote_is_described_in_words() -> None:
    claim = Claim("c", "e", "ru-mod", "s", "killed", Interval(4, 4, "four"), stance=Stance.DENIES)
    corpus = Corpus(parties={"ru-mod": Party("ru-mod", "MoD", "russia")})
    assert claim_text(claim, corpus) == "MoD denies killed: four"


def test_incomplete_review_is_warned_about() -> None:
    corpus = _corpus(review=Review("False"))
    messages = [str(p) for p in claimreview_problems(corpus).problems]
    assert any("no url" in m for m in messages)
    assert any("no reviewer" in m for m in messages)
    assert all(p.severity == "warning" for p in claimreview_problems(corpus).problems)


def test_complete_review_has_no_warnings() -> None:
    assert claimreview_problems(_corpus()).problems == []


def test_output_cannot_close_the_script_element_it_is_pasted_into() -> None:
    quote = "</script><script>alert(1)</script><!-- & more"
    text = render_claimreview(_corpus(quote=quote))
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text)[0]["claimReviewed"] == quote
