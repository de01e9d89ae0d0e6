"""Concurrency and caches: runs at once agree, and a damaged cache is never trusted.

Two fact-checkers (or an editor's script and a person) may run ``claimgraph
report`` over the same folders at the same moment. Both must finish, and the
reports they leave must be exactly what one run alone writes. A cache left
behind (truncated by a crash, overwritten with garbage, written by another
version of the tool) must be rebuilt, never believed: results are identical
to a run without any cache.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from claimgraph.cache import MAGIC, Cache, content_key
from claimgraph.output import MANIFEST_NAME, OutputFolder

ROOT = Path(__file__).parent.parent
BASIC = Path(__file__).parent / "data" / "valid" / "basic"


def run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def start(*args: str, cwd: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def contents(folder: Path) -> dict[str, bytes]:
    """Every file in ``folder`` (recursively) by relative path."""
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def visible(folder: Path) -> dict[str, bytes]:
    return {k: v for k, v in contents(folder).items() if not k.startswith(".")}


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project (300 claims, 30 events) and its reference reports from one run."""
    root = tmp_path_factory.mktemp("gen") / "project"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--claims", "300", "--out", str(root)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    done = run("report", "claims", "-o", "reference", cwd=root)
    assert done.returncode == 0, done.stderr
    shutil.rmtree(root / ".claimgraph-cache", ignore_errors=True)
    return root


def fresh_copy(generated: Path, tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(generated, project, ignore=shutil.ignore_patterns(".claimgraph-cache"))
    return project


def assert_manifest_matches(folder: Path) -> None:
    """The manifest lists exactly the reports, each with the hash of its content."""
    manifest = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
    files = manifest["files"]
    on_disk = visible(folder)
    assert set(files) == set(on_disk)
    for name, data in on_disk.items():
        assert files[name] == hashlib.sha256(data).hexdigest(), name


# ---------------------------------------------------------------------------
# Two runs at once


@pytest.mark.slow
@pytest.mark.parametrize("previous", ["empty", "stale"])
def test_two_reports_at_once_both_finish_and_agree_with_one_run(
    generated: Path, tmp_path: Path, previous: str
) -> None:
    project = fresh_copy(generated, tmp_path)
    reference = visible(project / "reference")
    if previous == "stale":
        # An earlier run over other claims: both runs replace every report.
        shutil.copytree(project / "reference", project / "reports")
        for path in (project / "reports").glob("*.md"):
            text = path.read_text("utf-8")
            path.write_text(text, "utf-8")  # same content: claimgraph's own output
        events = project / "claims" / "events.yaml"
        original = events.read_bytes()
        events.write_bytes(original.replace(b"title: ", b"title: Old ", 5))
        done = run("report", "claims", "-o", "reports", "--force", cwd=project)
        assert done.returncode == 0, done.stderr
        events.write_bytes(original)
    first = start("report", "claims", "-o", "reports", cwd=project)
    second = start("report", "claims", "-o", "reports", cwd=project)
    out1, err1 = first.communicate(timeout=300)
    out2, err2 = second.communicate(timeout=300)
    assert first.returncode == 0, err1
    assert second.returncode == 0, err2
    assert "Traceback" not in err1 + err2
    assert visible(project / "reports") == reference
    assert not [n for n in os.listdir(project / "reports") if n.endswith(".tmp")]
    assert_manifest_matches(project / "reports")


def test_a_run_that_finds_files_another_run_just_wrote_adopts_them(tmp_path: Path) -> None:
    # The worst interleaving of two runs, made deterministic: both read the
    # manifest before either writes; then one writes, then the other.
    out = tmp_path / "reports"
    OutputFolder(out).write_all({"a.md": "old a\n", "b.md": "old b\n"})
    new = {"a.md": "new a\n", "b.md": "new b\n", "c.md": "new c\n"}
    first, second = OutputFolder(out), OutputFolder(out)
    first.write_all(new, remove_stale=True)
    result = second.write_all(new, remove_stale=True)
    assert sorted(result.unchanged) == ["a.md", "b.md", "c.md"] and not result.written
    assert visible(out) == {k: v.encode() for k, v in new.items()}
    assert_manifest_matches(out)


@pytest.mark.slow
def test_three_exports_at_once_write_the_same_whole_file(generated: Path, tmp_path: Path) -> None:
    project = fresh_copy(generated, tmp_path)
    procs = [
        start("report", "claims", "--format", "json", "-o", "out/assessment.json", cwd=project)
        for _ in range(3)
    ]
    for proc in procs:
        _, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, err
    alone = run("report", "claims", "--format", "json", cwd=project)
    assert (project / "out" / "assessment.json").read_text("utf-8") == alone.stdout
    assert_manifest_matches(project / "out")


# ---------------------------------------------------------------------------
# Damaged caches


def _damage(path: Path, how: str) -> None:
    data = path.read_bytes()
    if how == "truncate":
        path.write_bytes(data[: len(data) // 2])
    elif how == "garbage":
        path.write_bytes(os.urandom(len(data)))
    elif how == "empty":
        path.write_bytes(b"")
    elif how == "flip-payload":  # one bit inside the payload: it may still unpickle
        at = len(data) - 16
        path.write_bytes(data[:at] + bytes([data[at] ^ 0x01]) + data[at + 1 :])
    elif how == "other-version":
        head, _, rest = data.partition(b"\n")
        header, _, payload = rest.partition(b"\n")
        fields = json.loads(header)
        fields["fingerprint"] = "0" * 64
        path.write_bytes(head + b"\n" + json.dumps(fields).encode() + b"\n" + payload)
    else:  # pragma: no cover - a typo in the parametrization
        raise AssertionError(how)


@pytest.mark.slow
@pytest.mark.parametrize("how", ["truncate", "flip-payload", "other-version"])
def test_a_damaged_cache_is_rebuilt_and_results_match_a_run_without_cache(
    generated: Path, tmp_path: Path, how: str
) -> None:
    project = fresh_copy(generated, tmp_path)
    done = run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    entries = [p for p in (project / ".claimgraph-cache").rglob("*") if p.is_file()]
    assert entries, "`claimgraph report` wrote no cache entries to damage"
    for entry in entries:
        _damage(entry, how)
    # Change the claims, and lose a report, so that a trusted stale entry would show.
    events = project / "claims" / "events.yaml"
    events.write_bytes(events.read_bytes().replace(b"title: ", b"title: New ", 3))
    (project / "reports" / "index.md").unlink()
    done = run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr

    clean = fresh_copy(generated, tmp_path / "clean")
    shutil.copy(events, clean / "claims" / "events.yaml")
    done = run("report", "claims", "-o", "reports", "--no-cache", cwd=clean)
    assert done.returncode == 0, done.stderr
    assert visible(project / "reports") == visible(clean / "reports")
    # A second run over the rebuilt cache changes nothing; neither does damaging it again
    # after a person deletes a report.
    done = run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    assert visible(project / "reports") == visible(clean / "reports")
    for entry in (p for p in (project / ".claimgraph-cache").rglob("*") if p.is_file()):
        _damage(entry, how)
    (project / "reports" / "index.md").unlink()
    done = run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    assert visible(project / "reports") == visible(clean / "reports")


@pytest.mark.slow
def test_a_cached_run_whose_reports_were_deleted_is_stale_and_runs_again(
    generated: Path, tmp_path: Path
) -> None:
    project = fresh_copy(generated, tmp_path)
    done = run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    reports = sorted((project / "reports").glob("*.md"))
    for path in (reports[0], project / "reports" / "index.md"):
        path.unlink()
    done = run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    assert visible(project / "reports") == visible(project / "reference")


@pytest.mark.parametrize("how", ["truncate", "garbage", "empty", "flip-payload", "other-version"])
def test_a_damaged_cache_entry_is_a_miss_then_rewritten(tmp_path: Path, how: str) -> None:
    cache = Cache(tmp_path / ".claimgraph-cache")
    key = content_key(b"claims: []")
    assert cache.put("file", key, {"claims": ["a" * 100]})
    (entry,) = list(cache.folder.rglob("*.bin"))
    _damage(entry, how)
    assert cache.get("file", key) is None
    assert cache.put("file", key, {"claims": ["b"]})
    assert cache.get("file", key) == {"claims": ["b"]}


class _Marker:
    """Unpickling this creates a file: the proof that a cache payload ran code."""

    def __init__(self, path: str) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[str, str]]:
        return (Path.write_text, (Path(self.path), "ran"))  # type: ignore[return-value]


@pytest.mark.parametrize("forged", [None, "guessed-key"])
def test_a_crafted_cache_entry_shipped_with_a_project_never_runs_code(
    tmp_path: Path, forged: str | None
) -> None:
    marker = tmp_path / "ran-code"
    cache = Cache(tmp_path / ".claimgraph-cache")
    key = content_key(b"any claim file")
    payload = pickle.dumps(_Marker(str(marker)))
    header = {
        "fingerprint": cache.fingerprint,
        "kind": "file",
        "key": key,
        "length": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
    }
    if forged is not None:  # an attacker signs with a key of their own
        header["hmac"] = hmac.new(forged.encode(), payload, hashlib.sha256).hexdigest()
    path = cache.folder / "file" / f"{key}.bin"
    path.parent.mkdir(parents=True)
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + payload)
    cache.get("file", key)
    assert not marker.exists()
