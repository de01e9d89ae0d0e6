"""Atomic writes: a temporary file beside the target, made durable, renamed over it.

A reader never sees half a file: it sees the old one or the new one. A
temporary file is named ``.NAME.XXXXXXXX.tmp`` (hidden, so no walk reads it);
one left by a killed run is removed by whoever owns the folder
(:mod:`claimgraph.output`, :mod:`claimgraph.cache`).

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     atomic_write(Path(d, "sub", "a.txt"), b"whole")
...     Path(d, "sub", "a.txt").read_bytes(), sorted(p.name for p in Path(d, "sub").iterdir())
(b'whole', ['a.txt'])
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

__all__ = ["atomic_write", "flush", "write_temp", "write_temp_chunks"]


def write_temp(target: Path, data: bytes, *, mode: int | None = 0o644) -> str:
    """Write ``data`` to a new temporary file next to ``target``; its path."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        try:
            # Straight to the descriptor: one buffer, no file object around it.
            view = memoryview(data)
            while view:
                view = view[os.write(fd, view) :]
        finally:
            os.close(fd)
        if mode is not None:
            os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp


def write_temp_chunks(
    target: Path, chunks: Iterable[bytes], *, mode: int | None = 0o644
) -> tuple[str, str]:
    """Write ``chunks`` one after another to a new temporary file next to ``target``, as
    they come (never all held): its path and the SHA-256 of what was written.

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     tmp, digest = write_temp_chunks(Path(d, "a.json"), [b"[", b"1", b"]"])
    ...     Path(tmp).read_bytes(), digest == hashlib.sha256(b"[1]").hexdigest()
    (b'[1]', True)
    """
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    digest = hashlib.sha256()
    try:
        with os.fdopen(fd, "wb", buffering=1 << 20) as fh:
            for chunk in chunks:
                digest.update(chunk)
                fh.write(chunk)
        if mode is not None:
            os.chmod(tmp, mode)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
    return tmp, digest.hexdigest()


def flush(paths: list[str]) -> None:
    """Make written files durable before they are renamed into place.

    Many files: one ``os.sync()`` (an fsync per file costs milliseconds each);
    a few, or where there is no ``os.sync``: an fsync per file.
    """
    if len(paths) > 8 and hasattr(os, "sync"):
        os.sync()
        return
    for path in paths:
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def atomic_write(
    target: Path,
    data: bytes,
    *,
    durable: bool = True,
    mode: int | None = 0o644,
    replace: bool = True,
) -> None:
    """Replace ``target`` with ``data`` whole; its folder is made if missing.

    ``durable`` syncs the data before the rename (a cache entry, which may be
    lost, skips it); ``mode`` is the file's permission bits (None: mkstemp's 0600).
    With ``replace=False`` an existing ``target`` is never replaced, even one that
    appears while writing: the file is linked into place, and ``FileExistsError``
    is raised if the name is taken.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = write_temp(target, data, mode=mode)
    try:
        if durable:
            flush([tmp])
        if replace:
            os.replace(tmp, target)
        else:
            os.link(tmp, target)  # fails if the target exists: never clobber
            os.unlink(tmp)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise
