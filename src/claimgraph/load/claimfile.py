"""One claim file (YAML, CSV or JSON Lines) read, bounded in size, into a ClaimFile.

The verbs come in pairs: :func:`read_claim_file` takes a path and hands the
text to :func:`parse_claim_file`. A bug while parsing becomes an
``internal-error`` problem, never a traceback.
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path

from claimgraph import bulk
from claimgraph.cache import Cache, content_key
from claimgraph.io.files import read_bounded
from claimgraph.load.parse import parse_claim_document
from claimgraph.load.records import ClaimFile
from claimgraph.problems import Report
from claimgraph.yamlsafe import decode, parse_yaml


def read_claim_file(
    path: Path, display: str | None = None, *, cache: Cache | None = None
) -> tuple[ClaimFile, Report]:
    """Read one claim file (bounded in size, UTF-8) and parse it.

    ``display`` is the path used in messages (default: ``str(path)``). With a
    ``cache``, a file whose exact content was parsed before is not parsed again.
    """
    name = display or str(path)
    refused = Report()
    data = read_bounded(path, name, refused)
    if data is None:
        return ClaimFile(name), refused
    key = content_key("yaml", name, data) if cache is not None else ""
    if cache is not None:
        hit = cache.get("claimfile", key)
        if isinstance(hit, tuple):
            return hit
    report = Report()
    text = decode(data, name, report)
    if text is None:
        return ClaimFile(name), report
    try:
        parsed, more = parse_claim_file(text, name)
    except Exception as exc:  # a bug must not become a traceback: report it, keep going
        internal_error(report, name, exc)
        return ClaimFile(name), report
    report.extend(more)
    if cache is not None:
        cache.put("claimfile", key, (parsed, report))
    return parsed, report


def read_bulk_file(
    path: Path,
    display: str | None = None,
    *,
    text_aspects: Collection[str] = ("comment",),
    cache: Cache | None = None,
) -> list[tuple[ClaimFile, Report]]:
    """Read a CSV or JSON Lines claim file (:mod:`claimgraph.bulk`): one ClaimFile per source.

    Problems of the file as a whole (a CSV syntax error, an unknown column)
    come with the first; a file with no usable source gives one empty ClaimFile.
    ``text_aspects`` are the aspects whose CSV values are never split at ``;``.
    """
    name = display or str(path)
    refused = Report()
    data = read_bounded(path, name, refused)
    if data is None:
        return [(ClaimFile(name), refused)]
    key = content_key("bulk", name, data, *sorted(text_aspects)) if cache is not None else ""
    if cache is not None:
        hit = cache.get("claimfile", key)
        if isinstance(hit, list):
            return hit
    report = Report()
    out: list[tuple[ClaimFile, Report]] = []
    text = decode(data, name, report)
    try:
        docs = (
            [] if text is None else bulk.parse_bulk(text, name, report, text_aspects=text_aspects)
        )
        for doc in docs:
            one = Report()
            out.append((parse_claim_document(doc, name, one), one))
    except Exception as exc:  # a bug must not become a traceback: report it, keep going
        internal_error(report, name, exc)
        out = []
    if not out:
        out.append((ClaimFile(name), Report()))
    out[0][1].problems[:0] = report.problems
    if cache is not None:
        cache.put("claimfile", key, out)
    return out


def internal_error(report: Report, path: str, exc: Exception) -> None:
    report.add(
        "internal-error",
        f"internal error ({type(exc).__name__}: {exc}); this input is not fully checked, "
        "please report it",
        path,
    )


def parse_claim_file(text: str, path: str) -> tuple[ClaimFile, Report]:
    """Parse the text of one claim file into a :class:`ClaimFile` and its problems.

    >>> text = "source: {id: s1}\\nclaims:\\n  - id: c1\\n    evnt: e1\\n"
    >>> f, r = parse_claim_file(text, "a.yaml")
    >>> for p in r.problems[:2]: print(p)
    a.yaml:4:5: unknown field 'evnt' in claim 'c1' (did you mean 'event'?)
    a.yaml:3:5: claim 'c1' has no 'event'
    """
    report = Report()
    doc = parse_yaml(text, path, report)
    if doc is None:
        if report.valid:
            report.add("empty-file", "empty claim file", path, severity="warning")
        return ClaimFile(path), report
    return parse_claim_document(doc, path, report), report
