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
from datetime import date, timedelta
from pathlib import Path

import yaml

from claimgraph.checks import normalise_quote
from claimgraph.endtoend import ClaimLinks, Relation, drafts_corpus, read_relations
from claimgraph.errors import InvalidInput, UsageError
from claimgraph.extract import Draft, Extractor, Registry
from claimgraph.extract.catalogue import load_catalogue
from claimgraph.extract.events import load_gazetteer
from claimgraph.extract.merge import unify_drafts
from claimgraph.extract.names import name_key, name_words
from claimgraph.model import AspectType, Claim, Corpus, Event, Interval, Source, Value

__all__ = [
    "Evaluation",
    "Item",
    "Pair",
    "SourceScore",
    "evaluate_corpus",
    "evaluate_extraction",
    "items_of_claims",
    "items_of_draft",
    "same_event",
    "same_party",
    "same_value",
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
    side: str = ""
    names: frozenset[frozenset[str]] = frozenset()  # name keys of the party and speaker


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
    values: list[bool] = field(default_factory=list)  # per matched pair with a value to compare
    events: list[bool] = field(default_factory=list)  # per matched pair: the same event?
    # drafts whose party said a curated claim at their quote, matched or not (the others are
    # drafts of a sentence's further aspects, which the one-to-one matching leaves over)
    attributed: int = 0
    draft_events: int = 0  # distinct events of the report's drafted claims
    gold_events: int = 0  # ... and of its curated claims
    reports: int = 1

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

    @property
    def value_accuracy(self) -> float:
        return _ratio(sum(self.values), len(self.values))

    @property
    def event_accuracy(self) -> float:
        return _ratio(sum(self.events), len(self.events))

    def add(self, other: SourceScore) -> None:
        self.values.extend(other.values)
        self.events.extend(other.events)
        self.attributed += other.attributed
        self.draft_events += other.draft_events
        self.gold_events += other.gold_events
        self.reports += other.reports
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
            "attributed": self.attributed,
            "attributed_precision": round(_ratio(self.attributed, self.drafts), 3),
            "aspect_accuracy": round(self.aspect_accuracy, 3),
            "stance_accuracy": round(self.stance_accuracy, 3),
            "certainty_accuracy": round(self.certainty_accuracy, 3),
            "value_accuracy": round(self.value_accuracy, 3),
            "values_compared": len(self.values),
            "event_accuracy": round(self.event_accuracy, 3),
            "events_per_report": round(_ratio(self.draft_events, self.reports), 2),
            "curated_events_per_report": round(_ratio(self.gold_events, self.reports), 2),
        }


@dataclass(slots=True)
class Evaluation:
    """Scores per report and in total."""

    sources: list[SourceScore] = field(default_factory=list)
    relations: dict[str, list[bool]] = field(default_factory=dict)  # type -> recovered?
    # curated corroborations not recovered that the comparison shows as compatible answers
    compatible: int = 0

    @property
    def total(self) -> SourceScore:
        out = SourceScore("total", reports=0)
        for s in self.sources:
            out.add(s)
        return out

    @property
    def relations_recovered(self) -> float:
        found = [r for rs in self.relations.values() for r in rs]
        return _ratio(sum(found), len(found))

    def relation_figures(self) -> dict[str, float | int]:
        """Curated relations recovered by the drafts' report, in all and per type."""
        out: dict[str, float | int] = {
            "relations": sum(len(r) for r in self.relations.values()),
            "recovered": sum(sum(r) for r in self.relations.values()),
            "share": round(self.relations_recovered, 3),
        }
        for kind, found in sorted(self.relations.items()):
            out[f"{kind}_recovered"] = sum(found)
            out[kind] = len(found)
        if "corroborates" in self.relations:
            out["corroborates_compatible"] = self.compatible
        return out


def _span(quote: str, text: str) -> tuple[int, int] | None:
    q = normalise_quote(quote).strip(" \"'")
    if not q:
        return None
    at = text.find(q)
    if at < 0:
        at = text.casefold().find(q.casefold())
    return (at, at + len(q)) if at >= 0 else None


def same_party(d: Item, g: Item) -> bool:
    """Whether a drafted claim names the curated claim's party.

    The same party id; or, for a party the curated registry does not hold
    (extraction without it), the same known side and a shared name: the
    party's name, an alias or the speaker ("Oleh Syniehubov" for the
    Kharkiv regional administration). An unknown side never matches.
    """
    if d.party == g.party:
        return True
    return bool(d.side and d.side == g.side and d.side != "unknown" and d.names & g.names)


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
            if gs is None or not same_party(d, g):
                continue
            overlap = min(ds[1], gs[1]) - max(ds[0], gs[0])
            if overlap > 0:
                candidates.append((int(d.aspect == g.aspect), overlap, i, j))
    attributed = len({i for _, _, i, _ in candidates})
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    used_d: set[int] = set()
    used_g: set[int] = set()
    out = SourceScore(name, len(drafts), len(gold), attributed=attributed)
    for _, _, i, j in candidates:
        if i in used_d or j in used_g:
            continue
        used_d.add(i)
        used_g.add(j)
        out.pairs.append(Pair(drafts[i], gold[j]))
    out.missed = [g for j, g in enumerate(gold) if j not in used_g]
    out.extra = [d for i, d in enumerate(drafts) if i not in used_d]
    return out


def _keys(names: Iterable[str]) -> frozenset[frozenset[str]]:
    return frozenset(k for k in map(name_key, names) if k)


def items_of_claims(claims: Iterable[Claim], corpus: Corpus | None = None) -> list[Item]:
    """Comparison items of loaded claims (with ``corpus``, their parties' sides and names)."""
    out = []
    for c in claims:
        party = corpus.parties.get(c.party) if corpus is not None else None
        names = [party.name, *party.aliases] if party is not None else []
        out.append(
            Item(
                c.id,
                c.party,
                c.quote,
                c.aspect,
                c.stance.value,
                c.certainty.value,
                party.side if party is not None else "",
                _keys([*names, c.speaker] if c.speaker else names),
            )
        )
    return out


def items_of_draft(draft: Draft, registry: Registry | None = None) -> list[Item]:
    """Comparison items of a draft (with ``registry``, its parties' sides and names)."""
    out = []
    for c in draft.claims:
        party = draft.parties.get(c.party) or (registry.party(c.party) if registry else None)
        names = [party.name, *party.aliases] if party is not None else []
        book = registry.book if registry is not None else None
        if book is not None and c.party in book.catalogue.actors:
            names.extend(book.catalogue.actors[c.party].person_names)
        if c.speaker:
            names.append(c.speaker)
        out.append(
            Item(
                c.id,
                c.party,
                c.quote,
                c.aspect,
                c.stance,
                c.certainty,
                party.side if party is not None else "",
                _keys(names),
            )
        )
    return out


def same_value(a: Value, b: Value) -> bool:
    """Whether two typed values are the same answer (counts by their interval)."""
    if isinstance(a, Interval) and isinstance(b, Interval):
        return (a.low, a.high) == (b.low, b.high)
    return a == b


def _days(ev: Event | None) -> tuple[date, date] | None:
    if ev is None:
        return None
    lo, hi = ev.date or ev.start, ev.date or ev.end or ev.start
    return (lo, hi) if lo is not None and hi is not None else None


def same_event(a: Event | None, b: Event | None) -> bool:
    """Whether a drafted and a curated event are one incident: dates a day apart at most
    and a shared place word (or the same id)."""
    if a is None or b is None:
        return False
    if a.id == b.id:
        return True
    da, db = _days(a), _days(b)
    if da is None or db is None:
        return False
    if da[0] > db[1] + timedelta(days=1) or db[0] > da[1] + timedelta(days=1):
        return False
    words = {w for w in name_words(f"{b.place} {b.region} {b.title}") if len(w) > 3}
    return bool(words & set(name_words(f"{a.place} {a.region}")))


@dataclass(slots=True)
class _Run:
    source: Source
    draft: Draft
    text: str
    gold: list[Claim]
    score: SourceScore


def evaluate_corpus(
    corpus: Corpus,
    root: Path,
    reports: Sequence[Path] = (),
    *,
    extractor: Extractor | None = None,
    claims_dir: Path | None = None,
    relations: Sequence[Relation] = (),
) -> Evaluation:
    """Extract every curated source's report afresh and compare with its curated claims.

    ``root`` is where sources' ``file`` paths are found. With ``reports``,
    only sources whose file is one of them are compared. With
    ``claims_dir`` (the curated folder), the drafts are also loaded as one
    folder (as ``report --include-drafts`` does) for value and event
    accuracy and for the share of curated ``relations`` the drafts' report
    recovers (drafted claims matched to curated ones by quote).
    """
    extractor = extractor or Extractor(Registry.from_corpus(corpus))
    wanted = {p.resolve() for p in reports}
    found: set[Path] = set()
    result = Evaluation()
    runs: list[_Run] = []
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
        sc = score(
            items_of_draft(draft, extractor.registry),
            items_of_claims(gold, corpus),
            text,
            source.file,
        )
        sc.draft_events = len({c.event for c in draft.claims})
        sc.gold_events = len({c.event for c in gold})
        result.sources.append(sc)
        runs.append(_Run(source, draft, text, gold, sc))
    missing = sorted(str(p) for p in wanted - found)
    if missing:
        raise UsageError(f"no curated claims for {', '.join(missing)}")
    if claims_dir is not None and runs:
        _end_to_end(result, runs, corpus, claims_dir, root, relations)
    return result


def _end_to_end(
    result: Evaluation,
    runs: list[_Run],
    corpus: Corpus,
    claims_dir: Path,
    root: Path,
    relations: Sequence[Relation],
) -> None:
    unify_drafts([r.draft for r in runs])
    drafted = drafts_corpus([r.draft for r in runs], claims_dir, root, corpus)
    for run in runs:
        for pair in run.score.pairs:
            d, g = drafted.claims.get(pair.draft.id), corpus.claims[pair.gold.id]
            run.score.events.append(
                d is not None and same_event(drafted.events.get(d.event), corpus.events[g.event])
            )
            aspect = corpus.aspects.get(g.aspect)
            if pair.draft.aspect != g.aspect or aspect is None or aspect.type is AspectType.TEXT:
                continue
            run.score.values.append(d is not None and same_value(d.value, g.value))
    if not relations:
        return
    links = ClaimLinks(drafted)
    by_quote: dict[str, list[str]] = {}
    for run in runs:
        norm_text = normalise_quote(run.text)
        spans = [(c.id, _span(c.quote, norm_text)) for c in run.draft.claims]
        for g in run.gold:
            gs = _span(g.quote, norm_text)
            by_quote[g.id] = [
                cid
                for cid, ds in spans
                if gs is not None and ds is not None and min(ds[1], gs[1]) > max(ds[0], gs[0])
            ]
    for rel in relations:
        a, b = by_quote.get(rel.a, []), by_quote.get(rel.b, [])
        hit = any(links.related(x, y, rel.type) for x in a for y in b if x != y)
        result.relations.setdefault(rel.type, []).append(hit)
        if not hit and rel.type == "corroborates":
            result.compatible += any(links.compatible(x, y) for x in a for y in b if x != y)


def evaluate_extraction(
    claims_dir: Path,
    reports: Sequence[Path] = (),
    *,
    root: Path | None = None,
    catalogue_only: bool = False,
) -> Evaluation:
    """Load the curated claims in ``claims_dir`` and evaluate extraction on their reports.

    The drafts are resolved against the folder's parties (as a fact-checker
    with that registry would), or with ``catalogue_only`` against the actor
    catalogue alone (a new user with no registry: parties then match by side
    and name, see :func:`same_party`). ``relations.yaml`` beside the folder,
    when there is one, gives the end-to-end figure.

    Raises :class:`~claimgraph.errors.InvalidInput` when the claims do not validate.
    """
    from claimgraph.load import read_corpus

    corpus, report = read_corpus(claims_dir, root=root)
    if not report.valid:
        raise InvalidInput(report)
    base = root if root is not None else claims_dir.resolve().parent
    try:
        gazetteer = load_gazetteer(claims_dir)
        catalogue = load_catalogue(claims_dir)
    except (OSError, ValueError, yaml.YAMLError) as exc:
        raise UsageError(str(exc)) from exc
    if catalogue_only:
        registry = Registry({}, dict(corpus.aspects), {})
        registry.index()
    else:
        registry = Registry.from_corpus(corpus)
    extractor = Extractor(registry, gazetteer=gazetteer, catalogue=catalogue)
    rel_file = claims_dir.parent / "relations.yaml"
    relations = read_relations(rel_file) if rel_file.is_file() else []
    return evaluate_corpus(
        corpus, base, reports, extractor=extractor, claims_dir=claims_dir, relations=relations
    )
