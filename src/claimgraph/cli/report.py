"""``claimgraph report`` and ``claimgraph export claimreview``: parse options, call the library."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli import common
from claimgraph.errors import UsageError

# More events than this, on a terminal, show a progress bar.
PROGRESS_THRESHOLD = 10


class Format(StrEnum):
    md = "md"
    json = "json"
    csv = "csv"
    html = "html"


OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        metavar="PATH",
        parser=common.output_path,
        help="md: the reports folder (default: reports). json/csv: the file to write "
        "(default: standard output; '-' for standard output).",
        show_default=False,
    ),
]
EventOption = Annotated[
    list[str] | None,
    typer.Option(
        "--event",
        metavar="ID",
        help="Only this event (repeatable). In md and html, the index is always rewritten too.",
        show_default=False,
    ),
]
FormatOption = Annotated[
    Format,
    typer.Option(
        "--format",
        "-f",
        help="md: one Markdown report per event and index.md; html: a static site (-o: its "
        "folder, default: site), one page per event and index.html; json: the whole "
        "assessment; csv: one row per claim.",
        case_sensitive=False,
    ),
]


def _load(claims_dir: Path, include_drafts: bool, cache: object = None) -> object:
    """The corpus (InvalidInput if it has errors); a bar on a terminal while reading files."""
    from claimgraph import jobs
    from claimgraph.cache import Cache
    from claimgraph.errors import InvalidInput

    if not claims_dir.is_dir():  # before any progress bar (jobs.load checks too)
        raise UsageError(f"{claims_dir}: no such claims folder")
    assert cache is None or isinstance(cache, Cache)
    with common.loading_progress() as progress:
        loaded = jobs.load(
            claims_dir, include_drafts=include_drafts, cache=cache, progress=progress, strict=False
        )
    common.say_drafts_skipped(claims_dir, len(loaded.drafts_skipped))
    drafts = set(loaded.drafts_read)
    common.say_reviewed_in_place(claims_dir, [p for p in loaded.files if p not in drafts])
    if not loaded.report.valid:
        raise InvalidInput(loaded.report)
    return loaded.corpus


def _to_stdout(output: Path | None) -> bool:
    return output is None or str(output) == "-"


def _reports_phrase(n: int) -> str:
    return f"{n} event report{'s' if n != 1 else ''} and index.md"


def _progress_wanted(n: int) -> bool:
    return n > PROGRESS_THRESHOLD and sys.stdout.isatty()


def _rendering_bar(ids: list[str]) -> Iterable[str]:
    from rich.progress import track

    return track(ids, description="Rendering reports")


def report(
    claims_dir: common.ClaimsDir = Path("claims"),
    output: OutputOption = None,
    event: EventOption = None,
    format: FormatOption = Format.md,
    include_drafts: common.IncludeDrafts = False,
    force: common.Force = False,
    no_cache: common.NoCache = False,
) -> None:
    """Write the comparison reports (Markdown), or the whole assessment as JSON or CSV.

    With no arguments, reads ./claims and writes ./reports: one EVENT-ID.md per
    event and index.md. Files claimgraph did not write are never overwritten
    or deleted (see .claimgraph-manifest.json in the output folder).
    """
    from claimgraph import jobs
    from claimgraph.cache import Cache, RunCache, cache_dir_for
    from claimgraph.model import Corpus

    with common.handled():
        wanted = list(dict.fromkeys(event or []))
        if format is Format.md and output is not None and str(output) == "-":
            raise UsageError("-o -: Markdown reports are a folder of files; name a folder")
        out_dir = output or Path("reports")
        runs: RunCache | None = None
        # Each claim file's parse is cached too, written only if the run succeeds.
        cache = Cache(cache_dir_for(claims_dir), enabled=not no_cache, defer=True)
        if format is Format.md and claims_dir.is_dir():
            runs = jobs.report_run(cache, claims_dir, include_drafts=include_drafts, events=wanted)
            done = runs.current(out_dir)
            if done is not None:
                typer.echo(
                    f"{_reports_phrase(int(done.get('events', 0)))} in {out_dir}: up to date "
                    "(claim files, source texts and reports unchanged since the last run)",
                    err=True,
                )
                return
        corpus = _load(claims_dir, include_drafts, cache)
        assert isinstance(corpus, Corpus)
        for event_id in wanted:  # an event only the drafts have: say so, then the library's check
            if event_id not in corpus.events:
                common.refuse_event_in_drafts(event_id, claims_dir, include_drafts)
        jobs.check_events(wanted, corpus)
        assessment = jobs.assess(jobs.link(corpus))
        selected = wanted or None

        if format is Format.html:
            from claimgraph.views.html.site import INDEX_HTML

            site = jobs.site(assessment, output or Path("site"), selected, force=force)
            pages, written = site.names, site.written
            cache.flush()
            typer.echo(
                f"{len(pages) - 1} event page{'s' if len(pages) != 2 else ''} and "
                f"{INDEX_HTML} in {site.out_dir}: {len(written.written)} written, "
                f"{len(written.unchanged)} unchanged; open {site.out_dir / INDEX_HTML}",
                err=True,
            )
            return

        if format is not Format.md:
            # Written as it is made, chunk by chunk: never the whole text in memory.
            chunks = jobs.render_table(
                assessment, "json" if format is Format.json else "csv", selected
            )
            if _to_stdout(output):
                for chunk in chunks:
                    common.echo_data(chunk)
                return
            assert output is not None
            changed = jobs.write_output(output, chunks, force=force)
            cache.flush()
            typer.echo(f"{'wrote' if changed else 'unchanged'} {output}", err=True)
            return

        ids = wanted or list(assessment.events)
        each = _rendering_bar if _progress_wanted(len(ids)) else None
        result = jobs.stream_reports(
            assessment, out_dir, selected, force=force, remove_stale=not wanted, each=each
        )
        if runs is not None and not result.kept:
            jobs.remember_report_run(runs, corpus, claims_dir, out_dir, result, len(ids))
        cache.flush()
        summary = (
            f"{_reports_phrase(len(ids))} in "
            f"{out_dir}: {len(result.written)} written, {len(result.unchanged)} unchanged"
        )
        if result.removed:
            summary += f", {len(result.removed)} stale removed"
        typer.echo(summary, err=True)
        for name in result.kept:
            typer.echo(
                f"{out_dir / name}: warning: no longer generated, kept because it was "
                "edited since claimgraph wrote it",
                err=True,
            )


def claimreview(
    claims_dir: common.ClaimsDir = Path("claims"),
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            parser=common.output_path,
            help="The JSON-LD file to write (default: standard output; '-' for standard output).",
            show_default=False,
        ),
    ] = None,
    include_drafts: common.IncludeDrafts = False,
    force: common.Force = False,
) -> None:
    """Write schema.org ClaimReview JSON-LD for every claim with a fact-checker's review."""
    from claimgraph import jobs
    from claimgraph.model import Corpus

    with common.handled():
        corpus = _load(claims_dir, include_drafts)
        assert isinstance(corpus, Corpus)
        result = jobs.claimreview(corpus)
        common.print_report(result.problems)
        if _to_stdout(output):
            typer.echo(result.text, nl=False)
            return
        assert output is not None
        changed = jobs.write_output(output, result.text, force=force)
        n = result.reviews
        typer.echo(
            f"{'wrote' if changed else 'unchanged'} {output}: "
            f"{n} ClaimReview{'s' if n != 1 else ''}",
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Add ``report`` to the app and ``claimreview`` to ``claimgraph export``."""
    app.command("report")(report)
    common.export_app.command("claimreview")(claimreview)
