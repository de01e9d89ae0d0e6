"""Forked worker processes, for a stage whose pieces are independent.

Two stages use them: the loader parses claim files in workers (only on 4 CPUs or
more: each parsed file is pickled back, which costs about as much as the parse),
and the report renders events in workers (on 2 idle CPUs or more: a worker inherits
the whole assessment when it is forked, so nothing is sent to it but event ids,
and only the reports' texts come back).

Workers are forked, never spawned: a forked worker starts at once and needs
nothing re-imported, where a spawned one would re-run the caller's main module.
So they are used only where forking is safe: on Linux, with no other thread
running (such as a progress bar's). Results come back in the order of the work,
and only a few batches per worker are in flight at a time. A worker comes to
copy what it reads of its parent, so no more are forked than copies fit in
memory (:func:`affordable`), nor more than the CPUs other work leaves idle
(:func:`free_cpus`).
"""

from __future__ import annotations

import ctypes
import gc
import multiprocessing
import os
import signal
import sys
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

__all__ = ["affordable", "can_fork", "cpu_count", "free_cpus", "ordered_map", "shared"]

T = TypeVar("T")
R = TypeVar("R")

# What the workers of the running ordered_map read (see shared()); set before they fork.
_SHARED: Any = None


def cpu_count() -> int:
    """The CPUs this process may use: ``os.process_cpu_count()`` (Python 3.13+), else
    the CPUs of its affinity mask, else ``os.cpu_count()``."""
    counted = getattr(os, "process_cpu_count", None)
    if counted is not None:
        return int(counted() or 1)
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0)) or 1
    return os.cpu_count() or 1


def can_fork() -> bool:
    """Whether workers can be forked safely here (Linux, no other thread running)."""
    return (
        sys.platform == "linux"
        and "fork" in multiprocessing.get_all_start_methods()
        and threading.active_count() == 1
    )


def free_cpus(cpus: int) -> int:
    """How many of ``cpus`` are worth a worker now (at least 1): this process's own, and
    one for each that other work leaves idle by the 1-minute load average; all of them
    where the load cannot be read.

    A worker on a CPU that other processes keep busy gets a share of it only, and costs
    its fork, the copies of what it reads and the exchange of its results all the same:
    on a shared machine that is more CPU time than one process needs, and more wall time.
    """
    try:
        load = os.getloadavg()[0]
    except (OSError, AttributeError):  # no load average on this system
        return cpus
    return max(1, min(cpus, 1 + int(cpus - load)))


def affordable(workers: int) -> int:
    """How many of ``workers`` forked copies of this process fit in memory (at least 1).

    A forked worker shares its parent's pages only until it touches them, and Python
    touches every object it reads (its reference count), so over a long run each
    worker comes to hold a copy of what it reads: up to the whole parent. So only as
    many workers are forked as, with the parent, fit in half the memory the system has
    available now; where that cannot be read, none.
    """
    rss, available = _resident_bytes(), _available_bytes()
    if rss is None or available is None or rss <= 0:
        return 1
    return max(1, min(workers, available // 2 // rss - 1))


def _resident_bytes() -> int | None:
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE")


def _available_bytes() -> int | None:
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        return None
    return None


def shared() -> Any:
    """In a worker of :func:`ordered_map`, the ``shared`` object it was given."""
    return _SHARED


def _start_worker(parent: int, collect: bool) -> None:
    # The parent handles Ctrl-C (it stops the run, then the pool); a worker ignores it
    # rather than print a traceback of its own.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # A parent killed outright (SIGKILL, or SIGTERM delivered once its files are safe)
    # cannot shut the pool down: the kernel then kills the workers, none is left behind.
    _die_with(parent)
    if not collect:
        gc.disable()


def _die_with(parent: int) -> None:
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):  # no prctl: the worker ends when its queue closes
        return
    if os.getppid() != parent:  # the parent died before the request was made
        os._exit(1)


_PR_SET_PDEATHSIG = 1  # linux/prctl.h


def ordered_map(
    fn: Callable[[T], R],
    items: Iterable[T],
    workers: int,
    *,
    shared: Any = None,
    ahead: int = 4,
    collect: bool = True,
) -> Iterator[R]:
    """``map(fn, items)`` computed in ``workers`` forked processes, yielded in order.

    ``shared`` is what the workers read through :func:`shared`: they inherit it
    when they fork, so it is never pickled. At most ``workers * ahead`` items are
    in flight. ``collect=False`` runs the workers with the garbage collector off
    (for work that makes no reference cycles). Closing the iterator early (an
    error while its results are used) cancels the items not yet started and waits
    for the running ones.
    """
    global _SHARED
    _SHARED = shared
    # What exists now is inherited by every worker: frozen, the collector never walks
    # (and so never copies) those pages, here or in the workers.
    gc.freeze()
    pool = ProcessPoolExecutor(
        max_workers=workers,
        mp_context=multiprocessing.get_context("fork"),
        initializer=_start_worker,
        initargs=(os.getpid(), collect),
    )
    try:
        pending: deque[Future[R]] = deque()
        for item in items:
            pending.append(pool.submit(fn, item))
            while len(pending) >= workers * ahead:
                yield pending.popleft().result()
        while pending:
            yield pending.popleft().result()
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        gc.unfreeze()
        _SHARED = None
