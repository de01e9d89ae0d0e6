"""``claimgraph convert``: move a claims folder between YAML, CSV and JSON Lines."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli import common

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
        Path,
        typer.Argument(
            help="The folder to write (outside SRC).",
            show_default=False,
            parser=common.output_path,
        ),
    ],
    to: Annotated[
        Format,
        typer.Option("--to", "-t", help="The format to write the claims in.", case_sensitive=False),
    ],
    force: common.Force = False,
    include_drafts: common.IncludeDrafts = False,
    no_cache: common.NoCache = False,
) -> None:
    from claimgraph import jobs
    from claimgraph.cache import Cache, cache_dir_for

    # Each claim file's parse is cached, written only if the conversion succeeds.
    cache = Cache(cache_dir_for(src), enabled=not no_cache, defer=True)
    with common.handled():
        with common.loading_progress() as progress:
            result = jobs.convert(
                src,
                dest,
                to.value,
                force=force,
                include_drafts=include_drafts,
                cache=cache,
                progress=progress,
            )
    for warning in result.unresolved:
        typer.echo(f"claimgraph: warning: {warning}", err=True)
    typer.echo(
        f"{result.claims} claims from {result.sources} sources written as {to.value} "
        f"in {dest}: {len(result.written)} files converted, {len(result.copied)} copied"
    )


convert.__doc__ = HELP


def register(app: typer.Typer) -> None:
    """Add ``convert`` to the app."""
    app.command("convert", help=HELP)(convert)
