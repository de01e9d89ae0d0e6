"""Views of an assessment: Markdown reports, the HTML site, JSON/CSV tables, ClaimReview,
the graph and pandas frames.

- :mod:`claimgraph.views.markdown`: one comparison report per event and an index;
- :mod:`claimgraph.views.event_data`, :mod:`claimgraph.views.figures`: what both report
  views list about an event, and its count figures as text;
- :mod:`claimgraph.views.mermaid`: the diagram inside each report;
- :mod:`claimgraph.views.tables`: the whole assessment as JSON or CSV;
- :mod:`claimgraph.views.claimreview`: schema.org ClaimReview for reviewed claims;
- :mod:`claimgraph.views.html`, :mod:`claimgraph.views.svg`: the static site and its diagram;
- :mod:`claimgraph.views.graph`: the networkx graph and its exports (GraphML, GEXF, JSON);
- :mod:`claimgraph.views.frames`: pandas tables (imported only when asked for);
- :mod:`claimgraph.views.escape`: escaping of user text for all of the above.
- :mod:`claimgraph.views.values`: a claim's value as text, one function per meaning
  (slugs, words as written, labels, the report's answer) for all of the above.

Renderers return text; writing it safely is :mod:`claimgraph.output`'s job.
"""

from claimgraph.views.claimreview import generate_claimreview, render_claimreview
from claimgraph.views.markdown.event import render_event
from claimgraph.views.markdown.index import render_index
from claimgraph.views.markdown.reports import generate_reports
from claimgraph.views.tables import assessment_to_dict, render_csv, render_json

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
