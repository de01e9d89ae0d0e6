"""claimgraph: claim-versus-counterclaim fact tracking.

Load claims attributed to parties, link them per event in a networkx graph,
assess which accounts contradict or corroborate each other, and write
comparison reports.
"""

from claimgraph.errors import ClaimgraphError, InvalidInput, LimitExceeded, OutputError, UsageError
from claimgraph.model import (
    Aspect,
    AspectType,
    Certainty,
    Claim,
    Corpus,
    Event,
    Interval,
    Links,
    Party,
    Review,
    Source,
    Stance,
)
from claimgraph.problems import Problem, Report

__version__ = "0.1.0"

__all__ = [
    "Aspect",
    "AspectType",
    "Certainty",
    "Claim",
    "ClaimgraphError",
    "Corpus",
    "Event",
    "InvalidInput",
    "Interval",
    "LimitExceeded",
    "Links",
    "OutputError",
    "Party",
    "Problem",
    "Report",
    "Review",
    "Source",
    "Stance",
    "UsageError",
    "__version__",
]
