"""``claimgraph validate``: check a claims folder and report every problem."""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli import common
from claimgraph.errors import UsageError


class ProblemFormat(StrEnum):
    text = "text"
    json = "json"


HELP = """Check a claims folder and report every problem found.

Reads every YAML file under CLAIMS_DIR (default ./claims): parties, events,
aspects, sources and claims. Checks YAML syntax, missing, mistyped and
unknown fields, unknown party, event, aspect and linked-claim ids (with a
"did you mean"), duplicate ids, values that do not fit their aspect (an
unparseable count, an unknown category), invalid dates, bad stances,
certainties and evidence, links that make no sense, and that every quote
occurs verbatim in its source's text file.

Problems go to standard error as `path:line:column: message`, in file order;
a one-line summary goes to standard output. Exit status: 0 when there is no
error (warnings allowed), 1 when there is any error, 2 on a usage error.
"""


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def validate(
    claims_dir: common.ClaimsDir = Path("claims"),
    include_drafts: common.IncludeDrafts = False,
    format: Annotated[
        ProblemFormat,
        typer.Option(
            "--format",
            "-f",
            help="text: problems on stderr, summary on stdout; json: one JSON object "
            "(summary and problems) on stdout.",
            case_sensitive=False,
        ),
    ] = ProblemFormat.text,
    no_cache: common.NoCache = False,
) -> None:
    """Check a claims folder: every problem with its file, line and column."""
    from claimgraph import jobs
    from claimgraph.cache import Cache, cache_dir_for

    with common.handled():
        if claims_dir.is_file():
            _validate_file(claims_dir, include_drafts, format)
            return
        if not claims_dir.is_dir():  # before any progress bar (jobs.validate checks too)
            raise UsageError(f"{claims_dir}: no such claims folder")
        # Each claim file's parse is cached; written only when the folder is valid.
        cache = Cache(cache_dir_for(claims_dir), enabled=not no_cache, defer=True)
        with common.loading_progress() as progress:
            result = jobs.validate(
                claims_dir, include_drafts=include_drafts, cache=cache, progress=progress
            )
    report, counts = result.report, result.counts
    if format is ProblemFormat.json:
        document = {
            "folder": str(claims_dir),
            "valid": report.valid,
            **counts,
            "problems": [p.to_dict() for p in report.sorted()],
        }
        common.echo_data(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        common.print_report(report)
        files = _plural(counts["files"], "file")
        if counts["drafts_skipped"]:
            files += f" ({_plural(counts['drafts_skipped'], 'draft')} skipped)"
        verdict = "valid" if report.valid else _plural(counts["errors"], "problem")
        if counts["warnings"]:
            verdict += f", {_plural(counts['warnings'], 'warning')}"
        parties = f"{counts['parties']} {'party' if counts['parties'] == 1 else 'parties'}"
        common.echo_table(
            f"{claims_dir}: {files}, {parties}, {_plural(counts['events'], 'event')}, "
            f"{_plural(counts['sources'], 'source')}, {_plural(counts['claims'], 'claim')}"
            f" — {verdict}\n"
        )
    if not report.valid:
        raise typer.Exit(1)


def _validate_file(file: Path, include_drafts: bool, format: ProblemFormat) -> None:
    """One claim file, checked within its claims folder; only its own problems are shown."""
    from claimgraph import jobs

    result = jobs.validate_file(file, include_drafts=include_drafts)
    folder, errors, warnings = result.folder, result.errors, result.warnings
    if format is ProblemFormat.json:
        document = {
            "file": str(file),
            "folder": str(folder),
            "valid": result.valid,
            "errors": errors,
            "warnings": warnings,
            "errors_elsewhere": result.errors_elsewhere,
            "problems": [p.to_dict() for p in result.problems],
        }
        typer.echo(json.dumps(document, ensure_ascii=False, indent=2))
    else:
        for problem in result.problems:
            typer.echo(str(problem), err=True)
        verdict = "valid" if result.valid else _plural(errors, "problem")
        if warnings:
            verdict += f", {_plural(warnings, 'warning')}"
        if result.errors_elsewhere:
            verdict += (
                f" ({_plural(result.errors_elsewhere, 'problem')} in other files: "
                f"`claimgraph validate {folder}`)"
            )
        typer.echo(f"{file}: checked within {folder} — {verdict}")
    if not result.valid:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``validate`` to the app."""
    app.command("validate", help=HELP)(validate)
