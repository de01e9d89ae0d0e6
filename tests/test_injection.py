"""Injection: hostile ids, names, quotes and paths cannot escape the output folder or run.

A claim file shared between newsrooms is untrusted text. Its ids become file
names, its names and quotes become Markdown, CSV, JSON-LD and GraphML, and its
``file:`` names a text to read. None of these may write or read outside the
folders the fact-checker chose, nor turn into live markup or formulas.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from claimgraph.analysis.assess import assess
from claimgraph.cli import app
from claimgraph.convert import convert_corpus
from claimgraph.errors import OutputError
from claimgraph.load import builtin_aspects, builtin_sides, read_corpus
from claimgraph.model import Claim, Corpus, Event, Party, Review, Source
from claimgraph.output import MANIFEST_NAME, OutputFolder, safe_filename
from claimgraph.views.claimreview import render_claimreview
from claimgraph.views.markdown import generate_reports
from claimgraph.views.tables import render_csv

DATA = Path(__file__).parent / "data"
INJECT = DATA / "hostile" / "inject"
BASIC = DATA / "valid" / "basic"

runner = CliRunner()

HOSTILE_IDS = [
    "../../x",
    "../outside",
    "/tmp/claimgraph-abs",
    "..",
    ".",
    ".hidden",
    "index",
    "INDEX",
    ".claimgraph-manifest",
    "a/b",
    "a\\b",
    "con",
    "nul\x00byte",
    "x" * 500,
    "évènement-Джанкой",
    " spaced ",
    "",
]


def tree(root: Path) -> dict[str, str]:
    """Every file under ``root`` (relative path -> SHA-256), symlinks included by target."""
    out: dict[str, str] = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            out[rel] = "link:" + os.readlink(path) if path.is_symlink() else _hash(path)
    return out


def _hash(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def invoke(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    return result.exit_code, result.stderr


def corpus_with_event_ids(event_ids: list[str]) -> Corpus:
    """A corpus (built in memory, so validation cannot stop the ids) with one claim per event."""
    corpus = Corpus(sides=builtin_sides(), aspects=builtin_aspects())
    corpus.parties["p"] = Party("p", "Party", "russia")
    corpus.sources["s"] = Source("s", "Source")
    for i, eid in enumerate(event_ids):
        corpus.events[eid] = Event(eid, f"Event {i}")
        corpus.claims[f"c{i}"] = Claim(f"c{i}", eid, "p", "s", "cause", "drone-attack")
    return corpus


# ---------------------------------------------------------------------------
# File names from ids


@pytest.mark.parametrize("ident", HOSTILE_IDS)
def test_a_hostile_id_becomes_a_plain_file_name_inside_the_folder(
    tmp_path: Path, ident: str
) -> None:
    name = safe_filename(ident)
    assert "/" not in name and "\\" not in name and "\x00" not in name
    assert not name.startswith(".") and name.endswith(".md")
    assert name not in ("index.md", MANIFEST_NAME) and len(name) <= 100
    assert (tmp_path / name).resolve().parent == tmp_path.resolve()


@settings(max_examples=300, deadline=None, derandomize=True)
@given(st.lists(st.text(max_size=40), min_size=2, max_size=6, unique=True))
def test_distinct_ids_never_share_a_file_name(idents: list[str]) -> None:
    names = [safe_filename(i) for i in idents]
    assert len(set(names)) == len(names), dict(zip(idents, names, strict=True))
    for name in names:
        assert name == Path(name).name and name not in (".md", "..md")
        assert not name.startswith(".")


def test_reports_of_hostile_event_ids_are_written_only_inside_the_output_folder(
    tmp_path: Path,
) -> None:
    # The loader refuses such ids; the writer must hold even if one slips through.
    work = tmp_path / "work"
    out = work / "deep" / "reports"
    out.mkdir(parents=True)
    before = tree(tmp_path)
    files = generate_reports(assess(corpus_with_event_ids(HOSTILE_IDS)))
    assert len(files) == len(HOSTILE_IDS) + 1
    OutputFolder(out).write_all(files)
    after = tree(tmp_path)
    new = set(after) - set(before)
    assert new == {f"work/deep/reports/{n}" for n in [*files, MANIFEST_NAME]}
    assert all(after[k] == v for k, v in before.items())


@pytest.mark.parametrize(
    "name",
    ["../x.md", "/tmp/x.md", "a/b.md", "..", ".", "", MANIFEST_NAME, "x\x00.md", " x.md"],
)
def test_the_output_folder_refuses_a_name_that_is_not_a_plain_file_name(
    tmp_path: Path, name: str
) -> None:
    out = tmp_path / "reports"
    with pytest.raises(OutputError, match="refusing to write"):
        OutputFolder(out).write_all({"ok.md": "fine\n", name: "evil\n"})
    assert not out.exists() or list(out.iterdir()) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == (["reports"] if out.exists() else [])


def test_a_symlink_planted_in_the_output_folder_is_never_followed(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    outside = tmp_path / "outside.txt"
    outside.write_text("a person's file outside the project\n", "utf-8")
    out = project / "reports"
    out.mkdir()
    (out / "dzhankoi-2023-03-20.md").symlink_to(outside)
    for extra in ([], ["--force"]):
        code, err = invoke("report", str(project / "claims"), "-o", str(out), *extra)
        assert code == 1, err
        assert "Traceback" not in err
        assert outside.read_text("utf-8") == "a person's file outside the project\n"
        assert (out / "dzhankoi-2023-03-20.md").is_symlink()


@pytest.mark.parametrize(
    "entry", ["../claims/dzhankoi.yaml", "../seeds/report.txt", "{root}/claims/events.yaml"]
)
def test_a_manifest_entry_outside_the_output_folder_is_never_deleted(
    tmp_path: Path, entry: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    out = project / "reports"
    code, err = invoke("report", str(project / "claims"), "-o", str(out))
    assert code == 0, err
    name = entry.format(root=project)
    victim = (out / name).resolve()
    manifest = json.loads((out / MANIFEST_NAME).read_text("utf-8"))
    manifest["files"][name] = _hash(victim)
    (out / MANIFEST_NAME).write_text(json.dumps(manifest), "utf-8")
    before = tree(project / "claims") | {
        f"seeds/{k}": v for k, v in tree(project / "seeds").items()
    }
    invoke("report", str(project / "claims"), "-o", str(out), "--no-cache")
    after = tree(project / "claims") | {f"seeds/{k}": v for k, v in tree(project / "seeds").items()}
    assert after == before
    assert victim.exists()


def test_claim_files_with_hostile_ids_are_refused_and_nothing_is_written(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    (project / "claims" / "evil.yaml").write_text(
        "events:\n"
        "  ../../escaped:\n"
        "    title: Escape\n"
        "  /tmp/claimgraph-absolute:\n"
        "    title: Absolute\n"
        "source: {id: ../evil-source}\n"
        "claims:\n"
        "  - id: ../../claim\n"
        "    event: ../../escaped\n"
        "    party: local-channels\n"
        "    aspect: cause\n"
        "    value: drones\n",
        "utf-8",
    )
    before = tree(tmp_path)
    code, err = invoke("report", str(project / "claims"), "-o", str(project / "reports"))
    assert code == 1
    assert re.search(
        r"claims/evil\.yaml:\d+:\d+: event id '\.\./\.\./escaped' .*must be a slug", err
    )
    assert "Traceback" not in err
    assert tree(tmp_path) == before
    assert not Path("/tmp/claimgraph-absolute.md").exists()


@pytest.mark.parametrize("event", ["../../x", "/etc/passwd", "index", "dzhankoi-2023-03-20/../x"])
def test_an_event_option_that_is_not_a_known_id_is_a_usage_error(
    tmp_path: Path, event: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    before = tree(tmp_path)
    code, err = invoke(
        "report", str(project / "claims"), "-o", str(project / "reports"), "--event", event
    )
    assert code == 2, err
    assert "unknown event" in err
    assert tree(tmp_path) == before


# ---------------------------------------------------------------------------
# Reading: a claim file cannot make the tool read outside the project


@pytest.mark.parametrize(
    ("file", "type_"),
    [
        ("/etc/passwd", "unsafe-path"),
        ("../../../../../../etc/passwd", "unsafe-path"),
        ("../outside.txt", "unsafe-path"),
        ("seeds/../../outside.txt", "unsafe-path"),
    ],
)
def test_a_source_file_outside_the_project_is_never_read(
    tmp_path: Path, file: str, type_: str
) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    secret = "SECRET-LINE the quote is here"
    (tmp_path / "outside.txt").write_text(secret + "\n", "utf-8")
    (project / "claims" / "peek.yaml").write_text(
        f"source: {{id: peek, file: '{file}'}}\n"
        "claims:\n"
        "  - id: peek-1\n"
        "    event: dzhankoi-2023-03-20\n"
        "    party: local-channels\n"
        "    aspect: cause\n"
        "    value: drones\n"
        "    quote: the quote is here\n",
        "utf-8",
    )
    _, report = read_corpus(project / "claims")
    peek = [p for p in report.problems if p.path.endswith("peek.yaml")]
    assert type_ in {p.type for p in peek}, [str(p) for p in peek]
    assert all("SECRET" not in str(p) for p in report.problems)


def test_a_symlinked_source_file_pointing_outside_is_refused(tmp_path: Path) -> None:
    project = tmp_path / "project"
    shutil.copytree(BASIC, project)
    (tmp_path / "outside.txt").write_text("Explosions in Dzhankoi.\n", "utf-8")
    seed = project / "seeds" / "report.txt"
    text = seed.read_text("utf-8")
    (tmp_path / "outside.txt").write_text(text, "utf-8")
    seed.unlink()
    seed.symlink_to(tmp_path / "outside.txt")
    _, report = read_corpus(project / "claims")
    assert "unsafe-path" in {p.type for p in report.errors}, [str(p) for p in report.problems]


# ---------------------------------------------------------------------------
# Other outputs: CSV formulas, ClaimReview JSON-LD, GraphML


def test_csv_cells_that_a_spreadsheet_would_run_are_defused(tmp_path: Path) -> None:
    corpus = corpus_with_event_ids(["e1"])
    claim = corpus.claims["c0"]
    for cid, quote in [
        ("f1", '=HYPERLINK("http://evil","x")'),
        ("f2", "+cmd|' /C calc'!A0"),
        ("f3", "-2+3"),
        ("f4", "@SUM(1)"),
        ("f5", "\t=1"),
    ]:
        corpus.claims[cid] = Claim(
            cid, "e1", "p", "s", "cause", "drone-attack", quote=quote, speaker=quote
        )
    del corpus.claims[claim.id]
    rows = list(csv.DictReader(io.StringIO(render_csv(assess(corpus)))))
    assert len(rows) == 5
    for row in rows:
        for column in ("quote", "speaker"):
            assert not row[column].startswith(("=", "+", "-", "@", "\t")), row[column]
            assert row[column].startswith("'")


def test_hostile_names_and_quotes_keep_graphml_well_formed(tmp_path: Path) -> None:
    out = tmp_path / "graph.graphml"
    code, err = invoke(
        "export", "graph", str(INJECT / "claims"), "-o", str(out), "--format", "graphml"
    )
    assert code == 0, err
    root = ET.parse(out).getroot()  # raises if a name broke the XML
    texts = " ".join(e.text or "" for e in root.iter())
    assert "<script>alert(1)</script>" in texts  # kept as text, not markup


def _reviewed_corpus(quote: str) -> Corpus:
    corpus = corpus_with_event_ids(["e1"])
    corpus.sources["s"] = Source("s", "Source", url="https://example.org/s")
    claim = corpus.claims["c0"]
    claim.quote = quote
    claim.review = Review("False", 1, 5, 1, "Checker", None, "https://example.org/r")
    return corpus


def test_claimreview_json_ld_keeps_hostile_quotes_as_data() -> None:
    quote = 'He said "x" </script><script>alert(1)</script> \\ and more'
    text = render_claimreview(_reviewed_corpus(quote))
    data = json.loads(text)
    assert data[0]["claimReviewed"] == quote


def test_claimreview_json_ld_cannot_close_the_script_element_it_is_embedded_in() -> None:
    quote = "</script><script>alert(1)</script><!--"
    text = render_claimreview(_reviewed_corpus(quote))
    assert "</" not in text and "<!--" not in text and "<script" not in text.lower()
    assert json.loads(text)[0]["claimReviewed"] == quote


FORMULAS = [
    '=HYPERLINK("http://evil","x")',
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "+cmd|' /C calc'!A0",
    "-2+3",
    "\t=1",
    "'Tis the season",  # a value that really starts with a '
    "'=1",  # ... followed by what the writer defuses
    "''",
    "'",
]


def test_convert_to_csv_defuses_formulas_and_the_round_trip_stays_lossless(
    tmp_path: Path,
) -> None:
    root = tmp_path / "project"
    shutil.copytree(Path(__file__).parent / "data" / "valid" / "basic", root)
    claims = root / "claims" / "dzhankoi.yaml"
    text = claims.read_text("utf-8")
    extra = "".join(
        f"  - id: formula-{i}\n    event: dzhankoi-2023-03-20\n    party: local-channels\n"
        f"    speaker: {json.dumps(f)}\n    quote: Explosions\n    aspect: comment\n"
        f"    value: {json.dumps(f)}\n    stance: asserts\n    note: {json.dumps(f)}\n"
        for i, f in enumerate(FORMULAS)
    )
    claims.write_text(text + extra, "utf-8")
    seed = root / "seeds" / "report.txt"
    seed.write_text(seed.read_text("utf-8") + "\nExplosions\n", "utf-8")
    original, report = read_corpus(root / "claims")
    assert report.valid, [str(p) for p in report.errors]
    convert_corpus(root / "claims", root / "as-csv", "csv")
    with (root / "as-csv" / "dzhankoi.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell
    convert_corpus(root / "as-csv", root / "back", "yaml")
    again, report = read_corpus(root / "back")
    assert report.valid, [str(p) for p in report.errors]
    for i, formula in enumerate(FORMULAS):
        claim, before = again.claims[f"formula-{i}"], original.claims[f"formula-{i}"]
        fields = ("speaker", "value", "note")
        assert [getattr(claim, f) for f in fields] == [getattr(before, f) for f in fields]
        assert claim.value == formula


def test_importing_the_loader_does_not_import_pandas() -> None:
    done = subprocess.run(
        [sys.executable, "-c", "import claimgraph.load, sys; assert 'pandas' not in sys.modules"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
