"""The library's jobs called on their own, without the CLI: validate, the report run cache,
extract, convert, validate FILE and the single views."""

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


# The other commands' jobs, called without the CLI.


def _mini(tmp_path: Path) -> Path:
    dst = tmp_path / "mini"
    shutil.copytree(DATA / "extract" / "mini", dst)
    return dst


def test_extract_drafts_each_report_and_never_replaces_one(tmp_path: Path) -> None:
    project = _mini(tmp_path)
    claims, out = project / "claims", project / "claims" / "drafts"
    report = project / "reports" / "kherson.txt"
    missing = project / "reports" / "none.txt"
    result = jobs.extract([report, missing], claims, out=out)
    assert result.setup.claims_dir == claims
    assert result.setup.problems is not None and result.setup.problems.valid
    assert [o.report for o in result.outcomes] == [missing, report]
    assert result.outcomes[0].stage == "read" and str(missing) in str(result.outcomes[0].error)
    (written,) = result.written
    assert written.target == out / "kherson.yaml" and written.target.is_file()
    assert written.reachable and result.failed == 1
    assert written.draft is not None and result.claims == len(written.draft.claims) > 0
    again = jobs.extract([report], setup=result.setup, out=out)
    assert again.failed == 1 and again.outcomes[0].stage == "write"
    assert jobs.extract([report], claims, out=out, force=True).failed == 0


def test_extraction_without_a_claims_folder_uses_the_catalogue_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no ./claims
    setup = jobs.extraction()
    assert setup.problems is None and setup.root == tmp_path
    with pytest.raises(UsageError, match="not a claims folder"):
        jobs.extraction(tmp_path / "nowhere")


def test_extraction_tells_the_folder_problems_before_its_gazetteer(tmp_path: Path) -> None:
    claims = _mini(tmp_path) / "claims"
    (claims / "gazetteer.yaml").write_text("x-gazetteer:\n  places: [\n", encoding="utf-8")
    seen: list[bool] = []
    with pytest.raises(UsageError, match="gazetteer.yaml"):
        jobs.extraction(claims, read=lambda folder, problems: seen.append(problems.valid))
    assert seen == [False]


def test_convert_writes_the_folder_and_its_cache_only_on_success(
    claims_dir: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = claims_dir("valid/basic")
    cache = Cache(tmp_path / "cache", defer=True)
    result = jobs.convert(folder, tmp_path / "out", "csv", cache=cache)
    assert (result.sources, result.claims) == (1, 7)
    assert (tmp_path / "out" / "dzhankoi.csv").is_file()
    assert _entries(tmp_path / "cache")


def test_validate_file_shows_only_its_own_problems(claims_dir: Callable[[str], Path]) -> None:
    folder = claims_dir("valid/basic")
    bad = folder / "unknown-party.yaml"
    shutil.copy(DATA / "invalid" / "unknown-party.yaml", bad)
    shutil.copy(DATA / "invalid" / "dates-out-of-order.yaml", folder)
    result = jobs.validate_file(bad)
    assert result.folder == folder and not result.valid
    assert {Path(p.path).name for p in result.problems} == {"unknown-party.yaml"}
    assert (result.errors, result.warnings, result.errors_elsewhere) == (3, 0, 0)
    dates = jobs.validate_file(folder / "dates-out-of-order.yaml")
    assert dates.valid and (dates.errors, dates.warnings, dates.errors_elsewhere) == (0, 2, 3)


def test_validate_file_needs_a_claims_folder_above_it(tmp_path: Path) -> None:
    lone = tmp_path / "lone.yaml"
    lone.write_text("claims: []\n", encoding="utf-8")
    with pytest.raises(UsageError, match="give the claims folder instead"):
        jobs.validate_file(lone)


def test_the_single_views_are_jobs(claims_dir: Callable[[str], Path], tmp_path: Path) -> None:
    import json

    folder = claims_dir("valid/basic")
    assessment = jobs.assess_folder(folder)
    site = jobs.site(assessment, tmp_path / "site")
    assert site.names[-1] == "index.html" and len(site.written.written) == len(site.names)
    assert sorted(site.written.digests) == sorted(site.names)  # written as rendered
    data = json.loads("".join(jobs.render_table(assessment, "json")))  # chunks as made
    assert len(data["claims"]) == 7
    assert "".join(jobs.render_table(assessment, "csv")).count("\n") == 8  # header, 7 rows
    out = tmp_path / "claims.csv"
    assert jobs.write_output(out, "a\n") and not jobs.write_output(out, "a\n")
    assert not jobs.write_output(out, iter(["a", "\n"]))  # the same text, in chunks
    review = jobs.claimreview(assessment.corpus)
    assert review.reviews == 0 and review.text.strip() == "[]"
    assert "dzhankoi" in jobs.table(assessment, "events", "csv")
    with pytest.raises(UsageError, match="unknown event 'nowhere'"):
        jobs.table(assessment, "claims", "csv", event="nowhere")
    graph = jobs.export_graph(assessment, tmp_path / "g.graphml", "graphml")
    assert graph.changed and graph.nodes > 0 and graph.edges > 0
    with pytest.raises(UsageError, match="no such claims folder"):
        jobs.assess_folder(tmp_path / "nowhere")
