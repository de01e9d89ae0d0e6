"""What every command shares: options, error handling and output helpers."""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import ModuleType
from typing import Annotated, NoReturn

import typer

from claimgraph.errors import ClaimgraphError, InvalidInput, UsageError
from claimgraph.problems import Report, printable

# Command families, in the order `claimgraph --help` lists them. Each module
# has a ``register(app)`` function.
COMMAND_MODULES = (
    "validate",
    "report",
    "tables",
    "extract",
    "convert",
    "evaluate",
    "drafts",
)

# `claimgraph export ...`: one sub-app that several modules add commands to
# (cli/tables.py adds `graph`, cli/report.py adds `claimreview`).
export_app = typer.Typer(
    name="export",
    help="Write standard exports: the graph (GraphML, GEXF, JSON) and ClaimReview JSON-LD.",
    no_args_is_help=True,
)

ClaimsDir = Annotated[
    Path,
    typer.Argument(
        help=(
            "Folder of claim files (parties.yaml, events.yaml, aspects.yaml "
            "and one file per source)."
        ),
        show_default=True,
    ),
]


# Options several commands share, each defined once (frictionless' console/common.py).
IncludeDrafts = Annotated[
    bool,
    typer.Option(
        "--include-drafts",
        help="Also read claim files whose source is a draft (`status: draft`), "
        "skipped by default (convert copies them unchanged).",
    ),
]
Force = Annotated[
    bool,
    typer.Option(
        "--force",
        help="Overwrite files in the way: ones claimgraph did not write or that were edited "
        "since it wrote them (convert: any file already in DEST).",
    ),
]
NoCache = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither use nor fill the cache (.claimgraph-cache/ beside the claims folder), "
        "which skips a run whose claim files, source texts and outputs are unchanged.",
    ),
]


def _show_version(value: bool) -> None:
    if value:
        from claimgraph import __version__

        typer.echo(f"claimgraph {__version__}")
        raise typer.Exit()


def app_options(
    version: Annotated[
        bool,
        typer.Option(
            "--version",
            help="Print claimgraph's version and exit.",
            callback=_show_version,
            is_eager=True,
        ),
    ] = False,
) -> None:
    """Claim-versus-counterclaim fact tracking: load claims attributed to parties, link them
    per event, and show who contradicts and who corroborates whom."""


def output_path(value: str | Path) -> Path:
    """An output path from the command line; an empty one is refused.

    ``Path("")`` is the current folder, so ``-o ''`` (an unset variable in a
    script) would write there.
    """
    if isinstance(value, Path):  # a default, already a path
        return value
    if not value.strip():
        raise typer.BadParameter("an empty path; give a file or folder name")
    return Path(value)


def command_modules() -> list[ModuleType]:
    mods = []
    for name in COMMAND_MODULES:
        try:
            mods.append(importlib.import_module(f"claimgraph.cli.{name}"))
        except ModuleNotFoundError as exc:
            if exc.name != f"claimgraph.cli.{name}":
                raise
    return mods


def print_report(report: Report) -> None:
    """Problems to stderr, one per line, in file order."""
    for problem in report.sorted():
        typer.echo(str(problem), err=True)


def echo_table(text: str) -> None:
    """A table for people on standard output: control characters from the data (an
    ESC that clears the screen or retitles the window) are shown as escapes, never run."""
    typer.echo(printable(text, keep="\n"), nl=False)


def echo_data(text: str) -> None:
    """CSV or JSON on standard output: unchanged when piped or redirected, but on a
    terminal its control characters are shown as escapes, never run."""
    typer.echo(printable(text, keep="\n\r\t") if sys.stdout.isatty() else text, nl=False)


def say_error(error: ClaimgraphError) -> None:
    """Print a library error (every problem of an InvalidInput) to stderr; do not exit."""
    if isinstance(error, InvalidInput):
        print_report(error.report)
        n = len(error.report.errors)
        typer.echo(f"claimgraph: {n} problem{'s' if n != 1 else ''} found", err=True)
    else:
        typer.echo(printable(f"claimgraph: {error}"), err=True)


def fail(error: ClaimgraphError) -> NoReturn:
    say_error(error)
    raise typer.Exit(error.exit_code)


def run(app: typer.Typer) -> None:
    """Run the app; library errors become messages and exit codes, never tracebacks."""
    try:
        app()
    except ClaimgraphError as error:  # raised outside a command's own handling
        try:
            fail(error)
        except typer.Exit as exit_:
            sys.exit(exit_.exit_code)


class handled:
    """Context manager for a command body: library errors become messages and exit codes.

    >>> with handled():
    ...     pass
    """

    def __enter__(self) -> None:
        return None

    def __exit__(self, exc_type: object, exc: BaseException | None, tb: object) -> None:
        if isinstance(exc, ClaimgraphError):
            fail(exc)


def say_drafts_skipped(claims_dir: Path, skipped: int) -> None:
    """Tell how many drafts a command left out, and how to include or promote them."""
    if skipped:
        typer.echo(
            f"{claims_dir}: {skipped} draft{'s' if skipped != 1 else ''} skipped "
            "(use --include-drafts to include them, or review them: "
            "`claimgraph drafts list`, then `claimgraph drafts promote`)",
            err=True,
        )


def say_reviewed_in_place(claims_dir: Path, files: list[Path]) -> None:
    """Warn about claim files no longer drafts but still in drafts/ (which git ignores)."""
    from claimgraph.review import reviewed_in_place

    for path in reviewed_in_place(claims_dir, files):
        typer.echo(
            f"{path}: warning: no longer a draft, but still in drafts/, which git ignores: "
            f"move it into the claims folder with `claimgraph drafts promote {path}`",
            err=True,
        )


def refuse_event_in_drafts(event: str, claims_dir: Path, include_drafts: bool) -> None:
    """UsageError when an event the folder lacks is found in its (skipped) drafts."""
    if include_drafts or not claims_dir.is_dir():
        return
    from claimgraph.review import drafts_with_event

    found = drafts_with_event(claims_dir, event)
    if found:
        where = ", ".join(str(p) for p in found[:3]) + (" ..." if len(found) > 3 else "")
        raise UsageError(
            f"event '{event}' is only in drafts ({where}): add --include-drafts, "
            "or promote the reviewed draft with `claimgraph drafts promote`"
        )


# Fewer claim files than this load too fast to need a progress bar.
PROGRESS_MIN_FILES = 20


@contextmanager
def loading_progress(
    description: str = "Reading claim files",
) -> Iterator[Callable[[int, int], None] | None]:
    """A ``progress(done, total)`` hook drawing a rich bar on a terminal, else None.

    The bar appears only when standard output is a terminal and there are at
    least :data:`PROGRESS_MIN_FILES` files, and vanishes when done.
    """
    if not sys.stdout.isatty():
        yield None
        return
    from rich.progress import Progress

    with Progress(transient=True) as bar:
        task = bar.add_task(description, total=None, visible=False)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total, visible=total >= PROGRESS_MIN_FILES)

        yield update
