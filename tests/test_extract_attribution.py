"""Attribution cues and speaker resolution."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.attribution import Registry, Resolver, clean_subject, find_attribution
from claimgraph.model import Party


@pytest.fixture
def registry() -> Registry:
    return Registry.from_parties(
        [
            Party(
                "crimea-authorities",
                "Occupation authorities of Crimea",
                "russia",
                aliases=("Serhii Aksyonov", "Aksyonov", "occupying head of Crimea"),
            ),
            Party(
                "russia-mod",
                "Ministry of Defence of Russia",
                "russia",
                aliases=(
                    "Russian Ministry of Defense",
                    "Russian Defence Ministry",
                    "russian department",
                ),
            ),
            Party("russian-officials", "Russian officials", "russia", aliases=("the occupiers",)),
            Party(
                "ukraine-hur",
                "Main Directorate of Intelligence of Ukraine",
                "ukraine",
                aliases=(
                    "Main Directorate of Intelligence of the Ministry of Defense of Ukraine",
                    "the intelligence service",
                ),
            ),
            Party(
                "ukraine-mod",
                "Ministry of Defense of Ukraine",
                "ukraine",
                aliases=("Ministry of Defense of Ukraine",),
            ),
            Party(
                "residents",
                "Local residents",
                "independent",
                kind="residents",
                aliases=("local residents", "residents"),
            ),
            Party("crimean-wind", "Crimean Wind", "ukraine", aliases=("Crimean Wind",)),
        ]
    )


@pytest.mark.parametrize(
    ("sentence", "speaker", "content"),
    [
        (
            "According to local residents, two blasts were heard.",
            "local residents",
            "two blasts were heard.",
        ),
        (
            "Two blasts were heard, according to the governor.",
            "the governor",
            "Two blasts were heard",
        ),
        (
            "The ministry said that ten drones were downed.",
            "The ministry",
            "ten drones were downed.",
        ),
        ("The mayor reported ten injured.", "The mayor", "ten injured."),
        ("Aksyonov wrote on his Telegram channel that debris fell.", "Aksyonov", "debris fell."),
        (
            '"Debris fell on a house," the governor told reporters.',
            "the governor",
            "Debris fell on a house,",
        ),
        (
            "Ten were hurt, regional governor Oleg Synegubov announced.",
            "regional governor Oleg Synegubov",
            "Ten were hurt",
        ),
        (
            "Ten were hurt, said local governor Vyacheslav Gladkov.",
            "local governor Vyacheslav Gladkov",
            "Ten were hurt",
        ),
        (
            'Gladkov: "Three people died in the shelling."',
            "Gladkov",
            'Three people died in the shelling."',
        ),
        (
            "As Ukrainian News Agency earlier reported, drones hit a radar.",
            "Ukrainian News Agency",
            "drones hit a radar.",
        ),
        (
            "In turn, the HUR reported that a train was destroyed.",
            "In turn, the HUR",
            "a train was destroyed.",
        ),
        (
            "Later, the channel reported, citing local residents, that a fire broke out.",
            "Later, the channel reported, citing local residents",
            "a fire broke out.",
        ),
    ],
)
def test_cues_journalists_use_split_speaker_from_content(
    sentence: str, speaker: str, content: str
) -> None:
    att = find_attribution(sentence)
    assert att is not None
    if att.cue != "verb" or "citing" not in sentence:
        assert att.speaker == speaker
    assert att.content_text == content


def test_citing_marks_the_claim_second_hand() -> None:
    att = find_attribution(
        "Later, the channel reported, citing local residents, that a fire broke out."
    )
    assert att is not None and att.second_hand
    assert clean_subject(att.speaker) == "the channel"


def test_passive_with_no_agent_is_an_agentless_cue() -> None:
    att = find_attribution("A fire was said to have started at the depot.")
    assert att is not None and att.cue == "passive" and att.speaker == ""


def test_published_by_names_the_agent_as_speaker() -> None:
    att = find_attribution("Photos published by the occupation authorities showed bodies.")
    assert att is not None and att.cue == "by-agent"
    assert att.speaker.startswith("the occupation authorities")


def test_relative_clause_attribution_keeps_only_the_clause() -> None:
    att = find_attribution("These raids, which the Russian army says it is repelling, go on.")
    assert att is not None
    assert att.content_text == "which the Russian army says it is repelling"


def test_declining_to_comment_is_found_with_its_subject() -> None:
    att = find_attribution("The occupation authorities are in no hurry to comment on the events.")
    assert att is not None and att.cue == "declines"
    assert att.speaker == "The occupation authorities"


def test_a_noun_that_looks_like_a_verb_is_no_cue() -> None:
    assert find_attribution("This is evidenced by reports from the ministry.") is None
    assert find_attribution("Video footage was posted online.") is None


def test_sentence_without_a_cue_gives_none() -> None:
    assert find_attribution("The power went out in part of the city.") is None


def test_alias_lookup_ignores_case_and_possessives(registry: Registry) -> None:
    r = Resolver(registry)
    sp = r.resolve("the russian ministry of defense's")
    assert sp is not None and sp.party == "russia-mod"


def test_title_and_name_apposition_resolves_and_names_the_person(registry: Registry) -> None:
    sp = Resolver(registry).resolve("A little later, the occupying head of Crimea, Serhii Aksyonov")
    assert sp is not None
    assert (sp.party, sp.person) == ("crimea-authorities", "Serhii Aksyonov")


def test_longest_alias_wins(registry: Registry) -> None:
    sp = Resolver(registry).resolve(
        "the Main Directorate of Intelligence of the Ministry of Defense of Ukraine"
    )
    assert sp is not None and sp.party == "ukraine-hur"


def test_pronouns_and_the_message_carry_the_last_speaker_forward(registry: Registry) -> None:
    r = Resolver(registry)
    first = r.resolve("Aksyonov")
    assert first is not None
    r.remember(first)
    for words in ("he", "He also", "the message", "the channel", "they"):
        sp = r.resolve(words)
        assert sp is not None and sp.party == "crimea-authorities", words


def test_a_definite_title_refers_back_to_the_speaker_it_names(registry: Registry) -> None:
    r = Resolver(registry)
    gov = r.resolve("regional governor Oleg Synegubov")
    assert gov is not None and not gov.matched
    r.remember(gov)
    again = r.resolve("the governor")
    assert again is not None and again.party == gov.party


def test_an_epithet_right_after_a_named_speaker_of_that_side_means_that_speaker(
    registry: Registry,
) -> None:
    r = Resolver(registry)
    mod = r.resolve("the russian Ministry of Defense")
    assert mod is not None
    r.remember(mod)
    sp = r.resolve("the occupiers")
    assert sp is not None and sp.party == "russia-mod"
    assert Resolver(registry).resolve("the occupiers").party == "russian-officials"  # type: ignore[union-attr]


def test_an_unknown_speaker_gets_an_unknown_slug_with_their_words(registry: Registry) -> None:
    sp = Resolver(registry).resolve("On Telegram, the Astra channel")
    assert sp is not None and not sp.matched
    assert sp.party == "unknown-astra-channel"
    assert sp.words == "Astra channel"


def test_the_alias_index_matches_whole_words_only(registry: Registry) -> None:
    assert registry.match("the residentsial sector") is None
    assert registry.match("Residents of Dzhankoi") == ("residents", "residents")


def test_a_headline_names_its_speaker_after_a_dash() -> None:
    headline = "Drone hits a minibus in Nova Kakhovka, two civilians killed - Saldo"
    att = find_attribution(headline, headline=True)
    assert att is not None
    assert (att.speaker, att.content_text) == (
        "Saldo",
        "Drone hits a minibus in Nova Kakhovka, two civilians killed",
    )
    # a sentence that ends with a full stop is no headline; a dash inside is no cue
    assert find_attribution("The convoy moved on - Saldo.", headline=True) is None
    assert find_attribution("Kyiv - a quiet night", headline=True) is None
    # below the headline, "Rescuers at the scene - Reuters" is a photo credit
    assert find_attribution("Rescuers work at the scene - Reuters") is None


def test_evidence_published_on_a_platform_has_the_platform_as_source() -> None:
    att = find_attribution("Videos published on social media show a large fire at the depot.")
    assert att is not None and att.cue == "by-agent" and att.second_hand
    assert att.speaker.startswith("social media")


def test_the_subject_after_a_conjunction_speaks() -> None:
    assert clean_subject("Glide bombs kill 3 in Zaporizhzhia as Russia") == "Russia"
    assert clean_subject("As the governor") == "As the governor"  # nothing before it
    assert clean_subject("the head of the region as well as") == "the head of the region as well as"
    # only a named subject after "as"/"while"; "since the attack" is part of the phrase
    kept = "People living near the plant since the attack"
    assert clean_subject(kept) == kept
    assert clean_subject("Residents of the city as well as Officials").startswith("Residents")


@given(
    st.lists(
        st.sampled_from(
            ["the", "Alexei", "Kulemzin", "iPhone", "Maker", "O'Brien", "x", "Y", ",", "  "]
        ),
        max_size=10,
    )
)
@settings(max_examples=300, deadline=None)
def test_a_name_at_the_end_is_what_the_name_regex_finds(parts: list[str]) -> None:
    from claimgraph.extract.attribution import _NAME, _name_at_end

    text = " ".join(parts)
    want, got = _NAME.search(text), _name_at_end(text)
    assert (got.span() if got else None) == (want.span() if want else None)


@given(
    st.lists(
        st.sampled_from(
            [
                "the",
                "ministry",
                "of",
                "defence",
                "russia's",
                "aksyonov",
                "occupying",
                "head",
                "crimea",
                "-",
                ",",
                "pro-russia",
                "mod",
                "x",
            ]
        ),
        max_size=12,
    )
)
@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
def test_aliases_are_found_where_the_alias_regex_finds_them(
    registry: Registry, parts: list[str]
) -> None:
    assert registry._alias_re is not None
    text = " ".join(parts)
    want = [m.span() for m in registry._alias_re.finditer(text)]
    assert [m.span() for m in registry._aliases_in(text)] == want


def test_an_apposition_after_a_post_posed_name_keeps_the_name() -> None:
    from claimgraph.extract import extract_report

    text = (
        "Ukraine fired Tochka-U missiles at the station, Daniil Bezsonov, "
        "a senior Russian-installed official in Donetsk, said."
    )
    [claim] = extract_report(text, "a.txt", Registry()).claims
    assert claim.speaker == "Daniil Bezsonov"
    assert claim.party == "unknown-daniil-bezsonov"


def test_a_name_with_its_title_before_said_is_not_read_as_said_x() -> None:
    from claimgraph.extract import extract_report

    text = "Oleh Kiper, the governor of Odesa, said the port was damaged."
    [claim] = extract_report(text, "a.txt", Registry()).claims
    assert (claim.party, claim.speaker, claim.value) == (
        "odesa-regional-administration",
        "Oleh Kiper",
        ["port"],
    )


def test_quoted_as_saying_gives_the_words_to_the_one_quoted_second_hand() -> None:
    att = find_attribution(
        "Interfax quoted the Russian Defence Ministry as saying that 10 drones were shot down."
    )
    assert att is not None
    assert (att.speaker, att.content_text, att.second_hand) == (
        "the Russian Defence Ministry",
        "10 drones were shot down.",
        True,
    )


def test_a_definite_institution_is_of_the_country_the_sentence_names_first() -> None:
    from claimgraph.extract import extract_report

    text = "Russian air defences destroyed 24 Ukrainian drones, the defence ministry said."
    parties = {c.party for c in extract_report(text, "a.txt", Registry()).claims}
    assert parties == {"russia-mod"}


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("There was no immediate response from Kyiv to the accusation.", "Kyiv"),
        ("There was no immediate comment from Ukraine.", "Ukraine"),
    ],
)
def test_no_immediate_response_from_x_is_x_declining(sentence: str, speaker: str) -> None:
    att = find_attribution(sentence)
    assert att is not None and (att.speaker, att.cue) == (speaker, "declines")


def test_a_name_with_a_long_apposition_and_has_said_is_the_speaker() -> None:
    att = find_attribution(
        "At least 13 people have been killed and ten others wounded, Denis Pushilin, "
        "leader of the Donetsk People's Republic, has said."
    )
    assert att is not None
    assert att.speaker == "Denis Pushilin, leader of the Donetsk People's Republic"


def test_it_said_carries_the_institution_just_quoted_even_in_a_new_paragraph() -> None:
    from claimgraph.extract import extract_report

    text = (
        "date 2025-04-14 The Russian defence ministry said its forces had hit a meeting.\n\n"
        "It said that more than 60 soldiers were killed in the strike."
    )
    claims = extract_report(text, "a.txt", Registry()).claims
    assert {c.party for c in claims} == {"russia-mod"}
    passive = find_attribution("It is said that ten drones fell.")
    assert passive is not None and (passive.speaker, passive.cue) == ("", "passive")
