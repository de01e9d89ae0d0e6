"""Count reconciliation: the spread of a count question's figures and its conservative
figure (the lowest stated, ACLED's rule).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from claimgraph.analysis.context import _unique
from claimgraph.analysis.records import CountFigure, CountReconciliation, PositionAssessment
from claimgraph.model import Interval
from claimgraph.quantities import stated


def _count_reconciliation(positions: Iterable[PositionAssessment]) -> CountReconciliation | None:
    figures: list[CountFigure] = []
    for p in positions:
        if not isinstance(p.value, Interval) or not p.current_claims:
            continue
        given = stated(p.value)
        figures.append(
            CountFigure(
                p.value,
                p.current_parties,  # the parties of its current claims, once each
                p.current_claims,
                given.low,
                given.high,
                given.vague,
            )
        )
    if not figures:
        return None
    # Each figure's numbers once (CountFigure.numbers builds them on every call).
    numbered = [(f, f.numbers) for f in figures]
    numbered.sort(
        key=lambda fn: (min(fn[1], default=math.inf), max(fn[1], default=math.inf), fn[0].label)
    )
    figures = [f for f, _ in numbered]
    numbers = [n for _, ns in numbered for n in ns]
    lowest = min(numbers, default=None)
    highest = max(numbers, default=None)

    def by(test: Callable[[CountFigure, tuple[int, ...]], bool]) -> tuple[str, ...]:
        if len(numbered) == 1:
            f, ns = numbered[0]
            return f.parties if test(f, ns) else ()
        return _unique([p for f, ns in numbered if test(f, ns) for p in f.parties])

    lows = [f.low for f in figures if f.low is not None]
    conservative = min(lows, default=None)
    open_high = any(f.high is None and f.low is not None and not f.vague for f in figures)
    return CountReconciliation(
        figures=tuple(figures),
        lowest=lowest,
        lowest_by=by(lambda f, ns: lowest in ns),
        highest=highest,
        highest_by=by(lambda f, ns: highest in ns),
        highest_open=open_high,
        conservative=conservative,
        conservative_by=by(lambda f, ns: f.low is not None and f.low == conservative),
        disputed=len({(f.low, f.high) for f in figures}) > 1,
    )
