"""``claimgraph extract``: draft claim files from raw reports."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
import yaml

if TYPE_CHECKING:
    from claimgraph.extract import Draft

from claimgraph.cli import common
from claimgraph.errors import OutputError, UsageError

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


def _root_relative(report: Path, root: Path, out_dir: Path) -> tuple[str, bool]:
    """The report's path as the draft records it, and whether the validator can find it."""
    path = report.resolve()
    for base in (root.resolve(), out_dir.resolve()):
        if path.is_relative_to(base):
            return os.path.relpath(path, base).replace(os.sep, "/"), True
    return path.as_posix(), False


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


def _read_report(report: Path) -> str | None:
    """The report's text, or None after a message saying why it is not read."""
    from claimgraph.io.files import ReadRefused, read_regular

    try:
        return read_regular(report).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        typer.echo(f"{report}: not valid UTF-8 (byte offset {exc.start})", err=True)
    except ReadRefused as exc:
        typer.echo(f"{report}: {exc}", err=True)
    except OSError as exc:
        typer.echo(f"{report}: {exc}", err=True)
    return None


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
    from claimgraph.extract import Extractor, write_draft
    from claimgraph.extract.attribution import Registry
    from claimgraph.extract.catalogue import Catalogue, load_catalogue
    from claimgraph.extract.events import Gazetteer, load_gazetteer
    from claimgraph.extract.merge import prior_definitions, unify_drafts
    from claimgraph.load import read_corpus
    from claimgraph.model import Corpus
    from claimgraph.review.resolve import PartySource, sources_for

    sources: list[PartySource]

    with common.handled():
        claims_dir = parties if parties is not None else Path("claims")
        if claims_dir.is_file():
            claims_dir = claims_dir.parent
        gazetteer = Gazetteer.default()
        catalogue = Catalogue.default()
        if claims_dir.is_dir():
            corpus, problems = read_corpus(claims_dir)
            registry = Registry.from_corpus(corpus)
            if not problems.valid:
                n = len(problems.errors)
                typer.echo(
                    f"claimgraph: warning: {claims_dir} has {n} problem{'s' if n != 1 else ''} "
                    "(run `claimgraph validate`); using the parties that load",
                    err=True,
                )
            try:
                gazetteer = load_gazetteer(claims_dir)
            except (OSError, ValueError, yaml.YAMLError) as exc:
                shown = str(claims_dir / "gazetteer.yaml")
                msg = str(exc)
                raise UsageError(msg if msg.startswith(shown) else f"{shown}: {msg}") from exc
            try:
                catalogue = load_catalogue(claims_dir)
            except (OSError, ValueError) as exc:
                raise UsageError(str(exc)) from exc
            sources = sources_for(corpus, catalogue)
            root = claims_dir.resolve().parent
        else:
            if parties is not None:
                raise UsageError(f"{parties}: not a claims folder")
            registry = Registry()
            sources = sources_for(Corpus(), catalogue)
            root = Path.cwd()
        extractor = Extractor(registry, gazetteer=gazetteer, catalogue=catalogue)

    failed = 0
    total_claims = 0
    matched: set[str] = set()
    unmatched: list[str] = []
    catalogued: set[str] = set()
    done: list[tuple[Path, Draft, bool]] = []
    for report in reports:
        text = _read_report(report)
        if text is None:
            failed += 1
            continue
        file, reachable = _root_relative(report, root, out)
        draft = extractor.extract(text, report, file=file)
        if (out / draft.name).resolve() == report.resolve():
            typer.echo(f"claimgraph: {report}: the draft would replace the report itself", err=True)
            failed += 1
            continue
        done.append((report, draft, reachable))
    # the drafts of this run and those already in the folder agree on parties and events
    prior_parties, prior_events = prior_definitions(out, {d.name for _, d, _ in done})
    unify_drafts([d for _, d, _ in done], prior_parties, prior_events)
    for report, draft, reachable in done:
        try:
            target = write_draft(draft, out, force=force)
        except OutputError as exc:
            typer.echo(f"claimgraph: {exc}", err=True)
            failed += 1
            continue
        if not reachable:
            typer.echo(
                f"{report}: warning: outside {root}; the validator cannot check the quotes",
                err=True,
            )
        total_claims += len(draft.claims)
        matched.update(draft.matched)
        catalogued.update(draft.from_catalogue)
        unmatched.extend(w for w in draft.unmatched if w not in unmatched)
        line = (
            f"{report} -> {target}: {_n(len(draft.claims), 'claim')}, "
            f"{_n(len(draft.matched), 'party', 'parties')} matched"
        )
        if draft.unmatched:
            line += f", unmatched: {', '.join(repr(w) for w in draft.unmatched)}"
        typer.echo(line)
    written = len(reports) - failed
    summary = (
        f"extract: {written} of {len(reports)} drafts written, {_n(total_claims, 'claim')}, "
        f"{_n(len(matched), 'party', 'parties')} matched, "
        f"{_n(len(unmatched), 'speaker')} unmatched"
    )
    typer.echo(summary)
    if catalogued:
        typer.echo(
            "from the actor catalogue, defined in the drafts (confirm their sides): "
            + ", ".join(sorted(catalogued))
        )
    if unmatched:
        _print_snippets(unmatched, sources, claims_dir)
    if failed:
        raise typer.Exit(1)


extract.__doc__ = HELP


def register(app: typer.Typer) -> None:
    """Add ``claimgraph extract`` to the app."""
    app.command(name="extract", help=HELP)(extract)
