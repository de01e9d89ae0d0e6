"""Events rendered in forked workers: the same reports and pages, in the same order, as
one process (views.rendering)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph import jobs, workers
from claimgraph.views import rendering
from claimgraph.views.html import site
from claimgraph.views.markdown import reports

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


@pytest.fixture(scope="module")
def assessment() -> jobs.Assessment:
    return jobs.assess(jobs.link(jobs.load(ROOT / "claims").corpus))


def _in_workers(monkeypatch: pytest.MonkeyPatch, batch: int = 2) -> None:
    monkeypatch.setattr(rendering, "RENDER_MIN_EVENTS", 1)
    monkeypatch.setattr(workers, "affordable", lambda n: n)
    monkeypatch.setattr(workers, "free_cpus", lambda n: n)
    monkeypatch.setattr(rendering, "_BATCH", batch)
    monkeypatch.setattr(workers, "cpu_count", lambda: 2)


def test_events_rendered_in_workers_are_the_same_reports_in_the_same_order(
    assessment: jobs.Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = list(reports.iter_reports(assessment))
    _in_workers(monkeypatch)
    assert rendering.render_workers(len(assessment.events)) == 2
    assert list(reports.iter_reports(assessment)) == alone


def test_site_pages_rendered_in_workers_are_the_same_pages_in_the_same_order(
    assessment: jobs.Assessment, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    alone = list(site.iter_site(assessment))
    _in_workers(monkeypatch)
    assert list(site.iter_site(assessment)) == alone
    written = jobs.site(assessment, tmp_path / "site")
    assert written.names == [name for name, _ in alone]
    for name, page in alone:
        assert (tmp_path / "site" / name).read_text(encoding="utf-8") == page


def test_rendering_in_workers_still_ticks_the_progress_once_per_event(
    assessment: jobs.Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in_workers(monkeypatch, batch=3)
    seen: list[str] = []

    def each(ids: list[str]) -> list[str]:
        for event_id in ids:
            seen.append(event_id)
            yield event_id

    names = [name for name, _ in reports.iter_reports(assessment, each=each)]
    assert seen == list(assessment.events)
    assert names == reports.report_names(assessment)


def test_stream_reports_writes_the_same_files_from_workers(
    assessment: jobs.Assessment, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    alone = jobs.stream_reports(assessment, tmp_path / "alone").digests
    _in_workers(monkeypatch)
    pooled = jobs.stream_reports(assessment, tmp_path / "pooled").digests
    assert pooled == alone
    for name in alone:
        assert (tmp_path / "pooled" / name).read_bytes() == (tmp_path / "alone" / name).read_bytes()


def test_an_error_in_a_worker_reaches_the_caller(
    assessment: jobs.Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    _in_workers(monkeypatch)
    wanted = [*assessment.events, "no-such-event"]
    with pytest.raises(KeyError):
        list(reports.iter_reports(assessment, wanted))
    assert workers.shared() is None  # the pool is shut down, nothing left shared


def test_small_runs_one_cpu_and_threads_render_in_this_process(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert rendering.render_workers(rendering.RENDER_MIN_EVENTS - 1) == 1
    monkeypatch.setattr(workers, "cpu_count", lambda: 1)
    assert rendering.render_workers(10_000) == 1
    monkeypatch.setattr(workers, "cpu_count", lambda: 4)
    monkeypatch.setattr(workers, "affordable", lambda n: n)
    monkeypatch.setattr(workers, "free_cpus", lambda n: n)
    assert rendering.render_workers(10_000) == 4
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)  # a progress bar
    assert rendering.render_workers(10_000) == 1


def test_no_more_workers_are_forked_than_copies_of_the_run_fit_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gib = 1 << 30
    monkeypatch.setattr(workers, "cpu_count", lambda: 8)
    monkeypatch.setattr(workers, "free_cpus", lambda n: n)
    monkeypatch.setattr(workers, "_resident_bytes", lambda: 3 * gib)  # a million claims
    monkeypatch.setattr(workers, "_available_bytes", lambda: 18 * gib)
    assert workers.affordable(8) == 2  # the parent and two copies: 9 GiB, half of 18
    monkeypatch.setattr(workers, "_available_bytes", lambda: 16 * gib)
    assert workers.affordable(8) == 1
    assert rendering.render_workers(100_000) == 1  # one copy fits: not worth a worker
    monkeypatch.setattr(workers, "_resident_bytes", lambda: gib // 2)
    assert workers.affordable(8) == 8
    assert rendering.render_workers(100_000) == 8
    monkeypatch.setattr(workers, "_available_bytes", lambda: None)  # not Linux's /proc
    assert workers.affordable(8) == 1


def test_workers_are_forked_only_for_the_cpus_other_work_leaves_idle(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(workers, "cpu_count", lambda: 2)
    monkeypatch.setattr(workers, "affordable", lambda n: n)
    load = [0.0]
    monkeypatch.setattr(workers.os, "getloadavg", lambda: (load[0], 0.0, 0.0))
    for average, forked in ((0.0, 2), (0.9, 2), (1.2, 1), (3.5, 1)):
        load[0] = average
        assert rendering.render_workers(10_000) == forked, average
    monkeypatch.setattr(workers, "cpu_count", lambda: 8)
    load[0] = 3.0  # five CPUs idle, and this process's own
    assert workers.free_cpus(8) == 6
    assert rendering.render_workers(10_000) == 6
    load[0] = 40.0
    assert workers.free_cpus(8) == 1


def test_without_a_load_average_every_cpu_is_free(monkeypatch: pytest.MonkeyPatch) -> None:
    def unknown() -> tuple[float, float, float]:
        raise OSError("no load average")

    monkeypatch.setattr(workers.os, "getloadavg", unknown)
    assert workers.free_cpus(4) == 4
