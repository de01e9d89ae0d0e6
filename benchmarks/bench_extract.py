"""Extraction speed: reports per second on one core.

Extracts the three seed reports and the held-out reports (tests/data/extract/
heldout/reports) again and again with the registry of the bundled claims
folder (its parties, aliases, aspects and events), and prints the reports
per second of CPU time for extraction alone and for extraction plus writing
the draft's YAML (in memory). CPU time (``time.process_time``), best of
``--repeat`` runs with the garbage collector paused, as ``timeit`` does, so
that other processes on a shared machine do not blur the figure (many short
runs: on a busy machine the best of them is the one that ran undisturbed).
One process, one thread: one core.

Usage::

    .venv/bin/python -m benchmarks.bench_extract
    .venv/bin/python -m benchmarks.bench_extract --seeds-only
    .venv/bin/python -m benchmarks.bench_extract --real         # the real articles
    .venv/bin/python -m benchmarks.bench_extract --long 25000   # one 25,000-sentence text

``--real`` times the real articles instead (every
tests/data/extract/real*/reports/*.txt, longer than the seeds), with the same
registry, and prints characters per second as well.

``--long N`` times one extraction of a single text of N sentences (the
seeds' sentences over and over, one party and aspect recurring): the cost
must grow with the text, not with its square.

``--count N`` makes N passes of extraction alone (after two passes to warm
the caches, the collector paused) inside one call of ``functools.reduce``,
so that callgrind counts the instructions of those passes and nothing else
(the load of a shared machine does not change the count)::

    valgrind --tool=callgrind --toggle-collect=functools_reduce \
        .venv/bin/python -m benchmarks.bench_extract --seeds-only --count 3

(the "Collected" figure, divided by N, is the instructions of one pass).
"""

from __future__ import annotations

import argparse
import functools
import gc
import time
from collections.abc import Callable
from pathlib import Path

from claimgraph.extract import Extractor, generate_draft
from claimgraph.extract.attribution import Registry
from claimgraph.load import read_corpus

ROOT = Path(__file__).resolve().parent.parent


def reports(seeds_only: bool = False, real: bool = False) -> list[Path]:
    """The seed reports and (unless ``seeds_only``) the held-out reports; or the real ones."""
    if real:
        return sorted((ROOT / "tests" / "data" / "extract").glob("real*/reports/*.txt"))
    found = sorted((ROOT / "seeds").glob("*.txt"))
    if not seeds_only:
        found += sorted((ROOT / "tests" / "data" / "extract" / "heldout" / "reports").glob("*.txt"))
    return found


def best_of(repeat: int, work: Callable[[], None]) -> float:
    """The least CPU time of ``repeat`` runs of ``work``, the collector paused."""
    times = []
    for _ in range(repeat):
        gc.collect()
        gc.disable()
        try:
            t0 = time.process_time()
            work()
            times.append(time.process_time() - t0)
        finally:
            gc.enable()
    return min(times)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=30, help="passes over all reports per run")
    parser.add_argument("--repeat", type=int, default=20, help="runs; the best is kept")
    parser.add_argument("--claims", type=Path, default=ROOT / "claims", help="registry folder")
    parser.add_argument("--seeds-only", action="store_true", help="only the three seed reports")
    parser.add_argument("--real", action="store_true", help="the real articles instead")
    parser.add_argument("--long", type=int, default=0, metavar="N", help="one text of N sentences")
    parser.add_argument("--count", type=int, default=0, metavar="N", help="N passes for callgrind")
    args = parser.parse_args(argv)
    if args.long:
        long_text(args.long)
        return

    corpus, _ = read_corpus(args.claims)
    extractor = Extractor(Registry.from_corpus(corpus))
    texts = [(p, p.read_text(encoding="utf-8")) for p in reports(args.seeds_only, args.real)]
    chars = sum(len(t) for _, t in texts)
    size = chars / len(texts)
    extractor.extract(texts[0][1], texts[0][0])  # warm the caches (lexicon, regexes)
    if args.count:
        count_passes(extractor, texts, args.count)
        return

    def extract_only() -> None:
        for _ in range(rounds):
            for path, text in texts:
                extractor.extract(text, path)

    def extract_and_yaml() -> None:
        for _ in range(rounds):
            for path, text in texts:
                "\n".join(generate_draft(extractor.extract(text, path)))

    rounds = args.rounds if not args.real else max(1, args.rounds // 10)
    n = rounds * len(texts)
    print(f"{len(texts)} reports, {size:,.0f} characters on average, {n} extractions per run")
    for name, work in (("extract", extract_only), ("extract + draft YAML", extract_and_yaml)):
        seconds = best_of(args.repeat, work)
        print(
            f"{name:<22} {n / seconds:8.0f} reports/s  ({seconds * 1000 / n:.2f} ms each, "
            f"{rounds * chars / seconds / 1000:,.0f}k characters/s)"
        )


def count_passes(extractor: Extractor, texts: list[tuple[Path, str]], passes: int) -> None:
    """``passes`` passes over ``texts`` inside ``functools.reduce`` (for callgrind's
    ``--toggle-collect=functools_reduce``), after two passes to warm the caches."""
    for _ in range(2):
        for path, text in texts:
            extractor.extract(text, path)

    def one_pass(done: int, _: object) -> int:
        for path, text in texts:
            extractor.extract(text, path)
        return done + 1

    gc.collect()
    gc.disable()
    try:
        functools.reduce(one_pass, range(passes), 0)
    finally:
        gc.enable()
    print(f"{passes} passes over {len(texts)} reports")


def long_text(sentences: int) -> None:
    """Time one extraction of a text of ``sentences`` sentences."""
    corpus, _ = read_corpus(ROOT / "claims")
    extractor = Extractor(Registry.from_corpus(corpus))
    lines = [
        "The Russian Ministry of Defence said that {n} drones were shot down over Crimea.",
        "According to Aksyonov, {n} people were injured in Dzhankoi.",
        "Local residents reported explosions near the railway station.",
    ]
    body = " ".join(lines[i % 3].format(n=i + 2) for i in range(sentences))
    text = "date 2024-01-04 " + body
    t0 = time.process_time()
    draft = extractor.extract(text, "long.txt")
    seconds = time.process_time() - t0
    print(
        f"one text of {sentences:,} sentences ({len(text):,} characters): "
        f"{seconds:.1f} s, {len(draft.claims):,} claims, {sentences / seconds:,.0f} sentences/s"
    )


if __name__ == "__main__":
    main()
