"""Linear-scaling check: 10x the claims in ONE event should cost about 10x the time.

Builds, in memory, one event with N claims from N/5 parties on four sides,
answering category, set and count questions from small vocabularies (so
large agreeing groups form, the case that would cost k^2 if claim pairs were
materialised), with a share of denials, silences, dated count updates and
near-identical reposted quotes (echoes). Times each stage: link
(positions and rules), echoes, graph (networkx) and assess in CPU time,
the best of ``--repeat`` runs with the garbage collector paused (as
``timeit`` does, so that other processes on a shared machine and collector
pauses do not blur the figures), and prints the ratio between consecutive sizes.

Usage::

    .venv/bin/python -m benchmarks.bench_link --sizes 2000,20000 --repeat 3
"""

from __future__ import annotations

import argparse
import gc
import math
import random
import time
from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from claimgraph.analysis.assess import assess
from claimgraph.analysis.echoes import corpus_echoes
from claimgraph.analysis.link import link_corpus
from claimgraph.analysis.linked import Linked
from claimgraph.load import builtin_aspects
from claimgraph.model import (
    Certainty,
    Claim,
    Corpus,
    Event,
    Interval,
    Party,
    Source,
    Stance,
)
from claimgraph.views.graph import build_graph

SIDES = ("russia", "ukraine", "independent", "international")
CAUSES = ("drone-attack", "missile-attack", "air-defence-debris", "sabotage")
INTERCEPTION = ("all-intercepted", "partly-intercepted", "hits")
ITEMS = ("house", "shop", "railway", "port", "school", "depot", "bridge", "airfield")
COUNTS = (Interval(1, 1, "one"), Interval(4, math.inf, "at least four"), Interval(10, 10, "ten"))
WORDS = (
    "explosions heard near the station air defence worked debris fell on a house "
    "residents report smoke over the port missiles struck the depot no casualties "
    "according to preliminary data the ministry said drones were shot down overnight"
).split()


def make_corpus(n: int, seed: int = 1) -> Corpus:
    """One event with ``n`` claims (deterministic for a seed)."""
    rng = random.Random(seed)
    n_parties = max(4, n // 5)
    corpus = Corpus(aspects=builtin_aspects())
    corpus.events["e"] = Event("e", "Synthetic event", date(2024, 1, 4))
    for i in range(n_parties):
        corpus.parties[f"p{i}"] = Party(f"p{i}", f"Party {i}", SIDES[i % len(SIDES)])
    for i in range(max(1, n // 50)):
        corpus.sources[f"s{i}"] = Source(f"s{i}", published=date(2024, 1, 4))
    quotes: list[str] = []
    for i in range(n):
        party = f"p{rng.randrange(n_parties)}"
        source = f"s{rng.randrange(len(corpus.sources))}"
        said = date(2024, 1, 4) + timedelta(days=rng.randrange(3))
        if quotes and rng.random() < 0.05:
            quote = rng.choice(quotes)  # a repost: an echo candidate
        else:
            words = (
                rng.choice(WORDS) if rng.random() < 0.5 else f"w{rng.randrange(5000)}"
                for _ in range(rng.randrange(6, 18))
            )
            quote = " ".join(words)
            quotes.append(quote)
        roll = rng.random()
        stance = Stance.ASSERTS
        value: Any
        if roll < 0.3:
            aspect, value = "cause", rng.choice(CAUSES)
        elif roll < 0.55:
            aspect, value = "interception", rng.choice(INTERCEPTION)
        elif roll < 0.75:
            aspect, value = "damage", frozenset(rng.sample(ITEMS, rng.randrange(1, 3)))
        elif roll < 0.95:
            aspect, value = "injured", rng.choice(COUNTS)
        else:
            aspect, value, stance = "comment", None, Stance.DECLINES
        if stance is Stance.ASSERTS and aspect != "injured" and rng.random() < 0.05:
            stance = Stance.DENIES
        corpus.claims[f"c{i}"] = Claim(
            id=f"c{i}",
            event="e",
            party=party,
            source=source,
            aspect=aspect,
            value=value,
            quote=quote,
            stance=stance,
            certainty=rng.choice(tuple(Certainty)),
            evidence=(rng.choice(("none", "video", "photo")),),
            said_on=said,
        )
    return corpus


def best_of(
    repeat: int, fn: Callable[[Any], object], setup: Callable[[], Any] = lambda: None
) -> float:
    """The least CPU time of ``repeat`` runs of ``fn(setup())``, ``setup`` untimed, with the
    garbage collector paused (as timeit does)."""
    times = []
    for _ in range(repeat):
        gc.collect()
        given = setup()
        gc.disable()
        try:
            start = time.process_time()
            fn(given)
            times.append(time.process_time() - start)
        finally:
            gc.enable()
    return min(times)


def measure(n: int, repeat: int) -> dict[str, float]:
    corpus = make_corpus(n)
    echoes = tuple(corpus_echoes(corpus))
    assessment = assess(corpus, Linked(corpus, link_corpus(corpus), echoes))

    def linked() -> Linked:  # assess consumes the linking it is given: a fresh one each run
        return Linked(corpus, link_corpus(corpus), echoes)

    return {
        "link": best_of(repeat, lambda _: link_corpus(corpus)),
        "echoes": best_of(repeat, lambda _: corpus_echoes(corpus)),
        "graph": best_of(repeat, lambda _: build_graph(assessment)),
        "assess": best_of(repeat, lambda given: assess(corpus, given), linked),
        "edges": float(build_graph(assessment).number_of_edges()),
    }


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="2000,20000", help="comma-separated claim counts")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    stages = ("link", "echoes", "graph", "assess")
    print(f"{'claims':>8} " + " ".join(f"{s:>9}" for s in stages) + f" {'edges':>8}")
    previous: dict[str, float] | None = None
    previous_n = 0
    for n in sizes:
        result = measure(n, args.repeat)
        print(
            f"{n:>8} "
            + " ".join(f"{result[s]:>8.3f}s" for s in stages)
            + f" {int(result['edges']):>8}"
        )
        if previous:
            ratios = " ".join(f"{result[s] / previous[s]:>8.1f}x" for s in stages)
            edges = result["edges"] / previous["edges"]
            print(f"{'ratio':>8} {ratios} {edges:>7.1f}x  (claims {n / previous_n:.0f}x)")
        previous, previous_n = result, n


if __name__ == "__main__":
    main()
