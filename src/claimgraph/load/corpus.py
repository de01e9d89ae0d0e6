"""A claims folder into a Corpus: every file read, merged, references resolved, checked.

Cross references (parties, events, aspects, linked claims) are resolved after
every file is read, so their order does not matter.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from claimgraph import bulk, checks, collector
from claimgraph.cache import Cache, project_root
from claimgraph.checks import FieldReader, Places
from claimgraph.errors import InvalidInput
from claimgraph.io.walk import files_under
from claimgraph.load.aspects import builtin_aspects, builtin_sides, merge_aspect
from claimgraph.load.claimfile import internal_error, read_bulk_file, read_claim_files
from claimgraph.load.records import ClaimFile, PendingClaim
from claimgraph.load.sources import read_source_texts
from claimgraph.load.values import typed_value, value_hint
from claimgraph.model import (
    AspectType,
    Corpus,
    Event,
    Location,
    Party,
    Stance,
)
from claimgraph.problems import ProblemType, Report, suggest

YAML_SUFFIXES = (".yaml", ".yml")


@dataclass(slots=True)
class Loaded:
    """The result of reading a folder: the corpus, the problems and what was read."""

    corpus: Corpus
    report: Report
    files: list[Path] = field(default_factory=list)
    drafts_skipped: list[Path] = field(default_factory=list)
    drafts_read: list[Path] = field(default_factory=list)  # drafts among ``files``


def claim_files(claims_dir: Path) -> list[Path]:
    """Every ``*.yaml``/``*.yml``/``*.csv``/``*.jsonl`` under the folder, sorted; hidden files
    and folders are skipped."""
    return files_under(claims_dir, YAML_SUFFIXES + bulk.BULK_SUFFIXES)


def _text_aspects(corpus: Corpus, parsed: Iterable[ClaimFile]) -> frozenset[str]:
    """Aspects whose values are free text: built-in ones and those the files declare."""
    out = {a.id for a in corpus.aspects.values() if a.type is AspectType.TEXT}
    for f in parsed:
        for aspect_id, item in f.aspects:
            kind = item.value.get("type") if isinstance(item.value, dict) else None
            if kind is not None and kind.value == AspectType.TEXT.value:
                out.add(aspect_id)
    return frozenset(out)


def scan(
    claims_dir: Path,
    *,
    include_drafts: bool = False,
    root: Path | None = None,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
    drafts: Iterable[Path] = (),
) -> Loaded:
    """Read a claims folder: the corpus, every problem, and the files read and skipped.

    ``cache`` keeps each file's parse by content (see :mod:`claimgraph.cache`);
    ``progress(done, total)`` is called after each file is read. ``drafts``
    names draft files read even without ``include_drafts`` (a draft checked
    with its folder before it is promoted).

    Python's cyclic garbage collector is paused while reading: loading makes
    millions of small objects and no cycles, and the collector's repeated
    passes over them cost as much as the reading itself at 100,000 claims.
    """
    with collector.paused():
        return _scan(
            claims_dir,
            include_drafts=include_drafts,
            root=root,
            cache=cache,
            progress=progress,
            drafts=frozenset(p.resolve() for p in drafts),
        )


def _scan(
    claims_dir: Path,
    *,
    include_drafts: bool,
    root: Path | None,
    cache: Cache | None,
    progress: Callable[[int, int], None] | None,
    drafts: frozenset[Path] = frozenset(),
) -> Loaded:
    report = Report()
    corpus = Corpus(sides=builtin_sides(), aspects=builtin_aspects())
    loaded = Loaded(corpus, report)
    if not claims_dir.is_dir():
        report.add("missing-folder", "claims folder not found", str(claims_dir))
        return loaded
    root = root if root is not None else project_root(claims_dir)
    files: list[tuple[Path, ClaimFile]] = []
    paths = claim_files(claims_dir)
    read: dict[Path, list[tuple[ClaimFile, Report]]] = {}

    def done() -> None:
        if progress is not None:
            progress(len(read), len(paths))

    # YAML first: the aspects they declare decide which CSV values are free text.
    yaml_paths = [p for p in paths if not p.name.endswith(bulk.BULK_SUFFIXES)]
    parsed_yaml = 0

    def parsed_one() -> None:
        nonlocal parsed_yaml
        parsed_yaml += 1
        if progress is not None:
            progress(parsed_yaml, len(paths))

    # In order; a big folder's files parsed in a pool of processes (read_claim_files).
    yaml_read = read_claim_files(yaml_paths, cache=cache, each=parsed_one)
    for path, one in zip(yaml_paths, yaml_read, strict=True):
        read[path] = [one]
    text_aspects = _text_aspects(corpus, [f for got in read.values() for f, _ in got])
    for path in paths:
        if path.name.endswith(bulk.BULK_SUFFIXES):
            read[path] = read_bulk_file(path, text_aspects=text_aspects, cache=cache)
            done()
    for path in paths:
        for parsed, problems in read.pop(path):
            if parsed.draft and not include_drafts and path.resolve() not in drafts:
                loaded.drafts_skipped.append(path)
                continue
            if not loaded.files or loaded.files[-1] != path:
                loaded.files.append(path)
                if parsed.draft:
                    loaded.drafts_read.append(path)
            report.extend(problems)
            files.append((path, parsed))
    unusable: set[str] = set()
    try:
        _build(corpus, files, report, unusable)
        places = Places()
        for _, parsed in files:
            places.update(parsed.places)
        texts = read_source_texts(corpus, files, root, report)
        checks.check_corpus(corpus, report, places)
        checks.check_links(corpus, places, report, unusable)
        checks.check_quotes(corpus, texts, places, report)
    except Exception as exc:  # a bug must not become a traceback: report it
        internal_error(report, str(claims_dir), exc)
    return loaded


def read_corpus(
    claims_dir: Path, *, include_drafts: bool = False, root: Path | None = None
) -> tuple[Corpus, Report]:
    """Read every claim file under ``claims_dir`` into a Corpus, collecting all problems.

    ``root`` (default: the folder's parent) is where a source's ``file`` is
    found; a path relative to the claim file's own folder is tried next.
    The corpus holds everything usable; the report says what is not.
    """
    loaded = scan(claims_dir, include_drafts=include_drafts, root=root)
    return loaded.corpus, loaded.report


def load_corpus(
    claims_dir: Path, *, include_drafts: bool = False, root: Path | None = None
) -> Corpus:
    """Read a claims folder; raise :class:`~claimgraph.errors.InvalidInput` if it has errors."""
    corpus, report = read_corpus(claims_dir, include_drafts=include_drafts, root=root)
    if not report.valid:
        raise InvalidInput(report)
    return corpus


def _duplicate(
    report: Report, kind: str, id: str, first: Location | None, here: Location | None
) -> None:
    at = here or Location("?", 0)
    report.at(
        "duplicate-id",
        f"duplicate {kind} id '{id}' (first defined at {first})",
        at,
        id=id,
    )


def _same(a: Party | Event, b: Party | Event) -> bool:
    fields = [f for f in a.__slots__ if f != "where"]
    return all(getattr(a, f) == getattr(b, f) for f in fields)


def _build(
    corpus: Corpus,
    files: Iterable[tuple[Path, ClaimFile]],
    report: Report,
    unusable: set[str],
) -> None:
    """Merge every file into the corpus; ids of claims that cannot be used go to ``unusable``."""
    files = list(files)
    for _, f in files:
        for side, _ in f.sides:  # a later name for the same side wins
            corpus.sides[side.id] = side
        for aspect_id, item in f.aspects:
            merge_aspect(corpus.aspects, aspect_id, item, FieldReader(f.path, report))
    for _, f in files:
        for party in f.parties:
            first = corpus.parties.get(party.id)
            if first is None:
                corpus.parties[party.id] = party
            elif not _same(first, party):
                _duplicate(report, "party", party.id, first.where, party.where)
        for event in f.events:
            first_event = corpus.events.get(event.id)
            if first_event is None:
                corpus.events[event.id] = event
            elif not _same(first_event, event):
                _duplicate(report, "event", event.id, first_event.where, event.where)
        if f.source is not None:
            first_source = corpus.sources.get(f.source.id)
            if first_source is None:
                corpus.sources[f.source.id] = f.source
            else:
                _duplicate(report, "source", f.source.id, first_source.where, f.source_id_at)
    _check_case(corpus, report)
    aliases = checks.alias_index(corpus)
    written: dict[str, str] = {}  # the values' words as written, one copy of each
    for _, f in files:
        reader = FieldReader(f.path, report)
        for pending in f.claims:
            _add_claim(corpus, pending, reader, aliases, unusable, written)
        f.claims, f.marks = [], bytearray()  # the places kept for typing are no longer needed


def _check_case(corpus: Corpus, report: Report) -> None:
    """Refuse event ids that differ only by case: their reports (``EVENT.md``, one per
    event) would be one file on the disks of macOS and Windows, which ignore case."""
    seen: dict[str, Event] = {}
    for event in corpus.events.values():
        first = seen.setdefault(event.id.casefold(), event)
        if first is event:
            continue
        at = event.where or Location("?", 0)
        report.add(
            "duplicate-id",
            f"event id '{event.id}' differs from '{first.id}' (defined at {first.where}) "
            "only by case: their reports would be one file on macOS and Windows disks; "
            "rename one",
            at.path,
            at.line,
            at.column,
            id=event.id,
        )


def _report_at(
    reader: FieldReader,
    at: Location,
    type: ProblemType,
    message: str,
    id: str,
    hint: str | None = None,
) -> None:
    reader.report.at(type, message, at, id=id, hint=hint)


def _add_claim(
    corpus: Corpus,
    pending: PendingClaim,
    reader: FieldReader,
    aliases: dict[str, str],
    unusable: set[str],
    written: dict[str, str],
) -> None:
    claim = pending.claim
    cid = claim.id
    first = corpus.claims.get(cid)
    if first is not None:
        _duplicate(reader.report, "claim", cid, first.where, pending.id_at)
        return
    usable = True
    if claim.event and claim.event not in corpus.events:
        _report_at(
            reader,
            pending.event_at,
            "unknown-event",
            f"unknown event '{claim.event}' in claim '{cid}'",
            cid,
            checks.nearest(claim.event, corpus.events),
        )
        usable = False
    if claim.party and claim.party not in corpus.parties:
        _report_at(
            reader,
            pending.party_at,
            "unknown-party",
            f"unknown party '{claim.party}' in claim '{cid}'",
            cid,
            checks.party_hint(claim.party, corpus, aliases),
        )
        usable = False
    if pending.source_at is not None and claim.source not in corpus.sources:
        _report_at(
            reader,
            pending.source_at,
            "unknown-source",
            f"unknown source '{claim.source}' in claim '{cid}'",
            cid,
            checks.nearest(claim.source, corpus.sources),
        )
        usable = False
    aspect = corpus.aspects.get(claim.aspect)
    if claim.aspect and aspect is None:
        _report_at(
            reader,
            pending.aspect_at,
            "unknown-aspect",
            f"unknown aspect '{claim.aspect}' in claim '{cid}'",
            cid,
            suggest(claim.aspect, corpus.aspects),
        )
        usable = False
    if not (claim.event and claim.party and claim.aspect and claim.source):
        usable = False
    item = pending.value
    has_value = item is not None and item.value is not None and item.value != ""
    if claim.stance is Stance.DECLINES:
        if has_value and item is not None:
            reader.add(
                "bad-value",
                f"claim '{cid}' declines to answer, so it carries no value "
                "(use stance 'asserts' or 'denies', or drop the value)",
                item,
                id=cid,
            )
        claim.raw_value = _one_copy(item.plain(), written) if item is not None else None
    elif not has_value:
        at = reader.where(item) if item is not None else (claim.where or pending.id_at)
        _report_at(
            reader,
            at,
            "missing-field",
            f"claim '{cid}' has no 'value' (only a 'declines' claim may leave it out)",
            cid,
        )
        usable = False
    elif aspect is not None and item is not None:
        claim.raw_value = _one_copy(item.plain(), written)
        try:
            claim.value = typed_value(aspect, item)
        except ValueError as exc:
            hint = None
            if aspect.type in (AspectType.CATEGORY, AspectType.SET):
                bad = str(exc).split("'")[-2] if str(exc).count("'") >= 2 else ""
                hint = value_hint(aspect, bad) if bad else None
            reader.add(
                "bad-value",
                f"bad value for '{aspect.id}' in claim '{cid}': {exc}",
                item,
                id=cid,
                hint=hint,
            )
            usable = False
    if usable:
        corpus.claims[cid] = claim
    else:
        unusable.add(cid)


def _one_copy(raw: object, written: dict[str, str]) -> object:
    """A value as written, its text (or each text of its list) the one copy in ``written``:
    claims repeat a few answers in the same words.

    >>> seen = {}
    >>> a, b = _one_copy(["Drone attack"], seen), _one_copy("".join(["Drone ", "attack"]), seen)
    >>> a[0] is b
    True
    """
    if isinstance(raw, str):
        return written.setdefault(raw, raw)
    if isinstance(raw, list):
        return [written.setdefault(x, x) if isinstance(x, str) else x for x in raw]
    return raw
