"""Rendering of an assessment: Markdown reports, JSON/CSV tables and ClaimReview JSON-LD.

- :mod:`claimgraph.render.markdown`: one comparison report per event and an index;
- :mod:`claimgraph.render.mermaid`: the diagram inside each report;
- :mod:`claimgraph.render.tables`: the whole assessment as JSON or CSV;
- :mod:`claimgraph.render.claimreview`: schema.org ClaimReview for reviewed claims;
- :mod:`claimgraph.render.escape`: escaping of user text for all of the above.

Renderers return text; writing it safely is :mod:`claimgraph.output`'s job.
"""

from claimgraph.render.claimreview import generate_claimreview, render_claimreview
from claimgraph.render.markdown import generate_reports, render_event, render_index
from claimgraph.render.tables import assessment_to_dict, render_csv, render_json

__all__ = [
    "assessment_to_dict",
    "generate_claimreview",
    "generate_reports",
    "render_claimreview",
    "render_csv",
    "render_event",
    "render_index",
    "render_json",
]
