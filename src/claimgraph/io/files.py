"""Bounded reading: a file's bytes, never more than the limit, never a device or a pipe.

>>> import tempfile
>>> with tempfile.TemporaryDirectory() as d:
...     p = Path(d, "a.yaml")
...     _ = p.write_bytes(b"x" * 10)
...     report = Report()
...     read_bounded(p, "a.yaml", report, limit=4), [str(x) for x in report.problems]
(None, ['a.yaml: file of 10 bytes is over the limit of 4 bytes'])
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.problems import ProblemType, Report

__all__ = ["MAX_FILE_BYTES", "ReadRefused", "read_at_most", "read_bounded", "read_regular"]

# The largest file any reader accepts (20 MB); tests lower it with monkeypatch.
MAX_FILE_BYTES = 20 * 1024 * 1024


class ReadRefused(Exception):
    """A file not read: ``type`` is the problem type, ``str(exc)`` the message."""

    def __init__(self, type: ProblemType, message: str, size: int = 0) -> None:
        super().__init__(message)
        self.type: ProblemType = type
        self.size = size


def read_at_most(path: Path, limit: int | None = None, size: int | None = None) -> bytes:
    """The file's bytes, but never more than ``limit`` plus one (a file may grow).

    ``size`` is what the file's size was seen to be: the first read asks for that
    much (and one byte more), not for the limit, whose whole buffer would be
    allocated for every file; only a file that grew is read on, to the limit.
    """
    cap = (MAX_FILE_BYTES if limit is None else limit) + 1
    with path.open("rb") as fh:
        if size is None or size + 1 >= cap:
            return fh.read(cap)
        data = fh.read(size + 1)
        if len(data) <= size:
            return data
        return data + fh.read(cap - len(data))


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes within ``limit``, else :class:`ReadRefused`; OSError passes.

    The size is checked before reading and again after: a file that grows, or a
    device that reports no size, is read only to the limit.
    """
    limit = MAX_FILE_BYTES if limit is None else limit
    if path.exists() and not path.is_file():  # /dev/zero, a FIFO: endless or blocking
        raise ReadRefused(
            "unreadable-file", "not a regular file (a device, a pipe or a folder): not read"
        )
    size = path.stat().st_size
    data = b"" if size > limit else read_at_most(path, limit, size)
    if size > limit or len(data) > limit:
        size = max(size, len(data))  # a file that grew while read counts as read
        raise ReadRefused(
            "file-too-large", f"file of {size:,} bytes is over the limit of {limit:,} bytes", size
        )
    return data


def read_bounded(
    path: Path, shown: str, report: Report, *, limit: int | None = None
) -> bytes | None:
    """The bytes of a claim file, or None with the reason added to ``report`` at ``shown``."""
    try:
        return read_regular(path, limit)
    except ReadRefused as exc:
        report.add(exc.type, str(exc), shown)
    except OSError as exc:
        report.add("unreadable-file", f"cannot read the file ({exc.strerror or exc})", shown)
    return None
