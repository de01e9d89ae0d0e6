"""CSV and JSON Lines claim files: parsing with lines, problems, and writing back."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimgraph.bulk import (
    CSV_COLUMNS,
    BulkFormatError,
    generate_csv,
    generate_jsonl,
    parse_csv,
    parse_jsonl,
    read_bulk,
)
from claimgraph.problems import Report

DATA = Path(__file__).parent / "data" / "bulk"


def messages(report: Report) -> list[str]:
    return [str(p) for p in report.sorted()]


def parse_csv_file(name: str) -> tuple[list[dict[str, Any]], Report, list[Any]]:
    report = Report()
    docs = read_bulk(DATA / name, report, display=f"claims/{name}")
    return [d.plain() for d in docs], report, docs


def test_csv_row_becomes_a_claim_under_its_source() -> None:
    docs, report, items = parse_csv_file("two-sources.csv")
    assert messages(report) == []
    assert [d["source"]["id"] for d in docs] == ["seed-000", "seed-001"]
    first = docs[0]
    assert first["source"] == {
        "id": "seed-000",
        "title": "Explosions in Dzhankoi",
        "outlet": "Ukrainska Pravda",
        "published": date(2023, 3, 20),
        "language": "en",
        "file": "seeds/000_7b4e7957d4f0cff1.txt",
    }
    claim = first["claims"][0]
    assert claim["id"] == "dzhankoi-aksyonov-air-defence"
    assert claim["said_on"] == date(2023, 3, 20)
    assert "note" not in claim  # an empty cell is an absent field
    assert [c["id"] for c in docs[1]["claims"]] == ["crimea-mod-ten-missiles"]


def test_csv_lines_count_the_header_and_quoted_line_breaks() -> None:
    _, report, items = parse_csv_file("two-sources.csv")
    lines = [c.line for d in items for c in d.value["claims"].value]
    # header 1; row 2; row 3 has a quote spanning 3 lines; a blank line 6;
    # the next rows start at 7, 8 and 9 (7 is the other source's).
    assert lines == [2, 3, 8, 9, 7]
    multi = items[0].value["claims"].value[1].plain()
    assert multi["quote"] == 'Unfortunately,\none person was injured.\n"Preliminary" data'


def test_csv_semicolons_make_lists_except_in_text_values() -> None:
    docs, report, _ = parse_csv_file("two-sources.csv")
    claims = {c["id"]: c for d in docs for c in d["claims"]}
    assert claims["dzhankoi-hur-kalibr"]["value"] == ["Kalibr-NK", "railway"]
    assert claims["dzhankoi-hur-kalibr"]["evidence"] == ["video", "photo"]
    assert claims["dzhankoi-hur-kalibr"]["links"] == {
        "contradicts": "dzhankoi-aksyonov-air-defence"  # one id, no ';': as YAML's `x`
    }
    assert claims["crimea-mod-ten-missiles"]["value"] == ["house"]  # trailing ;
    assert claims["dzhankoi-aksyonov-injured"]["value"] == 1
    assert claims["dzhankoi-wait"]["value"] == "wait; official information only"


def test_csv_review_columns_become_a_review() -> None:
    docs, _, _ = parse_csv_file("two-sources.csv")
    claim = docs[1]["claims"][0]
    assert claim["review"] == {
        "rating": "False",
        "value": 1,
        "best": 5,
        "worst": 1,
        "date": date(2024, 1, 6),
    }


def test_csv_header_problems_name_line_one_with_a_hint() -> None:
    report = Report()
    parse_csv("id,evnet,source,id\nc1,e1,s1,c2\n", "claims/x.csv", report)
    assert messages(report) == [
        "claims/x.csv:1: duplicate column 'id' (first is column 1)",
        "claims/x.csv:1: unknown column 'evnet' (did you mean 'event'?)",
    ]


def test_csv_conflicting_source_metadata_is_reported_on_its_row() -> None:
    report = Report()
    text = (
        "id,source,source_title\n"
        "c1,s1,Night raid\n"
        "c2,s1,Night raid\n"
        "c3,s1,Day raid\n"
    )  # fmt: skip
    parse_csv(text, "claims/x.csv", report)
    assert messages(report) == [
        "claims/x.csv:4: source 's1' has title 'Day raid' here but 'Night raid' at line 2"
    ]


def test_csv_row_without_source_is_reported() -> None:
    report = Report()
    docs = parse_csv("id,event,source\nc1,e1,\n", "claims/x.csv", report)
    assert docs == []
    assert messages(report) == [
        "claims/x.csv:2: claim 'c1' has no source (fill the 'source' column)"
    ]


def test_csv_row_with_only_source_columns_describes_the_source() -> None:
    report = Report()
    [doc] = parse_csv("source,source_title\ns1,Empty report\n", "x.csv", report)
    assert doc.plain() == {"source": {"id": "s1", "title": "Empty report"}, "claims": []}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "id,event\nc1,e1\nc2,e2,extra\n",
            "claims/x.csv:3: CSV syntax: 3 cells where the header has 2",
        ),
        (
            'id,quote\nc1,"never closed\nc2,x\n',
            "claims/x.csv:2: CSV syntax: unexpected end of data",
        ),
    ],
    ids=["too-many-cells", "unclosed-quote"],
)
def test_csv_syntax_error_names_its_line(text: str, expected: str) -> None:
    report = Report()
    assert parse_csv(text, "claims/x.csv", report) == []
    assert messages(report) == [expected]


def test_empty_csv_is_a_warning() -> None:
    report = Report()
    assert parse_csv("", "claims/x.csv", report) == []
    assert report.valid
    assert messages(report) == ["claims/x.csv:1: warning: empty CSV file: no header row"]


def test_csv_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "x.csv"
    path.write_bytes(b"id,quote\nc1,caf\xe9\n")
    report = Report()
    assert read_bulk(path, report, display="claims/x.csv") == []
    [problem] = report.problems
    assert (problem.type, problem.path) == ("bad-encoding", "claims/x.csv")
    assert "not valid UTF-8" in problem.message


def test_a_file_that_never_ends_is_not_read(tmp_path: Path) -> None:
    zero = tmp_path / "zero.csv"
    zero.symlink_to("/dev/zero")
    report = Report()
    assert read_bulk(zero, report, display="claims/zero.csv") == []
    assert messages(report) == [
        "claims/zero.csv: not a regular file (a device, a pipe or a folder): not read"
    ]


def test_jsonl_claims_follow_their_source_record() -> None:
    report = Report()
    items = read_bulk(DATA / "feed.jsonl", report, display="claims/feed.jsonl")
    assert messages(report) == []
    docs = [d.plain() for d in items]
    assert [d["source"]["id"] for d in docs] == ["seed-000", "seed-001"]
    assert docs[0]["source"]["published"] == date(2023, 3, 20)
    assert [c["id"] for c in docs[0]["claims"]] == ["c1", "c3"]  # c3 names seed-000
    assert docs[0]["claims"][0]["said_on"] == date(2023, 3, 20)
    assert docs[0]["claims"][0]["value"] == ["Kalibr-NK", "railway"]
    assert [c.line for c in items[0].value["claims"].value] == [2, 5]
    assert docs[1]["claims"][0]["review"]["date"] == date(2024, 1, 6)


def test_jsonl_bad_lines_are_reported_and_the_rest_read() -> None:
    report = Report()
    text = (
        '{"id": "orphan", "event": "e1"}\n'
        '{"source": {"id": "s1"}}\n'
        '{"id": "c1", "event": "e1",}\n'
        "[1, 2]\n"
        '{"id": "c2", "event": "e1"}\n'
        '{"source": {"title": "no id"}}\n'
        '{"id": "c3", "value": ' + "9" * 5000 + "}\n" + "[" * 100_000 + "\n"
    )
    docs = parse_jsonl(text, "claims/x.jsonl", report)
    assert [c["id"] for d in docs for c in d.plain()["claims"]] == ["c2"]
    assert messages(report) == [
        'claims/x.jsonl:1: claim has no source (give a "source" field or a source record above it)',
        "claims/x.jsonl:3:28: JSON syntax: Expecting property name enclosed in double quotes",
        "claims/x.jsonl:4: a line must hold a JSON object (a claim or a source), not a list",
        "claims/x.jsonl:6: source record has no id",
        "claims/x.jsonl:7: JSON value refused: Exceeds the limit (4300 digits) for integer "
        "string conversion",
        "claims/x.jsonl:8: JSON nested too deeply",
    ]


def _docs() -> list[dict[str, Any]]:
    return [
        {
            "source": {"id": "s1", "title": "T, with comma", "published": date(2023, 3, 20)},
            "claims": [
                {
                    "id": "c1",
                    "event": "e1",
                    "party": "p1",
                    "quote": 'He said "no",\nthen left',
                    "aspect": "damage",
                    "value": ["house"],
                    "evidence": ["video", "photo"],
                    "said_on": date(2023, 3, 21),
                    "links": {"contradicts": ["c2"], "supersedes": "c0"},
                    "review": {"rating": "False", "value": 1, "date": date(2023, 4, 1)},
                },
                {"id": "c2", "event": "e1", "party": "p2", "aspect": "killed", "value": 10},
                {
                    "id": "c3",
                    "event": "e1",
                    "party": "p2",
                    "aspect": "comment",
                    "stance": "declines",
                    "value": "no; comment",
                },
            ],
        },
        {"source": {"id": "s2"}, "claims": []},
    ]


def test_quoted_digits_in_a_value_read_back_as_the_number() -> None:
    docs = [{"source": {"id": "s"}, "claims": [{"id": "c", "aspect": "killed", "value": "10"}]}]
    back = parse_csv("".join(generate_csv(docs)), "x.csv", Report())
    assert back[0].plain()["claims"][0]["value"] == 10


def test_csv_written_reads_back_the_same() -> None:
    text = "".join(generate_csv(_docs()))
    assert text.splitlines()[0] == ",".join(CSV_COLUMNS)
    report = Report()
    back = [d.plain() for d in parse_csv(text, "x.csv", report)]
    assert messages(report) == []
    assert back == _docs()


def test_jsonl_written_reads_back_the_same() -> None:
    text = "".join(generate_jsonl(_docs()))
    report = Report()
    back = [d.plain() for d in parse_jsonl(text, "x.jsonl", report)]
    assert messages(report) == []
    assert back == _docs()


@pytest.mark.parametrize(
    ("claim", "error"),
    [
        ({"id": "c", "colour": "red"}, r"claim 'c' has field\(s\) colour"),
        ({"id": "c", "value": True}, "value: a boolean"),
        ({"id": "c", "value": ["a;b"]}, "cannot be kept in a CSV cell"),
        ({"id": "c", "evidence": ["video", " photo"]}, "cannot be kept in a CSV cell"),
        ({"id": "c", "links": {"supersedes": 7}}, "would read back as '7'"),
    ],
    ids=["unknown-field", "boolean", "semicolon-in-item", "space-around-item", "number-id"],
)
def test_csv_refuses_what_it_cannot_keep(claim: dict[str, Any], error: str) -> None:
    with pytest.raises(BulkFormatError, match=error):
        "".join(generate_csv([{"source": {"id": "s"}, "claims": [claim]}]))


quote_text = st.text(
    st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), min_size=1
).filter(lambda s: s.strip() == s and s != "")


@settings(max_examples=60, deadline=None)
@given(quote=quote_text, note=quote_text)
def test_any_quote_survives_csv_and_jsonl(quote: str, note: str) -> None:
    docs = [{"source": {"id": "s"}, "claims": [{"id": "c", "quote": quote, "note": note}]}]
    for generate, parse in ((generate_csv, parse_csv), (generate_jsonl, parse_jsonl)):
        report = Report()
        back = [d.plain() for d in parse("".join(generate(docs)), "x", report)]  # type: ignore[operator]
        assert back == docs, generate.__name__


junk = st.text(
    st.characters(blacklist_categories=("Cs",)) | st.sampled_from(list(',;"\n\r{}[]:')),
    max_size=300,
)


@settings(max_examples=150, deadline=None)
@given(body=junk)
def test_any_text_gives_documents_or_problems_never_an_exception(body: str) -> None:
    for parse, text in (
        (parse_csv, "id,event,quote,value,source\n" + body),
        (parse_csv, body),
        (parse_jsonl, body),
        (parse_jsonl, '{"source": {"id": "s"}}\n' + body),
    ):
        report = Report()
        docs = parse(text, "x", report)  # type: ignore[operator]
        assert isinstance(docs, list)
        for problem in report.problems:
            assert problem.path == "x" and problem.line >= 0


def test_a_nameless_column_over_rows_shorter_than_the_header_is_no_exception() -> None:
    # found by hypothesis: a header ",", then a row of one cell, raised IndexError
    report = Report()
    parse_csv(",\n0", "x.csv", report)
    assert all(p.type != "internal-error" for p in report.problems)
