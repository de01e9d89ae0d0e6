"""A content-addressed cache of work already done: parsed claim files, written reports.

Entries live in ``.claimgraph-cache/`` beside the claims folder (in its parent,
which git ignores). Each entry is keyed by the SHA-256 of what it was computed
from (a claim file's bytes, the hashes of every input of a report run), and
every key also folds in the *fingerprint* of the tool: its version and the
hash of its own code and built-in data. A cache written by another version of
claimgraph is never trusted: it lives in another folder and is removed.

An entry is one file::

    claimgraph-cache 1\\n
    {"fingerprint": ..., "kind": ..., "key": ..., "length": N, "sha256": ..., "hmac": ...}\\n
    <N bytes of pickle>

The header is checked (magic line, fingerprint, kind, key, length, the
SHA-256 of the payload and its HMAC) before the payload is unpickled, so a
truncated, corrupt or foreign file is a miss, never an error: the work is
redone and the entry rewritten. The HMAC's key is private to the user and
kept outside any project (:func:`user_key`), so a cache folder that came with
a shared project, crafted or not, is never trusted: unpickling only ever
reads what this user's claimgraph wrote. Entries are written to a temporary
file and renamed into place, so two runs at once never leave half an entry;
the last one wins and both are valid.

>>> import tempfile, pathlib
>>> with tempfile.TemporaryDirectory() as d:
...     cache = Cache(pathlib.Path(d) / ".claimgraph-cache")
...     key = content_key(b"claims: []")
...     cache.get("file", key) is None
...     cache.put("file", key, {"claims": []})
...     cache.get("file", key)
True
True
{'claims': []}
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import json
import os
import pickle
import shutil
import time
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from claimgraph.io.atomic import atomic_write
from claimgraph.io.walk import files_under

if TYPE_CHECKING:
    from claimgraph.model import Corpus

__all__ = [
    "CACHE_DIR_NAME",
    "INPUT_SUFFIXES",
    "MAX_AGE_DAYS",
    "Cache",
    "RunCache",
    "cache_dir_for",
    "content_key",
    "fingerprint",
    "hash_file",
    "input_files",
    "project_root",
    "user_key",
]

CACHE_DIR_NAME = ".claimgraph-cache"
MAX_AGE_DAYS = 30
"""Entries unused for this long are removed (an edited file leaves its old parse behind)."""
_DAY = 86_400
_LEFTOVER_AGE = 3600
MAGIC = b"claimgraph-cache 1\n"
_MAX_HEADER = 4096
_PACKAGE = Path(__file__).resolve().parent


def cache_dir_for(claims_dir: Path) -> Path:
    """The cache folder of a claims folder: ``.claimgraph-cache`` in its parent.

    >>> cache_dir_for(Path("/news/claims")).as_posix()
    '/news/.claimgraph-cache'
    """
    return claims_dir.absolute().parent / CACHE_DIR_NAME


def project_root(claims_dir: Path) -> Path:
    """The folder a claims folder's source texts (``file:``) are found under: its
    parent, symlinks resolved. The loader reads them there and the run cache
    hashes them there, so a symlinked claims folder cannot make them disagree.

    >>> project_root(Path("/news/claims")).as_posix()
    '/news'
    """
    return claims_dir.resolve().parent


def content_key(*parts: bytes | str) -> str:
    """The SHA-256 (hex) of ``parts``, each length-prefixed so boundaries count.

    >>> content_key(b"ab", b"c") == content_key(b"a", b"bc")
    False
    >>> len(content_key("x"))
    64
    """
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(len(data).to_bytes(8, "little"))
        h.update(data)
    return h.hexdigest()


KEY_ENV = "CLAIMGRAPH_CACHE_KEY_FILE"
"""Environment variable naming the file of the user's cache key (default below)."""


@functools.cache
def user_key() -> bytes:
    """The user's secret key that signs cache entries, kept outside every project.

    Read from ``$CLAIMGRAPH_CACHE_KEY_FILE``, or
    ``$XDG_CACHE_HOME/claimgraph/cache-key`` (``~/.cache/claimgraph/cache-key``),
    created with 32 random bytes (mode 0600) on first use. If it can be neither
    read nor created, a key for this process alone is used: nothing written
    earlier is trusted, and the cache only helps within one run.
    """
    default = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "claimgraph"
    path = Path(os.environ.get(KEY_ENV) or default / "cache-key")
    try:
        data = path.read_bytes()
        if len(data) >= 32:
            return data
    except OSError:
        pass
    key = os.urandom(32)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as fh:
            fh.write(key)
    except FileExistsError:  # another run created it meanwhile: use theirs
        try:
            data = path.read_bytes()
            return data if len(data) >= 32 else key
        except OSError:
            return key
    except OSError:
        return key
    return key


def _sign(fingerprint: str, kind: str, key: str, payload: bytes) -> str:
    """The HMAC of an entry: its payload *and* its place (tool, kind, key).

    Signing the place too means an authentic entry copied under another key
    (an old parse replayed as a newer file's) fails the check: a miss.
    """
    message = content_key(b"claimgraph-cache-entry", fingerprint, kind, key, payload)
    return hmac.new(user_key(), message.encode(), hashlib.sha256).hexdigest()


@functools.cache
def fingerprint() -> str:
    """The tool's identity for the cache: its version, code and built-in data.

    Any change to claimgraph's source or data files changes the fingerprint,
    so a cache is never trusted across versions, released or not.
    """
    from claimgraph import __version__

    h = hashlib.sha256(__version__.encode())
    h.update(pickle.DEFAULT_PROTOCOL.to_bytes(1, "little"))
    files = sorted(_PACKAGE.rglob("*.py")) + sorted((_PACKAGE / "data").rglob("*.yaml"))
    for path in files:
        rel = path.relative_to(_PACKAGE).as_posix()
        try:
            data = path.read_bytes()
        except OSError:  # pragma: no cover - a file vanished while we looked
            data = b""
        h.update(content_key(rel, data).encode())
    return h.hexdigest()


class Cache:
    """Entries by (kind, key) under ``directory``; a miss is ``None``.

    With ``enabled=False`` every ``get`` misses and ``put`` does nothing (the
    CLI's ``--no-cache``). With ``defer=True``, ``put`` keeps entries in memory
    (already serialised) until :meth:`flush`, so that a command that fails
    leaves no trace. I/O errors never escape: a cache that cannot be read or
    written just stops helping.
    """

    def __init__(self, directory: Path, *, enabled: bool = True, defer: bool = False) -> None:
        self.directory = directory
        self.enabled = enabled
        self.defer = defer
        self._pending: dict[Path, bytes] = {}
        self.fingerprint = fingerprint()
        self.folder = directory / f"v-{self.fingerprint[:16]}"
        self.hits = 0
        self.misses = 0
        self._pruned = False

    def _path(self, kind: str, key: str) -> Path:
        if not kind.isidentifier() or not all(c in "0123456789abcdef" for c in key):
            raise ValueError(f"bad cache entry name {kind!r}/{key!r}")
        return self.folder / kind / f"{key}.bin"

    def get(self, kind: str, key: str) -> Any:
        """The value stored for ``(kind, key)``, or None if absent, stale or damaged."""
        if not self.enabled:
            return None
        path = self._path(kind, key)
        if path in self._pending:
            self.hits += 1
            return pickle.loads(self._pending[path].split(b"\n", 2)[2])
        value = self._read(path, kind, key)
        if value is None:
            self.misses += 1
        else:
            self.hits += 1
            self._touch(self._path(kind, key))
        return value

    @staticmethod
    def _touch(path: Path) -> None:
        """Mark an entry as used (at most once a day), so pruning keeps it."""
        try:
            if time.time() - path.stat().st_mtime > _DAY:
                os.utime(path)
        except OSError:
            pass

    def _read(self, path: Path, kind: str, key: str) -> Any:
        try:
            with path.open("rb") as fh:
                if fh.read(len(MAGIC)) != MAGIC:
                    return None
                header = json.loads(fh.readline(_MAX_HEADER))
                payload = fh.read()
        except (OSError, ValueError):
            return None
        if (
            not isinstance(header, dict)
            or header.get("fingerprint") != self.fingerprint
            or header.get("kind") != kind
            or header.get("key") != key
            or header.get("length") != len(payload)
            or header.get("sha256") != hashlib.sha256(payload).hexdigest()
            or not isinstance(header.get("hmac"), str)
            or not hmac.compare_digest(header["hmac"], _sign(self.fingerprint, kind, key, payload))
        ):
            return None
        try:
            return pickle.loads(payload)
        except Exception:  # a checked payload that still fails: treat as a miss
            return None

    def put(self, kind: str, key: str, value: Any) -> bool:
        """Store ``value`` (picklable, not None) atomically; False if it could not be."""
        if not self.enabled or value is None:
            return False
        path = self._path(kind, key)
        payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        header = {
            "fingerprint": self.fingerprint,
            "kind": kind,
            "key": key,
            "length": len(payload),
            "sha256": hashlib.sha256(payload).hexdigest(),
            "hmac": _sign(self.fingerprint, kind, key, payload),
        }
        data = MAGIC + json.dumps(header).encode() + b"\n" + payload
        if self.defer:
            self._pending[path] = data
            return True
        return self._write(path, data)

    def flush(self) -> int:
        """Write the entries a deferred cache holds; the number written."""
        pending, self._pending = self._pending, {}
        return sum(self._write(path, data) for path, data in pending.items())

    def _write(self, path: Path, data: bytes) -> bool:
        try:
            self._prune_other_versions()
            # A lost entry is only a miss: no fsync, and the entry stays private (0600).
            atomic_write(path, data, durable=False, mode=None)
        except OSError:
            return False
        return True

    def _prune_other_versions(self) -> None:
        """Remove entries of other versions of the tool, and this version's entries
        unused for :data:`MAX_AGE_DAYS` (once per Cache, best effort)."""
        if self._pruned:
            return
        self._pruned = True
        try:
            entries = list(self.directory.iterdir())
        except OSError:
            return
        for entry in entries:
            if entry.name.startswith("v-") and entry != self.folder and entry.is_dir():
                shutil.rmtree(entry, ignore_errors=True)
        oldest = time.time() - MAX_AGE_DAYS * _DAY
        for path in self.folder.glob("*/*.bin"):
            try:
                if path.stat().st_mtime < oldest:
                    path.unlink()
            except OSError:
                pass
        # Temporary files of runs killed while writing an entry (an hour old: surely
        # not another run's write in progress).
        stale = time.time() - _LEFTOVER_AGE
        for path in self.folder.glob("*/.*.tmp"):
            try:
                if path.stat().st_mtime < stale:
                    path.unlink()
            except OSError:
                pass

    def clear(self) -> None:
        """Remove every entry (the folder itself stays if it holds anything else)."""
        shutil.rmtree(self.folder, ignore_errors=True)


# -- whole runs ---------------------------------------------------------------

INPUT_SUFFIXES = (".yaml", ".yml", ".csv", ".jsonl")
"""Files under a claims folder that are inputs of a run (hidden ones excepted)."""

_MISSING = "-"


def hash_file(path: Path) -> str:
    """The SHA-256 of a file's content, or ``"-"`` if it cannot be read."""
    h = hashlib.sha256()
    try:
        with path.open("rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
    except OSError:
        return _MISSING
    return h.hexdigest()


def input_files(claims_dir: Path) -> list[Path]:
    """Every claim file a run may read under ``claims_dir``, sorted; hidden entries skipped."""
    return files_under(claims_dir, INPUT_SUFFIXES)


def source_text_candidates(corpus: Corpus, root: Path) -> list[Path]:
    """Every path where the loader may look for a source's text (found or not)."""
    out: list[Path] = []
    for source in corpus.sources.values():
        if not source.file or Path(source.file).is_absolute():
            continue
        out.append(root / source.file)
        if source.where is not None:
            out.append(Path(source.where.path).parent / source.file)
    return out


class RunCache:
    """Skip a whole run whose inputs, options and outputs are exactly as last time.

    The key covers the tool's fingerprint, the command and its options, and
    the content of every claim file under the folder. The record stored under
    it lists the source texts that run read and the files it wrote, with their
    hashes: the run is *current* only if all still match (a report a person
    edited or deleted, or a changed source text, makes it stale).

    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as d:
    ...     root = Path(d)
    ...     (root / "claims").mkdir()
    ...     _ = (root / "claims" / "a.yaml").write_text("claims: []\\n")
    ...     runs = RunCache(Cache(root / ".claimgraph-cache"), "report", root / "claims", ["md"])
    ...     runs.current(root / "reports") is None
    ...     (root / "reports").mkdir()
    ...     _ = (root / "reports" / "index.md").write_text("# Index\\n")
    ...     runs.remember([], root / "reports", {"index.md": "# Index\\n"}, {"events": 0})
    ...     runs.current(root / "reports")
    True
    True
    {'events': 0}
    """

    def __init__(
        self, cache: Cache, command: str, claims_dir: Path, options: Sequence[str]
    ) -> None:
        self.cache = cache
        self.claims_dir = claims_dir
        files = input_files(claims_dir) if cache.enabled else []
        parts: list[str] = [command, *options]
        for path in files:
            parts += [path.relative_to(claims_dir).as_posix(), hash_file(path)]
        self.key = content_key(cache.fingerprint, *parts)

    def current(self, out_dir: Path) -> dict[str, Any] | None:
        """The summary the last identical run recorded, if its outputs are still intact."""
        record = self.cache.get("run", self.key)
        if not isinstance(record, dict):
            return None
        try:
            texts: Mapping[str, str] = record["texts"]
            outputs: Mapping[str, str] = record["outputs"]
            summary: dict[str, Any] = record["summary"]
            if record["out_dir"] != str(out_dir.absolute()):
                return None
        except (KeyError, TypeError):
            return None
        for path, digest in texts.items():
            if hash_file(Path(path)) != digest:
                return None
        for name, digest in outputs.items():
            if hash_file(out_dir / name) != digest:
                return None
        return summary

    def remember(
        self,
        text_paths: Iterable[Path],
        out_dir: Path,
        outputs: Mapping[str, str],
        summary: Mapping[str, Any],
    ) -> bool:
        """Record a finished run: the source texts it read, the files (name -> text) it wrote."""
        digests = {
            name: hashlib.sha256(text.encode("utf-8")).hexdigest() for name, text in outputs.items()
        }
        return self.remember_digests(text_paths, out_dir, digests, summary)

    def remember_digests(
        self,
        text_paths: Iterable[Path],
        out_dir: Path,
        digests: Mapping[str, str],
        summary: Mapping[str, Any],
    ) -> bool:
        """:meth:`remember` given the SHA-256 of each file written (name -> hex digest)
        rather than its text: what a run that streamed its files still holds."""
        record = {
            "texts": {str(p): hash_file(p) for p in text_paths},
            "out_dir": str(out_dir.absolute()),
            "outputs": dict(digests),
            "summary": dict(summary),
        }
        return self.cache.put("run", self.key, record)
