"""``claimgraph eval extract``: measure extraction against the curated claims."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli import common
from claimgraph.errors import UsageError

eval_app = typer.Typer(
    name="eval",
    help="Measure the tool's automatic steps against hand-curated data.",
    no_args_is_help=True,
)

HELP = """Compare fresh drafts of the curated reports with their curated claims.

For every source in CLAIMS (default ./claims) whose `file` is a report (or
only the REPORTS given), extract a draft in memory and compare it with the
source's curated claims. A draft claim matches a curated one when both name
the same party and their quotes overlap in the report (one-to-one, same aspect
preferred). Prints precision and recall of attributed claims, and the accuracy
of aspect, stance and certainty on the matched pairs, per report and in total,
and how many drafts give a curated claim's speaker at its quote, matched or
not (a sentence's further aspects); then, with the drafts loaded as one folder
(as `report --include-drafts` would), the accuracy of values and events on the
matched pairs, events per report (drafted/curated), and, when `relations.yaml`
(`relations: [{a, b, type: contradicts|corroborates}]`) lies beside CLAIMS,
the share of those curated relations the drafts' comparison recovers (drafted
claims matched to curated ones by quote). --catalogue-only extracts as a new
user would, with the actor catalogue and no parties.yaml: a drafted party then
counts when it has the curated party's side and shares a name with it.
--verbose lists misses (-), extras (+) and disagreements (~).
"""


class Format(StrEnum):
    text = "text"
    json = "json"


def _row(name: str, f: dict[str, float | int]) -> str:
    events = f"{f['events_per_report']:.2f}/{f['curated_events_per_report']:.2f}"
    return (
        f"{name:<40} {f['drafts']:>6} {f['gold']:>5} {f['matched']:>7} "
        f"{f['precision']:>9.3f} {f['recall']:>6.3f} {f['aspect_accuracy']:>6.3f} "
        f"{f['stance_accuracy']:>6.3f} {f['certainty_accuracy']:>9.3f} "
        f"{f['value_accuracy']:>5.3f} {f['event_accuracy']:>5.3f} {events:>11}"
    )


@eval_app.command(name="extract", help=HELP)
def eval_extract(
    reports: Annotated[
        list[Path] | None,
        typer.Argument(help="Only these reports (default: every curated source's file)."),
    ] = None,
    claims: Annotated[
        Path,
        typer.Option("--claims", help="The curated claims folder (the gold standard)."),
    ] = Path("claims"),
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="List misses, extras and disagreements.")
    ] = False,
    format: Annotated[
        Format, typer.Option("--format", "-f", help="text (a table) or json.", case_sensitive=False)
    ] = Format.text,
    catalogue_only: Annotated[
        bool,
        typer.Option(
            "--catalogue-only",
            help="Resolve speakers with the actor catalogue only, not the folder's parties.",
        ),
    ] = False,
) -> None:
    """Precision and recall of extracted claims against the curated ones."""
    from claimgraph.evaluate import evaluate_extraction

    with common.handled():
        if not claims.is_dir():
            raise UsageError(f"{claims}: no such claims folder")
        result = evaluate_extraction(claims, reports or [], catalogue_only=catalogue_only)
    total = result.total
    if format is Format.json:
        doc = {
            "sources": {s.name: s.figures() for s in result.sources},
            "total": total.figures(),
            "relations": result.relation_figures(),
        }
        typer.echo(json.dumps(doc, indent=2))
        return
    typer.echo(
        f"{'report':<40} {'drafts':>6} {'gold':>5} {'matched':>7} {'precision':>9} "
        f"{'recall':>6} {'aspect':>6} {'stance':>6} {'certainty':>9} {'value':>5} "
        f"{'event':>5} {'events/rep.':>11}"
    )
    for s in result.sources:
        typer.echo(_row(s.name, s.figures()))
    figures = total.figures()
    typer.echo(_row("total", figures))
    typer.echo(
        f"drafts whose party said a curated claim at their quote (any aspect): "
        f"{figures['attributed']} of {figures['drafts']} ({figures['attributed_precision']:.3f})"
    )
    rel = result.relation_figures()
    if rel["relations"]:
        kinds = ", ".join(
            f"{k} {rel[k + '_recovered']} of {rel[k]}"
            for k in ("contradicts", "corroborates")
            if k in rel
        )
        typer.echo(
            f"relations recovered by the drafts' report: {rel['recovered']} of "
            f"{rel['relations']} ({rel['share']:.3f}; {kinds})"
        )
        if rel.get("corroborates_compatible"):
            typer.echo(
                f"curated corroborations the report shows as compatible answers instead "
                f"(not counted above): {rel['corroborates_compatible']}"
            )
    if verbose:
        for s in result.sources:
            typer.echo(f"\n{s.name}")
            for p in s.pairs:
                diffs = [
                    f"{a}: {getattr(p.draft, a)} (curated {getattr(p.gold, a)})"
                    for a in ("aspect", "stance", "certainty")
                    if getattr(p.draft, a) != getattr(p.gold, a)
                ]
                if diffs:
                    typer.echo(f"  ~ {p.gold.id}: {'; '.join(diffs)}")
            for g in s.missed:
                typer.echo(f"  - {g.id} ({g.party}, {g.aspect}): {g.quote[:70]}")
            for d in s.extra:
                typer.echo(f"  + {d.id} ({d.party}, {d.aspect}): {d.quote[:70]}")


def register(app: typer.Typer) -> None:
    """Add ``claimgraph eval`` (with ``eval extract``) to the app."""
    app.add_typer(eval_app)
