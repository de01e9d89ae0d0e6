"""``claimgraph events|claims|parties`` tables and ``claimgraph export graph``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimgraph.cli import common

if TYPE_CHECKING:
    from claimgraph.jobs import TableKind


class TableFormat(StrEnum):
    table = "table"
    csv = "csv"
    json = "json"


class GraphFormat(StrEnum):
    graphml = "graphml"
    gexf = "gexf"
    json = "json"


FormatOption = Annotated[
    TableFormat,
    typer.Option(
        "--format",
        "-f",
        help="table: readable columns for the terminal; csv or json: every column, "
        "machine-readable, on standard output.",
        case_sensitive=False,
    ),
]


def _table(
    claims_dir: Path,
    include_drafts: bool,
    kind: TableKind,
    format: TableFormat,
    **filters: str | None,
) -> None:
    from claimgraph import jobs

    with common.handled():
        assessment = jobs.assess_folder(claims_dir, include_drafts=include_drafts)
        text = jobs.table(assessment, kind, format.value, **filters)
    (common.echo_table if format is TableFormat.table else common.echo_data)(text)


def events(
    claims_dir: common.ClaimsDir = Path("claims"),
    format: FormatOption = TableFormat.table,
    include_drafts: common.IncludeDrafts = False,
) -> None:
    """List events with their status and counts of claims, contradictions and corroborations."""
    _table(claims_dir, include_drafts, "events", format)


def claims(
    claims_dir: common.ClaimsDir = Path("claims"),
    event: Annotated[
        str | None, typer.Option("--event", help="Only this event's claims.", show_default=False)
    ] = None,
    party: Annotated[
        str | None, typer.Option("--party", help="Only this party's claims.", show_default=False)
    ] = None,
    aspect: Annotated[
        str | None,
        typer.Option("--aspect", help="Only claims answering this aspect.", show_default=False),
    ] = None,
    format: FormatOption = TableFormat.table,
    include_drafts: common.IncludeDrafts = False,
) -> None:
    """List claims with their question's status and the claims they contradict or corroborate."""
    _table(claims_dir, include_drafts, "claims", format, event=event, party=party, aspect=aspect)


def parties(
    claims_dir: common.ClaimsDir = Path("claims"),
    format: FormatOption = TableFormat.table,
    include_drafts: common.IncludeDrafts = False,
) -> None:
    """List parties with their track record: contradicted or corroborated by another side."""
    _table(claims_dir, include_drafts, "parties", format)


def graph(
    output: Annotated[
        Path,
        typer.Option(
            "--output",
            "-o",
            help="The file to write.",
            show_default=False,
            parser=common.output_path,
        ),
    ],
    claims_dir: common.ClaimsDir = Path("claims"),
    format: Annotated[
        GraphFormat,
        typer.Option(
            "--format",
            "-f",
            help="graphml or gexf (networkx's writers), or json (node-link data).",
            case_sensitive=False,
        ),
    ] = GraphFormat.graphml,
    include_drafts: common.IncludeDrafts = False,
    force: common.Force = False,
) -> None:
    """Write the claim graph (parties, sources, events, questions, positions, claims).

    An existing file is replaced only if claimgraph wrote it and nobody edited
    it since (see .claimgraph-manifest.json next to it), unless --force.
    """
    from claimgraph import jobs

    with common.handled():
        assessment = jobs.assess_folder(claims_dir, include_drafts=include_drafts)
        result = jobs.export_graph(assessment, output, format.value, force=force)
        typer.echo(
            f"{'wrote' if result.changed else 'unchanged'} {output}: "
            f"{result.nodes} nodes, {result.edges} edges",
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Add ``events``, ``claims``, ``parties`` to the app and ``graph`` to ``claimgraph export``."""
    app.command("events")(events)
    app.command("claims")(claims)
    app.command("parties")(parties)
    common.export_app.command("graph")(graph)
