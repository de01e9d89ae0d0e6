"""The field table (schema.FIELDS) is the one list of a claim's fields: the model, the
reader and the draft writer follow it."""

from __future__ import annotations

import dataclasses

import yaml

from claimgraph.extract import DraftClaim, generate_draft
from claimgraph.extract.draftfile import _claim_record
from claimgraph.model import Claim
from claimgraph.schema import CLAIM_FIELDS, FIELDS

# Claim's own fields that a claim file never holds: the value as written, its place.
NOT_IN_FILES = {"raw_value", "where"}


def test_the_claim_dataclass_has_exactly_the_schemas_claim_fields() -> None:
    model = {f.name for f in dataclasses.fields(Claim)} - NOT_IN_FILES
    assert model == set(FIELDS["claim"])
    assert set(CLAIM_FIELDS) == set(FIELDS["claim"]) - {"source"}


def test_every_claim_field_not_read_apart_is_read_by_its_kind() -> None:
    from claimgraph.load.parse import _READ_APART

    assert _READ_APART <= set(FIELDS["claim"])
    by_kind = {n: kind for n, kind in FIELDS["claim"].items() if n not in _READ_APART}
    assert by_kind and set(by_kind.values()) <= {"text", "date", "moment", "bool", "int"}


def test_parties_events_and_sources_have_exactly_the_schemas_fields() -> None:
    from claimgraph.model import Event, Party, Source

    # the id is the record's key (parties, events) or its own field (source); where its place
    for model, kind, own in (
        (Party, "party", {"id"}),
        (Event, "event", {"id"}),
        (Source, "source", set()),
    ):
        assert {f.name for f in dataclasses.fields(model)} - own - {"where"} == set(FIELDS[kind])


def test_the_draft_writes_a_claims_fields_in_the_schemas_order() -> None:
    full = DraftClaim(
        "c1",
        "e1",
        "p1",
        "a quote",
        "killed",
        value="ten",
        speaker="S",
        via="telegram",
        stance="denies",
        certainty="hedged",
        evidence=["video", "photo"],
    )
    record = _claim_record(full)
    order = [n for n in CLAIM_FIELDS if n in record]
    assert list(record) == order
    assert list(record)[:3] == ["id", "event", "party"]


def test_a_generated_draft_reads_back() -> None:
    from claimgraph.extract import Draft

    draft = Draft(name="d.yaml", source={"id": "s1", "file": "r.txt", "status": "draft"})
    doc = yaml.safe_load("\n".join(generate_draft(draft)))
    assert doc["source"]["id"] == "s1"
