"""Source texts found for the quote checks, read one at a time when a quote asks."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path

from claimgraph import validate
from claimgraph.io import files
from claimgraph.io.files import ReadRefused, read_regular
from claimgraph.load.records import ClaimFile
from claimgraph.model import (
    Corpus,
    Location,
)
from claimgraph.problems import ProblemType, Report
from claimgraph.validate import SourceText
from claimgraph.yamlsafe import decode


def read_source_texts(
    corpus: Corpus,
    files: Iterable[tuple[Path, ClaimFile]],
    root: Path,
    report: Report,
) -> Mapping[str, SourceText]:
    """Each source's text, normalised for quote checks; missing files are problems.

    Files are found (and refused when missing or outside the project) at once,
    but read only when a quote asks for them, one at a time, so memory holds
    one source text, not all of them.
    """
    out = _SourceTexts(report)
    base = root.resolve()
    for path, f in files:
        source = f.source
        if source is None or corpus.sources.get(source.id) is not source:
            continue
        if not source.file:
            out.fixed[source.id] = SourceText(None)
            continue
        at = f.source_file_at or source.where or Location(f.path, 0)

        def problem(
            type: ProblemType, message: str, _at: Location = at, _id: str = source.id
        ) -> None:
            report.at(type, message, _at, id=_id)

        relative = Path(source.file)
        if relative.is_absolute():
            problem("unsafe-path", f"source file '{source.file}' must be a relative path")
            out.fixed[source.id] = SourceText(None, "unsafe")
            continue
        candidates = [base / relative, path.resolve().parent / relative]
        found = next((c.resolve() for c in candidates if c.is_file()), None)
        if found is None and any(c.exists() for c in candidates):
            problem(
                "unreadable-file",
                f"source file '{source.file}' of source '{source.id}' is not a regular file "
                "(a device, a pipe or a folder): not read",
            )
            out.fixed[source.id] = SourceText(None, "unreadable")
            continue
        if found is None:
            problem(
                "missing-source-file",
                f"source file '{source.file}' of source '{source.id}' not found "
                f"(looked in {_shown(root)} and {_shown(path.parent)})",
            )
            out.fixed[source.id] = SourceText(None, "missing")
            continue
        if not found.is_relative_to(base) and not found.is_relative_to(path.resolve().parent):
            problem(
                "unsafe-path",
                f"source file '{source.file}' is outside the project folder {root}",
            )
            out.fixed[source.id] = SourceText(None, "unsafe")
            continue
        out.files[source.id] = (found, source.file, at)
    return out


class _SourceTexts(Mapping[str, SourceText]):
    """Source texts by source id, read on first use; only the last one read is kept."""

    def __init__(self, report: Report) -> None:
        self.report = report
        self.fixed: dict[str, SourceText] = {}  # no file, or a file that cannot be used
        self.files: dict[str, tuple[Path, str, Location]] = {}
        self._last: tuple[Path, SourceText] | None = None

    def __getitem__(self, source_id: str) -> SourceText:
        if source_id in self.fixed:
            return self.fixed[source_id]
        path, shown, at = self.files[source_id]
        if self._last is not None and self._last[0] == path:
            return self._last[1]
        text = _read_text(path, shown, at, self.report, source_id)
        if text.text is None:
            self.fixed[source_id] = text  # reported once
        self._last = (path, text)
        return text

    def __iter__(self) -> Iterator[str]:
        return iter([*self.fixed, *self.files])

    def __len__(self) -> int:
        return len(self.fixed) + len(self.files)


def _shown(folder: Path) -> str:
    """A folder as the user would write it: relative to the working folder."""
    try:
        return Path(os.path.relpath(folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        return str(folder)


def _read_text(path: Path, shown: str, at: Location, report: Report, source_id: str) -> SourceText:
    try:
        data = read_regular(path)
    except ReadRefused as exc:
        if exc.type == "file-too-large":
            message = f"source file '{shown}' is over the limit of {files.MAX_FILE_BYTES:,} bytes"
            report.at("file-too-large", message, at, id=source_id)
            return SourceText(None, "too large")
        report.at(exc.type, f"source file '{shown}': {exc}", at, id=source_id)
        return SourceText(None, "unreadable")
    except OSError as exc:
        report.at(
            "missing-source-file",
            f"cannot read source file '{shown}' ({exc.strerror or exc})",
            at,
            id=source_id,
        )
        return SourceText(None, "unreadable")
    sub = Report()
    text = decode(data, shown, sub)
    if text is None:
        for p in sub.problems:
            report.at(
                p.type,
                f"source file '{shown}': {p.message}",
                at,
                id=source_id,
            )
        return SourceText(None, "undecodable")
    return SourceText(validate.normalise_quote(text))
