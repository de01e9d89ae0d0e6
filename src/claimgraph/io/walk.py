"""Walking a claims folder without recursion, so no depth of folders can crash it.

Python 3.11's :func:`os.walk` recurses once per folder level: a claims folder
nested about a thousand deep raised ``RecursionError``. :func:`files_under`
keeps its own stack instead; depth is bounded only by the operating system's
limit on path length (a folder it cannot list is skipped, as ``os.walk`` does).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     deep = Path(d, *"abc")
...     deep.mkdir(parents=True)
...     _ = (deep / "x.yaml").write_text("")
...     _ = (Path(d) / ".hidden.yaml").write_text("")
...     [p.relative_to(d).as_posix() for p in files_under(Path(d), (".yaml",))]
['a/b/c/x.yaml']
"""

from __future__ import annotations

import os
from pathlib import Path

__all__ = ["files_under"]


def files_under(folder: Path, suffixes: tuple[str, ...]) -> list[Path]:
    """Every file under ``folder`` whose name ends with one of ``suffixes``, sorted by
    relative path; hidden files and folders (a leading dot) are skipped, and symlinked
    folders are not entered (as with ``os.walk``)."""
    found: list[Path] = []
    stack = [str(folder)]
    while stack:
        here = stack.pop()
        try:
            with os.scandir(here) as entries:
                listed = list(entries)
        except OSError:
            continue
        for entry in listed:
            if entry.name.startswith("."):
                continue
            try:
                is_dir = entry.is_dir()
                is_link = entry.is_symlink()
            except OSError:
                continue
            if is_dir:
                if not is_link:
                    stack.append(entry.path)
            elif entry.name.endswith(suffixes):
                found.append(Path(entry.path))
    return sorted(found, key=lambda p: p.relative_to(folder).as_posix())
