"""``claimgraph events|claims|parties`` tables and ``claimgraph export graph``."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from claimgraph.cli import common
from claimgraph.errors import UsageError

if TYPE_CHECKING:
    from claimgraph.analysis.assess import Assessment


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


def _assess(claims_dir: Path, include_drafts: bool) -> Assessment:
    from claimgraph.analysis.assess import assess
    from claimgraph.load import load_corpus

    if not claims_dir.is_dir():
        raise UsageError(f"{claims_dir}: no such claims folder")
    return assess(load_corpus(claims_dir, include_drafts=include_drafts))


def _echo(text: str, format: TableFormat) -> None:
    (common.echo_table if format is TableFormat.table else common.echo_data)(text)


def events(
    claims_dir: common.ClaimsDir = Path("claims"),
    format: FormatOption = TableFormat.table,
    include_drafts: common.IncludeDrafts = False,
) -> None:
    """List events with their status and counts of claims, contradictions and corroborations."""
    from claimgraph.views.frames import events_frame, render_frame

    with common.handled():
        frame = events_frame(_assess(claims_dir, include_drafts))
        _echo(render_frame(frame, format.value, "events"), format)


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
    from claimgraph.review.resolve import aspect_named, party_named
    from claimgraph.views.frames import claims_frame, render_frame

    with common.handled():
        assessment = _assess(claims_dir, include_drafts)
        corpus = assessment.corpus
        if party is not None:
            party = party_named(party, corpus.parties.values())
        if aspect is not None:
            aspect = aspect_named(aspect, corpus.aspects.values())
        frame = claims_frame(assessment, event=event, party=party, aspect=aspect)
        _echo(render_frame(frame, format.value, "claims"), format)


def parties(
    claims_dir: common.ClaimsDir = Path("claims"),
    format: FormatOption = TableFormat.table,
    include_drafts: common.IncludeDrafts = False,
) -> None:
    """List parties with their track record: contradicted or corroborated by another side."""
    from claimgraph.views.frames import parties_frame, render_frame

    with common.handled():
        frame = parties_frame(_assess(claims_dir, include_drafts))
        _echo(render_frame(frame, format.value, "parties"), format)


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
    from claimgraph.views.graph import write_graph

    with common.handled():
        assessment = _assess(claims_dir, include_drafts)
        G = assessment.graph
        changed = write_graph(G, output, format.value, force=force)
        typer.echo(
            f"{'wrote' if changed else 'unchanged'} {output}: "
            f"{G.number_of_nodes()} nodes, {G.number_of_edges()} edges",
            err=True,
        )


def register(app: typer.Typer) -> None:
    """Add ``events``, ``claims``, ``parties`` to the app and ``graph`` to ``claimgraph export``."""
    app.command("events")(events)
    app.command("claims")(claims)
    app.command("parties")(parties)
    common.export_app.command("graph")(graph)
