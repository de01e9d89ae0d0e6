"""One claim file (YAML, CSV or JSON Lines) read, bounded in size, into a ClaimFile.

The verbs come in pairs: :func:`read_claim_file` takes a path and hands the
text to :func:`parse_claim_file`. A bug while parsing becomes an
``internal-error`` problem, never a traceback.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Collection, Iterator, Sequence
from pathlib import Path

from claimgraph import bulk
from claimgraph.cache import Cache, content_key
from claimgraph.io.files import read_bounded
from claimgraph.io.yaml_read import decode, parse_yaml
from claimgraph.load.parse import parse_claim_document
from claimgraph.load.records import ClaimFile
from claimgraph.problems import Report
from claimgraph.workers import can_fork, cpu_count, ordered_map


def read_claim_file(
    path: Path, display: str | None = None, *, cache: Cache | None = None
) -> tuple[ClaimFile, Report]:
    """Read one claim file (bounded in size, UTF-8) and parse it.

    ``display`` is the path used in messages (default: ``str(path)``). With a
    ``cache``, a file whose exact content was parsed before is not parsed again.
    """
    name = display or str(path)
    refused = Report()
    data = read_bounded(path, name, refused)
    if data is None:
        return ClaimFile(name), refused
    key = content_key("yaml", name, data) if cache is not None else ""
    if cache is not None:
        hit = cache.get("claimfile", key)
        if isinstance(hit, tuple):
            return hit
    parsed, report, cacheable = parse_claim_data(data, name)
    if cache is not None and cacheable:
        cache.put("claimfile", key, (parsed, report))
    return parsed, report


def parse_claim_data(data: bytes, name: str) -> tuple[ClaimFile, Report, bool]:
    """Decode and parse the bytes of one YAML claim file (what a worker of
    :func:`read_claim_files` does), a bug becoming an ``internal-error`` problem;
    and whether the result may be cached (not when the text could not be decoded
    or the parser failed)."""
    report = Report()
    text = decode(data, name, report)
    if text is None:
        return ClaimFile(name), report, False
    try:
        parsed, more = parse_claim_file(text, name)
    except Exception as exc:  # a bug must not become a traceback: report it, keep going
        internal_error(report, name, exc)
        return ClaimFile(name), report, False
    report.extend(more)
    return parsed, report, True


# Fewer YAML files to parse than this are read in this process: starting workers
# (a fresh interpreter each, importing claimgraph) costs about as much as parsing
# this many files of a hundred claims.
POOL_MIN_FILES = 64
# Fewer CPUs than this, and one process reads. Each result is pickled back to this
# process, which costs about three quarters of the parse again (100,000 claims on 2
# shared CPUs: 20 s of CPU and 21 s wall in one process, 35 s of CPU and 31-34 s wall
# with 2 workers; benchmarks/RESULTS.md), so two CPUs do not pay for it.
POOL_MIN_CPUS = 4
# Files sent to a worker at once, and batches kept in flight per worker: enough to
# keep every worker busy, few enough that the files' bytes are not all held at once.
_POOL_CHUNK = 8
_POOL_AHEAD = 4


def pool_size(files: int) -> int:
    """Worker processes worth starting for this many YAML files to parse (1: none).

    Only where workers can be forked safely (:func:`claimgraph.workers.can_fork`).
    """
    if files < POOL_MIN_FILES or not can_fork() or cpu_count() < POOL_MIN_CPUS:
        return 1
    return max(1, min(cpu_count(), files // _POOL_CHUNK))


def read_claim_files(
    paths: Sequence[Path],
    *,
    cache: Cache | None = None,
    each: Callable[[], None] | None = None,
    workers: int | None = None,
) -> list[tuple[ClaimFile, Report]]:
    """:func:`read_claim_file` of every path, in the same order, with the same results.

    Files are independent, so those the ``cache`` does not hold are parsed in a
    pool of ``workers`` processes (default :func:`pool_size`: one per CPU for a
    big folder, none for a small one, where starting workers costs more than it
    saves). Files are read, and cache entries written, in this process; only a
    few batches of files per worker are in flight at a time. ``each()`` is
    called after each file, in order.
    """
    n = pool_size(len(paths)) if workers is None else (workers if can_fork() else 1)
    if n <= 1:
        out = []
        for path in paths:
            out.append(read_claim_file(path, cache=cache))
            if each is not None:
                each()
        return out
    results: list[tuple[ClaimFile, Report] | None] = [None] * len(paths)
    done = 0

    def ready() -> None:
        nonlocal done
        while done < len(paths) and results[done] is not None:
            done += 1
            if each is not None:
                each()

    # The files to parse, a batch at a time, in order; what the cache holds (or what
    # cannot be read) is placed at once. Each batch's places wait in `places`.
    places: deque[list[tuple[int, str]]] = deque()  # index, cache key

    def batches() -> Iterator[list[tuple[bytes, str]]]:
        batch: list[tuple[int, str]] = []
        jobs: list[tuple[bytes, str]] = []
        for i, path in enumerate(paths):
            name = str(path)
            refused = Report()
            data = read_bounded(path, name, refused)
            if data is None:
                results[i] = (ClaimFile(name), refused)
                continue
            key = content_key("yaml", name, data) if cache is not None else ""
            hit = cache.get("claimfile", key) if cache is not None else None
            if isinstance(hit, tuple):
                results[i] = hit
                continue
            batch.append((i, key))
            jobs.append((data, name))
            if len(jobs) == _POOL_CHUNK:
                places.append(batch)
                yield jobs
                batch, jobs = [], []
        if jobs:
            places.append(batch)
            yield jobs

    # Workers parse with the collector paused, as scan does here.
    parsed = ordered_map(_parse_batch, batches(), n, ahead=_POOL_AHEAD, collect=False)
    for batch in parsed:
        for (i, key), (claim_file, report, cacheable) in zip(places.popleft(), batch, strict=True):
            results[i] = (claim_file, report)
            if cache is not None and cacheable:
                cache.put("claimfile", key, (claim_file, report))
        ready()
    ready()
    return [r for r in results if r is not None]


def _parse_batch(jobs: list[tuple[bytes, str]]) -> list[tuple[ClaimFile, Report, bool]]:
    return [parse_claim_data(data, name) for data, name in jobs]


def read_bulk_file(
    path: Path,
    display: str | None = None,
    *,
    text_aspects: Collection[str] = ("comment",),
    cache: Cache | None = None,
) -> list[tuple[ClaimFile, Report]]:
    """Read a CSV or JSON Lines claim file (:mod:`claimgraph.bulk`): one ClaimFile per source.

    Problems of the file as a whole (a CSV syntax error, an unknown column)
    come with the first; a file with no usable source gives one empty ClaimFile.
    ``text_aspects`` are the aspects whose CSV values are never split at ``;``.
    """
    name = display or str(path)
    refused = Report()
    data = read_bounded(path, name, refused)
    if data is None:
        return [(ClaimFile(name), refused)]
    key = content_key("bulk", name, data, *sorted(text_aspects)) if cache is not None else ""
    if cache is not None:
        hit = cache.get("claimfile", key)
        if isinstance(hit, list):
            return hit
    report = Report()
    out: list[tuple[ClaimFile, Report]] = []
    text = decode(data, name, report)
    try:
        docs = (
            [] if text is None else bulk.parse_bulk(text, name, report, text_aspects=text_aspects)
        )
        for doc in docs:
            one = Report()
            out.append((parse_claim_document(doc, name, one), one))
    except Exception as exc:  # a bug must not become a traceback: report it, keep going
        internal_error(report, name, exc)
        out = []
    if not out:
        out.append((ClaimFile(name), Report()))
    out[0][1].problems[:0] = report.problems
    if cache is not None:
        cache.put("claimfile", key, out)
    return out


def internal_error(report: Report, path: str, exc: Exception) -> None:
    report.add(
        "internal-error",
        f"internal error ({type(exc).__name__}: {exc}); this input is not fully checked, "
        "please report it",
        path,
    )


def parse_claim_file(text: str, path: str) -> tuple[ClaimFile, Report]:
    """Parse the text of one claim file into a :class:`ClaimFile` and its problems.

    >>> text = "source: {id: s1}\\nclaims:\\n  - id: c1\\n    evnt: e1\\n"
    >>> f, r = parse_claim_file(text, "a.yaml")
    >>> for p in r.problems[:2]: print(p)
    a.yaml:4:5: unknown field 'evnt' in claim 'c1' (did you mean 'event'?)
    a.yaml:3:5: claim 'c1' has no 'event'
    """
    report = Report()
    doc = parse_yaml(text, path, report)
    if doc is None:
        if report.valid:
            report.add("empty-file", "empty claim file", path, severity="warning")
        return ClaimFile(path), report
    return parse_claim_document(doc, path, report), report
