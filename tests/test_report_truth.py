"""Issue 14: every figure, count and word of a report is one that the claims support.

Most tests read ``tests/data/report/port-strike``: the Russian Defence Ministry
(through TASS) and the Odesa governor (through Suspilne) on one port strike,
with a port operator and residents.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import pytest

from claimgraph.analysis.assess import Assessment, assess
from claimgraph.load import load_corpus
from claimgraph.views.frames import render_frame
from claimgraph.views.markdown import render_event, render_index

EVENT = "odesa-port-strike-2024-03-15"


@pytest.fixture
def port(claims_dir: Callable[[str], Path]) -> Path:
    return claims_dir("report/port-strike")


@pytest.fixture
def port_assessment(port: Path) -> Assessment:
    return assess(load_corpus(port))


@pytest.fixture
def port_report(port_assessment: Assessment) -> str:
    return render_event(port_assessment, EVENT)


def _section(report: str, title: str) -> str:
    start = report.index(f"## {title}\n")
    end = report.find("\n## ", start + 1)
    return report[start : end if end != -1 else None]


# ------------------------------------------------------------ drift bugs


@pytest.mark.parametrize("text", ["\t=1+1", "\r=1+1", "  =1+1", " -2", "\t@SUM(A1)"])
def test_claims_csv_defuses_formulas_after_a_tab_cr_or_spaces(text: str) -> None:
    out = render_frame(pd.DataFrame([{"quote": text}]), "csv")
    assert out.splitlines()[1].lstrip('"').startswith("'")


def test_timeline_keeps_the_time_zone_of_a_statement(port_report: str) -> None:
    timeline = _section(port_report, "Timeline of statements")
    assert "2024-03-15 18:30+03:00" in timeline
    assert "2024-03-15 18:30Z" in timeline


# ------------------------------------------------------------ 1. figures


def _figures_row(report: str, question: str) -> list[str]:
    for line in _section(report, "Figures").splitlines():
        if line.startswith(f"| {question} |"):
            return [cell.strip() for cell in line.strip("|").split("|")]
    raise AssertionError(f"no Figures row for {question}")


def test_up_to_30_never_yields_a_figure_of_its_own(port_report: str) -> None:
    _, given, spread, conservative = _figures_row(port_report, "Killed")
    assert given == "four (Odesa regional governor); up to 30 (Ministry of Defence)"
    assert spread == "4 to 30"  # the lowest stated figure to the highest
    assert conservative.startswith("4, given by Odesa regional governor")
    assert "1" not in spread + conservative.replace("Odesa", "")


def test_vague_words_count_by_the_one_table_the_page_explains(port_report: str) -> None:
    _, given, spread, conservative = _figures_row(port_report, "Injured")
    assert given == "several dozen, counted as 12 (Local residents)"
    assert "24" not in spread + conservative and "99" not in spread
    note = _section(port_report, "Figures")
    assert "dozens = 12" in note and "tens = 10" in note and "hundreds = 100" in note


def test_only_an_upper_bound_gives_no_conservative_figure(port_assessment: Assessment) -> None:
    from claimgraph.analysis.assess import CountFigure, CountReconciliation
    from claimgraph.views.markdown import conservative_text

    only = CountReconciliation((), 30, ("a",), 30, ("a",), False, None, ())
    assert conservative_text(only, str).startswith("none stated")
    assert CountFigure  # the figure type the HTML view shares


# ------------------------------------------------------------ 2. pairs of parties


def test_two_parties_disagreeing_on_two_questions_are_one_pair(
    port_assessment: Assessment, port_report: str
) -> None:
    counts = port_assessment.events[EVENT].counts
    # the ministry and the governor: interception (rule) and cause/weapon (link)
    assert (counts.contradicting_pairs, counts.contradictions) == (1, 2)
    assert "1 pair of parties in contradiction (2 contradictions)" in port_report


def test_dzhankoi_counts_two_pairs_of_parties_and_three_contradictions() -> None:
    root = Path(__file__).parent.parent
    counts = assess(load_corpus(root / "claims")).events["dzhankoi-2023-03-20"].counts
    assert (counts.contradicting_pairs, counts.contradictions) == (2, 3)


# ------------------------------------------------------------ 4. statuses and outlets


def test_an_event_with_several_parties_is_never_called_single_source() -> None:
    root = Path(__file__).parent.parent
    result = assess(load_corpus(root / "claims"))
    kyiv = result.events["kyiv-missile-attack-2024-03-21"]
    assert kyiv.status == "not-compared"
    assert kyiv.counts.outlets == 1
    page = render_event(result, kyiv.event)
    assert "Single source" not in page and "single source" not in page.lower()
    assert "**Not cross-checked**" in page
    assert "1 outlet: Earth Press News" in page


def test_agreement_through_one_outlet_is_not_called_independent() -> None:
    root = Path(__file__).parent.parent
    result = assess(load_corpus(root / "claims"))
    page = render_event(result, "dzhankoi-2023-03-20")
    section = _section(page, "Corroborations")
    assert "All via OBOZREVATEL (UAportal English edition)" in section
    assert "independent:" not in section
    assert result.events["dzhankoi-2023-03-20"].counts.independent_corroborations == 0


def test_agreement_across_sides_and_outlets_is_independent(port_report: str) -> None:
    section = _section(port_report, "Corroborations")
    assert "independent: across sides Russia, Ukraine, reported by Suspilne, TASS" in section


def test_index_gives_outlets_and_pairs_of_parties(port_assessment: Assessment) -> None:
    index = render_index(port_assessment)
    header = next(line for line in index.splitlines() if line.startswith("| Event |"))
    assert "| Outlets |" in header and "| Pairs of parties in contradiction |" in header


# ------------------------------------------------------------ 5. cross-question links


def test_a_link_between_two_questions_contests_neither_row(
    port_assessment: Assessment, port_report: str
) -> None:
    questions = port_assessment.events[EVENT].questions
    assert questions["cause"].status == "one-party"
    assert questions["weapon"].status == "one-party"
    table = _section(port_report, "Who says what")
    assert "| Cause | One party; a fact-checker links it as contradicting Weapon |" in table
    assert "| Interception | Contested |" in table


# ------------------------------------------------------------ 3. answered declines


def test_a_decline_answered_later_is_not_shown_as_a_decline(
    port_assessment: Assessment, port_report: str
) -> None:
    ea = port_assessment.events[EVENT]
    assert ea.answered_declines == {"governor-declines": "governor-killed"}
    assert ea.declined_parties == ()
    table = _section(port_report, "Who says what")
    assert "~~“declined”~~, then answered" in table
    assert "declined to comment" not in port_report.split("\n", 3)[2]
    silences = _section(port_report, "Silences")
    assert "- Declined to comment, then answered: **Odesa regional governor**" in silences
    assert "- Declined to comment: " not in silences
    record = port_assessment.parties["odesa-governor"]
    assert (record.declined, record.declined_then_answered) == (0, 1)


def test_a_decline_superseded_by_a_link_leaves_the_index_declined_column() -> None:
    root = Path(__file__).parent.parent
    result = assess(load_corpus(root / "claims"))
    row = next(
        line for line in render_index(result).splitlines() if "(dzhankoi-2023-03-20.md)" in line
    )
    assert row.rstrip().endswith("|  |")  # Declined: nobody (Aksyonov answered)
    assert result.events["dzhankoi-2023-03-20"].declined_parties == ()


# ------------------------------------------------------------ 10. silences


def test_silences_list_only_parties_that_speak_for_a_side(port_report: str) -> None:
    silences = _section(port_report, "Silences")
    assert "Port operator" not in silences and "Local residents" not in silences


def test_a_silent_authority_gets_one_line_with_its_contested_questions() -> None:
    root = Path(__file__).parent.parent
    page = render_event(assess(load_corpus(root / "claims")), "crimea-missile-attack-2024-01-04")
    silences = _section(page, "Silences")
    bullets = [line for line in silences.splitlines() if line.startswith("- ")]
    assert len(bullets) == 2
    assert bullets[1] == (
        "- Russian-installed administration of Sevastopol (Russia) spoke on this event, "
        "but said nothing on **Interception** (contested)"
    )


# ------------------------------------------------------------ 6. capitals


def test_values_keep_the_capitals_the_sources_write(port_report: str) -> None:
    table = _section(port_report, "Who says what")
    assert "Odesa port" in table and "Iskander-M" in table
    assert "odesa port" not in table and "iskander m" not in table


def test_bundled_reports_keep_names_as_written() -> None:
    root = Path(__file__).parent.parent
    result = assess(load_corpus(root / "claims"))
    page = render_event(result, "dzhankoi-2023-03-20")
    for lost in ("kalibr nk missiles", "school no 7", "| dzhankoi"):
        assert lost not in page
    assert "Kalibr-NK cruise missiles" in page and "School No. 7" in page
    assert result.position_of("dzhankoi-hur-damage").id.endswith("/kalibr-nk-missiles")  # type: ignore[union-attr]


# ------------------------------------------------------------ 7. verdicts


def test_a_claims_verdict_is_shown_beside_it(port_report: str) -> None:
    table = _section(port_report, "Who says what")
    assert "⚠ all intercepted \\[verdict: Unproven\\]" in table
    contradictions = _section(port_report, "Contradictions")
    assert "verdict: **Unproven** by Test desk ([review](https://example.org/review/1))" in (
        contradictions
    )
    verdicts = _section(port_report, "Verdicts")
    assert "Odesa regional governor" in verdicts and "Unproven" in verdicts


# ------------------------------------------------------------ 9. the diagram


def test_the_diagram_draws_contested_questions_and_who_gives_each_answer() -> None:
    root = Path(__file__).parent.parent
    page = render_event(assess(load_corpus(root / "claims")), "dzhankoi-2023-03-20")
    body = page.split("```mermaid\n")[1].split("```")[0]
    assert "subgraph S" not in body and "([" not in body  # no party nodes or side groups
    assert 'subgraph Q8["Interception"]' in body and "Location" not in body
    assert "all intercepted #8212; Russian occupation authorities in Crimea" in body
    edges = [line for line in body.splitlines() if " .- " in line]
    assert len(edges) == 3 and all("contradicts" in e for e in edges)
    assert "linkStyle 0,1,2 stroke:#d62728" in body


def test_an_event_without_contest_gets_no_diagram() -> None:
    root = Path(__file__).parent.parent
    page = render_event(assess(load_corpus(root / "claims")), "kyiv-missile-attack-2024-03-21")
    assert "```mermaid" not in page and "No contested question to draw." in page


# ------------------------------------------------------------ 8. one claim table


def test_claims_and_report_give_the_same_claim_rows(port: Path, runner: Any) -> None:
    from claimgraph.cli import app

    claims_csv = runner.invoke(app, ["claims", str(port), "-f", "csv"])
    report_csv = runner.invoke(app, ["report", str(port), "-f", "csv"])
    assert claims_csv.exit_code == 0 and report_csv.exit_code == 0, report_csv.output
    assert claims_csv.stdout == report_csv.stdout
    header = claims_csv.stdout.splitlines()[0].split(",")
    assert header[:3] == ["claim", "event", "party"] and "speaker" in header
    assert "echo_of" in header and "claim_id" not in header and "echoes" not in header

    claims_json = json.loads(runner.invoke(app, ["claims", str(port), "-f", "json"]).stdout)
    report_json = json.loads(runner.invoke(app, ["report", str(port), "-f", "json"]).stdout)
    assert report_json["version"] == 2
    assert report_json["claims"] == claims_json


def test_counts_have_numeric_low_and_high_columns(port_assessment: Assessment) -> None:
    from claimgraph.views.frames import claims_frame

    frame = claims_frame(port_assessment).set_index("claim")
    assert frame.loc["mod-killed", "value"] == "up to 30"
    assert pd.isna(frame.loc["mod-killed", "low"]) and frame.loc["mod-killed", "high"] == 30
    assert (frame.loc["governor-killed", "low"], frame.loc["governor-killed", "high"]) == (4, 4)
    csv_text = render_frame(frame.reset_index(), "csv")
    header = csv_text.splitlines()[0].split(",")
    row = next(line for line in csv_text.splitlines() if line.startswith("mod-killed,"))
    cells = dict(zip(header, row.split(","), strict=False))
    assert (cells["low"], cells["high"]) == ("", "30")  # not 30.0


def test_a_partys_shares_are_the_same_in_the_index_and_the_parties_table() -> None:
    from claimgraph.views.frames import parties_frame

    root = Path(__file__).parent.parent
    result = assess(load_corpus(root / "claims"))
    share = parties_frame(result).set_index("party").loc["crimea-occupation-authorities"]
    row = next(
        line
        for line in render_index(result).splitlines()
        if line.startswith("| Russian occupation authorities in Crimea |")
    )
    hedged = row.split("|")[6].strip()
    assert hedged == f"3 ({round(100 * share['hedged_share'])}%)" == "3 (60%)"


def test_events_table_is_in_the_index_order() -> None:
    from claimgraph.analysis.assess import event_order
    from claimgraph.views.frames import events_frame

    root = Path(__file__).parent.parent
    result = assess(load_corpus(root / "claims"))
    index = render_index(result)
    linked = [e for e in event_order(result) if f"({e}.md)" in index]
    positions = [index.index(f"({e}.md)") for e in linked]
    assert positions == sorted(positions)
    assert events_frame(result)["event"].tolist() == event_order(result)


# ------------------------------------------------------------ 11. claims swallowed by comment


def test_validate_warns_when_a_comment_carries_a_count_or_a_denial(port: Path) -> None:
    from claimgraph.load import read_corpus

    _, report = read_corpus(port)
    [problem] = [p for p in report.problems if p.type == "comment-holds-answer"]
    assert problem.severity == "warning" and problem.id == "mod-comment"
    assert "'12'" in problem.message and "'denied'" in problem.message


def test_a_plain_comment_gets_no_warning() -> None:
    from claimgraph.checks import comment_findings

    assert comment_findings("Residents took refuge in metro stations during the attack.") == (
        None,
        None,
    )


def test_timeline_orders_statements_by_the_instant_they_name(port_assessment: Assessment) -> None:
    timeline = port_assessment.events[EVENT].timeline
    # 18:30+03:00 (15:30 UTC) comes before 18:30Z
    assert timeline.index("mod-killed") < timeline.index("governor-killed")
