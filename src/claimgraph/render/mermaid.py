"""The Mermaid flowchart of one event: parties, the answers they give, and contradictions.

Node ids are generated here (``P1``, ``N1``, ``S1``, ``Q1``), never taken
from user text; every label passes through
:func:`claimgraph.render.escape.mermaid_label`. Contradiction edges are
dotted and drawn in red with ``linkStyle``, so GitHub shows them apart from
the plain "party says" arrows.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from typing import Any

from claimgraph.assess import Assessment, EventAssessment, PositionAssessment
from claimgraph.model import Stance
from claimgraph.render.escape import mermaid_label

__all__ = ["CONTRADICTION_STYLE", "MAX_EDGES", "MAX_TEXT", "render_diagram", "too_large"]

# GitHub's Mermaid refuses diagrams beyond 500 edges or 50,000 characters;
# stay well inside both.
MAX_EDGES = 400
MAX_TEXT = 40_000

CONTRADICTION_STYLE = "stroke:#d62728,stroke-width:3px,color:#d62728"
DENIAL_STYLE = "stroke:#7f7f7f,stroke-dasharray:4 3"


def _label(text: str) -> str:
    return f'"{mermaid_label(text)}"'


def render_diagram(
    ea: EventAssessment,
    assessment: Assessment,
    party_sort_key: Callable[[str], Any],
    aspects: Collection[str] | None = None,
) -> list[str]:
    """The lines of a ``flowchart LR`` (without the code fence) for one event.

    With ``aspects``, only those questions are drawn, with the parties that
    answer them.
    """
    corpus = assessment.corpus
    lines = ["flowchart LR"]
    parties = sorted(ea.parties, key=party_sort_key)
    if aspects is not None:
        involved = {
            corpus.claims[c].party
            for a in aspects
            if a in ea.questions
            for p in ea.questions[a].positions
            for c in (*p.claims, *p.denied_by)
            if c in corpus.claims
        }
        parties = [p for p in parties if p in involved]
    party_node = {p: f"P{i}" for i, p in enumerate(parties, 1)}

    # Parties, grouped by side.
    sides: dict[str, list[str]] = {}
    for party in parties:
        sides.setdefault(corpus.side_of(party), []).append(party)
    for s, (side, members) in enumerate(sides.items(), 1):
        side_rec = corpus.sides.get(side)
        lines.append(f"  subgraph S{s}[{_label(side_rec.name if side_rec else side)}]")
        for party in members:
            rec = corpus.parties.get(party)
            lines.append(f"    {party_node[party]}([{_label(rec.name if rec else party)}])")
        lines.append("  end")

    # Positions, grouped by question (free-text questions are not compared).
    position_node: dict[str, str] = {}
    n = 0
    for q, (aspect, question) in enumerate(ea.questions.items(), 1):
        if aspects is not None and aspect not in aspects:
            continue
        shown = [
            p for p in question.positions if question.type != "text" and (p.claims or p.denied_by)
        ]
        if not shown:
            continue
        asp = corpus.aspects.get(aspect)
        title = asp.label if asp and asp.label else aspect
        lines.append(f"  subgraph Q{q}[{_label(title)}]")
        for pos in shown:
            n += 1
            position_node[pos.id] = f"N{n}"
            text = pos.label + (" (corrected)" if pos.superseded else "")
            lines.append(f"    N{n}[{_label(text)}]")
        lines.append("  end")

    if not party_node and not position_node:
        lines.append(f"  E0[{_label('no statements recorded')}]")
        return lines

    edges: list[str] = []
    red: list[int] = []
    grey: list[int] = []
    seen: set[tuple[str, str, str]] = set()

    def edge(a: str, b: str, arrow: str, style: list[int] | None = None) -> None:
        key = (a, b, arrow)
        if key in seen:
            return
        seen.add(key)
        if style is not None:
            style.append(len(edges))
        edges.append(f"  {a} {arrow} {b}")

    for claim in (corpus.claims[c] for c in ea.timeline if c in corpus.claims):
        if claim.stance is Stance.DECLINES or claim.party not in party_node:
            continue
        for pos in assessment.positions_of(claim.id):
            if pos.id not in position_node:
                continue
            if claim.stance is Stance.DENIES:
                edge(party_node[claim.party], position_node[pos.id], "-- denies --x", grey)
            else:
                edge(party_node[claim.party], position_node[pos.id], "-->")

    drawn: set[frozenset[str]] = set()

    def contradiction(a: PositionAssessment, b: PositionAssessment, text: str) -> None:
        pair = frozenset((a.id, b.id))
        if a.id == b.id or pair in drawn:
            return
        if a.id in position_node and b.id in position_node:
            drawn.add(pair)
            edge(position_node[a.id], position_node[b.id], f"-. {text} .-", red)

    for question in ea.questions.values():
        for pos in question.positions:
            for other_id in pos.contradicts:
                try:
                    other = assessment.position(other_id)
                except KeyError:
                    continue
                contradiction(pos, other, "contradicts")
    for rel in ea.relations:
        if rel.kind != "contradicts" or rel.between != "claims" or rel.source != "fact-checker":
            continue
        for pa in assessment.positions_of(rel.a):
            for pb in assessment.positions_of(rel.b):
                contradiction(pa, pb, "contradicts, per fact-checker")

    lines += edges
    if red:
        lines.append(f"  linkStyle {','.join(map(str, red))} {CONTRADICTION_STYLE}")
    if grey:
        lines.append(f"  linkStyle {','.join(map(str, grey))} {DENIAL_STYLE}")
    return lines


def too_large(lines: list[str]) -> bool:
    """Whether a diagram would exceed what GitHub's Mermaid draws.

    >>> too_large(["flowchart LR", "  P1 --> N1"])
    False
    """
    edges = sum(
        1
        for line in lines
        if line.startswith("  ")
        and not line.startswith("    ")
        and (" --> " in line or " --x " in line or " .- " in line)
    )
    return edges > MAX_EDGES or sum(len(line) + 1 for line in lines) > MAX_TEXT
