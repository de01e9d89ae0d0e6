"""No lost work: the tool never clobbers, truncates or deletes what a person wrote.

- ``extract`` never overwrites a draft without ``--force`` (it may carry a review);
- ``report`` and ``convert`` write each file atomically: a run killed with
  SIGKILL in the middle of writing leaves every earlier output whole, either
  the old version or the new one, byte for byte, and the next run recovers;
- a file in an output folder that claimgraph did not write, or that a person
  edited since, is neither overwritten nor deleted (see ``output.py``);
- no command ever rewrites a claim file, valid or not.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
BASIC = DATA / "valid" / "basic"

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert "Traceback" not in result.stderr
    return result.exit_code, result.stderr


def digest(folder: Path) -> dict[str, str]:
    """Every file under ``folder`` by relative path, with the SHA-256 of its bytes.

    The tool's cache (``.claimgraph-cache``, its own working state) is left out.
    """
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file() and ".claimgraph-cache" not in p.relative_to(folder).parts
    }


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    return root


# ---------------------------------------------------------------------------
# extract


def test_extract_never_overwrites_a_draft_without_force(project: Path) -> None:
    report = project / "seeds" / "report.txt"
    drafts = project / "drafts"
    code, err = invoke(
        "extract", str(report), "-o", str(drafts), "--parties", str(project / "claims")
    )
    assert code == 0, err
    (draft,) = drafts.glob("*.yaml")
    reviewed = draft.read_text("utf-8") + "# reviewed by a person: keep\n"
    draft.write_text(reviewed, "utf-8")

    code, err = invoke(
        "extract", str(report), "-o", str(drafts), "--parties", str(project / "claims")
    )
    assert code == 1
    assert str(draft) in err and "--force" in err
    assert draft.read_text("utf-8") == reviewed
    assert [p.name for p in drafts.iterdir()] == [draft.name]  # no stray temporary file

    code, err = invoke(
        "extract", str(report), "-o", str(drafts), "--parties", str(project / "claims"), "--force"
    )
    assert code == 0, err
    assert "# reviewed by a person" not in draft.read_text("utf-8")


# ---------------------------------------------------------------------------
# report: the manifest rule


def test_a_persons_notes_in_the_reports_folder_survive_every_run(project: Path) -> None:
    out = project / "reports"
    out.mkdir()
    notes = out / "notes.md"
    notes.write_text("# My notes\n\nCall the press office.\n", "utf-8")
    for args in ([], ["--force"], ["--event", "dzhankoi-2023-03-20"]):
        code, err = invoke("report", str(project / "claims"), "-o", str(out), *args)
        assert code == 0, err
        assert notes.read_text("utf-8") == "# My notes\n\nCall the press office.\n"
    # Even when every event disappears (stale reports are cleaned up), the notes stay.
    (project / "claims" / "dzhankoi.yaml").unlink()
    (project / "claims" / "events.yaml").unlink()
    code, err = invoke("report", str(project / "claims"), "-o", str(out))
    assert code == 0, err
    assert notes.exists()
    assert not (out / "dzhankoi-2023-03-20.md").exists()


def test_a_report_edited_by_hand_is_not_clobbered_and_nothing_else_is_written(
    project: Path,
) -> None:
    out = project / "reports"
    code, _ = invoke("report", str(project / "claims"), "-o", str(out))
    assert code == 0
    edited = out / "dzhankoi-2023-03-20.md"
    edited.write_text(edited.read_text("utf-8") + "\nEditor's note: verified by phone.\n", "utf-8")
    # Change the claims so every report would change.
    events = project / "claims" / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("Explosions in", "Blasts in"), "utf-8")
    before = digest(out)

    code, err = invoke("report", str(project / "claims"), "-o", str(out))
    assert code == 1
    assert f"{edited}" in err and "--force" in err
    assert digest(out) == before  # all or nothing: index.md not rewritten either

    code, err = invoke("report", str(project / "claims"), "-o", str(out), "--force")
    assert code == 0, err
    assert "Editor's note" not in edited.read_text("utf-8")
    assert "Blasts in" in edited.read_text("utf-8")


def test_a_stale_report_edited_by_hand_is_kept_with_a_warning(project: Path) -> None:
    out = project / "reports"
    invoke("report", str(project / "claims"), "-o", str(out))
    stale = out / "dzhankoi-2023-03-20.md"
    stale.write_text(stale.read_text("utf-8") + "\nEdited.\n", "utf-8")
    (project / "claims" / "dzhankoi.yaml").unlink()
    (project / "claims" / "events.yaml").unlink()
    code, err = invoke("report", str(project / "claims"), "-o", str(out))
    assert code == 0, err
    assert stale.read_text("utf-8").endswith("\nEdited.\n")
    assert "kept because it was edited" in err


def test_a_file_of_the_same_name_that_claimgraph_did_not_write_is_refused(project: Path) -> None:
    out = project / "reports"
    out.mkdir()
    mine = out / "index.md"
    mine.write_text("my own index\n", "utf-8")
    code, err = invoke("report", str(project / "claims"), "-o", str(out))
    assert code == 1
    assert mine.read_text("utf-8") == "my own index\n"
    assert sorted(p.name for p in out.iterdir()) == ["index.md"]


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_an_export_file_a_person_wrote_is_not_overwritten(project: Path, fmt: str) -> None:
    target = project / f"assessment.{fmt}"
    target.write_text("a person's spreadsheet\n", "utf-8")
    code, err = invoke("report", str(project / "claims"), "--format", fmt, "-o", str(target))
    assert code == 1
    assert target.read_text("utf-8") == "a person's spreadsheet\n"
    code, err = invoke(
        "report", str(project / "claims"), "--format", fmt, "-o", str(target), "--force"
    )
    assert code == 0, err
    assert target.read_text("utf-8") != "a person's spreadsheet\n"


def test_convert_never_overwrites_a_file_in_the_destination_without_force(project: Path) -> None:
    dest = project / "converted"
    code, err = invoke("convert", str(project / "claims"), str(dest), "--to", "csv")
    assert code == 0, err
    mine = dest / "parties.yaml"
    mine.write_text("# my edits\n" + mine.read_text("utf-8"), "utf-8")
    before = digest(dest)
    code, err = invoke("convert", str(project / "claims"), str(dest), "--to", "csv")
    assert code == 1
    assert "already exists" in err
    assert digest(dest) == before


# ---------------------------------------------------------------------------
# No command rewrites a claim file


def _commands(project: Path) -> list[list[str]]:
    claims = str(project / "claims")
    out = project.parent / "out"
    return [
        ["validate", claims],
        ["validate", claims, "--format", "json"],
        ["report", claims, "-o", str(out / "reports")],
        ["report", claims, "--format", "json"],
        ["report", claims, "--format", "csv", "-o", str(out / "a.csv")],
        ["events", claims],
        ["claims", claims, "--format", "csv"],
        ["parties", claims, "--format", "json"],
        ["export", "graph", claims, "-o", str(out / "g.graphml")],
        ["export", "claimreview", claims, "-o", str(out / "cr.json")],
        ["convert", claims, str(out / "conv"), "--to", "jsonl"],
        ["extract", str(project / "seeds" / "report.txt"), "-o", str(out / "drafts"),
         "--parties", claims],
        ["eval", "extract", "--claims", claims],
    ]  # fmt: skip


@pytest.mark.parametrize("broken", [False, True], ids=["valid", "invalid"])
def test_no_command_rewrites_a_claim_file_valid_or_not(project: Path, broken: bool) -> None:
    if broken:
        bad = project / "claims" / "dzhankoi.yaml"
        bad.write_text(
            bad.read_text("utf-8").replace("party: ukraine-intelligence", "party: hur", 1)
            + "  - id: broken\n    evnt: x\n    value: [unclosed\n",
            "utf-8",
        )
    before = digest(project)
    mtimes = {p: p.stat().st_mtime_ns for p in (project / "claims").rglob("*")}
    for args in _commands(project):
        code, _err = invoke(*args)
        assert code in (0, 1), args
        if broken and args[0] in ("validate", "report", "events", "claims", "parties", "export"):
            assert code == 1, args
        assert digest(project) == before, args
        assert {p: p.stat().st_mtime_ns for p in (project / "claims").rglob("*")} == mtimes


# ---------------------------------------------------------------------------
# Killed mid-run: every earlier output is whole


def _cli(*args: str, cwd: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def _run(*args: str, cwd: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "claimgraph", *args], cwd=cwd, capture_output=True, timeout=300
    )
    assert done.returncode == 0, done.stderr.decode()


@pytest.fixture(scope="module")
def big_project(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated corpus (1,500 claims, 150 events) from benchmarks/generate.py."""
    root = tmp_path_factory.mktemp("big") / "project"
    subprocess.run(
        [sys.executable, "-m", "benchmarks.generate", "--claims", "1500", "--out", str(root)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=120,
    )
    return root


def _change_every_output(project: Path) -> None:
    """Rename every side, so that every report (and index.md) changes."""
    parties = project / "claims" / "parties.yaml"
    text = parties.read_text("utf-8")
    sides = "sides:\n" + "".join(
        f"  {s}: {s.title()} (renamed)\n"
        for s in ("russia", "ukraine", "independent", "international")
    )
    parties.write_text(sides + text, "utf-8")


def _kill_while_writing(proc: subprocess.Popen[bytes], folder: Path, after: float) -> bool:
    """SIGKILL ``proc`` ``after`` seconds once a temporary file shows up under ``folder``."""
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        writing = any(n.endswith(".tmp") for _, _, names in os.walk(folder) for n in names)
        if writing:
            time.sleep(after)
            if proc.poll() is not None:
                return False
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
        time.sleep(0.001)
    proc.wait()
    return False


def _kill_when_a_file_changes(proc: subprocess.Popen[bytes], folder: Path) -> bool:
    """SIGKILL ``proc`` as soon as any visible file under ``folder`` is touched."""

    def stamps() -> dict[Path, tuple[int, int]]:
        out = {}
        for path in folder.rglob("*"):
            if not path.name.startswith("."):
                try:
                    st = path.stat()
                except FileNotFoundError:
                    continue
                out[path] = (st.st_mtime_ns, st.st_size)
        return out

    first = stamps()
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and proc.poll() is None:
        if stamps() != first:
            if proc.poll() is not None:
                return False
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return True
    proc.wait()
    return False


def _assert_each_old_or_new(folder: Path, old: dict[str, bytes], new: dict[str, bytes]) -> int:
    """Every visible file is byte-identical to its old or new version; the count of new ones."""
    fresh = 0
    for path in folder.iterdir():
        if path.name.startswith("."):
            continue  # the manifest and temporary files a kill leaves behind
        data = path.read_bytes()
        assert data in (old.get(path.name), new.get(path.name)), f"{path.name} is neither"
        fresh += data == new.get(path.name) != old.get(path.name)
    assert {p.name for p in folder.iterdir() if not p.name.startswith(".")} == set(old)
    return fresh


def _contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith(".")}


@pytest.mark.slow
def test_report_killed_mid_write_leaves_every_report_whole(
    big_project: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(big_project, project)
    _run("report", "claims", "-o", "old", cwd=project)
    old = _contents(project / "old")
    _change_every_output(project)
    _run("report", "claims", "-o", "new", cwd=project)
    new = _contents(project / "new")
    assert set(old) == set(new) and all(old[n] != new[n] for n in old)

    killed = 0
    for trial, when in enumerate(("temporary files", "first rename", "first rename")):
        out = project / f"trial{trial}"
        shutil.copytree(project / "old", out)
        proc = _cli("report", "claims", "-o", out.name, "--no-cache", cwd=project)
        if when == "temporary files":
            was_killed = _kill_while_writing(proc, out, 0.0)
        else:
            was_killed = _kill_when_a_file_changes(proc, out)
        if was_killed:
            killed += 1
            assert proc.returncode == -signal.SIGKILL
        _assert_each_old_or_new(out, old, new)
        # The next run recovers: it adopts what the killed run wrote and finishes the rest.
        _run("report", "claims", "-o", out.name, cwd=project)
        assert _contents(out) == new
    assert killed >= 1, "no trial was killed while writing"


@pytest.mark.slow
def test_convert_killed_mid_write_leaves_every_file_whole(
    big_project: Path, tmp_path: Path
) -> None:
    project = tmp_path / "project"
    shutil.copytree(big_project, project)
    _run("convert", "claims", "old", "--to", "jsonl", cwd=project)
    old_files = {
        p.relative_to(project / "old").as_posix(): p.read_bytes()
        for p in (project / "old").rglob("*")
        if p.is_file()
    }
    _change_every_output(project)
    _run("convert", "claims", "new", "--to", "jsonl", cwd=project)
    new_files = {
        p.relative_to(project / "new").as_posix(): p.read_bytes()
        for p in (project / "new").rglob("*")
        if p.is_file()
    }
    assert new_files["parties.yaml"] != old_files["parties.yaml"]
    killed = 0
    for trial, after in enumerate((0.0, 0.02)):
        out = project / f"trial{trial}"
        shutil.copytree(project / "old", out)
        proc = _cli("convert", "claims", out.name, "--to", "jsonl", "--force", cwd=project)
        if _kill_while_writing(proc, out, after):
            killed += 1
        for path in out.rglob("*"):
            if path.is_file() and not path.name.startswith("."):
                rel = path.relative_to(out).as_posix()
                assert path.read_bytes() in (old_files.get(rel), new_files.get(rel)), rel
    assert killed >= 1, "no trial was killed while writing"
