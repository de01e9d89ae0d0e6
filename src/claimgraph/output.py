"""Safe writing of generated files: sanitised names, atomic writes, and a manifest.

claimgraph never overwrites or deletes a file it did not write. Every output
folder it writes to keeps a manifest, ``.claimgraph-manifest.json``, that
lists each file claimgraph wrote there with the SHA-256 of its content. Before
a file is replaced:

- if it does not exist, it is written;
- if it is in the manifest and its content still has the recorded hash, it is
  claimgraph's own output and is replaced;
- if its content is already exactly what would be written, it is adopted into
  the manifest (so reports committed to git without a manifest are accepted);
- otherwise (a person's file, or claimgraph's file edited by a person since)
  writing is refused with :class:`~claimgraph.errors.OutputError`, unless
  ``force`` is given.

All targets are checked before any is written, so a refusal leaves the folder
as it was. Each file is written to a temporary file in the same folder and
renamed over the target (:func:`os.replace`), so a reader never sees half a
report.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     out = OutputFolder(pathlib.Path(d))
...     written = out.write_all({"a.md": "# A\\n"})
...     (pathlib.Path(d) / "a.md").read_text()
'# A\\n'
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import re
import signal
import stat
import threading
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType, TracebackType
from typing import Any

from claimgraph.errors import OutputError
from claimgraph.io import atomic

__all__ = [
    "MANIFEST_NAME",
    "Content",
    "HeldSignals",
    "OutputFolder",
    "WriteResult",
    "hash_path",
    "plain_name",
    "safe_filename",
    "write_file",
]

MANIFEST_NAME = ".claimgraph-manifest.json"
MANIFEST_FORMAT = "claimgraph-manifest"
MANIFEST_VERSION = 1

# Names a derived file must never take: the index and the manifest itself,
# and device names that Windows reserves.
_RESERVED = frozenset(
    {"index", ".claimgraph-manifest", "con", "prn", "aux", "nul"}
    | {f"com{i}" for i in range(10)}
    | {f"lpt{i}" for i in range(10)}
)
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]+")
_MAX_STEM = 80


def safe_filename(ident: str, suffix: str = ".md") -> str:
    """A file name for an id that cannot leave its folder or collide with another id.

    An id made of ASCII letters, digits, ``.``, ``_`` and ``-`` (not starting
    with a dot) keeps its name. Any other id is folded to those characters and
    gets a short hash of the original, so two different ids never share a
    file, and ``../x`` can never climb out of the folder.

    >>> safe_filename("dzhankoi-2023-03-20")
    'dzhankoi-2023-03-20.md'
    >>> safe_filename("../../etc/passwd")
    'etc-passwd-3754d6cb.md'
    >>> safe_filename("index")
    'index-1bc04b52.md'
    >>> safe_filename("")
    'unnamed-e3b0c442.md'
    """
    stem = _UNSAFE.sub("-", ident).strip(".-")
    clean = (
        stem == ident
        and 0 < len(stem) <= _MAX_STEM
        and stem.lower() not in _RESERVED
        and ".." not in stem
    )
    if clean:
        return stem + suffix
    digest = hashlib.sha256(ident.encode("utf-8", "surrogatepass")).hexdigest()[:8]
    stem = stem.replace("..", ".")[:_MAX_STEM].strip(".-") or "unnamed"
    return f"{stem}-{digest}{suffix}"


def plain_name(name: str) -> bool:
    """Whether ``name`` names a file directly inside a folder (no path, no dot-dot).

    >>> plain_name("index.md"), plain_name("../claims/x.yaml"), plain_name("/etc/passwd")
    (True, False, False)
    """
    return not (
        not name
        or name in (".", "..", MANIFEST_NAME)
        or "/" in name
        or "\\" in name
        or "\x00" in name
        or name != name.strip()
        or os.path.isabs(name)
    )


def _cannot(verb: str, path: Path, exc: OSError, *, exact: bool = False) -> OutputError:
    """An OutputError for a failed read or write: ``PATH: cannot write (No space left...)``.

    With ``exact``, ``path`` is named (the report, not the temporary file beside it);
    otherwise the file the error names, if any (a parent folder that cannot be made).
    """
    where = path if exact or not exc.filename else exc.filename
    return OutputError(f"{where}: cannot {verb} ({exc.strerror or exc})")


# What os.lstat raises for a name with nothing behind it (pathlib's exists() reads
# these errors as "no such file" too).
_ABSENT = frozenset({errno.ENOENT, errno.ENOTDIR, errno.EBADF, errno.ELOOP})


def _sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def hash_path(path: Path) -> str:
    """The SHA-256 of a file's content, read in blocks (never all held)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


# A generated file's content: its whole text, or its text in chunks (written as they come).
Content = str | Iterable[str]


@dataclass(slots=True)
class WriteResult:
    """What :meth:`OutputFolder.write_all` did, by file name."""

    written: list[str] = field(default_factory=list)  # new or changed content
    unchanged: list[str] = field(default_factory=list)  # already up to date
    removed: list[str] = field(default_factory=list)  # stale outputs of claimgraph
    kept: list[str] = field(default_factory=list)  # stale but edited by a person
    # name -> SHA-256 of the content given for it (written or unchanged), in the given order
    digests: dict[str, str] = field(default_factory=dict)


class OutputFolder:
    """A folder claimgraph writes generated files into, guarded by its manifest."""

    def __init__(self, path: Path, *, force: bool = False) -> None:
        self.path = path
        self.force = force
        if path.exists() and not path.is_dir():
            raise OutputError(f"{path}: exists and is not a folder")
        for parent in path.parents:
            if parent.exists() or parent.is_symlink():
                if not parent.is_dir():
                    raise OutputError(f"{path}: cannot write ({parent} is not a folder)")
                break
        # Files being renamed into place by a run that was stopped: their new content
        # is claimgraph's too (see write_all).
        self.pending: dict[str, str] = {}
        self.manifest = self._read_manifest()

    @property
    def manifest_path(self) -> Path:
        return self.path / MANIFEST_NAME

    def _read_manifest(self) -> dict[str, str]:
        mpath = self.manifest_path
        self.pending = {}
        if not mpath.exists():
            return {}
        try:
            data = json.loads(mpath.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise OutputError(f"{mpath}: unreadable manifest ({exc}); move it away") from exc
        files = data.get("files") if isinstance(data, dict) else None
        pending = data.get("pending", {}) if isinstance(data, dict) else None
        if (
            not isinstance(data, dict)
            or data.get("format") != MANIFEST_FORMAT
            or not _digests(files)
            or not _digests(pending)
        ):
            raise OutputError(f"{mpath}: not a claimgraph manifest; move it away")
        assert isinstance(files, dict) and isinstance(pending, dict)
        # Only plain names in this folder: a crafted or damaged entry such as
        # "../claims/x.yaml" must never make a file outside it replaceable or stale.
        self.pending = {name: digest for name, digest in pending.items() if plain_name(name)}
        return {name: digest for name, digest in files.items() if plain_name(name)}

    def _check_name(self, name: str) -> Path:
        if not plain_name(name):
            raise OutputError(f"{self.path}: refusing to write a file named {name!r}")
        return self.path / name

    def _ours(self, name: str, digest: str) -> bool:
        """Whether content with this hash is what claimgraph last wrote (or was writing) here."""
        return digest in (self.manifest.get(name), self.pending.get(name))

    def status(self, name: str, data: bytes) -> str:
        """How writing ``data`` to ``name`` would go: new, unchanged, replace, adopt or refuse.

        ``refuse-link`` is a symlink or something that is not a file: refused even with force.
        """
        return self._status(name, _sha256(data))

    def _status(self, name: str, digest: str) -> str:
        """:meth:`status` for content with this SHA-256."""
        target = self._check_name(name)
        try:
            # One look at the name itself, never through a link (as is_symlink, then
            # exists and is_file, would answer for anything that is not a link).
            mode = os.lstat(target).st_mode
        except OSError as exc:
            if exc.errno not in _ABSENT:
                raise
            return "new"
        except ValueError:  # a name the file system cannot hold: pathlib's "no such file"
            return "new"
        if not stat.S_ISREG(mode):  # a symbolic link, or not a file at all
            return "refuse-link"
        try:
            current = hash_path(target)
        except OSError as exc:
            raise _cannot("read", target, exc) from exc
        if current == digest:
            return "unchanged" if self.manifest.get(name) == current else "adopt"
        if self._ours(name, current):
            return "replace"
        return "replace" if self.force else "refuse"

    def write_all(self, files: Mapping[str, Content], *, remove_stale: bool = False) -> WriteResult:
        """Write every file (name -> text, or its text in chunks) or, if any would be
        refused, none: :meth:`write_stream` of ``files``, whose names are known up front.

        With ``remove_stale``, files claimgraph wrote earlier that are not in
        ``files`` are deleted, unless a person has edited them since (they
        are kept and reported in ``kept``).

        Runs writing the same folder take turns (a lock on the folder), and
        SIGINT or SIGTERM is held back while files are written: before the
        renames begin the run stops and removes its temporary files, after
        that it finishes the renames first; then the signal is delivered. The
        manifest records each new file's hash before it is renamed into place,
        so even a run killed outright (SIGKILL, a power cut) leaves only files
        claimgraph knows, and the next run removes its temporary files and
        finishes the job without ``--force``.
        """
        return self.write_stream(list(files), files.items(), remove_stale=remove_stale)

    def write_stream(
        self,
        names: Sequence[str],
        files: Iterable[tuple[str, Content]],
        *,
        remove_stale: bool = False,
    ) -> WriteResult:
        """Write files as they are generated, holding only their hashes; all or none.

        ``names`` are every file's name, known before any is generated (checked
        first, and the temporary files of a stopped run are found by them);
        ``files`` yields each (name, text or chunks of text) in turn, and each
        goes to a temporary file beside its target at once. Nothing is renamed
        into place before every file has been generated and checked, so a
        refusal (or an error while generating) leaves the folder as it was, as
        :meth:`write_all` does: the same guarantees, with memory for one file.
        """
        wanted = list(dict.fromkeys(names))
        for name in wanted:
            self._check_name(name)
        _check_case(self.path, wanted)
        try:
            self.path.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise _cannot("write", self.path, exc) from exc
        # The lock first: waiting for another run must not hold back Ctrl-C.
        with _locked(self.path), HeldSignals() as held:
            self.manifest = self._read_manifest()  # as the last run, perhaps another, left it
            self._remove_leftovers(set(wanted))
            return self._write_locked(set(wanted), files, remove_stale, held)

    def _write_locked(
        self,
        wanted: set[str],
        files: Iterable[tuple[str, Content]],
        remove_stale: bool,
        held: HeldSignals,
    ) -> WriteResult:
        result = WriteResult()
        digests = result.digests  # name -> SHA-256 of its new content, in the order written
        plan: dict[str, str] = {}
        temps: dict[str, str] = {}  # name -> temporary file, not yet renamed
        doing = self.path  # the file being written, for messages
        try:
            # 1. Every new content to a temporary file beside its target, as it comes.
            for name, content in files:
                if name not in wanted or name in plan:
                    raise OutputError(f"{self.path / name}: not announced, or generated twice")
                held.check()  # interrupted: stop here, before any file is replaced
                doing = self.path / name
                if isinstance(content, str):
                    data = content.encode("utf-8")
                    digest = _sha256(data)
                    how = self._status(name, digest)
                    if how in ("new", "replace"):
                        temps[name] = atomic.write_temp(doing, data)
                    del data
                else:
                    if self._status(name, "") == "refuse-link":
                        how, digest = "refuse-link", ""
                    else:
                        chunks = (chunk.encode("utf-8") for chunk in content)
                        temps[name], digest = atomic.write_temp_chunks(doing, chunks)
                        how = self._status(name, digest)
                        if how not in ("new", "replace"):
                            os.unlink(temps.pop(name))
                plan[name] = how
                digests[name] = digest
            doing = self.path
            links = sorted(name for name, how in plan.items() if how == "refuse-link")
            if links:
                raise OutputError(
                    f"{_listed(self.path, links)}: is a symbolic link or not a regular file; "
                    "claimgraph never writes through one, even with --force: move it away"
                )
            refused = sorted(name for name, how in plan.items() if how == "refuse")
            if refused:
                raise OutputError(
                    f"{_listed(self.path, refused)}: exists but was not written by claimgraph "
                    "(or was edited since); move it away or use --force to overwrite"
                )
            for name, how in plan.items():
                if how in ("unchanged", "adopt"):
                    result.unchanged.append(name)
                    self.manifest[name] = digests[name]
            # 2. Onto the disk at once (one sync, not one fsync per report).
            atomic.flush(list(temps.values()))
            # 3. The manifest learns every new hash before any rename, so a run
            # stopped among the renames leaves only files claimgraph knows.
            if temps:
                self.pending = {name: digests[name] for name in temps}
                doing = self.manifest_path
                self._write_manifest()
            # 4. Each renamed over its target: a reader sees the old or the new file.
            for name in list(temps):
                doing = self.path / name
                os.replace(temps.pop(name), self.path / name)
                result.written.append(name)
                self.manifest[name] = digests[name]
            if remove_stale:
                doing = self.path
                self._remove_stale(wanted, result)
            self.pending = {}
            doing = self.manifest_path
            self._write_manifest()
        except BaseException as exc:
            for tmp in temps.values():
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
            # Each file is whole (old or new); record what was written, if the disk lets us.
            if result.written or self.pending:
                for name in temps:
                    self.pending.pop(name, None)
                with contextlib.suppress(OSError):
                    self._write_manifest()
            if isinstance(exc, OSError):
                raise _cannot("write", doing, exc, exact=True) from exc
            raise
        return result

    def _remove_leftovers(self, names: set[str]) -> None:
        """Remove the temporary files of runs that were stopped before they renamed them.

        Only while holding the folder's lock (no other run is writing), and
        only files named like claimgraph's own: ``.NAME.XXXXXXXX.tmp`` for a
        file it writes or wrote here, or for the manifest.
        """
        known = names | set(self.manifest) | set(self.pending) | {MANIFEST_NAME}
        try:
            entries = list(os.scandir(self.path))
        except OSError:
            return
        for entry in entries:
            m = _TEMP_NAME.fullmatch(entry.name)
            if m is None or m["name"] not in known:
                continue
            with contextlib.suppress(OSError):
                if entry.is_file(follow_symlinks=False) and (
                    _LOCKS or time.time() - entry.stat().st_mtime > _UNLOCKED_LEFTOVER_AGE
                ):
                    os.unlink(entry.path)

    def _remove_stale(self, keep: set[str], result: WriteResult) -> None:
        for name in sorted((set(self.manifest) | set(self.pending)) - keep):
            target = self.path / name
            if target.is_symlink() or not target.is_file():
                if not target.exists() and not target.is_symlink():
                    self.manifest.pop(name, None)  # already gone
                    self.pending.pop(name, None)
                continue
            if self._ours(name, hash_path(target)):
                target.unlink()
                self.manifest.pop(name, None)
                self.pending.pop(name, None)
                result.removed.append(name)
            else:
                result.kept.append(name)

    def _write_manifest(self) -> None:
        data: dict[str, object] = {
            "format": MANIFEST_FORMAT,
            "version": MANIFEST_VERSION,
            "note": "Files claimgraph wrote here, with their SHA-256. "
            "claimgraph refuses to overwrite or delete any other file.",
            "files": dict(sorted(self.manifest.items())),
        }
        if self.pending:  # only while a run is renaming files into place
            data["pending"] = dict(sorted(self.pending.items()))
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
        atomic.atomic_write(self.manifest_path, text.encode("utf-8"))


def _digests(value: object) -> bool:
    return isinstance(value, dict) and all(
        isinstance(k, str) and isinstance(v, str) for k, v in value.items()
    )


def _listed(folder: Path, names: list[str]) -> str:
    listed = ", ".join(str(folder / n) for n in names[:5])
    return listed + (f" and {len(names) - 5} more" if len(names) > 5 else "")


def _check_case(folder: Path, names: Iterable[str]) -> None:
    """Refuse two names that are one file on a disk that ignores case (macOS, Windows)."""
    seen: dict[str, str] = {}
    for name in names:
        other = seen.setdefault(name.casefold(), name)
        if other != name:
            raise OutputError(
                f"{folder / name}: differs from {other} only by case, and would be the "
                "same file on macOS and Windows disks"
            )


# A temporary file of atomic.write_temp: ".NAME." + mkstemp's 8 random characters + ".tmp".
_TEMP_NAME = re.compile(r"\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp", re.DOTALL)
# Where runs cannot lock a folder, only leftovers older than this are surely not another
# run's work in progress.
_UNLOCKED_LEFTOVER_AGE = 3600.0

try:
    import fcntl

    _LOCKS = True
except ImportError:  # pragma: no cover - Windows
    _LOCKS = False


@contextlib.contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``folder`` (flock on the folder itself: no lock file)."""
    fd = -1
    if _LOCKS:
        with contextlib.suppress(OSError):  # a folder we cannot open: write unlocked
            fd = os.open(folder, os.O_RDONLY)
    try:
        if fd >= 0:
            with contextlib.suppress(OSError):
                fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        if fd >= 0:
            os.close(fd)  # releases the lock


class _Interrupted(BaseException):
    """Raised inside write_all when a held-back signal asks it to stop."""


class HeldSignals:
    """Hold SIGINT and SIGTERM back while files are written; deliver them on exit.

    :meth:`check` raises :class:`_Interrupted` once a signal came, at a point
    where stopping leaves nothing behind. Only in the main thread (where
    Python runs signal handlers), and only signals that are not ignored.
    """

    def __init__(self) -> None:
        self.caught: int | None = None
        self._old: dict[signal.Signals, Any] = {}

    def _hold(self, signum: int, frame: FrameType | None) -> None:
        self.caught = signum

    def __enter__(self) -> HeldSignals:
        if threading.current_thread() is threading.main_thread():
            for sig in (signal.SIGINT, signal.SIGTERM):
                try:
                    old = signal.getsignal(sig)
                    if old is not signal.SIG_IGN and old is not None:
                        signal.signal(sig, self._hold)
                        self._old[sig] = old
                except (ValueError, OSError):  # pragma: no cover - not allowed here
                    pass
        return self

    def check(self) -> None:
        if self.caught is not None:
            raise _Interrupted

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        for sig, old in self._old.items():
            signal.signal(sig, old)
        if self.caught is not None:
            signal.raise_signal(self.caught)  # the handler it was held back from
            if isinstance(exc, _Interrupted):  # a handler that returned: stop anyway
                raise KeyboardInterrupt from None


def write_file(path: Path, text: Content, *, force: bool = False) -> bool:
    """Write one generated file safely (see :class:`OutputFolder`); True if it changed.

    ``text`` may come in chunks (an iterable of strings), written as they come.
    """
    if path.is_dir():
        raise OutputError(
            f"{path}: is a folder; this output is a single file: "
            f"give a file name (one inside {path}/ will do)"
        )
    folder = OutputFolder(path.parent, force=force)
    return bool(folder.write_all({path.name: text}).written)
