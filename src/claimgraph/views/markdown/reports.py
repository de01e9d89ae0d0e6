"""The report loop: every event's report, then the index, as they are rendered (in
forked workers when that pays: :mod:`claimgraph.views.rendering`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from claimgraph.analysis.assess import Assessment
from claimgraph.views.markdown.event import render_event
from claimgraph.views.markdown.index import INDEX_NAME, generate_index, report_filename
from claimgraph.views.rendering import render_events

__all__ = ["generate_reports", "iter_report_files", "iter_reports", "report_names"]


def report_names(assessment: Assessment, events: Iterable[str] | None = None) -> list[str]:
    """The file names :func:`iter_reports` yields, in its order (the index last)."""
    wanted = list(events) if events is not None else list(assessment.events)
    return [*(report_filename(e) for e in wanted), INDEX_NAME]


def iter_reports(
    assessment: Assessment,
    events: Iterable[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """Each report as (file name, text) as it is rendered, one per event (all, or
    those given), then ``index.md``: written as they come, none is held.

    The index always lists every event of the assessment. ``each`` wraps the
    loop over the events (the CLI's progress bar).
    """
    for name, content in iter_report_files(assessment, events, each=each):
        yield name, content if isinstance(content, str) else "".join(content)


def iter_report_files(
    assessment: Assessment,
    events: Iterable[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> Iterator[tuple[str, str | Iterator[str]]]:
    """:func:`iter_reports` for writing (``OutputFolder.write_stream``): the same files, but
    ``index.md`` as its lines (:func:`~claimgraph.views.markdown.index.generate_index`),
    made as they are written, so that the index of many events is never held whole."""
    wanted = list(events) if events is not None else list(assessment.events)
    for event_id, text in render_events(assessment, wanted, render_event, each):
        yield report_filename(event_id), text
    yield INDEX_NAME, generate_index(assessment)


def generate_reports(
    assessment: Assessment,
    events: Iterable[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> dict[str, str]:
    """Every report by file name (:func:`iter_reports`, all held)."""
    return dict(iter_reports(assessment, events, each=each))
