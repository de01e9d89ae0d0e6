"""Layout lines some outlets put around a story: "Source: X" under the lede names who the
lede's words are, and "Quote: ..." opens a quotation of the story's speaker.

The labels are data/extract.yaml's ``source_labels`` and ``quote_labels`` (both are
``layout_labels`` too, so they are never read as speakers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimgraph.extract.lexicon import Lexicon, line_matches


@dataclass(slots=True)
class Layout:
    """Where a report's source lines and quotation labels are (offsets in its body)."""

    # the line's start -> its speaker's words ("Source: Dmytro Chubenko, spokesperson ...")
    sources: dict[int, str] = field(default_factory=dict)
    # where the words after a "Quote:" label start
    quotes: set[int] = field(default_factory=set)


def _label(words: object) -> re.Pattern[str]:
    items = words if isinstance(words, list) else []
    return _label_regex(tuple(str(w) for w in items))


@lru_cache(maxsize=16)
def _label_regex(items: tuple[str, ...]) -> re.Pattern[str]:
    """The regex of a label list, compiled once (a label starts a line: see ``line_matches``)."""
    names = [re.escape(w) for w in items if w.strip()]
    if not names:
        return re.compile(r"(?!x)x")
    return re.compile(r"(?im)^[ \t]*(?:" + "|".join(names) + r")[ \t]*:[ \t]*(?=\S)")


def read_layout(body: str, lex: Lexicon) -> Layout:
    """The source lines and quotation labels of ``body`` (before the labels are blanked).

    >>> from claimgraph.extract.lexicon import lexicon
    >>> text = 'Ten died.\\n\\nSource: the governor; TASS\\n\\nQuote: "It hit."'
    >>> layout = read_layout(text, lexicon())
    >>> list(layout.sources.values()), sorted(layout.quotes)
    (['the governor'], [46])
    """
    layout = Layout()
    for m in line_matches(_label(lex.raw.get("source_labels")), body):
        end = body.find("\n", m.end())
        line = body[m.end() : end if end >= 0 else len(body)]
        # the first of the sources listed ("X; agency Y; ministry Z")
        first = line.split(";", 1)[0].strip()
        if first:
            layout.sources[m.start()] = first
    for m in line_matches(_label(lex.raw.get("quote_labels")), body):
        layout.quotes.add(m.end())
    return layout
