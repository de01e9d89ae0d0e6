"""Jobs on a claims folder as a whole or one file in it: ``claimgraph convert`` and
``claimgraph validate FILE``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.errors import UsageError

if TYPE_CHECKING:
    from claimgraph.cache import Cache
    from claimgraph.convert import ConvertResult, Target
    from claimgraph.problems import Problem

__all__ = ["FileValidateResult", "convert", "validate_file"]


def convert(
    src: Path,
    dest: Path,
    to: Target,
    *,
    force: bool = False,
    include_drafts: bool = False,
    cache: Cache | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ConvertResult:
    """``claimgraph convert``: the claims folder ``src`` written into ``dest`` as ``to``
    (:func:`claimgraph.convert.convert_corpus`); a deferred ``cache`` is written only
    when the conversion succeeds. InvalidInput when ``src`` has errors."""
    from claimgraph.convert import convert_corpus

    result = convert_corpus(
        src,
        dest,
        to,
        force=force,
        include_drafts=include_drafts,
        cache=cache,
        progress=progress,
    )
    if cache is not None:
        cache.flush()
    return result


@dataclass(slots=True)
class FileValidateResult:
    """One claim file checked within its claims folder: its own problems (``problems``,
    in file order) and how many errors the folder has in other files."""

    file: Path
    folder: Path
    problems: list[Problem] = field(default_factory=list)
    errors_elsewhere: int = 0

    @property
    def errors(self) -> int:
        """The file's errors."""
        return sum(1 for p in self.problems if p.severity == "error")

    @property
    def warnings(self) -> int:
        """The file's warnings."""
        return len(self.problems) - self.errors

    @property
    def valid(self) -> bool:
        """The file has no error (warnings, and errors in other files, allowed)."""
        return not self.errors


def validate_file(file: Path, *, include_drafts: bool = False) -> FileValidateResult:
    """``claimgraph validate FILE``: one claim file checked within its claims folder
    (the nearest folder above it with a registry; a draft is read even without
    ``include_drafts``). UsageError when no folder above it is a claims folder."""
    from claimgraph.load import scan
    from claimgraph.review import claims_folder_of

    folder = claims_folder_of(file)
    if folder is None:
        raise UsageError(
            f"{file}: a file, and no folder above it holds parties.yaml, events.yaml or "
            "aspects.yaml; give the claims folder instead (`claimgraph validate CLAIMS_DIR`)"
        )
    loaded = scan(folder, include_drafts=include_drafts, drafts=[file])
    target = file.resolve()
    mine = [p for p in loaded.report.sorted() if Path(p.path).resolve() == target]
    elsewhere = [p for p in loaded.report.errors if Path(p.path).resolve() != target]
    return FileValidateResult(file, folder, mine, len(elsewhere))
