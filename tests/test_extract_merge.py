"""Many drafts, one valid folder: drafts of several reports agree on parties and events."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.extract import Extractor, Registry
from claimgraph.extract.merge import unify_drafts
from claimgraph.load import read_corpus

ONE = (
    "URL: https://example.org/2024/05/14/odesa\n"
    "Drones hit Odesa port\n\n"
    "Drones struck the port of Odesa overnight, the Zorya Monitoring Group said. "
    "Two people were injured, the Zorya Monitoring Group said."
)
TWO = (
    "Odesa port attacked\n\n"
    "MOSCOW, May 14. /TASS/. Russian forces hit the port of Odesa with drones, "
    "the ZORYA monitoring group said. Three people were injured in Odesa, the "
    "Zorya monitoring group reported."
)


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    (tmp_path / "claims").mkdir()
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "one.txt").write_text(ONE)
    (tmp_path / "reports" / "two.txt").write_text(TWO)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_same_unknown_speaker_in_two_drafts_is_one_party_with_its_spellings() -> None:
    ex = Extractor(Registry())
    a, b = ex.extract(ONE, "one.txt"), ex.extract(TWO, "two.txt")
    unify_drafts([a, b])
    [pid] = {c.party for c in a.claims + b.claims}
    assert a.parties[pid] == b.parties[pid]
    assert a.parties[pid].name == "Zorya Monitoring Group"
    assert "ZORYA monitoring group" in a.parties[pid].aliases


def test_reports_of_the_same_strike_share_one_event_even_from_a_dateline_without_year() -> None:
    ex = Extractor(Registry())
    a, b = ex.extract(ONE, "one.txt"), ex.extract(TWO, "two.txt")
    assert {c.event for c in b.claims} == {"odesa-undated"}
    unify_drafts([a, b])
    assert {c.event for c in a.claims} == {c.event for c in b.claims} == {"odesa-2024-05-14"}
    assert a.events["odesa-2024-05-14"] == b.events["odesa-2024-05-14"]


def test_drafts_of_many_reports_validate_together_and_give_one_comparison(
    runner: CliRunner, project: Path
) -> None:
    result = runner.invoke(app, ["extract", "reports/one.txt", "reports/two.txt"])
    assert result.exit_code == 0, result.output
    corpus, report = read_corpus(project / "claims", include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]
    assert list(corpus.events) == ["odesa-2024-05-14"]
    result = runner.invoke(app, ["report", "--include-drafts", "claims", "-o", "out"])
    assert result.exit_code == 0, result.output
    assert (project / "out" / "odesa-2024-05-14.md").is_file()


def test_a_later_run_keeps_what_earlier_drafts_define(runner: CliRunner, project: Path) -> None:
    assert runner.invoke(app, ["extract", "reports/one.txt"]).exit_code == 0
    assert runner.invoke(app, ["extract", "reports/two.txt"]).exit_code == 0
    corpus, report = read_corpus(project / "claims", include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]
    assert list(corpus.events) == ["odesa-2024-05-14"]
    assert len([p for p in corpus.parties if p.startswith("unknown-zorya")]) == 1


def test_a_report_joins_the_claims_folders_event_another_draft_uses() -> None:
    from datetime import date

    from claimgraph.model import Event

    reg = Registry()
    reg.events["odesa-port-strike"] = Event(
        "odesa-port-strike", "Strike on Odesa port", date=date(2024, 5, 14), place="Odesa"
    )
    ex = Extractor(reg)
    a = ex.extract(ONE, "one.txt")
    b = ex.extract("Odesa port hit\n\nDrones struck Odesa, the Zorya group said.", "b.txt")
    assert {c.event for c in a.claims} == {"odesa-port-strike"}
    # undated, on the folder's only Odesa event: that event already when extracted
    assert {c.event for c in b.claims} == {"odesa-port-strike"}
    unify_drafts([a, b])
    assert {c.event for c in b.claims} == {"odesa-port-strike"}
    assert b.events["odesa-port-strike"].known  # referenced, not defined again


@pytest.mark.parametrize(
    ("place", "other"),
    [
        ("Odesa, Lanzheronivska Street", "b.txt"),  # a street after the town
        ("Odesa and Odesa region (port, suburbs)", "c.txt"),  # a list, a remark
    ],
)
def test_a_claims_folder_event_whose_place_adds_a_street_or_a_list_is_joined_by_the_town(
    place: str, other: str
) -> None:
    from datetime import date

    from claimgraph.model import Event

    reg = Registry()
    reg.events["odesa-port-strike"] = Event(
        "odesa-port-strike", "Strike on the port", date=date(2024, 5, 14), place=place
    )
    ex = Extractor(reg)
    a = ex.extract(ONE, "one.txt")
    undated = ex.extract("Odesa port hit\n\nDrones struck Odesa, the Zorya group said.", other)
    partial = ex.extract(TWO, "two.txt")  # "MOSCOW, May 14. /TASS/.": no year
    assert {c.event for c in a.claims} == {"odesa-port-strike"}
    unify_drafts([a, undated, partial])
    assert {c.event for c in undated.claims} == {"odesa-port-strike"}
    assert {c.event for c in partial.claims} == {"odesa-port-strike"}


def test_an_undated_report_does_not_join_another_town_of_the_same_region() -> None:
    ex = Extractor(Registry())
    a = ex.extract(
        "Date: 2024-05-14\nDrones hit Izmail\n\nDrones struck Izmail, the Zorya group said.",
        "a.txt",
    )
    b = ex.extract("Odesa port hit\n\nDrones struck Odesa, the Zorya group said.", "b.txt")
    unify_drafts([a, b])
    assert {c.event for c in b.claims} == {"odesa-undated"}


def _registry_with(*events: tuple[str, str, str]) -> Registry:
    from datetime import date

    from claimgraph.model import Event

    reg = Registry()
    for eid, day, place in events:
        reg.events[eid] = Event(
            eid, f"Strike on {place}", date=date.fromisoformat(day), place=place
        )
    return reg


UNDATED = "Odesa port hit\n\nDrones struck Odesa on Thursday, the Zorya group said."


def test_an_undated_report_on_the_folders_only_event_of_its_place_is_that_event() -> None:
    reg = _registry_with(("odesa-port", "2024-05-14", "Odesa city centre"))
    draft = Extractor(reg).extract(UNDATED, "u.txt")
    assert {c.event for c in draft.claims} == {"odesa-port"}


def test_an_undated_report_stays_undated_when_the_folder_has_two_events_of_its_place() -> None:
    reg = _registry_with(
        ("odesa-may", "2024-05-14", "Odesa"), ("odesa-june", "2024-06-02", "Odesa, the railway")
    )
    # (the headline names the port, neither event's own words)
    draft = Extractor(reg).extract(UNDATED, "u.txt")
    assert {c.event for c in draft.claims} == {"odesa-undated"}


def test_a_dateline_day_far_from_the_folders_event_keeps_the_report_apart() -> None:
    reg = _registry_with(("odesa-may", "2024-05-14", "Odesa"))
    text = (
        "Odesa port attacked\n\nMOSCOW, June 20. /TASS/. Drones struck Odesa, the Zorya group said."
    )
    assert {c.event for c in Extractor(reg).extract(text, "t.txt").claims} != {"odesa-may"}
    near = text.replace("June 20", "May 15")
    assert {c.event for c in Extractor(reg).extract(near, "t.txt").claims} == {"odesa-may"}


def test_an_undated_draft_joins_a_dated_event_whose_place_adds_words_to_its_town() -> None:
    from datetime import date

    from claimgraph.model import Event

    ex = Extractor(Registry())
    undated = ex.extract(UNDATED, "u.txt")
    prior = Event(
        "odesa-port", "Strike on the port", date=date(2024, 5, 14), place="Odesa city centre"
    )
    unify_drafts([undated], prior_events=[prior])
    assert {c.event for c in undated.claims} == {"odesa-port"}


def test_reports_of_one_strike_take_its_earliest_day_not_the_most_reported_one() -> None:
    ex = Extractor(Registry())
    day = ex.extract(
        "Date: 2024-05-14\nDrones hit Odesa\n\nDrones struck Odesa, the Zorya group said.", "a.txt"
    )
    after = [
        ex.extract(
            "Date: 2024-05-15\nDrones hit Odesa\n\nDrones struck Odesa, the Zorya group said.",
            f"{n}.txt",
        )
        for n in ("b", "c")
    ]
    unify_drafts([day, *after])
    # two reports the morning after do not move the strike to a day after the first report
    assert {c.event for d in (day, *after) for c in d.claims} == {"odesa-2024-05-14"}


def test_an_undated_report_takes_the_event_of_its_place_that_its_headline_names() -> None:
    reg = _registry_with(
        ("odesa-theatre", "2024-05-14", "Odesa, the opera theatre"),
        ("odesa-port", "2024-06-02", "Odesa, the grain port"),
    )
    ex = Extractor(reg)
    theatre = "Bomb hits Odesa theater\n\nDrones struck Odesa on Thursday, the Zorya group said."
    port = "Odesa port hit\n\nDrones struck Odesa on Thursday, the Zorya group said."
    neither = "Odesa hit\n\nDrones struck Odesa on Thursday, the Zorya group said."
    assert {c.event for c in ex.extract(theatre, "t.txt").claims} == {"odesa-theatre"}
    assert {c.event for c in ex.extract(port, "p.txt").claims} == {"odesa-port"}
    assert {c.event for c in ex.extract(neither, "n.txt").claims} == {"odesa-undated"}


def test_the_thing_hit_chooses_the_event_over_words_of_the_titles() -> None:
    # both titles say "strike on"; only the hospital's says "as", which the lede also says
    from datetime import date

    from claimgraph.model import Event

    reg = Registry()
    for eid, day, title in (
        ("odesa-theatre", "2024-05-14", "Strike on the opera theatre, used as a shelter"),
        ("odesa-hospital", "2024-06-02", "Strike on the children's hospital"),
    ):
        reg.events[eid] = Event(eid, title, date=date.fromisoformat(day), place="Odesa")
    ex = Extractor(reg)
    text = (
        "Ministry calls hospital strike a fake\n\nThe ministry dismissed the reports of a "
        "hospital hit in Odesa as fake news, the Zorya group said."
    )
    assert {c.event for c in ex.extract(text, "h.txt").claims} == {"odesa-hospital"}


def test_a_day_named_in_passing_does_not_outweigh_the_event_the_headline_names() -> None:
    reg = _registry_with(
        ("odesa-theatre", "2024-05-14", "Odesa, the opera theatre"),
        ("odesa-port", "2024-06-02", "Odesa, the grain port"),
    )
    ex = Extractor(reg)
    text = (
        "Bomb hits Odesa theater\n\nDrones struck Odesa's theatre, the Zorya group said. "
        "The roof fell in. Rescuers searched the rubble. Two people were hurt.\n\n"
        "The group recalled the attack on the port on June 2."
    )
    # the only day the text names is the port's; the headline names the theatre
    assert {c.event for c in ex.extract(text, "t.txt").claims} == {"odesa-theatre"}
    # a dateline's day still stops the guess
    dated = "ODESA, May 30 (Zorya) -\n" + text
    assert {c.event for c in ex.extract(dated, "d.txt").claims} != {"odesa-theatre"}


def test_an_undated_report_joins_no_dated_event_whose_headlines_name_another_thing_hit() -> None:
    ex = Extractor(Registry())
    dated = ex.extract(
        "Date: 2024-05-14\nMissile hits Odesa hospital\n\nA missile struck Odesa, the Zorya "
        "group said.",
        "a.txt",
    )
    theatre = ex.extract(
        "Bomb hits Odesa theater\n\nA bomb struck Odesa, the Zorya group said.", "b.txt"
    )
    hospital = ex.extract(
        "Odesa hospital hit again\n\nA missile struck Odesa, the Zorya group said.", "c.txt"
    )
    unify_drafts([dated, theatre, hospital])
    assert {c.event for c in theatre.claims} == {"odesa-undated"}  # not the hospital's
    assert {c.event for c in hospital.claims} == {"odesa-2024-05-14"}


def test_a_headline_naming_only_a_kind_of_place_rules_no_report_out() -> None:
    ex = Extractor(Registry())
    dated = ex.extract(
        "Date: 2024-05-14\nMissile strike on Odesa\n\nA missile struck Odesa, the Zorya "
        "group said.",
        "a.txt",
    )
    general = ex.extract(
        "Strikes on civilian infrastructure in Odesa\n\nA missile struck Odesa, the Zorya "
        "group said.",
        "b.txt",
    )
    theatre = ex.extract(
        "Bomb hits Odesa theater\n\nA bomb struck Odesa, the Zorya group said.", "c.txt"
    )
    unify_drafts([dated, general, theatre])
    # "civilian infrastructure" names no particular thing hit: the theatre report may join
    assert {c.event for c in theatre.claims} == {"odesa-2024-05-14"}


def test_a_registered_place_spelled_the_russian_way_is_the_reports_place() -> None:
    reg = _registry_with(("chaplyne-strike", "2022-08-24", "Chaplyne, railway station"))
    ex = Extractor(reg)
    text = (
        "Date: 2022-08-25\nMissile hits station\n\nA missile struck the Chaplino railway "
        "station, officials said. A second strike hit near Novyi Buh."
    )
    assert {c.event for c in ex.extract(text, "c.txt").claims} == {"chaplyne-strike"}
    # another village's name is no other spelling of it
    other = text.replace("Chaplino", "Chaplynka")
    assert "chaplyne-strike" not in {c.event for c in ex.extract(other, "o.txt").claims}


def test_a_report_from_the_regions_town_joins_the_folders_overnight_event_in_a_village() -> None:
    """The folder's strike was overnight (31 December to 1 January) in a village the
    gazetteer lacks; a report dated 1 January from the region's town is of it."""
    from datetime import date

    from claimgraph.model import Event

    reg = Registry()
    reg.events["village-strike"] = Event(
        "village-strike",
        "Drone strike on a cafe in Khorlove",
        start=date(2025, 12, 31),
        end=date(2026, 1, 1),
        place="Khorlove, a cafe",
        region="Kherson Oblast",
    )
    ex = Extractor(reg)
    a = ex.extract(
        "Drone strike on a cafe in Khorlove\n\nDrones hit a cafe in the village of Khorlove in "
        "the Kherson region, Vladimir Saldo said.",
        "a.txt",
    )
    b = ex.extract(
        "date 2026-01-01\n\nDrones hit a cafe in Kherson overnight, Vladimir Saldo said.", "b.txt"
    )
    assert {c.event for c in a.claims} == {"village-strike"}
    unify_drafts([a, b])
    assert {c.event for c in b.claims} == {"village-strike"}
