"""The diagram of an event's contested questions, drawn here as inline SVG.

No Mermaid and no script: the page carries the picture itself. For each
contested question, its answers are boxes in a column; beside each box, one
line per party that gives the answer (a chip in its side's colour, then the
name and side), and ``✗ denies`` for a party that rejects it. A red dashed arc
on the left joins two answers that contradict each other, and a contradicted
answer is marked ``⚠`` and framed in red, so colour is never the only sign.
The layout grows downwards with the parties, so ten or more stay readable.

Every label is wrapped here and escaped with :func:`html.escape`; element
ids are never taken from user text. Styling is by class (the site's
stylesheet), never a ``style`` attribute, so a strict Content Security Policy
holds.

>>> from claimgraph.views.svg import wrap
>>> wrap("the anti-aircraft defence has worked in the area", 20)
['the anti-aircraft', 'defence has worked', 'in the area']
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from html import escape
from typing import Any

from claimgraph.analysis.assess import Assessment, EventAssessment, PositionAssessment, Relation
from claimgraph.views.escape import one_line

__all__ = ["MAX_ANSWERS", "render_svg", "wrap"]

WIDTH = 760
ARC_ROOM = 78  # left margin for the contradiction arcs
BOX_X = ARC_ROOM
BOX_W = 250
PARTY_X = BOX_X + BOX_W + 44
LINE = 16
ANSWER_CHARS = 28
PARTY_CHARS = 54
# An event with more answers than this draws a note instead (the tables have it all).
MAX_ANSWERS = 400


def wrap(text: str, width: int, max_lines: int = 3) -> list[str]:
    """Greedy word wrap to ``width`` characters, long words split, at most ``max_lines``.

    >>> wrap("a" * 12, 5)
    ['aaaaa', 'aaaaa', 'aa']
    >>> wrap("one two three four five", 8, max_lines=2)
    ['one two', 'three…']
    >>> wrap("", 5)
    ['']
    """
    words: list[str] = []
    for word in one_line(text).split(" "):
        while len(word) > width:
            words.append(word[:width])
            word = word[width:]
        words.append(word)
    lines: list[str] = []
    current = ""
    for word in words:
        if not current:
            current = word
        elif len(current) + 1 + len(word) <= width:
            current += " " + word
        else:
            lines.append(current)
            current = word
    lines.append(current)
    if len(lines) > max_lines:
        lines = lines[:max_lines]
        lines[-1] = lines[-1][: width - 1].rstrip() + "…"
    return lines


@dataclass(slots=True)
class _Entry:
    text: list[str]
    side_class: int | None
    denies: bool


@dataclass(slots=True)
class _Row:
    position: PositionAssessment
    label: list[str]
    entries: list[_Entry]
    y: float = 0.0
    box_h: float = 0.0
    height: float = 0.0


def _text(x: float, y: float, lines: Sequence[str], cls: str) -> str:
    if len(lines) == 1:
        return f'<text x="{x:g}" y="{y:g}" class="{cls}">{escape(lines[0])}</text>'
    spans = "".join(
        f'<tspan x="{x:g}" dy="{0 if i == 0 else LINE}">{escape(line)}</tspan>'
        for i, line in enumerate(lines)
    )
    return f'<text x="{x:g}" y="{y:g}" class="{cls}">{spans}</text>'


def render_svg(
    ea: EventAssessment,
    assessment: Assessment,
    party_name: Callable[[str], str],
    side_name: Callable[[str], str],
    side_class: Callable[[str], int],
    party_sort_key: Callable[[str], Any],
    aspect_name: Callable[[str], str],
    aspects: Collection[str] | None = None,
) -> str | None:
    """The ``<svg>`` element for one event's contested questions, or None if none is.

    ``aspects`` chooses other questions to draw (in the event's order).
    """
    corpus = assessment.corpus
    wanted = (
        [a for a in ea.questions if a in aspects]
        if aspects is not None
        else [a for a, q in ea.questions.items() if q.status == "contested"]
    )
    questions = [ea.questions[a] for a in wanted if ea.questions[a].type != "text"]
    linked = _linked_by_fact_checker(ea, assessment)
    blocks: list[tuple[str, list[_Row]]] = []
    total = 0
    for q in questions:
        rows: list[_Row] = []
        for pos in q.positions:
            if not (pos.claims or pos.denied_by):
                continue
            label = pos.label + (" (corrected)" if pos.superseded else "")
            contra = _contradicted(pos) or pos.id in linked
            entries = [
                _Entry(
                    wrap(f"{party_name(p)} ({side_name(corpus.side_of(p))})", PARTY_CHARS, 2),
                    side_class(corpus.side_of(p)),
                    False,
                )
                for p in sorted(pos.parties, key=party_sort_key)
            ]
            entries += [
                _Entry(
                    wrap(
                        f"✗ denies: {party_name(p)} ({side_name(corpus.side_of(p))})", PARTY_CHARS
                    ),
                    None,
                    True,
                )
                for p in sorted(pos.denying_parties, key=party_sort_key)
            ]
            rows.append(_Row(pos, wrap(("⚠ " if contra else "") + label, ANSWER_CHARS), entries))
        if rows:
            blocks.append((aspect_name(q.aspect), rows))
            total += len(rows)
    if not blocks or total > MAX_ANSWERS:
        return None

    body: list[str] = []
    y = 12.0
    row_of: dict[str, _Row] = {}
    for title, rows in blocks:
        top = y
        y += 22
        body.append(f'<text x="10" y="{y:g}" class="q-title">{escape(one_line(title))}</text>')
        y += 12
        for row in rows:
            row.box_h = len(row.label) * LINE + 12
            party_lines = sum(len(e.text) for e in row.entries) or 1
            row.height = max(row.box_h, party_lines * LINE + 8 * len(row.entries)) + 10
            row.y = y
            row_of[row.position.id] = row
            y += row.height
        body.insert(
            len(body) - 1,
            f'<rect x="2" y="{top:g}" width="{WIDTH - 4}" height="{y - top + 4:g}" '
            'class="q-band" rx="6"/>',
        )
        y += 14

    # Boxes, parties and their connectors.
    for _, rows in blocks:
        for row in rows:
            pos = row.position
            cls = " contra" if _contradicted(pos) or pos.id in linked else ""
            body.append(
                f'<rect x="{BOX_X}" y="{row.y:g}" width="{BOX_W}" height="{row.box_h:g}" '
                f'rx="5" class="answer-box{cls}"><title>{escape(one_line(pos.label))}'
                "</title></rect>"
            )
            body.append(_text(BOX_X + 10, row.y + 19, row.label, f"answer-text{cls}"))
            mid = row.y + row.box_h / 2
            ey = row.y + 4
            for entry in row.entries:
                line_mid = ey + LINE / 2 + 2
                body.append(
                    f'<path d="M{BOX_X + BOX_W} {mid:g} C{PARTY_X - 22} {mid:g} '
                    f'{PARTY_X - 22} {line_mid:g} {PARTY_X - 4} {line_mid:g}" class="says"/>'
                )
                if entry.side_class is not None:
                    body.append(
                        f'<rect x="{PARTY_X}" y="{ey + 3:g}" width="10" height="10" '
                        f'class="chip chip-{entry.side_class}"/>'
                    )
                cls = "party-text denies" if entry.denies else "party-text"
                body.append(_text(PARTY_X + 15, ey + 12.5, entry.text, cls))
                ey += len(entry.text) * LINE + 8

    # Contradiction arcs, nested: shorter spans nearer the boxes.
    pairs: dict[frozenset[str], tuple[_Row, _Row, str]] = {}
    for rows in (r for _, r in blocks):
        for row in rows:
            for other_id in row.position.contradicts:
                other = row_of.get(other_id)
                key = frozenset((row.position.id, other_id))
                if other is not None and other is not row and key not in pairs:
                    pairs[key] = (row, other, "contradicts")
    for rel in _fact_checker_contradictions(ea):
        for pa in assessment.positions_of(rel.a):
            for pb in assessment.positions_of(rel.b):
                ra, rb = row_of.get(pa.id), row_of.get(pb.id)
                key = frozenset((pa.id, pb.id))
                if ra is not None and rb is not None and ra is not rb and key not in pairs:
                    pairs[key] = (ra, rb, "contradicts, per the fact-checker")
    spans = sorted(pairs.values(), key=lambda t: abs(t[0].y - t[1].y))
    # Each arc ends at its own point on a box's edge, spread around the middle.
    ends: dict[str, list[int]] = {}
    for n, (a, b, _) in enumerate(spans):
        ends.setdefault(a.position.id, []).append(n)
        ends.setdefault(b.position.id, []).append(n)

    def end_y(row: _Row, n: int) -> float:
        slots = ends[row.position.id]
        step = min(6.0, (row.box_h - 8) / max(len(slots), 1))
        return row.y + row.box_h / 2 + (slots.index(n) - (len(slots) - 1) / 2) * step

    levels: list[list[tuple[float, float]]] = []
    for n, (a, b, word) in enumerate(spans):
        ya, yb = sorted((end_y(a, n), end_y(b, n)))
        level = next(
            (i for i, used in enumerate(levels) if all(yb < lo or ya > hi for lo, hi in used)),
            len(levels),
        )
        if level == len(levels):
            levels.append([])
        levels[level].append((ya - 4, yb + 4))
        reach = 16 + 12 * min(level, 4)
        x = BOX_X - reach
        tip = f"{one_line(a.position.label)} {word} {one_line(b.position.label)}"
        body.append(
            f'<path d="M{BOX_X} {ya:g} C{x} {ya:g} {x} {yb:g} {BOX_X} {yb:g}" '
            f'class="contra-arc"><title>{escape(tip)}</title></path>'
        )
        body.append(
            f'<text x="{max(x - 2, 2):g}" y="{(ya + yb) / 2 + 4:g}" class="contra-label" '
            'text-anchor="end">✗</text>'
            if x - 2 > 10
            else ""
        )

    height = y + 4
    n_q = len(blocks)
    desc = (
        f"{n_q} contested question{'s' if n_q != 1 else ''}, {total} answers; "
        f"{len(pairs)} pair{'s' if len(pairs) != 1 else ''} of answers contradict each other "
        "(red dashed arcs, answers marked ⚠)."
    )
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:g}" '
        f'width="{WIDTH}" height="{height:g}" role="img" '
        'aria-labelledby="diagram-title diagram-desc">'
        f'<title id="diagram-title">Contested questions, their answers and who gives each</title>'
        f'<desc id="diagram-desc">{escape(desc)}</desc>' + "".join(b for b in body if b) + "</svg>"
    )


def _contradicted(pos: PositionAssessment) -> bool:
    """Whether the answer is contradicted: by another answer, or denied by a party."""
    return bool(pos.contradicts) or bool(set(pos.denying_parties) - set(pos.parties))


def _fact_checker_contradictions(ea: EventAssessment) -> list[Relation]:
    return [
        r
        for r in ea.relations
        if r.kind == "contradicts" and r.between == "claims" and r.source == "fact-checker"
    ]


def _linked_by_fact_checker(ea: EventAssessment, assessment: Assessment) -> set[str]:
    """Positions at either end of a fact-checker's ``contradicts`` link."""
    return {
        p.id
        for rel in _fact_checker_contradictions(ea)
        for claim in (rel.a, rel.b)
        for p in assessment.positions_of(claim)
    }
