"""Extraction measured against curated claims."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.errors import UsageError
from claimgraph.evaluate import Item, evaluate_extraction, score
from claimgraph.load import read_corpus

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data" / "extract"
TEXT = "Officials said ten missiles were shot down. The mayor said two were hurt."


def test_a_match_needs_the_same_party_and_overlapping_quotes() -> None:
    gold = [Item("g1", "mod", "ten missiles were shot down", "interception")]
    assert (
        score([Item("d1", "mod", "missiles were shot down", "interception")], gold, TEXT).matched
        == 1
    )
    assert (
        score([Item("d1", "hur", "missiles were shot down", "interception")], gold, TEXT).matched
        == 0
    )
    assert score([Item("d1", "mod", "two were hurt", "interception")], gold, TEXT).matched == 0


def test_matching_is_one_to_one_and_prefers_the_same_aspect() -> None:
    gold = [
        Item("g1", "mod", "ten missiles were shot down", "interception"),
        Item("g2", "mod", "ten missiles were shot down", "missiles-downed"),
    ]
    drafts = [
        Item("d1", "mod", "ten missiles were shot down.", "missiles-downed"),
        Item("d2", "mod", "ten missiles were shot down.", "missiles-downed"),
    ]
    s = score(drafts, gold, TEXT)
    assert (s.matched, s.precision, s.recall) == (2, 1.0, 1.0)
    assert s.aspect_accuracy == 0.5


def test_agreement_is_counted_on_matched_pairs_only() -> None:
    gold = [Item("g1", "mod", "ten missiles", "interception", "asserts", "hedged")]
    drafts = [
        Item("d1", "mod", "ten missiles", "interception", "denies", "hedged"),
        Item("d2", "mayor", "two were hurt", "injured"),
    ]
    s = score(drafts, gold, TEXT)
    assert (s.stance_accuracy, s.certainty_accuracy) == (0.0, 1.0)
    assert [d.id for d in s.extra] == ["d2"]


def test_a_draft_of_another_aspect_of_a_curated_sentence_is_attributed_not_matched() -> None:
    gold = [Item("g1", "mod", "ten missiles were shot down", "interception")]
    drafts = [
        Item("d1", "mod", "ten missiles were shot down.", "interception"),
        Item("d2", "mod", "ten missiles were shot down.", "missiles-downed"),
        Item("d3", "hur", "ten missiles were shot down.", "missiles-downed"),
    ]
    s = score(drafts, gold, TEXT)
    # one match (one-to-one), but two drafts give the curated speaker's words at the quote
    assert (s.matched, s.attributed) == (1, 2)
    assert s.figures()["attributed_precision"] == round(2 / 3, 3)


def test_no_claims_give_zero_not_a_division_error() -> None:
    s = score([], [], TEXT)
    assert (s.precision, s.recall, s.aspect_accuracy) == (0.0, 0.0, 0.0)


def test_the_mini_project_is_extracted_and_scored() -> None:
    result = evaluate_extraction(DATA / "mini" / "claims")
    total = result.total
    assert total.gold == 5
    assert total.recall == 1.0
    assert total.precision >= 0.8


def test_only_the_reports_asked_for_are_scored_and_unknown_ones_are_refused() -> None:
    claims = DATA / "mini" / "claims"
    assert (
        len(evaluate_extraction(claims, [DATA / "mini" / "reports" / "kherson.txt"]).sources) == 1
    )
    with pytest.raises(UsageError, match="no curated claims"):
        evaluate_extraction(claims, [DATA / "mini" / "claims" / "parties.yaml"])


def test_the_seed_figures_meet_the_targets() -> None:
    claims = ROOT / "claims"
    if not any(claims.glob("seed-*.yaml")):
        pytest.fail("the curated seed claims are missing")
    total = evaluate_extraction(claims).total
    assert total.recall >= 0.9
    assert total.precision >= 0.85
    assert total.aspect_accuracy >= 0.8


def test_the_held_out_reports_are_scored() -> None:
    total = evaluate_extraction(DATA / "heldout" / "claims").total
    assert total.gold == 53
    # a floor far under the measured figures: a regression guard, not a target
    assert total.recall >= 0.6 and total.precision >= 0.6


def test_the_second_held_out_set_is_valid_and_scored() -> None:
    """Written blind (before any extraction run); its curated quotes are verbatim."""
    corpus, report = read_corpus(DATA / "heldout2" / "claims")
    assert not report.errors, report.errors
    total = evaluate_extraction(DATA / "heldout2" / "claims").total
    assert total.gold == 130
    # a regression guard under the measured 0.803 / 0.785 (session 7)
    assert total.recall >= 0.7 and total.precision >= 0.72


# The real-article sets, each curated blind by someone who never saw the extractor
# (tests/data/extract/<set>/NOTES.md): articles, curated claims and relations, then
# regression guards under today's figures. Measured (precision / recall, value, event,
# relations) and blind runs (BLIND_RUN.txt where kept):
# real   0.475 / 0.785, 0.816, 0.986, 31 of 61; blind 0.392 / 0.453, 0.595, 0.463, 3 of 61
# real2  0.508 / 0.694, 0.847, 0.903, 18 of 59; blind 0.394 / 0.388, 0.882, 0.346, 3 of 59
# real3  0.485 / 0.718, 0.842, 1.000, 23 of 62; blind 0.408 / 0.595, 0.795, 0.154, 3 of 62
# real4  0.500 / 0.670, 0.745, 1.000, 22 of 58; blind 0.415 / 0.530, 0.867, 0.213, 2 of 58
# real5  0.426 / 0.600, 0.946, 0.913, 9 of 60;  blind 0.299 / 0.383, 0.944, 0.636, 1 of 60
# real6  0.580 / 0.768, 0.753, 1.000, 29 of 63; blind 0.534 / 0.662, 0.689, 0.766, 14 of 63
# real7  0.487 / 0.655, 0.691, 1.000, 14 of 71; blind 0.452 / 0.655, 0.673, 1.000, 6 of 71
# (real4's value accuracy fell from 0.871 as more target answers were read: open-set items
# are compared by slug, and its curator names them otherwise, "military-infrastructure"
# for the extractor's "military-facility".)
REAL_SETS = {
    # set: (articles, claims, relations), (precision, recall, value, event, recovered)
    "real": ((22, 181, 61), (0.45, 0.75, 0.8, 0.95, 28)),
    "real2": ((16, 134, 59), (0.48, 0.67, 0.82, 0.88, 16)),
    "real3": ((14, 131, 62), (0.45, 0.69, 0.8, 0.95, 21)),
    "real4": ((13, 115, 58), (0.47, 0.64, 0.72, 0.95, 20)),
    # real5's event accuracy is over matched claims: the BBC report its republisher dated
    # "July 27, 2024" (filed under Kyiv that day) has more of them matched since session 7
    "real5": ((14, 115, 60), (0.4, 0.57, 0.9, 0.88, 8)),
    "real6": ((15, 142, 63), (0.55, 0.74, 0.72, 0.95, 27)),
    "real7": ((16, 145, 71), (0.46, 0.62, 0.65, 0.95, 12)),
}


@pytest.mark.parametrize("name", sorted(REAL_SETS))
def test_a_real_article_set_is_valid_and_scored_end_to_end(name: str) -> None:
    (articles, claims, relations), (precision, recall, value, event, recovered) = REAL_SETS[name]
    corpus, report = read_corpus(DATA / name / "claims")
    assert not report.errors, report.errors
    result = evaluate_extraction(DATA / name / "claims")
    total = result.total
    assert total.gold == claims and len(result.sources) == articles
    assert total.precision >= precision and total.recall >= recall
    assert total.value_accuracy >= value and total.event_accuracy >= event
    assert result.relation_figures()["relations"] == relations
    assert result.relation_figures()["recovered"] >= recovered


@pytest.mark.parametrize(
    ("folder", "sources"),
    [
        ("real", 22),
        ("real2", 16),
        ("real3", 14),
        ("real4", 13),
        ("real5", 14),
        ("real6", 15),
        ("real7", 16),
    ],
)
def test_drafts_of_all_real_articles_validate_together_and_report(
    tmp_path: Path, runner: CliRunner, folder: str, sources: int
) -> None:
    import os
    import shutil

    shutil.copytree(DATA / folder / "reports", tmp_path / "reports")
    (tmp_path / "claims").mkdir()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        reports = sorted(str(p.relative_to(tmp_path)) for p in (tmp_path / "reports").iterdir())
        result = runner.invoke(app, ["extract", *reports, "-o", "claims/drafts"])
        assert result.exit_code == 0, result.output
        corpus, report = read_corpus(tmp_path / "claims", include_drafts=True)
        assert report.valid, [str(p) for p in report.errors]
        assert len(corpus.sources) == sources
        # one comparison per strike: 7 curated incidents in real, 4 in real2, 3 in real3,
        # real4, real5, real6 and real7 (today 9, 7, 6, 4, 6, 4 and 3 events: real2's UNN
        # report, undated, stays apart, its headline's "educational institution" not the
        # others' "training centre")
        most = {"real": 9, "real2": 7, "real3": 6, "real4": 4, "real5": 6, "real6": 4, "real7": 3}
        assert len(corpus.events) <= most[folder], sorted(corpus.events)
        result = runner.invoke(app, ["report", "--include-drafts", "claims", "-o", "out"])
        assert result.exit_code == 0, result.output
    finally:
        os.chdir(cwd)


def test_eval_extract_prints_the_figures(runner: CliRunner) -> None:
    result = runner.invoke(app, ["eval", "extract", "--claims", str(DATA / "mini" / "claims")])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0].split() == [
        "report",
        "drafts",
        "gold",
        "matched",
        "precision",
        "recall",
        "aspect",
        "stance",
        "certainty",
        "value",
        "event",
        "events/rep.",
    ]
    total = next(line for line in lines if line.startswith("total"))
    assert total.split()[:4] == ["total", "6", "5", "5"]
    assert lines[lines.index(total) + 1].startswith("drafts whose party said a curated claim")


def test_eval_extract_json_equals_the_library_result(runner: CliRunner) -> None:
    claims = DATA / "mini" / "claims"
    result = runner.invoke(app, ["eval", "extract", "--claims", str(claims), "-f", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["total"] == evaluate_extraction(claims).total.figures()


def test_eval_extract_verbose_lists_the_extras(runner: CliRunner) -> None:
    result = runner.invoke(
        app, ["eval", "extract", "-v", "--claims", str(DATA / "mini" / "claims")]
    )
    assert "  + kherson-kherson-ova-cause (kherson-ova, cause):" in result.stdout


def test_eval_extract_on_a_missing_folder_is_a_usage_error(
    runner: CliRunner, tmp_path: Path
) -> None:
    result = runner.invoke(app, ["eval", "extract", "--claims", str(tmp_path / "nope")])
    assert result.exit_code == 2
    assert "no such claims folder" in result.stderr


def test_value_and_event_accuracy_come_from_the_drafts_loaded_as_one_folder() -> None:
    total = evaluate_extraction(DATA / "mini" / "claims").total
    assert total.values, "no matched pair had a value to compare"
    assert 0.0 < total.value_accuracy <= 1.0
    assert total.events and total.event_accuracy == 1.0
    assert total.figures()["events_per_report"] == 1.0


def test_curated_relations_beside_the_claims_are_measured_end_to_end(tmp_path: Path) -> None:
    import shutil

    import yaml

    shutil.copytree(DATA / "mini", tmp_path / "mini")
    claims = tmp_path / "mini" / "claims"
    corpus, _ = read_corpus(claims)
    ids = sorted(corpus.claims)
    (tmp_path / "mini" / "relations.yaml").write_text(
        yaml.safe_dump(
            {
                "relations": [
                    {"a": ids[0], "b": ids[1], "type": "corroborates"},
                    {"a": ids[0], "b": "no-such-claim", "type": "contradicts"},
                ]
            }
        )
    )
    result = evaluate_extraction(claims)
    figures = result.relation_figures()
    assert figures["relations"] == 2
    assert figures["contradicts_recovered"] == 0  # a claim no draft matches is never recovered


def test_a_bad_relations_file_is_a_message_with_its_name(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(DATA / "mini", tmp_path / "mini")
    (tmp_path / "mini" / "relations.yaml").write_text("relations: [{a: x, b: y, type: maybe}]\n")
    with pytest.raises(UsageError, match="relations.yaml: relation 1: needs a, b and type"):
        evaluate_extraction(tmp_path / "mini" / "claims")


def test_catalogue_only_matches_parties_by_side_and_name() -> None:
    from claimgraph.evaluate import same_party
    from claimgraph.extract.names import name_key

    g = Item(
        "g",
        "kharkiv-ova",
        "q",
        "killed",
        side="ukraine",
        names=frozenset({name_key("Oleh Syniehubov")}),
    )
    d = Item(
        "d",
        "kharkiv-regional-administration",
        "q",
        "killed",
        side="ukraine",
        names=frozenset({name_key("Oleh Syniehubov"), name_key("Kharkiv governor")}),
    )
    assert same_party(d, g)
    assert not same_party(Item("d", "unknown-x", "q", "killed", side="unknown", names=d.names), g)
    assert not same_party(Item("d", "x", "q", "killed", side="russia", names=d.names), g)


def test_a_curated_corroboration_shown_as_compatible_counts_apart_not_as_recovered(
    tmp_path: Path,
) -> None:
    import shutil

    import yaml

    shutil.copytree(DATA / "mini", tmp_path / "mini")
    root = tmp_path / "mini"
    (root / "reports" / "kherson.txt").write_text(
        "date 2024-06-02 Drones struck Kherson on Sunday.\n\n"
        "Kherson regional governor Oleksandr Prokudin said 34 people were killed.\n\n"
        "The Russian Ministry of Defence said at least 21 people were killed.\n"
    )
    (root / "claims" / "kherson.yaml").write_text(
        "source: {id: mini-kherson, title: Drones over Kherson, published: 2024-06-02,\n"
        "  file: reports/kherson.txt}\n"
        "claims:\n"
        "  - {id: a, event: kherson-2024-06-02, party: kherson-ova, quote: '34 people were "
        "killed', aspect: killed, value: '34'}\n"
        "  - {id: b, event: kherson-2024-06-02, party: russia-mod, quote: 'at least 21 "
        "people were killed', aspect: killed, value: at least 21}\n"
    )
    (root / "relations.yaml").write_text(
        yaml.safe_dump({"relations": [{"a": "a", "b": "b", "type": "corroborates"}]})
    )
    figures = evaluate_extraction(root / "claims").relation_figures()
    assert figures["corroborates_recovered"] == 0  # not one position: not recovered
    assert figures["corroborates_compatible"] == 1  # but shown as compatible answers


def test_a_denial_of_a_whole_kind_recovers_a_curated_contradiction() -> None:
    """End to end, "we do not strike civilian infrastructure" and "a cafe was hit" are
    related as the comparison relates them: a contradiction."""
    from build_corpus import make_corpus

    from claimgraph.endtoend import ClaimLinks

    corpus = make_corpus(
        {
            "parties": {"mod": "russia", "residents": "ukraine"},
            "claims": [
                {
                    "id": "mod-no",
                    "party": "mod",
                    "aspect": "target",
                    "value": ["civilian-infrastructure"],
                    "stance": "denies",
                },
                {"id": "res-cafe", "party": "residents", "aspect": "target", "value": ["cafe"]},
            ],
        }
    )
    links = ClaimLinks(corpus)
    assert links.related("mod-no", "res-cafe", "contradicts")
    assert links.related("res-cafe", "mod-no", "contradicts")
