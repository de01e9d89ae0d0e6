"""Count reconciliation: the spread of a count question's figures and its conservative
figure (the lowest stated, ACLED's rule).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from claimgraph.analysis.context import _Context, _unique
from claimgraph.analysis.records import CountFigure, CountReconciliation, PositionAssessment
from claimgraph.model import Interval
from claimgraph.quantities import stated


def _count_reconciliation(
    ctx: _Context, positions: Iterable[PositionAssessment]
) -> CountReconciliation | None:
    figures: list[CountFigure] = []
    for p in positions:
        if not isinstance(p.value, Interval) or not p.current_claims:
            continue
        given = stated(p.value)
        figures.append(
            CountFigure(
                p.value,
                _unique(ctx.party(c) for c in p.current_claims),
                p.current_claims,
                given.low,
                given.high,
                given.vague,
            )
        )
    if not figures:
        return None

    def first(f: CountFigure) -> float:
        return min(f.numbers, default=math.inf)

    figures.sort(key=lambda f: (first(f), max(f.numbers, default=math.inf), f.label))
    numbers = [n for f in figures for n in f.numbers]
    lowest = min(numbers, default=None)
    highest = max(numbers, default=None)

    def by(test: Callable[[CountFigure], bool]) -> tuple[str, ...]:
        return _unique(p for f in figures if test(f) for p in f.parties)

    lows = [f.low for f in figures if f.low is not None]
    conservative = min(lows, default=None)
    open_high = any(f.high is None and f.low is not None and not f.vague for f in figures)
    return CountReconciliation(
        figures=tuple(figures),
        lowest=lowest,
        lowest_by=by(lambda f: lowest in f.numbers),
        highest=highest,
        highest_by=by(lambda f: highest in f.numbers),
        highest_open=open_high,
        conservative=conservative,
        conservative_by=by(lambda f: f.low is not None and f.low == conservative),
        disputed=len({(f.low, f.high) for f in figures}) > 1,
    )
