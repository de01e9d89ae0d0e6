"""The checks on claim files, now the :mod:`claimgraph.checks` package; re-exported here.

Kept so that ``from claimgraph.validate import normalise_quote`` (and the other names)
still works; new code imports from :mod:`claimgraph.checks`.
"""

from __future__ import annotations

from claimgraph.checks import (
    FieldReader,
    Places,
    SourceText,
    alias_index,
    check_claims,
    check_comments,
    check_corpus,
    check_links,
    check_parties,
    check_quotes,
    comment_findings,
    kind_name,
    nearest,
    normalise_quote,
    parse_moment,
    party_hint,
    quote_in_text,
)

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
    "kind_name",
    "nearest",
    "normalise_quote",
    "parse_moment",
    "party_hint",
    "quote_in_text",
]
