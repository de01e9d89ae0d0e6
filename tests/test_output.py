"""Safe writing of generated files (claimgraph.output)."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from claimgraph.errors import OutputError
from claimgraph.io import atomic
from claimgraph.output import MANIFEST_NAME, OutputFolder, safe_filename, write_file


@pytest.mark.parametrize(
    "ident",
    ["../../x", "/etc/passwd", "..", ".", "a/../../b", "a\\b", "", "index", "CON", "x\x00y", "…"],
)
def test_filename_never_leaves_the_folder(ident: str, tmp_path: Path) -> None:
    name = safe_filename(ident)
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".")
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


def test_plain_ids_keep_their_name() -> None:
    assert safe_filename("dzhankoi-2023-03-20") == "dzhankoi-2023-03-20.md"
    assert safe_filename("seed_000.v2", ".json") == "seed_000.v2.json"


def test_ids_that_fold_alike_get_different_names() -> None:
    assert safe_filename("a/b") != safe_filename("a:b")
    assert safe_filename("index") != "index.md"


def test_long_ids_are_shortened() -> None:
    assert len(safe_filename("x" * 500)) < 100


def test_writes_files_and_manifest(tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = OutputFolder(out).write_all({"a.md": "A\n", "b.md": "B\n"})
    assert result.written == ["a.md", "b.md"]
    assert (out / "a.md").read_text() == "A\n"
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["format"] == "claimgraph-manifest"
    assert sorted(manifest["files"]) == ["a.md", "b.md"]


def test_rewrites_its_own_files(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "old\n"})
    result = OutputFolder(tmp_path).write_all({"a.md": "new\n"})
    assert result.written == ["a.md"]
    assert (tmp_path / "a.md").read_text() == "new\n"


def test_unchanged_file_is_not_rewritten(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "same\n"})
    mtime = (tmp_path / "a.md").stat().st_mtime_ns
    result = OutputFolder(tmp_path).write_all({"a.md": "same\n"})
    assert result.unchanged == ["a.md"] and result.written == []
    assert (tmp_path / "a.md").stat().st_mtime_ns == mtime


def test_files_already_as_they_would_be_written_are_adopted_without_a_manifest(
    tmp_path: Path,
) -> None:
    """Reports committed to git come without a manifest: the same bytes are claimgraph's."""
    (tmp_path / "a.md").write_text("A\n")
    result = OutputFolder(tmp_path).write_all({"a.md": "A\n"})
    assert result.unchanged == ["a.md"]
    assert "a.md" in json.loads((tmp_path / MANIFEST_NAME).read_text())["files"]
    assert OutputFolder(tmp_path).write_all({"a.md": "A2\n"}).written == ["a.md"]


def test_refuses_to_overwrite_a_persons_file(tmp_path: Path) -> None:
    (tmp_path / "notes.md").write_text("my notes\n")
    with pytest.raises(OutputError, match=r"notes\.md: exists but was not written by claimgraph"):
        OutputFolder(tmp_path).write_all({"a.md": "A\n", "notes.md": "generated\n"})
    assert (tmp_path / "notes.md").read_text() == "my notes\n"
    assert not (tmp_path / "a.md").exists()  # nothing written when anything is refused


def test_refuses_a_generated_file_edited_since(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "generated\n"})
    (tmp_path / "a.md").write_text("generated\nplus an editor's note\n")
    with pytest.raises(OutputError, match="edited since"):
        OutputFolder(tmp_path).write_all({"a.md": "regenerated\n"})
    assert "editor's note" in (tmp_path / "a.md").read_text()


def test_force_overwrites(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("mine\n")
    OutputFolder(tmp_path, force=True).write_all({"a.md": "generated\n"})
    assert (tmp_path / "a.md").read_text() == "generated\n"


def test_identical_file_is_adopted(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("generated\n")  # e.g. committed to git, no manifest
    OutputFolder(tmp_path).write_all({"a.md": "generated\n"})
    OutputFolder(tmp_path).write_all({"a.md": "regenerated\n"})
    assert (tmp_path / "a.md").read_text() == "regenerated\n"


def test_stale_outputs_are_removed_but_edited_ones_kept(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n", "b.md": "B\n", "c.md": "C\n"})
    (tmp_path / "c.md").write_text("C, annotated\n")
    (tmp_path / "mine.md").write_text("mine\n")
    result = OutputFolder(tmp_path).write_all({"a.md": "A\n"}, remove_stale=True)
    assert result.removed == ["b.md"]
    assert result.kept == ["c.md"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.md", "c.md", "mine.md"]


def test_stale_files_are_kept_without_remove_stale(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n", "b.md": "B\n"})
    OutputFolder(tmp_path).write_all({"a.md": "A2\n"})
    assert (tmp_path / "b.md").exists()


@pytest.mark.parametrize("name", ["../x.md", "a/b.md", "..", "", MANIFEST_NAME, " a.md"])
def test_refuses_names_outside_the_folder(tmp_path: Path, name: str) -> None:
    with pytest.raises(OutputError, match="refusing to write a file named"):
        OutputFolder(tmp_path / "out").write_all({name: "x"})
    assert not (tmp_path / "x.md").exists()


def test_refuses_to_write_through_a_symlink(tmp_path: Path) -> None:
    (tmp_path / "outside.md").write_text("outside\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(tmp_path / "outside.md")
    with pytest.raises(OutputError):
        OutputFolder(out, force=True).write_all({"a.md": "x\n"})
    assert (tmp_path / "outside.md").read_text() == "outside\n"


def test_output_path_that_is_a_file_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "reports").write_text("a file\n")
    with pytest.raises(OutputError, match="is not a folder"):
        OutputFolder(tmp_path / "reports")


def test_corrupt_manifest_is_an_error(tmp_path: Path) -> None:
    (tmp_path / MANIFEST_NAME).write_text("{not json")
    with pytest.raises(OutputError, match="unreadable manifest"):
        OutputFolder(tmp_path)
    (tmp_path / MANIFEST_NAME).write_text('{"files": []}')
    with pytest.raises(OutputError, match="not a claimgraph manifest"):
        OutputFolder(tmp_path)


def test_write_leaves_no_temporary_files(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n"})
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.md"]


def test_write_file_guards_a_single_export(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    assert write_file(target, "{}\n") is True
    assert write_file(target, "{}\n") is False
    assert write_file(target, '{"a": 1}\n') is True
    target.write_text("edited\n")
    with pytest.raises(OutputError):
        write_file(target, "{}\n")
    assert target.read_text() == "edited\n"


def test_a_single_file_export_to_a_folder_says_to_name_a_file(tmp_path: Path) -> None:
    folder = tmp_path / "out"
    folder.mkdir()
    (folder / "notes.md").write_text("mine\n")
    for force in (False, True):
        with pytest.raises(OutputError, match="is a folder.*give a file name"):
            write_file(folder, "{}\n", force=force)
    assert (folder / "notes.md").read_text() == "mine\n"


def test_a_folder_under_a_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("a file\n")
    with pytest.raises(OutputError, match=r"reports: cannot write \(.*afile is not a folder\)"):
        OutputFolder(tmp_path / "afile" / "reports").write_all({"a.md": "A\n"})


def test_a_failed_write_is_an_error_and_replaces_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno

    real = atomic.write_temp

    def fail_on_b(target: Path, data: bytes) -> str:
        if target.name == "b.md":
            raise OSError(errno.ENOSPC, "No space left on device", str(target))
        return real(target, data)

    OutputFolder(tmp_path).write_all({"a.md": "A\n", "b.md": "B\n"})
    monkeypatch.setattr(atomic, "write_temp", fail_on_b)
    with pytest.raises(OutputError, match=r"b\.md: cannot write \(No space left on device\)"):
        OutputFolder(tmp_path).write_all({"a.md": "A2\n", "b.md": "B2\n"})
    assert (tmp_path / "a.md").read_text() == "A\n"  # nothing replaced before all are on disk
    assert (tmp_path / "b.md").read_text() == "B\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.md", "b.md"]
    monkeypatch.setattr(atomic, "write_temp", real)
    OutputFolder(tmp_path).write_all({"a.md": "A3\n", "b.md": "B3\n"})
    assert (tmp_path / "a.md").read_text() == "A3\n"


def test_many_files_are_written_and_recorded(tmp_path: Path) -> None:
    files = {f"r{i}.md": f"report {i}\n" for i in range(30)}
    result = OutputFolder(tmp_path).write_all(files)
    assert sorted(result.written) == sorted(files)
    assert all((tmp_path / n).read_text() == t for n, t in files.items())
    assert OutputFolder(tmp_path).write_all(files).unchanged == list(files)


@pytest.mark.parametrize("entry", ["../victim.yaml", "/abs/victim.yaml", "sub/../../victim.yaml"])
def test_a_manifest_entry_outside_the_folder_is_never_deleted(tmp_path: Path, entry: str) -> None:
    victim = tmp_path / "victim.yaml"
    victim.write_text("claims: []\n")
    out = tmp_path / "reports"
    OutputFolder(out).write_all({"a.md": "A\n"})
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    name = str(victim) if entry.startswith("/") else entry
    manifest["files"][name] = hashlib.sha256(victim.read_bytes()).hexdigest()
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    result = OutputFolder(out).write_all({"a.md": "A\n"}, remove_stale=True)
    assert result.removed == []
    assert victim.read_text() == "claims: []\n"
    assert name not in json.loads((out / MANIFEST_NAME).read_text())["files"]


# -- streamed writes: each file to disk as it is generated, all or none -------------------


def test_a_stream_writes_text_and_chunks_and_keeps_only_their_hashes(tmp_path: Path) -> None:
    def files() -> Iterator[tuple[str, str | Iterator[str]]]:
        yield "a.md", "A\n"
        yield "b.json", iter(["[", "1", "]\n"])

    result = OutputFolder(tmp_path).write_stream(["a.md", "b.json"], files())
    assert result.written == ["a.md", "b.json"]
    assert (tmp_path / "b.json").read_text() == "[1]\n"
    assert result.digests == {
        "a.md": hashlib.sha256(b"A\n").hexdigest(),
        "b.json": hashlib.sha256(b"[1]\n").hexdigest(),
    }
    again = OutputFolder(tmp_path).write_stream(["b.json"], [("b.json", iter(["[1]", "\n"]))])
    assert again.unchanged == ["b.json"] and again.written == []
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.md", "b.json"]


def test_a_refusal_late_in_a_stream_replaces_nothing_and_leaves_no_temporary_file(
    tmp_path: Path,
) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n"})
    (tmp_path / "notes.md").write_text("a person's notes\n")
    files = [("a.md", "A2\n"), ("new.md", "N\n"), ("notes.md", iter(["generated\n"]))]
    with pytest.raises(OutputError, match="notes.md: exists but was not written by claimgraph"):
        OutputFolder(tmp_path).write_stream([n for n, _ in files], iter(files))
    assert (tmp_path / "a.md").read_text() == "A\n"
    assert (tmp_path / "notes.md").read_text() == "a person's notes\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.md", "notes.md"]


def test_an_error_while_generating_replaces_nothing(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n", "b.md": "B\n"})

    def files() -> Iterator[tuple[str, str]]:
        yield "a.md", "A2\n"
        raise ValueError("rendering failed")

    with pytest.raises(ValueError, match="rendering failed"):
        OutputFolder(tmp_path).write_stream(["a.md", "b.md"], files(), remove_stale=True)
    assert (tmp_path / "a.md").read_text() == "A\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == [MANIFEST_NAME, "a.md", "b.md"]


def test_a_stream_may_write_only_the_names_it_announced(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="not announced"):
        OutputFolder(tmp_path).write_stream(["a.md"], [("a.md", "A\n"), ("b.md", "B\n")])
    with pytest.raises(OutputError, match="generated twice"):
        OutputFolder(tmp_path).write_stream(["a.md"], [("a.md", "A\n"), ("a.md", "B\n")])
    assert sorted(p.name for p in tmp_path.iterdir()) == []


def test_announced_names_not_generated_are_not_stale(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n", "b.md": "B\n"})
    result = OutputFolder(tmp_path).write_stream(
        ["a.md", "b.md"], [("a.md", "A\n")], remove_stale=True
    )
    assert result.removed == [] and (tmp_path / "b.md").exists()
