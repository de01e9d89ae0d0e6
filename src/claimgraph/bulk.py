"""Claim files as tables: CSV (one row per claim) and JSON Lines (one object per line).

A fact-checking team often keeps claims in a spreadsheet. claimgraph reads
such files next to the YAML ones, turning each into the same documents a YAML
claim file gives (:class:`~claimgraph.io.yaml_read.Item` trees with their lines),
so one loader validates them all with the same ``path:line`` messages.

**CSV** (``*.csv``, UTF-8, a header row): one row per claim. Columns are the
claim fields; lists (``evidence``, a ``set`` value, ``links_contradicts``,
``links_corroborates``) are separated by ``;`` (``house; shop``; a trailing
``;`` makes a one-item list: ``house;``). The source of each row is named in
``source`` and described by ``source_*`` columns, filled on at least one row
of that source (repeating them is fine, contradicting them is a problem), so
one sheet can hold many sources. An empty cell is an absent field. The line
of a row is where it starts in the file, the header being line 1 (a quoted
cell may span lines).

>>> from claimgraph.problems import Report
>>> text = ("id,event,party,quote,aspect,value,source,source_title\\n"
...         "c1,e1,p1,drones did it,cause,drones,s1,Night raid\\n")
>>> r = Report()
>>> [doc] = parse_csv(text, "claims/sheet.csv", r)
>>> plain = doc.plain()
>>> plain["source"], plain["claims"][0]["value"]
({'id': 's1', 'title': 'Night raid'}, 'drones')
>>> doc.value["claims"].value[0].line
2

**JSON Lines** (``*.jsonl``): one JSON object per line, either a source
record ``{"source": {...}}`` (the YAML ``source:`` mapping) or a claim, the
YAML claim mapping; a claim belongs to the source named by its ``"source"``
field, else to the last source record above it. Dates are ISO strings.

>>> lines = ('{"source": {"id": "s1", "published": "2023-03-20"}}\\n'
...          '{"id": "c1", "event": "e1", "party": "p1", "aspect": "killed", "value": 2}\\n')
>>> [doc] = parse_jsonl(lines, "claims/feed.jsonl", r)
>>> doc.plain()["source"]["published"]
datetime.date(2023, 3, 20)

Parties, events, aspects and sides stay in YAML files whatever the claims'
format. :func:`generate_csv` and :func:`generate_jsonl` write documents back
(:mod:`claimgraph.bulkwrite`); the columns and cell types are
:mod:`claimgraph.bulkcells`. This module reads, and re-exports their names.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Collection, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from claimgraph.bulkcells import _CONSTRUCT as _CONSTRUCT
from claimgraph.bulkcells import _DATE_FIELDS as _DATE_FIELDS
from claimgraph.bulkcells import _DEFUSED_START as _DEFUSED_START
from claimgraph.bulkcells import _FLOAT as _FLOAT
from claimgraph.bulkcells import _FORMULA_START as _FORMULA_START
from claimgraph.bulkcells import _INT as _INT
from claimgraph.bulkcells import _INT_FIELDS as _INT_FIELDS
from claimgraph.bulkcells import _LIST_COLUMNS as _LIST_COLUMNS
from claimgraph.bulkcells import _RESOLVER as _RESOLVER
from claimgraph.bulkcells import _TEXT_ASPECTS_DEFAULT as _TEXT_ASPECTS_DEFAULT
from claimgraph.bulkcells import _TIMESTAMP as _TIMESTAMP
from claimgraph.bulkcells import BULK_SUFFIXES as BULK_SUFFIXES
from claimgraph.bulkcells import CSV_COLUMNS as CSV_COLUMNS
from claimgraph.bulkcells import BulkFormatError as BulkFormatError
from claimgraph.bulkcells import _defused as _defused
from claimgraph.bulkcells import _split as _split
from claimgraph.bulkcells import _type_name as _type_name
from claimgraph.bulkcells import _typed as _typed
from claimgraph.bulkcells import _undefused as _undefused
from claimgraph.bulkcells import _yaml_scalar as _yaml_scalar
from claimgraph.bulkwrite import _cell as _cell
from claimgraph.bulkwrite import _check_cell_round_trip as _check_cell_round_trip
from claimgraph.bulkwrite import _json_default as _json_default
from claimgraph.bulkwrite import _unknown as _unknown
from claimgraph.bulkwrite import generate_csv as generate_csv
from claimgraph.bulkwrite import generate_jsonl as generate_jsonl
from claimgraph.io import files
from claimgraph.io.files import read_bounded
from claimgraph.io.yaml_read import Item, decode
from claimgraph.problems import Report, suggest

__all__ = [
    "BULK_SUFFIXES",
    "CSV_COLUMNS",
    "BulkFormatError",
    "generate_csv",
    "generate_jsonl",
    "parse_bulk",
    "parse_csv",
    "parse_jsonl",
    "read_bulk",
]


# -- reading ------------------------------------------------------------------


def _scalar_item(value: Any, line: int, text: str | None = None) -> Item:
    return Item(value, line, 0, text, line, 0)


def _list_item(values: list[Any], line: int) -> Item:
    return Item([_scalar_item(v, line, str(v)) for v in values], line, 0, None, line, 0)


def _cell_item(field: str, cell: str, line: int, *, split: bool) -> Item:
    if split:
        parts = _split(cell)
        if isinstance(parts, list):
            return _list_item([_typed(field, p) for p in parts], line)
    return _scalar_item(_typed(field, cell), line, cell)


@contextmanager
def _big_fields() -> Iterator[None]:
    """Let the csv module read a cell as long as a whole file (its default is 128 KiB)."""
    old = csv.field_size_limit()
    csv.field_size_limit(max(old, files.MAX_FILE_BYTES + 1))
    try:
        yield
    finally:
        csv.field_size_limit(old)


def _csv_rows(text: str, path: str, report: Report) -> list[list[str]] | None:
    """The rows of CSV text (a blank line is an empty row), or None after a syntax problem.

    A row with more cells than the header is a syntax problem of the whole file.
    """
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    last = 0
    try:
        with _big_fields():
            for row in reader:
                if rows and len(row) > len(rows[0]):
                    why = f"{len(row)} cells where the header has {len(rows[0])}"
                    report.add("csv-syntax", f"CSV syntax: {why}", path, last + 1)
                    return None
                rows.append(row)
                last = reader.line_num
    except csv.Error as exc:
        report.add("csv-syntax", f"CSV syntax: {exc}", path, last + 1)
        return None
    return rows


def parse_csv(
    text: str,
    path: str,
    report: Report,
    *,
    text_aspects: Collection[str] = _TEXT_ASPECTS_DEFAULT,
) -> list[Item]:
    """Claim documents (one per source) from CSV text; problems go to ``report``.

    ``text_aspects`` are aspects whose value is free text, never split at ``;``.
    A cell that starts with ``'`` followed by ``=``, ``+``, ``-``, ``@``, a tab,
    a CR or another ``'`` loses that first ``'``: :func:`generate_csv` adds it
    so that a spreadsheet never runs the cell as a formula.
    """
    if not text.strip():
        report.add("empty-file", "empty CSV file: no header row", path, 1, severity="warning")
        return []
    read = _csv_rows(text, path, report)
    if read is None:
        return []
    rows = [[_undefused(cell) for cell in row] for row in read]
    header = [h.strip() for h in rows[0]]
    columns: dict[str, int] = {}
    known = set(CSV_COLUMNS)
    for i, name in enumerate(header):
        if not name:
            if any(i < len(row) and row[i] for row in rows[1:]):
                report.add("unknown-column", f"column {i + 1} has no name", path, 1)
            continue
        if name in columns:
            report.add(
                "duplicate-column", f"duplicate column '{name}' (first is column "
                f"{columns[name] + 1})", path, 1,
            )  # fmt: skip
            continue
        if name not in known:
            report.add(
                "unknown-column",
                f"unknown column '{name}'",
                path,
                1,
                hint=suggest(name, CSV_COLUMNS),
            )
            continue
        columns[name] = i

    # The line each row starts on: one per row, plus the line breaks inside
    # the quoted cells of the rows above it.
    newlines = [sum(cell.count("\n") for cell in row) for row in rows]
    line = 1 + newlines[0]
    docs = _Grouper(path, report)
    for row, extra in zip(rows[1:], newlines[1:], strict=True):
        line += 1
        start = line
        line += extra
        if not any(row):
            continue  # a blank line
        if len(row) < len(header):
            report.add(
                "csv-syntax",
                f"CSV syntax: {len(row)} cell{'s' if len(row) != 1 else ''} where the header "
                f"has {len(header)}: row not read (fill the missing cells, empty if need be)",
                path,
                start,
            )
            continue
        cells = {name: row[i] for name, i in columns.items() if row[i] != ""}
        docs.add_csv_row(cells, start, text_aspects)
    return docs.documents()


class _Grouper:
    """Collects claims into one document per source, in order of first appearance."""

    def __init__(self, path: str, report: Report) -> None:
        self.path = path
        self.report = report
        self.sources: dict[str, dict[str, Item]] = {}
        self.source_lines: dict[str, int] = {}
        self.claims: dict[str, list[Item]] = {}

    def source(self, sid: str, fields: dict[str, Item], line: int) -> None:
        known = self.sources.get(sid)
        if known is None:
            self.sources[sid] = {"id": _scalar_item(sid, line, sid), **fields}
            self.source_lines[sid] = line
            self.claims[sid] = []
            return
        for key, item in fields.items():
            first = known.get(key)
            if first is None:
                known[key] = item
            elif first.value != item.value:
                self.report.add(
                    "source-conflict",
                    f"source '{sid}' has {key} {item.text or item.value!r} here but "
                    f"{first.text or first.value!r} at line {first.line}",
                    self.path,
                    line,
                    id=sid,
                )

    def claim(self, sid: str, claim: Item) -> None:
        self.claims[sid].append(claim)

    def add_csv_row(self, cells: dict[str, str], line: int, text_aspects: Collection[str]) -> None:
        sid = cells.pop("source", "")
        source_fields = {
            key.removeprefix("source_"): _scalar_item(
                _typed(key.removeprefix("source_"), cells[key]), line, cells[key]
            )
            for key in list(cells)
            if key.startswith("source_") and cells.get(key)
        }
        for key in source_fields:
            del cells["source_" + key]
        if not sid:
            cid = cells.get("id", "")
            self.report.add(
                "missing-field",
                f"claim '{cid}' has no source (fill the 'source' column)"
                if cid
                else "row has no source (fill the 'source' column)",
                self.path,
                line,
                id=cid or None,
            )
            return
        self.source(sid, source_fields, line)
        if not cells:
            return  # a row that only describes its source
        claim: dict[str, Item] = {}
        links: dict[str, Item] = {}
        review: dict[str, Item] = {}
        split_value = cells.get("aspect", "") not in text_aspects
        for key, cell in cells.items():
            if key.startswith("links_"):
                field = key.removeprefix("links_")
                links[field] = _cell_item(field, cell, line, split=key in _LIST_COLUMNS)
            elif key.startswith("review_"):
                field = key.removeprefix("review_")
                review[field] = _scalar_item(_typed(_type_name(key), cell), line, cell)
            else:
                split = key in _LIST_COLUMNS or (key == "value" and split_value)
                claim[key] = _cell_item(key, cell, line, split=split)
        if links:
            claim["links"] = Item(links, line, 0, None, line, 0)
        if review:
            claim["review"] = Item(review, line, 0, None, line, 0)
        self.claim(sid, Item(claim, line, 0, None, line, 0))

    def documents(self) -> list[Item]:
        docs = []
        for sid, fields in self.sources.items():
            line = self.source_lines[sid]
            source = Item(fields, line, 0, None, line, 0)
            claims = self.claims[sid]
            first = claims[0].line if claims else line
            docs.append(
                Item(
                    {"source": source, "claims": Item(claims, first, 0, None, first, 0)},
                    line,
                    0,
                )
            )
        return docs


def _json_item(value: Any, line: int, field: str = "") -> Item:
    """A JSON value as an Item tree; ISO strings in date fields become dates."""
    if isinstance(value, dict):
        return Item(
            {str(k): _json_item(v, line, str(k)) for k, v in value.items()}, line, 0, None, line
        )
    if isinstance(value, list):
        return Item([_json_item(v, line, field) for v in value], line, 0, None, line)
    if field in _DATE_FIELDS and isinstance(value, str):
        return _scalar_item(_yaml_scalar(value, {_TIMESTAMP}), line, value)
    text = value if isinstance(value, str) else json.dumps(value)
    return _scalar_item(value, line, text)


def parse_jsonl(text: str, path: str, report: Report) -> list[Item]:
    """Claim documents (one per source) from JSON Lines text; problems go to ``report``."""
    docs = _Grouper(path, report)
    current = ""
    # Lines end at "\n" only (str.splitlines would also split at U+2028 and
    # other characters that JSON strings may hold raw).
    for number, raw in enumerate(text.split("\n"), start=1):
        if not raw.strip():
            continue
        try:
            record = json.loads(raw)
        except json.JSONDecodeError as exc:
            report.add("json-syntax", f"JSON syntax: {exc.msg}", path, number, exc.colno)
            continue
        except ValueError as exc:  # e.g. an integer of more than 4300 digits
            reason = str(exc).split(":")[0]
            report.add("json-syntax", f"JSON value refused: {reason}", path, number)
            continue
        except RecursionError:
            report.add("too-deep", "JSON nested too deeply", path, number)
            continue
        if not isinstance(record, dict):
            report.add(
                "wrong-type",
                f"a line must hold a JSON object (a claim or a source), not {_kind(record)}",
                path,
                number,
            )
            continue
        if set(record) == {"source"} and isinstance(record["source"], dict):
            fields = {k: _json_item(v, number, k) for k, v in record["source"].items()}
            sid = fields.pop("id", None)
            if sid is None or not isinstance(sid.value, str) or not sid.value:
                report.add("missing-field", "source record has no id", path, number)
                continue
            current = sid.value
            docs.source(current, fields, number)
            continue
        sid_value = record.pop("source", current)
        if not isinstance(sid_value, str) or not sid_value:
            cid = record.get("id")
            report.add(
                "missing-field",
                'claim has no source (give a "source" field or a source record above it)',
                path,
                number,
                id=cid if isinstance(cid, str) else None,
            )
            continue
        if sid_value not in docs.sources:
            docs.source(sid_value, {}, number)
        docs.claim(sid_value, _json_item(record, number))
    return docs.documents()


def _kind(value: Any) -> str:
    return {list: "a list", str: "text", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def parse_bulk(text: str, path: str, report: Report, **options: Any) -> list[Item]:
    """Dispatch on the file's suffix: ``.csv`` or ``.jsonl``."""
    if path.endswith(".jsonl"):
        return parse_jsonl(text, path, report)
    return parse_csv(text, path, report, **options)


def read_bulk(path: Path, report: Report, display: str | None = None, **options: Any) -> list[Item]:
    """Read a CSV or JSON Lines claim file; ``display`` is the path shown in messages."""
    shown = display or str(path)
    data = read_bounded(path, shown, report)
    if data is None:
        return []
    text = decode(data, shown, report)
    if text is None:
        return []
    return parse_bulk(text, shown, report, **options)
