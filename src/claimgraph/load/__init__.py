"""Read a claims folder into a :class:`~claimgraph.model.Corpus`, collecting every problem.

>>> from pathlib import Path
>>> corpus, report = read_corpus(Path("no-such-folder"))
>>> [str(p) for p in report.problems], sorted(corpus.sides)
(['no-such-folder: claims folder not found'], ['independent', 'international', 'russia', 'ukraine'])

The verbs come in pairs: :func:`read_claim_file` takes a path and hands the
text to :func:`parse_claim_file`; :func:`read_corpus` reads a whole folder
and :func:`load_corpus` raises :class:`~claimgraph.errors.InvalidInput`
when the folder has errors. Nothing here prints or exits.

Every YAML file under the folder is read, sorted by path; a file may hold any
of the top-level keys ``sides``, ``parties``, ``events``, ``aspects``,
``source`` and ``claims``. A file whose ``source`` has ``status: draft`` is
skipped unless ``include_drafts``. Cross references (parties, events,
aspects, linked claims) are resolved after every file is read, so their
order does not matter.

One module per job, in the order of the flow:

- :mod:`~claimgraph.load.claimfile`: one file (YAML, CSV, JSON Lines), bounded, into a
  :class:`ClaimFile` (:mod:`~claimgraph.load.records`);
- :mod:`~claimgraph.load.parse`: a claim document into model objects;
- :mod:`~claimgraph.load.aspects` and :mod:`~claimgraph.load.values`: the built-in and
  declared aspects, and a claim's value typed by its aspect;
- :mod:`~claimgraph.load.corpus`: the folder, merged and its references resolved;
- :mod:`~claimgraph.load.sources`: the source texts for the quote checks.
"""

from __future__ import annotations

from claimgraph.load.aspects import builtin_aspects, builtin_sides
from claimgraph.load.claimfile import parse_claim_file, read_bulk_file, read_claim_file
from claimgraph.load.corpus import (
    YAML_SUFFIXES,
    Loaded,
    claim_files,
    load_corpus,
    read_corpus,
    scan,
)
from claimgraph.load.parse import parse_claim_document
from claimgraph.load.records import ClaimFile, PendingClaim
from claimgraph.load.sources import read_source_texts
from claimgraph.load.values import typed_value

__all__ = [
    "YAML_SUFFIXES",
    "ClaimFile",
    "Loaded",
    "PendingClaim",
    "builtin_aspects",
    "builtin_sides",
    "claim_files",
    "load_corpus",
    "parse_claim_document",
    "parse_claim_file",
    "read_bulk_file",
    "read_claim_file",
    "read_corpus",
    "read_source_texts",
    "scan",
    "typed_value",
]
