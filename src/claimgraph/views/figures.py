"""Count figures as plain text, for both report views (each escapes them): a figure
as given, the spread, the conservative figure, and the note under the Figures table."""

from __future__ import annotations

import math
from collections.abc import Callable

from claimgraph.analysis.assess import CountFigure, CountReconciliation
from claimgraph.quantities import vague_words
from claimgraph.views.escape import one_line

__all__ = ["conservative_text", "figure_text", "figures_explained", "spread_text"]


def _number(x: float) -> str:
    """A figure: the number without a trailing ``.0``, ``∞`` for no bound.

    >>> _number(4.0), _number(math.inf), _number(2.5), _number(1500)
    ('4', '∞', '2.5', '1,500')
    """
    return "∞" if math.isinf(x) else f"{x:,g}" if x != int(x) else f"{int(x):,}"


def figure_text(figure: CountFigure) -> str:
    """A figure as given, and the number a vague word counts as.

    >>> from claimgraph.quantities import parse_count, stated
    >>> f = stated(parse_count("several dozen"))
    >>> figure_text(CountFigure(parse_count("several dozen"), (), (), f.low, f.high, f.vague))
    'several dozen, counted as 12'
    """
    text = one_line(figure.label)
    if figure.vague and figure.low is not None:
        text += f", counted as {_number(figure.low)}"
    return text


def spread_text(rec: CountReconciliation) -> str:
    """From the lowest stated figure to the highest.

    >>> from claimgraph.quantities import parse_count
    >>> spread_text(CountReconciliation((), 4, (), 30, (), False, 4, ()))
    '4 to 30'
    """
    if rec.lowest is None or rec.highest is None:
        return ""
    text = _endpoint(rec, rec.lowest)
    if rec.highest != rec.lowest:
        text += f" to {_endpoint(rec, rec.highest)}"
    if rec.highest_open:
        text += " or more"
    return text


def _endpoint(rec: CountReconciliation, n: int) -> str:
    """A number of the spread; when only a vague word gives it, the word too."""
    givers = [f for f in rec.figures if n in f.numbers]
    if givers and all(f.vague for f in givers):
        return f"{_number(n)} ({one_line(givers[0].label)})"
    return _number(n)


def conservative_text(rec: CountReconciliation, party: Callable[[str], str]) -> str:
    """The lowest stated figure with who gave it, the dispute noted."""
    if rec.conservative is None:
        return "none stated (only upper bounds such as “up to 30” were given)"
    who = ", ".join(party(p) for p in rec.conservative_by)
    text = f"{_endpoint(rec, rec.conservative)}, given by {who}"
    if rec.disputed:
        text += "; disputed"
    return text


def figures_explained() -> str:
    """The note under the Figures table, with the vague-word table the code uses."""
    return (
        "Every figure is the one a party gave. The spread runs from the lowest figure "
        "stated to the highest; the conservative figure is the lowest figure stated, "
        "with who gave it (ACLED's rule), and an upper bound alone (“up to 30”) gives "
        f"none. Vague words count by one table ({vague_words()}; the scale words are "
        "ACLED's). Figures later corrected by the same party are left out."
    )
