"""Reading the extractor's YAML data (gazetteer, actor catalogue) through the safe layer.

Package data and a claims folder's extensions are read alike: bounded in
size, composed by :mod:`claimgraph.yamlsafe` (nesting, alias and size
limits) and refused with a ``path:line:column: message`` error, never a
traceback.

>>> read_data_text("places: {Kyiv: {kind: town}}\\n", "g.yaml")
{'places': {'Kyiv': {'kind': 'town'}}}
>>> read_data_text("places: [\\n", "g.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: g.yaml:2:1: ...
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.io.files import ReadRefused, read_regular
from claimgraph.io.yaml_read import decode, parse_yaml
from claimgraph.problems import Report

__all__ = ["read_data_file", "read_data_text", "read_package_data"]


def read_data_text(text: str, path: str) -> Any:
    """The plain value of YAML ``text``; ``ValueError`` naming the first problem's place."""
    report = Report()
    item = parse_yaml(text, path, report)
    if report.errors:
        raise ValueError(str(report.errors[0]))
    return item.plain() if item is not None else None


def read_data_file(path: Path) -> Any:
    """The plain value of a YAML data file, read with the project's limits.

    Raises ``ValueError`` (``path:line:column: message``) for a file that
    is too large, not UTF-8 or not valid YAML, ``OSError`` when unreadable.
    """
    shown = str(path)
    try:
        data = read_regular(path)
    except ReadRefused as exc:
        raise ValueError(f"{shown}: {exc}") from None
    report = Report()
    text = decode(data, shown, report)
    if text is None:
        raise ValueError(str(report.errors[0]))
    return read_data_text(text, shown)


def read_package_data(name: str) -> Any:
    """The plain value of ``claimgraph/data/<name>`` (the built-in vocabulary)."""
    text = resources.files("claimgraph").joinpath(f"data/{name}").read_text("utf-8")
    return read_data_text(text, f"claimgraph/data/{name}")
