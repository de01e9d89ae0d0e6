"""Move a claims folder between YAML, CSV and JSON Lines without losing a field.

:func:`convert_corpus` first validates the whole folder (a corpus with errors
is refused, with every problem), then writes each claim file's claims in the
target format under the destination folder, keeping the folder structure:

- ``--to csv`` / ``--to jsonl``: the ``source`` and ``claims`` of each YAML
  file become ``NAME.csv`` / ``NAME.jsonl``; parties, events, aspects and
  sides stay YAML (a file holding only those is copied byte for byte, a file
  holding both is split into ``NAME.yaml`` and ``NAME.csv``);
- ``--to yaml``: a CSV or JSON Lines file becomes one YAML file per source
  (``NAME.yaml``, or ``NAME-SOURCE.yaml`` when it holds several).

Files already in the target format, and draft files skipped by validation,
are copied unchanged. A source's ``file:`` stays as written (it is relative
to the project root), so put the destination beside the source folder.
Nothing existing is overwritten unless ``force``; every target is checked
before any is written, and each file is written atomically.

>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as d:
...     result = convert_corpus(Path("tests/data/valid/basic/claims"), Path(d) / "csv", "csv")
...     [p.name for p in result.written], sorted(p.name for p in result.copied), result.claims
(['dzhankoi.csv'], ['aspects.yaml', 'events.yaml', 'parties.yaml'], 7)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from claimgraph.bulk import (
    BULK_SUFFIXES,
    BulkFormatError,
    generate_csv,
    generate_jsonl,
    read_bulk,
)
from claimgraph.cache import Cache
from claimgraph.errors import InvalidInput, OutputError, UsageError
from claimgraph.io import files
from claimgraph.io.atomic import atomic_write
from claimgraph.io.files import ReadRefused, read_regular
from claimgraph.io.walk import files_under
from claimgraph.io.yaml_read import decode, parse_yaml
from claimgraph.io.yaml_write import dump
from claimgraph.model import AspectType, Corpus
from claimgraph.output import HeldSignals, safe_filename
from claimgraph.problems import Report
from claimgraph.schema import CLAIM_FIELDS, LINK_FIELDS, REVIEW_FIELDS, SOURCE_FIELDS

__all__ = ["FORMATS", "ConvertResult", "Target", "convert_corpus", "plan_conversion"]

Target = Literal["yaml", "csv", "jsonl"]
FORMATS: dict[str, str] = {"yaml": ".yaml", "csv": ".csv", "jsonl": ".jsonl"}
_YAML_SUFFIXES = (".yaml", ".yml")
_CLAIM_KEYS = ("source", "claims")


@dataclass(slots=True)
class ConvertResult:
    """What :func:`convert_corpus` wrote, by destination path."""

    written: list[Path] = field(default_factory=list)  # converted
    copied: list[Path] = field(default_factory=list)  # copied unchanged
    sources: int = 0
    claims: int = 0
    # sources whose `file:` will not be found from the destination (validation would fail)
    unresolved: list[str] = field(default_factory=list)


def _files(folder: Path) -> list[Path]:
    return files_under(folder, _YAML_SUFFIXES + BULK_SUFFIXES)


def _ordered(doc: Mapping[str, Any]) -> dict[str, Any]:
    """A claim document with its fields in the README's order (for readable YAML)."""

    def order(mapping: Mapping[str, Any], fields: Iterable[str]) -> dict[str, Any]:
        known = [f for f in fields if f in mapping]
        return {**{f: mapping[f] for f in known}, **mapping}

    out: dict[str, Any] = {}
    if "source" in doc:
        out["source"] = order(doc["source"] or {}, SOURCE_FIELDS)
    claims = []
    for claim in doc.get("claims") or []:
        c = order(claim, CLAIM_FIELDS)
        if isinstance(c.get("links"), Mapping):
            c["links"] = order(c["links"], LINK_FIELDS)
        if isinstance(c.get("review"), Mapping):
            c["review"] = order(c["review"], REVIEW_FIELDS)
        claims.append(c)
    out["claims"] = claims
    return out


def _dump_yaml(doc: Mapping[str, Any], origin: str) -> str:
    head = f"# Converted by `claimgraph convert` from {origin}.\n"
    return head + dump(doc)


def _read_docs(path: Path, shown: str, report: Report) -> list[dict[str, Any]]:
    """The plain documents of one claim file (one for YAML, one per source for tables)."""
    if path.suffix in BULK_SUFFIXES:
        return [d.plain() for d in read_bulk(path, report, display=shown)]
    text = decode(_read_regular(path), shown, report)
    if text is None:
        return []
    item = parse_yaml(text, shown, report)
    plain = item.plain() if item is not None else None
    return [plain] if isinstance(plain, dict) else []


def plan_conversion(
    src: Path,
    dest: Path,
    to: Target,
    *,
    include_drafts: bool = False,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> tuple[dict[Path, bytes], dict[Path, Path], ConvertResult]:
    """Validate ``src`` and compute every file to write: (converted, copied, counts).

    Raises :class:`InvalidInput` if the folder has errors, :class:`UsageError`
    for a bad target, and :class:`OutputError` if two inputs would write the
    same file.
    """
    from claimgraph.load import scan

    if to not in FORMATS:
        raise UsageError(f"unknown format '{to}' (choose from {', '.join(FORMATS)})")
    if not src.is_dir():
        raise UsageError(f"{src}: no such claims folder")
    loaded = scan(src, include_drafts=include_drafts, cache=cache, progress=progress)
    if not loaded.report.valid:
        raise InvalidInput(loaded.report)
    text_aspects = {a.id for a in loaded.corpus.aspects.values() if a.type is AspectType.TEXT}
    read = {p.resolve() for p in loaded.files}
    suffix = FORMATS[to]
    converted: dict[Path, bytes] = {}
    copied: dict[Path, Path] = {}
    result = ConvertResult()
    origins: dict[str, tuple[Path, Path]] = {}  # by path case-folded: macOS, Windows

    def claim(target: Path, origin: Path) -> Path:
        first = origins.get(str(target).casefold())
        if first is not None:
            same = "" if first[0] == target else f" and {first[0]} (one file on macOS and Windows)"
            raise OutputError(
                f"{first[1]} and {origin} would both be written to {target}{same}; "
                "rename one of them first"
            )
        origins[str(target).casefold()] = (target, origin)
        return target

    for path in _files(src):
        rel = path.relative_to(src)
        shown = str(path)
        if (
            path.resolve() not in read
            or path.suffix == suffix
            or (to == "yaml" and path.suffix in _YAML_SUFFIXES)
        ):
            copied[claim(dest / rel, path)] = path
            continue
        report = Report()
        docs = _read_docs(path, shown, report)
        if not report.valid:  # pragma: no cover - validated above
            raise InvalidInput(report)
        try:
            if path.suffix in _YAML_SUFFIXES:
                [doc] = docs
                registry = {k: v for k, v in doc.items() if k not in _CLAIM_KEYS}
                claims_part = {k: v for k, v in doc.items() if k in _CLAIM_KEYS}
                if not claims_part:
                    copied[claim(dest / rel, path)] = path
                    continue
                if registry:
                    text = _dump_yaml(registry, rel.as_posix())
                    converted[claim(dest / rel, path)] = text.encode()
                docs = [claims_part]
                target = dest / rel.with_suffix(suffix)
                result.sources += 1
                result.claims += len(claims_part.get("claims") or [])
            elif to == "yaml":
                for doc in docs:
                    name = rel.stem if len(docs) == 1 else f"{rel.stem}-{doc['source']['id']}"
                    target = dest / rel.parent / safe_filename(name, ".yaml")
                    text = _dump_yaml(_ordered(doc), rel.as_posix())
                    converted[claim(target, path)] = text.encode()
                    result.sources += 1
                    result.claims += len(doc.get("claims") or [])
                continue
            else:
                target = dest / rel.with_suffix(suffix)
                result.sources += len(docs)
                result.claims += sum(len(d.get("claims") or []) for d in docs)
            chunks = (
                generate_csv(docs, text_aspects=text_aspects)
                if to == "csv"
                else generate_jsonl(docs)
            )
            converted[claim(target, path)] = "".join(chunks).encode()
        except BulkFormatError as exc:
            raise UsageError(f"{shown}: cannot convert to {to}: {exc}") from exc
    result.unresolved = _unresolved_files(loaded.corpus, dict(origins.values()), dest)
    return converted, copied, result


def _unresolved_files(corpus: Corpus, origins: Mapping[Path, Path], dest: Path) -> list[str]:
    """A message per source whose ``file:`` the validator will not find from ``dest``.

    A ``file:`` is relative to the project root (the claims folder's parent)
    or to the claim file's own folder; written elsewhere, it may resolve no more.
    """
    targets: dict[Path, list[Path]] = {}
    for target, origin in origins.items():
        targets.setdefault(origin.resolve(), []).append(target)
    root = dest.resolve().parent
    out = []
    for source in corpus.sources.values():
        if not source.file or source.where is None or Path(source.file).is_absolute():
            continue
        written = targets.get(Path(source.where.path).resolve(), [])
        if not written or (root / source.file).is_file():
            continue
        if any((t.parent / source.file).is_file() for t in written):
            continue
        out.append(
            f"{written[0]}: source '{source.id}': file '{source.file}' is not found from "
            f"{dest} (looked in {root} and {written[0].parent}); the converted folder will "
            f"not validate: write it beside the source folder, or fix the `file:` paths"
        )
    return out


def _read_regular(path: Path) -> bytes:
    """A regular file's bytes, within the size limit; OutputError for anything else."""
    try:
        return read_regular(path)
    except ReadRefused as exc:
        if exc.type == "file-too-large":
            raise OutputError(
                f"{path}: over the limit of {files.MAX_FILE_BYTES:,} bytes: not copied"
            ) from exc
        raise OutputError(f"{path}: {str(exc).removesuffix(': not read')}: not copied") from exc


def convert_corpus(
    src: Path,
    dest: Path,
    to: Target,
    *,
    force: bool = False,
    include_drafts: bool = False,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConvertResult:
    """Convert the claims folder ``src`` into ``dest`` in format ``to``; see the module doc.

    ``cache`` and ``progress`` are handed to :func:`claimgraph.load.scan`.
    """
    if dest.resolve() == src.resolve() or dest.resolve().is_relative_to(src.resolve()):
        raise UsageError(f"{dest}: the destination must be outside the source folder {src}")
    converted, copied, result = plan_conversion(
        src, dest, to, include_drafts=include_drafts, cache=cache, progress=progress
    )
    targets = [*converted, *copied]
    existing = sorted(str(t) for t in targets if t.exists() or t.is_symlink())
    if existing and not force:
        more = f" and {len(existing) - 5} more" if len(existing) > 5 else ""
        raise OutputError(
            f"{', '.join(existing[:5])}{more}: already exists; move it away or use --force"
        )
    for target in targets:
        if target.is_symlink() or (target.exists() and not target.is_file()):
            raise OutputError(f"{target}: is not a regular file; refusing to replace it")
    target = dest
    # Ctrl-C or SIGTERM waits for the file being written: no temporary file is left.
    with HeldSignals() as held:
        try:
            for target, data in converted.items():
                held.check()
                atomic_write(target, data)
                result.written.append(target)
            for target, origin in copied.items():
                held.check()
                atomic_write(target, _read_regular(origin))
                result.copied.append(target)
        except OSError as exc:  # a file in the way, a full disk, no permission
            done = len(result.written) + len(result.copied)
            raise OutputError(
                f"{target}: cannot write ({exc.strerror or exc}); {done} of {len(targets)} "
                "files were written, each of them whole"
            ) from exc
    return result
