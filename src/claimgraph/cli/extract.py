"""``claimgraph extract``: draft claim files from raw reports."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer

from claimgraph.cli import common

if TYPE_CHECKING:
    from claimgraph.problems import Report

HELP = """Write a draft claim file for each report, for a fact-checker to review.

Each REPORT (plain text) gives OUT/<report name>.yaml in the format
`claimgraph validate` reads, with `status: draft` on its source: who is
quoted (resolved to the parties of the claims folder through their names
and aliases), what they say (aspect, value, stance, certainty, evidence),
the verbatim quote, and the events (date and place) it is about. Speakers no
party matches are defined in the draft as `unknown-...` parties (side
`unknown`) and listed in the summary, so that they can be registered.

An existing file is never overwritten unless --force is given: the report is
refused with a message, the others are still processed, and the exit status
is 1. Exit status 0 when every draft was written, 2 on a usage error.
"""


def _n(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _print_snippets(unmatched: list[str], sources: list[Any], claims_dir: Path) -> None:
    """A parties.yaml entry for each unmatched speaker, with the nearest known parties."""
    from claimgraph.review.resolve import nearest, snippet

    target = claims_dir / "parties.yaml"
    typer.echo(
        f"register these speakers under `parties:` in {target} (or fix the drafts), "
        "then run `claimgraph drafts rematch` (your edits to the drafts are kept):"
    )
    taken = {p.id for source in sources for p in source.parties()}
    for words in unmatched:
        hints = nearest(words, sources)
        near = ", ".join(f"{h.party.id} ({h.party.name})" for h in hints) or "none"
        typer.echo(f"  # {words!r} — nearest: {near}")
        lines = snippet(words, hints, taken)
        taken.add(lines[-5].strip().rstrip(":"))  # the id line
        for line in lines:
            typer.echo(line)


def extract(
    reports: Annotated[
        list[Path],
        typer.Argument(
            help="Report text files to extract claims from.",
            metavar="REPORT...",
            exists=True,
            dir_okay=False,
            readable=True,
        ),
    ],
    out: Annotated[
        Path,
        typer.Option(
            "--out",
            "-o",
            help="Folder to write the drafts into (created if needed).",
            parser=common.output_path,
        ),
    ] = Path("claims/drafts"),
    parties: Annotated[
        Path | None,
        typer.Option(
            "--parties",
            help="The claims folder's parties.yaml (or the folder itself): its parties, "
            "aliases, aspects and events resolve speakers. Default: ./claims if it exists.",
            exists=True,
        ),
    ] = None,
    force: Annotated[
        bool,
        typer.Option("--force", help="Overwrite drafts that already exist."),
    ] = False,
) -> None:
    """Draft claim files from raw reports: who says what, with verbatim quotes."""
    from claimgraph import jobs

    def warn(claims_dir: Path, problems: Report) -> None:
        if not problems.valid:
            n = len(problems.errors)
            typer.echo(
                f"claimgraph: warning: {claims_dir} has {n} problem{'s' if n != 1 else ''} "
                "(run `claimgraph validate`); using the parties that load",
                err=True,
            )

    with common.handled():
        setup = jobs.extraction(parties, read=warn)
    result = jobs.extract(reports, out=out, force=force, setup=setup)
    for outcome in result.outcomes:
        if outcome.error is not None:
            prefix = "" if outcome.stage == "read" else "claimgraph: "
            typer.echo(f"{prefix}{outcome.error}", err=True)
            continue
        report, draft = outcome.report, outcome.draft
        assert draft is not None
        if not outcome.reachable:
            typer.echo(
                f"{report}: warning: outside {setup.root}; the validator cannot check the quotes",
                err=True,
            )
        line = (
            f"{report} -> {outcome.target}: {_n(len(draft.claims), 'claim')}, "
            f"{_n(len(draft.matched), 'party', 'parties')} matched"
        )
        if draft.unmatched:
            line += f", unmatched: {', '.join(repr(w) for w in draft.unmatched)}"
        typer.echo(line)
    unmatched = result.unmatched
    summary = (
        f"extract: {len(result.written)} of {len(reports)} drafts written, "
        f"{_n(result.claims, 'claim')}, "
        f"{_n(len(result.matched), 'party', 'parties')} matched, "
        f"{_n(len(unmatched), 'speaker')} unmatched"
    )
    typer.echo(summary)
    if result.catalogued:
        typer.echo(
            "from the actor catalogue, defined in the drafts (confirm their sides): "
            + ", ".join(sorted(result.catalogued))
        )
    if unmatched:
        _print_snippets(unmatched, setup.sources, setup.claims_dir)
    if result.failed:
        raise typer.Exit(1)


extract.__doc__ = HELP


def register(app: typer.Typer) -> None:
    """Add ``claimgraph extract`` to the app."""
    app.command(name="extract", help=HELP)(extract)
