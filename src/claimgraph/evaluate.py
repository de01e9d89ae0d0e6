"""How good is extraction? Drafts compared with hand-curated claims.

A draft claim *matches* a curated claim when both name the same party and
their quotes overlap in the report's text. Matching is one-to-one (a
curated claim is matched at most once), preferring pairs that also agree
on the aspect, then the larger overlap. Precision is matched drafts over
all drafts, recall matched curated claims over all curated claims; on the
matched pairs we count how often aspect, stance and certainty agree.

>>> gold = [Item("g1", "mod", "ten missiles were shot down", "interception")]
>>> drafts = [Item("d1", "mod", "missiles were shot down.", "interception"),
...           Item("d2", "hur", "ten missiles", "comment")]
>>> s = score(drafts, gold, "Officials said ten missiles were shot down.")
>>> s.matched, s.precision, s.recall, s.aspect_accuracy
(1, 0.5, 1.0, 1.0)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from claimgraph.errors import InvalidInput, UsageError
from claimgraph.extract import Draft, Extractor, Registry
from claimgraph.extract.events import load_gazetteer
from claimgraph.model import Claim, Corpus
from claimgraph.validate import normalise_quote

__all__ = [
    "Evaluation",
    "Item",
    "Pair",
    "SourceScore",
    "evaluate_corpus",
    "evaluate_extraction",
    "items_of_claims",
    "items_of_draft",
    "score",
]


@dataclass(frozen=True, slots=True)
class Item:
    """The fields of one claim that the comparison looks at."""

    id: str
    party: str
    quote: str
    aspect: str
    stance: str = "asserts"
    certainty: str = "asserted"


@dataclass(frozen=True, slots=True)
class Pair:
    """A matched draft and curated claim."""

    draft: Item
    gold: Item


def _ratio(a: int, b: int) -> float:
    return a / b if b else 0.0


@dataclass(slots=True)
class SourceScore:
    """The comparison for one report (or a sum of several)."""

    name: str
    drafts: int = 0
    gold: int = 0
    pairs: list[Pair] = field(default_factory=list)
    missed: list[Item] = field(default_factory=list)  # curated, not found
    extra: list[Item] = field(default_factory=list)  # drafted, not curated

    @property
    def matched(self) -> int:
        return len(self.pairs)

    @property
    def precision(self) -> float:
        return _ratio(self.matched, self.drafts)

    @property
    def recall(self) -> float:
        return _ratio(self.matched, self.gold)

    def _agree(self, attr: str) -> float:
        same = sum(getattr(p.draft, attr) == getattr(p.gold, attr) for p in self.pairs)
        return _ratio(same, self.matched)

    @property
    def aspect_accuracy(self) -> float:
        return self._agree("aspect")

    @property
    def stance_accuracy(self) -> float:
        return self._agree("stance")

    @property
    def certainty_accuracy(self) -> float:
        return self._agree("certainty")

    def add(self, other: SourceScore) -> None:
        self.drafts += other.drafts
        self.gold += other.gold
        self.pairs.extend(other.pairs)
        self.missed.extend(other.missed)
        self.extra.extend(other.extra)

    def figures(self) -> dict[str, float | int]:
        """The figures as a flat mapping (for tables and JSON)."""
        return {
            "drafts": self.drafts,
            "gold": self.gold,
            "matched": self.matched,
            "precision": round(self.precision, 3),
            "recall": round(self.recall, 3),
            "aspect_accuracy": round(self.aspect_accuracy, 3),
            "stance_accuracy": round(self.stance_accuracy, 3),
            "certainty_accuracy": round(self.certainty_accuracy, 3),
        }


@dataclass(slots=True)
class Evaluation:
    """Scores per report and in total."""

    sources: list[SourceScore] = field(default_factory=list)

    @property
    def total(self) -> SourceScore:
        out = SourceScore("total")
        for s in self.sources:
            out.add(s)
        return out


def _span(quote: str, text: str) -> tuple[int, int] | None:
    q = normalise_quote(quote).strip(" \"'")
    if not q:
        return None
    at = text.find(q)
    if at < 0:
        at = text.casefold().find(q.casefold())
    return (at, at + len(q)) if at >= 0 else None


def score(drafts: Sequence[Item], gold: Sequence[Item], text: str, name: str = "") -> SourceScore:
    """Compare the draft items of one report with its curated items (``text``: the report)."""
    norm_text = normalise_quote(text)
    d_spans = [_span(d.quote, norm_text) for d in drafts]
    g_spans = [_span(g.quote, norm_text) for g in gold]
    candidates: list[tuple[int, int, int, int]] = []
    for i, d in enumerate(drafts):
        ds = d_spans[i]
        if ds is None:
            continue
        for j, g in enumerate(gold):
            gs = g_spans[j]
            if gs is None or d.party != g.party:
                continue
            overlap = min(ds[1], gs[1]) - max(ds[0], gs[0])
            if overlap > 0:
                candidates.append((int(d.aspect == g.aspect), overlap, i, j))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_d: set[int] = set()
    used_g: set[int] = set()
    out = SourceScore(name, len(drafts), len(gold))
    for _, _, i, j in candidates:
        if i in used_d or j in used_g:
            continue
        used_d.add(i)
        used_g.add(j)
        out.pairs.append(Pair(drafts[i], gold[j]))
    out.missed = [g for j, g in enumerate(gold) if j not in used_g]
    out.extra = [d for i, d in enumerate(drafts) if i not in used_d]
    return out


def items_of_claims(claims: Iterable[Claim]) -> list[Item]:
    """Comparison items of loaded claims."""
    return [
        Item(c.id, c.party, c.quote, c.aspect, c.stance.value, c.certainty.value) for c in claims
    ]


def items_of_draft(draft: Draft) -> list[Item]:
    """Comparison items of a draft."""
    return [Item(c.id, c.party, c.quote, c.aspect, c.stance, c.certainty) for c in draft.claims]


def evaluate_corpus(
    corpus: Corpus,
    root: Path,
    reports: Sequence[Path] = (),
    *,
    extractor: Extractor | None = None,
) -> Evaluation:
    """Extract every curated source's report afresh and compare with its curated claims.

    ``root`` is where sources' ``file`` paths are found. With ``reports``,
    only sources whose file is one of them are compared.
    """
    extractor = extractor or Extractor(Registry.from_corpus(corpus))
    wanted = {p.resolve() for p in reports}
    found: set[Path] = set()
    result = Evaluation()
    for source in corpus.sources.values():
        if not source.file or source.status == "draft":
            continue
        path = (root / source.file).resolve()
        if wanted and path not in wanted:
            continue
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise UsageError(
                f"{source.file}: cannot read the report of source '{source.id}' ({exc})"
            ) from exc
        found.add(path)
        draft = extractor.extract(text, path, file=source.file)
        gold = [c for c in corpus.claims.values() if c.source == source.id]
        result.sources.append(
            score(items_of_draft(draft), items_of_claims(gold), text, source.file)
        )
    missing = sorted(str(p) for p in wanted - found)
    if missing:
        raise UsageError(f"no curated claims for {', '.join(missing)}")
    return result


def evaluate_extraction(
    claims_dir: Path, reports: Sequence[Path] = (), *, root: Path | None = None
) -> Evaluation:
    """Load the curated claims in ``claims_dir`` and evaluate extraction on their reports.

    Raises :class:`~claimgraph.errors.InvalidInput` when the claims do not validate.
    """
    from claimgraph.load import read_corpus

    corpus, report = read_corpus(claims_dir, root=root)
    if not report.valid:
        raise InvalidInput(report)
    base = root if root is not None else claims_dir.resolve().parent
    try:
        gazetteer = load_gazetteer(claims_dir)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise UsageError(f"{claims_dir / 'gazetteer.yaml'}: {exc}") from exc
    extractor = Extractor(Registry.from_corpus(corpus), gazetteer=gazetteer)
    return evaluate_corpus(corpus, base, reports, extractor=extractor)
