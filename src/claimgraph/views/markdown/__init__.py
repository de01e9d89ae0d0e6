"""The comparison report: one GitHub-flavoured Markdown page per event, and an index.

Each event report has, in order: a title with date and place; a one-line
status with counts; the side-by-side table (rows: questions; columns: parties
grouped by side); a three-line legend; contradictions with both verbatim
quotes; corroborations (independent ones first, echoes flagged); silences;
count reconciliation; a timeline of statements; the sources; and a Mermaid
diagram of parties, positions and contradictions.

Every piece of user text goes through :mod:`claimgraph.views.escape`, and the
output is deterministic (ordered by the corpus and the assessment, no
timestamps), so golden files compare byte for byte.

One job a module; this package only re-exports them:

- :mod:`~claimgraph.views.markdown.event`: the event report's sections (``render_event``);
- :mod:`~claimgraph.views.markdown.claims`: one claim as a table cell, a verdict, a statement;
- :mod:`~claimgraph.views.markdown.index`: ``index.md`` (``render_index``, or its lines:
  ``generate_index``) and the reports' file names;
- :mod:`~claimgraph.views.markdown.reports`: the report loop (``iter_reports``,
  ``iter_report_files``, ``generate_reports``).

The data and figures both report views show are :mod:`claimgraph.views.event_data`
and :mod:`claimgraph.views.figures`; their words, :mod:`claimgraph.views.wording`.
"""

from claimgraph.views.event_data import (
    ANSWERING_KINDS,
    answered_decline,
    contradiction_groups,
    event_claims,
    expected_silences,
)
from claimgraph.views.figures import conservative_text, figure_text, figures_explained, spread_text
from claimgraph.views.markdown.claims import cell_text, verdict_text
from claimgraph.views.markdown.event import LEGEND, corroboration_kind, render_event
from claimgraph.views.markdown.index import (
    INDEX_COLUMNS,
    INDEX_NAME,
    RECORD_COLUMNS,
    generate_index,
    render_index,
    report_filename,
)
from claimgraph.views.markdown.reports import (
    generate_reports,
    iter_report_files,
    iter_reports,
    report_names,
)
from claimgraph.views.wording import (
    QUESTION_WORDS,
    STATUS_EXPLAINED,
    STATUS_WORDS,
    contested_tail,
    cross_links,
    event_counts,
    event_outlets,
    event_when,
    event_where,
    format_date,
)

__all__ = [
    "ANSWERING_KINDS",
    "INDEX_COLUMNS",
    "INDEX_NAME",
    "LEGEND",
    "QUESTION_WORDS",
    "RECORD_COLUMNS",
    "STATUS_EXPLAINED",
    "STATUS_WORDS",
    "answered_decline",
    "cell_text",
    "conservative_text",
    "contested_tail",
    "contradiction_groups",
    "corroboration_kind",
    "cross_links",
    "event_claims",
    "event_counts",
    "event_outlets",
    "event_when",
    "event_where",
    "expected_silences",
    "figure_text",
    "figures_explained",
    "format_date",
    "generate_index",
    "generate_reports",
    "iter_report_files",
    "iter_reports",
    "render_event",
    "render_index",
    "report_filename",
    "report_names",
    "spread_text",
    "verdict_text",
]
