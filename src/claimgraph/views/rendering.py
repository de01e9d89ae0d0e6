"""Every event rendered in turn, in forked workers when that pays: one loop for both report
views (the Markdown reports and the HTML site's pages).

Events are independent, so on two CPUs or more a big assessment's events are
rendered in forked workers (:mod:`claimgraph.workers`), which inherit the
assessment and the renderer and send back only the texts, in the same order:
the same files as one process writes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from itertools import islice

from claimgraph import workers
from claimgraph.analysis.assess import Assessment

__all__ = ["RENDER_MIN_EVENTS", "Renderer", "render_events", "render_workers"]

Renderer = Callable[[Assessment, str], str]

# Fewer events than this are rendered in this process: forking workers costs a few
# milliseconds, rendering an event about one.
RENDER_MIN_EVENTS = 256
# Events a worker renders per batch: enough to make each exchange worth it.
_BATCH = 16


def render_workers(events: int) -> int:
    """Worker processes worth forking to render this many events (1: none): one per
    CPU that other work leaves idle (:func:`claimgraph.workers.free_cpus`), as many as
    fit in memory (:func:`claimgraph.workers.affordable`), at least two."""
    cpus = workers.cpu_count()
    if events < RENDER_MIN_EVENTS or cpus < 2 or not workers.can_fork():
        return 1
    n = workers.affordable(min(workers.free_cpus(cpus), events // _BATCH))
    return n if n >= 2 else 1


def render_events(
    assessment: Assessment,
    wanted: Sequence[str],
    render: Renderer,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> Iterator[tuple[str, str]]:
    """(event id, ``render(assessment, event id)``) for each wanted event, in order, as
    each is rendered. ``each`` wraps the loop over the events (the CLI's progress bar)
    and is advanced as each event's text is ready."""
    wanted = list(wanted)
    ticks = iter(each(wanted)) if each is not None else iter(wanted)
    n = render_workers(len(wanted))
    if n <= 1:
        for event_id in ticks:
            yield event_id, render(assessment, event_id)
        return
    batches = (wanted[i : i + _BATCH] for i in range(0, len(wanted), _BATCH))
    texts_of = workers.ordered_map(_render_batch, batches, n, shared=(assessment, render))
    for texts in texts_of:
        yield from zip(islice(ticks, len(texts)), texts, strict=True)


def _render_batch(event_ids: list[str]) -> list[str]:
    assessment, render = workers.shared()
    return [render(assessment, event_id) for event_id in event_ids]
