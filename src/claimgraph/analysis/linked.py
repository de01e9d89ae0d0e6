"""The linked corpus: positions, contradictions and echoes found once, for every stage after.

:func:`link` runs :func:`claimgraph.analysis.link.link_corpus` and
:func:`claimgraph.analysis.echoes.corpus_echoes` on a corpus;
:func:`claimgraph.analysis.assess.assess` takes the result, so it never links again, and
consumes it (each question's link records are released once assessed; the graph,
:func:`claimgraph.views.graph.build_graph`, is built from the assessment), and each stage
can be called (and timed) on its own:

>>> from claimgraph.model import Corpus
>>> linked = link(Corpus())
>>> linked.linking.questions, linked.echoes
({}, ())
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from claimgraph.analysis.echoes import corpus_echoes
from claimgraph.analysis.link import Linking, Relation, link_corpus
from claimgraph.model import Corpus

__all__ = ["Linked", "fewer_gc_passes", "link"]


@dataclass(frozen=True, slots=True)
class Linked:
    """A corpus with its links (:class:`~claimgraph.analysis.link.Linking`) and its echoes."""

    corpus: Corpus
    linking: Linking
    echoes: tuple[Relation, ...]


def link(corpus: Corpus) -> Linked:
    """Link ``corpus`` and find its echoes (under :func:`fewer_gc_passes`)."""
    with fewer_gc_passes():
        return Linked(corpus, link_corpus(corpus), tuple(corpus_echoes(corpus)))


@contextmanager
def fewer_gc_passes(threshold: int = 100_000) -> Iterator[None]:
    """Run the cyclic garbage collector less often while building many objects.

    Linking and assessing allocate millions of objects and free few; with
    Python's default gen-0 threshold (700) the collector re-scans the growing
    heap so often that it costs a third of the work. Unlike pausing it, a
    higher threshold still collects cycles. The previous thresholds are restored.
    """
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], threshold), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)
