"""claimgraph's link + assess against truthdiscovery's Dataset + TruthFinder + Sums.

The anchor of issue #18: the same claims given to a general truth-discovery
library (`truthdiscovery <https://pypi.org/project/truthdiscovery/>`_, never a
dependency of claimgraph: install it in a benchmark venv only). Both read the
claims of one generated archive, loaded once by claimgraph (not timed):

- **truthdiscovery**: ``Dataset`` of (party, (event, aspect), value) triples,
  one per asserting claim (a denial or a silence has no place in its model),
  then ``TruthFinder().run`` and ``Sums().run`` on it;
- **claimgraph**: ``jobs.link`` (positions, compatibility, count updates,
  echoes) and ``jobs.assess`` (statuses, spreads, track records).

Times are CPU seconds (user + system) of this process, the best of
``--repeat`` runs of each, alternated so that the machine's load falls on
both alike. The target: claimgraph within 5x truthdiscovery.

Usage::

    .venv/bin/pip install --no-deps truthdiscovery && .venv/bin/pip install scipy bidict
    .venv/bin/python -m benchmarks.bench_truth --claims benchmarks/out/corpus-100000-seed1/claims
    .venv/bin/python -m benchmarks.bench_truth --claims ... --memory  # bytes per claim kept

(truthdiscovery's drawing module needs cairo and imageio; only its
algorithms are used, so it is not imported.)
"""

from __future__ import annotations

import argparse
import gc
import sys
import time
import tracemalloc
import types
from collections.abc import Callable
from pathlib import Path
from typing import Any

from claimgraph import jobs
from claimgraph.model import Corpus, Stance


def _truthdiscovery() -> Any:
    # The package's __init__ imports its drawing code (cairo, imageio): stand it aside.
    sys.modules.setdefault("truthdiscovery.graphs", types.ModuleType("truthdiscovery.graphs"))
    import truthdiscovery

    return truthdiscovery


def triples(corpus: Corpus) -> list[tuple[str, tuple[str, str], object]]:
    """One (source, variable, value) triple per asserting claim: the party as the
    source, the question (event, aspect) as the variable, the typed value."""
    return [
        (c.party, (c.event, c.aspect), c.value)
        for c in corpus.claims.values()
        if c.stance is Stance.ASSERTS and c.value is not None
    ]


def _cpu(fn: Callable[[], object]) -> tuple[float, object]:
    start = time.process_time()
    result = fn()
    return time.process_time() - start, result


def run_truthdiscovery(
    td: Any, rows: list[tuple[str, tuple[str, str], object]]
) -> dict[str, float]:
    """CPU seconds of Dataset, TruthFinder and Sums on these triples."""
    dataset_s, dataset = _cpu(lambda: td.Dataset(rows, allow_multiple=True))
    finder_s, _ = _cpu(lambda: td.TruthFinder().run(dataset))
    sums_s, _ = _cpu(lambda: td.Sums().run(dataset))
    return {"dataset": dataset_s, "truthfinder": finder_s, "sums": sums_s}


def run_claimgraph(corpus: Corpus) -> dict[str, float]:
    """CPU seconds of claimgraph's link and assess on the corpus."""
    link_s, linked = _cpu(lambda: jobs.link(corpus))
    assess_s, _ = _cpu(lambda: jobs.assess(linked))  # type: ignore[arg-type]
    return {"link": link_s, "assess": assess_s}


def memory(corpus: Corpus) -> dict[str, tuple[int, int]]:
    """Bytes that link and assess keep (live after each) and their peaks, by tracemalloc.

    Measured from the loaded corpus (not counted); each stage's peak is the most
    held at once during it, the corpus excluded.
    """
    gc.collect()
    tracemalloc.start()
    try:
        linked = jobs.link(corpus)
        link_live, link_peak = tracemalloc.get_traced_memory()
        tracemalloc.reset_peak()
        assessment = jobs.assess(linked)
        assess_live, assess_peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del assessment, linked
    return {"link": (link_live, link_peak), "assess": (assess_live, assess_peak)}


def main(argv: list[str] | None = None) -> int:
    """Command line; see the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--claims", type=Path, required=True, help="a generated claims folder")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument(
        "--memory",
        action="store_true",
        help="instead: the bytes per claim link and assess keep and peak at (tracemalloc)",
    )
    args = parser.parse_args(argv)
    corpus = jobs.load(args.claims).corpus
    if args.memory:
        n = len(corpus.claims) or 1
        for stage, (live, peak) in memory(corpus).items():
            print(f"{stage}: live {live / n:,.0f} B/claim, peak {peak / n:,.0f} B/claim")
        return 0
    td = _truthdiscovery()
    rows = triples(corpus)
    best_td: dict[str, float] = {}
    best_cg: dict[str, float] = {}
    for _ in range(args.repeat):
        gc.collect()
        got = run_truthdiscovery(td, rows)
        if not best_td or sum(got.values()) < sum(best_td.values()):
            best_td = got
        gc.collect()
        got = run_claimgraph(corpus)
        if not best_cg or sum(got.values()) < sum(best_cg.values()):
            best_cg = got
    a, b = sum(best_td.values()), sum(best_cg.values())
    print(f"claims: {len(corpus.claims):,} ({len(rows):,} asserting, the triples)")
    print(
        "truthdiscovery: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in best_td.items())
        + f"; total {a:.2f} s CPU"
    )
    print(
        "claimgraph: "
        + ", ".join(f"{k} {v:.2f} s" for k, v in best_cg.items())
        + f"; total {b:.2f} s CPU"
    )
    verdict = "met" if b / a <= 5 else "MISSED"
    print(f"link + assess / truthdiscovery: {b / a:.1f}x (target <= 5x: {verdict})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
