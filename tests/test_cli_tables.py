"""``claimgraph events|claims|parties`` and ``claimgraph export graph`` through the CLI."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from claimgraph.analysis.assess import assess
from claimgraph.cli import app
from claimgraph.load import load_corpus
from claimgraph.views.frames import CLAIM_COLUMNS, EVENT_COLUMNS, PARTY_COLUMNS, events_frame

CLAIMS = Path(__file__).parent / "data" / "graph" / "claims"

runner = CliRunner()


def invoke(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.stdout, result.stderr


def test_events_table_shows_each_event_with_its_status() -> None:
    code, out, _ = invoke("events", str(CLAIMS))
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split()[:3] == ["event", "date", "status"]
    assert "port-attack-2024-02-01" in lines[1] and "contested" in lines[1]
    assert "quiet-day-2024-02-02" in lines[2] and "unanswered" in lines[2]


def test_events_json_equals_the_library_result() -> None:
    code, out, _ = invoke("events", str(CLAIMS), "--format", "json")
    assert code == 0
    expected = events_frame(assess(load_corpus(CLAIMS))).to_dict(orient="records")
    assert json.loads(out) == expected
    assert list(json.loads(out)[0]) == list(EVENT_COLUMNS)


def test_claims_csv_names_related_claims_by_id() -> None:
    code, out, _ = invoke("claims", str(CLAIMS), "--format", "csv")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert tuple(rows[0]) == CLAIM_COLUMNS
    by_id = {row["claim"]: row for row in rows}
    assert by_id["mod-all-intercepted"]["contradicts"] == "residents-hits;hur-hits"
    assert by_id["residents-hits"]["corroborates"] == "hur-hits"
    # two sides, but one report: not independent confirmation
    assert by_id["residents-hits"]["independently_corroborated"] == "False"
    assert by_id["mod-killed"]["contradicts"] == "residents-killed"
    assert by_id["mod-silent"]["stance"] == "declines"


def test_claims_filters_combine() -> None:
    code, out, _ = invoke(
        "claims", str(CLAIMS), "--party", "russia-mod", "--aspect", "killed", "-f", "json"
    )
    assert code == 0
    assert [row["claim"] for row in json.loads(out)] == ["mod-killed"]
    code, out, _ = invoke("claims", str(CLAIMS), "--event", "quiet-day-2024-02-02", "-f", "json")
    assert [row["claim"] for row in json.loads(out)] == ["mod-silent"]


def test_unknown_event_is_a_usage_error_with_a_hint() -> None:
    code, out, err = invoke("claims", str(CLAIMS), "--event", "port-attack-2024-02-02")
    assert code == 2
    assert out == ""
    assert err == (
        "claimgraph: unknown event 'port-attack-2024-02-02' "
        "(did you mean 'port-attack-2024-02-01'?)\n"
    )


def test_parties_json_has_the_track_record_columns() -> None:
    code, out, _ = invoke("parties", str(CLAIMS), "-f", "json")
    assert code == 0
    rows = {row["party"]: row for row in json.loads(out)}
    assert list(next(iter(rows.values()))) == list(PARTY_COLUMNS)
    assert rows["russia-mod"]["contradicted_by_other_side"] == 2  # interception and killed
    assert rows["local-residents"]["corroborated_by_other_side"] == 1
    assert rows["local-residents"]["hedged_share"] == 0.5
    assert rows["russia-mod"]["declined"] == 1


def test_missing_claims_folder_is_a_clear_error() -> None:
    code, _, err = invoke("events", "no-such-folder")
    assert code == 2
    assert err == "claimgraph: no-such-folder: no such claims folder\n"


def test_bad_claim_file_gives_path_and_line_not_a_traceback(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(CLAIMS, folder)
    (folder / "broken.yaml").write_text("claims:\n  - id: [unclosed\n", encoding="utf-8")
    code, out, err = invoke("parties", str(folder))
    assert code == 1
    assert out == ""
    assert "broken.yaml:" in err
    assert "Traceback" not in err


def test_export_graph_writes_graphml_that_reads_back(tmp_path: Path) -> None:
    target = tmp_path / "graph.graphml"
    code, _, err = invoke("export", "graph", str(CLAIMS), "-o", str(target))
    assert code == 0
    assert err.startswith(f"wrote {target}: ")
    G = nx.read_graphml(target, force_multigraph=True)
    assert G.nodes["claim:residents-hits"]["evidence"] == "video"
    assert G.nodes["position:port-attack-2024-02-01/killed/3-inf"]["kind"] == "position"


@pytest.mark.parametrize("fmt", ["gexf", "json"])
def test_export_graph_other_formats(tmp_path: Path, fmt: str) -> None:
    target = tmp_path / f"graph.{fmt}"
    code, _, _ = invoke("export", "graph", str(CLAIMS), "-f", fmt, "-o", str(target))
    assert code == 0
    assert "claim:hur-hits" in target.read_text(encoding="utf-8")


def test_export_graph_keeps_a_persons_file_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "graph.graphml"
    target.write_text("my notes\n", encoding="utf-8")
    code, _, err = invoke("export", "graph", str(CLAIMS), "-o", str(target))
    assert code == 1
    assert "not written by claimgraph" in err and "--force" in err
    assert target.read_text(encoding="utf-8") == "my notes\n"
    code, _, _ = invoke("export", "graph", str(CLAIMS), "-o", str(target), "--force")
    assert code == 0
    assert target.read_text(encoding="utf-8").startswith("<?xml")


def test_table_cells_fold_newlines_and_cut_long_text(tmp_path: Path) -> None:
    folder = tmp_path / "claims"
    shutil.copytree(CLAIMS, folder)
    text = (folder / "report-a.yaml").read_text(encoding="utf-8")
    text = text.replace('"The strike hit its target."', '"The strike\\nhit its target."')
    (folder / "report-a.yaml").write_text(text, encoding="utf-8")
    code, out, _ = invoke("claims", str(folder), "--event", "port-attack-2024-02-01")
    assert code == 0
    assert len(out.splitlines()) == 1 + 5
    assert "The strike hit its target." in out
    assert "Videos show two hits near the grain ter…" in out
