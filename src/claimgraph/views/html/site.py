"""The site: every event's page and ``index.html``, by file name."""

from __future__ import annotations

from collections.abc import Iterable

from claimgraph.analysis.assess import Assessment
from claimgraph.views.html.event import render_event_page
from claimgraph.views.html.index import render_index_page
from claimgraph.views.html.page import page_filename

__all__ = ["INDEX_HTML", "generate_site"]


INDEX_HTML = "index.html"


def generate_site(assessment: Assessment, events: Iterable[str] | None = None) -> dict[str, str]:
    """Every page by file name: one per event (all, or those given) and ``index.html``.

    The index always lists every event of the assessment.
    """
    wanted = list(events) if events is not None else list(assessment.events)
    files = {page_filename(e): render_event_page(assessment, e) for e in wanted}
    files[INDEX_HTML] = render_index_page(assessment)
    return files
