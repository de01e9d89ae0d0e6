"""``claimgraph convert``: move a claims folder between YAML, CSV and JSON Lines."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli import common

# Fewer claim files than this load too fast to need a progress bar.
PROGRESS_MIN_FILES = 20

NoCacheOption = Annotated[
    bool,
    typer.Option(
        "--no-cache",
        help="Neither use nor fill the cache (.claimgraph-cache/ beside the claims folder).",
    ),
]


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


HELP = """Convert a claims folder to YAML, CSV or JSON Lines, losing no field.

Validates SRC first (a folder with errors is refused, with every problem).
Then writes into DEST, keeping the folder structure: each claim file's source
and claims become one CSV (one row per claim, source_* columns) or JSON Lines
file (a source line, then one line per claim), or one YAML file per source.
Parties, events, aspects and sides stay YAML. Existing files in DEST are never
overwritten unless --force; every file is written atomically.

Exit status: 0 done, 1 invalid input or a file in the way, 2 usage error.
"""


class Format(StrEnum):
    yaml = "yaml"
    csv = "csv"
    jsonl = "jsonl"


def convert(
    src: Annotated[Path, typer.Argument(help="The claims folder to read.", show_default=False)],
    dest: Annotated[
        Path, typer.Argument(help="The folder to write (outside SRC).", show_default=False)
    ],
    to: Annotated[
        Format,
        typer.Option("--to", "-t", help="The format to write the claims in.", case_sensitive=False),
    ],
    force: Annotated[
        bool, typer.Option("--force", help="Overwrite files that already exist in DEST.")
    ] = False,
    include_drafts: Annotated[
        bool,
        typer.Option(
            "--include-drafts",
            help="Also validate and convert draft claim files (copied unchanged by default).",
        ),
    ] = False,
    no_cache: NoCacheOption = False,
) -> None:
    from claimgraph.cache import Cache, cache_dir_for
    from claimgraph.convert import convert_corpus

    # Each claim file's parse is cached, written only if the conversion succeeds.
    cache = Cache(cache_dir_for(src), enabled=not no_cache, defer=True)
    with common.handled():
        with loading_progress() as progress:
            result = convert_corpus(
                src,
                dest,
                to.value,
                force=force,
                include_drafts=include_drafts,
                cache=cache,
                progress=progress,
            )
        cache.flush()
    typer.echo(
        f"{result.claims} claims from {result.sources} sources written as {to.value} "
        f"in {dest}: {len(result.written)} files converted, {len(result.copied)} copied"
    )


convert.__doc__ = HELP


def register(app: typer.Typer) -> None:
    """Add ``convert`` to the app."""
    app.command("convert", help=HELP)(convert)
