"""Reading a claims folder into a Corpus."""

from __future__ import annotations

import math
import shutil
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import InvalidInput
from claimgraph.load import (
    builtin_aspects,
    builtin_sides,
    claim_files,
    load_corpus,
    parse_claim_file,
    read_claim_file,
    read_corpus,
    scan,
)
from claimgraph.model import AspectType, Certainty, Interval, Stance

DATA = Path(__file__).parent / "data"
BASIC = DATA / "valid" / "basic" / "claims"


def test_valid_folder_loads_without_problems() -> None:
    corpus, report = read_corpus(BASIC)
    assert report.problems == []
    assert sorted(corpus.parties) == [
        "crimea-occupation-authorities",
        "local-channels",
        "ukraine-intelligence",
    ]
    assert list(corpus.events) == ["dzhankoi-2023-03-20"]
    assert list(corpus.sources) == ["report-1"]
    assert len(corpus.claims) == 7


def test_claims_keep_file_order() -> None:
    corpus, _ = read_corpus(BASIC)
    assert list(corpus.claims)[:2] == ["dzhankoi-aksyonov-air-defence", "dzhankoi-aksyonov-injured"]


def test_values_are_typed_by_aspect() -> None:
    claims = read_corpus(BASIC)[0].claims
    assert claims["dzhankoi-aksyonov-air-defence"].value == "air-defence-interception"
    assert claims["dzhankoi-channels-debris"].value == "air-defence-debris"
    assert claims["dzhankoi-hur-weapon"].value == frozenset({"kalibr-nk", "cruise-missile"})
    assert claims["dzhankoi-hur-injured"].value == Interval(4, math.inf, "at least four")
    assert claims["dzhankoi-hur-missiles"].value == Interval(
        12, 99, "several dozen"
    )  # dozens = 12 (ACLED)
    assert claims["dzhankoi-authorities-wait"].value is None


def test_raw_value_keeps_what_was_written() -> None:
    claims = read_corpus(BASIC)[0].claims
    assert claims["dzhankoi-aksyonov-air-defence"].raw_value == "air defence"
    assert claims["dzhankoi-hur-weapon"].raw_value == ["Kalibr-NK", "cruise missiles"]


def test_claim_fields_are_read() -> None:
    corpus = read_corpus(BASIC)[0]
    claim = corpus.claims["dzhankoi-aksyonov-injured"]
    assert claim.source == "report-1"
    assert claim.certainty is Certainty.HEDGED
    assert claim.said_on == datetime(2023, 3, 20, 23, 10)
    assert claim.where is not None and (claim.where.line, claim.where.column) == (19, 5)
    hur = corpus.claims["dzhankoi-hur-injured"]
    assert hur.evidence == ("none",)
    assert hur.links.contradicts == ("dzhankoi-aksyonov-injured",)
    assert corpus.claims["dzhankoi-authorities-wait"].stance is Stance.DECLINES


def test_parties_events_and_sources_are_read() -> None:
    corpus = read_corpus(BASIC)[0]
    party = corpus.parties["ukraine-intelligence"]
    assert (party.side, party.kind, party.aliases) == ("ukraine", "intelligence", ("HUR", "GUR"))
    event = corpus.events["dzhankoi-2023-03-20"]
    assert (event.date, event.coords, event.region) == (date(2023, 3, 20), (45.71, 34.39), "Crimea")
    source = corpus.sources["report-1"]
    assert (source.published, source.file) == (date(2023, 3, 21), "seeds/report.txt")


def test_aspects_extend_the_builtin_ones() -> None:
    aspects = read_corpus(BASIC)[0].aspects
    assert aspects["cause"].canonical("flying lawnmowers") == "drone-attack"
    assert aspects["cause"].canonical("mopeds") == "drone-attack"  # built-in kept
    assert aspects["missiles-destroyed"].type is AspectType.COUNT


def test_builtin_aspects_and_sides() -> None:
    assert builtin_aspects()["weapon"].type is AspectType.SET
    assert builtin_aspects()["cause"].closed
    assert set(builtin_sides()) == {"russia", "ukraine", "independent", "international"}


def test_builtin_aspects_are_fresh_copies() -> None:
    builtin_aspects()["cause"].synonyms["x"] = "sabotage"
    assert "x" not in builtin_aspects()["cause"].synonyms


def test_load_corpus_returns_the_corpus_when_valid() -> None:
    assert len(load_corpus(BASIC).claims) == 7


def test_load_corpus_raises_invalid_input_with_the_report(
    claims_dir: Callable[[str], Path],
) -> None:
    folder = claims_dir("valid/basic")
    (folder / "bad.yaml").write_text("claims: [\n", encoding="utf-8")
    with pytest.raises(InvalidInput) as info:
        load_corpus(folder)
    assert [p.type for p in info.value.report.errors] == ["yaml-syntax"]


def test_claim_files_are_sorted_and_recursive_and_skip_hidden(tmp_path: Path) -> None:
    for name in ["b.yaml", "a.yml", "sub/c.yaml", ".hidden/d.yaml", "notes.txt", ".e.yaml"]:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("", encoding="utf-8")
    names = [p.relative_to(tmp_path).as_posix() for p in claim_files(tmp_path)]
    assert names == ["a.yml", "b.yaml", "sub/c.yaml"]


def test_drafts_are_skipped_unless_included(claims_dir: Callable[[str], Path]) -> None:
    folder = claims_dir("valid/basic")
    (folder / "drafts").mkdir()
    (folder / "drafts" / "d.yaml").write_text(
        "source: {id: draft-1, status: draft}\n"
        "claims:\n"
        "  - {id: d1, event: dzhankoi-2023-03-20, party: local-channels,"
        " aspect: killed, value: two, quote: two died}\n",
        encoding="utf-8",
    )
    loaded = scan(folder)
    assert "d1" not in loaded.corpus.claims
    assert [p.name for p in loaded.drafts_skipped] == ["d.yaml"]
    corpus, report = read_corpus(folder, include_drafts=True)
    assert corpus.claims["d1"].value == Interval(2, 2, "two")
    assert [p.type for p in report.problems] == ["unchecked-quotes"]


def test_source_file_is_resolved_from_root_then_the_claim_files_folder(
    claims_dir: Callable[[str], Path],
) -> None:
    folder = claims_dir("valid/basic")
    (folder / "report.txt").write_bytes((folder.parent / "seeds" / "report.txt").read_bytes())
    text = (folder / "dzhankoi.yaml").read_text(encoding="utf-8")
    (folder / "dzhankoi.yaml").write_text(
        text.replace("file: seeds/report.txt", "file: report.txt"), encoding="utf-8"
    )
    assert read_corpus(folder)[1].problems == []
    assert read_corpus(folder, root=folder.parent / "seeds")[1].problems == []


def test_a_file_may_hold_everything(tmp_path: Path) -> None:
    (tmp_path / "all.yaml").write_text(
        "sides: {volunteers: Volunteer formations}\n"
        "parties: {rvc: {name: Russian Volunteer Corps, side: volunteers}}\n"
        "events: {e1: {title: Raid, start: 2024-03-12, end: 2024-03-20}}\n"
        "aspects: {raid-outcome: {type: category, values: [repelled, ongoing], closed: true}}\n"
        "source: {id: s1}\n"
        "claims:\n"
        "  - {id: c1, event: e1, party: rvc, aspect: raid-outcome, value: Ongoing,"
        " quote: fighting goes on}\n",
        encoding="utf-8",
    )
    corpus, report = read_corpus(tmp_path)
    assert [p.type for p in report.problems] == ["unchecked-quotes"]
    assert corpus.sides["volunteers"].name == "Volunteer formations"
    assert corpus.claims["c1"].value == "ongoing"
    assert corpus.events["e1"].first_day == date(2024, 3, 12)


def test_crlf_and_bom_are_accepted(tmp_path: Path) -> None:
    text = BASIC.joinpath("parties.yaml").read_text(encoding="utf-8")
    (tmp_path / "parties.yaml").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    corpus, report = read_corpus(tmp_path)
    assert report.problems == []
    assert corpus.parties["ukraine-intelligence"].aliases == ("HUR", "GUR")


def test_parse_claim_file_reads_text_without_touching_the_disk() -> None:
    parsed, report = parse_claim_file(
        "source: {id: s1, file: x.txt}\nclaims:\n  - {id: c1, event: e, party: p,"
        " aspect: killed, value: 3, quote: q}\n",
        "mem.yaml",
    )
    assert report.problems == []
    assert parsed.source is not None and parsed.source.file == "x.txt"
    assert [p.claim.id for p in parsed.claims] == ["c1"]


def test_read_claim_file_reports_unreadable_files(tmp_path: Path) -> None:
    parsed, report = read_claim_file(tmp_path / "nope.yaml", "nope.yaml")
    assert parsed.claims == []
    assert [p.type for p in report.problems] == ["unreadable-file"]


def test_bundled_claims_load() -> None:
    root = Path(__file__).parent.parent
    corpus, report = read_corpus(root / "claims")
    assert report.errors == []
    assert corpus.claims


# --- hostile input never raises ------------------------------------------------


_scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(),
    st.floats(allow_nan=True),
    st.text(max_size=20),
    st.sampled_from(["2023-02-30", "at least four", "declines", "hur", "../x", "|", "<script>"]),
)
_keys = st.sampled_from(
    [
        "id",
        "event",
        "party",
        "aspect",
        "value",
        "quote",
        "stance",
        "links",
        "source",
        "claims",
        "parties",
        "events",
        "aspects",
        "sides",
        "type",
        "file",
        "said_on",
        "evidence",
        "x",
        "name",
    ]
)
_yamlish = st.recursive(
    _scalars,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(_keys, inner, max_size=5),
    max_leaves=25,
)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(_yamlish)
def test_any_yaml_structure_gives_problems_never_an_exception(data: object) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    parsed, report = parse_claim_file(text, "fuzz.yaml")
    for problem in report.problems:
        assert problem.path == "fuzz.yaml"


@settings(max_examples=100, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_give_problems_never_an_exception(data: bytes) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "junk.yaml").write_bytes(data)
        _, report = read_corpus(Path(folder))
    # read_corpus turns any exception into an internal-error problem: none may appear
    assert [str(p) for p in report.problems if p.type == "internal-error"] == []


@settings(max_examples=60, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["sources", "parties", "claims", "source"]),
        st.lists(st.dictionaries(_keys, _scalars, max_size=8), max_size=3),
        max_size=3,
    )
)
def test_random_records_in_a_real_folder_never_raise(data: dict[str, object]) -> None:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        shutil.copytree(BASIC, Path(folder) / "claims")
        Path(folder, "claims", "fuzz.yaml").write_text(yaml.safe_dump(data), encoding="utf-8")
        _, report = read_corpus(Path(folder) / "claims")
    assert [str(p) for p in report.problems if p.type == "internal-error"] == []


def test_an_unexpected_error_becomes_a_problem_not_a_traceback(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import claimgraph.load.parse as parse

    def broken(*_: object) -> None:
        raise RuntimeError("boom")

    monkeypatch.setattr(parse, "_parse_claims", broken)
    (tmp_path / "a.yaml").write_text("claims: []\n", encoding="utf-8")
    _, report = read_corpus(tmp_path)
    assert [str(p) for p in report.problems] == [
        f"{tmp_path / 'a.yaml'}: internal error (RuntimeError: boom); "
        "this input is not fully checked, please report it"
    ]


def test_reading_restores_the_garbage_collector_state() -> None:
    import gc

    assert gc.isenabled()
    read_corpus(BASIC)
    assert gc.isenabled()
    gc.disable()
    try:
        read_corpus(BASIC)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_a_claim_file_that_is_a_device_is_refused_unread(tmp_path: Path) -> None:
    (tmp_path / "zero.yaml").symlink_to("/dev/zero")
    _, report = read_corpus(tmp_path)
    assert [str(p) for p in report.problems] == [
        f"{tmp_path / 'zero.yaml'}: not a regular file (a device, a pipe or a folder): not read"
    ]
