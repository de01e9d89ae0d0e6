"""Reviewing drafts: list them, rematch their unknown speakers, promote them into the claims.

The review loop (see the README, "Reviewing drafts"):

1. ``claimgraph extract`` writes ``claims/drafts/*.yaml`` (``status: draft``),
   each speaker no party matched defined in the draft as ``unknown-...``;
2. a person edits the drafts and registers speakers in ``parties.yaml``;
3. :func:`rematch` points the claims at the registered parties and events,
   editing only the lines that change (a person's edits stay byte for byte);
4. :func:`promote` validates the draft with the claims folder and moves it
   there, atomically, without ``status: draft``; ``report`` then includes it.

Who a speaker is comes from :mod:`claimgraph.review.resolve` (the claims
folder's registry, later the actor catalogue). This module never prints:
each job returns what it did, and the CLI says it.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph.errors import InvalidInput, OutputError, UsageError
from claimgraph.extract.catalogue import Catalogue
from claimgraph.io.atomic import flush, write_temp
from claimgraph.io.files import read_at_most
from claimgraph.model import Corpus, Event, Party
from claimgraph.problems import Report
from claimgraph.review.edit import YamlEdit
from claimgraph.review.resolve import (
    UNKNOWN_SIDE,
    Match,
    PartySource,
    resolve,
    sources_for,
)

__all__ = [
    "DraftInfo",
    "claims_folder_of",
    "PromoteResult",
    "RematchResult",
    "drafts_in",
    "in_drafts_folder",
    "reviewed_in_place",
    "drafts_with_event",
    "list_drafts",
    "promote",
    "rematch",
]

DRAFT_STATUS = "draft"


def _is_unknown(party: Party) -> bool:
    return party.side == UNKNOWN_SIDE or party.id.startswith("unknown-")


def _read_bytes(path: Path) -> bytes:
    if not path.is_file():
        raise UsageError(f"{path}: not a file")
    return read_at_most(path)


def _parse(path: Path) -> tuple[bytes, object]:
    """The file's bytes and its :class:`~claimgraph.load.ClaimFile` (InvalidInput on errors)."""
    from claimgraph.load import read_claim_file

    data = _read_bytes(path)
    parsed, report = read_claim_file(path)
    if not report.valid:
        raise InvalidInput(report)
    return data, parsed


def drafts_in(claims_dir: Path) -> list[Path]:
    """Every draft claim file (YAML, ``status: draft``) under the folder, sorted."""
    from claimgraph.load import YAML_SUFFIXES, claim_files, read_claim_file

    found = []
    for path in claim_files(claims_dir):
        if path.name.endswith(YAML_SUFFIXES):
            parsed, _ = read_claim_file(path)
            if parsed.draft:
                found.append(path)
    return found


REGISTRY_FILES = ("parties.yaml", "events.yaml", "aspects.yaml")


def claims_folder_of(path: Path) -> Path | None:
    """The claims folder a claim file belongs to: the nearest folder above it with a registry.

    A draft in ``claims/drafts/`` belongs to ``claims/``; None when no folder
    above the file holds ``parties.yaml``, ``events.yaml`` or ``aspects.yaml``.
    """
    cwd = Path.cwd()
    for folder in path.absolute().parents:
        if any((folder / name).is_file() for name in REGISTRY_FILES):
            return Path(os.path.relpath(folder)) if folder.is_relative_to(cwd) else folder
    return None


DRAFTS_FOLDER = "drafts"


def in_drafts_folder(path: Path, claims_dir: Path) -> bool:
    """Whether ``path`` lies in ``claims_dir/drafts/`` (the folder git ignores)."""
    return path.resolve().is_relative_to((claims_dir / DRAFTS_FOLDER).resolve())


def reviewed_in_place(claims_dir: Path, files: Iterable[Path]) -> list[Path]:
    """Files read as claims (no longer drafts) that still lie in ``claims_dir/drafts/``.

    Reports use them, but git ignores ``claims/drafts/``: they would never be
    committed. ``drafts promote`` moves them into the claims folder.
    """
    return [p for p in files if in_drafts_folder(p, claims_dir)]


def _chosen(claims_dir: Path, paths: Sequence[Path]) -> list[Path]:
    if not claims_dir.is_dir():
        raise UsageError(f"{claims_dir}: no such claims folder")
    if not paths:
        return drafts_in(claims_dir)
    for path in paths:
        if not path.is_file():
            raise UsageError(f"{path}: no such draft")
    return list(paths)


def _registry(claims_dir: Path) -> tuple[Corpus, Report]:
    """The claims folder without drafts: what the drafts are matched against."""
    from claimgraph.load import read_corpus

    return read_corpus(claims_dir)


# ---------------------------------------------------------------------------
# list


@dataclass(slots=True)
class DraftInfo:
    """One draft at a glance: its claims, unknown speakers, events, and whether it validates."""

    path: Path
    claims: int
    unknown: list[tuple[str, str]]  # (party id, the speaker's words) still named by claims
    events: list[tuple[str, bool]]  # (event id, defined in the draft itself)
    problems: Report = field(default_factory=Report)  # the draft's, checked with the folder
    elsewhere: int = 0  # errors in other files of the folder

    @property
    def valid(self) -> bool:
        return self.problems.valid and not self.elsewhere


def list_drafts(claims_dir: Path, paths: Sequence[Path] = ()) -> list[DraftInfo]:
    """Each draft (every one under ``claims_dir``, or ``paths``) with what a reviewer needs."""
    from claimgraph.load import ClaimFile, read_claim_file, scan

    out = []
    for path in _chosen(claims_dir, paths):
        parsed, problems = read_claim_file(path)
        assert isinstance(parsed, ClaimFile)
        defined = {p.id: p for p in parsed.parties}
        named = list(dict.fromkeys(c.claim.party for c in parsed.claims))
        unknown = [(p, defined[p].name) for p in named if p in defined and _is_unknown(defined[p])]
        own = {e.id for e in parsed.events}
        events = [(e, e in own) for e in dict.fromkeys(c.claim.event for c in parsed.claims)]
        info = DraftInfo(path, len(parsed.claims), unknown, events)
        if not problems.valid:
            info.problems = problems
        else:
            loaded = scan(claims_dir, drafts=[path])
            mine = str(path)
            for p in loaded.report.problems:
                if p.path == mine:
                    info.problems.problems.append(p)
                elif p.severity == "error":
                    info.elsewhere += 1
        out.append(info)
    return out


def drafts_with_event(claims_dir: Path, event_id: str) -> list[Path]:
    """The drafts under ``claims_dir`` that define or name the event ``event_id``."""
    from claimgraph.load import ClaimFile, read_claim_file

    found = []
    for path in drafts_in(claims_dir):
        parsed, _ = read_claim_file(path)
        assert isinstance(parsed, ClaimFile)
        if any(e.id == event_id for e in parsed.events) or any(
            c.claim.event == event_id for c in parsed.claims
        ):
            found.append(path)
    return found


# ---------------------------------------------------------------------------
# rematch


@dataclass(slots=True)
class RematchResult:
    """What :func:`rematch` changed in one draft."""

    path: Path
    parties: dict[str, str] = field(default_factory=dict)  # unknown id -> party id
    events: dict[str, str] = field(default_factory=dict)  # draft event -> registered event
    dropped: list[str] = field(default_factory=list)  # definitions removed
    unknown: list[tuple[str, str]] = field(default_factory=list)  # (id, words) still unknown
    changed: bool = False


def _same_event(draft: Event, registered: Event, gazetteer: object) -> bool:
    """Dates overlap and the draft's place names the registered event (as ``extract`` decides)."""
    from claimgraph.extract.attribution import find_word
    from claimgraph.extract.events import Gazetteer

    assert isinstance(gazetteer, Gazetteer)
    lo, hi = draft.first_day, draft.date or draft.end or draft.start
    rlo, rhi = registered.first_day, registered.date or registered.end or registered.start
    if None in (lo, hi, rlo, rhi) or not draft.place:
        return False
    assert lo is not None and hi is not None and rlo is not None and rhi is not None
    if not (lo <= rhi and rlo <= hi):
        return False
    names = {draft.place.casefold(), *gazetteer.aliases(draft.place)}
    where = f"{registered.place} {registered.title}".casefold()
    return any(find_word(where, n) is not None for n in names)


def _gazetteer(claims_dir: Path) -> object:
    import yaml

    from claimgraph.extract.events import Gazetteer, load_gazetteer

    try:
        return load_gazetteer(claims_dir)
    except (OSError, ValueError, yaml.YAMLError):  # a broken gazetteer: the built-in one
        return Gazetteer.default()


def _catalogue(claims_dir: Path) -> Catalogue:
    """The actor catalogue the folder extends; a broken ``actors.yaml`` is a usage error."""
    from claimgraph.extract.catalogue import load_catalogue

    try:
        return load_catalogue(claims_dir)
    except (OSError, ValueError) as exc:
        raise UsageError(str(exc)) from exc


def _party_lines(party: Party) -> list[str]:
    """A party definition for a draft's ``parties:`` (a catalogue party the folder lacks)."""
    from claimgraph.io.yaml_write import dump

    record: dict[str, object] = {"name": party.name, "side": party.side, "kind": party.kind}
    if party.aliases:
        record["aliases"] = list(party.aliases)
    return ["  " + line for line in dump({party.id: record}).splitlines()]


def _plan_rematch(
    edit: YamlEdit,
    parsed: object,
    corpus: Corpus,
    sources: Sequence[PartySource],
    gazetteer: object,
    result: RematchResult,
) -> None:
    from claimgraph.load import ClaimFile

    assert isinstance(parsed, ClaimFile)
    root = edit.root
    parties_node = edit.get(root, "parties")
    defined = {p.id: p for p in parsed.parties}
    # 1. parties: each unknown speaker, resolved again
    matches: dict[str, Match] = {}
    for party in parsed.parties:
        if not _is_unknown(party):
            continue
        registered = corpus.parties.get(party.id)
        if registered is not None and registered.side != UNKNOWN_SIDE:
            matches[party.id] = Match(registered, party.id, "registry")
            continue
        for words in (party.name, *party.aliases):  # the speaker's words, every spelling
            found = resolve(words, sources)
            if found is not None and found.party.id != party.id:
                matches[party.id] = found
                break
    # 2. events: a draft event the folder now holds (same id, or same date and place)
    event_map: dict[str, str] = {}
    drop_events: set[str] = set()
    for event in parsed.events:
        if event.id in corpus.events:
            drop_events.add(event.id)
            continue
        for registered_event in corpus.events.values():
            if _same_event(event, registered_event, gazetteer):
                event_map[event.id] = registered_event.id
                drop_events.add(event.id)
                break
    # 3. point the claims at them, line by line
    used_parties: set[str] = set()
    used_events: set[str] = set()
    for item in edit.items(edit.get(root, "claims")):
        party_node = edit.get(item, "party")
        party_id = getattr(party_node, "value", None)
        if isinstance(party_id, str):
            if party_id in matches and matches[party_id].party.id != party_id:
                edit.replace(party_node, matches[party_id].party.id)
                result.parties[party_id] = matches[party_id].party.id
                party_id = matches[party_id].party.id
            used_parties.add(party_id)
        event_node = edit.get(item, "event")
        event_id = getattr(event_node, "value", None)
        if isinstance(event_id, str):
            if event_id in event_map:
                edit.replace(event_node, event_map[event_id])
                result.events[event_id] = event_map[event_id]
                event_id = event_map[event_id]
            used_events.add(event_id)
    # 4. definitions no claim needs any more; catalogue parties the draft must carry
    remaining: list[Party] = []
    written: set[str] = set(defined)
    for party in parsed.parties:
        if not _is_unknown(party):
            remaining.append(party)
            continue
        match = matches.get(party.id)
        if match is None and party.id in used_parties:
            remaining.append(party)
            result.unknown.append((party.id, party.name))
            continue
        if match is not None and not match.registered and match.party.id not in written:
            edit.insert_after_entry(parties_node, party.id, _party_lines(match.party))
            written.add(match.party.id)
            remaining.append(match.party)
        edit.delete_entry(parties_node, party.id, parent=root)
        result.dropped.append(party.id)
    events_node = edit.get(root, "events")
    for event_id in sorted(drop_events - used_events):
        edit.delete_entry(events_node, event_id, parent=root)
        result.dropped.append(event_id)
    _drop_unknown_side(edit, remaining, result)


def _drop_unknown_side(edit: YamlEdit, parties: Iterable[Party], result: RematchResult) -> None:
    """Remove ``sides: {unknown: ...}`` once no party of the draft has that side."""
    sides = edit.get(edit.root, "sides")
    if any(p.side == UNKNOWN_SIDE for p in parties):
        return
    if any(k.value == UNKNOWN_SIDE for k, _ in edit.entries(sides)):
        edit.delete_entry(sides, UNKNOWN_SIDE, parent=edit.root)
        result.dropped.append(f"side {UNKNOWN_SIDE}")


def _replace_file(path: Path, before: bytes, text: str) -> None:
    """Write ``text`` over ``path`` atomically, unless the file changed since it was read."""
    data = text.encode("utf-8")
    tmp = _write_temp(path.parent, path.name, data)
    try:
        if _read_bytes(path) != before:
            raise OutputError(f"{path}: changed while it was being edited; run again")
        with contextlib.suppress(OSError):
            os.chmod(tmp, path.stat().st_mode & 0o7777)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _write_temp(folder: Path, name: str, data: bytes) -> str:
    """A durable temporary file for ``folder/name`` (its mode set by the caller)."""
    tmp = write_temp(folder / name, data, mode=None)
    try:
        flush([tmp])
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def rematch(
    claims_dir: Path,
    paths: Sequence[Path] = (),
    *,
    sources: Sequence[PartySource] | None = None,
    dry_run: bool = False,
) -> tuple[list[RematchResult], Report]:
    """Resolve the drafts' ``unknown-*`` parties and new events again, against the folder.

    Each draft (every one under ``claims_dir``, or ``paths``) has its claims'
    ``party:`` and ``event:`` lines pointed at the registered party or event,
    and the definitions no longer used removed; nothing else in the file
    changes. ``sources`` default to :func:`~claimgraph.review.resolve.sources_for`
    the folder. Returns what changed per draft and the folder's own problems
    (the parties that load are used even when some do not).
    """
    chosen = _chosen(claims_dir, paths)
    corpus, problems = _registry(claims_dir)
    if sources is None:
        sources = sources_for(corpus, _catalogue(claims_dir))
    sources = list(sources)
    gazetteer = _gazetteer(claims_dir)
    results = []
    for path in chosen:
        data, parsed = _parse(path)
        edit = YamlEdit.read(data, str(path))
        result = RematchResult(path)
        _plan_rematch(edit, parsed, corpus, sources, gazetteer, result)
        if edit.changed and not dry_run:
            _replace_file(path, data, edit.text())
        result.changed = edit.changed
        results.append(result)
    return results, problems


# ---------------------------------------------------------------------------
# promote


@dataclass(slots=True)
class PromoteResult:
    """A promoted draft: where it was and where it is now."""

    draft: Path
    target: Path
    warnings: Report = field(default_factory=Report)


def _unknown_left(parsed: object) -> list[tuple[str, str]]:
    from claimgraph.load import ClaimFile

    assert isinstance(parsed, ClaimFile)
    defined = {p.id: p for p in parsed.parties}
    named = dict.fromkeys(c.claim.party for c in parsed.claims)
    return [(p, defined[p].name) for p in named if p in defined and _is_unknown(defined[p])]


def promote(draft: Path, claims_dir: Path, *, to: Path | None = None) -> PromoteResult:
    """Move a reviewed draft into the claims folder, without ``status: draft``.

    Refused (nothing changes) when the draft still names ``unknown-*``
    parties (:class:`UsageError`, listing them), when the draft together
    with the folder does not validate (:class:`InvalidInput`, every
    problem), or when a file of that name is already there
    (:class:`OutputError`). ``to`` (default ``claims_dir``) is the folder
    inside ``claims_dir`` the file goes to. The move is atomic: the new
    file appears whole (a hard link, which never replaces a file) and the
    draft is removed only then.
    """
    from claimgraph.load import ClaimFile, scan

    if not claims_dir.is_dir():
        raise UsageError(f"{claims_dir}: no such claims folder")
    folder = to if to is not None else claims_dir
    if not folder.resolve().is_relative_to(claims_dir.resolve()):
        raise UsageError(f"{folder}: not inside the claims folder {claims_dir}")
    if not draft.resolve().is_relative_to(claims_dir.resolve()):
        raise UsageError(
            f"{draft}: not inside the claims folder {claims_dir} (give the folder it was "
            "extracted for as --claims, or move it to claims/drafts/)"
        )
    data, parsed = _parse(draft)
    assert isinstance(parsed, ClaimFile)
    if not parsed.draft and not in_drafts_folder(draft, claims_dir):
        raise UsageError(f"{draft}: not a draft (its source has no `status: draft`)")
    left = _unknown_left(parsed)
    if left:
        names = ", ".join(f"{pid} ({words!r})" for pid, words in left)
        raise UsageError(
            f"{draft}: {len(left)} unknown part{'y' if len(left) == 1 else 'ies'} left: {names}; "
            "register them in parties.yaml and run `claimgraph drafts rematch`, "
            "or point the claims at a party"
        )
    loaded = scan(claims_dir, drafts=[draft])
    if not loaded.report.valid:
        raise InvalidInput(loaded.report)
    source = parsed.source
    assert source is not None
    root = claims_dir.resolve().parent
    if source.file and not (root / source.file).is_file():
        raise UsageError(
            f"{draft}: source file '{source.file}' is found only beside the draft; "
            f"write it relative to the project folder {root} first"
        )
    target = folder / draft.name
    if target.exists() or target.is_symlink():
        raise OutputError(f"{target}: already exists; not overwritten (rename the draft first)")
    edit = YamlEdit.read(data, str(draft))
    source_node = edit.get(edit.root, "source")
    if parsed.draft:
        edit.delete_entry(source_node, "status")
    # unknown definitions no claim names are not carried into the claims folder
    used = {c.claim.party for c in parsed.claims}
    kept = []
    for party in parsed.parties:
        if _is_unknown(party) and party.id not in used:
            edit.delete_entry(edit.get(edit.root, "parties"), party.id, parent=edit.root)
        else:
            kept.append(party)
    _drop_unknown_side(edit, kept, RematchResult(draft))
    result = PromoteResult(draft, target)
    result.warnings.problems.extend(p for p in loaded.report.warnings if p.path == str(draft))
    folder.mkdir(parents=True, exist_ok=True)
    tmp = _write_temp(folder, draft.name, edit.text().encode("utf-8"))
    try:
        if _read_bytes(draft) != data:
            raise OutputError(f"{draft}: changed while it was being promoted; run again")
        try:
            os.link(tmp, target)  # never over an existing file, even one that just appeared
        except FileExistsError as exc:
            raise OutputError(f"{target}: already exists; not overwritten") from exc
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    os.unlink(draft)
    return result
