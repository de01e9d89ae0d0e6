"""``claimgraph extract``'s job: draft claim files from raw reports.

The set-up (the claims folder's registry, gazetteer and actor catalogue) is
:func:`extraction`; :func:`extract` reads each report through ``io.files``
(bounded, never a device or a pipe), drafts it, makes the drafts of the run and
of the folder agree on parties and events, and writes them. Nothing is
printed: the result says, report by report, what happened.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml

from claimgraph.errors import OutputError, UsageError

if TYPE_CHECKING:
    from claimgraph.extract import Draft, Extractor
    from claimgraph.problems import Report
    from claimgraph.review.resolve import PartySource

__all__ = ["DraftOutcome", "ExtractResult", "Extraction", "extract", "extraction"]

DEFAULT_CLAIMS = Path("claims")
DEFAULT_DRAFTS = Path("claims/drafts")


@dataclass(slots=True)
class Extraction:
    """What extraction resolves speakers and events against.

    ``problems`` is the claims folder's report (None when there is no folder);
    ``root`` is the folder the drafts' ``file:`` paths are relative to.
    """

    claims_dir: Path
    extractor: Extractor
    sources: list[PartySource]
    root: Path
    problems: Report | None = None


def extraction(
    parties: Path | None = None, *, read: Callable[[Path, Report], None] | None = None
) -> Extraction:
    """The set-up of an extraction: ``parties`` is the claims folder or its parties.yaml
    (default ./claims, used only if it exists). ``read(claims_dir, problems)`` is called
    once the folder is read, before its gazetteer and catalogue (a CLI warns there).
    UsageError for a given path that is not a claims folder, or a gazetteer or
    catalogue that does not load."""
    from claimgraph.extract import Extractor
    from claimgraph.extract.attribution import Registry
    from claimgraph.extract.catalogue import Catalogue, load_catalogue
    from claimgraph.extract.events import Gazetteer, load_gazetteer
    from claimgraph.load import read_corpus
    from claimgraph.model import Corpus
    from claimgraph.review.resolve import sources_for

    claims_dir = parties if parties is not None else DEFAULT_CLAIMS
    if claims_dir.is_file():
        claims_dir = claims_dir.parent
    gazetteer = Gazetteer.default()
    catalogue = Catalogue.default()
    if not claims_dir.is_dir():
        if parties is not None:
            raise UsageError(f"{parties}: not a claims folder")
        extractor = Extractor(Registry(), gazetteer=gazetteer, catalogue=catalogue)
        return Extraction(claims_dir, extractor, sources_for(Corpus(), catalogue), Path.cwd())
    corpus, problems = read_corpus(claims_dir)
    registry = Registry.from_corpus(corpus)
    if read is not None:
        read(claims_dir, problems)
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
    extractor = Extractor(registry, gazetteer=gazetteer, catalogue=catalogue)
    sources = sources_for(corpus, catalogue)
    return Extraction(claims_dir, extractor, sources, claims_dir.resolve().parent, problems)


@dataclass(slots=True)
class DraftOutcome:
    """One report's fate: its draft written to ``target``, or refused at a ``stage``
    (read, extract, write) with an ``error``. ``reachable``: the validator can find
    the report from the claims folder (to check the quotes)."""

    report: Path
    draft: Draft | None = None
    target: Path | None = None
    error: str | None = None
    stage: Literal["read", "extract", "write"] | None = None
    reachable: bool = True


@dataclass(slots=True)
class ExtractResult:
    """What :func:`extract` did, report by report, in the order it happened."""

    setup: Extraction
    reports: int
    outcomes: list[DraftOutcome] = field(default_factory=list)

    @property
    def written(self) -> list[DraftOutcome]:
        """The reports whose draft was written, in order."""
        return [o for o in self.outcomes if o.target is not None]

    @property
    def failed(self) -> int:
        """How many reports gave no draft."""
        return self.reports - len(self.written)

    @property
    def claims(self) -> int:
        """Claims in the drafts written."""
        return sum(len(o.draft.claims) for o in self.written if o.draft is not None)

    @property
    def matched(self) -> set[str]:
        """Parties the drafts written name."""
        return {p for o in self.written if o.draft is not None for p in o.draft.matched}

    @property
    def unmatched(self) -> list[str]:
        """Speakers no party matched, in order of first appearance."""
        found: list[str] = []
        for o in self.written:
            if o.draft is not None:
                found.extend(w for w in o.draft.unmatched if w not in found)
        return found

    @property
    def catalogued(self) -> set[str]:
        """Catalogue actors the drafts written define."""
        return {p for o in self.written if o.draft is not None for p in o.draft.from_catalogue}


def _root_relative(report: Path, root: Path, out_dir: Path) -> tuple[str, bool]:
    """The report's path as the draft records it, and whether the validator can find it."""
    path = report.resolve()
    for base in (root.resolve(), out_dir.resolve()):
        if path.is_relative_to(base):
            return os.path.relpath(path, base).replace(os.sep, "/"), True
    return path.as_posix(), False


def read_report(report: Path) -> str:
    """The report's text (bounded, a regular file, UTF-8 with or without a BOM);
    ValueError with the reason, ``path: message``, when it cannot be read."""
    from claimgraph.io.files import ReadRefused, read_regular

    try:
        return read_regular(report).decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValueError(f"{report}: not valid UTF-8 (byte offset {exc.start})") from exc
    except (ReadRefused, OSError) as exc:
        raise ValueError(f"{report}: {exc}") from exc


def extract(
    reports: Sequence[Path],
    claims_dir: Path | None = None,
    *,
    out: Path = DEFAULT_DRAFTS,
    force: bool = False,
    setup: Extraction | None = None,
) -> ExtractResult:
    """``claimgraph extract``: a draft claim file in ``out`` for each report.

    ``claims_dir`` (or its parties.yaml) resolves speakers and events, unless a
    ``setup`` from :func:`extraction` is given. A draft already in ``out`` is
    never replaced unless ``force``; such a report, and one that cannot be
    read, is an outcome with an error, and the others are still written.
    """
    from claimgraph.extract import write_draft
    from claimgraph.extract.merge import prior_definitions, unify_drafts

    if setup is None:
        setup = extraction(claims_dir)
    result = ExtractResult(setup, len(reports))
    done: list[DraftOutcome] = []
    for report in reports:
        try:
            text = read_report(report)
        except ValueError as exc:
            result.outcomes.append(DraftOutcome(report, error=str(exc), stage="read"))
            continue
        file, reachable = _root_relative(report, setup.root, out)
        draft = setup.extractor.extract(text, report, file=file)
        if (out / draft.name).resolve() == report.resolve():
            error = f"{report}: the draft would replace the report itself"
            result.outcomes.append(DraftOutcome(report, draft, error=error, stage="extract"))
            continue
        done.append(DraftOutcome(report, draft, reachable=reachable))
    # the drafts of this run and those already in the folder agree on parties and events
    drafts = [o.draft for o in done if o.draft is not None]
    prior_parties, prior_events = prior_definitions(out, {d.name for d in drafts})
    unify_drafts(drafts, prior_parties, prior_events)
    for outcome in done:
        assert outcome.draft is not None
        try:
            outcome.target = write_draft(outcome.draft, out, force=force)
        except OutputError as exc:
            outcome.error, outcome.stage = str(exc), "write"
        result.outcomes.append(outcome)
    return result
