"""The CLI's choice enums say exactly what the library accepts (no drift between copies)."""

from __future__ import annotations

from typing import get_args

from claimgraph import convert
from claimgraph.cli import convert as cli_convert
from claimgraph.cli import tables as cli_tables
from claimgraph.views import graph


def test_graph_formats_are_the_librarys() -> None:
    values = [f.value for f in cli_tables.GraphFormat]
    assert values == list(graph.FORMATS) == list(get_args(graph.GraphFormat))


def test_convert_targets_are_the_librarys() -> None:
    values = [f.value for f in cli_convert.Format]
    assert values == list(convert.FORMATS) == list(get_args(convert.Target))


def test_table_formats_are_the_librarys() -> None:
    from claimgraph.views import frames

    values = [f.value for f in cli_tables.TableFormat]
    assert values == list(get_args(frames.TableFormat))
