"""JSON and CSV exports of the whole assessment (claimgraph.views.tables)."""

from __future__ import annotations

import csv
import io
import json
from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimgraph.analysis.assess import Assessment, assess
from claimgraph.model import (
    Aspect,
    AspectType,
    Claim,
    Corpus,
    Event,
    Interval,
    Links,
    Party,
    Source,
    Stance,
)
from claimgraph.views.tables import (
    CSV_COLUMNS,
    JSON_FORMAT,
    JSON_VERSION,
    assessment_to_dict,
    dumps_indented,
    generate_csv,
    generate_json,
    render_csv,
    render_json,
    spreadsheet_safe,
)


def build() -> Assessment:
    corpus = Corpus(
        parties={
            "mod": Party("mod", "Ministry of Defence", "russia"),
            "res": Party("res", "Residents", "independent"),
            "chan": Party("chan", "Channel", "ukraine"),
        },
        events={
            "e1": Event("e1", "Attack", date(2024, 1, 4), place="Sevastopol"),
            "e2": Event("e2", "Other", date(2024, 2, 1)),
        },
        sources={
            "s1": Source("s1", "Report", url="https://example.org/1"),
            "s2": Source("s2", "Other report"),
        },
        aspects={
            "cause": Aspect("cause", AspectType.CATEGORY),
            "damage": Aspect("damage", AspectType.SET),
            "killed": Aspect("killed", AspectType.COUNT),
            "comment": Aspect("comment", AspectType.TEXT),
        },
    )
    claims = [
        Claim(
            "mod-cause", "e1", "mod", "s1", "cause", "missile-attack", quote="=cmd|' /C calc'!A0"
        ),
        Claim("res-cause", "e1", "res", "s1", "cause", "drone-attack", quote='drones, | "yes"\n'),
        Claim("chan-cause", "e1", "chan", "s1", "cause", "drone-attack", quote="drones"),
        Claim(
            "mod-killed-1",
            "e1",
            "mod",
            "s1",
            "killed",
            Interval(1, 1, "one"),
            said_on=date(2024, 1, 4),
        ),
        Claim(
            "mod-killed-2",
            "e1",
            "mod",
            "s1",
            "killed",
            Interval(4, 4, "four"),
            said_on=date(2024, 1, 5),
        ),
        Claim("res-killed", "e1", "res", "s1", "killed", Interval(4, float("inf"), "at least 4")),
        Claim("res-damage", "e1", "res", "s1", "damage", frozenset({"house", "shop"})),
        Claim(
            "mod-denies",
            "e1",
            "mod",
            "s1",
            "damage",
            frozenset({"house"}),
            stance=Stance.DENIES,
            links=Links(contradicts=("res-damage",)),
        ),
        Claim("chan-declines", "e1", "chan", "s1", "comment", None, stance=Stance.DECLINES),
        Claim("other", "e2", "chan", "s2", "cause", "sabotage"),
    ]
    corpus.claims = {c.id: c for c in claims}
    return assess(corpus)


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return build()


def _rows(assessment: Assessment) -> dict[str, dict[str, str]]:
    reader = csv.DictReader(io.StringIO(render_csv(assessment), newline=""))
    assert tuple(reader.fieldnames or ()) == CSV_COLUMNS
    return {row["claim"].lstrip("'"): row for row in reader}


def test_json_has_format_and_version(assessment: Assessment) -> None:
    data = json.loads(render_json(assessment))
    assert data["format"] == JSON_FORMAT == "claimgraph-assessment"
    assert data["version"] == JSON_VERSION == 2
    assert list(data) == ["format", "version", "sides", "parties", "events", "sources", "claims"]


def test_json_holds_the_whole_assessment(assessment: Assessment) -> None:
    data = json.loads(render_json(assessment))
    events = {e["id"]: e for e in data["events"]}
    assert events["e1"]["status"] == assessment.events["e1"].status
    assert events["e1"]["place"] == "Sevastopol"
    questions = {q["aspect"]: q for q in events["e1"]["questions"]}
    assert set(questions) == {"cause", "damage", "killed", "comment"}
    assert questions["killed"]["counts"]["conservative"] == 4
    assert {c["claim"] for c in data["claims"]} == set(assessment.corpus.claims)
    mod = next(p for p in data["parties"] if p["id"] == "mod")
    assert mod["record"]["claims"] == assessment.parties["mod"].claims


def test_json_claims_are_the_claim_rows_with_numeric_counts(assessment: Assessment) -> None:
    claims = {c["claim"]: c for c in json.loads(render_json(assessment))["claims"]}
    assert list(claims["res-killed"]) == list(CSV_COLUMNS)
    killed = claims["res-killed"]
    assert (killed["value"], killed["low"], killed["high"]) == ("at least 4", 4, None)
    assert claims["res-damage"]["value"] == "house;shop"
    assert claims["mod-cause"]["value"] == "missile-attack"
    assert claims["chan-declines"]["value"] == ""
    assert claims["mod-killed-1"]["said_on"] == "2024-01-04"
    assert claims["res-damage"]["side"] == "independent"
    assert len(claims["res-damage"]["position"].split(";")) == 2


def test_json_is_strict_json(assessment: Assessment) -> None:
    text = render_json(assessment)
    json.loads(text, parse_constant=lambda name: pytest.fail(f"non-standard {name}"))


def test_json_can_be_limited_to_events(assessment: Assessment) -> None:
    data = assessment_to_dict(assessment, events={"e2"})
    assert [e["id"] for e in data["events"]] == ["e2"]
    assert [c["claim"] for c in data["claims"]] == ["other"]
    assert [s["id"] for s in data["sources"]] == ["s2"]


def test_json_is_deterministic() -> None:
    assert render_json(build()) == render_json(build())


def test_csv_has_one_row_per_claim(assessment: Assessment) -> None:
    rows = _rows(assessment)
    assert list(rows) == list(assessment.corpus.claims)


def test_csv_row_carries_position_and_statuses(assessment: Assessment) -> None:
    row = _rows(assessment)["mod-cause"]
    assert row["event"] == "e1" and row["party"] == "mod" and row["side"] == "russia"
    assert row["value"] == "missile-attack" and row["stance"] == "asserts"
    assert row["position"] == assessment.positions_of("mod-cause")[0].id
    assert row["question_status"] == assessment.events["e1"].questions["cause"].status
    assert row["event_status"] == assessment.events["e1"].status


def test_csv_relations_name_other_claims(assessment: Assessment) -> None:
    rows = _rows(assessment)
    assert set(rows["mod-cause"]["contradicts"].split(";")) == {"res-cause", "chan-cause"}
    assert rows["res-cause"]["contradicts"] == "mod-cause"
    assert rows["chan-cause"]["contradicts"] == "mod-cause"
    assert rows["res-cause"]["corroborates"] == "chan-cause"
    assert rows["mod-killed-2"]["supersedes"] == "mod-killed-1"
    assert rows["mod-killed-1"]["superseded_by"] == "mod-killed-2"
    assert "res-damage" in rows["mod-denies"]["contradicts"].split(";")


def test_csv_set_values_and_positions_are_joined(assessment: Assessment) -> None:
    row = _rows(assessment)["res-damage"]
    assert row["value"] == "house;shop"
    assert len(row["position"].split(";")) == 2


def test_csv_quotes_survive_commas_newlines_and_quotes(assessment: Assessment) -> None:
    assert _rows(assessment)["res-cause"]["quote"] == 'drones, | "yes"\n'


def test_csv_cells_cannot_run_as_formulas(assessment: Assessment) -> None:
    assert _rows(assessment)["mod-cause"]["quote"] == "'=cmd|' /C calc'!A0"
    assert spreadsheet_safe("@SUM(A1)") == "'@SUM(A1)"
    assert spreadsheet_safe("at least 4") == "at least 4"


def test_csv_can_be_limited_to_events(assessment: Assessment) -> None:
    text = render_csv(assessment, events={"e2"})
    assert len(list(csv.DictReader(io.StringIO(text, newline="")))) == 1


# -- streamed JSON and CSV: the bytes of the whole-text encoders ------------------------

_json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(),
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=5), inner, max_size=4)
    ),
    max_leaves=20,
)


@given(_json_values, st.integers(min_value=0, max_value=3))
def test_dumps_indented_is_json_dumps_at_its_depth(value: object, level: int) -> None:
    expected = json.dumps(value, indent=2, ensure_ascii=False).replace("\n", "\n" + "  " * level)
    assert dumps_indented(value, level) == expected


@pytest.mark.parametrize("events", [None, {"e2"}, {"e1", "e2"}])
def test_streamed_json_is_the_indented_dump_of_the_dict(
    assessment: Assessment, events: set[str] | None
) -> None:
    whole = json.dumps(assessment_to_dict(assessment, events), indent=2, ensure_ascii=False)
    chunks = list(generate_json(assessment, events))
    assert len(chunks) > 10  # one per item, not one text
    assert "".join(chunks) == whole + "\n" == render_json(assessment, events)


@pytest.mark.parametrize("events", [None, {"e2"}])
def test_streamed_csv_is_the_pandas_csv(assessment: Assessment, events: set[str] | None) -> None:
    from claimgraph.views.frames import claims_frame, render_frame

    expected = render_frame(claims_frame(assessment, events=events), "csv")
    assert "".join(generate_csv(assessment, events)) == expected == render_csv(assessment, events)


def test_streamed_outputs_check_event_ids_before_any_chunk(assessment: Assessment) -> None:
    from claimgraph.errors import UsageError

    for generate in (generate_json, generate_csv):
        with pytest.raises(UsageError, match="unknown event 'e3'"):
            generate(assessment, {"e3"})
