"""The Mermaid flowchart of one event: its contested questions, each answer with the
parties that give it, and the contradictions between answers in red.

Only what an editor needs to see the dispute is drawn (seven parties and all
their answers made about 25 crossing curves that GitHub shrinks to
unreadable); everything else is in the report's tables. Node ids are
generated here (``N1``, ``Q1``), never taken from user text; every label
passes through :func:`claimgraph.views.escape.mermaid_label`.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable
from typing import Any

from claimgraph.analysis.assess import Assessment, EventAssessment
from claimgraph.views.escape import mermaid_label

__all__ = [
    "CONTRADICTION_STYLE",
    "MAX_EDGES",
    "MAX_TEXT",
    "diagram_questions",
    "render_diagram",
    "too_large",
]

# GitHub's Mermaid refuses diagrams beyond 500 edges or 50,000 characters;
# stay well inside both.
MAX_EDGES = 400
MAX_TEXT = 40_000

CONTRADICTION_STYLE = "stroke:#d62728,stroke-width:3px,color:#d62728"


def _label(text: str) -> str:
    return f'"{mermaid_label(text)}"'


# At most this many parties are named on one answer; the tables name them all.
MAX_NAMES = 4


def _names(parties: list[str], name: Callable[[str], str]) -> str:
    shown = [name(p) for p in parties[:MAX_NAMES]]
    if len(parties) > MAX_NAMES:
        shown.append(f"{len(parties) - MAX_NAMES} more")
    return ", ".join(shown)


def diagram_questions(ea: EventAssessment, assessment: Assessment) -> list[str]:
    """The questions the diagram draws: the contested ones, and those a
    fact-checker's ``contradicts`` link ties to another question."""
    corpus = assessment.corpus
    wanted = [a for a, q in ea.questions.items() if q.status == "contested"]
    for rel in ea.relations:
        if rel.kind == "contradicts" and rel.source == "fact-checker":
            for c in (rel.a, rel.b):
                claim = corpus.claims.get(c)
                if claim and claim.event == ea.event and claim.aspect not in wanted:
                    wanted.append(claim.aspect)
    return [a for a in ea.questions if a in wanted]


def render_diagram(
    ea: EventAssessment,
    assessment: Assessment,
    party_sort_key: Callable[[str], Any],
    aspects: Collection[str] | None = None,
) -> list[str]:
    """The lines of a ``flowchart LR`` (without the code fence) for one event.

    One box per contested question (or per question of ``aspects``), holding
    each answer with the parties that give it; contradictions (by the rules,
    by denial, or by a fact-checker's link) are red dotted lines. Everything
    else is in the report's tables.
    """
    corpus = assessment.corpus
    lines = ["flowchart LR"]
    drawn_aspects = list(aspects) if aspects is not None else diagram_questions(ea, assessment)

    def name(party: str) -> str:
        rec = corpus.parties.get(party)
        return rec.name if rec and rec.name.strip() else party

    def holders(claims: Iterable[str]) -> list[str]:
        found = {corpus.claims[c].party for c in claims if c in corpus.claims}
        return sorted(found, key=party_sort_key)

    position_node: dict[str, str] = {}
    denial_node: dict[str, str] = {}
    n = 0
    for q, (aspect, question) in enumerate(ea.questions.items(), 1):
        if aspect not in drawn_aspects or question.type == "text":
            continue
        shown = [p for p in question.positions if p.current_claims or p.denied_by]
        if not shown:
            continue
        asp = corpus.aspects.get(aspect)
        title = asp.label if asp and asp.label else aspect
        lines.append(f"  subgraph Q{q}[{_label(title)}]")
        for pos in shown:
            if pos.current_claims:
                n += 1
                position_node[pos.id] = f"N{n}"
                who = _names(holders(pos.current_claims), name)
                lines.append(f"    N{n}[{_label(f'{pos.label} — {who}')}]")
            if pos.denied_by:
                n += 1
                denial_node[pos.id] = f"N{n}"
                who = _names(holders(pos.denied_by), name)
                lines.append(f"    N{n}[{_label(f'not {pos.label} — {who}')}]")
        lines.append("  end")

    if not position_node and not denial_node:
        lines.append(f"  E0[{_label('no contested question')}]")
        return lines

    edges: list[str] = []
    drawn: set[frozenset[str]] = set()

    def contradiction(a: str | None, b: str | None, text: str) -> None:
        if a is None or b is None or a == b or frozenset((a, b)) in drawn:
            return
        drawn.add(frozenset((a, b)))
        edges.append(f"  {a} -. {text} .- {b}")

    for question in ea.questions.values():
        for pos in question.positions:
            contradiction(denial_node.get(pos.id), position_node.get(pos.id), "denies")
            for other_id in pos.contradicts:
                contradiction(position_node.get(pos.id), position_node.get(other_id), "contradicts")
    for rel in ea.relations:
        if rel.kind != "contradicts" or rel.between != "claims" or rel.source != "fact-checker":
            continue
        for pa in assessment.positions_of(rel.a):
            for pb in assessment.positions_of(rel.b):
                contradiction(
                    position_node.get(pa.id),
                    position_node.get(pb.id),
                    "contradicts, per fact-checker",
                )

    lines += edges
    if edges:
        lines.append(f"  linkStyle {','.join(map(str, range(len(edges))))} {CONTRADICTION_STYLE}")
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
