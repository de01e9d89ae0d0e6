"""The cells of CSV and JSON Lines claim files: the columns, typed values, formula defusing.

What both :mod:`claimgraph.bulk` (reading) and :mod:`claimgraph.bulkwrite`
(writing) need: the columns, which are lists, dates and integers, a cell's
text typed the way YAML types it, and the ``'`` that keeps a spreadsheet from
running a cell as a formula.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import Any

import yaml

from claimgraph.schema import CLAIM_FIELDS, LINK_FIELDS, REVIEW_FIELDS, SOURCE_FIELDS

__all__ = ["BULK_SUFFIXES", "CSV_COLUMNS", "BulkFormatError"]


BULK_SUFFIXES = (".csv", ".jsonl")


CSV_COLUMNS: tuple[str, ...] = (
    *(f for f in CLAIM_FIELDS if f not in ("links", "review")),
    *(f"links_{f}" for f in LINK_FIELDS),
    *(f"review_{f}" for f in REVIEW_FIELDS),
    "source",
    *(f"source_{f}" for f in SOURCE_FIELDS if f != "id"),
)
"""Every column a claims CSV may have, in the order :func:`generate_csv` writes them."""


_LIST_COLUMNS = frozenset({"evidence", "links_contradicts", "links_corroborates"})


_DATE_FIELDS = frozenset({"said_on", "published", "date"})


_INT_FIELDS = frozenset({"review_value", "review_best", "review_worst"})


_TEXT_ASPECTS_DEFAULT = frozenset({"comment"})


_RESOLVER = yaml.resolver.Resolver()


_TIMESTAMP = "tag:yaml.org,2002:timestamp"


_INT = "tag:yaml.org,2002:int"


_FLOAT = "tag:yaml.org,2002:float"


_CONSTRUCT = yaml.SafeLoader("")


class BulkFormatError(ValueError):
    """A document cannot be written as a CSV or JSON Lines claim file without losing data."""


def _yaml_scalar(text: str, tags: Collection[str]) -> Any:
    """``text`` typed the way a YAML plain scalar would be, for the given tags only.

    >>> _yaml_scalar("2023-03-20", {_TIMESTAMP})
    datetime.date(2023, 3, 20)
    >>> _yaml_scalar("10", {_INT, _FLOAT}), _yaml_scalar("ten", {_INT})
    (10, 'ten')
    """
    tag = _RESOLVER.resolve(yaml.ScalarNode, text, (True, False))  # type: ignore[no-untyped-call]
    if tag not in tags:
        return text
    try:
        return _CONSTRUCT.yaml_constructors[tag](_CONSTRUCT, yaml.ScalarNode(tag, text))
    except (ValueError, OverflowError, TypeError):
        return text  # e.g. 2023-02-30: left as text for the field's check to report


def _type_name(column: str) -> str:
    """The field name that decides how a column's cells are typed."""
    if column in _INT_FIELDS:
        return column
    return column.removeprefix("review_").removeprefix("links_").removeprefix("source_")


def _typed(field: str, text: str) -> Any:
    if field in _DATE_FIELDS:
        return _yaml_scalar(text, {_TIMESTAMP})
    if field in _INT_FIELDS or field == "value":
        return _yaml_scalar(text, {_INT, _FLOAT})
    return text


def _split(text: str) -> list[str] | str:
    """A cell that may hold a ``;``-separated list.

    >>> _split("video; photo"), _split("video"), _split("house;")
    (['video', 'photo'], 'video', ['house'])
    """
    if ";" not in text:
        return text
    return [part.strip() for part in text.split(";") if part.strip()]


# A cell starting with one of these is run as a formula by spreadsheets (OWASP CSV
# injection); the writer puts a ``'`` before it, and before a ``'`` that precedes one.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


_DEFUSED_START = tuple("'" + c for c in (*_FORMULA_START, "'"))


def _defused(cell: str) -> str:
    """A cell a spreadsheet shows as text, never runs; :func:`_undefused` undoes it exactly.

    >>> print(_defused('=HYPERLINK("x")'), _defused("'Tis"), _defused("'=1"), _defused("house"))
    '=HYPERLINK("x") 'Tis ''=1 house
    >>> all(_undefused(_defused(t)) == t for t in ["=1", "'=1", "''", "'", "@SUM(A1)", "-x"])
    True
    """
    risky = cell.startswith(_FORMULA_START) or cell.startswith(_DEFUSED_START)
    return "'" + cell if risky else cell


def _undefused(cell: str) -> str:
    return cell[1:] if cell.startswith(_DEFUSED_START) else cell
