"""Claim extraction: a raw report in, a draft claim file out, for a fact-checker to review.

The work is split by question: :mod:`.sentences` splits the text (quoted
speech kept whole), :mod:`.attribution` finds who says it and resolves the
speaker to a party, :mod:`.values` reads what is said (aspect, value,
stance, certainty, evidence) and :mod:`.events` finds when and where.
:func:`extract_report` puts them together (one report's run, :mod:`.run`,
with its steps in :mod:`.planning` (events), :mod:`.speakers` and :mod:`.claims`;
the records in :mod:`.draft`); :func:`generate_draft` yields the draft's YAML and
:func:`write_draft` writes it, never over an existing file unless asked.

>>> from claimgraph.model import Party
>>> reg = Registry.from_parties([Party("kharkiv-ova", "Kharkiv regional administration",
...                                    "ukraine", aliases=("Oleg Synegubov",))])
>>> d = extract_report("date 2024-03-20 In Kharkiv, at least four people were killed, "
...                    "governor Oleg Synegubov said.", "r.txt", reg)
>>> [(c.party, c.aspect, c.value, c.event) for c in d.claims]
[('kharkiv-ova', 'killed', 'at least four', 'kharkiv-2024-03-20')]
"""

from __future__ import annotations

from pathlib import Path

from claimgraph.extract.attribution import Registry
from claimgraph.extract.catalogue import Catalogue
from claimgraph.extract.claims import seg_sentence as seg_sentence
from claimgraph.extract.draft import UNKNOWN_SIDE as UNKNOWN_SIDE
from claimgraph.extract.draft import UNKNOWN_SIDE_NAME as UNKNOWN_SIDE_NAME
from claimgraph.extract.draft import Draft, DraftClaim, DraftEvent
from claimgraph.extract.draftfile import generate_draft, write_draft
from claimgraph.extract.events import Gazetteer
from claimgraph.extract.governed import Governed, builtin_governed
from claimgraph.extract.lexicon import Lexicon, forget_words, lexicon
from claimgraph.extract.run import _Run
from claimgraph.extract.values import Reader

__all__ = [
    "Draft",
    "DraftClaim",
    "DraftEvent",
    "Extractor",
    "Registry",
    "extract_report",
    "generate_draft",
    "write_draft",
]


class Extractor:
    """Extracts drafts from reports with one registry, lexicon and gazetteer (reusable)."""

    def __init__(
        self,
        registry: Registry | None = None,
        *,
        lex: Lexicon | None = None,
        gazetteer: Gazetteer | None = None,
        catalogue: Catalogue | None = None,
    ) -> None:
        registry = registry if registry is not None else Registry()
        if not registry.aspects:
            # the built-in aspects, without changing the caller's registry
            from claimgraph.extract.values import builtin_aspects

            registry = Registry(dict(registry.parties), builtin_aspects(), dict(registry.events))
            registry.index()
        registry.attach(catalogue if catalogue is not None else Catalogue.default())
        self.registry = registry
        self.lex = lex or lexicon()
        self.gazetteer = gazetteer or Gazetteer.default()
        self.reader = Reader(self.registry.aspects, self.lex, self.gazetteer)
        self.governed = Governed.from_data(builtin_governed(), self._town_name)

    def _town_name(self, name: str) -> str:
        """The gazetteer's name of the town written ``name`` (its own, when unknown)."""
        found = [p for p, _, _ in self.gazetteer.find(name) if p.kind not in ("region", "country")]
        return found[0].name if found else name

    def extract(self, text: str, path: str | Path, *, file: str | None = None) -> Draft:
        """The draft for one report's ``text``; ``file`` is written as ``source.file``."""
        forget_words()  # the memo of words is one report's
        return _Run(self, text, Path(path), file).draft


def extract_report(
    text: str, path: str | Path, registry: Registry | None = None, *, file: str | None = None
) -> Draft:
    """Extract the draft claim file of one report.

    ``path`` names the report (the draft is named after it); ``file`` is
    the path recorded as ``source.file`` (default: ``path``), relative to
    the project root so the validator finds the text for its quote check.
    """
    return Extractor(registry).extract(text, path, file=file)
