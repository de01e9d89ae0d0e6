"""Aspects, values, stance, certainty and evidence read from sentences."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.extract.values import Reader, certainty_of, evidence_of
from claimgraph.model import Aspect, AspectType, Stance


@pytest.fixture(scope="module")
def reader() -> Reader:
    r = Reader.default()
    aspects = dict(r.aspects)
    aspects["missiles-downed"] = Aspect("missiles-downed", AspectType.COUNT)
    aspects["drones-launched"] = Aspect("drones-launched", AspectType.COUNT)
    aspects["seriously-injured"] = Aspect("seriously-injured", AspectType.COUNT)
    aspects["perpetrator"] = Aspect(
        "perpetrator",
        AspectType.CATEGORY,
        values={"ukrainian-forces": "Ukrainian forces"},
        synonyms={"ukrainian-troops": "ukrainian-forces"},
    )
    return Reader(aspects)


def found(reader: Reader, text: str) -> list[tuple[str, object]]:
    return [(f.aspect, f.value) for f in reader.findings(text)]


def test_casualty_counts_keep_the_words_of_the_text(reader: Reader) -> None:
    assert found(reader, "At least four people were killed and seven injured.") == [
        ("killed", "At least four"),
        ("injured", "seven"),
    ]
    assert found(reader, "The strike left ten people injured.") == [("injured", "ten")]


def test_counts_after_a_participle_are_read(reader: Reader) -> None:
    assert found(reader, "Missiles struck, killing at least 34 people and wounding 117 others.")[
        :2
    ] == [
        ("killed", "at least 34"),
        ("injured", "117"),
    ]


def test_a_toll_that_rose_gives_its_new_figure(reader: Reader) -> None:
    assert found(reader, "By evening the death toll had risen to 14.") == [("killed", "14")]
    assert found(reader, "He later raised the number of wounded to 17.") == [("injured", "17")]


def test_no_casualties_is_a_zero_count_for_killed_and_injured(reader: Reader) -> None:
    findings = reader.findings("There are no casualties.")
    assert [(f.aspect, f.value, f.stance) for f in findings] == [
        ("killed", "none", Stance.ASSERTS),
        ("injured", "none", Stance.ASSERTS),
    ]


def test_a_count_is_used_once_by_the_most_specific_aspect(reader: Reader) -> None:
    assert found(reader, "Two injured people were in serious condition.") == [
        ("seriously-injured", "Two")
    ]


def test_counts_of_a_claims_folder_aspect_need_its_verb(reader: Reader) -> None:
    assert ("missiles-downed", "ten") in found(
        reader, 'Air defence shot down "ten Ukrainian missiles."'
    )
    assert ("drones-launched", "several dozen") in found(
        reader, "Russia has launched several dozen of these drones"
    )
    assert not [
        a for a, _ in found(reader, "Ten missiles are stored there.") if a == "missiles-downed"
    ]


def test_interception_outcomes(reader: Reader) -> None:
    assert ("interception", "all-intercepted") in found(
        reader, "Air defence shot down all the drones."
    )
    assert ("interception", "partly-intercepted") in found(
        reader, "It shot down 28 of the 35 drones."
    )
    assert ("interception", "none-intercepted") in found(reader, "They cannot be shot down.")
    assert ("interception", "hits") in found(reader, "Residents share videos of hits at the base.")


def test_a_destroyed_target_after_an_explosion_is_a_hit(reader: Reader) -> None:
    assert ("interception", "hits") in found(
        reader, "The explosion destroyed the missiles during their transportation by railway."
    )


def test_cause_needs_a_cue_or_a_verb_for_a_bare_noun(reader: Reader) -> None:
    assert ("cause", "air-defence-debris") in found(reader, "The debris damaged a house.")
    assert ("cause", "drone-attack") in found(
        reader, 'They called "mopeds" the cause of the blasts.'
    )
    assert ("cause", "missile-attack") in found(
        reader, "Crimea was under a massive missile attack."
    )
    assert not [a for a, _ in found(reader, "The drones were reprogrammed.") if a == "cause"]


def test_damage_and_target_name_their_objects(reader: Reader) -> None:
    assert ("damage", ["house", "shop"]) in found(reader, "The debris damaged a house and a shop.")
    assert ("damage", ["residential-building", "school", "kindergarten"]) in found(
        reader, "Residential buildings, a school and two kindergartens were also damaged."
    )
    assert ("target", ["military-facility"]) in found(reader, "Drones hit a military facility.")


def test_named_weapons_are_found_and_generic_ones_are_not(reader: Reader) -> None:
    assert ("weapon", ["kinzhal"]) in found(reader, "It destroyed two Kinzhal missiles.")
    assert ("weapon", ["iskander-m"]) in found(reader, "Russia used Iskander-M missiles.")
    assert not [a for a, _ in found(reader, "Drones and missiles flew.") if a == "weapon"]


def test_location_needs_a_happening_and_a_locative(reader: Reader) -> None:
    assert ("location", ["Dzhankoi station", "Armiansk"]) in found(
        reader, "Explosions could be heard near the Dzhankoi station and in the occupied Armiansk."
    )
    assert ("location", ["Sevastopol", "Yevpatoria"]) in found(
        reader, "Explosions were heard by residents of occupied Sevastopol and Yevpatoria."
    )
    assert ("location", ["School No. 7"]) in found(reader, "The wreckage fell near School No. 7.")
    assert not [a for a, _ in found(reader, "The governor of Sevastopol spoke.") if a == "location"]


def test_a_holiday_or_an_occupied_area_after_a_locative_is_no_landmark(reader: Reader) -> None:
    for text in (
        "The drone hit a cafe on New Year’s Eve.",
        "The missile hit the church on Palm Sunday.",
        "The drone hit a cafe in a Russian-occupied village.",
    ):
        assert not [v for a, v in found(reader, text) if a == "location"], text


def test_countries_are_never_a_location(reader: Reader) -> None:
    assert not [a for a, _ in found(reader, "Explosions were heard in Russia.") if a == "location"]


def test_categories_of_the_claims_folder_are_found_by_their_synonyms(reader: Reader) -> None:
    assert ("perpetrator", "ukrainian-forces") in found(
        reader, "Ukrainian troops attacked at dawn."
    )


def test_negation_before_the_answer_makes_a_denial(reader: Reader) -> None:
    findings = reader.findings("No military facilities had been hit.")
    assert [(f.aspect, f.stance) for f in findings] == [("target", Stance.DENIES)]


def test_a_negated_attack_verb_denies_what_it_names(reader: Reader) -> None:
    """ "Our forces do not strike hospitals" denies a hospital was the target: the negation
    is inside the verb phrase, before the object, not in front of the finding."""
    for text in (
        "Our forces do not strike hospitals.",
        "The army did not strike the hospital.",
        "The air force never strikes hospitals.",
        "The Russian Federation does not strike at a hospital.",
    ):
        findings = [f for f in reader.findings(text) if f.aspect == "target"]
        assert [(f.value, f.stance) for f in findings] == [(["hospital"], Stance.DENIES)], text
    # the object after an un-negated verb is still asserted
    findings = [f for f in reader.findings("The army struck the hospital.") if f.aspect == "target"]
    assert [(f.value, f.stance) for f in findings] == [(["hospital"], Stance.ASSERTS)]


def test_speaker_hedges_count_and_journalist_hedges_only_inside_quotes() -> None:
    assert certainty_of("According to preliminary data, one was hurt", quoted=False) == "hedged"
    assert certainty_of("air defence allegedly shot down ten", quoted=False) == "asserted"
    assert certainty_of("air defence allegedly shot down ten", quoted=True) == "hedged"


def test_evidence_none_wins_over_other_kinds() -> None:
    assert evidence_of("They did not provide any evidence, only a video.") == ["none"]
    assert evidence_of("Eyewitnesses published videos and photos.") == [
        "video",
        "photo",
        "eyewitness",
    ]
    assert evidence_of("The sky was clear.") == []


def test_the_built_in_lexicon_holds_only_words() -> None:
    from claimgraph.extract.lexicon import Lexicon, lexicon

    assert "no" in lexicon().raw["negation"]
    with pytest.raises(ValueError, match="quote words"):
        Lexicon.from_data({"negation": [False]})


_PIECES = ["the", "School", "No.", "7", "Azot", "Plant", "iPhone", "Maker", "McDonald", "of"]


@given(
    st.lists(st.sampled_from([*_PIECES, " ", "  ", "\n", ".", ",", "-", "’s", "x"]), max_size=14)
)
@settings(max_examples=300, deadline=None)
def test_landmarks_are_what_the_landmark_regex_finds(parts: list[str]) -> None:
    from claimgraph.extract.values import _LANDMARK, _landmarks

    text = " ".join(parts)
    assert [m.span() for m in _landmarks(text)] == [m.span() for m in _LANDMARK.finditer(text)]


def test_a_folder_perpetrator_aspect_is_answered_from_the_side_the_words_name() -> None:
    from claimgraph.extract import extract_report
    from claimgraph.extract.attribution import Registry
    from claimgraph.extract.values import builtin_aspects
    from claimgraph.model import Aspect, AspectType

    aspects = builtin_aspects()
    aspects["perpetrator"] = Aspect(
        "perpetrator",
        AspectType.CATEGORY,
        values={"ukrainian-forces": "Ukrainian forces", "russian-forces": "Russian forces"},
    )
    reg = Registry({}, aspects, {})
    reg.index()
    text = (
        "date 2024-01-21 Denis Pushilin said the market was hit by Ukrainian shelling. "
        "The Tavriia group said the attack was carried out by Russian forces."
    )
    found = [(c.aspect, c.value) for c in extract_report(text, "r.txt", reg).claims]
    assert ("perpetrator", "ukrainian-forces") in found
    assert ("perpetrator", "russian-forces") in found
    # without the aspect in the folder, nothing is answered
    plain = extract_report(text, "r.txt", Registry()).claims
    assert all(c.aspect != "perpetrator" for c in plain)


def test_a_denied_responsibility_denies_the_speakers_own_side_as_perpetrator() -> None:
    from claimgraph.extract import extract_report
    from claimgraph.extract.attribution import Registry
    from claimgraph.extract.values import builtin_aspects
    from claimgraph.model import Aspect, AspectType

    aspects = builtin_aspects()
    aspects["perpetrator"] = Aspect(
        "perpetrator", AspectType.CATEGORY, values={"ukrainian-forces": "", "russian-forces": ""}
    )
    reg = Registry({}, aspects, {})
    reg.index()
    for words in ("Kyiv has denied responsibility.", "Kyiv rejected the accusations."):
        draft = extract_report(f"date 2024-01-21 {words}", "r.txt", reg)
        assert [(c.party, c.aspect, c.value, c.stance) for c in draft.claims] == [
            ("ukrainian-officials", "perpetrator", "ukrainian-forces", "denies")
        ], words
        # a bare object is quoted with its speaker
        assert draft.claims[0].quote == words, draft.claims[0].quote


def test_fragments_of_a_downed_missile_are_debris_not_a_missile_attack() -> None:
    from claimgraph.extract.values import Reader

    found = Reader.default().findings(
        "Fragments of one of the downed Tochka-U missiles damaged a residential building."
    )
    assert ("cause", "air-defence-debris") in [(f.aspect, f.value) for f in found]


def _fired(text: str) -> str | None:
    from claimgraph.extract.perpetrator import Perpetrators

    rules = Perpetrators.of(
        {
            "perpetrator": Aspect(
                "perpetrator",
                AspectType.CATEGORY,
                values={"ukrainian-forces": "", "russian-forces": ""},
            )
        }
    )
    hit = rules.find(text)
    return hit[0] if hit is not None else None


def test_who_fired_by_the_names_each_side_gives_the_others_forces() -> None:
    # what each side calls the other's forces, with a perfect tense and an adverb
    assert _fired("occupation forces have dropped two bombs on the hospital") == "russian-forces"
    assert _fired("the nationalists had deliberately blown up the building") is None
    assert _fired("the nationalists blew up the building") == "ukrainian-forces"
    assert _fired("twin Russian airstrikes targeted a shelter") == "russian-forces"


def test_a_habit_is_no_one_attack() -> None:
    assert _fired("the same drones the occupiers have repeatedly launched at cities") is None


def test_by_a_side_after_a_shooting_down_names_the_defender() -> None:
    assert _fired("reports of the shooting down of the missile by Ukraine were false") is None
    assert _fired("the school was hit by Ukraine") == "ukrainian-forces"


def test_a_part_of_a_whole_in_words_is_a_partial_interception(reader: Reader) -> None:
    got = found(reader, "Twenty-one out of 23 missiles were shot down by air defence.")
    assert ("interception", "partly-intercepted") in got
    assert ("missiles-downed", "Twenty-one") in got
    # "one of the X-22 missiles" is no share
    assert ("interception", "partly-intercepted") not in found(
        reader, "Air defence shot down one of the X-22 missiles."
    )


def test_a_count_among_the_dead_or_injured_is_the_figure(reader: Reader) -> None:
    assert ("injured", "47") in found(reader, "A baby was among the 47 who were injured.")


def test_who_fired_from_what_launched_it_and_who_was_behind_it() -> None:
    assert _fired("cruise missiles fired from a Russian submarine hit the city") == "russian-forces"
    assert _fired("officials said Kyiv was behind the strike") == "ukrainian-forces"
    assert _fired("the Kyiv regime once again sent drones toward the city") == "ukrainian-forces"
    assert _fired("Russia fired two missiles at the city") == "russian-forces"
    assert _fired("she accused the Ukrainian military of targeting the building") == (
        "ukrainian-forces"
    )


def test_a_subset_including_children_is_counted_apart() -> None:
    aspects = dict(Reader.default().aspects)
    aspects["children-killed"] = Aspect("children-killed", AspectType.COUNT)
    reader = Reader(aspects)
    got = found(reader, "Four people, including two children, were killed.")
    assert ("killed", "Four") in got and ("children-killed", "two") in got
    # the three are the dead, not the children ("a child" is no count)
    assert found(reader, "Three were killed including a child.") == [("killed", "Three")]


def test_a_list_opened_by_including_and_never_closed_leaves_the_total(reader: Reader) -> None:
    got = found(reader, "Thirty people, including 12 men and 18 women were killed.")
    assert ("killed", "Thirty") in got


def test_a_death_toll_that_had_increased_gives_its_figure(reader: Reader) -> None:
    assert ("killed", "six") in found(reader, "The death toll had increased to six people.")


def test_bodies_are_a_count_of_the_dead(reader: Reader) -> None:
    assert ("killed", "12") in found(reader, "Rescuers recovered 12 bodies from the rubble.")
    assert ("killed", "half a dozen") in found(
        reader, "There were half a dozen bodies at the scene."
    )


def test_the_shelling_as_a_noun_names_no_target_before_it(reader: Reader) -> None:
    got = found(reader, "Air defence forces destroyed 14 rockets during the Ukrainian shelling.")
    assert not [v for a, v in got if a == "target"]
    assert ("target", ["residential-building"]) in found(reader, "It denied targeting residences.")


def _with_counts(*aspect_ids: str) -> Reader:
    """A reader over the built-in aspects and a claims folder's count aspects."""
    aspects = dict(Reader.default().aspects)
    for aid in aspect_ids:
        aspects[aid] = Aspect(aid, AspectType.COUNT)
    return Reader(aspects)


def test_missiles_shot_down_count_under_either_name_a_folder_gives_it() -> None:
    got = found(_with_counts("missiles-intercepted"), "Air defence shot down seven missiles.")
    assert ("missiles-intercepted", "seven") in got


def test_a_headlines_present_tense_kills_gives_the_count_after_it(reader: Reader) -> None:
    assert ("killed", "12") in found(reader, "Russian strike kills 12 in Kharkiv")
    assert ("killed", "over 600") in found(reader, "The operation kills over 600 servicemen")


def test_children_counted_beside_the_nearer_casualty_word() -> None:
    got = found(
        _with_counts("children-killed", "children-injured"),
        "Six people, including a child, were killed, with another 17 people, including four "
        "children, injured.",
    )
    assert ("children-injured", "four") in got
    assert not [v for a, v in got if a == "children-killed"]


def test_a_recreation_centre_or_holiday_camp_is_a_thing_hit(reader: Reader) -> None:
    assert ("target", ["recreation-centre"]) in found(reader, "A missile hit a recreation centre.")
    assert ("target", ["recreation-centre"]) in found(reader, "Another struck a holiday camp.")


def test_the_search_for_people_counts_the_missing() -> None:
    got = found(_with_counts("missing"), "The search for another 39 people continues.")
    assert ("missing", "39") in got


def test_a_phrase_two_folder_aspects_share_answers_neither() -> None:
    """A folder's ``hit-target`` (hit / missed) and ``event-participants`` (hit /
    sheltered) both have the value "hit": the words cannot say which is meant."""
    aspects = dict(Reader.default().aspects)
    aspects["hit-target"] = Aspect(
        "hit-target", AspectType.CATEGORY, values={"hit": "", "missed": ""}
    )
    aspects["event-participants"] = Aspect(
        "event-participants", AspectType.CATEGORY, values={"hit": "", "sheltered": ""}
    )
    found = [(f.aspect, f.value) for f in Reader(aspects).findings("The missile missed.")]
    assert ("hit-target", "missed") in found
    found = [(f.aspect, f.value) for f in Reader(aspects).findings("The missile hit a car.")]
    assert not [a for a, _ in found if a in ("hit-target", "event-participants")], found


def test_drones_an_attack_was_made_with_were_launched(reader: Reader) -> None:
    for text in ("Russia attacked Kyiv with 40 drones.", "40 drones attacked the city."):
        assert ("drones-launched", "40") in found(reader, text), text


def test_coordinated_weapon_words_name_each_weapon(reader: Reader) -> None:
    weapons = [
        v for a, v in found(reader, "Russia fired ballistic and cruise missiles.") if a == "weapon"
    ]
    assert weapons == [["ballistic-missile", "cruise-missile"]]


def test_what_follows_by_after_a_passive_did_it_and_was_no_interception(
    reader: Reader,
) -> None:
    """ "The school was destroyed by an air defence missile": the school is damaged; the
    missile is the agent, and nothing was intercepted."""
    got = found(reader, "The school was destroyed by an air defence missile.")
    assert ("damage", ["school"]) in got, got
    assert not [a for a, _ in got if a == "interception"], got
    assert ("interception", "all-intercepted") in found(
        reader, "Ten missiles were destroyed by air defence."
    )


def test_a_count_in_parentheses_is_of_the_words_the_parenthesis_follows() -> None:
    aspects = dict(Reader.default().aspects)
    for aid in ("children-killed", "children-injured"):
        aspects[aid] = Aspect(aid, AspectType.COUNT)
    reader = Reader(aspects)
    got = found(
        reader,
        "Ten people were killed (eight residents of the block and two guests of the hotel, "
        "including one child), 30 people were injured (including six children).",
    )
    assert ("children-killed", "one") in got and ("children-injured", "six") in got, got
    assert ("children-injured", "one") not in got, got
    got = found(reader, "Five people (including two children) were injured.")
    assert ("injured", "Five") in got and ("children-injured", "two") in got, got


def test_the_weapon_between_a_strike_and_its_object_is_skipped(reader: Reader) -> None:
    got = found(reader, "The army made a strike with a high-explosive missile at a school.")
    assert ("target", ["school"]) in got, got


def test_no_signs_of_casualties_is_a_count_of_nobody(reader: Reader) -> None:
    assert ("killed", "none") in found(reader, "There were no obvious signs of casualties.")
    assert ("killed", "none") in found(reader, "Reporters saw no sign of bodies at the site.")


def test_soldiers_eliminated_are_counted_dead(reader: Reader) -> None:
    assert ("killed", "Up to 50") in found(reader, "Up to 50 officers were eliminated.")
    assert ("killed", "More than 200") in found(reader, "More than 200 reservists were killed.")


def test_a_target_verb_is_no_value_of_a_folder_category() -> None:
    """A folder's ``hit-target`` (hit / missed): every "hit" in a report says what was hit
    (the target rule reads it), not that the strike hit its designated target."""
    aspects = dict(Reader.default().aspects)
    aspects["hit-target"] = Aspect(
        "hit-target", AspectType.CATEGORY, values={"hit": "", "missed": ""}
    )
    reader = Reader(aspects)
    assert not [a for a, _ in found(reader, "A missile hit a school.") if a == "hit-target"]
    assert ("hit-target", "missed") in found(reader, "The missile missed.")


def test_people_who_could_not_be_saved_are_counted_dead(reader: Reader) -> None:
    assert ("killed", "Four") in found(reader, "Four, including two children, could not be saved.")
