"""The library's jobs called on their own, without the CLI: validate and the report run cache."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph import jobs
from claimgraph.cache import Cache
from claimgraph.errors import UsageError

DATA = Path(__file__).parent / "data"


def _entries(cache_dir: Path) -> list[Path]:
    return sorted(p for p in cache_dir.rglob("*.bin")) if cache_dir.exists() else []


def test_validate_a_valid_folder_gives_its_counts(claims_dir: Callable[[str], Path]) -> None:
    result = jobs.validate(claims_dir("valid/basic"))
    assert result.valid
    assert len(result.report.problems) == 0
    assert result.counts == {
        "files": 4,
        "drafts_skipped": 0,
        "parties": 3,
        "events": 1,
        "sources": 1,
        "claims": 7,
        "errors": 0,
        "warnings": 0,
    }


def test_validate_returns_problems_instead_of_raising(claims_dir: Callable[[str], Path]) -> None:
    folder = claims_dir("valid/basic")
    shutil.copy(DATA / "invalid" / "unknown-party.yaml", folder)
    shutil.copy(DATA / "invalid" / "dates-out-of-order.yaml", folder)
    result = jobs.validate(folder)
    assert not result.valid
    assert result.counts["errors"] == len(result.report.errors) == 3
    assert result.counts["warnings"] == len(result.report.warnings) == 2
    assert result.counts["files"] == 6
    assert result.loaded.corpus is not None


def test_validate_counts_drafts_skipped_and_reads_them_when_asked(
    claims_dir: Callable[[str], Path],
) -> None:
    folder = claims_dir("valid/basic")
    claims = folder / "dzhankoi.yaml"
    text = claims.read_text(encoding="utf-8")
    claims.write_text(text.replace("  id: report-1\n", "  id: report-1\n  status: draft\n", 1))
    skipped = jobs.validate(folder)
    assert (skipped.counts["drafts_skipped"], skipped.counts["claims"]) == (1, 0)
    included = jobs.validate(folder, include_drafts=True)
    assert (included.counts["drafts_skipped"], included.counts["claims"]) == (0, 7)


def test_validate_refuses_a_missing_folder(tmp_path: Path) -> None:
    with pytest.raises(UsageError, match="no such claims folder"):
        jobs.validate(tmp_path / "nowhere")


def test_validate_writes_a_deferred_cache_only_when_valid(
    claims_dir: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = claims_dir("valid/basic")
    bad = tmp_path / "bad-cache"
    shutil.copy(DATA / "invalid" / "unknown-party.yaml", folder)
    jobs.validate(folder, cache=Cache(bad, defer=True))
    assert _entries(bad) == []
    (folder / "unknown-party.yaml").unlink()
    good = tmp_path / "good-cache"
    jobs.validate(folder, cache=Cache(good, defer=True))
    assert _entries(good) != []


def test_validate_reports_progress(claims_dir: Callable[[str], Path]) -> None:
    seen: list[tuple[int, int]] = []
    jobs.validate(
        claims_dir("valid/basic"), progress=lambda done, total: seen.append((done, total))
    )
    assert seen
    assert seen[-1][0] == seen[-1][1]


def test_the_report_run_cache_remembers_a_run_by_its_options(
    claims_dir: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = claims_dir("valid/basic")
    out_dir = tmp_path / "reports"
    cache = Cache(tmp_path / "cache")
    runs = jobs.report_run(cache, folder)
    assert runs.current(out_dir) is None
    loaded = jobs.load(folder)
    files = jobs.render_reports(jobs.assess(jobs.link(loaded.corpus)))
    jobs.write_reports(files, out_dir)
    assert jobs.remember_report_run(runs, loaded.corpus, folder, out_dir, files, len(files) - 1)
    assert jobs.report_run(cache, folder).current(out_dir) == {"events": len(files) - 1}
    assert jobs.report_run(cache, folder, include_drafts=True).current(out_dir) is None
    event = next(iter(loaded.corpus.events))
    assert jobs.report_run(cache, folder, events=[event]).current(out_dir) is None
    (out_dir / "index.md").write_text("edited\n", encoding="utf-8")
    assert jobs.report_run(cache, folder).current(out_dir) is None
