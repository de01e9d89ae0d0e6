"""The cache never answers for other inputs: no replayed entry, no stale "up to date".

A cache entry is trusted only for the exact place it was written for (the
tool's version, its kind and its key), and a whole run is skipped only when
every input it read (claim files and source texts, where the loader really
read them) is unchanged.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.cache import MAGIC, Cache, content_key

BASIC = Path(__file__).parent / "data" / "valid" / "basic"


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _replay(entry: Path, target: Path, **header: str) -> None:
    """Copy an authentic entry to ``target``, its header rewritten to match its new place
    (the header is plain JSON: anyone who can write the cache folder can edit it)."""
    data = entry.read_bytes()
    assert data.startswith(MAGIC)
    head, payload = data[len(MAGIC) :].split(b"\n", 1)
    fields = {**json.loads(head), **header}
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(MAGIC + json.dumps(fields).encode() + b"\n" + payload)


def test_an_authentic_entry_copied_under_another_key_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path / ".claimgraph-cache")
    old, new = content_key(b"value: 3"), content_key(b"value: 40")
    assert cache.put("claimfile", old, {"value": 3})
    assert cache.put("claimfile", new, {"value": 40})
    folder = cache.folder / "claimfile"
    _replay(folder / f"{old}.bin", folder / f"{new}.bin", key=new)
    assert cache.get("claimfile", new) is None
    assert cache.get("claimfile", old) == {"value": 3}


def test_an_entry_moved_to_another_kind_is_a_miss(tmp_path: Path) -> None:
    cache = Cache(tmp_path / ".claimgraph-cache")
    key = content_key(b"x")
    assert cache.put("claimfile", key, {"value": 3})
    _replay(cache.folder / "claimfile" / f"{key}.bin", cache.folder / "run" / f"{key}.bin",
            kind="run")  # fmt: skip
    assert cache.get("run", key) is None


def _injured(data: dict[str, object]) -> object:
    claims = data["claims"]
    assert isinstance(claims, list)
    (claim,) = [c for c in claims if c["claim"] == "dzhankoi-aksyonov-injured"]
    return claim["value"]


def test_report_json_never_gives_an_old_value_replayed_from_the_cache(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    claim_file = project / "claims" / "dzhankoi.yaml"
    original = claim_file.read_text("utf-8")
    claim_file.write_text(original.replace("    value: one\n", "    value: 3\n"), "utf-8")
    assert _run("validate", "claims", cwd=project).returncode == 0  # fills the cache
    entries = project / ".claimgraph-cache"
    before = {p: p.read_bytes() for p in entries.rglob("claimfile/*.bin")}
    claim_file.write_text(original.replace("    value: one\n", "    value: 40\n"), "utf-8")
    assert _run("validate", "claims", cwd=project).returncode == 0
    (newer,) = [p for p in entries.rglob("claimfile/*.bin") if p not in before]
    (older,) = [p for p, data in before.items() if b"dzhankoi-aksyonov-injured" in data]
    _replay(older, newer, key=newer.stem)  # the authentic old parse, under the new key
    done = _run("report", "claims", "-f", "json", cwd=project)
    assert done.returncode == 0, done.stderr
    fresh = _run("report", "claims", "-f", "json", "--no-cache", cwd=project)
    assert _injured(json.loads(fresh.stdout)) == _injured(json.loads(done.stdout))
    assert "40" in json.dumps(_injured(json.loads(done.stdout)))


@pytest.mark.skipif(sys.platform == "win32", reason="symlinks")
def test_an_edited_source_text_under_a_symlinked_claims_folder_makes_the_run_stale(
    tmp_path: Path,
) -> None:
    real = tmp_path / "archive"
    shutil.copytree(BASIC, real)
    work = tmp_path / "desk"
    work.mkdir()
    (work / "claims").symlink_to(real / "claims")  # the loader reads archive/seeds/
    done = _run("report", "claims", "-o", "reports", cwd=work)
    assert done.returncode == 0, done.stderr
    assert "up to date" in _run("report", "claims", "-o", "reports", cwd=work).stderr
    seed = real / "seeds" / "report.txt"
    seed.write_text(seed.read_text("utf-8").replace("one person was injured", "nobody"), "utf-8")
    done = _run("report", "claims", "-o", "reports", cwd=work)
    assert "up to date" not in done.stderr
    assert done.returncode == 1 and "Unfortunately, one person was injured." in done.stderr


def test_a_killed_runs_temporary_cache_file_is_removed_once_it_is_old(tmp_path: Path) -> None:
    cache = Cache(tmp_path / ".claimgraph-cache")
    folder = cache.folder / "claimfile"
    folder.mkdir(parents=True)
    old, fresh = folder / ".abc.k2j4h5g6.tmp", folder / ".def.zzzzzzzz.tmp"
    for path in (old, fresh):
        path.write_bytes(b"half an entry")
    os.utime(old, (time.time() - 7200, time.time() - 7200))
    assert cache.put("claimfile", content_key(b"x"), {"claims": []})
    assert not old.exists()
    assert fresh.exists()  # perhaps another run's write in progress
