"""Every command, on any input, ends with its result or clear messages and a documented code.

Exit codes: 0 done, 1 invalid input (or an output that cannot be written
safely), 2 usage error (a bad option, an unknown id, a missing folder).
Problems with the input are printed as ``path:line[:column]: what is wrong``;
no command ever ends in a Python traceback.
"""

from __future__ import annotations

import json
import re
import resource
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app

DATA = Path(__file__).parent / "data"
BASIC = DATA / "valid" / "basic"
HOSTILE_LOAD = DATA / "hostile" / "load"

runner = CliRunner()

# Every command, with the arguments it needs besides the claims folder ({claims})
# and a place to write ({out}).
COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{claims}"],
    "validate-json": ["validate", "{claims}", "--format", "json"],
    "report": ["report", "{claims}", "-o", "{out}/reports"],
    "report-json": ["report", "{claims}", "--format", "json"],
    "report-csv": ["report", "{claims}", "--format", "csv", "-o", "{out}/a.csv"],
    "events": ["events", "{claims}"],
    "claims": ["claims", "{claims}", "--format", "csv"],
    "parties": ["parties", "{claims}", "--format", "json"],
    "export-graph": ["export", "graph", "{claims}", "-o", "{out}/g.graphml"],
    "export-graph-json": ["export", "graph", "{claims}", "-o", "{out}/g.json", "-f", "json"],
    "export-claimreview": ["export", "claimreview", "{claims}", "-o", "{out}/cr.json"],
    "convert": ["convert", "{claims}", "{out}/converted", "--to", "csv"],
    "eval-extract": ["eval", "extract", "--claims", "{claims}"],
}
# Commands that refuse a folder with errors (extract and eval only warn: they
# use the parties that load).
STRICT = [c for c in COMMANDS if c != "eval-extract"]

PLACED = re.compile(r"^(?P<path>[^:\n]+):(?P<line>\d+)(?::\d+)?: (?:warning: )?\S")


def invoke(args: list[str]) -> tuple[int, str, str]:
    """Run the CLI in-process; any exception but an exit fails the test."""
    result = runner.invoke(app, args)
    assert result.exception is None or isinstance(result.exception, SystemExit), (
        args,
        repr(result.exception),
    )
    assert "Traceback" not in result.stdout + result.stderr, args
    return result.exit_code, result.stdout, result.stderr


def fill(command: str, claims: Path, out: Path) -> list[str]:
    return [a.format(claims=claims, out=out) for a in COMMANDS[command]]


@pytest.fixture
def project(tmp_path: Path) -> Path:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    return root


def assert_problem_lines(stderr: str, claims: Path) -> None:
    """Each line is a placed problem inside ``claims``, a summary, or an indented detail."""
    lines = [line for line in stderr.splitlines() if line.strip()]
    assert lines
    placed = 0
    for line in lines:
        if line.startswith(("claimgraph: ", " ")):
            continue
        m = PLACED.match(line)
        assert m, line
        assert m["path"].startswith(str(claims)), line
        placed += 1
    assert placed, stderr


# ---------------------------------------------------------------------------
# 0: valid input


@pytest.mark.parametrize("command", list(COMMANDS))
def test_every_command_succeeds_on_a_valid_folder(project: Path, command: str) -> None:
    code, _, err = invoke(fill(command, project / "claims", project.parent / "out"))
    assert code == 0, err


def test_extract_succeeds_on_a_report(project: Path) -> None:
    code, _, err = invoke(
        ["extract", str(project / "seeds" / "report.txt"), "-o", str(project / "drafts"),
         "--parties", str(project / "claims")]
    )  # fmt: skip
    assert code == 0, err


@pytest.mark.parametrize("command", ["", "export", "eval"])
def test_every_command_has_help(command: str) -> None:
    code, out, _ = invoke([*command.split(), "--help"])
    assert code == 0 and "Usage:" in out
    listed = re.findall(r"^  (\w[\w-]*)", out.split("Commands:")[-1], re.M)
    for sub in listed:
        code, out, _ = invoke([*command.split(), sub, "--help"])
        assert code == 0 and "Usage:" in out, sub


# ---------------------------------------------------------------------------
# 1: invalid input, with places


def _break(project: Path) -> None:
    bad = project / "claims" / "dzhankoi.yaml"
    bad.write_text(
        bad.read_text("utf-8").replace("party: ukraine-intelligence", "party: hur", 1), "utf-8"
    )


@pytest.mark.parametrize("command", STRICT)
def test_every_command_refuses_an_invalid_folder_with_placed_messages(
    project: Path, command: str
) -> None:
    _break(project)
    out = project.parent / "out"
    code, stdout, err = invoke(fill(command, project / "claims", out))
    assert code == 1
    if command == "validate-json":
        problems = json.loads(stdout)["problems"]
        assert problems and all(p["path"].startswith(str(project / "claims")) for p in problems)
        assert all(p["line"] >= 1 for p in problems)
        err = "\n".join(p["message"] for p in problems)
    else:
        assert_problem_lines(err, project / "claims")
    assert "unknown party 'hur'" in err
    assert not out.exists() or not any(p.is_file() for p in out.rglob("*"))


@pytest.mark.parametrize("fixture", sorted(p.name for p in HOSTILE_LOAD.iterdir()))
@pytest.mark.parametrize("command", ["validate", "report", "events", "export-graph", "convert"])
def test_hostile_files_give_exit_1_and_placed_messages(
    project: Path, fixture: str, command: str
) -> None:
    shutil.copy(HOSTILE_LOAD / fixture, project / "claims" / fixture)
    code, _, err = invoke(fill(command, project / "claims", project.parent / "out"))
    assert code == 1
    assert_problem_lines(err, project / "claims")
    assert f"{fixture}:" in err


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"\xef\xbb\xbf",
        b"\x00" * 64,
        bytes(range(256)),
        b"claims:\r\n  - \xff\r\n",
        b"[" * 9999,
    ],
    ids=["empty", "bom-only", "nuls", "binary", "crlf-latin1", "brackets"],
)
@pytest.mark.parametrize("command", ["validate", "report", "parties", "export-claimreview"])
def test_junk_files_give_a_result_or_placed_messages(
    project: Path, data: bytes, command: str
) -> None:
    (project / "claims" / "junk.yaml").write_bytes(data)
    code, _, err = invoke(fill(command, project / "claims", project.parent / "out"))
    assert code in (0, 1)
    if code == 1:
        assert_problem_lines(err, project / "claims")
        assert "junk.yaml:" in err


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
@pytest.mark.parametrize(
    "data",
    [bytes(range(256)), b'id,quote\r\n"unclosed,\x00\n', b'{"claims": [' * 5000, b"=cmd|x\n"],
    ids=["binary", "unclosed-quote", "deep-json", "formula"],
)
@pytest.mark.parametrize("command", ["validate", "report", "convert"])
def test_junk_csv_and_json_lines_files_give_placed_messages(
    project: Path, suffix: str, data: bytes, command: str
) -> None:
    (project / "claims" / f"junk{suffix}").write_bytes(data)
    code, _, err = invoke(fill(command, project / "claims", project.parent / "out"))
    assert code == 1
    assert_problem_lines(err, project / "claims")
    assert f"junk{suffix}:" in err


# ---------------------------------------------------------------------------
# 2: usage errors


@pytest.mark.parametrize("command", list(COMMANDS))
def test_a_missing_claims_folder_is_a_usage_error(tmp_path: Path, command: str) -> None:
    code, _, err = invoke(fill(command, tmp_path / "nowhere", tmp_path / "out"))
    assert code == 2
    assert "nowhere" in err


@pytest.mark.parametrize(
    "args",
    [
        ["nonesuch"],
        ["report", "--bogus"],
        ["report", "{claims}", "--format", "xml"],
        ["report", "{claims}", "--event", "no-such-event"],
        ["claims", "{claims}", "--event", "nope"],
        ["claims", "{claims}", "--party", "nope"],
        ["events", "{claims}", "--format", "yaml"],
        ["export", "graph", "{claims}"],
        ["export", "graph", "{claims}", "-o", "{out}/g.x", "--format", "dot"],
        ["convert", "{claims}"],
        ["convert", "{claims}", "{out}/c", "--to", "xml"],
        ["convert", "{claims}", "{claims}/inside", "--to", "csv"],
        ["extract"],
        ["extract", "{claims}/../seeds/missing.txt"],
        ["extract", "{claims}"],
        ["eval", "extract", "--claims", "{claims}", "--format", "xml"],
        ["validate", "{claims}", "--format", "xml"],
    ],
    ids=lambda a: " ".join(a),
)
def test_usage_errors_exit_2(project: Path, args: list[str]) -> None:
    filled = [a.format(claims=project / "claims", out=project.parent / "out") for a in args]
    code, out, err = invoke(filled)
    assert code == 2, (out, err)
    assert err.strip()


# ---------------------------------------------------------------------------
# The real entry point, in a subprocess


def cli(*args: str, cwd: Path, preexec: object = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimgraph", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
        preexec_fn=preexec,  # type: ignore[arg-type]
    )


def test_the_console_entry_point_gives_messages_not_tracebacks(project: Path) -> None:
    _break(project)
    done = cli("report", "claims", cwd=project)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert re.search(r"^claims/dzhankoi\.yaml:\d+:\d+: unknown party 'hur'", done.stderr, re.M)
    done = cli("report", "--format", "nope", cwd=project)
    assert done.returncode == 2 and "Traceback" not in done.stderr


@pytest.mark.parametrize(
    "args",
    [
        ["report", "claims", "-o", "afile/reports"],
        ["export", "graph", "claims", "-o", "afile/sub/g.graphml"],
    ],
    ids=["report", "export-graph"],
)
def test_an_output_folder_that_cannot_be_made_is_a_message(project: Path, args: list[str]) -> None:
    (project / "afile").write_text("a file, not a folder\n", "utf-8")
    done = cli(*args, cwd=project)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("claimgraph: ")


def test_a_convert_destination_that_cannot_be_made_is_a_message(project: Path) -> None:
    (project / "afile").write_text("a file, not a folder\n", "utf-8")
    done = cli("convert", "claims", "afile/converted", "--to", "csv", cwd=project)
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("claimgraph: ")


def _disk_full() -> None:
    """In the child: files may not grow past 1 kB, and writing past it fails (EFBIG)."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_FSIZE semantics")
@pytest.mark.parametrize(
    "args",
    [
        ["report", "claims", "-o", "reports"],
        ["report", "claims", "--format", "json", "-o", "out.json"],
        ["export", "graph", "claims", "-o", "g.graphml"],
    ],
    ids=["report", "report-json", "export-graph"],
)
def test_a_full_disk_is_a_message_and_earlier_outputs_stay_whole(
    project: Path, args: list[str]
) -> None:
    done = cli(*args, cwd=project)
    assert done.returncode == 0, done.stderr
    target = project / args[args.index("-o") + 1]
    before = {p: p.read_bytes() for p in ([target] if target.is_file() else target.iterdir())}
    events = project / "claims" / "events.yaml"
    events.write_text(events.read_text("utf-8").replace("Explosions", "Blasts"), "utf-8")
    done = cli(*args, cwd=project, preexec=_disk_full)
    assert {p: p.read_bytes() for p in before} == before  # no lost work either way
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert done.stderr.startswith("claimgraph: ")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero")
@pytest.mark.parametrize("name", ["zero.csv", "zero.jsonl"])
def test_convert_refuses_a_bulk_claim_file_that_never_ends(project: Path, name: str) -> None:
    (project / "claims" / name).symlink_to("/dev/zero")

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    try:
        done = cli("convert", "claims", "out", "--to", "yaml", cwd=project, preexec=limited)
    except subprocess.TimeoutExpired:
        pytest.fail("convert did not finish: it is reading a file that never ends")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert f"claims/{name}" in done.stderr
