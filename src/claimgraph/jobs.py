"""The library's jobs, one call each: what a CLI command runs, with its result.

The stages of ``claimgraph report`` (DESIGN.md's flow) can be called, and
timed, one by one::

    loaded = jobs.load(claims_dir)                 # folder -> Corpus (InvalidInput on errors)
    linked = jobs.link(loaded.corpus)              # positions, contradictions, echoes
    assessment = jobs.assess(linked)               # statuses and figures, never re-linking
    files = jobs.render_reports(assessment)        # file name -> Markdown
    result = jobs.write_reports(files, out_dir)    # through the output folder's manifest

or all at once with :func:`report`. The CLI only parses arguments, calls a
job and prints what it returns (black's ``reformat_one``: the library owns
the job, the CLI loops and reports).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.analysis.assess import Assessment
from claimgraph.analysis.assess import assess as _assess
from claimgraph.analysis.linked import Linked
from claimgraph.analysis.linked import link as _link
from claimgraph.cache import Cache
from claimgraph.errors import InvalidInput, UsageError
from claimgraph.load import Loaded, scan
from claimgraph.model import Corpus
from claimgraph.output import OutputFolder, WriteResult
from claimgraph.problems import suggest
from claimgraph.views import markdown

__all__ = [
    "ReportResult",
    "assess",
    "check_events",
    "link",
    "load",
    "render_reports",
    "report",
    "write_reports",
]


def load(
    claims_dir: Path,
    *,
    include_drafts: bool = False,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    strict: bool = True,
) -> Loaded:
    """Read a claims folder (:func:`claimgraph.load.scan`); with ``strict``, InvalidInput
    when it has errors. UsageError when ``claims_dir`` is not a folder."""
    if not claims_dir.is_dir():
        raise UsageError(f"{claims_dir}: no such claims folder")
    loaded = scan(claims_dir, include_drafts=include_drafts, cache=cache, progress=progress)
    if strict and not loaded.report.valid:
        raise InvalidInput(loaded.report)
    return loaded


def link(corpus: Corpus) -> Linked:
    """The linked corpus (:func:`claimgraph.analysis.linked.link`)."""
    return _link(corpus)


def assess(linked: Linked) -> Assessment:
    """The assessment of a linked corpus (:func:`claimgraph.analysis.assess.assess`),
    never linked again."""
    return _assess(linked.corpus, linked)


def check_events(wanted: Iterable[str], corpus: Corpus) -> None:
    """UsageError, with the nearest id as a hint, for an event the corpus does not have."""
    known = list(corpus.events)
    for event in wanted:
        if event not in corpus.events:
            hint = suggest(event, known)
            extra = f" (did you mean '{hint}'?)" if hint else ""
            raise UsageError(f"unknown event '{event}'{extra}")


def render_reports(
    assessment: Assessment,
    events: Sequence[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> dict[str, str]:
    """The Markdown reports by file name (:func:`claimgraph.views.markdown.generate_reports`);
    ``each`` wraps the loop over events (a progress bar)."""
    return markdown.generate_reports(assessment, events, each=each)


def write_reports(
    files: dict[str, str], out_dir: Path, *, force: bool = False, remove_stale: bool = True
) -> WriteResult:
    """Write generated files into ``out_dir`` through its manifest (:class:`OutputFolder`)."""
    return OutputFolder(out_dir, force=force).write_all(files, remove_stale=remove_stale)


@dataclass(slots=True)
class ReportResult:
    """What :func:`report` did: the corpus, the assessment, the files and how each was written."""

    loaded: Loaded
    assessment: Assessment
    files: dict[str, str]
    written: WriteResult = field(default_factory=WriteResult)


def report(
    claims_dir: Path,
    out_dir: Path,
    *,
    events: Sequence[str] = (),
    include_drafts: bool = False,
    force: bool = False,
    cache: Cache | None = None,
) -> ReportResult:
    """``claimgraph report``: read, link, assess, render and write the Markdown reports.

    Only ``events`` when given (the index lists every event; nothing stale is removed).
    """
    loaded = load(claims_dir, include_drafts=include_drafts, cache=cache)
    check_events(events, loaded.corpus)
    assessment = assess(link(loaded.corpus))
    files = render_reports(assessment, list(events) or None)
    written = write_reports(files, out_dir, force=force, remove_stale=not events)
    return ReportResult(loaded, assessment, files, written)
