"""Tables of events, claims and parties (pandas) and their text forms."""

from __future__ import annotations

import json
from datetime import date

import pandas as pd
import pytest
from build_corpus import make_corpus

from claimgraph.analysis.assess import assess
from claimgraph.errors import UsageError
from claimgraph.model import Corpus, Event
from claimgraph.views.frames import (
    CLAIM_COLUMNS,
    EVENT_COLUMNS,
    PARTY_COLUMNS,
    claims_frame,
    events_frame,
    parties_frame,
    render_frame,
)

SIDES = {"mod": "russia", "hur": "ukraine", "residents": "independent"}


def c(id_: str, party: str, aspect: str, value: object = None, **more: object) -> dict[str, object]:
    return {"id": id_, "party": party, "aspect": aspect, "value": value, **more}


def corpus() -> Corpus:
    data = make_corpus(
        {
            "parties": SIDES,
            "claims": [
                c("k1", "mod", "killed", "1", said_on="2024-01-04"),
                c("k2", "mod", "killed", "3", said_on="2024-01-05"),
                c("k3", "hur", "killed", "3", quote='He said: "three", then left'),
                c("f1", "hur", "comment", "=cmd|' /C calc'!A0", event="e2"),
                c(
                    "i1",
                    "residents",
                    "interception",
                    "hits",
                    evidence=["video"],
                    certainty="hedged",
                ),
                c("i2", "mod", "interception", "hits", stance="denies"),
                c("s1", "hur", "comment", stance="declines", event="e2"),
            ],
        }
    )
    data.events["e1"] = Event("e1", "Strike", date(2024, 1, 4), place="Saky")
    data.events["e2"] = Event("e2", "Later", start=date(2024, 2, 1), end=date(2024, 2, 3))
    return data


def test_events_frame_has_the_documented_columns_and_counts() -> None:
    frame = events_frame(assess(corpus()))
    assert tuple(frame.columns) == EVENT_COLUMNS
    rows = frame.set_index("event")
    assert rows.loc["e1", "status"] == "contested"
    assert rows.loc["e1", "contested_questions"] == "interception"
    assert rows.loc["e1", "date"] == "2024-01-04"
    assert rows.loc["e2", "date"] == "2024-02-01/2024-02-03"
    assert rows.loc["e2", "declined"] == "hur"


def test_claims_frame_names_updates_and_denials_by_claim_id() -> None:
    rows = claims_frame(assess(corpus())).set_index("claim")
    assert tuple(rows.reset_index().columns) == CLAIM_COLUMNS
    assert rows.loc["k2", "supersedes"] == "k1"
    assert rows.loc["k1", "superseded_by"] == "k2"
    assert rows.loc["k2", "corroborates"] == "k3"
    assert rows.loc["k1", "corroborates"] == ""  # a superseded figure corroborates nothing
    assert rows.loc["i1", "contradicts"] == "i2"
    assert rows.loc["i2", "stance"] == "denies"
    assert rows.loc["k3", "question_status"] == "agreed"


def test_claims_frame_filters_and_rejects_unknown_ids_with_a_hint() -> None:
    result = assess(corpus())
    assert claims_frame(result, party="hur", aspect="killed")["claim"].tolist() == ["k3"]
    assert claims_frame(result, event="e2")["claim"].tolist() == ["f1", "s1"]
    with pytest.raises(UsageError, match=r"unknown party 'hurr' \(did you mean 'hur'\?\)"):
        claims_frame(result, party="hurr")
    with pytest.raises(UsageError, match="unknown aspect 'colour'"):
        claims_frame(result, aspect="colour")


def test_parties_frame_reports_shares_of_answers() -> None:
    rows = parties_frame(assess(corpus())).set_index("party")
    assert tuple(rows.reset_index().columns) == PARTY_COLUMNS
    assert rows.loc["residents", "hedged_share"] == 1.0
    assert rows.loc["residents", "evidence_share"] == 1.0
    assert rows.loc["residents", "contradicted_by_other_side"] == 1  # mod denies the hits
    assert rows.loc["hur", "declined"] == 1
    assert rows.loc["hur", "events"] == "e1;e2"


def test_csv_quotes_cells_and_json_is_plain_records() -> None:
    frame = claims_frame(assess(corpus()))
    text = render_frame(frame, "csv")
    assert '"He said: ""three"", then left"' in text
    assert "'=cmd|' /C calc'!A0" in text  # a formula is defused
    records = json.loads(render_frame(frame, "json"))
    assert records[0]["claim"] == "k1"
    assert records[0]["independently_corroborated"] is False


def test_table_of_nothing_says_so() -> None:
    assert render_frame(pd.DataFrame(columns=["a"]), "table") == "(no rows)\n"


def test_claims_frame_lists_every_contradicting_claim_not_only_the_pairing() -> None:
    sides = {"mod": "russia", "occupation": "russia", "hur": "ukraine", "residents": "ukraine"}
    data = make_corpus(
        {
            "parties": sides,
            "claims": [
                c("m", "mod", "interception", "all-intercepted"),
                c("o", "occupation", "interception", "all-intercepted"),
                c("h", "hur", "interception", "hits"),
                c("r", "residents", "interception", "hits"),
            ],
        }
    )
    result = assess(data)
    assert len(result.events["e1"].relations) < 4  # the assessment lists a cover...
    rows = claims_frame(result).set_index("claim")
    assert rows.loc["m", "contradicts"] == "h;r"  # ...the table every contradicting claim
    assert rows.loc["r", "contradicts"] == "m;o"
