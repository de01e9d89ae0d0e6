"""Claim documents written as CSV and JSON Lines: :func:`generate_csv`, :func:`generate_jsonl`.

The formats are described in :mod:`claimgraph.bulk`; a document that cannot be
written without losing data raises :class:`~claimgraph.bulkcells.BulkFormatError`.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from datetime import date, datetime
from typing import Any

from claimgraph.bulkcells import (
    _DATE_FIELDS,
    _LIST_COLUMNS,
    _TEXT_ASPECTS_DEFAULT,
    CSV_COLUMNS,
    BulkFormatError,
    _defused,
    _split,
    _type_name,
    _typed,
)
from claimgraph.schema import CLAIM_FIELDS, LINK_FIELDS, REVIEW_FIELDS, SOURCE_FIELDS

__all__ = ["generate_csv", "generate_jsonl"]


def _cell(value: Any, *, field: str) -> str:
    """One plain value as CSV cell text."""
    if value is None:
        return ""
    if isinstance(value, bool):
        raise BulkFormatError(f"{field}: a boolean ({value}) cannot be kept in a CSV cell")
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = [_cell(v, field=field) for v in value]
        if any(";" in i or not i.strip() or i != i.strip() for i in items):
            raise BulkFormatError(f"{field}: list item {items!r} cannot be kept in a CSV cell")
        return "; ".join(items) + (";" if len(items) == 1 else "")
    if isinstance(value, dict):
        raise BulkFormatError(f"{field}: a mapping cannot be kept in a CSV cell")
    text = str(value)
    return text


def _check_cell_round_trip(column: str, value: Any, cell: str, text_aspect: bool) -> None:
    back: Any
    field = _type_name(column)
    if column in _LIST_COLUMNS or (column == "value" and not text_aspect):
        parts = _split(cell)
        back = [_typed(field, p) for p in parts] if isinstance(parts, list) else _typed(field, cell)
    else:
        back = _typed(field, cell)
    expect = list(value) if isinstance(value, tuple) else value
    if isinstance(expect, str) and (
        (column == "value" and isinstance(back, int | float))
        or (field in _DATE_FIELDS and isinstance(back, date))
    ):
        return  # quoted "1" or "2023-03-20" reads back as 1 or a date: the loader types both alike
    if back != expect or type(back) is not type(expect):
        raise BulkFormatError(
            f"{column}: {value!r} would read back as {back!r} from a CSV cell; keep this file in "
            "YAML or JSON Lines"
        )


def _unknown(mapping: Mapping[str, Any], known: Iterable[str], what: str) -> None:
    extra = sorted(set(mapping) - set(known))
    if extra:
        fields = ", ".join(extra)
        raise BulkFormatError(f"{what} has field(s) {fields} that this format cannot hold")


def generate_csv(
    docs: Iterable[Mapping[str, Any]],
    *,
    text_aspects: Collection[str] = _TEXT_ASPECTS_DEFAULT,
) -> Iterator[str]:
    """CSV text, in chunks, for claim documents (plain ``{"source", "claims"}`` mappings).

    Source fields are written on the first row of each source. Raises
    :class:`BulkFormatError` if a value would not read back the same.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    # A bare "\r" ends a line for CSV readers unless its cell is quoted, and
    # the minimal quoting only looks for "\n": rows holding one quote all cells.
    quoting_writer = csv.writer(buffer, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(CSV_COLUMNS)
    for doc in docs:
        _unknown(doc, ("source", "claims"), "a claim file for CSV")
        source = doc.get("source") or {}
        _unknown(source, SOURCE_FIELDS, f"source '{source.get('id')}'")
        sid = source.get("id")
        if not isinstance(sid, str) or not sid:
            raise BulkFormatError("every claim needs a source with an id to be kept in CSV")
        first = True
        for claim in doc.get("claims") or []:
            cid = claim.get("id")
            _unknown(claim, CLAIM_FIELDS, f"claim '{cid}'")
            row: dict[str, str] = {"source": sid}
            if first:
                for key in SOURCE_FIELDS[1:]:
                    row[f"source_{key}"] = _cell(source.get(key), field=key)
                    if key in source:
                        _check_cell_round_trip(key, source[key], row[f"source_{key}"], False)
                first = False
            text_aspect = claim.get("aspect") in text_aspects
            for key, value in claim.items():
                if key == "links":
                    _unknown(value or {}, LINK_FIELDS, f"links of claim '{cid}'")
                    flat = {f"links_{k}": v for k, v in (value or {}).items()}
                elif key == "review":
                    _unknown(value or {}, REVIEW_FIELDS, f"review of claim '{cid}'")
                    flat = {f"review_{k}": v for k, v in (value or {}).items()}
                else:
                    flat = {key: value}
                for col, v in flat.items():
                    if v is None:
                        continue
                    row[col] = _cell(v, field=col)
                    if isinstance(v, list) and not v:
                        raise BulkFormatError(f"claim '{cid}': empty list in {col}")
                    _check_cell_round_trip(col, v, row[col], text_aspect)
            cells = [_defused(row.get(c, "")) for c in CSV_COLUMNS]
            (quoting_writer if any("\r" in c for c in cells) else writer).writerow(cells)
            yield buffer.getvalue()
            buffer.seek(0)
            buffer.truncate()
        if first:  # a source without claims: one row that only describes it
            row = {"source": sid}
            for key in SOURCE_FIELDS[1:]:
                row[f"source_{key}"] = _cell(source.get(key), field=key)
            cells = [_defused(row.get(c, "")) for c in CSV_COLUMNS]
            (quoting_writer if any("\r" in c for c in cells) else writer).writerow(cells)
    yield buffer.getvalue()


def _json_default(value: Any) -> str:
    if isinstance(value, datetime | date):
        return value.isoformat()
    raise BulkFormatError(f"{type(value).__name__} value cannot be kept in JSON")


def generate_jsonl(docs: Iterable[Mapping[str, Any]]) -> Iterator[str]:
    """JSON Lines for claim documents: a source record, then one line per claim."""
    dumps: Callable[[Any], str] = lambda v: json.dumps(  # noqa: E731
        v, ensure_ascii=False, default=_json_default
    )
    for doc in docs:
        _unknown(doc, ("source", "claims"), "a claim file for JSON Lines")
        source = doc.get("source")
        if not isinstance(source, Mapping) or not source.get("id"):
            raise BulkFormatError("every claim needs a source with an id to be kept in JSON Lines")
        yield dumps({"source": dict(source)}) + "\n"
        for claim in doc.get("claims") or []:
            if "source" in claim:
                raise BulkFormatError(f"claim '{claim.get('id')}' has a field named source")
            yield dumps(dict(claim)) + "\n"
