"""The site: every event's page and ``index.html``, by file name."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimgraph.analysis.assess import Assessment
from claimgraph.views.html.event import render_event_page
from claimgraph.views.html.index import render_index_page
from claimgraph.views.html.page import page_filename
from claimgraph.views.rendering import render_events

__all__ = ["INDEX_HTML", "generate_site", "iter_site", "site_names"]


INDEX_HTML = "index.html"


def site_names(assessment: Assessment, events: Iterable[str] | None = None) -> list[str]:
    """The file names :func:`iter_site` yields, in its order (the index last)."""
    wanted = list(events) if events is not None else list(assessment.events)
    return [*(page_filename(e) for e in wanted), INDEX_HTML]


def iter_site(
    assessment: Assessment, events: Iterable[str] | None = None
) -> Iterator[tuple[str, str]]:
    """Each page as (file name, text) as it is rendered, one per event (all, or those
    given), then ``index.html``: written as they come, none is held.

    The index always lists every event of the assessment.
    """
    wanted = list(events) if events is not None else list(assessment.events)
    for event_id, page in render_events(assessment, wanted, render_event_page):
        yield page_filename(event_id), page
    yield INDEX_HTML, render_index_page(assessment)


def generate_site(assessment: Assessment, events: Iterable[str] | None = None) -> dict[str, str]:
    """Every page by file name (:func:`iter_site`, all held)."""
    return dict(iter_site(assessment, events))
