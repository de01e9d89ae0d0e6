"""The content-addressed cache: hits, misses, damaged entries, versions, concurrency."""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import pickle
import shutil
import threading
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import cache as cache_mod
from claimgraph.cache import MAGIC, Cache, RunCache, cache_dir_for, content_key, input_files
from claimgraph.cli import app
from claimgraph.load import scan


@pytest.fixture
def cache(tmp_path: Path) -> Cache:
    return Cache(tmp_path / ".claimgraph-cache")


def entry_file(cache: Cache, kind: str, key: str) -> Path:
    return cache.folder / kind / f"{key}.bin"


def test_stored_value_comes_back(cache: Cache) -> None:
    key = content_key(b"some claim file")
    assert cache.get("file", key) is None
    assert cache.put("file", key, {"claims": [1, 2, 3]})
    assert cache.get("file", key) == {"claims": [1, 2, 3]}
    assert (cache.hits, cache.misses) == (1, 1)


def test_deferred_cache_writes_nothing_until_flushed(tmp_path: Path) -> None:
    cache = Cache(tmp_path / ".claimgraph-cache", defer=True)
    key = content_key(b"x")
    assert cache.put("file", key, [1, 2])
    assert cache.get("file", key) == [1, 2]
    assert not (tmp_path / ".claimgraph-cache").exists()
    assert cache.flush() == 1
    assert Cache(tmp_path / ".claimgraph-cache").get("file", key) == [1, 2]
    assert cache.flush() == 0


def test_cache_folder_is_beside_the_claims_folder(tmp_path: Path) -> None:
    assert cache_dir_for(tmp_path / "claims") == tmp_path / ".claimgraph-cache"


def test_content_key_changes_with_content() -> None:
    assert content_key(b"a") != content_key(b"b")
    assert content_key("path", b"x") != content_key("path2", b"x")


def test_disabled_cache_never_hits_nor_writes(tmp_path: Path) -> None:
    cache = Cache(tmp_path / "c", enabled=False)
    key = content_key(b"x")
    assert not cache.put("file", key, 1)
    assert cache.get("file", key) is None
    assert not (tmp_path / "c").exists()


@pytest.mark.parametrize(
    "damage",
    [
        lambda b: b[: len(b) // 2],  # truncated
        lambda b: b[:-1] + bytes([b[-1] ^ 0xFF]),  # one flipped byte in the payload
        lambda b: b"",  # empty
        lambda b: b"not a cache file at all\n",  # foreign
        lambda b: b.replace(b"claimgraph-cache 1", b"claimgraph-cache 9"),  # other format
        lambda b: b"claimgraph-cache 1\n{not json\n" + b[40:],  # broken header
    ],
    ids=["truncated", "flipped-byte", "empty", "foreign", "other-format", "broken-header"],
)
def test_damaged_entry_is_a_miss_and_is_rebuilt(cache: Cache, damage: object) -> None:
    key = content_key(b"file")
    cache.put("file", key, ["parsed", "claims"])
    path = entry_file(cache, "file", key)
    path.write_bytes(damage(path.read_bytes()))  # type: ignore[operator]
    assert cache.get("file", key) is None
    cache.put("file", key, ["parsed", "claims"])
    assert cache.get("file", key) == ["parsed", "claims"]


def test_entry_under_another_key_is_not_trusted(cache: Cache) -> None:
    key_a, key_b = content_key(b"a"), content_key(b"b")
    cache.put("file", key_a, "value of a")
    target = entry_file(cache, "file", key_b)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(entry_file(cache, "file", key_a).read_bytes())
    assert cache.get("file", key_b) is None


def test_cache_of_another_version_is_not_trusted_and_is_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    directory = tmp_path / ".claimgraph-cache"
    key = content_key(b"f")
    old = Cache(directory)
    old.put("file", key, "old result")
    monkeypatch.setattr(cache_mod, "fingerprint", lambda: "f" * 64)
    new = Cache(directory)
    assert new.folder != old.folder
    assert new.get("file", key) is None
    new.put("file", key, "new result")
    assert not old.folder.exists()
    assert new.get("file", key) == "new result"


def test_entries_unused_for_a_month_are_pruned_and_used_ones_kept(cache: Cache) -> None:
    stale, used, fresh = content_key(b"stale"), content_key(b"used"), content_key(b"fresh")
    for key in (stale, used):
        cache.put("file", key, key)
        old = time.time() - 40 * 86_400
        os.utime(entry_file(cache, "file", key), (old, old))
    assert cache.get("file", used) == used  # a hit marks it as used
    later = Cache(cache.directory)
    later.put("file", fresh, fresh)
    assert later.get("file", stale) is None
    assert not entry_file(cache, "file", stale).exists()
    assert later.get("file", used) == used


class _RunsCode:
    """Unpickling this writes a file: what a crafted cache entry would do."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def __reduce__(self) -> tuple[object, tuple[Path, str]]:
        return (Path.write_text, (self.path, "ran"))


def test_crafted_entry_without_the_users_key_is_never_unpickled(
    cache: Cache, tmp_path: Path
) -> None:
    marker = tmp_path / "ran"
    key = content_key(b"claims")
    payload = pickle.dumps(_RunsCode(marker))
    header = {
        "fingerprint": cache.fingerprint,
        "kind": "file",
        "key": key,
        "length": len(payload),
        "sha256": hashlib.sha256(payload).hexdigest(),
        "hmac": hmac.new(b"another user's key" * 2, payload, hashlib.sha256).hexdigest(),
    }
    path = entry_file(cache, "file", key)
    path.parent.mkdir(parents=True)
    path.write_bytes(MAGIC + json.dumps(header).encode() + b"\n" + payload)
    assert cache.get("file", key) is None
    assert not marker.exists()


def test_user_key_lives_outside_the_project_and_is_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    key_file = tmp_path / "home" / "key"
    monkeypatch.setenv("CLAIMGRAPH_CACHE_KEY_FILE", str(key_file))
    cache_mod.user_key.cache_clear()
    try:
        key = cache_mod.user_key()
        assert key_file.read_bytes() == key and len(key) == 32
        assert key_file.stat().st_mode & 0o777 == 0o600
        cache_mod.user_key.cache_clear()
        assert cache_mod.user_key() == key
    finally:
        cache_mod.user_key.cache_clear()


def test_entry_with_foreign_fingerprint_in_header_is_a_miss(cache: Cache) -> None:
    key = content_key(b"f")
    cache.put("file", key, 1)
    path = entry_file(cache, "file", key)
    path.write_bytes(path.read_bytes().replace(cache.fingerprint.encode(), b"0" * 64, 1))
    assert cache.get("file", key) is None


def test_fingerprint_depends_on_version(monkeypatch: pytest.MonkeyPatch) -> None:
    import claimgraph

    before = cache_mod.fingerprint()
    cache_mod.fingerprint.cache_clear()
    monkeypatch.setattr(claimgraph, "__version__", "999.0")
    try:
        assert cache_mod.fingerprint() != before
    finally:
        cache_mod.fingerprint.cache_clear()


def test_bad_entry_names_are_refused(cache: Cache) -> None:
    with pytest.raises(ValueError):
        cache.get("../x", content_key(b"x"))
    with pytest.raises(ValueError):
        cache.get("file", "../../etc/passwd")


def test_unwritable_cache_folder_is_silently_skipped(tmp_path: Path) -> None:
    blocker = tmp_path / "blocked"
    blocker.write_text("a file where the cache folder would go")
    cache = Cache(blocker / ".claimgraph-cache")
    assert not cache.put("file", content_key(b"x"), 1)
    assert cache.get("file", content_key(b"x")) is None


def test_concurrent_writers_and_readers_never_see_half_an_entry(cache: Cache) -> None:
    key = content_key(b"shared")
    values = [list(range(n, n + 5000)) for n in range(4)]
    seen: list[object] = []
    errors: list[BaseException] = []

    def writer(value: list[int]) -> None:
        try:
            for _ in range(20):
                cache.put("file", key, value)
        except BaseException as exc:  # pragma: no cover - would fail the test
            errors.append(exc)

    def reader() -> None:
        for _ in range(60):
            got = cache.get("file", key)
            if got is not None:
                seen.append(got)

    threads = [threading.Thread(target=writer, args=(v,)) for v in values]
    threads.append(threading.Thread(target=reader))
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert all(v in values for v in seen)
    assert cache.get("file", key) in values
    assert not list((cache.folder / "file").glob("*.tmp"))


# -- whole runs ---------------------------------------------------------------


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "claims" / "sub").mkdir(parents=True)
    (tmp_path / "claims" / "a.yaml").write_text("claims: []\n")
    (tmp_path / "claims" / "sub" / "b.csv").write_text("id,source\n")
    (tmp_path / "claims" / ".hidden.yaml").write_text("ignored\n")
    (tmp_path / "seeds").mkdir()
    (tmp_path / "seeds" / "s.txt").write_text("source text\n")
    (tmp_path / "reports").mkdir()
    (tmp_path / "reports" / "index.md").write_text("# Index\n")
    return tmp_path


def remember(project: Path, options: list[str] | None = None) -> RunCache:
    runs = RunCache(
        Cache(project / ".claimgraph-cache"), "report", project / "claims", options or ["md"]
    )
    runs.remember(
        [project / "seeds" / "s.txt"],
        project / "reports",
        {"index.md": "# Index\n"},
        {"written": 1},
    )
    return runs


def again(project: Path, options: list[str] | None = None) -> dict[str, object] | None:
    runs = RunCache(
        Cache(project / ".claimgraph-cache"), "report", project / "claims", options or ["md"]
    )
    return runs.current(project / "reports")


def test_identical_run_is_current(project: Path) -> None:
    remember(project)
    assert again(project) == {"written": 1}


def test_hidden_files_are_not_inputs(project: Path) -> None:
    remember(project)
    (project / "claims" / ".hidden.yaml").write_text("changed\n")
    assert again(project) == {"written": 1}


@pytest.mark.parametrize(
    "change",
    [
        lambda p: (p / "claims" / "a.yaml").write_text("claims: [] # edited\n"),
        lambda p: (p / "claims" / "sub" / "b.csv").write_text("id,source\nc1,s1\n"),
        lambda p: (p / "claims" / "new.jsonl").write_text("{}\n"),
        lambda p: (p / "claims" / "a.yaml").unlink(),
        lambda p: (p / "seeds" / "s.txt").write_text("another text\n"),
        lambda p: (p / "reports" / "index.md").write_text("# Edited by a person\n"),
        lambda p: (p / "reports" / "index.md").unlink(),
    ],
    ids=[
        "claim-file-edited",
        "csv-edited",
        "claim-file-added",
        "claim-file-removed",
        "source-text-edited",
        "report-edited",
        "report-deleted",
    ],
)
def test_any_change_to_inputs_or_outputs_makes_the_run_stale(project: Path, change: object) -> None:
    remember(project)
    change(project)  # type: ignore[operator]
    assert again(project) is None


def test_other_options_are_another_run(project: Path) -> None:
    remember(project, ["md"])
    assert again(project, ["md", "--event", "x"]) is None


def test_disabled_cache_never_skips_a_run(project: Path) -> None:
    remember(project)
    runs = RunCache(
        Cache(project / ".claimgraph-cache", enabled=False), "report", project / "claims", ["md"]
    )
    assert runs.current(project / "reports") is None


def test_input_files_lists_claim_files_in_loader_order(project: Path) -> None:
    names = [p.relative_to(project / "claims").as_posix() for p in input_files(project / "claims")]
    assert names == ["a.yaml", "sub/b.csv"]


# -- the cache in the loader and the report command ------------------------------

ROOT = Path(__file__).parents[1]


@pytest.fixture
def bundled(tmp_path: Path) -> Path:
    """A copy of the bundled claims and seeds; returns the claims folder."""
    shutil.copytree(ROOT / "claims", tmp_path / "claims")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "claims"


def test_cached_load_gives_the_same_corpus_and_problems(bundled: Path) -> None:
    plain = scan(bundled)
    cache = Cache(cache_dir_for(bundled))
    first = scan(bundled, cache=cache)
    assert cache.hits == 0 and cache.misses == len(first.files)
    second = scan(bundled, cache=Cache(cache_dir_for(bundled)))
    assert second.corpus == plain.corpus == first.corpus
    assert second.report.problems == plain.report.problems


def test_changed_claim_file_is_parsed_again(bundled: Path) -> None:
    scan(bundled, cache=Cache(cache_dir_for(bundled)))
    path = bundled / "seed-000-dzhankoi.yaml"
    path.write_text(path.read_text().replace("party: local-residents", "party: nobody", 1))
    cache = Cache(cache_dir_for(bundled))
    loaded = scan(bundled, cache=cache)
    assert cache.misses == 1
    assert any(p.type == "unknown-party" for p in loaded.report.errors)


def test_corrupt_cache_entries_are_rebuilt_silently(bundled: Path) -> None:
    cache = Cache(cache_dir_for(bundled))
    expected = scan(bundled, cache=cache).corpus
    for entry in (cache.folder / "claimfile").glob("*.bin"):
        entry.write_bytes(entry.read_bytes()[:-7])  # truncated
    again = Cache(cache_dir_for(bundled))
    assert scan(bundled, cache=again).corpus == expected
    assert again.hits == 0
    assert scan(bundled, cache=Cache(cache_dir_for(bundled))).corpus == expected


def test_progress_hook_counts_every_file(bundled: Path) -> None:
    calls: list[tuple[int, int]] = []
    loaded = scan(bundled, progress=lambda done, total: calls.append((done, total)))
    n = len(loaded.files)
    assert calls == [(i, n) for i in range(1, n + 1)]


def test_report_twice_skips_the_second_run_and_no_cache_redoes_it(bundled: Path) -> None:
    runner = CliRunner()
    out = bundled.parent / "reports"
    args = ["report", str(bundled), "-o", str(out)]
    first = runner.invoke(app, args)
    assert first.exit_code == 0, first.output
    before = {p.name: p.read_bytes() for p in out.iterdir()}
    second = runner.invoke(app, args)
    assert second.exit_code == 0
    assert "up to date" in second.output
    third = runner.invoke(app, [*args, "--no-cache"])
    assert third.exit_code == 0
    assert "up to date" not in third.output
    assert {p.name: p.read_bytes() for p in out.iterdir()} == before


def test_report_after_an_edit_to_a_report_behaves_as_without_cache(bundled: Path) -> None:
    runner = CliRunner()
    out = bundled.parent / "reports"
    args = ["report", str(bundled), "-o", str(out)]
    assert runner.invoke(app, args).exit_code == 0
    (out / "index.md").write_text("# my notes\n")
    cached = runner.invoke(app, args)
    uncached = runner.invoke(app, [*args, "--no-cache"])
    assert cached.exit_code == uncached.exit_code == 1
    assert (out / "index.md").read_text() == "# my notes\n"
