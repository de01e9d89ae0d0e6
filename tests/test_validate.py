"""Each validation check, on a bad fixture file: exact message, line and column."""

# The expected messages are kept whole, one per line, so they can be read and grepped.
# ruff: noqa: E501

from __future__ import annotations

import shutil
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from claimgraph import checks
from claimgraph.checks import normalise_quote, quote_in_text
from claimgraph.io import files
from claimgraph.load import parse_claim_file, read_corpus
from claimgraph.problems import CATALOGUE, Report

DATA = Path(__file__).parent / "data"
INVALID = DATA / "invalid"

# Every problem each fixture gives, as printed (paths relative to the claims folder).
EXPECTED: dict[str, list[str]] = {
    "source-before-event.yaml": [
        "source-before-event.yaml:6:5: warning: source 'early-1' was published on 2023-03-19, before event 'dzhankoi-2023-03-20' began (2023-03-20), yet claim 'early-claim' reports on it",
    ],
    "speaker-mismatch.yaml": [
        "speaker-mismatch.yaml:5:5: warning: speaker 'Aksyonov' of claim 'speaker-wrong-party' speaks for 'crimea-occupation-authorities', not for party 'ukraine-intelligence' (did you mean 'crimea-occupation-authorities'?)",
    ],
    "aspect-bad-kind-items.yaml": [
        "aspect-bad-kind-items.yaml:4:17: 'armoured' in 'kind_items' is not one of the aspect's kinds",
        "aspect-bad-kind-items.yaml:5:17: kind 'civilian' must be a list of items",
        "aspect-bad-kind-items.yaml:7:17: 'kind_items' must be a mapping of kind -> list of items, on a set aspect",
    ],
    "aspect-bad-kinds.yaml": [
        "aspect-bad-kinds.yaml:3:12: 'kinds' must be a mapping of kind -> list of words, on a set aspect",
        "aspect-bad-kinds.yaml:6:17: kind 'military' must be a list of words",
    ],
    "aspect-type-conflict.yaml": [
        "aspect-type-conflict.yaml:3:11: aspect 'killed' is a count; it cannot be redefined as 'category'",
        "aspect-type-conflict.yaml:5:11: aspect type 'number' is not one of category, set, count, text",
    ],
    "bad-date.yaml": [
        "bad-date.yaml:4:14: invalid date '2023-02-30' in 'published' (day is out of range for month)",
        "bad-date.yaml:12:14: invalid date '2023-03-20T25:00' in 'said_on' (expected YYYY-MM-DD or an ISO date-time)",
        "bad-date.yaml:19:14: invalid date 'yesterday' in 'said_on' (expected YYYY-MM-DD or an ISO date-time)",
    ],
    "bad-encoding.yaml": [
        "bad-encoding.yaml:3:13: not valid UTF-8 (byte offset 32)",
    ],
    "bad-evidence.yaml": [
        "bad-evidence.yaml:11:15: claim 'bad-evidence-none-and-video' has evidence 'none' together with video",
    ],
    "bad-id.yaml": [
        "bad-id.yaml:3:5: party id '../../etc/passwd' must be a slug (letters, digits, '-', '_', '.') (did you mean 'etc-passwd'?)",
    ],
    "bad-link.yaml": [
        "bad-link.yaml:12:22: claim 'bad-link-self' corroborates itself",
        "bad-link.yaml:21:19: claim 'bad-link-other-party' supersedes 'dzhankoi-aksyonov-injured' of another party ('ukraine-intelligence' vs 'crimea-occupation-authorities'); a party can only update its own claim",
        "bad-link.yaml:31:22: claim 'bad-link-both' both contradicts and corroborates 'dzhankoi-aksyonov-injured'",
    ],
    "bad-stance.yaml": [
        "bad-stance.yaml:11:13: stance 'denys' is not one of asserts, denies, declines (did you mean 'denies'?)",
        "bad-stance.yaml:12:16: certainty 'alleged' is not one of asserted, hedged, reported (did you mean 'hedged'?)",
        "bad-stance.yaml:13:23: evidence 'photos' is not one of none, video, photo, eyewitness, document, official, satellite, audio (did you mean 'photo'?)",
    ],
    "bad-value.yaml": [
        "bad-value.yaml:9:12: bad value for 'injured' in claim 'bad-value-count': not a count: 'lots of people' (expected a number such as 7, 'ten', 'at least 4', 'several dozen', 'up to 7')",
        "bad-value.yaml:15:12: bad value for 'cause' in claim 'bad-value-category': unknown cause 'air-defense-interception' (did you mean 'air-defence-interception'?)",
        "bad-value.yaml:21:12: bad value for 'cause' in claim 'bad-value-list-for-category': 'cause' takes one answer, not a list",
        "bad-value.yaml:28:12: claim 'bad-value-declines' declines to answer, so it carries no value (use stance 'asserts' or 'denies', or drop the value)",
    ],
    "dates-out-of-order.yaml": [
        "dates-out-of-order.yaml:6:5: warning: claim 'dates-before-event' was said on 2023-03-19, before event 'dzhankoi-2023-03-20' began (2023-03-20)",
        "dates-out-of-order.yaml:13:5: warning: claim 'dates-after-published' was said on 2023-03-25, after its source 'dates-1' was published (2023-03-21)",
    ],
    "duplicate-claim.yaml": [
        "dzhankoi.yaml:27:5: warning: claim 'dzhankoi-hur-injured' repeats claim 'dup-claim-a' (same party, event, aspect, value, quote and source; first at duplicate-claim.yaml:5:5): it would count twice",
    ],
    "duplicate-id.yaml": [
        "duplicate-id.yaml:17:9: duplicate claim id 'duplicate-in-file' (first defined at duplicate-id.yaml:11:5)",
        "dzhankoi.yaml:27:9: duplicate claim id 'dzhankoi-hur-injured' (first defined at duplicate-id.yaml:5:5)",
    ],
    "duplicate-key.yaml": [
        "duplicate-key.yaml:11:5: duplicate key 'value' (first at line 9); YAML would silently keep only the last",
    ],
    "empty-file.yaml": [
        "empty-file.yaml: warning: empty claim file",
    ],
    "empty-quote.yaml": [
        "empty-quote.yaml:5:5: claim 'empty-quote-asserts' has no quote: record the source's words",
    ],
    "missing-field.yaml": [
        "missing-field.yaml:5:5: claim 'missing-event' has no 'event'",
        "missing-field.yaml:10:5: claim 'missing-value' has no 'value' (only a 'declines' claim may leave it out)",
    ],
    "missing-source-file.yaml": [
        "missing-source-file.yaml:3:9: source file 'seeds/no-such-report.txt' of source 'missing-file-1' not found (looked in .. and .)",
    ],
    "quote-not-in-source.yaml": [
        "quote-not-in-source.yaml:10:12: quote of claim 'quote-paraphrased' does not occur in the text of source 'quote-1': 'at least 4 people were wounded'",
        "quote-not-in-source.yaml:22:12: quote of claim 'quote-case-differs' does not occur in the text of source 'quote-1': 'The anti-aircraft defense has worked'",
    ],
    "several-problems.yaml": [
        "several-problems.yaml:6:12: unknown event 'dzhankoi-2023-03-02' in claim 'several-a' (did you mean 'dzhankoi-2023-03-20'?)",
        "several-problems.yaml:7:12: unknown party 'hur' in claim 'several-a' (did you mean 'ukraine-intelligence'?)",
        "several-problems.yaml:9:12: bad value for 'injured' in claim 'several-a': not a count: 'umpteen' (expected a number such as 7, 'ten', 'at least 4', 'several dozen', 'up to 7')",
        "several-problems.yaml:11:14: invalid date '2023-13-01' in 'said_on' (month must be in 1..12)",
        "several-problems.yaml:17:5: unknown field 'qoute' in claim 'several-b' (did you mean 'quote'?)",
        "several-problems.yaml:18:13: stance 'asserted' is not one of asserts, denies, declines (did you mean 'asserts'?)",
    ],
    "synonym-conflict.yaml": [
        "synonym-conflict.yaml:4:18: 'mopeds' already means cause 'drone-attack', not 'sabotage'",
        "synonym-conflict.yaml:5:28: 'sabotage' is itself a cause value; it cannot mean 'air-defence-debris'",
    ],
    "too-deep.yaml": [
        "too-deep.yaml:1:72: nesting deeper than 64 levels",
    ],
    "top-level.yaml": [
        "top-level.yaml:1:1: the top level must be a mapping of sides, parties, events, aspects, source, claims; not a list",
    ],
    "unknown-aspect.yaml": [
        "unknown-aspect.yaml:8:13: unknown aspect 'injurd' in claim 'unknown-aspect-typo' (did you mean 'injured'?)",
    ],
    "unknown-event.yaml": [
        "unknown-event.yaml:6:12: unknown event 'dzhankoi-2023-02-20' in claim 'unknown-event-typo' (did you mean 'dzhankoi-2023-03-20'?)",
    ],
    "unknown-field.yaml": [
        "unknown-field.yaml:10:5: unknown field 'qoute' in claim 'unknown-field-qoute' (did you mean 'quote'?)",
    ],
    "unknown-link.yaml": [
        "unknown-link.yaml:12:21: claim 'unknown-link-typo' contradicts unknown claim 'dzhankoi-aksyonov-injurd' (did you mean 'dzhankoi-aksyonov-injured'?)",
    ],
    "unknown-party.yaml": [
        "unknown-party.yaml:7:12: unknown party 'hur' in claim 'unknown-party-hur' (did you mean 'ukraine-intelligence'?)",
        "unknown-party.yaml:13:12: unknown party 'Aksyonov' in claim 'unknown-party-aksyonov' (did you mean 'crimea-occupation-authorities'?)",
        "unknown-party.yaml:19:12: unknown party 'ukraine-inteligence' in claim 'unknown-party-typo' (did you mean 'ukraine-intelligence'?)",
    ],
    "unknown-side.yaml": [
        "unknown-side.yaml:4:11: party 'russia-mod' has unknown side 'rusia' (did you mean 'russia'?)",
    ],
    "unknown-source.yaml": [
        "unknown-source.yaml:3:13: unknown source 'reprt-1' in claim 'unknown-source-typo' (did you mean 'report-1'?)",
        "unknown-source.yaml:9:5: claim 'unknown-source-none' has no source: give the file a 'source:' or the claim a 'source' id",
    ],
    "wrong-type.yaml": [
        "wrong-type.yaml:10:12: 'quote' of 'wrong-type-quote' must be text, not a list",
        "wrong-type.yaml:11:5: claim must be a mapping, not text",
    ],
    "yaml-alias.yaml": [
        "yaml-alias.yaml:1:1: aliases repeat 490,329,064 nodes, over the limit of 100,000 (an alias bomb?)",
    ],
    "yaml-syntax.yaml": [
        "yaml-syntax.yaml:7:1: YAML syntax: found unexpected end of stream (while scanning a quoted scalar started at line 5)",
    ],
    "yaml-tag.yaml": [
        "yaml-tag.yaml:2:7: 'id' must be text, not a list",
        "yaml-tag.yaml:2:7: unsupported YAML tag 'tag:yaml.org,2002:python/object/apply:os.system' (claim files hold plain data)",
    ],
}


def check_fixture(
    name: str, claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> Report:
    """Read the valid basic folder with one bad fixture file added."""
    folder = claims_dir("valid/basic")
    shutil.copy(INVALID / name, folder / name)
    monkeypatch.chdir(folder)
    return read_corpus(Path("."), root=folder.parent)[1]


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_bad_fixture_gives_exactly_its_problems(
    name: str, claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check_fixture(name, claims_dir, monkeypatch)
    assert [str(p) for p in report.sorted()] == EXPECTED[name]


def test_every_fixture_file_has_expectations() -> None:
    assert sorted(p.name for p in INVALID.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize(
    "name",
    [n for n in sorted(EXPECTED) if n.removesuffix(".yaml") in CATALOGUE],
)
def test_a_fixture_named_after_a_problem_type_gives_that_type(
    name: str, claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check_fixture(name, claims_dir, monkeypatch)
    assert name.removesuffix(".yaml") in {p.type for p in report.problems}


def test_several_problems_in_one_file_are_all_collected(
    claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check_fixture("several-problems.yaml", claims_dir, monkeypatch)
    assert [p.type for p in report.sorted()] == [
        "unknown-event",
        "unknown-party",
        "bad-value",
        "bad-date",
        "unknown-field",
        "bad-stance",
    ]
    assert {p.id for p in report.problems} == {"several-a", "several-b"}


def test_problems_carry_the_id_and_the_hint(
    claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check_fixture("unknown-party.yaml", claims_dir, monkeypatch)
    first = report.sorted()[0]
    assert (first.type, first.line, first.column) == ("unknown-party", 7, 12)
    assert (first.id, first.hint) == ("unknown-party-hur", "ukraine-intelligence")


def test_warnings_do_not_make_the_folder_invalid(
    claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    report = check_fixture("dates-out-of-order.yaml", claims_dir, monkeypatch)
    assert report.problems and report.valid


def test_alias_bomb_is_refused_fast(
    claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    start = time.perf_counter()
    report = check_fixture("yaml-alias.yaml", claims_dir, monkeypatch)
    assert time.perf_counter() - start < 5
    assert [p.type for p in report.problems] == ["yaml-alias"]


def test_a_file_over_the_size_limit_is_refused_unread(
    claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 100)
    folder = claims_dir("valid/basic")
    monkeypatch.chdir(folder)
    report = read_corpus(Path("."), root=folder.parent)[1]
    big = [str(p) for p in report.problems if p.type == "file-too-large"]
    assert "dzhankoi.yaml: file of 1,852 bytes is over the limit of 100 bytes" in big


def test_recursive_alias_is_refused() -> None:
    _, report = parse_claim_file("a: &a [*a]\n", "r.yaml")
    assert [str(p) for p in report.problems] == [
        "r.yaml:1:1: an alias refers to itself (recursive alias)"
    ]


def test_deep_nesting_is_refused_without_crashing() -> None:
    _, report = parse_claim_file("[" * 200_000 + "]" * 200_000, "deep.yaml")
    assert [p.type for p in report.problems] == ["too-deep"]


def test_two_documents_in_one_file_are_a_syntax_problem() -> None:
    _, report = parse_claim_file("a: 1\n---\nb: 2\n", "two.yaml")
    assert [str(p) for p in report.problems] == [
        "two.yaml:2:1: YAML syntax: more than one YAML document (---) in the file"
    ]


def test_merge_keys_are_applied() -> None:
    parsed, report = parse_claim_file(
        "x-templates: {base: &p {side: russia, kind: government}}\nparties:\n"
        "  russia-mod: {<<: *p, name: Ministry of Defence}\n",
        "m.yaml",
    )
    assert [p.type for p in report.problems] == []
    mod = [p for p in parsed.parties if p.id == "russia-mod"][0]
    assert (mod.side, mod.kind) == ("russia", "government")


def test_supersede_cycles_are_bad_links(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: killed, value: 1, quote: q,"
        " links: {supersedes: b}}\n"
        "  - {id: b, event: e, party: p, aspect: killed, value: 2, quote: r,"
        " links: {supersedes: a}}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    cycles = [p.message for p in report.problems if p.type == "bad-link"]
    assert cycles == ["claims supersede each other in a circle: a -> b -> a"]


def test_a_link_to_another_event_is_a_bad_link(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}, f: {title: F}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: killed, value: 1, quote: q}\n"
        "  - {id: b, event: f, party: p, aspect: killed, value: 2, quote: r,"
        " links: {contradicts: [a]}}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert [p.message for p in report.errors] == [
        "claim 'b' contradicts 'a' about another event ('f' vs 'e')"
    ]


def test_a_superseded_silence_may_be_answered_on_another_aspect(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: comment, stance: declines, quote: q}\n"
        "  - {id: b, event: e, party: p, aspect: killed, value: 2, quote: r,"
        " links: {supersedes: a}}\n",
        encoding="utf-8",
    )
    assert read_corpus(tmp_path)[1].errors == []


def test_an_aspect_of_the_claims_folder_may_close_a_category(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "aspects: {outcome: {type: category, closed: true, values: [repelled],"
        " synonyms: {repelled: [repulsed]}}}\n"
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: outcome, value: Repulsed, quote: q}\n"
        "  - {id: b, event: e, party: p, aspect: outcome, value: repeled, quote: r}\n",
        encoding="utf-8",
    )
    corpus, report = read_corpus(tmp_path)
    assert corpus.claims["a"].value == "repelled"
    assert [str(p) for p in report.errors] == [
        f"{tmp_path / 'c.yaml'}:7:57: bad value for 'outcome' in claim 'b': "
        "unknown outcome 'repeled' (did you mean 'repelled'?)"
    ]


def test_typographic_quotes_dashes_and_spaces_are_normalised() -> None:
    text = normalise_quote("They ask to “wait for official\ninformation” – the ‘authorities’")
    assert quote_in_text("ask to \"wait for official information\" - the 'authorities'", text)


def test_quotes_stay_case_sensitive() -> None:
    assert not quote_in_text("Wait for official", normalise_quote("wait for official"))


def test_an_elision_matches_words_left_out_in_order() -> None:
    text = normalise_quote("the anti-aircraft defense has worked in the Dzhankoi area")
    assert quote_in_text("the anti-aircraft defense [...] Dzhankoi area", text)
    assert not quote_in_text("Dzhankoi area ... the anti-aircraft defense", text)


def test_an_empty_quote_never_matches() -> None:
    assert not quote_in_text(" ... ", "anything")


def test_a_silence_without_quote_is_only_a_warning(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: comment, stance: declines}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert report.valid
    assert [p.type for p in report.warnings] == ["empty-quote"]


def test_the_same_alias_for_two_parties_is_warned_about(tmp_path: Path) -> None:
    (tmp_path / "p.yaml").write_text(
        "parties:\n"
        "  a: {name: A, side: russia, aliases: [Governor]}\n"
        "  b: {name: B, side: russia, aliases: [governor]}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert [p.message for p in report.problems] == [
        "alias 'governor' of party 'b' also names party 'a'"
    ]


def test_a_source_file_outside_the_project_is_refused(tmp_path: Path) -> None:
    (tmp_path / "secret.txt").write_text("q", encoding="utf-8")
    project = tmp_path / "project"
    (project / "claims").mkdir(parents=True)
    (project / "claims" / "c.yaml").write_text(
        "source: {id: s, file: ../../secret.txt}\n", encoding="utf-8"
    )
    report = read_corpus(project / "claims")[1]
    assert [p.type for p in report.problems] == ["unsafe-path"]


def test_event_dates_and_coords_are_checked(tmp_path: Path) -> None:
    (tmp_path / "e.yaml").write_text(
        "events:\n"
        "  e1: {title: A, start: 2024-03-20, end: 2024-03-12}\n"
        "  e2: {title: B, coords: [95, 34]}\n"
        "  e3: {title: C, coords: here}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert [p.message for p in report.sorted()] == [
        "event 'e1' ends (2024-03-12) before it starts (2024-03-20)",
        "coords [95.0, 34.0] are off the globe: latitude -90..90, longitude -180..180",
        "'coords' must be [latitude, longitude]",
    ]


def test_a_url_must_be_http(tmp_path: Path) -> None:
    (tmp_path / "s.yaml").write_text(
        "source: {id: s, url: 'javascript:alert(1)'}\n", encoding="utf-8"
    )
    report = read_corpus(tmp_path)[1]
    assert [p.message for p in report.problems] == [
        "url 'javascript:alert(1)' must start with http:// or https://"
    ]


def test_identical_party_records_in_two_files_are_not_duplicates(tmp_path: Path) -> None:
    record = "parties: {p: {name: P, side: russia}}\n"
    (tmp_path / "a.yaml").write_text(record, encoding="utf-8")
    (tmp_path / "b.yaml").write_text(record, encoding="utf-8")
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: Other, side: russia}}\n", encoding="utf-8"
    )
    report = read_corpus(tmp_path)[1]
    assert [str(p) for p in report.problems] == [
        f"{tmp_path / 'c.yaml'}:1:11: duplicate party id 'p' (first defined at "
        f"{tmp_path / 'a.yaml'}:1:11)"
    ]


def test_brackets_inside_quoted_text_are_not_nesting() -> None:
    _, report = parse_claim_file('x-note: "' + "[" * 100 + '"\n', "q.yaml")
    assert report.problems == []


def test_unclosed_deep_brackets_are_refused_without_crashing() -> None:
    _, report = parse_claim_file("[" * 100_000, "open.yaml")
    assert [p.type for p in report.problems] == ["too-deep"]


def test_deep_block_indentation_is_refused() -> None:
    text = "".join(" " * i + f"k{i}:\n" for i in range(70)) + " " * 70 + "end: 1\n"
    _, report = parse_claim_file(text, "indent.yaml")
    assert [p.type for p in report.problems] == ["too-deep"]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"source:\n  id: s\xff1\n", "bytes.yaml:2:8: not valid UTF-8 (byte offset 15)"),
        (
            b"source:\n  id: s\x001\n",
            "bytes.yaml:2:8: YAML syntax: unacceptable character #x0000: "
            "control characters are not allowed",
        ),
        (
            "source:\n  title: Café \x07\n".encode(),
            "bytes.yaml:2:15: YAML syntax: unacceptable character #x0007: "
            "control characters are not allowed",
        ),
    ],
    ids=["latin1", "nul", "bell"],
)
def test_bad_bytes_are_reported_at_their_line_and_column(data: bytes, message: str) -> None:
    from claimgraph.load import read_claim_file

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "bytes.yaml")
        path.write_bytes(data)
        _, report = read_claim_file(path, "bytes.yaml")
    assert [str(p) for p in report.problems] == [message]


def test_a_huge_count_is_a_bad_value_not_a_crash(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        f"  - {{id: a, event: e, party: p, aspect: killed, value: 1{'0' * 400}, quote: q}}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert [(p.type, p.line) for p in report.errors] == [("bad-value", 5)]


def test_a_source_text_that_is_not_utf8_is_reported_at_its_file_field(
    claims_dir: Callable[[str], Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = claims_dir("valid/basic")
    (folder.parent / "seeds" / "report.txt").write_bytes(b"caf\xe9 at least four\n")
    monkeypatch.chdir(folder)
    report = read_corpus(Path("."), root=folder.parent)[1]
    assert [str(p) for p in report.problems] == [
        "dzhankoi.yaml:8:9: source file 'seeds/report.txt': not valid UTF-8 (byte offset 3)"
    ]


def test_quotes_of_a_source_without_file_are_warned_about_once(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: killed, value: 1, quote: q}\n"
        "  - {id: b, event: e, party: p, aspect: injured, value: 2, quote: r}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert [p.message for p in report.problems] == [
        "source 's' has no 'file': its quotes cannot be checked"
    ]
    assert report.valid


def test_a_link_to_a_claim_with_its_own_problem_is_not_reported_again(tmp_path: Path) -> None:
    (tmp_path / "c.yaml").write_text(
        "parties: {p: {name: P, side: russia}}\n"
        "events: {e: {title: E}}\n"
        "source: {id: s}\n"
        "claims:\n"
        "  - {id: a, event: e, party: p, aspect: killed, value: lots, quote: q}\n"
        "  - {id: b, event: e, party: p, aspect: injured, value: 2, quote: r,"
        " links: {contradicts: [a]}}\n",
        encoding="utf-8",
    )
    report = read_corpus(tmp_path)[1]
    assert [p.type for p in report.errors] == ["bad-value"]


def test_did_you_mean_stays_fast_over_many_claim_ids() -> None:
    ids = [f"event-{i:06d}-party-{i % 97}-claim" for i in range(50_000)]
    start = time.perf_counter()
    assert checks.nearest("event-012345-party-26-claimm", ids) == "event-012345-party-26-claim"
    assert checks.nearest("zzz", ids) is None
    assert time.perf_counter() - start < 2


def test_the_old_validate_module_re_exports_the_checks() -> None:
    from claimgraph import validate

    assert validate.__all__
    for name in validate.__all__:
        assert getattr(validate, name) is getattr(checks, name)
