"""The claim graph: nodes, edges, queries and exports."""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import networkx as nx
import pytest
from build_corpus import make_corpus

from claimgraph.analysis.assess import assess
from claimgraph.errors import OutputError, UsageError
from claimgraph.model import Corpus
from claimgraph.views.graph import (
    build_graph,
    claims_of,
    contradictions,
    generate_graph,
    positions_of,
    write_graph,
)

DATA = Path(__file__).parent / "data" / "graph"


def corpus() -> Corpus:
    return make_corpus(
        {
            "parties": {"mod": "russia", "residents": "ukraine", "hur": "ukraine"},
            "claims": [
                {"id": "m1", "party": "mod", "aspect": "interception", "value": "all-intercepted",
                 "quote": "all ten | missiles <b>shot</b> down", "said_on": "2024-01-04"},
                {"id": "r1", "party": "residents", "aspect": "interception", "value": "hits",
                 "evidence": ["video", "photo"]},
                {"id": "h1", "party": "hur", "aspect": "interception", "value": "hits",
                 "links": {"contradicts": ["m1"]}},
                {"id": "m2", "party": "mod", "aspect": "killed", "value": "4+"},
                {"id": "m3", "party": "mod", "aspect": "comment", "stance": "declines"},
                {"id": "r2", "party": "residents", "aspect": "damage", "value": ["house", "port"]},
            ],
        }
    )  # fmt: skip


def kinds(G: nx.MultiDiGraph[str], kind: str) -> list[str]:
    return [n for n, k in G.nodes(data="kind") if k == kind]


def test_every_record_becomes_a_node_with_a_kind() -> None:
    G = build_graph(assess(corpus()))
    assert sorted(kinds(G, "party")) == ["party:hur", "party:mod", "party:residents"]
    assert len(kinds(G, "claim")) == 6
    assert kinds(G, "event") == ["event:e1"]
    assert len(kinds(G, "question")) == 4
    # interception: 2, killed: 1, damage: 2 items, comment: none (declined)
    assert len(kinds(G, "position")) == 5
    assert all("kind" in attrs for _, attrs in G.nodes(data=True))


def test_claims_corroborate_through_their_position() -> None:
    G = build_graph(assess(corpus()))
    hits = "position:e1/interception/hits"
    assert claims_of(G, hits) == ["claim:r1", "claim:h1"]
    assert sorted(positions_of(G, "question:e1/interception")) == [
        "position:e1/interception/all-intercepted",
        hits,
    ]
    assert not G.has_edge("claim:r1", "claim:h1")


def test_edges_follow_the_design() -> None:
    G = build_graph(assess(corpus()))
    assert G.has_edge("claim:m1", "party:mod", key="made_by")
    assert G.has_edge("claim:m1", "source:s1", key="reported_in")
    assert G.has_edge("claim:m3", "question:e1/comment", key="declines")
    assert G.has_edge("position:e1/killed/4-inf", "question:e1/killed", key="answers")
    assert G.has_edge("question:e1/killed", "event:e1", key="about")
    assert contradictions(G) == [
        ("position:e1/interception/all-intercepted", "position:e1/interception/hits")
    ]
    assert contradictions(G, "other-event") == []
    link = G.get_edge_data("claim:h1", "claim:m1", key="contradicts")
    assert link["basis"] == "fact-checker"


def test_edges_grow_linearly_for_a_large_agreeing_group() -> None:
    def edges(n: int) -> int:
        claims = [
            {"id": f"c{i}", "party": f"p{i}", "aspect": "cause", "value": "drone-attack"}
            for i in range(n)
        ]
        return build_graph(assess(make_corpus({"claims": claims}))).number_of_edges()

    small, large = edges(100), edges(1000)
    # per claim: made_by, reported_in, asserts; plus answers and about
    assert small == 3 * 100 + 2
    assert large == 3 * 1000 + 2


def attrs_equal(a: dict[str, Any], b: dict[str, Any]) -> bool:
    if a.keys() != b.keys():
        return False
    for key, value in a.items():
        other = b[key]
        if isinstance(value, float) and math.isinf(value):
            if not (isinstance(other, float) and math.isinf(other)):
                return False
        elif value != other:
            return False
    return True


def test_attributes_survive_a_graphml_round_trip(tmp_path: Path) -> None:
    G = build_graph(assess(corpus()))
    path = tmp_path / "g.graphml"
    write_graph(G, path, "graphml")
    back = nx.read_graphml(path, force_multigraph=True)
    assert set(back.nodes) == set(G.nodes)
    for node, attrs in G.nodes(data=True):
        assert attrs_equal(attrs, back.nodes[node]), node
    original = sorted(
        (u, v, k, tuple(sorted(d.items()))) for u, v, k, d in G.edges(keys=True, data=True)
    )
    again = sorted(
        (u, v, k, tuple(sorted(d.items()))) for u, v, k, d in back.edges(keys=True, data=True)
    )
    assert original == again
    assert back.nodes["claim:m1"]["quote"] == "all ten | missiles <b>shot</b> down"
    assert back.nodes["position:e1/killed/4-inf"]["high"] == math.inf


def test_control_characters_in_quotes_do_not_break_the_xml(tmp_path: Path) -> None:
    data = corpus()
    data.claims["m1"].quote = "bell\x07 and nul\x00 inside"
    G = build_graph(assess(data))
    for fmt, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{fmt}"
        write_graph(G, path, fmt)  # type: ignore[arg-type]
        assert read(path).nodes["claim:m1"]["quote"] == "bell\ufffd and nul\ufffd inside"


def test_gexf_export_reads_back(tmp_path: Path) -> None:
    G = build_graph(assess(corpus()))
    path = tmp_path / "g.gexf"
    write_graph(G, path, "gexf")
    back = nx.read_gexf(path)
    assert set(back.nodes) == set(G.nodes)
    assert back.nodes["claim:r1"]["evidence"] == "video; photo"


def test_json_export_is_node_link_data_without_infinity(tmp_path: Path) -> None:
    G = build_graph(assess(corpus()))
    path = tmp_path / "g.json"
    write_graph(G, path, "json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["graph"]["comment"].startswith("written by claimgraph")
    assert data["graph"]["generator"] == "claimgraph"
    back = nx.node_link_graph(data, edges="edges")
    assert set(back.nodes) == set(G.nodes)
    assert back.nodes["position:e1/killed/4-inf"]["high"] is None
    [link] = [d for d in data["edges"] if d["key"] == "contradicts" and d["source"] == "claim:h1"]
    assert (link["target"], link["basis"]) == ("claim:m1", "fact-checker")


def test_export_replaces_its_own_file_but_not_a_persons(tmp_path: Path) -> None:
    G = build_graph(assess(corpus()))
    target = tmp_path / "g.graphml"
    assert write_graph(G, target, "graphml")
    assert not write_graph(G, target, "graphml")  # unchanged
    target.write_text(target.read_text(encoding="utf-8") + "<!-- my note -->\n", encoding="utf-8")
    with pytest.raises(OutputError, match="use --force"):
        write_graph(G, target, "graphml")  # edited by a person since
    mine = tmp_path / "notes.graphml"
    mine.write_text("<graphml>my own work</graphml>\n", encoding="utf-8")
    with pytest.raises(OutputError, match="not written by claimgraph"):
        write_graph(G, mine, "graphml")
    assert mine.read_text(encoding="utf-8") == "<graphml>my own work</graphml>\n"
    assert write_graph(G, mine, "graphml", force=True)
    assert mine.read_text(encoding="utf-8").startswith("<?xml")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        ".claimgraph-manifest.json",
        "g.graphml",
        "notes.graphml",
    ]


def test_export_refuses_to_replace_a_folder(tmp_path: Path) -> None:
    (tmp_path / "g.graphml").mkdir()
    with pytest.raises(OutputError):
        write_graph(build_graph(assess(corpus())), tmp_path / "g.graphml", "graphml")


def test_unknown_export_format_is_a_usage_error() -> None:
    with pytest.raises(UsageError, match="unknown graph format 'dot'"):
        list(generate_graph(build_graph(assess(corpus())), "dot"))  # type: ignore[arg-type]


def test_claims_pointing_at_unknown_records_leave_no_kindless_nodes() -> None:
    data = corpus()
    del data.sources["s1"]
    G = build_graph(assess(data))
    assert G.nodes["source:s1"] == {"kind": "source", "missing": True}


def test_fixture_graph_matches_the_recorded_node_and_edge_counts() -> None:
    expected = json.loads((DATA / "small-counts.json").read_text(encoding="utf-8"))
    G = build_graph(assess(corpus()))
    found = {
        "nodes": {k: len(kinds(G, k)) for k in expected["nodes"]},
        "edges": {
            k: sum(1 for _, _, key in G.edges(keys=True) if key == k) for k in expected["edges"]
        },
    }
    assert found == expected
