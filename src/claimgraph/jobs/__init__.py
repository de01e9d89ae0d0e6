"""The library's jobs, one call each: what a CLI command runs, with its result.

The stages of ``claimgraph report`` (DESIGN.md's flow) can be called, and
timed, one by one::

    loaded = jobs.load(claims_dir)                 # folder -> Corpus (InvalidInput on errors)
    linked = jobs.link(loaded.corpus)              # positions, contradictions, echoes
    assessment = jobs.assess(linked)               # statuses and figures; consumes the linking
    files = jobs.render_reports(assessment)        # file name -> Markdown (all held)
    result = jobs.write_reports(files, out_dir)    # through the output folder's manifest
    result = jobs.stream_reports(assessment, out_dir)  # or both: each written as rendered

or all at once with :func:`report`; :func:`validate` is ``claimgraph validate``'s
job. The other commands' jobs live in this package's modules and are named here:
:func:`extract` (``extraction``), :func:`convert` and :func:`validate_file`
(``folders``), and the single views (``outputs``): :func:`site`,
:func:`render_table`, :func:`claimreview`, :func:`table`, :func:`export_graph`.

The CLI only parses arguments, calls a job and prints what it returns
(black's ``reformat_one``: the library owns the job, the CLI loops and reports).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph import collector
from claimgraph.analysis.assess import Assessment
from claimgraph.analysis.assess import assess as _assess
from claimgraph.analysis.linked import Linked
from claimgraph.analysis.linked import link as _link
from claimgraph.cache import Cache, RunCache, project_root, source_text_candidates
from claimgraph.errors import InvalidInput, UsageError
from claimgraph.load import Loaded, scan
from claimgraph.model import Corpus
from claimgraph.output import OutputFolder, WriteResult
from claimgraph.problems import Report, check_known
from claimgraph.views.markdown.reports import generate_reports, iter_report_files, report_names

__all__ = [
    "ReportResult",
    "ValidateResult",
    "assess",
    "check_events",
    "link",
    "load",
    "remember_report_run",
    "render_reports",
    "report",
    "report_run",
    "stream_reports",
    "validate",
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
    """The linked corpus (:func:`claimgraph.analysis.linked.link`), the garbage
    collector paused meanwhile (:mod:`claimgraph.collector`)."""
    with collector.paused():
        return _link(corpus)


def assess(linked: Linked) -> Assessment:
    """The assessment of a linked corpus (:func:`claimgraph.analysis.assess.assess`),
    never linked again; the garbage collector paused meanwhile. The linking is consumed
    (each question's link records released once assessed): hold the assessment, not
    ``linked``."""
    with collector.paused():
        return _assess(linked.corpus, linked)


def check_events(wanted: Iterable[str], corpus: Corpus) -> None:
    """UsageError, with the nearest id as a hint, for an event the corpus does not have."""
    for event in wanted:
        check_known("event", event, corpus.events)


def render_reports(
    assessment: Assessment,
    events: Sequence[str] | None = None,
    *,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> dict[str, str]:
    """The Markdown reports by file name
    (:func:`claimgraph.views.markdown.reports.generate_reports`);
    ``each`` wraps the loop over events (a progress bar)."""
    return generate_reports(assessment, events, each=each)


def write_reports(
    files: dict[str, str], out_dir: Path, *, force: bool = False, remove_stale: bool = True
) -> WriteResult:
    """Write generated files into ``out_dir`` through its manifest (:class:`OutputFolder`)."""
    return OutputFolder(out_dir, force=force).write_all(files, remove_stale=remove_stale)


def stream_reports(
    assessment: Assessment,
    out_dir: Path,
    events: Sequence[str] | None = None,
    *,
    force: bool = False,
    remove_stale: bool = True,
    each: Callable[[list[str]], Iterable[str]] | None = None,
) -> WriteResult:
    """:func:`render_reports` and :func:`write_reports` at once: each report goes to disk
    as it is rendered (:meth:`OutputFolder.write_stream`), so only its hash is held; the
    same files, the same all-or-nothing guarantee. ``result.digests`` has every hash."""
    names = report_names(assessment, events)
    files = iter_report_files(assessment, events, each=each)
    return OutputFolder(out_dir, force=force).write_stream(names, files, remove_stale=remove_stale)


def report_run(
    cache: Cache, claims_dir: Path, *, include_drafts: bool = False, events: Sequence[str] = ()
) -> RunCache:
    """The run cache of a Markdown ``claimgraph report``: its key is the claim files and
    these options; ``.current(out_dir)`` is the last identical run's summary, if intact."""
    options = ["md", f"drafts={include_drafts}", *(f"event={e}" for e in events)]
    return RunCache(cache, "report", claims_dir, options)


def remember_report_run(
    runs: RunCache,
    corpus: Corpus,
    claims_dir: Path,
    out_dir: Path,
    files: Mapping[str, str] | WriteResult,
    events: int,
) -> bool:
    """Record a finished Markdown report run: the source texts it may have read, the
    files it wrote (name -> text, or the :class:`WriteResult` of a streamed run, whose
    hashes are used) and its count of events."""
    texts = source_text_candidates(corpus, project_root(claims_dir))
    if isinstance(files, WriteResult):
        return runs.remember_digests(texts, out_dir, files.digests, {"events": events})
    return runs.remember(texts, out_dir, files, {"events": events})


@dataclass(slots=True)
class ReportResult:
    """What :func:`report` did: the corpus, the assessment and how each file was written
    (``written.digests``: every file's name and the SHA-256 of its content; the reports
    themselves went to disk as they were rendered and are not held)."""

    loaded: Loaded
    assessment: Assessment
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
    written = stream_reports(
        assessment, out_dir, list(events) or None, force=force, remove_stale=not events
    )
    return ReportResult(loaded, assessment, written)


@dataclass(slots=True)
class ValidateResult:
    """What :func:`validate` found: the folder read, its problems and its counts."""

    loaded: Loaded

    @property
    def report(self) -> Report:
        """Every problem found, errors and warnings."""
        return self.loaded.report

    @property
    def valid(self) -> bool:
        """No error (warnings allowed)."""
        return self.loaded.report.valid

    @property
    def counts(self) -> dict[str, int]:
        """Files read, drafts skipped, records of each kind, errors and warnings."""
        corpus, report = self.loaded.corpus, self.loaded.report
        return {
            "files": len(self.loaded.files),
            "drafts_skipped": len(self.loaded.drafts_skipped),
            "parties": len(corpus.parties),
            "events": len(corpus.events),
            "sources": len(corpus.sources),
            "claims": len(corpus.claims),
            "errors": len(report.errors),
            "warnings": len(report.warnings),
        }


def validate(
    claims_dir: Path,
    *,
    include_drafts: bool = False,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ValidateResult:
    """``claimgraph validate``: read and check a claims folder, never raising on its
    problems. A deferred ``cache`` is written only when the folder is valid.
    UsageError when ``claims_dir`` is not a folder."""
    loaded = load(
        claims_dir, include_drafts=include_drafts, cache=cache, progress=progress, strict=False
    )
    if cache is not None and loaded.report.valid:
        cache.flush()
    return ValidateResult(loaded)


# The other commands' jobs, one module each (imported last: they use the stages above).
from claimgraph.jobs.extraction import (  # noqa: E402
    DraftOutcome,
    Extraction,
    ExtractResult,
    extract,
    extraction,
)
from claimgraph.jobs.folders import FileValidateResult, convert, validate_file  # noqa: E402
from claimgraph.jobs.outputs import (  # noqa: E402
    ClaimReviewResult,
    GraphResult,
    SiteResult,
    TableKind,
    assess_folder,
    claimreview,
    export_graph,
    render_table,
    site,
    table,
    write_output,
)

__all__ += [
    "ClaimReviewResult",
    "DraftOutcome",
    "ExtractResult",
    "Extraction",
    "FileValidateResult",
    "GraphResult",
    "SiteResult",
    "TableKind",
    "assess_folder",
    "claimreview",
    "convert",
    "export_graph",
    "extract",
    "extraction",
    "render_table",
    "site",
    "table",
    "validate_file",
    "write_output",
]
