"""Events rendered in forked workers: the same reports, in the same order, as one process."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph import jobs, workers
from claimgraph.views.markdown import reports

ROOT = Path(__file__).parent.parent

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")


@pytest.fixture(scope="module")
def assessment() -> jobs.Assessment:
    return jobs.assess(jobs.link(jobs.load(ROOT / "claims").corpus))


def _in_workers(monkeypatch: pytest.MonkeyPatch, batch: int = 2) -> None:
    monkeypatch.setattr(reports, "RENDER_MIN_EVENTS", 1)
    monkeypatch.setattr(workers, "affordable", lambda n: n)
    monkeypatch.setattr(reports, "_BATCH", batch)
    monkeypatch.setattr(workers, "cpu_count", lambda: 2)


def test_events_rendered_in_workers_are_the_same_reports_in_the_same_order(
    assessment: jobs.Assessment, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = list(reports.iter_reports(assessment))
    _in_workers(monkeypatch)
    assert reports.render_workers(len(assessment.events)) == 2
    assert list(reports.iter_reports(assessment)) == alone


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
    assert reports.render_workers(reports.RENDER_MIN_EVENTS - 1) == 1
    monkeypatch.setattr(workers, "cpu_count", lambda: 1)
    assert reports.render_workers(10_000) == 1
    monkeypatch.setattr(workers, "cpu_count", lambda: 4)
    monkeypatch.setattr(workers, "affordable", lambda n: n)
    assert reports.render_workers(10_000) == 4
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)  # a progress bar
    assert reports.render_workers(10_000) == 1


def test_no_more_workers_are_forked_than_copies_of_the_run_fit_in_memory(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    gib = 1 << 30
    monkeypatch.setattr(workers, "cpu_count", lambda: 8)
    monkeypatch.setattr(workers, "_resident_bytes", lambda: 6 * gib)  # a million claims
    monkeypatch.setattr(workers, "_available_bytes", lambda: 18 * gib)
    assert workers.affordable(8) == 1
    assert reports.render_workers(100_000) == 1  # one copy fits: not worth a worker
    monkeypatch.setattr(workers, "_resident_bytes", lambda: gib // 2)
    assert workers.affordable(8) == 8
    assert reports.render_workers(100_000) == 8
    monkeypatch.setattr(workers, "_available_bytes", lambda: None)  # not Linux's /proc
    assert workers.affordable(8) == 1
