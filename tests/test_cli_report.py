"""``claimgraph report`` and ``claimgraph export claimreview`` through the CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.analysis.assess import assess
from claimgraph.cli import app
from claimgraph.load import load_corpus
from claimgraph.output import MANIFEST_NAME
from claimgraph.views.claimreview import render_claimreview
from claimgraph.views.tables import render_json

HOSTILE = Path(__file__).parent / "data" / "render" / "hostile"
BUNDLED = Path(__file__).parent.parent / "claims"

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def claims(tmp_path: Path) -> Path:
    dst = tmp_path / "claims"
    shutil.copytree(HOSTILE, dst)
    return dst


def test_report_writes_one_file_per_event_and_an_index(claims: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    code, _, err = invoke("report", str(claims), "-o", str(out))
    assert code == 0, err
    assert sorted(p.name for p in out.iterdir()) == [MANIFEST_NAME, "hostile-event.md", "index.md"]
    assert "1 event report and index.md" in err
    assert (out / "hostile-event.md").read_text(encoding="utf-8").startswith("# Event")


def test_report_twice_leaves_files_unchanged(claims: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    invoke("report", str(claims), "-o", str(out), "--no-cache")
    code, _, err = invoke("report", str(claims), "-o", str(out), "--no-cache")
    assert code == 0
    assert "0 written, 2 unchanged" in err
    assert not (tmp_path / ".claimgraph-cache").exists()


def test_unchanged_run_is_skipped_through_the_cache(claims: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    invoke("report", str(claims), "-o", str(out))
    assert (tmp_path / ".claimgraph-cache").is_dir()
    code, _, err = invoke("report", str(claims), "-o", str(out))
    assert code == 0
    assert "up to date" in err


def test_cache_never_hides_a_change(claims: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    invoke("report", str(claims), "-o", str(out))
    events = claims / "events.yaml"
    events.write_text(events.read_text(encoding="utf-8").replace("Event |", "Changed |"))
    code, _, err = invoke("report", str(claims), "-o", str(out))
    assert code == 0 and "up to date" not in err
    assert "Changed" in (out / "hostile-event.md").read_text(encoding="utf-8")
    # A report a person edited is not "up to date": the run goes on and refuses.
    report = out / "hostile-event.md"
    report.write_text(report.read_text(encoding="utf-8") + "editor's note\n", encoding="utf-8")
    code, _, err = invoke("report", str(claims), "-o", str(out))
    assert code == 1 and "edited since" in err
    assert report.read_text(encoding="utf-8").endswith("editor's note\n")


def test_report_refuses_to_overwrite_a_persons_file(claims: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    out.mkdir()
    (out / "index.md").write_text("my own index\n", encoding="utf-8")
    code, _, err = invoke("report", str(claims), "-o", str(out))
    assert code == 1
    assert f"claimgraph: {out / 'index.md'}: exists but was not written by claimgraph" in err
    assert (out / "index.md").read_text(encoding="utf-8") == "my own index\n"
    assert not (out / "hostile-event.md").exists()
    code, _, _ = invoke("report", str(claims), "-o", str(out), "--force")
    assert code == 0
    assert (out / "index.md").read_text(encoding="utf-8").startswith("# Comparison reports")


def test_report_for_one_event(claims: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    code, _, err = invoke("report", str(claims), "-o", str(out), "--event", "hostile-event")
    assert code == 0, err
    assert (out / "hostile-event.md").exists()


def test_unknown_event_is_a_usage_error_with_a_hint(claims: Path, tmp_path: Path) -> None:
    code, _, err = invoke("report", str(claims), "-o", str(tmp_path / "r"), "--event", "hostile")
    assert code == 2
    assert err == "claimgraph: unknown event 'hostile' (did you mean 'hostile-event'?)\n"
    assert not (tmp_path / "r").exists()


def test_bad_claims_give_located_messages_not_tracebacks(claims: Path, tmp_path: Path) -> None:
    (claims / "source.yaml").write_text(
        (claims / "source.yaml")
        .read_text(encoding="utf-8")
        .replace("party: pipe-party", "party: nobody", 1),
        encoding="utf-8",
    )
    code, _, err = invoke("report", str(claims), "-o", str(tmp_path / "r"))
    assert code == 1
    assert "source.yaml:" in err and "nobody" in err
    assert "Traceback" not in err


def test_missing_claims_folder_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = invoke("report", str(tmp_path / "nowhere"), "-o", str(tmp_path / "r"))
    assert code == 2
    assert "no such claims folder" in err


def test_json_on_stdout_equals_the_library_result(claims: Path) -> None:
    code, out, _ = invoke("report", str(claims), "--format", "json")
    assert code == 0
    expected = render_json(assess(load_corpus(claims)))
    assert out == expected
    assert json.loads(out)["format"] == "claimgraph-assessment"


def test_csv_to_a_file(claims: Path, tmp_path: Path) -> None:
    target = tmp_path / "out" / "claims.csv"
    code, _, err = invoke("report", str(claims), "--format", "csv", "-o", str(target))
    assert code == 0, err
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert {r["claim"] for r in rows} == {f"hostile-{x}" for x in "abcde"}


def test_claimreview_export(tmp_path: Path) -> None:
    target = tmp_path / "claimreview.jsonld"
    code, _, err = invoke("export", "claimreview", str(BUNDLED), "-o", str(target))
    assert code == 0, err
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data and all(r["@type"] == "ClaimReview" for r in data)
    assert target.read_text(encoding="utf-8") == render_claimreview(load_corpus(BUNDLED))


def test_claimreview_on_stdout(claims: Path) -> None:
    code, out, _ = invoke("export", "claimreview", str(claims))
    assert code == 0
    assert json.loads(out) == []


def test_no_progress_bar_when_not_a_terminal(claims: Path, tmp_path: Path) -> None:
    code, out, err = invoke("report", str(claims), "-o", str(tmp_path / "r"))
    assert code == 0
    assert out == ""
    assert "Rendering" not in err


def test_report_has_help() -> None:
    code, out, _ = invoke("report", "--help")
    assert code == 0
    assert "--format" in out and "--event" in out and "--include-drafts" in out
    code, out, _ = invoke("export", "claimreview", "--help")
    assert code == 0 and "ClaimReview" in out


def test_progress_bar_only_for_many_events_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph.cli import report as report_cli

    class Tty(io.StringIO):
        def __init__(self, tty: bool) -> None:
            super().__init__()
            self.tty = tty

        def isatty(self) -> bool:
            return self.tty

    monkeypatch.setattr(report_cli.sys, "stdout", Tty(True))
    assert report_cli._progress_wanted(report_cli.PROGRESS_THRESHOLD + 1)
    assert not report_cli._progress_wanted(2)
    monkeypatch.setattr(report_cli.sys, "stdout", Tty(False))
    assert not report_cli._progress_wanted(report_cli.PROGRESS_THRESHOLD + 1)
