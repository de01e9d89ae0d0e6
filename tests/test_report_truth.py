"""Issue 14: every figure, count and word of a report is one that the claims support.

Most tests read ``tests/data/report/port-strike``: the Russian Defence Ministry
(through TASS) and the Odesa governor (through Suspilne) on one port strike,
with a port operator and residents.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from claimgraph.assess import Assessment, assess
from claimgraph.frames import render_frame
from claimgraph.load import load_corpus
from claimgraph.render.markdown import render_event, render_index

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
    from claimgraph.assess import CountFigure, CountReconciliation
    from claimgraph.render.markdown import conservative_text

    only = CountReconciliation((), 30, ("a",), 30, ("a",), False, None, ())
    assert conservative_text(only, str).startswith("none stated")
    assert CountFigure  # the figure type the HTML view shares
