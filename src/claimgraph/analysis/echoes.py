"""Echoes: near-identical quotes from different parties count once.

One channel reposting another's text is not independent corroboration
(the source-dependence idea of Dong, Berti-Equille and Srivastava, 2009).
Two claims answering the same question, from different parties, whose
normalised quotes are at least :data:`THRESHOLD` similar (difflib ratio) and
at least :data:`MIN_TOKENS` words long, are an *echo*: the later repeats the
earlier.

Candidates are found with MinHash bands over word shingles, and each claim
is compared only with the first members of the buckets it falls in, so the
work grows linearly with the number of claims.

>>> from claimgraph.model import Claim, Corpus
>>> q = "Air defence shot down all ten missiles over the peninsula, said the ministry"
>>> c1 = Claim("c1", "e", "mod", "s", "interception", "all-intercepted", quote=q)
>>> c2 = Claim("c2", "e", "channel", "s", "interception", "all-intercepted", quote=q + ".")
>>> [(r.kind, r.a, r.b) for r in find_echoes([c1, c2], Corpus())]
[('echo', 'c1', 'c2')]
"""

from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from typing import Any

from claimgraph.analysis.link import Relation, statement_time
from claimgraph.model import Claim, Corpus

__all__ = [
    "MIN_TOKENS",
    "THRESHOLD",
    "corpus_echoes",
    "echo_roots",
    "find_echoes",
    "minhash_bands",
    "normalise",
    "similarity",
]

THRESHOLD = 0.9  # difflib ratio of normalised quotes
MIN_TOKENS = 6  # shorter quotes ("No comment.") are too common to be echoes
SHINGLE = 3  # words per shingle
BANDS = 6
ROWS = 1  # hashes per band: one, for recall; candidates are verified by difflib anyway

_MASK = (1 << 64) - 1
# Fixed odd multipliers and xor masks: a deterministic family of hash permutations.
_SEEDS = [
    (
        int.from_bytes(hashlib.blake2b(f"m{i}".encode(), digest_size=8).digest(), "big") | 1,
        int.from_bytes(hashlib.blake2b(f"x{i}".encode(), digest_size=8).digest(), "big"),
    )
    for i in range(BANDS * ROWS)
]


@cache
def _family() -> tuple[Any, Any]:
    """The same family as numpy columns (numpy loads only when echoes are looked for).

    uint64 arithmetic wraps modulo 2**64, as ``& _MASK`` does.
    """
    import numpy as np

    multipliers = np.array([m for m, _ in _SEEDS], dtype=np.uint64)[:, None]
    xors = np.array([x for _, x in _SEEDS], dtype=np.uint64)[:, None]
    return multipliers, xors


def normalise(text: str) -> list[str]:
    """Words of a quote, case-folded, punctuation and typographic marks dropped.

    >>> normalise("“Ten missiles” were SHOT down!")
    ['ten', 'missiles', 'were', 'shot', 'down']
    """
    text = unicodedata.normalize("NFKC", text).casefold()
    return re.findall(r"\w+", text)


def similarity(a: Sequence[str], b: Sequence[str], floor: float = 0.0) -> float:
    """The difflib ratio of two normalised quotes (as joined text).

    When a cheap upper bound is already below ``floor``, that bound is
    returned instead of the exact ratio.

    >>> similarity(["a", "b"], ["a", "b"])
    1.0
    >>> similarity(["short"], ["a", "much", "longer", "quote"], floor=0.9) < 0.9
    True
    """
    matcher = difflib.SequenceMatcher(None, " ".join(a), " ".join(b), autojunk=False)
    for bound in (matcher.real_quick_ratio, matcher.quick_ratio):
        upper = bound()
        if upper < floor:
            return upper
    return matcher.ratio()


def minhash_bands(tokens: Sequence[str]) -> list[tuple[int, ...]]:
    """Locality-sensitive band keys: similar token lists share at least one.

    >>> a = minhash_bands("one two three four five six seven".split())
    >>> len(a) == BANDS and a == minhash_bands("one two three four five six seven".split())
    True
    """
    return bands_of([tokens])[0]


def _shingle_hashes(tokens: Sequence[str]) -> list[int]:
    n = max(1, len(tokens) - SHINGLE + 1)
    return [
        int.from_bytes(
            hashlib.blake2b(" ".join(tokens[i : i + SHINGLE]).encode(), digest_size=8).digest(),
            "big",
        )
        for i in range(n)
    ]


def bands_of(token_lists: Sequence[Sequence[str]]) -> list[list[tuple[int, ...]]]:
    """:func:`minhash_bands` of many token lists at once (one vectorised pass)."""
    import numpy as np

    if not token_lists:
        return []
    multipliers, xors = _family()
    per_list = [_shingle_hashes(tokens) for tokens in token_lists]
    starts = np.cumsum([0] + [len(h) for h in per_list[:-1]])
    hashes = np.fromiter((h for hs in per_list for h in hs), dtype=np.uint64)
    with np.errstate(over="ignore"):
        permuted = (hashes[None, :] ^ xors) * multipliers
    mins = np.minimum.reduceat(permuted, starts, axis=1).T.tolist()
    return [
        [(band, *row[band * ROWS : (band + 1) * ROWS]) for band in range(BANDS)] for row in mins
    ]


def _order(claim: Claim, index: int, corpus: Corpus) -> tuple[int, datetime, int]:
    when = statement_time(claim, corpus)
    return (0, when, index) if when is not None else (1, datetime.min, index)


def find_echoes(claims: Iterable[Claim], corpus: Corpus) -> list[Relation]:
    """Echo relations among claims that answer one question (earlier claim first).

    Claims of the same party never echo each other (one statement often
    yields several claims). Silences and short quotes are skipped.
    """
    items = [
        (claim, tokens) for claim in claims if len(tokens := normalise(claim.quote)) >= MIN_TOKENS
    ]
    bands = bands_of([tokens for _, tokens in items])
    ordered = sorted(enumerate(items), key=lambda pair: _order(pair[1][0], pair[0], corpus))
    # bucket key -> up to two representatives of different parties
    buckets: dict[tuple[int, ...], list[tuple[Claim, list[str]]]] = {}
    relations: list[Relation] = []
    for index, (claim, tokens) in ordered:
        best: tuple[float, Claim] | None = None
        checked: set[str] = set()
        for key in bands[index]:
            reps = buckets.setdefault(key, [])
            for rep, rep_tokens in reps:
                if rep.party == claim.party or rep.id in checked:
                    continue
                checked.add(rep.id)
                ratio = similarity(rep_tokens, tokens, THRESHOLD)
                if ratio >= THRESHOLD and (best is None or ratio > best[0]):
                    best = (ratio, rep)
            if len(reps) < 2 and all(r.party != claim.party for r, _ in reps):
                reps.append((claim, tokens))
        if best is not None:
            ratio, origin = best
            relations.append(
                Relation("echo", origin.id, claim.id, "rule", f"near-identical quote ({ratio:.2f})")
            )
    return relations


def echo_roots(relations: Iterable[Relation]) -> dict[str, str]:
    """Map each echoing claim to the original it repeats (following chains).

    >>> rs = [Relation("echo", "a", "b"), Relation("echo", "b", "c")]
    >>> echo_roots(rs)
    {'b': 'a', 'c': 'a'}
    """
    parent: dict[str, str] = {}
    for relation in relations:
        if relation.kind == "echo":
            parent[relation.b] = relation.a

    def root(x: str) -> str:
        seen = set()
        while x in parent and x not in seen:
            seen.add(x)
            x = parent[x]
        return x

    return {claim: root(claim) for claim in parent}


def corpus_echoes(corpus: Corpus) -> list[Relation]:
    """Echo relations of a whole corpus, looked for within each question (event × aspect)."""
    questions: dict[tuple[str, str], list[Claim]] = {}
    for claim in corpus.claims.values():
        if claim.stance.value != "declines":
            questions.setdefault((claim.event, claim.aspect), []).append(claim)
    found: list[Relation] = []
    for claims in questions.values():
        if len(claims) > 1:
            found.extend(find_echoes(claims, corpus))
    return found
