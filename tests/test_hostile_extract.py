"""Hostile text into the extractor: a valid draft or a clear message, never an exception.

Reports arrive as pasted Telegram posts, wire copy with CRLF, files saved in
the wrong encoding. The extractor takes the real seed reports damaged in
those ways (and plain junk), and must give a draft that ``claimgraph
validate`` accepts (quotes verbatim, parties and events defined); the CLI
turns unreadable files into ``path: what is wrong`` and exit status 1.
"""

from __future__ import annotations

import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.extract import Extractor, write_draft
from claimgraph.extract.attribution import Registry
from claimgraph.io.files import MAX_FILE_BYTES
from claimgraph.load import read_corpus
from claimgraph.model import Corpus

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))
CLAIMS = ROOT / "claims"

FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

SNIPPETS = [
    " | ",
    "`",
    "```",
    "<script>alert(1)</script>",
    "[x](javascript:alert(1))",
    " --> ",
    "%%",
    '"',
    "“",
    "”",
    "«",
    "»",
    "'",
    ": ",
    "\u202e",
    "\u200f",
    "\u00a0",
    "\t",
    "\x0b",
    "\x1b[31m",
    "\u2028",
    "Джанкой ",
    "עברית ",
    "- ",
    "# ",
    "&amp; ",
    "!!python/object:os.system ",
    "*a ",
    "&a ",
    "---\n",
    "\n\n",
    "at least 1" + "0" * 40,
    "said ",
    "according to ",
]


@cache
def seed_texts() -> tuple[str, ...]:
    return tuple(p.read_text("utf-8") for p in SEEDS)


@cache
def bundled() -> Corpus:
    corpus, _ = read_corpus(CLAIMS)
    return corpus


@cache
def extractor() -> Extractor:
    return Extractor(Registry.from_corpus(bundled()))


def damage(text: str, seed: int, how: str) -> str:
    """One kind of damage a report picks up on its way to the fact-checker."""
    rng = random.Random(seed)
    if how == "crlf":
        return text.replace("\n", "\r\n")
    if how == "cr":
        return text.replace("\n", "\r")
    if how == "bom":
        return "\ufeff" + text
    if how == "shuffle":
        lines = text.splitlines(keepends=True)
        rng.shuffle(lines)
        return "".join(lines)
    if how == "one-line":
        return " ".join(text.split())
    if how == "long-line":
        at = rng.randrange(len(text) + 1)
        return text[:at] + ("word " * 20_000) + text[at:]
    if how == "truncate":
        return text[: rng.randrange(len(text) + 1)]
    # "inject": hostile snippets at random places, quotes included
    chars = list(text)
    for _ in range(rng.randrange(1, 30)):
        chars.insert(rng.randrange(len(chars) + 1), rng.choice(SNIPPETS))
    return "".join(chars)


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def assert_draft_validates(scratch: Path, text: str) -> int:
    """Extract ``text`` as a report in a fresh copy of the project; the draft must validate."""
    project = scratch / "project"
    if project.exists():
        shutil.rmtree(project)
    (project / "seeds").mkdir(parents=True)
    shutil.copytree(CLAIMS, project / "claims")
    report = project / "seeds" / "hostile.txt"
    report.write_bytes(text.encode("utf-8", "surrogatepass"))
    draft = extractor().extract(text, report, file="seeds/hostile.txt")
    path = write_draft(draft, project / "claims" / "drafts")
    assert path.parent == project / "claims" / "drafts"
    _, problems = read_corpus(project / "claims", include_drafts=True)
    mine = [p for p in problems.problems if "drafts" in p.path]
    assert not [p for p in mine if p.severity == "error"], [str(p) for p in mine]
    return len(draft.claims)


@FUZZ
@given(
    st.sampled_from(range(len(SEEDS))),
    st.lists(
        st.tuples(
            st.sampled_from(
                ["crlf", "cr", "bom", "shuffle", "one-line", "long-line", "truncate", "inject"]
            ),
            st.integers(min_value=0, max_value=2**32),
        ),
        min_size=1,
        max_size=3,
    ),
)
def test_damaged_seed_reports_give_drafts_that_validate(
    scratch: Path, seed: int, damages: list[tuple[str, int]]
) -> None:
    text = seed_texts()[seed]
    for how, at in damages:
        text = damage(text, at, how)
    assert_draft_validates(scratch, text)


@FUZZ
@given(st.text(alphabet=st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=400))
def test_any_text_gives_a_draft_that_validates(scratch: Path, text: str) -> None:
    assert_draft_validates(scratch, text)


def test_the_undamaged_seeds_still_give_claims(scratch: Path) -> None:
    # The fuzzing above must exercise real extraction, not only empty drafts.
    assert all(assert_draft_validates(scratch, text) > 0 for text in seed_texts())


@pytest.mark.parametrize(
    "name",
    ["../escape.txt", "index.txt", "Джанкой звіт.txt", "a b|c`d.txt", "x.yaml", "-.txt"],
)
def test_a_hostile_report_name_gives_a_draft_inside_the_drafts_folder(
    tmp_path: Path, name: str
) -> None:
    report = tmp_path / "in" / "sub" / name
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(seed_texts()[0], "utf-8")
    out = tmp_path / "in" / "drafts"
    runner = CliRunner()
    result = runner.invoke(app, ["extract", str(report), "-o", str(out), "--parties", str(CLAIMS)])
    assert result.exit_code == 0, result.stderr
    written = [p for p in tmp_path.rglob("*.yaml") if p != report]
    assert len(written) == 1 and written[0].parent == out, written


def test_a_draft_of_a_hidden_report_is_a_file_the_loader_reads(tmp_path: Path) -> None:
    report = tmp_path / "seeds" / ".hidden.txt"
    report.parent.mkdir()
    report.write_text(seed_texts()[0], "utf-8")
    shutil.copytree(CLAIMS, tmp_path / "claims")
    out = tmp_path / "claims" / "drafts"
    result = CliRunner().invoke(
        app, ["extract", str(report), "-o", str(out), "--parties", str(tmp_path / "claims")]
    )
    assert result.exit_code == 0, result.stderr
    (draft,) = list(out.iterdir())
    corpus, _ = read_corpus(tmp_path / "claims", include_drafts=True)
    assert any(c.source not in bundled().sources for c in corpus.claims.values()), draft.name


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xff\xfeK\x00y\x00i\x00v\x00", "not valid UTF-8"),
        (b"Kyiv \xe2\x28\xa1 said", "not valid UTF-8"),
        (bytes(range(256)), "not valid UTF-8"),
    ],
    ids=["utf16", "broken-utf8", "binary"],
)
def test_an_unreadable_report_is_a_message_and_exit_1(
    tmp_path: Path, data: bytes, message: str
) -> None:
    report = tmp_path / "report.txt"
    report.write_bytes(data)
    result = CliRunner().invoke(app, ["extract", str(report), "-o", str(tmp_path / "drafts")])
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{report}: {message}")
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "drafts").exists() or not list((tmp_path / "drafts").iterdir())


def test_a_report_over_the_size_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    report = tmp_path / "huge.txt"
    with report.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES + 1)
    result = CliRunner().invoke(app, ["extract", str(report), "-o", str(tmp_path / "drafts")])
    assert result.exit_code == 1
    assert f"{report}: file of " in result.stderr
    assert f"is over the limit of {MAX_FILE_BYTES:,} bytes" in result.stderr


@pytest.mark.parametrize("text", ["", " \n\t\r\n", "\ufeff", "\x00\x00\x00"])
def test_an_empty_or_blank_report_gives_an_empty_valid_draft(tmp_path: Path, text: str) -> None:
    assert assert_draft_validates(tmp_path, text) == 0


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero and FIFOs")
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_report_that_never_ends_is_refused(tmp_path: Path, kind: str) -> None:
    report = tmp_path / "seeds" / "endless.txt"
    report.parent.mkdir()
    if kind == "dev-zero":
        report.symlink_to("/dev/zero")
    else:
        os.mkfifo(report)

    def limited() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))

    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimgraph", "extract", str(report), "-o", "drafts"],
            cwd=tmp_path,
            capture_output=True,
            text=True,
            timeout=10,
            preexec_fn=limited,
        )
    except subprocess.TimeoutExpired:
        pytest.fail("extract did not finish: it is reading a report that never ends")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert str(report) in done.stderr
