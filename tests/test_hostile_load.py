"""Hostile input to the loader: any bytes in, problems with a place out, never an exception.

Claim files are written by people under deadline and passed between
newsrooms. Whatever a file holds (random YAML structures, wrong types, huge
numbers, binary bytes, invalid UTF-8, a BOM, CRLF, NUL bytes, Cyrillic or
right-to-left text, very long lines, Python object tags, alias bombs), the
loader returns a corpus and a report whose every problem names the file;
nothing is executed, and the work stays bounded in time and memory.
"""

from __future__ import annotations

import datetime as dt
import inspect
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.analysis.assess import assess
from claimgraph.bulk import parse_bulk
from claimgraph.io import files
from claimgraph.io import yaml_read as yamlsafe
from claimgraph.load import parse_claim_file, read_claim_file, read_corpus
from claimgraph.problems import Report
from claimgraph.views.markdown import generate_reports

DATA = Path(__file__).parent / "data"
BASIC = DATA / "valid" / "basic"
HOSTILE = DATA / "hostile"

FUZZ = settings(
    max_examples=120,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Field names the loader knows, so generated documents reach deep into it.
TOP_KEYS = ["sides", "parties", "events", "aspects", "source", "claims"]
FIELDS = [
    "id", "event", "party", "speaker", "via", "quote", "aspect", "value", "stance",
    "certainty", "evidence", "said_on", "links", "contradicts", "corroborates",
    "supersedes", "review", "rating", "best", "worst", "note", "name", "side", "kind",
    "aliases", "title", "date", "start", "end", "place", "region", "coords", "file",
    "url", "published", "language", "status", "type", "values", "synonyms",
    "compatible", "label", "outlet",
]  # fmt: skip
WORDS = [
    "dzhankoi-2023-03-20", "crimea-occupation-authorities", "ukraine-intelligence",
    "local-channels", "cause", "injured", "killed", "weapon", "comment", "asserts",
    "denies", "declines", "hedged", "reported", "video", "none", "draft", "count",
    "category", "set", "at least 4", "one", "drones", "air defence", "2023-03-20",
    "seeds/report.txt", "../../../etc/passwd", "/etc/passwd", "https://example.org",
    "javascript:alert(1)", "Джанкой", "\u202eעברית", "عربى", "x" * 300,
]  # fmt: skip

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**400), max_value=10**400),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=dt.date(1, 1, 1)),
    st.sampled_from(WORDS),
    st.text(max_size=40),
)
keys = st.one_of(st.sampled_from(TOP_KEYS + FIELDS + WORDS[:8]), st.text(max_size=12))
structures = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(keys, inner, max_size=6),
    ),
    max_leaves=30,
)
documents = st.one_of(
    st.dictionaries(st.sampled_from(TOP_KEYS), structures, max_size=6),
    st.fixed_dictionaries(
        {"claims": st.lists(st.dictionaries(st.sampled_from(FIELDS), structures), max_size=4)},
        optional={"source": st.dictionaries(st.sampled_from(FIELDS), structures)},
    ),
    structures,
)


def dump(doc: Any) -> str:
    """A Python structure as YAML text (unicode kept, as a person would type it)."""
    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


def assert_all_placed(report: Report, path: str) -> None:
    """Every problem names the file it is about and says what is wrong."""
    for problem in report.problems:
        assert str(problem).startswith(path), str(problem)
        assert problem.message.strip(), problem
        assert problem.line >= 0 and problem.column >= 0


@pytest.fixture(scope="module")
def scratch() -> Iterator[Path]:
    """One scratch folder for the module (hypothesis reuses it across examples)."""
    with tempfile.TemporaryDirectory() as d:
        yield Path(d)


def project_with(scratch: Path, name: str, data: bytes) -> Path:
    """A fresh copy of the valid project with one extra claim file holding ``data``."""
    root = scratch / "project"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(BASIC, root)
    (root / "claims" / name).write_bytes(data)
    return root / "claims"


def load_and_render(claims: Path) -> Report:
    """Read a folder; if it is valid, assess and render it too. Nothing may raise."""
    corpus, report = read_corpus(claims)
    if report.valid:
        reports = generate_reports(assess(corpus))
        assert "index.md" in reports
    return report


# ---------------------------------------------------------------------------
# Generated junk


@FUZZ
@given(documents)
def test_random_yaml_structures_give_placed_problems_never_an_exception(doc: Any) -> None:
    text = dump(doc)
    _, report = parse_claim_file(text, "fuzz.yaml")
    assert_all_placed(report, "fuzz.yaml")


@FUZZ
@given(st.binary(max_size=400))
def test_random_bytes_give_placed_problems_never_an_exception(scratch: Path, data: bytes) -> None:
    path = scratch / "bytes.yaml"
    path.write_bytes(data)
    _, report = read_claim_file(path, "bytes.yaml")
    assert_all_placed(report, "bytes.yaml")


mangles = st.sampled_from(
    ["bom", "crlf", "cr", "nul", "truncate", "flip", "latin1", "long-line", "rtl", "cyrillic"]
)


def mangle(data: bytes, how: str, at: int) -> bytes:
    """One kind of damage a file picks up between newsrooms, at a position."""
    at = at % (len(data) + 1)
    if how == "bom":
        return b"\xef\xbb\xbf" + data
    if how == "crlf":
        return data.replace(b"\n", b"\r\n")
    if how == "cr":
        return data.replace(b"\n", b"\r")
    if how == "nul":
        return data[:at] + b"\x00" + data[at:]
    if how == "truncate":
        return data[:at]
    if how == "flip":
        return data[:at] + bytes([data[at] ^ 0xFF]) + data[at + 1 :] if at < len(data) else data
    if how == "latin1":
        return data.decode("utf-8").encode("latin-1", "replace")
    if how == "long-line":
        return data[:at] + b"x" * 200_000 + data[at:]
    if how == "rtl":
        return data.replace(b"Dzhankoi", "\u202eДжанкой\u202c עברית".encode())
    return data.replace(b"injured", "поранено".encode())


@FUZZ
@given(
    st.sampled_from(sorted(p.name for p in (BASIC / "claims").glob("*.yaml"))),
    st.lists(st.tuples(mangles, st.integers(min_value=0)), min_size=1, max_size=3),
)
def test_damaged_copies_of_a_valid_project_load_and_render_never_raising(
    scratch: Path, name: str, damage: list[tuple[str, int]]
) -> None:
    data = (BASIC / "claims" / name).read_bytes()
    for how, at in damage:
        data = mangle(data, how, at)
    claims = project_with(scratch, "extra.yaml", b"")
    (claims / name).write_bytes(data)
    report = load_and_render(claims)
    for problem in report.problems:
        assert problem.path.startswith(str(claims)), str(problem)


@FUZZ
@given(documents)
def test_random_structures_beside_valid_files_load_and_render_never_raising(
    scratch: Path, doc: Any
) -> None:
    claims = project_with(scratch, "zz-fuzz.yaml", dump(doc).encode())
    report = load_and_render(claims)
    for problem in report.problems:
        assert problem.path.startswith(str(claims)), str(problem)


CSV_BITS = ["id", "event", "party", "quote", "aspect", "value", "source_id", ",", '"', "\n",
            "\r\n", "=cmd|' /C calc'!A0", "\x00", ";", "Джанкой", "1" * 400]  # fmt: skip
JSON_BITS = ['{"', '"}', '{"id": "c1", ', '"claims": [', "]", "[", "{", "}", ":", ",", "null",
             "1e999", "-0", '"\\ud800"', "\n", "\x00", '{"source": {"id": "s"}}\n']  # fmt: skip


@FUZZ
@given(
    st.one_of(
        st.tuples(
            st.just("fuzz.csv"), st.lists(st.sampled_from(CSV_BITS), max_size=60).map("".join)
        ),
        st.tuples(
            st.just("fuzz.jsonl"), st.lists(st.sampled_from(JSON_BITS), max_size=60).map("".join)
        ),
        st.tuples(st.sampled_from(["fuzz.csv", "fuzz.jsonl"]), st.text(max_size=200)),
    )
)
def test_csv_and_json_lines_claim_files_give_placed_problems_never_an_exception(
    case: tuple[str, str],
) -> None:
    path, text = case
    report = Report()
    parse_bulk(text, path, report)
    assert_all_placed(report, path)


# ---------------------------------------------------------------------------
# Specific hostile files (tests/data/hostile/load)


def test_the_hostile_load_fixtures_each_give_their_problem_type() -> None:
    expected = {
        "python-object.yaml": "yaml-tag",
        "python-name.yaml": "yaml-tag",
        "billion-laughs.yaml": "yaml-alias",
        "merge-bomb.yaml": "yaml-alias",
        "recursive-alias.yaml": "yaml-alias",
        "deep-flow.yaml": "too-deep",
        "deep-block.yaml": "too-deep",
        "nul-byte.yaml": "yaml-syntax",
        "latin1.yaml": "bad-encoding",
        "two-documents.yaml": "yaml-syntax",
    }
    folder = HOSTILE / "load"
    assert sorted(expected) == sorted(p.name for p in folder.iterdir())
    for name, type_ in expected.items():
        _, report = read_claim_file(folder / name, name)
        assert type_ in {p.type for p in report.errors}, (name, [str(p) for p in report.problems])
        assert_all_placed(report, name)


def test_a_python_object_tag_is_refused_and_never_run(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    text = (
        f"claims: !!python/object/apply:os.system ['touch {marker}']\n"
        f"note: !!python/object/new:pathlib.Path ['{marker}']\n"
    )
    _, report = parse_claim_file(text, "evil.yaml")
    assert not marker.exists()
    tags = [p for p in report.errors if p.type == "yaml-tag"]
    assert [(p.line, p.column) for p in tags] == [(1, 9), (2, 7)]
    assert "python/object/apply:os.system" in tags[0].message


@pytest.mark.parametrize(
    "text",
    [
        "a: !!set {x, y}\n",
        "a: !!binary aGVsbG8=\n",
        "a: !!omap [x: 1]\n",
        "a: !custom thing\n",
        "a: !!python/name:os.system\n",
    ],
)
def test_every_tag_beyond_plain_data_is_a_yaml_tag_problem(text: str) -> None:
    _, report = parse_claim_file(text, "tag.yaml")
    assert any(p.type == "yaml-tag" and p.line == 1 for p in report.errors)


def _bomb(levels: int, width: int = 9) -> str:
    lines = [f"a0: &a0 [{', '.join(['lol'] * width)}]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * width)}]")
    return "\n".join(lines) + "\n"


def test_a_billion_laughs_bomb_is_refused_fast_and_in_little_memory() -> None:
    text = _bomb(10)  # 9**10, about 3.5 billion strings if expanded
    tracemalloc.start()
    try:
        _, report = parse_claim_file(text, "bomb.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.type for p in report.errors] == ["yaml-alias"]
    assert str(report.errors[0]).startswith("bomb.yaml:1:1: aliases repeat")
    assert peak < 20 * 1024 * 1024  # measured, never expanded (speed: benchmarks, not here)


def test_aliases_just_under_the_limit_are_accepted_and_just_over_refused() -> None:
    # a0 holds 10 strings; each alias *a0 repeats 11 nodes (the list and its items).
    per_alias = 11
    fits = yamlsafe.MAX_ALIAS_NODES // per_alias
    base = "a0: &a0 [" + ", ".join(["x"] * 10) + "]\n"
    ok = base + "b: [" + ", ".join(["*a0"] * fits) + "]\n"
    over = base + "b: [" + ", ".join(["*a0"] * (fits + 2)) + "]\n"
    _, report = parse_claim_file(ok, "ok.yaml")
    assert "yaml-alias" not in {p.type for p in report.problems}
    _, report = parse_claim_file(over, "over.yaml")
    assert "yaml-alias" in {p.type for p in report.errors}


def test_a_chain_of_merge_keys_is_refused_as_an_alias_bomb() -> None:
    lines = ["m0: &m0 {k0: 0}"]
    lines += [f"m{i}: &m{i} {{<<: *m{i - 1}, k{i}: {i}}}" for i in range(1, 2000)]
    tracemalloc.start()
    try:
        _, report = parse_claim_file("\n".join(lines) + "\n", "merge.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "yaml-alias" in {p.type for p in report.errors}
    assert peak < 20 * 1024 * 1024  # two million merged keys, never built


@pytest.mark.parametrize(
    "text",
    [
        "[" * 100_000,
        "[" * 3000 + "]" * 3000,
        "{a: " * 5000,
        "".join(" " * i + "k:\n" for i in range(300)),
    ],
    ids=["open-brackets", "closed-brackets", "flow-mappings", "indentation"],
)
def test_deep_nesting_is_refused_without_recursing(text: str) -> None:
    # refused before anything walks the tree: with room for no more than a few hundred
    # frames, a walk 5,000 levels deep would fail (an internal error, not too-deep)
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(len(inspect.stack()) + 400)
    try:
        _, report = parse_claim_file(text, "deep.yaml")
    finally:
        sys.setrecursionlimit(limit)
    assert "internal-error" not in {p.type for p in report.errors}
    assert "too-deep" in {p.type for p in report.errors}
    problem = next(p for p in report.errors if p.type == "too-deep")
    assert problem.line >= 1 and f"{yamlsafe.MAX_DEPTH} levels" in problem.message


def test_nesting_at_the_limit_is_accepted() -> None:
    text = "a: " + "[" * (yamlsafe.MAX_DEPTH - 1) + "]" * (yamlsafe.MAX_DEPTH - 1) + "\n"
    _, report = parse_claim_file(text, "deep.yaml")
    assert "too-deep" not in {p.type for p in report.problems}


def test_a_file_over_the_size_limit_is_refused_without_being_read(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with path.open("wb") as fh:  # sparse: costs no disk
        fh.truncate(files.MAX_FILE_BYTES + 1)
    tracemalloc.start()
    try:
        _, report = read_claim_file(path, "huge.yaml")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert [p.type for p in report.errors] == ["file-too-large"]
    assert str(report.errors[0]).startswith("huge.yaml: file of 20,971,521 bytes is over the limit")
    assert peak < 1024 * 1024


def test_bytes_over_the_size_limit_are_refused_by_decode() -> None:
    report = Report()
    assert yamlsafe.decode(b" " * (files.MAX_FILE_BYTES + 1), "big.yaml", report) is None
    assert [p.type for p in report.errors] == ["file-too-large"]


def test_a_source_text_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    with (root / "seeds" / "report.txt").open("r+b") as fh:
        fh.truncate(files.MAX_FILE_BYTES + 1)
    _, report = read_corpus(root / "claims")
    assert any(p.type == "file-too-large" and "report.txt" in p.message for p in report.errors)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"source:\n  id: s\xff1\n", "bytes.yaml:2:8: not valid UTF-8 (byte offset 15)"),
        (b"a: \x00\n", "bytes.yaml:1:4: YAML syntax: unacceptable character #x0000"),
        (b"\xff\xfes\x00o\x00", "bytes.yaml:1:1: UTF-16 text, not UTF-8: save it as UTF-8"),
        ("source: {}".encode("utf-16-le"), "bytes.yaml:1:1: UTF-16 text, not UTF-8"),
        ("source: {}".encode("utf-32"), "bytes.yaml:1:1: UTF-32 text, not UTF-8"),
    ],
    ids=["latin1", "nul", "utf16", "utf16-no-bom", "utf32"],
)
def test_undecodable_or_binary_files_say_what_is_wrong(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "bytes.yaml"
    path.write_bytes(data)
    _, report = read_claim_file(path, "bytes.yaml")
    assert any(str(p).startswith(message) for p in report.errors), [str(p) for p in report.problems]


@pytest.mark.parametrize(
    ("data", "place"),
    [
        (b"source:\n  id: s\xff1\n", "bytes.yaml:2:"),
        (b"source:\n  id: s\x001\n", "bytes.yaml:2:"),
        (b"source:\n  title: \x07bell\n", "bytes.yaml:2:"),
    ],
    ids=["latin1", "nul", "bell"],
)
def test_undecodable_bytes_are_reported_at_their_line(
    tmp_path: Path, data: bytes, place: str
) -> None:
    path = tmp_path / "bytes.yaml"
    path.write_bytes(data)
    _, report = read_claim_file(path, "bytes.yaml")
    assert [str(p)[: len(place)] for p in report.errors] == [place]


def test_a_bom_and_crlf_line_ends_load_like_the_plain_file(tmp_path: Path) -> None:
    plain_root = tmp_path / "plain"
    shutil.copytree(BASIC, plain_root)
    crlf_root = tmp_path / "crlf"
    shutil.copytree(BASIC, crlf_root)
    for path in (crlf_root / "claims").glob("*.yaml"):
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    plain, plain_report = read_corpus(plain_root / "claims")
    crlf, crlf_report = read_corpus(crlf_root / "claims")
    assert plain_report.valid and crlf_report.valid, [str(p) for p in crlf_report.problems]
    assert sorted(plain.claims) == sorted(crlf.claims)
    for cid, claim in plain.claims.items():
        assert crlf.claims[cid].quote == claim.quote
        assert crlf.claims[cid].value == claim.value


def test_cyrillic_and_right_to_left_text_are_kept_verbatim(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    seeds = root / "seeds" / "report.txt"
    quote = "\u202eУкраїнська правда: ‏عشرة‎ поранених"
    seeds.write_text(seeds.read_text("utf-8") + "\n" + quote + "\n", "utf-8")
    (root / "claims" / "rtl.yaml").write_text(
        "source: {id: rtl, title: Джанкой, file: seeds/report.txt}\n"
        "claims:\n"
        "  - id: rtl-1\n"
        "    event: dzhankoi-2023-03-20\n"
        "    party: local-channels\n"
        f'    quote: "{quote}"\n'
        "    aspect: comment\n"
        "    stance: declines\n"
        "    said_on: 2023-03-20\n",
        "utf-8",
    )
    corpus, report = read_corpus(root / "claims")
    assert report.valid, [str(p) for p in report.problems]
    assert corpus.claims["rtl-1"].quote == quote
    assert corpus.sources["rtl"].title == "Джанкой"


@pytest.mark.parametrize(
    "value",
    ["9" * 5000, "1e99999", "-1e99999", ".nan", "2023-02-30", "0x1F", "0o777", "1_000"],
)
def test_odd_numbers_in_a_count_are_problems_with_a_place(tmp_path: Path, value: str) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    (root / "claims" / "odd.yaml").write_text(
        "source: {id: odd}\n"
        "claims:\n"
        "  - id: odd-1\n"
        "    event: dzhankoi-2023-03-20\n"
        "    party: local-channels\n"
        "    aspect: killed\n"
        f"    value: {value}\n",
        "utf-8",
    )
    _, report = read_corpus(root / "claims")
    for problem in report.problems:
        assert problem.path.endswith(".yaml")
    bad = [p for p in report.errors if p.path.endswith("odd.yaml")]
    assert all(p.line >= 1 for p in bad)


def test_a_count_too_large_for_a_float_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    (root / "claims" / "odd.yaml").write_text(
        "source: {id: odd}\n"
        "claims:\n"
        "  - id: odd-1\n"
        "    event: dzhankoi-2023-03-20\n"
        "    party: local-channels\n"
        "    aspect: killed\n"
        f"    value: 1{'0' * 400}\n",
        "utf-8",
    )
    _, report = read_corpus(root / "claims")
    assert any(p.path.endswith("odd.yaml") and p.line == 7 for p in report.errors)


# ---------------------------------------------------------------------------
# The CLI under resource limits


def _limited(megabytes: int, seconds: int) -> Any:
    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_AS, (megabytes << 20, megabytes << 20))
        resource.setrlimit(resource.RLIMIT_CPU, (seconds, seconds))

    return limit


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="RLIMIT_AS is Linux-only")
def test_validate_refuses_an_alias_bomb_under_a_memory_and_cpu_limit(tmp_path: Path) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    (root / "claims" / "bomb.yaml").write_text(_bomb(12), "utf-8")
    done = subprocess.run(  # within 30 s of CPU (the limit) and 60 s of wall time
        [sys.executable, "-m", "claimgraph", "validate", "claims"],
        cwd=root,
        capture_output=True,
        text=True,
        timeout=60,
        preexec_fn=_limited(1024, 30),
        env={**os.environ, "PYTHONWARNINGS": "ignore"},
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert "claims/bomb.yaml:1:1: aliases repeat" in done.stderr


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/dev/zero and FIFOs")
@pytest.mark.parametrize("kind", ["dev-zero", "fifo"])
def test_a_claim_file_that_is_a_device_or_a_fifo_is_refused_not_read_forever(
    tmp_path: Path, kind: str
) -> None:
    root = tmp_path / "project"
    shutil.copytree(BASIC, root)
    special = root / "claims" / "special.yaml"
    if kind == "dev-zero":
        special.symlink_to("/dev/zero")
    else:
        os.mkfifo(special)
    try:
        done = subprocess.run(
            [sys.executable, "-m", "claimgraph", "validate", "claims"],
            cwd=root,
            capture_output=True,
            text=True,
            timeout=10,
            preexec_fn=_limited(1024, 10),
        )
    except subprocess.TimeoutExpired:
        pytest.fail("validate did not finish: it is reading a file that never ends")
    assert done.returncode == 1
    assert "Traceback" not in done.stderr
    assert "claims/special.yaml:" in done.stderr


@pytest.mark.parametrize("composer", ["libyaml", "pure-python"])
@pytest.mark.parametrize(
    "text",
    ["[" * 200_000 + "]" * 200_000, "[" * 100_000, "{a: " * 5000, "a:\n" + "- " * 2000 + "x\n"],
    ids=["closed-brackets", "open-brackets", "flow-mappings", "block-dashes"],
)
def test_deep_nesting_is_too_deep_whichever_parser_reads_it(
    composer: str, text: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # libyaml 0.2.6 (PyYAML 6.0.4) refuses nesting past its own limit while scanning
    # ahead; 0.2.5 and the pure-Python parser do not: each must give too-deep, placed.
    if composer == "libyaml" and not yamlsafe._LIBYAML:
        pytest.skip("PyYAML is installed without libyaml")
    if composer == "pure-python":
        monkeypatch.setattr(yamlsafe, "_Loader", yamlsafe._PyComposer)
    _, report = parse_claim_file(text, "deep.yaml")
    assert [p.type for p in report.problems] == ["too-deep"]
    (problem,) = report.problems
    assert problem.line >= 1 and problem.column >= 1
    assert f"nesting deeper than {yamlsafe.MAX_DEPTH} levels" in problem.message


def test_the_parsers_own_nesting_limit_is_placed_where_max_depth_is_passed() -> None:
    # 200,000 brackets on one line: MAX_DEPTH is first passed at column MAX_DEPTH + 1,
    # whether or not libyaml stopped at its own, deeper limit first.
    _, report = parse_claim_file("[" * 200_000, "deep.yaml")
    (problem,) = report.problems
    assert (problem.type, problem.line, problem.column) == ("too-deep", 1, yamlsafe.MAX_DEPTH + 1)


def test_a_file_read_by_its_seen_size_is_read_on_if_it_grew(tmp_path: Path) -> None:
    from claimgraph.io.files import read_at_most

    path = tmp_path / "growing.yaml"
    path.write_bytes(b"x" * 100)
    assert read_at_most(path, 1000, 100) == b"x" * 100
    assert read_at_most(path, 1000, 10) == b"x" * 100  # grew from 10 to 100 bytes since seen
    assert read_at_most(path, 50, 10) == b"x" * 51  # read only to the limit and one byte more
    assert read_at_most(path, 1000, 500) == b"x" * 100  # shrank


def test_the_quick_depth_bound_sees_a_deep_lead_on_any_line_the_first_too() -> None:
    lead = " -" * 10  # 20 leading characters: block nesting could pass the limit
    assert not yamlsafe._surely_shallow(lead + "k: 1\n")
    assert not yamlsafe._surely_shallow("a: 1\n" + lead + "k: 1\n")
    assert not yamlsafe._surely_shallow("a: 1\r\n" + lead + "k: 1\n")
    assert yamlsafe._surely_shallow("a: 1\n" + lead[:-1] + "k: 1\n")
