"""The jobs of the commands that write one view of the assessment: the report's
``--format html/json/csv``, ``export claimreview``, ``export graph`` and the
``events``/``claims``/``parties`` tables. Each returns what the CLI prints."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from claimgraph.errors import UsageError
from claimgraph.output import Content, OutputFolder, WriteResult, write_file

if TYPE_CHECKING:
    from claimgraph.analysis.assess import Assessment
    from claimgraph.model import Corpus
    from claimgraph.problems import Report
    from claimgraph.views.frames import TableFormat
    from claimgraph.views.graph import GraphFormat

__all__ = [
    "ClaimReviewResult",
    "GraphResult",
    "SiteResult",
    "assess_folder",
    "claimreview",
    "export_graph",
    "render_table",
    "site",
    "table",
    "write_output",
]

TableKind = Literal["events", "claims", "parties"]


@dataclass(slots=True)
class SiteResult:
    """The HTML site's page names (the index last), and how each was written (each
    page went to disk as it was rendered: ``written.digests`` has their hashes)."""

    out_dir: Path
    names: list[str]
    written: WriteResult = field(default_factory=WriteResult)


def site(
    assessment: Assessment,
    out_dir: Path,
    events: Sequence[str] | None = None,
    *,
    force: bool = False,
) -> SiteResult:
    """``report --format html``: the site's pages (every event, or ``events``, and
    the index) written into ``out_dir`` through its manifest (stale pages removed
    only when every event is written)."""
    from claimgraph.views.html.site import iter_site, site_names

    folder = OutputFolder(out_dir, force=force)
    names = site_names(assessment, events)
    written = folder.write_stream(names, iter_site(assessment, events), remove_stale=not events)
    return SiteResult(folder.path, names, written)


def render_table(
    assessment: Assessment, format: Literal["json", "csv"], events: Sequence[str] | None = None
) -> Iterator[str]:
    """``report --format json/csv``: the whole assessment as JSON, or one CSV row per claim,
    in chunks as they are made (never the whole text in memory); ``"".join`` them for a str."""
    from claimgraph.views import tables

    generate = tables.generate_json if format == "json" else tables.generate_csv
    return generate(assessment, events)


def write_output(path: Path, text: Content, *, force: bool = False) -> bool:
    """Write one generated file (a text, or its chunks as they come) under claimgraph's
    output rule; True if it changed."""
    return write_file(path, text, force=force)


@dataclass(slots=True)
class ClaimReviewResult:
    """The ClaimReview JSON-LD, the warnings about incomplete reviews, and how many."""

    text: str
    problems: Report
    reviews: int


def claimreview(corpus: Corpus) -> ClaimReviewResult:
    """``export claimreview``: schema.org ClaimReview JSON-LD for every reviewed claim."""
    from claimgraph.views.claimreview import claimreview_problems, render_claimreview

    problems = claimreview_problems(corpus)
    text = render_claimreview(corpus)
    n = sum(1 for c in corpus.claims.values() if c.review is not None)
    return ClaimReviewResult(text, problems, n)


def assess_folder(claims_dir: Path, *, include_drafts: bool = False) -> Assessment:
    """A claims folder read and assessed in one call (the tables and the graph);
    UsageError when it is not a folder, InvalidInput when it has errors."""
    from claimgraph.analysis.assess import assess
    from claimgraph.load import load_corpus

    if not claims_dir.is_dir():
        raise UsageError(f"{claims_dir}: no such claims folder")
    return assess(load_corpus(claims_dir, include_drafts=include_drafts))


def table(
    assessment: Assessment,
    kind: TableKind,
    format: TableFormat,
    *,
    event: str | None = None,
    party: str | None = None,
    aspect: str | None = None,
) -> str:
    """``claimgraph events|claims|parties``: the table as text (terminal, CSV or JSON).

    ``event``, ``party`` and ``aspect`` filter the claims table; a party or an
    aspect may be named by its name or alias (UsageError, with a hint, if none).
    """
    from claimgraph.views.frames import claims_frame, events_frame, parties_frame, render_frame

    if kind == "events":
        frame = events_frame(assessment)
    elif kind == "parties":
        frame = parties_frame(assessment)
    else:
        from claimgraph.review.resolve import aspect_named, party_named

        corpus = assessment.corpus
        if party is not None:
            party = party_named(party, corpus.parties.values())
        if aspect is not None:
            aspect = aspect_named(aspect, corpus.aspects.values())
        frame = claims_frame(assessment, event=event, party=party, aspect=aspect)
    return render_frame(frame, format, kind)


@dataclass(slots=True)
class GraphResult:
    """Whether the graph file changed, and the graph's size."""

    changed: bool
    nodes: int
    edges: int


def export_graph(
    assessment: Assessment, output: Path, format: GraphFormat, *, force: bool = False
) -> GraphResult:
    """``export graph``: the claim graph written to ``output`` (GraphML, GEXF or JSON)."""
    from claimgraph.views.graph import write_graph

    G = assessment.graph
    changed = write_graph(G, output, format, force=force)
    return GraphResult(changed, G.number_of_nodes(), G.number_of_edges())
