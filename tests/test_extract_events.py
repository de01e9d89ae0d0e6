"""Dates, places and the events a report names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from claimgraph.extract import extract_report
from claimgraph.extract.attribution import Registry
from claimgraph.extract.events import DateRef, Gazetteer, date_line, find_dates
from claimgraph.model import Event, Party


def days(text: str, ref: date | None = None) -> list[str]:
    return [str(d) for d in find_dates(text, ref)]


def test_the_date_line_gives_a_day_or_a_month() -> None:
    ref, n = date_line(" date 2023-03-20 On the evening")
    assert ref is not None and str(ref) == "2023-03-20" and n == 16
    month, _ = date_line("date 2024-01 text")
    assert month is not None and (month.start, month.end) == (date(2024, 1, 1), date(2024, 1, 31))
    assert date_line("no date line here") == (None, 0)
    assert date_line("date 2023-02-30 text") == (None, 0)


def test_month_and_day_take_the_year_of_the_report() -> None:
    assert days("On the evening of January 4, it began.", ref=date(2024, 1, 31)) == ["2024-01-04"]
    assert days("On December 30 it began.", ref=date(2024, 1, 2)) == ["2023-12-30"]


def test_a_weekday_with_the_date_picks_a_year_that_fits() -> None:
    assert days("Explosions rang out on Thursday, March 21, in the city.") == ["2024-03-21"]


def test_a_bare_weekday_is_the_last_such_day_before_the_report() -> None:
    assert days("On Wednesday, strikes hit.", ref=date(2024, 3, 21)) == ["2024-03-20"]
    assert days("Since Wednesday morning", ref=None) == []


def test_periods_of_a_month() -> None:
    assert days("at the end of November 2023") == ["2023-11-21..2023-11-30"]
    assert days("in early November", ref=date(2024, 1, 15)) == ["2023-11-01..2023-11-10"]
    assert days("in mid-March 2024") == ["2024-03-11..2024-03-20"]


def test_day_month_order_and_iso_dates() -> None:
    assert days("on 21 March 2024 and on 2024-03-22") == ["2024-03-21", "2024-03-22"]


def test_date_slugs() -> None:
    assert DateRef(date(2024, 3, 21), date(2024, 3, 21)).slug == "2024-03-21"
    assert DateRef(date(2023, 11, 21), date(2023, 11, 30)).slug == "2023-11"


def test_gazetteer_finds_places_and_aliases_case_insensitively() -> None:
    g = Gazetteer.default()
    found = [
        (p.name, text) for p, s, e in g.find("in kyiv and Kiev, near Dzhankoy") for text in [None]
    ]
    assert [name for name, _ in found] == ["Kyiv", "Kyiv", "Dzhankoi"]


def test_a_claims_folder_gazetteer_extends_the_built_in_one(tmp_path: Path) -> None:
    extra = tmp_path / "gazetteer.yaml"
    extra.write_text("x-gazetteer:\n  places:\n    Kurdiumivka: {region: Donetsk Oblast}\n")
    g = Gazetteer.default()
    g.read(extra)
    assert [p.name for p, _, _ in g.find("fighting near Kurdiumivka")] == ["Kurdiumivka"]
    assert not Gazetteer.default().find("Kurdiumivka")  # the built-in one is untouched


def test_a_gazetteer_without_places_is_refused() -> None:
    with pytest.raises(ValueError, match="places"):
        Gazetteer.from_data({"towns": {}})


REG = Registry.from_parties(
    [
        Party("mod", "Russian Ministry of Defence", "russia", aliases=("the russians",)),
        Party("una", "Ukrainian News Agency", "ukraine", kind="media"),
    ]
)


def test_a_report_naming_two_dated_events_gets_two_events() -> None:
    text = (
        "date 2024-01 On the evening of January 4, the Russian Ministry of Defence said that "
        "ten missiles were shot down over Sevastopol.\n\n"
        "As Ukrainian News Agency earlier reported, at the end of November 2023, in the occupied "
        "Dzhankoi, drones allegedly hit a radar."
    )
    draft = extract_report(text, "r.txt", REG)
    events = {c.event for c in draft.claims}
    assert events == {"sevastopol-2024-01-04", "dzhankoi-2023-11"}
    assert draft.events["dzhankoi-2023-11"].when is not None
    assert draft.source["published"] == date(2024, 1, 4)


def _events_of(text: str, reg: Registry = REG) -> set[str]:
    """The events a report's drafted claims are on."""
    return {c.event for c in extract_report(text, "r.txt", reg).claims}


def test_a_region_the_lede_names_beats_a_town_of_another_region_named_in_passing() -> None:
    # the village is not in the gazetteer; Odesa comes up only in a comparison far below
    text = (
        "date 2024-03-02 Drones hit a cafe in a village of the Kherson region, the Russian "
        "Ministry of Defence said.\n\nNine people were killed, the ministry said.\n\n"
        "The ministry said more details would follow.\n\nThe ministry said so again.\n\n"
        "The governor said the attack was worse than the fire in Odesa."
    )
    assert _events_of(text) == {"kherson-oblast-2024-03-02"}


def test_the_day_a_statement_was_made_in_the_early_hours_is_no_incident_of_its_own() -> None:
    text = (
        "date 2024-03-03 A drone hit a school in Kherson on Saturday, Oleksandr Prokudin "
        "said.\n\nThe Ministry of Defence of Russia claimed in the early hours of Sunday that "
        "the missiles were launched from the Mykolaiv region."
    )
    events = _events_of(text)
    assert len(events) == 1, events


@pytest.mark.parametrize(("day", "joined"), [("2024-03-06", True), ("2024-03-15", False)])
def test_a_report_days_after_the_folders_strike_of_its_place_is_of_it(
    day: str, joined: bool
) -> None:
    """A report that names no day of the strike (a Security Council meeting on it, days
    later) is of the folder's one strike of the place in the week before."""
    reg = Registry.from_parties(list(REG.parties.values()))
    reg.events["hroza-strike"] = Event(
        "hroza-strike", "Strike on a cafe in Hroza", date=date(2024, 3, 2), place="Hroza"
    )
    text = (
        f"date {day} The Russian Ministry of Defence said at a meeting of the council that the "
        "strike on the cafe in the village of Hroza hit a military gathering."
    )
    events = _events_of(text, reg)
    assert (events == {"hroza-strike"}) is joined, events


def test_a_meanwhile_paragraph_on_what_the_strikes_also_hit_stays_on_the_strike() -> None:
    text = (
        "date 2024-03-02 Drones hit a school in Kherson, Oleksandr Prokudin said.\n\n"
        "Meanwhile, the Russian Ministry of Defence said the strikes also hit a depot in "
        "Mykolaiv."
    )
    assert _events_of(text) == {"kherson-2024-03-02"}


def test_an_event_the_claims_folder_knows_is_reused_not_redefined() -> None:
    reg = Registry.from_parties(REG.parties.values())
    reg.events["crimea-attack"] = Event(
        "crimea-attack", "Attack", date=date(2024, 1, 4), place="Sevastopol and Yevpatoria"
    )
    text = (
        "date 2024-01-04 The Russian Ministry of Defence said that ten missiles fell on Sevastopol."
    )
    draft = extract_report(text, "r.txt", reg)
    assert {c.event for c in draft.claims} == {"crimea-attack"}
    assert draft.events["crimea-attack"].known


def test_a_claims_folder_gazetteer_does_not_upset_the_claim_loader(tmp_path: Path) -> None:
    from claimgraph.extract.events import load_gazetteer
    from claimgraph.load import read_corpus

    (tmp_path / "gazetteer.yaml").write_text(
        "x-gazetteer:\n  places:\n    Kozinka: {region: Belgorod Oblast, coords: [50.5, 35.6]}\n"
    )
    _, report = read_corpus(tmp_path)
    assert report.errors == []
    assert [p.name for p, _, _ in load_gazetteer(tmp_path).find("near Kozinka")] == ["Kozinka"]


def test_a_copy_of_the_gazetteer_shares_its_matcher_until_a_place_is_added() -> None:
    base = Gazetteer.default()
    copy = base.copy()
    assert copy._phrases() is base._phrases()  # compiled once
    copy.add({"places": {"Kurdiumivka": {"region": "Donetsk Oblast"}}})
    assert [p.name for p, _, _ in copy.find("near Kurdiumivka")] == ["Kurdiumivka"]
    assert base.find("near Kurdiumivka") == []
