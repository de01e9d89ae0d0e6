"""``claimgraph extract`` on the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.load import read_corpus

DATA = Path(__file__).parent / "data" / "extract"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    dst = tmp_path / "mini"
    shutil.copytree(DATA / "mini", dst)
    monkeypatch.chdir(dst)
    return dst


def test_extract_writes_a_draft_per_report_and_prints_a_summary(
    runner: CliRunner, project: Path
) -> None:
    result = runner.invoke(app, ["extract", "reports/kherson.txt", "-o", "claims/drafts"])
    assert result.exit_code == 0, result.output
    assert "reports/kherson.txt -> claims/drafts/kherson.yaml:" in result.stdout
    assert "extract: 1 of 1 drafts written" in result.stdout
    assert "4 parties matched" in result.stdout
    corpus, report = read_corpus(project / "claims", include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]
    assert "draft-kherson" in corpus.sources


def test_extract_refuses_to_overwrite_but_processes_the_other_reports(
    runner: CliRunner, project: Path
) -> None:
    (project / "reports" / "other.txt").write_text("Residents said two people were injured.\n")
    first = runner.invoke(app, ["extract", "reports/kherson.txt", "-o", "claims/drafts"])
    assert first.exit_code == 0
    again = runner.invoke(
        app, ["extract", "reports/kherson.txt", "reports/other.txt", "-o", "claims/drafts"]
    )
    assert again.exit_code == 1
    assert (
        "claimgraph: claims/drafts/kherson.yaml: already exists; not overwritten "
        "(use --force to replace it)" in again.stderr
    )
    assert (project / "claims" / "drafts" / "other.yaml").is_file()
    forced = runner.invoke(
        app, ["extract", "--force", "reports/kherson.txt", "-o", "claims/drafts"]
    )
    assert forced.exit_code == 0


def test_unmatched_speakers_are_listed_for_registration(runner: CliRunner, project: Path) -> None:
    (project / "reports" / "astra.txt").write_text("The Zorya channel said that a depot burned.\n")
    result = runner.invoke(app, ["extract", "reports/astra.txt", "-o", "claims/drafts"])
    assert result.exit_code == 0
    assert "unmatched: 'Zorya channel'" in result.stdout
    assert "register these speakers under `parties:` in claims/parties.yaml" in result.stdout
    assert "then run `claimgraph drafts rematch`" in result.stdout


def test_unmatched_speakers_get_a_parties_snippet_with_the_nearest_party(
    runner: CliRunner, project: Path
) -> None:
    import yaml

    (project / "reports" / "astra.txt").write_text("The Zorya channel said that a depot burned.\n")
    result = runner.invoke(app, ["extract", "reports/astra.txt", "-o", "claims/drafts"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    start = lines.index("  zorya-channel:")
    snippet = "\n".join(lines[start : start + 5])
    entry = yaml.safe_load("parties:\n" + snippet)["parties"]["zorya-channel"]
    assert entry["name"] == "Zorya channel"
    assert entry["aliases"] == ["Zorya channel"]
    assert any(line.startswith("  # 'Zorya channel' — nearest: ") for line in lines)


def test_a_report_that_is_not_utf8_gets_a_message_not_a_traceback(
    runner: CliRunner, project: Path
) -> None:
    (project / "reports" / "bad.txt").write_bytes(b"Residents said \xff\xfe it fell.")
    result = runner.invoke(
        app, ["extract", "reports/bad.txt", "reports/kherson.txt", "-o", "claims/drafts"]
    )
    assert result.exit_code == 1
    assert "reports/bad.txt: not valid UTF-8 (byte offset 15)" in result.stderr
    assert (project / "claims" / "drafts" / "kherson.yaml").is_file()


def test_a_missing_report_is_a_usage_error(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(app, ["extract", "reports/nope.txt"])
    assert result.exit_code == 2


def test_the_parties_option_takes_the_parties_file(runner: CliRunner, project: Path) -> None:
    result = runner.invoke(
        app,
        ["extract", "reports/kherson.txt", "-o", "out", "--parties", "claims/parties.yaml"],
    )
    assert result.exit_code == 0, result.output
    assert "4 parties matched" in result.stdout


def test_extract_has_help(runner: CliRunner) -> None:
    result = runner.invoke(app, ["extract", "--help"])
    assert result.exit_code == 0
    assert "--force" in result.stdout and "draft" in result.stdout


def test_a_draft_never_replaces_the_report_it_comes_from(runner: CliRunner, project: Path) -> None:
    report = project / "claims" / "drafts" / "x.yaml"
    report.parent.mkdir(parents=True)
    report.write_text("Residents said two people were injured.\n")
    result = runner.invoke(app, ["extract", "--force", str(report), "-o", "claims/drafts"])
    assert result.exit_code == 1
    assert "the draft would replace the report itself" in result.stderr
    assert report.read_text() == "Residents said two people were injured.\n"


def test_a_long_gazetteer_alias_in_a_valid_claims_folder_does_not_crash_extract(
    runner: CliRunner, project: Path
) -> None:
    alias = "a" * 1500
    (project / "claims" / "gazetteer.yaml").write_text(
        f"x-gazetteer:\n  places:\n    Kozinka: {{region: Belgorod Oblast, aliases: [{alias}]}}\n"
    )
    assert runner.invoke(app, ["validate", "claims"]).exit_code == 0
    result = runner.invoke(app, ["extract", "reports/kherson.txt", "-o", "claims/drafts"])
    assert result.exit_code == 0, result.output


def test_a_bad_claims_folder_gazetteer_is_a_message_with_its_place(
    runner: CliRunner, project: Path
) -> None:
    (project / "claims" / "gazetteer.yaml").write_text("x-gazetteer:\n  places: [\n")
    result = runner.invoke(app, ["extract", "reports/kherson.txt", "-o", "claims/drafts"])
    assert result.exit_code == 2
    assert "gazetteer.yaml:3:1: YAML syntax" in result.output
    assert "Traceback" not in result.output


def test_drafts_are_readable_by_others_like_reports(runner: CliRunner, project: Path) -> None:
    import os

    old = os.umask(0o022)
    try:
        result = runner.invoke(app, ["extract", "reports/kherson.txt", "-o", "claims/drafts"])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.output
    assert (project / "claims" / "drafts" / "kherson.yaml").stat().st_mode & 0o777 == 0o644


def test_a_draft_over_the_read_limit_is_refused_with_a_message(
    runner: CliRunner, project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimgraph.extract.draftfile as ex

    monkeypatch.setattr(ex, "MAX_FILE_BYTES", 200)
    result = runner.invoke(app, ["extract", "reports/kherson.txt", "-o", "claims/drafts"])
    assert result.exit_code == 1
    assert "kherson.yaml: the draft would be" in result.output
    assert "over the limit of 200 bytes" in result.output
    assert not (project / "claims" / "drafts" / "kherson.yaml").exists()
