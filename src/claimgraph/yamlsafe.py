"""Moved to :mod:`claimgraph.io.yaml_read`; this name only re-exports it for old imports."""

from __future__ import annotations

from claimgraph.io.yaml_read import (
    MAX_ALIAS_NODES,
    MAX_DEPTH,
    Item,
    compose,
    decode,
    parse_yaml,
    to_item,
)

__all__ = ["MAX_ALIAS_NODES", "MAX_DEPTH", "Item", "compose", "decode", "parse_yaml", "to_item"]
