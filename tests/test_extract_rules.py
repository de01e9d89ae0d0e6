"""General reading rules, each stated in words of our own (not a test article's)."""

from __future__ import annotations

from datetime import date

from claimgraph.extract import Extractor
from claimgraph.extract.attribution import Registry
from claimgraph.extract.draft import DraftClaim
from claimgraph.model import Event, Party

REG = Registry.from_parties(
    [
        Party("mod", "Ministry of Defence of Russia", "russia", kind="military"),
        Party("moscow-gov", "Russian government", "russia", aliases=("Moscow",)),
        Party("ru-officials", "Russian officials", "russia", aliases=("Russian officials",)),
        Party("gov-x", "Kherson administration", "ukraine", aliases=("Oleksandr Prokudin",)),
    ]
)


def _claims(text: str) -> list[tuple[str, str, object]]:
    draft = Extractor(REG).extract(text, "r.txt")
    return [(c.party, c.aspect, c.value) for c in draft.claims]


def test_a_capitals_summary_restated_by_a_named_party_of_its_side_is_not_a_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nAt least nine people died in Kherson, Moscow said. "
        "The Ministry of Defence of Russia said that nine people died in Kherson."
    )
    assert ("mod", "killed", "nine") in found
    assert not [c for c in found if c[0] == "moscow-gov"]


def test_a_capitals_claim_nobody_restates_is_kept() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nNine people died in Kherson, Moscow said. "
        "The Ministry of Defence of Russia said that forty people died in Kherson."
    )
    assert ("moscow-gov", "killed", "Nine") in found


def test_officials_the_words_give_a_side_are_a_speaker_of_their_own() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nAt least nine people died in Kherson, Russian officials said. "
        "The Ministry of Defence of Russia said that nine people died in Kherson."
    )
    assert ("ru-officials", "killed", "At least nine") in found


def _folder_reg() -> Registry:
    from claimgraph.model import Aspect, AspectType

    reg = Registry.from_parties(list(REG.parties.values()))
    reg.aspects["perpetrator"] = Aspect(
        "perpetrator",
        AspectType.CATEGORY,
        values={"ukrainian-forces": "", "russian-forces": ""},
    )
    reg.index()
    return reg


def _folder_claims(text: str) -> list[tuple[str, str, object]]:
    draft = Extractor(_folder_reg()).extract(text, "r.txt")
    return [(c.party, c.aspect, c.value) for c in draft.claims]


def test_a_blame_that_is_the_speech_verb_names_who_fired() -> None:
    found = _folder_claims(
        "Date: 2024-03-02\n\nOleksandr Prokudin blamed Russia for the bombardment of a school."
    )
    assert ("gov-x", "perpetrator", "russian-forces") in found


def test_a_blame_for_something_other_than_the_attack_names_nobody() -> None:
    found = _folder_claims(
        "Date: 2024-03-02\n\nOleksandr Prokudin accused Russia of spreading lies about aid."
    )
    assert not [c for c in found if c[1] == "perpetrator"]


def test_a_sides_forces_as_subject_of_an_attack_verb_fired() -> None:
    found = _folder_claims(
        "Date: 2024-03-02\n\nThe Ministry of Defence of Russia said the Ukrainian side "
        "deliberately shelled a bakery in Kherson."
    )
    assert ("mod", "perpetrator", "ukrainian-forces") in found


def test_a_post_posed_speaker_may_be_followed_by_a_day_or_an_as_of_time() -> None:
    from claimgraph.extract.attribution import find_attribution

    for tail in ("reported Sunday.", "said as of noon on Monday.", "said earlier today."):
        att = find_attribution(f"Nine people were hurt in the blast, regional officials {tail}")
        assert att is not None and att.speaker == "regional officials", tail
        assert att.content_text == "Nine people were hurt in the blast"


def test_no_military_presence_denies_military_target() -> None:
    from claimgraph.extract.values import Reader

    r = Reader.default()
    for clause in (
        "shells fell on a quiet suburb without any military presence",
        "there were no military facilities anywhere near the school",
    ):
        [f] = [f for f in r.findings(clause) if f.aspect == "target"]
        assert f.value == ["military-facility"] and f.stance.value == "denies", clause


def test_a_denied_presence_is_a_denial_of_the_target() -> None:
    found = (
        Extractor(REG)
        .extract(
            "Date: 2024-03-02\n\nOleksandr Prokudin denied that soldiers were stationed at the "
            "military base near the village.",
            "r.txt",
        )
        .claims
    )
    assert [(c.aspect, c.value, c.stance) for c in found if c.aspect == "target"] == [
        ("target", ["military-facility"], "denies")
    ]


def test_only_military_targets_is_a_target_answer() -> None:
    from claimgraph.extract.values import Reader

    [f] = [
        f
        for f in Reader.default().findings("we hit only military-related facilities")
        if f.aspect == "target" and f.stance.value == "asserts"
    ]
    assert f.value == ["military-facility"] and f.stance.value == "asserts"


def test_an_incident_day_named_after_a_date_line_inside_the_text_is_the_events() -> None:
    draft = Extractor(REG).extract(
        "Blasts in Kherson\n\nMarch 4, 2024 10:00\n\nThe city mourned on Monday. "
        "Missiles struck Kherson on Saturday night, the Ministry of Defence of Russia said.",
        "r.txt",
    )
    assert {c.event for c in draft.claims} == {"kherson-2024-03-02"}


def test_a_bare_toll_after_a_statement_in_its_paragraph_is_the_speakers() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nOleksandr Prokudin said a missile hit a school in Kherson. "
        "Four people were wounded.\n\nTwo cars burned.",
        "r.txt",
    )
    assert ("gov-x", "injured", "Four") in [(c.party, c.aspect, c.value) for c in draft.claims]
    assert not [c for c in draft.claims if "cars" in c.quote]  # a new paragraph: nobody's


def test_only_military_targets_also_denies_civilian_ones() -> None:
    from claimgraph.extract.values import Reader

    found = [
        (f.value, f.stance.value)
        for f in Reader.default().findings("our army hits solely military facilities")
        if f.aspect == "target"
    ]
    assert (["military-facility"], "asserts") in found
    denied = [v for v, stance in found if stance == "denies"]
    assert denied and "civilians" in denied[0] and "residential-area" in denied[0]


def test_the_day_a_statement_was_made_is_no_other_incident() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-04\n\nMissiles struck Kherson on Saturday night, killing nine people. "
        "Only military targets were hit, the Ministry of Defence of Russia said on Monday.",
        "r.txt",
    )
    assert {c.event for c in draft.claims} == {"kherson-2024-03-02"}


def test_officials_in_the_capital_not_commenting_are_the_government_declining() -> None:
    draft = Extractor().extract(
        "Date: 2024-03-02\n\nA depot burned in Kherson on Saturday. "
        "Officials in Kyiv did not immediately comment on the fire.",
        "r.txt",
    )
    found = [(c.party, c.stance) for c in draft.claims]
    assert ("ukrainian-officials", "declines") in found


def test_a_layout_label_opening_a_paragraph_is_never_a_speaker() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nThe Ministry of Defence of Russia said that a depot burned "
        "in Kherson.\n\nDetails: the fire spread to two houses, Oleksandr Prokudin said.\n\n"
        'Quote: "Nobody was hurt."\n',
        "r.txt",
    )
    parties = {c.party for c in draft.claims}
    assert "gov-x" in parties
    assert not [p for p in parties if "details" in p or "quote" in p], parties


def test_a_capital_standing_for_its_government_is_no_place_of_the_event() -> None:
    # "the Kyiv regime" and "Moscow's forces" name governments: the strike was in Kherson
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nThe Kyiv regime shelled a market, the Ministry of Defence "
        "of Russia said. Moscow's forces were not in the area, it said. Nine people "
        "died in Kherson, Oleksandr Prokudin said.",
        "r.txt",
    )
    assert {c.event for c in draft.claims} == {"kherson-2024-03-02"}


def test_a_village_the_gazetteer_lacks_named_as_one_in_the_lede_is_the_place() -> None:
    for text in (
        "Date: 2024-03-02\n\nA strike hit a shop in the village of Zorivka, killing nine, "
        "Oleksandr Prokudin said.",
        "Date: 2024-03-02\n\nNine dead after an attack on Zorivka village\n\n"
        "Nine people died in the strike, Oleksandr Prokudin said.",
    ):
        draft = Extractor(REG).extract(text, "r.txt")
        assert {c.event for c in draft.claims} == {"zorivka-2024-03-02"}, text


def test_a_capital_after_a_blame_verb_is_no_place_of_the_event() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nKyiv accused Moscow of a strike that killed nine people in the "
        "village of Zorivka, Oleksandr Prokudin said.",
        "r.txt",
    )
    assert {c.event for c in draft.claims} == {"zorivka-2024-03-02"}


def _events(text: str) -> set[str]:
    return {c.event for c in Extractor(REG).extract(text, "r.txt").claims}


def test_a_village_named_in_apposition_or_with_its_region_is_the_place() -> None:
    for text in (
        "Date: 2024-03-02\n\nA strike hit a shop in Zorivka, a small town near the border, "
        "killing nine, Oleksandr Prokudin said.",
        "Date: 2024-03-02\n\nA strike hit a shop in Zorivka, Kherson region, killing nine, "
        "Oleksandr Prokudin said.",
    ):
        assert _events(text) == {"zorivka-2024-03-02"}, text


def test_a_village_named_in_the_lede_wins_over_a_capital_there() -> None:
    assert _events(
        "Date: 2024-03-02\n\nA strike hit a shop in the town of Zorivka, which Kyiv has held "
        "since spring, killing nine, Oleksandr Prokudin said."
    ) == {"zorivka-2024-03-02"}


def test_an_institution_seated_in_a_capital_is_no_place_of_the_event() -> None:
    assert _events(
        "Date: 2024-03-02\n\nNine people died when missiles hit a market, according to the "
        "Defence Ministry in Moscow.\n\nThe strike on Kherson came at noon."
    ) == {"kherson-2024-03-02"}


def test_a_filing_citys_dateline_with_a_dash_or_a_colon_is_no_event() -> None:
    for opening in ("KYIV-", "KYIV — ", "Kyiv: "):
        text = (
            f"Date: 2024-03-02\n\n{opening}Russia said on Saturday it had struck Kherson, "
            "and Oleksandr Prokudin said nine people died."
        )
        assert _events(text) == {"kherson-2024-03-02"}, opening


def test_capitals_and_a_dash_that_name_no_place_stay_in_the_text() -> None:
    from claimgraph.extract.events import load_gazetteer
    from claimgraph.extract.header import read_header

    text = "Headline\n\nNATO-Russia talks ended without a deal."
    assert read_header(text, load_gazetteer().knows).text == text


def test_a_dateline_whose_parenthesis_holds_the_agency_and_date_dates_the_report() -> None:
    from claimgraph.extract.header import read_header

    h = read_header("Headline\n\nKyiv, (XYZ - Wire News - 3rd Mar, 2024) Russia struck Kherson.")
    assert str(h.when) == "2024-03-03"
    assert h.text.split()[-3:] == ["Russia", "struck", "Kherson."]


def test_a_meanwhile_paragraph_about_another_town_is_another_incident() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nA strike hit a market in Kherson, killing nine people, Oleksandr "
        "Prokudin said.\n\nMeanwhile, a drone hit a house in Sumy, killing two people, "
        "Oleksandr Prokudin said. Four more were hurt there, he said.\n\n"
        "In Kherson, the market stayed shut, Oleksandr Prokudin said.",
        "r.txt",
    )
    by_event: dict[str, set[str]] = {}
    for c in draft.claims:
        by_event.setdefault(c.event, set()).add(c.aspect)
    assert set(by_event) == {"kherson-2024-03-02", "sumy-2024-03-02"}
    assert {"target", "injured"} <= by_event["sumy-2024-03-02"]
    assert "target" in by_event["kherson-2024-03-02"]


def test_meanwhile_with_the_capital_as_speaker_stays_on_the_incident() -> None:
    assert _events(
        "Date: 2024-03-02\n\nA strike hit a market in Kherson, killing nine, Oleksandr "
        "Prokudin said.\n\nMeanwhile, Kyiv has denied that troops were based at the market."
    ) <= {"kherson-2024-03-02"}


def test_a_toll_put_at_a_figure_without_a_speech_verb_is_the_subjects_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "The Ministry of Defence of Russia has put the number of deaths at 14, with 30 injured."
    )
    assert ("mod", "killed", "14") in found
    assert ("mod", "injured", "30") in found


def test_a_toll_updated_to_new_figures_is_the_updaters_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin later updated the casualty toll to 8 dead and 17 wounded."
    )
    assert ("gov-x", "killed", "8") in found
    assert ("gov-x", "injured", "17") in found


def test_a_quotation_left_open_runs_on_to_its_closing_mark_across_paragraphs() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday.\n\n"
        'Oleksandr Prokudin: "The shelling went on all night.\n\n'
        "Seven people were killed in Kherson. "
        'The attackers claimed they were aiming at a depot."\n\n'
        "Nine people were wounded."
    )
    assert ("gov-x", "killed", "Seven") in found
    assert [c for c in found if c[0] == "gov-x" and c[1] == "comment"]
    # the quoted speaker's "they claimed" stays the speaker's words; after the closing mark,
    # a bare sentence is nobody's
    assert all(c[0] == "gov-x" for c in found)
    assert not [c for c in found if c[1] == "injured"]


def test_weapons_supplied_by_the_west_are_a_weapon_value() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "The Ministry of Defence of Russia said the shelling was carried out with "
        "Western-supplied weapons."
    )
    assert [c for c in found if c[1] == "weapon" and "western-weapons" in str(c[2])]


def test_strikes_carried_out_against_military_objectives_answer_the_target() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        'The Ministry of Defence of Russia said: "Our army does not target civilian objectives. '
        'Its strikes are carried out against military objectives."'
    )
    assert ("mod", "target", ["civilian-infrastructure"]) in found
    assert ("mod", "target", ["military-facility"]) in found


def test_the_deaths_of_a_number_of_people_is_a_killed_count() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin said the shelling caused the deaths of at least 12 people."
    )
    assert ("gov-x", "killed", "at least 12") in found


def test_a_participle_of_speech_after_another_verb_attributes_the_quotation() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        'Oleksandr Prokudin expressed his sorrow, stating, "Seven people were killed in Kherson."'
    )
    assert ("gov-x", "killed", "Seven") in found


def test_a_hint_is_a_speakers_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin hinted that seven people were killed in Kherson."
    )
    assert ("gov-x", "killed", "seven") in found


def test_findings_by_an_institution_that_confirm_a_toll_are_the_institutions_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "First inquiries by the Ministry of Defence of Russia confirm at least 12 fatalities."
    )
    assert ("mod", "killed", "at least 12") in found


def test_a_who_said_clause_after_a_named_person_and_apposition_is_that_persons() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "The spokesman was referring to comments by Oleksandr Prokudin, the regional governor, "
        "who said on television on Friday that nine people were killed in Kherson."
    )
    assert ("gov-x", "killed", "nine") in found


def test_a_who_said_clause_of_the_sentences_own_subject_is_no_attribution() -> None:
    from claimgraph.extract.attribution import find_attribution

    assert find_attribution("Residents, who said they heard blasts, ran to the shelters.") is None


def test_adding_after_a_post_posed_speaker_is_that_speakers_second_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Nine drones were shot down over Kherson, the Ministry of Defence of Russia said in a "
        "statement, adding that four people were killed in the city."
    )
    assert ("mod", "location", ["Kherson"]) in found
    assert ("mod", "killed", "four") in found


def test_who_added_after_according_to_a_person_is_that_persons_second_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Four people were killed in Kherson, according to Oleksandr Prokudin, who added that "
        "a school was damaged."
    )
    assert ("gov-x", "killed", "Four") in found
    assert ("gov-x", "damage", ["school"]) in found


def test_adding_after_a_quotation_and_its_speaker_is_that_speakers_second_claim() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        '"It was a crime," Oleksandr Prokudin wrote, adding that seven people were killed.'
    )
    assert ("gov-x", "killed", "seven") in found


def test_accusing_after_a_speaker_gives_the_accusation_to_that_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        '"It was a crime," Oleksandr Prokudin wrote, accusing the army of striking a hospital.'
    )
    assert ("gov-x", "target", ["hospital"]) in found


def test_this_is_stated_in_the_statement_of_x_gives_the_words_before_to_x_not_the_outlet() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday, killing six people. "
        "This is stated in the statement of the Ministry of Defence of Russia, the agency reports."
        '\n\n"Nine more were wounded," the statement reads.'
    )
    assert ("mod", "killed", "six") in found
    assert ("mod", "injured", "Nine") in found


def test_a_country_named_as_the_attacker_does_not_give_a_bare_ministry_its_side() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin said that four people were wounded in Kherson. "
        "According to the defence ministry, Russian troops today shelled Kherson, "
        "killing five people."
    )
    killed = [c for c in found if c[1] == "killed"]
    assert killed
    assert [c[0] for c in killed] == ["ukraine-mod"]


def test_rescuers_managing_to_save_people_give_the_rescued_count() -> None:
    from claimgraph.model import Aspect, AspectType

    reg = Registry.from_parties(list(REG.parties.values()))
    reg.aspects["rescued"] = Aspect("rescued", AspectType.COUNT)
    reg.index()
    draft = Extractor(reg).extract(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Firefighters managed to save 14 people, of whom 3 were pulled from the rubble, "
        "Oleksandr Prokudin said.",
        "r.txt",
    )
    assert [(c.party, c.value) for c in draft.claims if c.aspect == "rescued"] == [("gov-x", "14")]


def test_a_sides_forces_that_had_struck_in_reported_speech_fired() -> None:
    draft = Extractor(_folder_reg()).extract(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin said the Russian forces had deliberately shelled the hospital.",
        "r.txt",
    )
    found = [(c.party, c.aspect, c.value) for c in draft.claims]
    assert ("gov-x", "perpetrator", "russian-forces") in found


def test_a_speaker_who_said_it_according_to_an_outlet_is_the_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin said nine people were killed in Kherson, according to the agency."
    )
    assert ("gov-x", "killed", "nine") in found


def test_a_country_said_it_according_to_a_named_ministry_is_the_ministry() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Earlier, Russia said nine people were killed in Kherson, according to a statement "
        "from the Ministry of Defence of Russia."
    )
    assert ("mod", "killed", "nine") in found


def test_a_clause_opening_the_sentence_before_its_speaker_is_no_part_of_the_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "While blaming the army for the shelling, Oleksandr Prokudin said nine people were "
        "killed in Kherson."
    )
    assert ("gov-x", "killed", "nine") in found


def test_officials_who_said_it_after_according_to_an_outlet_are_the_speakers() -> None:
    from claimgraph.extract.attribution import find_attribution

    att = find_attribution("According to the agency, Oleksandr Prokudin said nine people died.")
    assert att is not None
    assert (att.speaker, att.content_text, att.second_hand) == (
        "Oleksandr Prokudin",
        "nine people died.",
        True,
    )


def test_a_source_line_under_the_lede_names_whose_the_lede_is() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling in Kherson\n\n"
        "Nine people were killed in Kherson on Friday.\n\n"
        "Source: Oleksandr Prokudin on Telegram; the regional police"
    )
    assert ("gov-x", "killed", "Nine") in found


def test_a_quote_label_opens_the_last_speakers_quotation_running_to_its_close() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling in Kherson\n\n"
        "Oleksandr Prokudin said the shelling of Kherson lasted until Friday.\n\n"
        'Quote: "The shelling went on all night.\n\nSeven people were killed."'
    )
    assert ("gov-x", "killed", "Seven") in found


def test_an_educational_institution_and_a_training_centre_are_targets() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        "Oleksandr Prokudin said the missiles hit an educational institution in Kherson. "
        "The Ministry of Defence of Russia said its missiles struck a training centre in Kherson."
    )
    assert ("gov-x", "target", ["educational-institution"]) in found
    assert ("mod", "target", ["military-facility"]) in found


def test_a_speaker_who_earlier_said_it_is_the_speaker() -> None:
    from claimgraph.extract.attribution import find_attribution

    att = find_attribution("The regional governor earlier said nine people had died.")
    assert att is not None and att.content_text == "nine people had died."
    assert find_attribution("The earlier reported figure was lower.") is None


def test_a_quotation_run_on_into_the_sentence_before_a_speaker_calling_it_something() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson on Friday. "
        '"Nine soldiers were killed" when the depot in Kherson was hit, the Ministry of Defence '
        'of Russia said in a statement, calling the strike "precise".'
    )
    assert ("mod", "killed", "Nine") in found


def test_a_country_adjective_before_city_is_no_settlement() -> None:
    # "a strike on Ukrainian city" names no town; the town named after it is the place
    assert _events(
        "Date: 2024-03-02\n\nDeadly strike on Ukrainian city\n\nA strike hit a shop in the "
        "town of Zorivka, killing nine people, Oleksandr Prokudin said."
    ) == {"zorivka-2024-03-02"}


def test_a_countrys_town_is_the_place_but_a_countrys_region_is_not_a_town() -> None:
    assert _events(
        "Date: 2024-03-02\n\nRussia says it struck a depot in Ukraine's Zorivka\n\n"
        "Nine people died, Oleksandr Prokudin said."
    ) == {"zorivka-2024-03-02"}
    from claimgraph.extract.lexicon import lexicon

    assert lexicon().settlement.search("a depot in Ukraine's Kherson region") is None
    assert lexicon().settlement.search("a depot in Russia's Kursk region") is None


def test_a_message_published_by_x_according_to_an_agency_is_xs_second_hand() -> None:
    registry = Registry.from_parties(
        [
            Party("mod", "Ministry of Defence of Russia", "russia", kind="military"),
            Party("wire", "Wire News", "russia", kind="media", aliases=("Wire News",)),
        ]
    )
    draft = Extractor(registry).extract(
        "Date: 2024-03-02\n\nA strike hit a market in Kherson on Friday.\n\n"
        "Such a statement was published by the Ministry of Defense of the Russian Federation, "
        "according to "
        "Wire News.\n\n"
        '"Missiles hit a depot in Kherson, killing nine people," the statement said.',
        "r.txt",
    )
    claims = [c for c in draft.claims if c.aspect in ("killed", "target")]
    assert claims and all(c.party == "mod" for c in claims), [(c.party, c.aspect) for c in claims]


def test_a_towns_name_after_the_region_of_is_the_region() -> None:
    # "the region of Dnipropetrovsk" is the oblast, not the city once called so
    assert _events(
        "Date: 2024-03-02\n\nA strike hit a depot in the region of Dnipropetrovsk, killing "
        "nine people, Oleksandr Prokudin said."
    ) == {"dnipropetrovsk-oblast-2024-03-02"}


def test_a_town_some_distance_west_of_which_it_happened_is_no_place_of_the_event() -> None:
    assert _events(
        "Date: 2024-03-02\n\nA strike hit a shop in the town of Zorivka, some 40 km west of "
        "Russian-occupied Donetsk, killing nine, Oleksandr Prokudin said."
    ) == {"zorivka-2024-03-02"}


def test_a_capital_denying_or_acting_is_its_government_not_the_place() -> None:
    for headline in (
        "Kyiv dismisses claim of hundreds killed in Kramatorsk",
        "Kramatorsk shelled in attacks by Kyiv, officials say",
    ):
        assert _events(
            f"Date: 2024-03-02\n\n{headline}\n\nNine people died, Oleksandr Prokudin said."
        ) == {"kramatorsk-2024-03-02"}, headline


def test_a_settlement_named_further_on_beats_a_region_when_no_town_is_known() -> None:
    assert _events(
        "Date: 2024-03-02\n\nStrike on a station\n\nA strike hit a railway station. Many "
        "died. Rescuers worked all night. The toll rose. The station lies in the village of "
        "Zorivka in the region of Kherson, Oleksandr Prokudin said."
    ) == {"zorivka-2024-03-02"}


def test_weapon_systems_named_in_a_claim_are_its_weapon_values() -> None:
    for words, slug in (
        ("used cluster munitions", "cluster-munitions"),
        ("fired Kh-555 cruise missiles", "kh-55"),
        ("dropped FAB-500 bombs", "aerial-bomb"),
        ("launched a Tornado-S rocket", "tornado-s"),
    ):
        found = _claims(f"Date: 2024-03-02\n\nOleksandr Prokudin said the Russians {words}.")
        weapons = [v for p, a, v in found if (p, a) == ("gov-x", "weapon")]
        assert weapons and isinstance(weapons[0], list) and slug in weapons[0], (words, found)


def test_places_people_gather_and_transport_are_target_items() -> None:
    for words, slug in (
        ("a missile hit a pizzeria", "restaurant"),
        ("a missile hit a hotel", "hotel"),
        ("a drone hit a bus", "bus"),
        ("a missile hit a shopping mall", "shopping-centre"),
        ("the strike targeted a temporary deployment point", "deployment-point"),
    ):
        found = _claims(f"Date: 2024-03-02\n\nOleksandr Prokudin said {words} in Kherson.")
        targets = [v for p, a, v in found if (p, a) == ("gov-x", "target")]
        assert targets and isinstance(targets[0], list) and slug in targets[0], (words, found)


def test_an_absolute_clause_after_the_speaker_goes_on_with_the_speakers_account() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nRussia fired two missiles at Kherson on Tuesday, Oleksandr "
        "Prokudin said, with one missile hitting a hotel in the city centre."
    )
    assert [v for p, a, v in found if (p, a) == ("gov-x", "target") and "hotel" in v]


def test_with_a_second_speaker_claiming_is_not_the_first_speakers_account() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nNine people died in Kherson, Oleksandr Prokudin said, with the "
        "Ministry of Defence of Russia claiming that it hit a depot."
    )
    assert not [c for c in found if c[0] == "gov-x" and c[1] == "target"], found


def test_dismissing_a_claim_that_something_happened_denies_it() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nOleksandr Prokudin dismissed Moscow's claim that 600 soldiers "
        "were killed in Kherson.",
        "r.txt",
    )
    killed = [(c.party, c.value, c.stance) for c in draft.claims if c.aspect == "killed"]
    assert killed == [("gov-x", "600", "denies")]


def test_calling_a_claim_a_lie_denies_what_the_claim_says() -> None:
    for words in ("was a lie", "was nonsense", "is false"):
        draft = Extractor(REG).extract(
            "Date: 2024-03-02\n\nOleksandr Prokudin said the Russian claim that 600 soldiers "
            f"were killed in Kherson {words}.",
            "r.txt",
        )
        killed = [c for c in draft.claims if c.aspect == "killed"]
        assert [(c.party, c.value, c.stance) for c in killed] == [("gov-x", "600", "denies")]
        assert killed[0].quote.startswith("600 soldiers were killed"), killed[0].quote


def test_a_claim_called_accurate_is_not_denied() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nOleksandr Prokudin said reports that 600 soldiers were killed "
        "in Kherson were accurate.",
        "r.txt",
    )
    assert {c.stance for c in draft.claims if c.aspect == "killed"} == {"asserts"}


def test_no_soldiers_killed_is_a_count_of_nobody() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nOleksandr Prokudin said no soldiers had been killed in Kherson."
    )
    assert ("gov-x", "killed", "none") in found


def _catalogue_claims(text: str) -> list[tuple[str, str, object]]:
    draft = Extractor(Registry()).extract(text, "r.txt")
    return [(c.party, c.aspect, c.value) for c in draft.claims]


def test_a_country_named_in_full_is_its_government_and_states_in_it_is_no_verb() -> None:
    for country, party in (("The United States", "us-government"), ("Britain", "uk-government")):
        found = _catalogue_claims(
            f"Date: 2024-03-02\n\n{country} said it would provide Ukraine with cluster munitions."
        )
        assert [p for p, _, _ in found] == [party], (country, found)


def test_a_plural_noun_that_is_also_a_speech_verb_names_no_speaker() -> None:
    for text in (
        "Competing claims emerged over a deadly attack on a school in Kherson.",
        "Preliminary reports indicate that over 30 people were killed in Kherson.",
    ):
        assert not [
            p for p, _, _ in _catalogue_claims(f"Date: 2024-03-02\n\n{text}") if "unknown" in p
        ], text


def test_declaring_days_of_mourning_is_an_act_not_a_statement() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nOleksandr Prokudin declared three days of mourning for the nine "
        "people killed in Kherson."
    )
    assert not found
    assert ("gov-x", "killed", "30") in _claims(
        "Date: 2024-03-02\n\nOleksandr Prokudin declared that 30 people were killed in Kherson."
    )


def test_strikes_carried_out_on_or_inflicted_on_an_object_answer_the_target() -> None:
    for words in (
        "strikes are carried out on military facilities",
        "the strike was inflicted on a military facility",
    ):
        found = _claims(f"Date: 2024-03-02\n\nOleksandr Prokudin said {words} near Kherson.")
        targets = [v for p, a, v in found if (p, a) == ("gov-x", "target")]
        assert targets and "military-facility" in targets[0], (words, found)


def test_a_datelines_town_is_the_place_when_the_lede_names_none_but_not_a_capital() -> None:
    text = (
        "Missiles hit an apartment building\n\n{dl} (AP) - Russia fired missiles at Ukraine "
        "overnight, killing nine people, Oleksandr Prokudin said.\n\nThe attacks included "
        "the first one against Kyiv in two months."
    )
    assert {
        e.split("-")[0] for e in _events("Date: 2024-03-02\n" + text.format(dl="UMAN, Ukraine"))
    } == {"uman"}
    assert {
        e.split("-")[0] for e in _events("Date: 2024-03-02\n" + text.format(dl="KYIV, Ukraine"))
    } == {"kyiv"}


def test_a_capitals_dateline_with_its_country_is_read_and_is_no_place_of_the_event() -> None:
    from claimgraph.extract.events import Gazetteer
    from claimgraph.extract.header import read_header

    text = (
        "Missiles kill nine\n\nKYIV, Ukraine — Kyiv said it was ready to act, after Russia "
        "hit a school in the town of Zorivka overnight, killing nine, Oleksandr Prokudin said."
    )
    header = read_header(text, Gazetteer.default().knows)
    assert header.place == "KYIV" and "KYIV, Ukraine" not in header.text
    assert {e.split("-")[0] for e in _events("Date: 2024-03-02\n" + text)} == {"zorivka"}


def test_a_persons_age_in_apposition_is_no_speaker_and_no_part_of_the_quote() -> None:
    for text in (
        '"Nobody is left in the building," Olga Petrenko, 45, said in Kherson.',
        "Nine people were killed, Olga Petrenko, 45, said.",
    ):
        draft = Extractor(Registry()).extract(f"Date: 2024-03-02\n\n{text}", "r.txt")
        assert {c.party for c in draft.claims} == {"unknown-olga-petrenko"}, text
        assert all("Petrenko" not in c.quote for c in draft.claims), text


def _parties(text: str) -> set[str]:
    return {c.party for c in Extractor(Registry()).extract(text, "r.txt").claims}


def test_bare_officials_are_the_government_of_the_place_that_holds_it() -> None:
    said = "Date: {day}\n\nA missile hit a school in {town}, officials said."
    # a town Ukraine governs, one in Russia, one held by Russian-installed authorities
    assert _parties(said.format(day="2024-03-02", town="Poltava")) == {"ukrainian-officials"}
    assert _parties(said.format(day="2024-03-02", town="Kursk")) == {"russian-officials"}
    assert _parties(said.format(day="2024-03-02", town="Horlivka")) == {
        "donetsk-occupation-authorities"
    }
    # a town that changed hands: who held it on the event's day
    assert _parties(said.format(day="2022-06-01", town="Kherson")) == {
        "kherson-occupation-authorities"
    }
    assert _parties(said.format(day="2023-06-01", town="Kherson")) == {"ukrainian-officials"}


def test_bare_officials_stay_unattributed_where_nobody_is_known_to_govern() -> None:
    # a front-line village the data does not list
    found = _parties("Date: 2024-03-02\n\nA missile hit a school in Kurakhove, officials said.")
    assert not found & {"ukrainian-officials", "donetsk-occupation-authorities"}
    # and officials of a named country are that country's, wherever the strike was
    found = _parties(
        "Date: 2024-03-02\n\nA missile hit a school in Poltava, Russian officials said."
    )
    assert found == {"russian-officials"}


def test_the_governed_places_are_places_the_gazetteer_knows() -> None:
    from claimgraph.extract.events import load_gazetteer
    from claimgraph.extract.governed import builtin_governed

    gazetteer = load_gazetteer(None)
    regions = {p.region for p in gazetteer.places.values()}
    data = builtin_governed()
    assert {r for names in data["regions"].values() for r in names} <= regions
    towns = Extractor(Registry()).governed.towns
    assert len(towns) == len(data["towns"])
    assert set(towns) <= set(gazetteer.places)


def _targets(text: str) -> list[tuple[str, object]]:
    draft = Extractor(REG).extract("Date: 2024-03-02\n\n" + text, "r.txt")
    return [(str(c.stance), c.value) for c in draft.claims if c.aspect == "target"]


def test_troops_are_the_target_only_when_nothing_else_hit_is_named() -> None:
    said = "The Ministry of Defence of Russia said {}."
    assert _targets(said.format("its forces had targeted Ukrainian reserve units")) == [
        ("asserts", ["military-personnel"])
    ]
    # the thing hit, not who was in it
    assert _targets(said.format("its forces hit a deployment point of Ukrainian troops")) == [
        ("asserts", ["deployment-point"])
    ]


def test_an_infinitive_strike_and_an_attack_mounted_on_name_their_target() -> None:
    said = "The Ministry of Defence of Russia said {}."
    assert _targets(said.format("it used a missile to strike a military train")) == [
        ("asserts", ["military-train"])
    ]
    assert _targets(
        "The attack was mounted on a peaceful city, the Kherson administration said."
    ) == [("asserts", ["civilians"])]


def test_a_statement_alleging_attributes_what_follows() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nThe Ministry of Defence of Russia released a statement alleging "
        "that nine people died in Kherson."
    )
    assert ("mod", "killed", "nine") in found


def test_what_a_newsrooms_journalists_saw_is_the_outlets_claim() -> None:
    reg = Registry.from_parties([Party("afp", "Agence France-Presse", "media", aliases=("AFP",))])
    draft = Extractor(reg).extract(
        "Date: 2024-03-02\n\nAFP correspondents on the ground saw rescuers pull two bodies "
        "from the rubble in Kherson. Residents saw a drone.",
        "r.txt",
    )
    assert {c.party for c in draft.claims} == {"afp"}
    assert all(c.quote.startswith("rescuers pull") for c in draft.claims)
    assert all(c.evidence == ["eyewitness"] for c in draft.claims)


def test_troops_that_continued_shelling_are_not_speaking() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nThe Ukrainian troops continued shelling Kherson, killing two "
        "people, Russian officials said."
    )
    assert found and {party for party, _, _ in found} == {"ru-officials"}


def test_a_bylines_date_and_time_is_no_comment() -> None:
    draft = Extractor(REG).extract(
        "Strike on Kherson\nOlena Petrenko (@olena) Published June 28, 2023 | 04:00 PM\n\n"
        "Nine people died in Kherson, the Kherson administration said.",
        "r.txt",
    )
    assert not [c for c in draft.claims if c.aspect == "comment"]


def _drafted(text: str, aspect: str, *values: str) -> list[DraftClaim]:
    """The claims of ``text`` (dated) with REG and a folder's category ``aspect``."""
    from claimgraph.model import Aspect, AspectType

    reg = Registry.from_parties(list(REG.parties.values()))
    reg.aspects.update(Extractor(REG).registry.aspects)
    reg.aspects[aspect] = Aspect(aspect, AspectType.CATEGORY, values=dict.fromkeys(values, ""))
    reg.index()
    return Extractor(reg).extract("Date: 2024-03-02\n\n" + text, "r.txt").claims


def test_the_counted_dead_are_combatants_or_civilians_for_a_folders_victims_aspect() -> None:
    claims = _drafted(
        "Sixty soldiers were killed in Kherson, the Ministry of Defence of "
        "Russia said. Interfax cited the Kherson administration as arguing on Monday that 25 "
        "civilians were purportedly killed.",
        "victims",
        "civilians",
        "combatants",
    )
    got = {(c.party, c.aspect, c.value) for c in claims}
    assert ("mod", "victims", "combatants") in got
    assert ("gov-x", "victims", "civilians") in got
    assert ("gov-x", "killed", "25") in got


def test_a_strike_meant_or_mistaken_answers_a_folders_intent_aspect() -> None:
    claims = _drafted(
        "The missile deliberately targeted a school in Kherson, the Kherson "
        "administration said. The Ministry of Defence of Russia said the strike was a mistake "
        "made by accident. The Kherson administration said it deliberately delayed the report.",
        "intent",
        "deliberate",
        "mistake",
    )
    got = [(c.party, c.value) for c in claims if c.aspect == "intent"]
    # (delaying a report is no attack: no intent there)
    assert got == [("gov-x", "deliberate"), ("mod", "mistake")]


def test_no_military_target_adjacent_denies_one() -> None:
    assert _targets(
        "There weren't any military targets adjacent to the school, the Kherson administration "
        "said."
    ) == [("denies", ["military-facility"])]


def test_a_denial_disputes_neither_the_place_nor_the_other_sides_attack() -> None:
    claims = _drafted(
        "The Kherson administration dismissed Moscow's claim that 600 "
        "soldiers were killed in a Russian attack in Kherson. The Ministry of Defence of Russia "
        "denied that Russian forces shelled Kherson.",
        "perpetrator",
        "ukrainian-forces",
        "russian-forces",
    )
    got = {(c.party, c.aspect, str(c.value), str(c.stance)) for c in claims}
    assert ("gov-x", "killed", "600", "denies") in got
    assert not [c for c in claims if c.party == "gov-x" and c.aspect != "killed"]
    # one's own side's forces are what one denies
    assert ("mod", "perpetrator", "russian-forces", "denies") in got


def test_a_group_named_by_its_noun_alone_after_an_inverted_verb_speaks() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nTwo people were wounded in Kherson, said police.", "r.txt"
    )
    assert ("unknown-police", "injured", "Two") in {
        (c.party, c.aspect, str(c.value)) for c in draft.claims
    }


def test_the_speaker_who_adds_more_after_an_inverted_verb_says_all_of_it() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nFive people died in Kherson, said Oleksandr Prokudin, who added "
        "that two ballistic missiles had struck the port.",
        "r.txt",
    )
    got = {(c.party, c.aspect) for c in draft.claims}
    assert {("gov-x", "killed"), ("gov-x", "weapon")} <= got
    # (a relative clause that says nothing more keeps the words before the verb)
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nFive people died in Kherson, said Oleksandr Prokudin, who was "
        "visiting the port.",
        "r.txt",
    )
    assert [c.quote for c in draft.claims] == ["Five people died in Kherson"]


def test_a_post_posed_speaker_may_be_followed_by_a_long_adverbial_of_where_they_said_it() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nSeven missiles were shot down over Kherson, Oleksandr Prokudin said "
        "in a post on the messaging service Telegram.",
        "r.txt",
    )
    assert ("gov-x", "interception") in {(c.party, c.aspect) for c in draft.claims}


def test_an_adverb_between_speaker_and_verb_is_no_part_of_the_speaker() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nRescuers initially estimated around 300 dead in Kherson.", "r.txt"
    )
    assert ("unknown-rescuers", "killed", "around 300") in {
        (c.party, c.aspect, str(c.value)) for c in draft.claims
    }


def test_a_participle_after_an_article_and_an_adverb_is_no_speech_verb() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nThe toll in Kherson rose from an initially reported 22 to 25, said "
        "Oleksandr Prokudin.",
        "r.txt",
    )
    assert {c.party for c in draft.claims} == {"gov-x"}


def test_a_local_official_of_the_other_side_is_that_sides_authority_of_the_place() -> None:
    reg = Registry.from_parties(
        [
            Party("city", "Kherson city council", "ukraine", kind="city-council"),
            Party(
                "occ", "Occupation authorities of Kherson", "russia", kind="occupation-authority"
            ),
        ]
    )
    reg.aspects.update(_folder_reg().aspects)
    reg.index()
    draft = Extractor(reg).extract(
        "Date: 2024-03-02\n\nA missile hit a market in Kherson. A Russian-installed local "
        "official blamed Ukraine for the attack. A local official blamed Russia for the strike.",
        "r.txt",
    )
    got = {(c.party, str(c.value)) for c in draft.claims if c.aspect == "perpetrator"}
    assert got == {("occ", "ukrainian-forces"), ("city", "russian-forces")}


def test_a_participle_clause_before_the_speaker_is_no_part_of_the_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nReacting to the attack in the early hours of Friday on the "
        "outskirts of the regional capital of the Kherson region, Oleksandr Prokudin said five "
        "people died in Kherson."
    )
    assert ("gov-x", "killed", "five") in found


def test_she_after_a_person_named_in_passing_is_that_person() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nFive people died in Kherson, Oleksandr Prokudin said.\n\n"
        "Near the crater, reporters spoke to Olena Marchenko, sitting on her suitcase.\n\n"
        '"The first rocket hit the queue," she said.',
        "r.txt",
    )
    got = {(c.party, c.aspect) for c in draft.claims}
    assert got == {("gov-x", "killed"), ("unknown-olena-marchenko", "comment")}


def test_a_caption_label_with_a_comma_is_no_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson.\n\nImage caption, Ukraine said five people "
        "died in Kherson"
    )
    assert found == [("ukrainian-officials", "killed", "five")]


def test_a_registered_speaker_ends_a_quotation_left_open_by_a_stray_mark() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson.\n\n"
        "‘We ran to the shelter,” Oleksandr Prokudin said.\n\n"
        "The Ministry of Defence of Russia said its forces hit a depot in Kherson."
    )
    assert ("mod", "target", frozenset({"fuel-depot"})) in {
        (p, a, frozenset(v) if isinstance(v, list) else v) for p, a, v in found
    }


def test_a_capital_as_the_subject_of_an_attack_or_of_independence_is_no_place() -> None:
    assert _events(
        "Date: 2024-03-02\n\nKiev unleashes deadly attack on refugees in Kherson\n\n"
        "Nine people died in Kherson, Oleksandr Prokudin said."
    ) == {"kherson-2024-03-02"}
    assert _events(
        "Date: 2024-03-02\n\nNine people died in a region that declared independence from "
        "Kyiv, in Kherson, Oleksandr Prokudin said."
    ) == {"kherson-2024-03-02"}


def _registered(*events: Event) -> Registry:
    reg = Registry.from_parties(list(REG.parties.values()))
    for ev in events:
        reg.events[ev.id] = ev
    reg.index()
    return reg


def test_a_town_inside_a_hyphenated_name_is_no_place_of_a_registered_event() -> None:
    # "Bilhorod" is also Belgorod's Ukrainian name: the Serhiivka event is not Belgorod's
    reg = _registered(
        Event(
            "serhiivka",
            "Strike on Serhiivka",
            date=date(2022, 7, 1),
            place="Serhiivka, Bilhorod-Dnistrovskyi district",
            region="Odesa Oblast",
        ),
        Event(
            "belgorod",
            "Strike on Belgorod",
            date=date(2024, 2, 15),
            place="Belgorod, shopping centre",
            region="Belgorod Oblast",
        ),
    )
    draft = Extractor(reg).extract(
        "Missile strike on Belgorod\n\nFive people died in Belgorod, the governor said.", "r.txt"
    )
    assert {c.event for c in draft.claims} == {"belgorod"}


def test_a_report_naming_only_the_region_is_on_the_registered_event_in_it() -> None:
    reg = _registered(
        Event(
            "convoy",
            "Strike on a convoy",
            date=date(2024, 3, 2),
            place="Kherson, car market",
            region="Kherson Oblast",
        ),
    )
    draft = Extractor(reg).extract(
        "Date: 2024-03-02\n\nShelling of a convoy in Kherson region kills nine, Oleksandr "
        "Prokudin said.",
        "r.txt",
    )
    assert {c.event for c in draft.claims} == {"convoy"}


def test_what_a_newsroom_named_by_its_acronym_saw_is_its_own_eyewitness_claim() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nShelling hit Kherson.\n\nThe BBC saw half a dozen bodies lying "
        "at the scene in Kherson.",
        "r.txt",
    )
    got = [(c.speaker, c.aspect, str(c.value)) for c in draft.claims if c.aspect == "killed"]
    assert got == [("The BBC", "killed", "half a dozen")]


def test_a_bullet_before_according_to_is_nothing() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson.\n\n- According to Oleksandr Prokudin, nine "
        "people died in Kherson."
    )
    assert ("gov-x", "killed", "nine") in found


def test_denouncing_or_condemning_an_attack_as_something_is_a_statement() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nOleksandr Prokudin denounced the strike on Kherson as a "
        "massacre that killed nine people."
    )
    assert ("gov-x", "killed", "nine") in found


def test_a_leading_participle_clause_before_a_post_posed_verb_is_no_claim() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nWriting on Telegram on Thursday, Oleksandr Prokudin said, citing "
        "early reports, that nine people died in Kherson.",
        "r.txt",
    )
    assert [(c.party, c.aspect) for c in draft.claims if c.aspect != "location"] == [
        ("gov-x", "killed")
    ]


def test_the_public_figure_or_the_head_of_the_administration_is_the_last_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nNine people died in Kherson, Oleksandr Prokudin said.\n\n"
        "The head of the administration said that twelve people were injured."
    )
    assert ("gov-x", "injured", "twelve") in found


def test_what_a_speaker_called_the_thing_hit_is_their_answer() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nA missile hit what Oleksandr Prokudin called an ordinary "
        "residential building in Kherson."
    )
    assert ("gov-x", "target", ["residential-building"]) in found


def test_official_data_are_the_words_of_the_places_officials() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nShelling hit Kherson.\n\nAccording to official data, 153 people "
        "were injured in Kherson."
    )
    # (Kherson is held by Ukraine in March 2024: its officials are Ukraine's)
    assert ("ukrainian-officials", "injured", "153") in found


def test_denying_targeting_civilians_is_no_denial_that_the_victims_were_civilians() -> None:
    from claimgraph.extract.values import builtin_aspects
    from claimgraph.model import Aspect, AspectType

    reg = _folder_reg()
    reg.aspects.update(builtin_aspects())
    reg.aspects["victims"] = Aspect(
        "victims", AspectType.CATEGORY, values={"civilians": "", "combatants": ""}
    )
    reg.index()
    draft = Extractor(reg).extract(
        "Date: 2024-03-02\n\nA missile hit Kherson. The Ministry of Defence of Russia denied "
        "targeting civilians.",
        "r.txt",
    )
    got = {(c.aspect, str(c.stance)) for c in draft.claims if c.party == "mod"}
    assert ("target", "denies") in got
    assert not [a for a, _ in got if a == "victims"]


def test_a_timed_intro_and_a_judging_adverb_are_no_part_of_the_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nA day after the strike on the port of Kherson, Kherson region, the "
        "Ministry of Defence of Russia falsely claimed that it had struck a fuel depot."
    )
    assert found == [("mod", "target", ["fuel-depot"])]


def test_who_blamed_after_according_to_is_the_same_speakers_blame() -> None:
    found = _folder_claims(
        "Date: 2024-03-02\n\nNine people died in Kherson, according to Oleksandr Prokudin, "
        "who blamed the deaths on Russia."
    )
    assert ("gov-x", "perpetrator", "russian-forces") in found


def test_reported_by_an_outlet_with_reference_to_a_channel_is_the_channels_relayed() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nMissiles hit Kherson.\n\nThis was reported by Censor.NET with "
        "reference to the Telegram channel of Oleksandr Prokudin.\n\n"
        '"Nine people died in Kherson," the statement said.',
        "r.txt",
    )
    assert {(c.party, c.aspect) for c in draft.claims} >= {("gov-x", "killed")}
    assert not [c for c in draft.claims if "censor" in c.party]


def test_information_that_indicated_something_leaves_the_according_to_speaker() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nAccording to Oleksandr Prokudin, the “available reliable "
        "information” indicated that nine people died in Kherson."
    )
    assert ("gov-x", "killed", "nine") in found
    assert not [p for p, _, _ in found if p.startswith("unknown")]


def test_a_clause_right_after_the_verb_is_the_content_and_its_that_a_determiner() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nThe Ministry of Defence of Russia claimed there were nine dead "
        "in that city.",
        "r.txt",
    )
    assert [(c.party, c.aspect, str(c.value)) for c in draft.claims] == [("mod", "killed", "nine")]


def test_a_toll_updated_in_a_place_with_a_saying_after_it_is_the_updaters() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nShelling hit Kherson.\n\nRescuers later updated the death toll in "
        "the city to 23, saying the search for another 39 people continues.",
        "r.txt",
    )
    assert {c.party for c in draft.claims} == {"unknown-rescuers"}


def test_an_apostrophe_inside_a_double_quotation_closes_nothing() -> None:
    found = _claims(
        "Date: 2024-03-02\n\n“Nine people died in Kherson. The strike hit the officers’ "
        "residence there,” Oleksandr Prokudin, the head of the region, said in a speech."
    )
    assert ("gov-x", "killed", "Nine") in found
    assert ("gov-x", "target", ["officers-house"]) in found


def test_calling_the_other_sides_claim_a_lie_denies_what_it_said() -> None:
    for words in (
        "The Russian claim was an “absolute lie”, Oleksandr Prokudin said.",
        "“This is nonsense,” Oleksandr Prokudin said.",
        "Oleksandr Prokudin said this claim by Moscow's propaganda has no basis in reality.",
    ):
        draft = Extractor(REG).extract(
            "Date: 2024-03-02\n\nThe Ministry of Defence of Russia said that 600 soldiers were "
            f"killed in Kherson.\n\n{words}",
            "r.txt",
        )
        said = [(c.party, c.aspect, c.value, c.stance) for c in draft.claims]
        assert ("mod", "killed", "600", "asserts") in said, words
        assert ("gov-x", "killed", "600", "denies") in said, (words, said)


def test_a_claim_called_false_with_no_claim_of_another_side_before_denies_nothing() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nOleksandr Prokudin said 600 soldiers were killed in Kherson.\n\n"
        "“This is nonsense,” Oleksandr Prokudin said.",
        "r.txt",
    )
    assert not [c for c in draft.claims if c.stance == "denies"]


def test_who_was_told_after_a_closing_speaker_is_no_part_of_the_words() -> None:
    for tail in ("told AFP.", "told the BBC on Monday.", "told state news agency Ukrinform."):
        found = _claims(
            f"Date: 2024-03-02\n\nNine people died in Kherson, Oleksandr Prokudin {tail}"
        )
        assert ("gov-x", "killed", "Nine") in found, tail


def test_a_claim_noun_before_a_copula_is_no_speech_verb() -> None:
    # "The Russian claim was ..." names no speaker "The Russian"
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nThe Russian claim was untrue, Oleksandr Prokudin said.", "r.txt"
    )
    assert {c.party for c in draft.claims} == {"gov-x"}


def test_a_speaker_with_two_appositions_who_told_an_outlet_is_the_speaker() -> None:
    for who in (
        "Oleksandr Prokudin, a spokesman for the Kherson administration, told AFP.",
        "Oleksandr Prokudin, the head of the region, a former general, told AFP.",
    ):
        found = _claims(f"Date: 2024-03-02\n\nNine people died in Kherson, {who}")
        assert [c[0] for c in found] == ["gov-x"], (who, found)


def test_a_closing_speaker_says_the_clauses_before_a_semicolon_too() -> None:
    found = _claims(
        "Date: 2024-03-02\n\nSeven people were killed in Kherson; 40 people were injured, "
        "Oleksandr Prokudin said."
    )
    assert ("gov-x", "killed", "Seven") in found and ("gov-x", "injured", "40") in found


def test_a_clause_between_commas_before_the_speaker_is_no_title() -> None:
    found = _claims(
        "Date: 2024-03-02\n\n40 people, including 15 children, were injured in Kherson, "
        "Oleksandr Prokudin said."
    )
    assert ("gov-x", "injured", "40") in found, found


def test_a_speech_verb_before_a_colon_is_no_part_of_the_speaker() -> None:
    for who in ("An organiser of the fair later added", "An organiser of the fair said"):
        found = _claims(f'Date: 2024-03-02\n\n{who}: "Nine people died in Kherson."')
        assert {c[0] for c in found} == {"unknown-organiser-of-the-fair"}, (who, found)


def test_a_second_statement_after_and_is_read_on_its_own() -> None:
    """ "X said A and repeated that B": A and B are two statements; B's denial does not
    turn A's answer into one, nor A's verb take B's words alone."""
    for verb in ("said", "insisted"):
        draft = Extractor(REG).extract(
            f"Date: 2024-03-02\n\nOleksandr Prokudin {verb} Russia was striking hospitals in "
            "Kherson and repeated that Ukraine does not target civilians.",
            "r.txt",
        )
        targets = [(c.value, c.stance) for c in draft.claims if c.aspect == "target"]
        assert (["hospital"], "asserts") in targets, (verb, targets)
        assert (["civilians"], "denies") in targets, (verb, targets)


def test_the_one_named_after_with_says_what_follows_the_participle() -> None:
    draft = Extractor(REG).extract(
        "Date: 2024-03-02\n\nRussian drones attacked the port of Kherson in the early hours "
        "of Saturday, with the Ministry of Defence of Russia claiming it shot down 40 drones "
        "over the region, marking the largest attack this year.",
        "r.txt",
    )
    said = [(c.party, c.quote) for c in draft.claims]
    assert said and {q for _, q in said} == {"it shot down 40 drones over the region"}, said
    assert {p for p, _ in said} == {"mod"}


def test_denying_it_or_the_claim_denies_what_the_other_side_said() -> None:
    for words in ("denied it.", "denied the claim.", "rejected these reports."):
        draft = Extractor(REG).extract(
            "Date: 2024-03-02\n\nThe Ministry of Defence of Russia said nine soldiers died in "
            f"Kherson.\n\nOleksandr Prokudin {words}",
            "r.txt",
        )
        said = [(c.party, c.aspect, c.value, c.stance) for c in draft.claims]
        assert ("gov-x", "killed", "nine", "denies") in said, (words, said)
        assert ("gov-x", "killed", "nine", "asserts") not in said, (words, said)
