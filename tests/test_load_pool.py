"""Claim files parsed in a pool of processes (load.claimfile.read_claim_files)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimgraph import workers
from claimgraph.cache import Cache
from claimgraph.load import claimfile, scan

GOOD = """source: {{id: s{i}, title: Report {i}}}
claims:
  - id: c{i}
    event: e1
    party: p1
    aspect: killed
    value: {i}
"""
BAD = "source: {{id: s{i}}}\nclaims:\n  - id: c{i}\n    evnt: e1\n  - [unclosed\n"


def _folder(tmp_path: Path, n: int) -> list[Path]:
    paths = []
    for i in range(n):
        path = tmp_path / f"f{i:03}.yaml"
        path.write_bytes((BAD if i % 7 == 3 else GOOD).format(i=i).encode())
        paths.append(path)
    (tmp_path / "f005.yaml").write_bytes(b"\xff\xfe not utf-8")
    return paths


def _plain(results: list[tuple[claimfile.ClaimFile, object]]) -> list[tuple[str, list[str]]]:
    return [(f.path, [c.claim.id for c in f.claims]) for f, _ in results]


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_a_pool_gives_every_file_and_problem_in_order_as_one_process(tmp_path: Path) -> None:
    paths = _folder(tmp_path, 40)
    one = claimfile.read_claim_files(paths, workers=1)
    ticks: list[int] = []
    pooled = claimfile.read_claim_files(paths, workers=2, each=lambda: ticks.append(1))
    assert _plain(pooled) == _plain(one)
    assert [[str(p) for p in r.problems] for _, r in pooled] == [
        [str(p) for p in r.problems] for _, r in one
    ]
    assert any(r.problems for _, r in pooled) and len(ticks) == len(paths)


@pytest.mark.skipif(sys.platform != "linux", reason="workers are forked on Linux only")
def test_a_pool_fills_and_uses_the_cache(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    folder.mkdir()
    paths = _folder(folder, 20)
    cache = Cache(tmp_path / "cache")
    first = claimfile.read_claim_files(paths, cache=cache, workers=2)
    assert cache.misses == len(paths) and cache.hits == 0
    again = claimfile.read_claim_files(paths, cache=cache, workers=2)
    assert _plain(again) == _plain(first)
    assert cache.hits == len(paths) - 1  # the file that is not UTF-8 is never cached
    alone = claimfile.read_claim_files(paths, cache=Cache(tmp_path / "other"), workers=1)
    assert _plain(alone) == _plain(first)


def test_small_folders_and_threads_read_in_this_process(monkeypatch: pytest.MonkeyPatch) -> None:
    assert claimfile.pool_size(claimfile.POOL_MIN_FILES - 1) == 1
    monkeypatch.setattr(claimfile, "cpu_count", lambda: claimfile.POOL_MIN_CPUS - 1)
    assert claimfile.pool_size(10_000) == 1  # two CPUs: pickling the results back costs more
    monkeypatch.setattr(claimfile, "cpu_count", lambda: 8)
    monkeypatch.setattr(workers.threading, "active_count", lambda: 2)  # a progress bar
    assert claimfile.pool_size(10_000) == 1


def test_scan_reads_a_big_folder_through_the_pool_with_the_same_result(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _folder(tmp_path, 70)
    monkeypatch.setattr(claimfile, "POOL_MIN_FILES", 10**9)
    alone = scan(tmp_path)
    monkeypatch.setattr(claimfile, "POOL_MIN_FILES", 1)
    monkeypatch.setattr(claimfile, "POOL_MIN_CPUS", 1)
    pooled = scan(tmp_path)
    assert [str(p) for p in pooled.report.problems] == [str(p) for p in alone.report.problems]
    assert list(pooled.corpus.claims) == list(alone.corpus.claims)
