"""`claimgraph convert`: YAML <-> CSV <-> JSON Lines without losing a field, never overwriting."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.convert import convert_corpus
from claimgraph.errors import InvalidInput, OutputError, UsageError
from claimgraph.load import read_corpus
from claimgraph.model import Corpus

ROOT = Path(__file__).parents[1]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the bundled claims and seeds: ``tmp/claims`` and ``tmp/seeds``."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def _without_places(value: Any) -> Any:
    """A model object with every ``where`` (file and line) cleared, recursively."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        changes = {
            f.name: _without_places(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name != "where"
        }
        if any(f.name == "where" for f in dataclasses.fields(value)):
            changes["where"] = None
        return dataclasses.replace(value, **changes)
    if isinstance(value, dict):
        return {k: _without_places(v) for k, v in value.items()}
    return value


def comparable(corpus: Corpus) -> Corpus:
    return _without_places(corpus)  # type: ignore[no-any-return]


def load(folder: Path) -> Corpus:
    corpus, report = read_corpus(folder)
    assert report.valid, [str(p) for p in report.errors]
    return corpus


def test_yaml_to_csv_writes_one_table_per_claim_file_and_keeps_registries(project: Path) -> None:
    result = convert_corpus(project / "claims", project / "claims-csv", "csv")
    out = project / "claims-csv"
    assert sorted(p.name for p in result.written) == sorted(
        p.with_suffix(".csv").name for p in (project / "claims").glob("seed-*.yaml")
    )
    for name in ("parties.yaml", "events.yaml", "aspects.yaml"):
        assert (out / name).read_bytes() == (project / "claims" / name).read_bytes()
    header = (out / "seed-000-dzhankoi.csv").read_text().splitlines()[0]
    assert header.startswith("id,event,party,speaker,via,quote,aspect,value,")
    assert result.claims == len(load(project / "claims").claims)


def test_round_trip_yaml_csv_jsonl_yaml_gives_an_equal_corpus(project: Path) -> None:
    convert_corpus(project / "claims", project / "claims-csv", "csv")
    convert_corpus(project / "claims-csv", project / "claims-jsonl", "jsonl")
    convert_corpus(project / "claims-jsonl", project / "claims-yaml", "yaml")
    original = load(project / "claims")
    for folder in ("claims-csv", "claims-jsonl", "claims-yaml"):
        again = load(project / folder)
        assert list(again.claims) == list(original.claims), folder
        assert comparable(again) == comparable(original), folder
    assert not list((project / "claims-yaml").rglob("*.csv"))


def test_a_sheet_of_several_sources_becomes_one_yaml_file_per_source(project: Path) -> None:
    convert_corpus(project / "claims", project / "claims-csv", "csv")
    sheets = sorted((project / "claims-csv").glob("seed-*.csv"))
    rows = [sheets[0].read_text()] + [s.read_text().split("\n", 1)[1] for s in sheets[1:]]
    (project / "claims-csv" / "all.csv").write_text("".join(rows))
    for sheet in sheets:
        sheet.unlink()
    result = convert_corpus(project / "claims-csv", project / "claims-yaml", "yaml")
    assert sorted(p.name for p in result.written) == [
        "all-seed-000.yaml",
        "all-seed-001.yaml",
        "all-seed-002.yaml",
    ]
    assert (
        comparable(load(project / "claims-yaml")).claims
        == comparable(load(project / "claims")).claims
    )


def test_csv_and_jsonl_claims_carry_their_lines_into_problems(project: Path) -> None:
    convert_corpus(project / "claims", project / "claims-csv", "csv")
    sheet = project / "claims-csv" / "seed-000-dzhankoi.csv"
    lines = sheet.read_text().splitlines(keepends=True)
    lines[2] = lines[2].replace("dzhankoi-2023-03-20", "dzhankoi-2023-03-21", 1)
    sheet.write_text("".join(lines))
    _, report = read_corpus(project / "claims-csv")
    [problem] = report.errors
    assert problem.type == "unknown-event"
    assert str(problem).startswith(f"{sheet}:3: unknown event 'dzhankoi-2023-03-21'")


def test_jsonl_problems_name_the_line_of_the_claim(project: Path) -> None:
    convert_corpus(project / "claims", project / "claims-jsonl", "jsonl")
    feed = project / "claims-jsonl" / "seed-001-crimea-missiles.jsonl"
    lines = feed.read_text().splitlines(keepends=True)
    lines[4] = lines[4].replace('"aspect": "', '"aspect": "x', 1)
    feed.write_text("".join(lines))
    _, report = read_corpus(project / "claims-jsonl")
    [problem] = report.errors
    assert problem.type == "unknown-aspect"
    assert str(problem).startswith(f"{feed}:5: unknown aspect 'x")


def test_progress_is_reported_while_reading(project: Path) -> None:
    calls: list[tuple[int, int]] = []
    convert_corpus(
        project / "claims", project / "out", "csv", progress=lambda d, t: calls.append((d, t))
    )
    assert calls and calls[-1][0] == calls[-1][1] == len(list((project / "claims").glob("*.yaml")))


def test_convert_refuses_an_invalid_folder_and_writes_nothing(project: Path) -> None:
    claim_file = project / "claims" / "seed-000-dzhankoi.yaml"
    claim_file.write_text(claim_file.read_text().replace("party: local-residents", "party: nobody"))
    with pytest.raises(InvalidInput) as caught:
        convert_corpus(project / "claims", project / "out", "csv")
    assert any(p.type == "unknown-party" for p in caught.value.report.errors)
    assert not (project / "out").exists()


def test_convert_never_overwrites_without_force(project: Path) -> None:
    out = project / "out"
    out.mkdir()
    mine = out / "seed-000-dzhankoi.csv"
    mine.write_text("a person's sheet\n")
    with pytest.raises(OutputError, match="already exists"):
        convert_corpus(project / "claims", out, "csv")
    assert mine.read_text() == "a person's sheet\n"
    assert sorted(p.name for p in out.iterdir()) == ["seed-000-dzhankoi.csv"]
    convert_corpus(project / "claims", out, "csv", force=True)
    assert mine.read_text().startswith("id,event,")


def test_destination_inside_the_source_is_refused(project: Path) -> None:
    with pytest.raises(UsageError, match="outside the source folder"):
        convert_corpus(project / "claims", project / "claims" / "csv", "csv")


def test_cli_convert_reports_counts_and_exit_codes(project: Path) -> None:
    runner = CliRunner()
    args = ["convert", str(project / "claims"), str(project / "out"), "--to", "jsonl"]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    assert "written as jsonl" in first.output
    again = runner.invoke(app, args)
    assert again.exit_code == 1
    assert "already exists; move it away or use --force" in again.output
    bad = runner.invoke(app, [*args[:3], "--to", "xml"])
    assert bad.exit_code == 2


def test_loading_bar_only_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    from claimgraph.cli.common import loading_progress

    with loading_progress() as hook:
        assert hook is None  # pytest's stdout is not a terminal
    monkeypatch.setattr("sys.stdout.isatty", lambda: True)
    with loading_progress() as hook:
        assert hook is not None
        for done in range(1, 31):
            hook(done, 30)
