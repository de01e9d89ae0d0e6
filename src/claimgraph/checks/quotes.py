"""Quotes checked against their source's text, verbatim up to typography and elisions."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass

from claimgraph.checks.places import Places
from claimgraph.model import Corpus, Location, Stance
from claimgraph.problems import Report

_QUOTE_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b", "-"),
        "\u2026": "...",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,
    }
)
_ELISION = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\(\s*\.\.\.\s*\)|\.\.\.)\s*")


def normalise_quote(text: str) -> str:
    """Fold typographic quotes and dashes to plain ones and collapse whitespace.

    Case is kept: a quote must match the source's words exactly.

    >>> normalise_quote("“wait  for\\nofficial information” — they said")
    '"wait for official information" - they said'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_QUOTE_FOLD)
    # str.split() splits on exactly what the regex \s matches, in C and about
    # five times faster than a regex substitution on a long source text.
    return " ".join(text.split())


def quote_in_text(quote: str, normalised_text: str) -> bool:
    """True if ``quote`` occurs in the (normalised) source text.

    An elision (``...``, ``…`` or ``[...]``) in the quote stands for words
    left out: the pieces must occur in order. Surrounding quote marks are
    ignored.

    >>> src = normalise_quote("He said: “the anti-aircraft defense has worked in the area”.")
    >>> quote_in_text("the anti-aircraft defense … in the area", src)
    True
    >>> quote_in_text("The anti-aircraft defense", src)
    False
    """
    quote = normalise_quote(quote)
    if "..." not in quote:  # every elision holds "..." once normalised: one piece
        piece = quote.strip(" \"'")
        return bool(piece) and piece in normalised_text
    pieces = [p.strip(" \"'") for p in _ELISION.split(quote)]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    start = 0
    for piece in pieces:
        found = normalised_text.find(piece, start)
        if found < 0:
            return False
        start = found + len(piece)
    return True


@dataclass(slots=True)
class SourceText:
    """A source's raw text, normalised once for quote look-ups, or why it is missing."""

    text: str | None
    problem: str = ""


def check_quotes(
    corpus: Corpus,
    texts: Mapping[str, SourceText],
    places: Places,
    report: Report,
) -> None:
    """Every quote must occur verbatim in its source's text (``quote-not-in-source``).

    ``texts`` maps a source id to its text (see ``load.read_source_texts``);
    a source without a file is warned about once (``unchecked-quotes``).
    """
    warned: set[str] = set()
    for claim in corpus.claims.values():
        where = claim.where or Location("?", 0)
        if not claim.quote:
            if (claim.id, "quote-wrong-type", "") in places.places:
                continue  # already a wrong-type problem
            declines = claim.stance is Stance.DECLINES
            report.add(
                "empty-quote",
                f"claim '{claim.id}' has no quote: record the source's words"
                + (" (even for a silence)" if declines else ""),
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning" if declines else "error",
            )
            continue
        source = texts.get(claim.source)
        if source is None or source.text is None:
            if claim.source not in warned and source is not None and not source.problem:
                warned.add(claim.source)
                report.at(
                    "unchecked-quotes",
                    f"source '{claim.source}' has no 'file': its quotes cannot be checked",
                    where,
                    id=claim.source,
                    severity="warning",
                )
            continue
        if not quote_in_text(claim.quote, source.text):
            place = places.of(claim, "quote", "")
            report.add(
                "quote-not-in-source",
                f"quote of claim '{claim.id}' does not occur in the text of source "
                f"'{claim.source}': {_shorten(claim.quote)!r}",
                place.path,
                place.line,
                place.column,
                id=claim.id,
            )


def _shorten(text: str, width: int = 60) -> str:
    text = normalise_quote(text)
    return text if len(text) <= width else text[: width - 1] + "…"
