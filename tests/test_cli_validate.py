"""``claimgraph validate`` on the command line: exit codes, messages, JSON."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.load import read_corpus

DATA = Path(__file__).parent / "data"


def test_a_valid_folder_exits_zero_with_a_summary(
    runner: CliRunner, claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = claims_dir("valid/basic")
    monkeypatch.chdir(folder.parent)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.stdout == ("claims: 4 files, 3 parties, 1 event, 1 source, 7 claims — valid\n")
    assert result.stderr == ""


def test_problems_go_to_stderr_and_exit_one(
    runner: CliRunner, claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = claims_dir("valid/basic")
    shutil.copy(DATA / "invalid" / "unknown-party.yaml", folder)
    shutil.copy(DATA / "invalid" / "dates-out-of-order.yaml", folder)
    monkeypatch.chdir(folder.parent)
    result = runner.invoke(app, ["validate", "claims"])
    assert result.exit_code == 1
    assert result.stderr == (
        "claims/dates-out-of-order.yaml:6:5: warning: claim 'dates-before-event' was said on "
        "2023-03-19, before event 'dzhankoi-2023-03-20' began (2023-03-20)\n"
        "claims/dates-out-of-order.yaml:13:5: warning: claim 'dates-after-published' was said "
        "on 2023-03-25, after its source 'dates-1' was published (2023-03-21)\n"
        "claims/unknown-party.yaml:7:12: unknown party 'hur' in claim 'unknown-party-hur' "
        "(did you mean 'ukraine-intelligence'?)\n"
        "claims/unknown-party.yaml:13:12: unknown party 'Aksyonov' in claim "
        "'unknown-party-aksyonov' (did you mean 'crimea-occupation-authorities'?)\n"
        "claims/unknown-party.yaml:19:12: unknown party 'ukraine-inteligence' in claim "
        "'unknown-party-typo' (did you mean 'ukraine-intelligence'?)\n"
    )
    assert result.stdout == (
        "claims: 6 files, 3 parties, 1 event, 3 sources, 9 claims — 3 problems, 2 warnings\n"
    )


def test_warnings_alone_exit_zero(
    runner: CliRunner, claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = claims_dir("valid/basic")
    shutil.copy(DATA / "invalid" / "empty-file.yaml", folder)
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0
    assert result.stderr == f"{folder}/empty-file.yaml: warning: empty claim file\n"
    assert result.stdout.endswith("— valid, 1 warning\n")


def test_json_output_equals_the_library_report(
    runner: CliRunner, claims_dir: Callable[[str], Path]
) -> None:
    folder = claims_dir("valid/basic")
    shutil.copy(DATA / "invalid" / "several-problems.yaml", folder)
    result = runner.invoke(app, ["validate", str(folder), "--format", "json"])
    assert result.exit_code == 1
    document = json.loads(result.stdout)
    _, report = read_corpus(folder)
    assert document["problems"] == [p.to_dict() for p in report.sorted()]
    assert (document["valid"], document["errors"], document["claims"]) == (False, 6, 8)
    assert result.stderr == ""


def test_drafts_are_skipped_and_counted(
    runner: CliRunner, claims_dir: Callable[[str], Path]
) -> None:
    folder = claims_dir("valid/basic")
    (folder / "draft.yaml").write_text(
        "source: {id: d, status: draft}\nclaims: [{id: x, party: nobody}]\n", encoding="utf-8"
    )
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 0
    assert "4 files (1 draft skipped)" in result.stdout
    result = runner.invoke(app, ["validate", str(folder), "--include-drafts"])
    assert result.exit_code == 1
    assert "unknown party 'nobody' in claim 'x'" in result.stderr
    assert "claim 'x' has no 'event'" in result.stderr


def test_a_missing_folder_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(app, ["validate", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert result.stderr == f"claimgraph: {tmp_path / 'nope'}: no such claims folder\n"


def test_bad_bytes_never_give_a_traceback(
    runner: CliRunner, claims_dir: Callable[[str], Path]
) -> None:
    folder = claims_dir("valid/basic")
    for name in ["bad-encoding.yaml", "yaml-alias.yaml", "too-deep.yaml", "yaml-tag.yaml"]:
        shutil.copy(DATA / "invalid" / name, folder)
    (folder / "binary.yaml").write_bytes(bytes(range(256)))
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 1
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.stderr + result.stdout


def test_help_explains_the_command(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    for words in ["--include-drafts", "--format", "path:line:column", "Exit status"]:
        assert words in result.stdout
