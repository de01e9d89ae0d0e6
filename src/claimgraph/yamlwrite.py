"""Moved to :mod:`claimgraph.io.yaml_write`; this name only re-exports it for old imports."""

from __future__ import annotations

from claimgraph.io.yaml_write import dump

__all__ = ["dump"]
