"""End to end: the drafts of a set of reports, loaded as a fact-checker would load them.

:func:`drafts_corpus` writes the drafts into a scratch claims folder beside
a copy of the registry files (parties, events, aspects, sides) and reads it
back with ``include_drafts``, exactly as ``claimgraph report
--include-drafts`` would; :class:`ClaimLinks` answers, for two draft
claims, whether the comparison makes them corroborate or contradict each
other; :func:`read_relations` reads the curated relations
(``relations.yaml`` beside the claims folder: ``relations: [{a, b, type}]``).
"""

from __future__ import annotations

import shutil
import tempfile
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from claimgraph.analysis.link import link_corpus
from claimgraph.errors import UsageError
from claimgraph.extract import Draft, write_draft
from claimgraph.extract.datafile import read_data_file
from claimgraph.io.yaml_write import dump
from claimgraph.model import Corpus

__all__ = ["ClaimLinks", "Relation", "drafts_corpus", "read_relations"]

REGISTRY_FILES = ("parties.yaml", "events.yaml", "aspects.yaml", "sides.yaml")
RELATION_TYPES = ("contradicts", "corroborates")


@dataclass(frozen=True, slots=True)
class Relation:
    """A curated relation between two curated claims."""

    a: str
    b: str
    type: str


def read_relations(path: Path) -> list[Relation]:
    """The relations of a ``relations.yaml`` (``relations: [{a, b, type}]``).

    Raises :class:`~claimgraph.errors.UsageError` with the file's name for a
    file that is not such a list.
    """
    try:
        data = read_data_file(path)
    except (OSError, ValueError) as exc:
        raise UsageError(f"{path}: {exc}" if str(path) not in str(exc) else str(exc)) from exc
    items = data.get("relations") if isinstance(data, dict) else None
    if not isinstance(items, list):
        raise UsageError(f"{path}: expected 'relations:' with a list of {{a, b, type}}")
    out = []
    for n, item in enumerate(items, 1):
        if not isinstance(item, dict) or item.get("type") not in RELATION_TYPES:
            raise UsageError(
                f"{path}: relation {n}: needs a, b and type ({' or '.join(RELATION_TYPES)})"
            )
        out.append(Relation(str(item.get("a")), str(item.get("b")), str(item["type"])))
    return out


def _registry_doc(corpus: Corpus) -> dict[str, object]:
    """The curated folder's sides, parties and events as one claim file's mapping (they may
    be defined in any of its files, not only parties.yaml and events.yaml)."""
    from claimgraph.extract import DraftEvent
    from claimgraph.extract.draftfile import event_record
    from claimgraph.extract.merge import draft_event_of

    doc: dict[str, object] = {}
    if corpus.sides:
        doc["sides"] = {s.id: s.name for s in corpus.sides.values()}
    doc["parties"] = {
        p.id: {"name": p.name, "side": p.side, "kind": p.kind, "aliases": list(p.aliases)}
        for p in corpus.parties.values()
    }
    events: dict[str, object] = {}
    for e in corpus.events.values():
        ev: DraftEvent = draft_event_of(e)
        events[e.id] = event_record(ev)
    doc["events"] = events
    return doc


def drafts_corpus(
    drafts: Iterable[Draft], claims_dir: Path, root: Path, curated: Corpus | None = None
) -> Corpus:
    """The corpus a folder of ``drafts`` gives, with ``claims_dir``'s registry files (with
    ``curated``, its parties, events and sides wherever they were defined)."""
    with tempfile.TemporaryDirectory(prefix="claimgraph-eval-") as tmp:
        folder = Path(tmp) / "claims"
        (folder / "drafts").mkdir(parents=True)
        for name in REGISTRY_FILES:
            if curated is not None and name != "aspects.yaml":
                continue
            if (claims_dir / name).is_file():
                shutil.copyfile(claims_dir / name, folder / name)
        if curated is not None:
            (folder / "registry.yaml").write_text(dump(_registry_doc(curated)), encoding="utf-8")
        for draft in drafts:
            write_draft(draft, folder / "drafts", force=True)
        from claimgraph.load import read_corpus

        corpus, _report = read_corpus(folder, include_drafts=True, root=root)
    return corpus


class ClaimLinks:
    """Which claims of a corpus the comparison relates: same position, or contradiction."""

    def __init__(self, corpus: Corpus) -> None:
        linking = link_corpus(corpus)
        self.asserts: dict[str, set[str]] = defaultdict(set)
        self.denies: dict[str, set[str]] = defaultdict(set)
        self.against: dict[str, set[str]] = defaultdict(set)
        self.beside: dict[str, set[str]] = defaultdict(set)  # compatible positions
        for question in linking.questions.values():
            for position in question.positions.values():
                for c in position.claims:
                    self.asserts[c].add(position.id)
                for c in position.denied_by:
                    self.denies[c].add(position.id)
            aspect = corpus.aspects.get(question.aspect)
            if aspect is not None and aspect.kind_items:
                # "civilian infrastructure" denied: each civilian item is denied too
                held = list(question.positions.values())
                for denied in held:
                    if not denied.denied_by or denied.key not in aspect.kind_items:
                        continue
                    for other in held:
                        if aspect.denial_covers(denied.key, other.key):
                            for c in denied.denied_by:
                                self.denies[c].add(other.id)
            for rel in question.relations:
                if rel.kind == "contradicts":
                    self.against[rel.a].add(rel.b)
                    self.against[rel.b].add(rel.a)
                elif rel.kind == "complements":
                    self.beside[rel.a].add(rel.b)
                    self.beside[rel.b].add(rel.a)

    def corroborate(self, a: str, b: str) -> bool:
        """Whether claims ``a`` and ``b`` hold a position together (or deny one together)."""
        return bool(self.asserts[a] & self.asserts[b] or self.denies[a] & self.denies[b])

    def contradict(self, a: str, b: str) -> bool:
        """Whether the comparison sets claims ``a`` and ``b`` against each other."""
        if self.asserts[a] & self.denies[b] or self.denies[a] & self.asserts[b]:
            return True
        return any(self.against[p] & self.asserts[b] for p in self.asserts[a])

    def compatible(self, a: str, b: str) -> bool:
        """Whether the comparison shows claims ``a`` and ``b`` as different but compatible
        answers ("34 killed" and "at least 21", two items of one set)."""
        return any(self.beside[p] & self.asserts[b] for p in self.asserts[a])

    def related(self, a: str, b: str, type: str) -> bool:
        return self.contradict(a, b) if type == "contradicts" else self.corroborate(a, b)
