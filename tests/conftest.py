"""Shared fixtures: a CLI runner and a copier of fixture claim folders."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

DATA = Path(__file__).parent / "data"


@pytest.fixture
def runner() -> CliRunner:
    """A Typer CLI runner (stderr kept apart from stdout where Click allows it)."""
    return CliRunner()


@pytest.fixture
def claims_dir(tmp_path: Path) -> Callable[[str], Path]:
    """Copy a fixture folder (``tests/data/<name>``) into ``tmp_path``; return its ``claims/``.

    The copy's parent is the project root that sources' ``file:`` paths are
    resolved from, so tests may edit the copy freely.
    """

    def copy(name: str) -> Path:
        src = DATA / name
        dst = tmp_path / src.name
        shutil.copytree(src, dst)
        return dst / "claims" if (dst / "claims").is_dir() else dst

    return copy
