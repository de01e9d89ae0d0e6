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

>>> from claimgraph.model import Claim, Corpus, Stance
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
from collections import Counter
from collections.abc import Iterable, Sequence
from datetime import datetime
from functools import cache
from hashlib import blake2b
from typing import Any

from claimgraph.analysis.link import Relation, statement_time
from claimgraph.model import Claim, Corpus, Stance

__all__ = [
    "MIN_TOKENS",
    "THRESHOLD",
    "common_subsequence",
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
    if not text.isascii():  # NFKC leaves ASCII as it is
        text = unicodedata.normalize("NFKC", text)
    return _WORD.findall(text.casefold())


_WORD = re.compile(r"\w+")


def similarity(a: Sequence[str], b: Sequence[str], floor: float = 0.0) -> float:
    """The difflib ratio of two normalised quotes (as joined text).

    When a cheap upper bound is already below ``floor``, that bound is
    returned instead of the exact ratio.

    >>> similarity(["a", "b"], ["a", "b"])
    1.0
    >>> similarity(["short"], ["a", "much", "longer", "quote"], floor=0.9) < 0.9
    True
    """
    return _text_similarity(" ".join(a), " ".join(b), floor)


def _text_similarity(a: str, b: str, floor: float) -> float:
    """:func:`similarity` of two joined quotes.

    difflib's two upper bounds come first, computed as difflib computes them
    (``real_quick_ratio`` from the lengths, ``quick_ratio`` from the characters
    in common) but before a ``SequenceMatcher`` is built: building one indexes
    the second text, the dearest part of most comparisons.
    """
    length = len(a) + len(b)
    if not length:
        return 1.0
    upper = 2.0 * min(len(a), len(b)) / length
    if upper < floor:
        return upper
    upper = 2.0 * (Counter(a) & Counter(b)).total() / length
    if upper < floor:
        return upper
    # difflib's matching blocks are a common subsequence of the two texts, so its ratio
    # is at most 2 * LCS / length: a third bound, much cheaper than the matcher.
    upper = 2.0 * common_subsequence(a, b) / length
    if upper < floor:
        return upper
    return difflib.SequenceMatcher(None, a, b, autojunk=False).ratio()


def common_subsequence(a: str, b: str) -> int:
    """The length of the longest common subsequence of ``a`` and ``b``.

    Bit-parallel (Hyyrö 2004): one bit per character of ``a`` in a Python int, a few
    integer operations per character of ``b``.

    >>> common_subsequence("shot down", "shut dawn")
    7
    >>> common_subsequence("", "abc")
    0
    """
    masks: dict[str, int] = {}
    bit = 1
    for ch in a:
        masks[ch] = masks.get(ch, 0) | bit
        bit <<= 1
    full = bit - 1
    v = full
    get = masks.get
    for ch in b:
        u = v & get(ch, 0)
        v = (v + u) | (v - u)
    return len(a) - (v & full).bit_count()


def minhash_bands(tokens: Sequence[str]) -> list[tuple[int, ...]]:
    """Locality-sensitive band keys: similar token lists share at least one.

    >>> a = minhash_bands("one two three four five six seven".split())
    >>> len(a) == BANDS and a == minhash_bands("one two three four five six seven".split())
    True
    """
    return bands_of([tokens])[0]


def _shingle_digests(tokens: Sequence[str]) -> list[bytes]:
    """The 8-byte blake2b digest of each shingle (``SHINGLE`` words joined by spaces).

    Each shingle is one slice of the encoded quote (words never hold a space),
    hashed as the same bytes as ``" ".join(tokens[i : i + SHINGLE]).encode()``.
    """
    n = max(1, len(tokens) - SHINGLE + 1)
    data = " ".join(tokens).encode()
    if len(tokens) <= SHINGLE:
        return [blake2b(data, digest_size=8).digest()]
    # Byte offset where each word starts, and one past the end of the text.
    starts = [0]
    for token in tokens:
        starts.append(starts[-1] + len(token.encode()) + 1)
    return [
        blake2b(data[starts[i] : starts[i + SHINGLE] - 1], digest_size=8).digest() for i in range(n)
    ]


def _shingle_hashes(tokens: Sequence[str]) -> list[int]:
    return [int.from_bytes(d, "big") for d in _shingle_digests(tokens)]


def bands_of(token_lists: Sequence[Sequence[str]]) -> list[list[tuple[int, ...]]]:
    """:func:`minhash_bands` of many token lists at once (one vectorised pass)."""
    import numpy as np

    if not token_lists:
        return []
    multipliers, xors = _family()
    per_list = [_shingle_digests(tokens) for tokens in token_lists]
    starts = np.cumsum([0] + [len(h) for h in per_list[:-1]])
    # Every digest read at once as a big-endian uint64 (int.from_bytes(d, "big") each).
    hashes = np.frombuffer(b"".join(d for ds in per_list for d in ds), dtype=">u8")
    hashes = hashes.astype(np.uint64)
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
    items = _items(claims)
    return _echoes_among(items, bands_of([tokens for _, tokens in items]), corpus)


def _items(claims: Iterable[Claim]) -> list[tuple[Claim, list[str]]]:
    return [
        (claim, tokens) for claim in claims if len(tokens := normalise(claim.quote)) >= MIN_TOKENS
    ]


def _echoes_among(
    items: list[tuple[Claim, list[str]]], bands: list[list[tuple[int, ...]]], corpus: Corpus
) -> list[Relation]:
    """:func:`find_echoes` given the claims' tokens and band keys."""
    ordered = sorted(enumerate(items), key=lambda pair: _order(pair[1][0], pair[0], corpus))
    # bucket key -> up to two representatives of different parties
    buckets: dict[tuple[int, ...], list[tuple[Claim, list[str]]]] = {}
    relations: list[Relation] = []
    joined: dict[str, str] = {}

    def text(claim: Claim, tokens: list[str]) -> str:
        if (found := joined.get(claim.id)) is None:
            found = joined[claim.id] = " ".join(tokens)
        return found

    for index, (claim, tokens) in ordered:
        best: tuple[float, Claim] | None = None
        checked: set[str] = set()
        for key in bands[index]:
            reps = buckets.setdefault(key, [])
            for rep, rep_tokens in reps:
                if rep.party == claim.party or rep.id in checked:
                    continue
                checked.add(rep.id)
                ratio = _text_similarity(text(rep, rep_tokens), text(claim, tokens), THRESHOLD)
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


# Claims whose band keys are computed in one vectorised pass.
_BATCH_CLAIMS = 1000


# Questions with at most this many quotes are first checked pair by pair (see _may_echo).
_PAIRWISE_CLAIMS = 16


def _may_echo(items: list[tuple[Claim, list[str]]]) -> bool:
    """Whether two quotes of different parties among ``items`` might be :data:`THRESHOLD` similar.

    False when every such pair fails difflib's two cheap upper bounds (the
    lengths, then the characters in common; symmetric, as the ratio itself may
    not be). An echo needs a pair whose ratio reaches the threshold, so such a
    question has none, whatever its band keys: skipping its hashing changes no
    result. Questions that pass are looked for with MinHash as before.
    """
    texts = [" ".join(tokens) for _, tokens in items]
    counters: dict[int, Counter[str]] = {}
    for i, (claim, _) in enumerate(items):
        a = texts[i]
        for j in range(i):
            if items[j][0].party == claim.party:
                continue
            b = texts[j]
            length = len(a) + len(b)
            if 2.0 * min(len(a), len(b)) / length < THRESHOLD:
                continue
            ca = counters.get(i) or counters.setdefault(i, Counter(a))
            cb = counters.get(j) or counters.setdefault(j, Counter(b))
            if 2.0 * (ca & cb).total() / length >= THRESHOLD:
                return True
    return False


def _echoes_of(per_question: list[list[tuple[Claim, list[str]]]], corpus: Corpus) -> list[Relation]:
    bands = bands_of([tokens for items in per_question for _, tokens in items])
    found: list[Relation] = []
    start = 0
    for items in per_question:
        found.extend(_echoes_among(items, bands[start : start + len(items)], corpus))
        start += len(items)
    return found


def corpus_echoes(corpus: Corpus) -> list[Relation]:
    """Echo relations of a whole corpus, looked for within each question (event × aspect)."""
    questions: dict[tuple[str, str], list[Claim]] = {}
    for claim in corpus.claims.values():
        if claim.stance is not Stance.DECLINES:
            questions.setdefault((claim.event, claim.aspect), []).append(claim)
    # Band keys for many questions in one vectorised pass, then each question on its own:
    # batches of about _BATCH_CLAIMS claims, so that the tokens and hashes of every
    # quote in the corpus are never held at once.
    found: list[Relation] = []
    batch: list[list[tuple[Claim, list[str]]]] = []
    size = 0
    for claims in questions.values():
        if len(claims) > 1 and any(c.party != claims[0].party for c in claims):
            # (claims of one party never echo each other: such a question is skipped)
            items = _items(claims)
            if len(items) <= _PAIRWISE_CLAIMS and not _may_echo(items):
                continue  # no two quotes alike enough: no echo, and nothing to hash
            batch.append(items)
            size += len(items)
            if size >= _BATCH_CLAIMS:
                found.extend(_echoes_of(batch, corpus))
                batch, size = [], 0
    found.extend(_echoes_of(batch, corpus))
    return found
