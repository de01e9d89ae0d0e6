"""Interrupted runs: nothing lost, nothing half-done left behind, the next run finishes.

A run stopped while it writes reports (Ctrl-C, SIGTERM from a scheduler, or
SIGKILL and a power cut) must leave each report whole (old or new), no
temporary file behind for long, and a manifest that knows every file
claimgraph wrote, so that the next run, whatever the claims say by then,
finishes the job without ``--force`` (which would also overwrite real edits).

The fast tests send the signal from inside the run at an exact moment (a
patched ``_write_temp`` or ``os.replace`` calls ``os.kill`` on its own
process); the slow ones send it from outside, at a random moment, on a
generated corpus.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from claimgraph.errors import OutputError
from claimgraph.io import atomic
from claimgraph.output import MANIFEST_NAME, OutputFolder

ROOT = Path(__file__).parent.parent

# Runs the CLI after arranging for a signal to arrive at the N-th call of a function
# of claimgraph.output: _write_temp (temporary files being written) or os.replace
# (renames; the first one is the manifest that lists the new hashes); or, for
# convert, the N-th fsync (of a temporary file, before its rename).
DRIVER = """
import os, signal, sys
import claimgraph.output as out
where, nth, signum = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
sys.argv = ["claimgraph", *sys.argv[4:]]
calls = [0]
def patched(real):
    def call(*args, **kwargs):
        calls[0] += 1
        if calls[0] == nth:
            os.kill(os.getpid(), signum)
        return real(*args, **kwargs)
    return call
if where == "temp":
    import claimgraph.io.atomic as atomic
    atomic.write_temp = patched(atomic.write_temp)
elif where == "convert":
    os.fsync = patched(os.fsync)  # a temporary file written, not yet renamed
else:
    out.os.replace = patched(out.os.replace)
from claimgraph.cli import main
main()
"""


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


def _interrupted(
    where: str, nth: int, signum: int, *args: str, cwd: Path
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", DRIVER, where, str(nth), str(signum), *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
    )


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated project of 300 claims and 30 events (31 reports with the index)."""
    root = tmp_path_factory.mktemp("gen") / "project"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--claims", "300", "--out", str(root)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return root


@pytest.fixture
def project(generated: Path, tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(generated, root)
    done = _run("report", "claims", "-o", "reports", cwd=root)
    assert done.returncode == 0, done.stderr
    return root


def _rename_sides(project: Path, label: str) -> None:
    """Give every side a new name, so that every report (and index.md) changes."""
    parties = project / "claims" / "parties.yaml"
    text = parties.read_text("utf-8")
    if text.startswith("sides:"):
        text = text.split("\n", 5)[-1]
    sides = "sides:\n" + "".join(
        f"  {s}: {s.title()} ({label})\n"
        for s in ("russia", "ukraine", "independent", "international")
    )
    parties.write_text(sides + text, "utf-8")


def _visible(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


def _hidden(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def _manifest_knows_every_file(folder: Path) -> None:
    data = json.loads((folder / MANIFEST_NAME).read_text("utf-8"))
    known = {**data.get("pending", {})}
    for name, digest in _visible(folder).items():
        sha = hashlib.sha256(digest).hexdigest()
        assert sha in (data["files"].get(name), known.get(name)), f"{name} is not in the manifest"


def _expected(project: Path, label: str) -> dict[str, bytes]:
    """What one uninterrupted run writes once the sides are named ``label``."""
    _rename_sides(project, label)
    done = _run("report", "claims", "-o", "expected", "--no-cache", cwd=project)
    assert done.returncode == 0, done.stderr
    return _visible(project / "expected")


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_while_temporary_files_are_written_leaves_none_and_the_old_reports(
    project: Path, signum: int
) -> None:
    out = project / "reports"
    old = _visible(out)
    new = _expected(project, "first")
    done = _interrupted("temp", 5, signum, "report", "claims", "-o", "reports", cwd=project)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert _hidden(out) == [MANIFEST_NAME]  # no temporary file left behind
    assert _visible(out) == old  # stopped before any report was replaced
    _manifest_knows_every_file(out)
    done = _run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    assert _visible(out) == new


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_a_signal_among_the_renames_lets_them_finish_then_stops(project: Path, signum: int) -> None:
    out = project / "reports"
    new = _expected(project, "first")
    done = _interrupted("replace", 3, signum, "report", "claims", "-o", "reports", cwd=project)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert _hidden(out) == [MANIFEST_NAME]
    assert _visible(out) == new  # every rename was done before the signal was delivered
    data = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    assert "pending" not in data and set(data["files"]) == set(new)


@pytest.mark.parametrize("nth", [1, 2, 10, 31])
def test_a_run_killed_among_the_renames_is_finished_by_the_next_run_without_force(
    project: Path, nth: int
) -> None:
    """SIGKILL cannot be caught: the manifest must already list what was being renamed."""
    out = project / "reports"
    old = _visible(out)
    first = _expected(project, "first")
    done = _interrupted("replace", nth, signal.SIGKILL, "report", "claims", "-o", "reports",
                        cwd=project)  # fmt: skip
    assert done.returncode == -signal.SIGKILL
    for name, data in _visible(out).items():
        assert data in (old[name], first[name]), name
    _manifest_knows_every_file(out)
    # The claims change again before the next run, as they do in a newsroom.
    second = _expected(project, "second")
    done = _run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr  # no "use --force"
    assert _visible(out) == second
    assert _hidden(out) == [MANIFEST_NAME]  # the killed run's temporary files are gone
    assert "pending" not in json.loads((out / MANIFEST_NAME).read_text("utf-8"))


def test_a_run_killed_while_writing_temporary_files_leaves_them_to_the_next_run(
    project: Path,
) -> None:
    out = project / "reports"
    old = _visible(out)
    _rename_sides(project, "first")
    done = _interrupted("temp", 12, signal.SIGKILL, "report", "claims", "-o", "reports",
                        cwd=project)  # fmt: skip
    assert done.returncode == -signal.SIGKILL
    assert len(_hidden(out)) > 1  # temporary files, whole reports each
    assert _visible(out) == old
    done = _run("report", "claims", "-o", "reports", "--no-cache", cwd=project)
    assert done.returncode == 0, done.stderr
    assert _hidden(out) == [MANIFEST_NAME]


def test_leftovers_are_removed_but_not_a_persons_hidden_files(tmp_path: Path) -> None:
    OutputFolder(tmp_path).write_all({"a.md": "A\n"})
    for name in (".a.md.k2j4h5g6.tmp", f".{MANIFEST_NAME}.abcd_123.tmp", ".b.md.zzzzzzzz.tmp"):
        (tmp_path / name).write_text("left by a killed run\n")
    for name in (".notes.md", ".mine.tmp", ".x.md.toolongname.tmp"):
        (tmp_path / name).write_text("a person's\n")
    OutputFolder(tmp_path).write_all({"a.md": "A2\n", "b.md": "B\n"})
    assert _hidden(tmp_path) == sorted(
        [MANIFEST_NAME, ".notes.md", ".mine.tmp", ".x.md.toolongname.tmp"]
    )


def test_a_write_error_names_the_report_not_its_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import errno
    import tempfile

    def full(target: Path, data: bytes) -> str:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.")
        os.close(fd)
        raise OSError(errno.ENOSPC, "No space left on device", tmp)

    monkeypatch.setattr(atomic, "write_temp", full)
    with pytest.raises(OutputError) as raised:
        OutputFolder(tmp_path).write_all({"index.md": "x\n"})
    assert str(raised.value) == f"{tmp_path / 'index.md'}: cannot write (No space left on device)"


def test_a_symlink_refused_under_force_does_not_say_use_force(tmp_path: Path) -> None:
    (tmp_path / "elsewhere.md").write_text("elsewhere\n")
    out = tmp_path / "out"
    out.mkdir()
    (out / "a.md").symlink_to(tmp_path / "elsewhere.md")
    for force in (False, True):
        with pytest.raises(OutputError) as raised:
            OutputFolder(out, force=force).write_all({"a.md": "x\n"})
        assert "--force to" not in str(raised.value)
        assert "symbolic link" in str(raised.value)


def test_two_names_that_differ_only_by_case_are_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="only by case"):
        OutputFolder(tmp_path).write_all({"Dzhankoi.md": "a\n", "dzhankoi.md": "b\n"})
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_convert_interrupted_leaves_no_temporary_file_and_whole_files(
    generated: Path, tmp_path: Path, signum: int
) -> None:
    project = tmp_path / "project"
    shutil.copytree(generated, project)
    done = _interrupted("convert", 2, signum, "convert", "claims", "out", "--to", "csv",
                        cwd=project)  # fmt: skip
    assert done.returncode != 0 and "Traceback" not in done.stderr
    out = project / "out"
    written = [p for p in out.rglob("*") if p.is_file()]
    assert written and not [p for p in written if p.name.startswith(".")]
    assert len(written) < len([p for p in (project / "claims").rglob("*") if p.is_file()])
    done = _run("convert", "claims", "out", "--to", "csv", "--force", cwd=project)
    assert done.returncode == 0, done.stderr


def test_convert_refuses_two_targets_that_differ_only_by_case(tmp_path: Path) -> None:
    from claimgraph.convert import convert_corpus

    root = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "data" / "valid" / "basic", root)
    claims = root / "claims" / "dzhankoi.yaml"
    text = claims.read_text("utf-8")
    (root / "claims" / "Dzhankoi.yaml").write_text(
        text.replace("id: report-1", "id: report-2").replace("- id: dzhankoi-", "- id: other-"),
        "utf-8",
    )
    with pytest.raises(OutputError, match="only by case|one file on macOS"):
        convert_corpus(root / "claims", root / "out", "csv")
    assert not (root / "out").exists()


# ---------------------------------------------------------------------------
# From outside, at a random moment, on a bigger corpus


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("big") / "project"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--claims", "3000", "--out", str(root)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return root


def _signal_while_writing(proc: subprocess.Popen[bytes], folder: Path, signum: int) -> bool:
    """Send ``signum`` once a temporary file shows up in ``folder``; whether it was sent."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if any(n.endswith(".tmp") for n in os.listdir(folder)):
            proc.send_signal(signum)
            proc.wait()
            return True
        time.sleep(0.0005)
    proc.wait()
    return False


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["SIGINT", "SIGTERM"])
def test_report_interrupted_from_outside_leaves_no_temporary_file_and_next_run_finishes(
    big: Path, tmp_path: Path, signum: int
) -> None:
    project = tmp_path / "project"
    shutil.copytree(big, project)
    assert _run("report", "claims", "-o", "reports", cwd=project).returncode == 0
    out = project / "reports"
    old = _visible(out)
    sent = 0
    for trial in range(3):
        _rename_sides(project, f"trial {trial}")
        proc = subprocess.Popen(
            [sys.executable, "-m", "claimgraph", "report", "claims", "-o", "reports",
             "--no-cache"],
            cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )  # fmt: skip
        sent += _signal_while_writing(proc, out, signum)
        assert not [n for n in os.listdir(out) if n.endswith(".tmp")]
        _manifest_knows_every_file(out)
        assert set(_visible(out)) == set(old)
    assert sent >= 1, "no trial was interrupted while writing"
    _rename_sides(project, "final")
    done = _run("report", "claims", "-o", "reports", cwd=project)
    assert done.returncode == 0, done.stderr
    expected = _expected(project, "final")
    assert _visible(out) == expected
