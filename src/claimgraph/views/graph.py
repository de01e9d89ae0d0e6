"""The claim graph: parties, sources, events, questions, positions and claims.

Node ids are prefixed by kind (``claim:dzhankoi-hur-kalibr``,
``position:dzhankoi-2023-03-20/interception/hits``), every node carries a
``kind`` attribute, and every attribute is a scalar (str, int, float, bool)
so GraphML and GEXF keep it. Edges (the edge key is the edge kind):

- claim → party ``made_by``, claim → source ``reported_in``;
- claim → position ``asserts`` / ``denies``; claim → question ``declines``;
- position → question ``answers``; question → event ``about``;
- position → position ``contradicts`` / ``complements`` (rule);
- claim → claim ``contradicts`` / ``corroborates`` / ``supersedes``
  (``basis="fact-checker"`` for explicit links, ``"rule"`` for count updates)
  and ``echo`` (rule: a near-identical quote by another party).

(The edge attribute is ``basis``, not ``source``: node-link JSON uses
``source`` and ``target`` for an edge's ends.) Text that XML cannot carry
(control characters) is replaced with U+FFFD so GraphML and GEXF stay readable.

Claims holding one position corroborate through it: k claims cost k edges.

>>> from claimgraph.model import Corpus, Claim, Party, Event, Source, Aspect, AspectType
>>> corpus = Corpus(
...     parties={"a": Party("a", "A", "russia"), "b": Party("b", "B", "ukraine")},
...     events={"e": Event("e", "E")}, sources={"s": Source("s")},
...     aspects={"interception": Aspect("interception", AspectType.CATEGORY)},
...     claims={"c1": Claim("c1", "e", "a", "s", "interception", "all-intercepted"),
...             "c2": Claim("c2", "e", "b", "s", "interception", "hits")})
>>> from claimgraph.analysis.assess import assess
>>> G = build_graph(assess(corpus))
>>> G.nodes["claim:c1"]["kind"]
'claim'
>>> contradictions(G)
[('position:e/interception/all-intercepted', 'position:e/interception/hits')]
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any, Literal

import networkx as nx

from claimgraph import __version__
from claimgraph.analysis.records import Assessment
from claimgraph.errors import UsageError
from claimgraph.model import Interval
from claimgraph.output import write_file
from claimgraph.views.values import value_slugs

__all__ = [
    "FORMATS",
    "GENERATOR",
    "GraphFormat",
    "build_graph",
    "claims_of",
    "contradictions",
    "generate_graph",
    "node_id",
    "positions_of",
    "write_graph",
]

GraphFormat = Literal["graphml", "gexf", "json"]
FORMATS: tuple[GraphFormat, ...] = ("graphml", "gexf", "json")
GENERATOR = "claimgraph"
# The comment every export starts with (JSON: the graph's "comment").
MARKER = "written by claimgraph"


def node_id(kind: str, id_: str) -> str:
    """The graph node id of a record.

    >>> node_id("claim", "c1")
    'claim:c1'
    """
    return f"{kind}:{id_}"


def _text(value: object) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return "" if value is None else str(value)


# Characters XML 1.0 cannot carry, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _scalars(**attrs: object) -> dict[str, Any]:
    """Keep scalar attributes; None and empty strings are left out (GraphML has no null).

    >>> _scalars(a=None, b="", c=1, d="bell\x07")
    {'c': 1, 'd': 'bell\ufffd'}
    """
    out: dict[str, Any] = {}
    for key, value in attrs.items():
        if value is None or value == "":
            continue
        if isinstance(value, bool | int | float):
            out[key] = value
        else:
            text = value if isinstance(value, str) else _text(value)
            out[key] = _NOT_XML.sub("\ufffd", text)
    return out


def build_graph(assessment: Assessment) -> nx.MultiDiGraph[str]:
    """Build the claim graph of an assessed corpus (:func:`claimgraph.analysis.assess.assess`)
    from the assessment's own records: its questions in the order of their first claim,
    their positions and the relations between them, each claim's positions, the claim-level
    relations and the echoes. A claim is ``superseded`` when a ``supersedes`` relation
    names it as the statement updated (its ``b``).
    """
    corpus = assessment.corpus
    found = assessment.found_relations()
    superseded = {r.b for r in found if r.kind == "supersedes"}
    G: nx.MultiDiGraph[str] = nx.MultiDiGraph(generator=GENERATOR, version=__version__)

    for party in corpus.parties.values():
        G.add_node(
            node_id("party", party.id),
            **_scalars(kind="party", label=party.name, side=party.side, party_kind=party.kind),
        )
    for source in corpus.sources.values():
        G.add_node(
            node_id("source", source.id),
            **_scalars(
                kind="source",
                label=source.title or source.id,
                outlet=source.outlet,
                url=source.url,
                published=source.published,
                language=source.language,
                status=source.status,
            ),
        )
    for event in corpus.events.values():
        G.add_node(
            node_id("event", event.id),
            **_scalars(
                kind="event",
                label=event.title,
                date=event.date,
                start=event.start,
                end=event.end,
                place=event.place,
                region=event.region,
            ),
        )
    for question in assessment.questions():
        aspect = corpus.aspects.get(question.aspect)
        G.add_node(
            question.id,
            **_scalars(
                kind="question",
                label=aspect.label if aspect and aspect.label else question.aspect,
                event=question.event,
                aspect=question.aspect,
                type=question.type,
            ),
        )
        G.add_edge(question.id, node_id("event", question.event), key="about", kind="about")
        for position in question.positions:
            count = position.value if isinstance(position.value, Interval) else None
            G.add_node(
                position.id,
                **_scalars(
                    kind="position",
                    label=position.label,
                    event=position.event,
                    aspect=position.aspect,
                    slug=position.key,
                    value=value_slugs(position.value),
                    low=float(count.low) if count else None,
                    high=float(count.high) if count else None,
                ),
            )
            G.add_edge(position.id, question.id, key="answers", kind="answers")
        for relation in question.relations:
            G.add_edge(
                relation.a,
                relation.b,
                key=relation.kind,
                **_scalars(kind=relation.kind, basis=relation.source, reason=relation.reason),
            )

    for claim in corpus.claims.values():
        cid = node_id("claim", claim.id)
        G.add_node(
            cid,
            **_scalars(
                kind="claim",
                label=claim.id,
                event=claim.event,
                party=claim.party,
                source=claim.source,
                aspect=claim.aspect,
                value=value_slugs(claim.value),
                stance=claim.stance.value,
                certainty=claim.certainty.value,
                evidence="; ".join(claim.evidence),
                quote=claim.quote,
                speaker=claim.speaker,
                via=claim.via,
                said_on=claim.said_on,
                superseded=claim.id in superseded,
                rating=claim.review.rating if claim.review else None,
            ),
        )
        G.add_edge(cid, node_id("party", claim.party), key="made_by", kind="made_by")
        G.add_edge(cid, node_id("source", claim.source), key="reported_in", kind="reported_in")
        if claim.stance.value == "declines":
            q = assessment.question_of(claim.id).id
            G.add_edge(cid, q, key="declines", kind="declines")
        for position in assessment.positions_of(claim.id):
            stance = claim.stance.value
            G.add_edge(cid, position.id, key=stance, kind=stance)

    for relation in found:
        G.add_edge(
            node_id("claim", relation.a),
            node_id("claim", relation.b),
            key=relation.kind,
            **_scalars(kind=relation.kind, basis=relation.source, reason=relation.reason),
        )
    # Edges to records the corpus lacks (a loader problem) must not leave kind-less nodes.
    for node, attrs in G.nodes(data=True):
        if "kind" not in attrs:
            attrs["kind"] = node.split(":", 1)[0]
            attrs["missing"] = True
    return G


# --- queries -----------------------------------------------------------------


def claims_of(G: nx.MultiDiGraph[str], position: str, stance: str = "asserts") -> list[str]:
    """Claim node ids that take ``stance`` towards a position node."""
    return [u for u, _, k in G.in_edges(position, keys=True) if k == stance]


def positions_of(G: nx.MultiDiGraph[str], question: str) -> list[str]:
    """Position node ids answering a question node."""
    return [u for u, _, k in G.in_edges(question, keys=True) if k == "answers"]


def contradictions(G: nx.MultiDiGraph[str], event: str | None = None) -> list[tuple[str, str]]:
    """Pairs of contradicting position nodes (optionally of one event id)."""
    return [
        (u, v)
        for u, v, k in G.edges(keys=True)
        if k == "contradicts"
        and G.nodes[u].get("kind") == "position"
        and (event is None or G.nodes[u].get("event") == event)
    ]


# --- export ------------------------------------------------------------------


def _plain(G: nx.MultiDiGraph[str]) -> dict[str, Any]:
    data: dict[str, Any] = nx.node_link_data(G, edges="edges")

    def clean(attrs: dict[str, Any]) -> None:
        for key, value in attrs.items():
            if isinstance(value, float) and math.isinf(value):
                attrs[key] = None  # JSON has no infinity: an open upper bound

    for node in data["nodes"]:
        clean(node)
    for edge in data["edges"]:
        clean(edge)
    return data


def generate_graph(G: nx.MultiDiGraph[str], fmt: GraphFormat) -> Iterator[str]:
    """Lines of the graph in ``fmt`` (networkx's own writers), with a claimgraph marker."""
    if fmt == "json":
        data = _plain(G)
        data["graph"] = {"comment": _comment(), **data.get("graph", {})}
        data = {"graph": data.pop("graph"), **data}
        yield json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False)
        return
    if fmt == "graphml":
        lines = nx.generate_graphml(G)
    elif fmt == "gexf":
        lines = nx.generate_gexf(G)
    else:
        raise UsageError(f"unknown graph format {fmt!r} (choose one of {', '.join(FORMATS)})")
    yield '<?xml version="1.0" encoding="utf-8"?>'
    yield f"<!-- {_comment()} -->"
    yield from lines


def _comment() -> str:
    return f"{MARKER} {__version__}; regenerate with `claimgraph export graph`"


def write_graph(G: nx.MultiDiGraph[str], path: Path, fmt: GraphFormat, force: bool = False) -> bool:
    """Write the graph atomically under claimgraph's output rule; True if the file changed.

    The rule is the one every claimgraph output follows
    (:mod:`claimgraph.output`): a file is replaced only when claimgraph wrote
    it and nobody edited it since (the folder's ``.claimgraph-manifest.json``
    records it), unless ``force`` is true. The text goes to a temporary file
    in the same folder and is then moved into place.
    """
    text = "\n".join(generate_graph(G, fmt)) + "\n"
    return write_file(Path(path), text, force=force)
