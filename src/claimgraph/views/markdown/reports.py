"""The report loop: every event's report, then the index, as they are rendered.

Events are independent, so on two CPUs or more a big assessment's events are
rendered in forked workers (:mod:`claimgraph.workers`), which inherit the
assessment and send back only the texts, in the same order: the same files.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice

from claimgraph import workers
from claimgraph.analysis.assess import Assessment
from claimgraph.views.markdown.event import render_event
from claimgraph.views.markdown.index import INDEX_NAME, render_index, report_filename

__all__ = ["generate_reports", "iter_reports", "render_workers", "report_names"]


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
    wanted = list(events) if events is not None else list(assessment.events)
    ticks = iter(each(wanted)) if each is not None else iter(wanted)
    n = render_workers(len(wanted))
    if n <= 1:
        for event_id in ticks:
            yield report_filename(event_id), render_event(assessment, event_id)
    else:
        batches = (wanted[i : i + _BATCH] for i in range(0, len(wanted), _BATCH))
        for texts in workers.ordered_map(_render_batch, batches, n, shared=assessment):
            for event_id, text in zip(islice(ticks, len(texts)), texts, strict=True):
                yield report_filename(event_id), text
    yield INDEX_NAME, render_index(assessment)


# Fewer events than this are rendered in this process: forking workers costs a few
# milliseconds, rendering an event about one.
RENDER_MIN_EVENTS = 256
# Events a worker renders per batch: enough to make each exchange worth it.
_BATCH = 16


def render_workers(events: int) -> int:
    """Worker processes worth forking to render this many events (1: none): one per
    CPU, as many as fit in memory (:func:`claimgraph.workers.affordable`), at least two."""
    cpus = workers.cpu_count()
    if events < RENDER_MIN_EVENTS or cpus < 2 or not workers.can_fork():
        return 1
    n = workers.affordable(min(cpus, events // _BATCH))
    return n if n >= 2 else 1


def _render_batch(event_ids: list[str]) -> list[str]:
    assessment: Assessment = workers.shared()
    return [render_event(assessment, event_id) for event_id in event_ids]


def generate_reports(
    assessment: Assessment,
    events: Iterable[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> dict[str, str]:
    """Every report by file name (:func:`iter_reports`, all held)."""
    return dict(iter_reports(assessment, events, each=each))
