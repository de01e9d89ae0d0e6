"""``claimgraph drafts list|rematch|promote``: the review of extracted drafts."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from claimgraph.cli import common
from claimgraph.errors import ClaimgraphError, UsageError

drafts_app = typer.Typer(
    name="drafts",
    help=(
        "Review extracted drafts: list them, rematch their unknown speakers and events "
        "against the claims folder, promote reviewed drafts into it."
    ),
    no_args_is_help=True,
)

DraftsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        help="Draft files (default: every draft under the claims folder).",
        metavar="DRAFT",
        show_default=False,
    ),
]
ClaimsOption = Annotated[
    Path | None,
    typer.Option(
        "--claims",
        "-c",
        help="The claims folder (default: the folder above the drafts that holds "
        "parties.yaml, else ./claims).",
        show_default=False,
    ),
]


def _n(n: int, word: str, plural: str = "") -> str:
    return f"{n} {word if n == 1 else plural or word + 's'}"


def _claims_dir(claims: Path | None, drafts: list[Path]) -> Path:
    from claimgraph.review import claims_folder_of

    if claims is not None:
        return claims
    for draft in drafts:
        found = claims_folder_of(draft)
        if found is not None:
            return found
    return Path("claims")


def _warn_folder(claims_dir: Path, errors: int) -> None:
    if errors:
        typer.echo(
            f"claimgraph: warning: {claims_dir} has {_n(errors, 'problem')} "
            "(run `claimgraph validate`); using the parties and events that load",
            err=True,
        )


def list_(drafts: DraftsArg = None, claims: ClaimsOption = None) -> None:
    """Show each draft: its claims, unknown speakers, events, and whether it validates.

    A draft is checked together with the claims folder (as `drafts promote`
    would check it). Exit status 0 even when some drafts do not validate.
    """
    from claimgraph.load import claim_files
    from claimgraph.review import list_drafts, reviewed_in_place

    with common.handled():
        paths = list(drafts or [])
        claims_dir = _claims_dir(claims, paths)
        infos = list_drafts(claims_dir, paths)
        listed = {i.path.resolve() for i in infos}
        in_place = [] if paths else reviewed_in_place(claims_dir, claim_files(claims_dir))
        in_place = [p for p in in_place if p.resolve() not in listed]
    ready = 0
    for info in infos:
        errors = len(info.problems.errors)
        if errors:
            verdict = f"{_n(errors, 'problem')} (see `claimgraph validate --include-drafts`)"
        elif info.elsewhere:
            verdict = f"valid, but {claims_dir} has {_n(info.elsewhere, 'problem')} elsewhere"
        else:
            verdict = "valid"
        if info.unknown:
            verdict += f", {_n(len(info.unknown), 'unknown speaker')}"
        elif info.valid:
            verdict += ", ready to promote"
            ready += 1
        typer.echo(f"{info.path}: {_n(info.claims, 'claim')} — {verdict}")
        for party, words in info.unknown:
            typer.echo(f"  unknown speaker: {words!r} ({party})")
        if info.events:
            events = ", ".join(e + (" (new)" if own else "") for e, own in info.events)
            typer.echo(f"  events: {events}")
    for path in in_place:
        typer.echo(
            f"{path}: no longer a draft, but in drafts/, which git ignores: "
            f"`claimgraph drafts promote {path}`"
        )
    unknown = sum(len(i.unknown) for i in infos)
    typer.echo(
        f"drafts: {_n(len(infos), 'draft')} in {claims_dir}, "
        f"{_n(sum(i.claims for i in infos), 'claim')}, {_n(unknown, 'unknown speaker')}, "
        f"{ready} ready to promote"
    )


def rematch(
    drafts: DraftsArg = None,
    claims: ClaimsOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would change; write nothing.")
    ] = False,
) -> None:
    """Resolve the drafts' unknown-* speakers and new events again, keeping every edit.

    Each unknown-* party is looked up again by its name in the claims
    folder's parties (names and aliases); claims are pointed at the party
    found and the unknown definitions no longer used are removed. A draft
    event that the claims folder now holds (the same id, or the same dates
    and place) is replaced by it. Only the lines naming the changed ids, and
    the definitions removed, change: quotes, values, notes and comments stay
    byte for byte.
    """
    from claimgraph.review import rematch as rematch_drafts

    with common.handled():
        paths = list(drafts or [])
        claims_dir = _claims_dir(claims, paths)
        results, problems = rematch_drafts(claims_dir, paths, dry_run=dry_run)
    _warn_folder(claims_dir, len(problems.errors))
    resolved = still = changed = 0
    for r in results:
        parts = [f"{old} -> {new}" for old, new in {**r.parties, **r.events}.items()]
        if r.dropped:
            parts.append(f"{_n(len(r.dropped), 'definition')} removed")
        line = f"{r.path}: " + ("; ".join(parts) if parts else "unchanged")
        for pid, words in r.unknown:
            line += f"; still unknown: {words!r} ({pid})"
        typer.echo(line)
        resolved += len(r.parties)
        still += len(r.unknown)
        changed += r.changed
    verb = "would change" if dry_run else "changed"
    typer.echo(
        f"rematch: {changed} of {_n(len(results), 'draft')} {verb}, "
        f"{_n(resolved, 'speaker')} resolved, {still} still unknown"
    )
    if still:
        typer.echo(
            "register them in parties.yaml (`claimgraph extract` prints a snippet) "
            "and run `claimgraph drafts rematch` again"
        )


def promote(
    drafts: Annotated[
        list[Path],
        typer.Argument(help="Reviewed draft files.", metavar="DRAFT", show_default=False),
    ],
    claims: ClaimsOption = None,
    to: Annotated[
        Path | None,
        typer.Option(
            "--to",
            help="The folder inside the claims folder to move them to (default: the claims "
            "folder itself).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Move reviewed drafts into the claims folder, so that `report` includes them.

    Each DRAFT is validated together with the claims folder; it is refused
    while it names unknown-* parties (listed), has any problem, or a file of
    its name is already there. Otherwise `status: draft` is removed and the
    file moves out of drafts/ into the claims folder, atomically (never over
    an existing file). Commit the promoted file: claims/drafts/ is not in git.
    Exit status 0 when every draft was promoted, 1 otherwise.
    """
    from claimgraph.review import promote as promote_draft

    failed = 0
    for draft in drafts:
        claims_dir = _claims_dir(claims, [draft])
        try:
            if not draft.is_file():
                raise UsageError(f"{draft}: no such draft")
            result = promote_draft(draft, claims_dir, to=to)
        except ClaimgraphError as exc:
            common.say_error(exc)
            failed += 1
            continue
        common.print_report(result.warnings)
        typer.echo(f"{result.draft} -> {result.target}")
    promoted = len(drafts) - failed
    typer.echo(f"promote: {promoted} of {_n(len(drafts), 'draft')} promoted")
    if promoted:
        typer.echo("run `claimgraph report`, and commit the promoted files")
    if failed:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    """Add ``claimgraph drafts`` (list, rematch, promote) to the app."""
    drafts_app.command("list")(list_)
    drafts_app.command("rematch")(rematch)
    drafts_app.command("promote")(promote)
    app.add_typer(drafts_app)
