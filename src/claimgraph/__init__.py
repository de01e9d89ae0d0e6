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

# The pipeline's entry points, imported on first use so that `import
# claimgraph` stays cheap (networkx and pandas load only when needed).
_LAZY = {
    "read_corpus": "claimgraph.load",
    "load_corpus": "claimgraph.load",
    "parse_claim_file": "claimgraph.load",
    "parse_count": "claimgraph.quantities",
    "link_corpus": "claimgraph.analysis.link",
    "build_graph": "claimgraph.views.graph",
    "write_graph": "claimgraph.views.graph",
    "assess": "claimgraph.analysis.assess",
    "Assessment": "claimgraph.analysis.assess",
    "render_event": "claimgraph.views.markdown.event",
    "render_index": "claimgraph.views.markdown.index",
    "generate_reports": "claimgraph.views.markdown.reports",
    "render_json": "claimgraph.views.tables",
    "render_csv": "claimgraph.views.tables",
    "claim_rows": "claimgraph.views.tables",
    "render_claimreview": "claimgraph.views.claimreview",
    "extract_report": "claimgraph.extract",
    "write_draft": "claimgraph.extract",
}


def __getattr__(name: str) -> object:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'claimgraph' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)


__all__ = [
    *_LAZY,
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
