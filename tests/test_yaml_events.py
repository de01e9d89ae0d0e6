"""Items read straight from the parser's events equal those of the composed document."""

from __future__ import annotations

from pathlib import Path

import pytest

from claimgraph.io.yaml_read import Item, compose, parse_yaml, to_item
from claimgraph.problems import Report

ROOT = Path(__file__).resolve().parents[1]

TRICKY = [
    "",
    "# only a comment\n",
    "---\n",
    "a: 1\n---\nb: 2\n",
    "a: !!int x\nb: !foo 1\n",
    "!!set {a: 1}",
    "[1, 2",
    "a: b: c",
    "{[1]: 2, c: 3}",
    "a: 1\na: 2\n",
    "? [x]\n: {y: !!bad 1}\nb: 2\n",
    "a: ! 12\nb: !!str 12\nc: '12'\nd: 2023-01-02\ne: 2023-02-30\nf: 0x1F\ng: .inf\nh: ~\ni: yes\n",
    "- !!binary aGk=\n- !!timestamp 2001-12-14\n- !!seq [a]\n- !!map {a: b}\n",
    "\t- a",
    "%YAML 1.1\n---\na: 1\n",
    "a: [b, {c: d}, [e]]\nf:\n  - g: h\n    i: 'j'\n",
    "a: [" * 70 + "]" * 70 + "\n",
    # composed instead: anchors, aliases, merge keys
    "a: &x 1\nb: *x\n",
    "a: {<<: {b: 1}, c: 2}\n",
    "<<: 1\n! <<: 2\n",
    "!!merge x: 1\n",
    "- &a [1]\n- *a\n",
    "a: *undefined\n",
    "? &k [a]\n: 1\n",
    "emergency: the word holds 'merge'\n",
]


def _composed(text: str) -> tuple[Item | None, list[str]]:
    report = Report()
    node = compose(text, "f.yaml", report)
    item = None if node is None else to_item(node, "f.yaml", report)
    return item, [str(p) for p in report.problems]


def _read(text: str) -> tuple[Item | None, list[str]]:
    report = Report()
    item = parse_yaml(text, "f.yaml", report)
    return item, [str(p) for p in report.problems]


def _texts() -> list[str]:
    files = sorted((ROOT / "tests" / "data").rglob("*.yaml")) + sorted(
        (ROOT / "claims").rglob("*.yaml")
    )
    return TRICKY + [p.read_text(encoding="utf-8", errors="replace") for p in files]


@pytest.mark.parametrize("text", _texts())
def test_events_give_the_composed_items(text: str) -> None:
    assert _read(text) == _composed(text)
