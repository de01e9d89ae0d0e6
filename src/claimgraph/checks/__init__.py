"""The checks on claim files: each finds one kind of mistake and adds a Problem.

Problems are collected into a :class:`~claimgraph.problems.Report`, never
raised one by one. One module per kind of check:

- :mod:`~claimgraph.checks.fields`: structural checks while a file is read (missing,
  mistyped and unknown fields, bad ids, stances and dates), through :class:`FieldReader`;
- :mod:`~claimgraph.checks.places`: where each claim's fields were written;
- :mod:`~claimgraph.checks.corpus`: across the built :class:`~claimgraph.model.Corpus`
  (parties, dates against events and sources, claims recorded twice, hints);
- :mod:`~claimgraph.checks.comments`: a free-text claim that holds a count or a denial;
- :mod:`~claimgraph.checks.hints`: the nearest known id, the party a name points to;
- :mod:`~claimgraph.checks.links`: explicit links between claims;
- :mod:`~claimgraph.checks.quotes`: quotes against their source's text.

Problem types: every type is in :data:`claimgraph.problems.CATALOGUE`, with its
title and meaning; ``Report.add`` takes only those (``ProblemType``).
"""

from __future__ import annotations

from claimgraph.checks.comments import check_comments, comment_findings
from claimgraph.checks.corpus import check_claims, check_corpus, check_parties
from claimgraph.checks.fields import FieldReader, day_of, kind_name, parse_moment
from claimgraph.checks.hints import alias_index, nearest, party_hint
from claimgraph.checks.links import check_links
from claimgraph.checks.places import Places
from claimgraph.checks.quotes import SourceText, check_quotes, normalise_quote, quote_in_text

__all__ = [
    "FieldReader",
    "Places",
    "SourceText",
    "alias_index",
    "check_claims",
    "check_comments",
    "check_corpus",
    "check_links",
    "check_parties",
    "check_quotes",
    "comment_findings",
    "day_of",
    "kind_name",
    "nearest",
    "normalise_quote",
    "parse_moment",
    "party_hint",
    "quote_in_text",
]
