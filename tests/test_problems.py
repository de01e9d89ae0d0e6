"""The catalogue of problem types holds every type the code emits, and no other."""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import get_args

from claimgraph.problems import CATALOGUE, ProblemType, Report

SRC = Path(__file__).resolve().parent.parent / "src" / "claimgraph"
KEBAB = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+|[a-z]+")
# Calls whose first argument is a problem type: Report.add/at, FieldReader.add, Problem(...).
EMITTERS = {"add", "at", "Problem", "problem", "_report_at"}


def emitted_types() -> dict[str, list[str]]:
    """Every literal problem type passed to an emitter in src/, with its places."""
    found: dict[str, list[str]] = {}
    for path in sorted(SRC.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or len(node.args) < 2:
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", None)
            args = node.args[2:] if name == "_report_at" else node.args
            first = args[0] if args else None
            # A bare add(...) is some local helper (link.py's edges), not an emitter.
            bare_add = name == "add" and not isinstance(func, ast.Attribute)
            if name not in EMITTERS or bare_add or not isinstance(first, ast.Constant):
                continue
            if isinstance(first.value, str) and KEBAB.fullmatch(first.value):
                place = f"{path.relative_to(SRC)}:{node.lineno}"
                found.setdefault(first.value, []).append(place)
    return found


def test_literal_and_catalogue_agree() -> None:
    assert list(CATALOGUE) == list(get_args(ProblemType))
    for kind in CATALOGUE.values():
        assert kind.title and kind.description.endswith((".", ")"))


def test_every_emitted_type_is_catalogued() -> None:
    emitted = emitted_types()
    assert "unknown-column" in emitted and "csv-syntax" in emitted  # the scan sees them
    unknown = {t: places for t, places in emitted.items() if t not in CATALOGUE}
    assert unknown == {}


def test_every_catalogued_type_is_emitted_somewhere() -> None:
    text = "\n".join(p.read_text(encoding="utf-8") for p in SRC.rglob("*.py"))
    named = set(re.findall(r'"([a-z0-9-]+)"', text.replace(_catalogue_source(), "")))
    assert [t for t in CATALOGUE if t not in named] == []


def _catalogue_source() -> str:
    source = (SRC / "problems.py").read_text(encoding="utf-8")
    start = source.index("ProblemType = Literal[")
    end = source.index("\n}\n", source.index("CATALOGUE:"))
    return source[start:end]


def test_report_at_places_the_problem() -> None:
    from claimgraph.model import Location

    report = Report()
    report.at("unknown-party", "unknown party 'hur'", Location("a.yaml", 3, 5), id="c1")
    assert str(report.problems[0]) == "a.yaml:3:5: unknown party 'hur'"
