"""rapidyaml against libyaml (PyYAML's CSafeLoader) on the same claim files.

Issue #18 asks whether a faster parser pays, on two conditions: every problem
keeps its line and column, and the hostile-YAML suite (alias bombs, depth,
tags, duplicate keys) still passes. This times, in CPU seconds, over every
YAML claim file of a generated archive:

- ``yaml.load(text, Loader=yaml.CSafeLoader)``: the floor RESULTS.md uses;
- ``yaml.compose(text, Loader=yaml.CSafeLoader)``: the node tree with marks
  that claimgraph's reader (``yamlsafe``) walks;
- ``ryml.parse_in_arena(data)``: rapidyaml's tree, not yet Python values;
- the same plus a walk of every node's key and value into Python strings
  (the least a reader must do with it);

then probes what the hostile suite needs: positions of nodes, duplicate keys,
aliases and tags.

Usage (rapidyaml is never a dependency; install it in a benchmark venv)::

    .venv/bin/pip install rapidyaml
    .venv/bin/python -m benchmarks.bench_rapidyaml \
        --claims benchmarks/out/corpus-100000-seed1/claims
"""

from __future__ import annotations

import argparse
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml


def _cpu(fn: Callable[[], object]) -> float:
    start = time.process_time()
    fn()
    return time.process_time() - start


def _walk_values(ryml: Any, tree: Any) -> int:
    """Visit every node and turn its key and value into Python text."""
    n = 0
    for node, _depth in ryml.walk(tree):
        if tree.has_key(node):
            bytes(tree.key(node)).decode()
        if tree.has_val(node):
            bytes(tree.val(node)).decode()
        n += 1
    return n


def probes(ryml: Any) -> dict[str, str]:
    """What the hostile suite needs from a parser, tried on rapidyaml."""
    out: dict[str, str] = {}
    has_locations = any(hasattr(obj, "location") for obj in (ryml, ryml.Tree))
    out["node positions (line, column) from Python"] = (
        "yes" if has_locations else "no: the Python wrapper has no Parser/location API"
    )
    try:
        ryml.parse_in_arena(b"a: 1\na: 2\n")
        out["duplicate keys"] = "accepted silently (the last wins, no error)"
    except Exception as exc:
        out["duplicate keys"] = f"refused ({type(exc).__name__})"
    tree = ryml.parse_in_arena(b"a: &x [1, 2]\nb: *x\n")
    out["aliases"] = "kept as references (resolve() expands them: no size limit of its own)"
    del tree
    try:
        ryml.parse_in_arena(b"a: !!python/object:os.system ls\n")
        out["tags"] = "parsed, tag kept as text (the reader would have to refuse it)"
    except Exception as exc:
        out["tags"] = f"refused ({type(exc).__name__})"
    try:
        ryml.parse_in_arena(b"[" * 5000 + b"]" * 5000)
        out["5,000 levels of nesting"] = "parsed (no depth limit to rely on)"
    except Exception as exc:
        out["5,000 levels of nesting"] = f"refused ({type(exc).__name__})"
    try:
        ryml.parse_in_arena(b"a: [1, 2\n")
        out["syntax error"] = "accepted"
    except Exception as exc:
        out["syntax error"] = (
            f"raises {type(exc).__name__}: {(str(exc).splitlines() or [repr(exc)])[0][:80]}"
        )
    return out


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--claims", type=Path, required=True, help="a generated claims folder")
    args = parser.parse_args(argv)
    import ryml

    from claimgraph import jobs
    from claimgraph.io.yaml_read import parse_yaml
    from claimgraph.problems import Report

    paths = sorted(p for p in args.claims.rglob("*.yaml"))
    datas = [p.read_bytes() for p in paths]
    texts = [d.decode("utf-8") for d in datas]

    def each(fn: Callable[[Any], object], items: list[Any]) -> Callable[[], None]:
        # one file at a time, its result dropped, as the loader does: a list of every
        # file's tree would make the collector walk a growing heap (the session-4
        # "compose costs 1.6 x the floor" was that, not the parse)
        def run() -> None:
            for item in items:
                fn(item)

        return run

    times = {
        "yaml.load CSafeLoader (floor)": _cpu(
            each(lambda t: yaml.load(t, Loader=yaml.CSafeLoader), texts)
        ),
        "yaml.compose CSafeLoader (nodes with marks)": _cpu(
            each(lambda t: yaml.compose(t, Loader=yaml.CSafeLoader), texts)
        ),
        "claimgraph's reader: the Item tree with places (io.yaml_read.parse_yaml)": _cpu(
            each(lambda t: parse_yaml(t, "f.yaml", Report()), texts)
        ),
        "claimgraph's whole load (jobs.load: fields read and checked, quotes checked)": _cpu(
            lambda: jobs.load(args.claims, strict=False)
        ),
        "ryml.parse_in_arena (tree only)": _cpu(each(ryml.parse_in_arena, datas)),
        "ryml.parse_in_arena + every key and value as str": _cpu(
            each(lambda d: _walk_values(ryml, ryml.parse_in_arena(d)), datas)
        ),
    }
    print(f"{len(paths):,} files, {sum(map(len, datas)) / 2**20:,.1f} MB, rapidyaml {ryml.version}")
    floor = times["yaml.load CSafeLoader (floor)"]
    for name, seconds in times.items():
        print(f"- {name}: {seconds:.2f} s CPU ({seconds / floor:.2f} x the floor)")
    for name, verdict in probes(ryml).items():
        print(f"- {name}: {verdict}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
