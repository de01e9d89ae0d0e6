"""Golden files: the committed reports/ are exactly what the code generates from claims/.

When a change to the claims or the renderer is intended, regenerate them from
the project root with::

    .venv/bin/claimgraph report

(reads ./claims, writes ./reports) and commit the result. These tests are
never skipped.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from claimgraph.analysis.assess import assess
from claimgraph.load import load_corpus
from claimgraph.output import MANIFEST_NAME
from claimgraph.views.markdown import generate_reports

ROOT = Path(__file__).parent.parent
CLAIMS = ROOT / "claims"
REPORTS = ROOT / "reports"
MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])


def _generated() -> dict[str, str]:
    return generate_reports(assess(load_corpus(CLAIMS)))


GENERATED = _generated()


def test_every_generated_report_is_committed_and_nothing_else() -> None:
    committed = sorted(p.name for p in REPORTS.glob("*.md"))
    assert committed == sorted(GENERATED), "run `claimgraph report` and commit reports/"


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_report_matches_golden_file(name: str) -> None:
    golden = REPORTS / name
    assert golden.exists(), f"{golden} missing: run `claimgraph report`"
    assert GENERATED[name] == golden.read_text(encoding="utf-8"), (
        f"{golden} differs from the generated report: run `claimgraph report` "
        "if the change is intended"
    )


@pytest.mark.parametrize("name", sorted(GENERATED))
def test_every_table_has_the_same_number_of_cells_in_each_row(name: str) -> None:
    tokens = MD.parse(GENERATED[name])
    tables = 0
    widths: list[int] = []
    for tok in tokens:
        if tok.type == "table_open":
            tables += 1
            widths = []
        elif tok.type == "tr_open":
            widths.append(0)
        elif tok.type in ("td_open", "th_open"):
            widths[-1] += 1
        elif tok.type == "table_close":
            assert len(set(widths)) == 1, f"{name}: table {tables} has rows of {widths} cells"
    assert tables >= 1


def test_generation_is_deterministic() -> None:
    assert _generated() == GENERATED


def test_cli_writes_the_golden_files(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from claimgraph.cli import app

    args = ["report", str(CLAIMS), "-o", str(tmp_path), "--no-cache"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.stderr
    written = {p.name: p.read_text(encoding="utf-8") for p in tmp_path.glob("*.md")}
    assert written == {n: (REPORTS / n).read_text(encoding="utf-8") for n in GENERATED}
    assert (tmp_path / MANIFEST_NAME).exists()
