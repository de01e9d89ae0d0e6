"""Odd names and odd numbers: read as written or refused at their line, shown as text.

- a count is what the person wrote (``010`` is ten, ``0x10`` and ``1:30`` are refused),
  in YAML and in CSV;
- event ids that differ only by case are refused (their reports would be one file
  on macOS and Windows);
- a claims folder of any depth is walked without recursion;
- names and texts holding newlines or terminal escapes are shown escaped: one
  problem, one line; no terminal is cleared or retitled by the data;
- ``report -o -`` is refused for Markdown; short CSV rows, pipes given as source
  files and UTF-16 files each get a message that says what is wrong.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.load import claim_files, read_corpus
from claimgraph.problems import Problem
from claimgraph.quantities import Interval

BASIC = Path(__file__).parent / "data" / "valid" / "basic"
runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    return root


def _count_claim(value: str) -> str:
    return (
        "source: {id: odd}\n"
        "claims:\n"
        "  - id: odd-1\n"
        "    event: dzhankoi-2023-03-20\n"
        "    party: local-channels\n"
        "    quote: as they said\n"
        "    aspect: killed\n"
        f"    value: {value}\n"
    )


CSV_HEAD = "id,event,party,quote,aspect,value,source\n"


def _csv_claim(value: str) -> str:
    return CSV_HEAD + f"odd-1,dzhankoi-2023-03-20,local-channels,said,killed,{value},odd\n"


# ---------------------------------------------------------------------------
# 5. Counts are read as written


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
@pytest.mark.parametrize(("written", "low"), [("010", 10), ("007", 7), ("10", 10), ("0", 0)])
def test_a_count_with_leading_zeros_is_read_as_the_decimal_it_shows(
    project: Path, suffix: str, written: str, low: int
) -> None:
    text = _count_claim(written) if suffix == ".yaml" else _csv_claim(written)
    (project / "claims" / f"odd{suffix}").write_text(text, "utf-8")
    corpus, report = read_corpus(project / "claims")
    assert report.valid, [str(p) for p in report.problems]
    value = corpus.claims["odd-1"].value
    assert isinstance(value, Interval) and (value.low, value.high) == (low, low)


@pytest.mark.parametrize("suffix", [".yaml", ".csv"])
@pytest.mark.parametrize("written", ["0x10", "0b11", "1:30", "0o17", "0x1F"])
def test_a_count_in_another_base_or_sexagesimal_is_refused_at_its_line(
    project: Path, suffix: str, written: str
) -> None:
    text = _count_claim(written) if suffix == ".yaml" else _csv_claim(written)
    (project / "claims" / f"odd{suffix}").write_text(text, "utf-8")
    _, report = read_corpus(project / "claims")
    (problem,) = report.errors
    line = 8 if suffix == ".yaml" else 2
    assert (problem.type, problem.line) == ("bad-value", line)
    assert problem.path.endswith(f"odd{suffix}") and repr(written) in problem.message


# ---------------------------------------------------------------------------
# 6. Ids that differ only by case


def test_event_ids_that_differ_only_by_case_are_refused(project: Path) -> None:
    events = project / "claims" / "events.yaml"
    events.write_text(
        events.read_text("utf-8")
        + "  Dzhankoi-2023-03-20:\n    title: Same event, other case\n    date: 2023-03-20\n",
        "utf-8",
    )
    _, report = read_corpus(project / "claims")
    (problem,) = report.errors
    assert problem.type == "duplicate-id" and "only by case" in problem.message
    assert problem.path.endswith("events.yaml") and problem.line > 1
    result = runner.invoke(app, ["report", str(project / "claims"), "-o", str(project / "r")])
    assert result.exit_code == 1 and not (project / "r").exists()


# ---------------------------------------------------------------------------
# 7. Depth


def _deep(root: Path, depth: int) -> Path:
    """``root/d/d/.../d`` ``depth`` levels deep, made without long paths (chdir down)."""
    here = os.getcwd()
    try:
        os.chdir(root)
        for _ in range(depth):
            os.mkdir("d")
            os.chdir("d")
        Path("deep.yaml").write_text("claims: []\n", "utf-8")
        return Path(os.getcwd())
    finally:
        os.chdir(here)


def _remove_deep(top: Path) -> None:
    """Remove a deep tree without recursion (shutil.rmtree, and so pytest's own clean-up
    of old temporary folders, recurses per level and would fail on it)."""
    here = os.getcwd()
    try:
        os.chdir(top)
        depth = 0
        while True:
            if os.path.isdir("d"):
                os.chdir("d")
                depth += 1
                continue
            for name in os.listdir("."):
                os.unlink(name)
            if depth == 0:
                break
            os.chdir("..")
            os.rmdir("d")
            depth -= 1
    finally:
        os.chdir(here)


def test_a_claims_folder_nested_1100_deep_is_walked_without_recursion(project: Path) -> None:
    from claimgraph.cache import input_files

    try:
        bottom = _deep(project / "claims", 1100)
        assert bottom / "deep.yaml" in claim_files(project / "claims")
        assert bottom / "deep.yaml" in input_files(project / "claims")
        result = runner.invoke(app, ["validate", str(project / "claims")])
        assert result.exception is None or isinstance(result.exception, SystemExit)
        assert "Traceback" not in result.output and "RecursionError" not in result.output
    finally:
        if (project / "claims" / "d").exists():
            _remove_deep(project / "claims" / "d")
            os.rmdir(project / "claims" / "d")


# ---------------------------------------------------------------------------
# 8 and 9. Names and texts are shown as text


def test_a_newline_in_a_file_name_keeps_one_problem_on_one_line(project: Path) -> None:
    odd = project / "claims" / "bad\nname.yaml"
    odd.write_text("claims: [unclosed\n", "utf-8")
    result = runner.invoke(app, ["validate", str(project / "claims")])
    assert result.exit_code == 1
    lines = [line for line in result.stderr.splitlines() if "name.yaml" in line]
    assert len(lines) == 1 and "bad\\nname.yaml" in lines[0]
    assert all(line.startswith(str(project)) for line in result.stderr.splitlines())


def test_a_problem_string_never_holds_a_control_character() -> None:
    p = Problem("x", "quote \x1b]0;owned\x07 \x1b[2J\u202e", "a\nb\r.yaml", 1, 2, hint="\x9b")
    text = str(p)
    assert text.isprintable() and "\\x1b]0;owned\\x07" in text and "a\\nb\\r.yaml" in text


# Clear the screen, set the window title, a C1 CSI, a right-to-left override (YAML escapes).
ESCAPES = r"\e[2J\e]0;owned\a\x9b31m\u202e"
RAW = "\x1b[2J\x1b]0;owned\x07\x9b31m\u202e"


def _hostile_titles(project: Path) -> None:
    """Terminal escapes in an event title, a party name and a quote (and its source text)."""
    edits = {
        "claims/events.yaml": [
            ("title: Explosions in Dzhankoi", f'title: "Explosions {ESCAPES} in Dzhankoi"')
        ],
        "claims/parties.yaml": [
            (
                "name: Russian occupation authorities in Crimea",
                f'name: "Russian {ESCAPES} occupation authorities"',
            )
        ],
        "claims/dzhankoi.yaml": [
            (
                'quote: "Unfortunately, one person was injured."',
                f'quote: "Unfortunately, {ESCAPES} one person was injured."',
            )
        ],
        "seeds/report.txt": [
            (
                "Unfortunately, one person was injured.",
                f"Unfortunately, {RAW} one person was injured.",
            )
        ],
    }
    for name, changes in edits.items():
        path = project / name
        text = path.read_text("utf-8")
        for old, new in changes:
            assert old in text
            text = text.replace(old, new)
        path.write_text(text, "utf-8")


@pytest.mark.parametrize("command", ["events", "claims", "parties"])
def test_tables_show_terminal_escapes_from_the_data_as_text(project: Path, command: str) -> None:
    _hostile_titles(project)
    result = runner.invoke(app, [command, str(project / "claims")])
    assert result.exit_code == 0, result.output
    assert not any(c in result.stdout for c in "\x1b\x07\x9b\u202e")
    if command != "events":  # the events table shows ids only
        assert "\\x1b[2J" in result.stdout


def test_validate_shows_a_hostile_quote_as_text(project: Path) -> None:
    claims = project / "claims" / "dzhankoi.yaml"
    claims.write_text(
        claims.read_text("utf-8").replace(
            'quote: "Unfortunately, one person was injured."',
            'quote: "\\e]0;owned\\a\\e[2J not in the source"',
        ),
        "utf-8",
    )
    result = runner.invoke(app, ["validate", str(project / "claims")])
    assert result.exit_code == 1
    assert "\\x1b]0;owned\\x07" in result.stderr
    assert not any(c in result.output for c in "\x1b\x07")


def _on_a_terminal(*args: str, cwd: Path) -> bytes:
    """What a command prints on a terminal (a pseudo-terminal as its standard output)."""
    import pty

    leader, follower = pty.openpty()
    proc = subprocess.Popen(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        stdout=follower,
        stderr=subprocess.DEVNULL,
    )
    os.close(follower)
    out = b""
    try:
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # EIO: the command closed the terminal (it exited)
                break
            if not chunk:
                break
            out += chunk
    finally:
        os.close(leader)
        proc.wait(timeout=120)
    return out


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pty")
@pytest.mark.parametrize(
    "args", [["claims"], ["parties"], ["claims", "-f", "csv"], ["report", "-f", "json"]], ids=str
)
def test_nothing_from_the_data_reaches_a_real_terminal_raw(project: Path, args: list[str]) -> None:
    _hostile_titles(project)
    out = _on_a_terminal(args[0], "claims", *args[1:], cwd=project)
    assert b"Russian" in out or b"Unfortunately" in out
    for raw in ("\x1b[2J", "\x1b]0;", "\x07", "\x9b", "\u202e"):  # claimgraph's own bar aside
        assert raw.encode() not in out, raw


def test_json_piped_keeps_the_data_unchanged(project: Path) -> None:
    _hostile_titles(project)
    result = runner.invoke(app, ["report", str(project / "claims"), "-f", "json"])
    assert result.exit_code == 0
    quotes = [c["quote"] for c in json.loads(result.stdout)["claims"]]
    assert any(RAW in q for q in quotes)  # the data itself, for the program reading it


# ---------------------------------------------------------------------------
# 11. report -o - for Markdown


def test_report_md_to_a_dash_is_refused_and_makes_no_folder(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(project)
    result = runner.invoke(app, ["report", "claims", "-o", "-"])
    assert result.exit_code == 2
    assert "Markdown" in result.stderr and not Path("-").exists()


# ---------------------------------------------------------------------------
# 12. Smaller things


def test_a_csv_row_with_too_few_cells_is_refused_at_its_line(project: Path) -> None:
    (project / "claims" / "sheet.csv").write_text(
        CSV_HEAD
        + "ok-1,dzhankoi-2023-03-20,local-channels,said,killed,2,odd\n"
        + "short-1,dzhankoi-2023-03-20,local-channels\n",
        "utf-8",
    )
    _, report = read_corpus(project / "claims")
    (problem,) = report.errors
    assert (problem.type, problem.line) == ("csv-syntax", 3)
    assert "3 cells where the header has 7" in problem.message
    assert "no source" not in problem.message


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="FIFOs")
def test_a_pipe_given_as_a_source_file_is_named_a_pipe_not_missing(project: Path) -> None:
    seed = project / "seeds" / "report.txt"
    seed.unlink()
    os.mkfifo(seed)
    _, report = read_corpus(project / "claims")
    messages = [p.message for p in report.errors if "report.txt" in p.message]
    assert messages and all("not a regular file" in m for m in messages)
    assert not any("not found" in m for m in messages)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_a_utf16_claim_file_is_named_utf16(project: Path, encoding: str) -> None:
    path = project / "claims" / "wide.yaml"
    path.write_bytes(_count_claim("3").encode(encoding))
    _, report = read_corpus(project / "claims")
    (problem,) = report.errors
    assert problem.type == "bad-encoding" and "UTF-16" in problem.message
    assert "byte offset" not in problem.message
