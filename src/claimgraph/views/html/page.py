"""The page shell and its assets: escaping of text and links, the file names, the
inlined stylesheet and script under a Content Security Policy by hash, side colours,
and the blocks every page is built of (a section, a table)."""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable, Sequence
from functools import cache
from html import escape
from importlib import resources

from claimgraph.model import Corpus
from claimgraph.output import safe_filename
from claimgraph.views.escape import one_line, safe_url

__all__ = [
    "SIDE_COLOURS",
    "Sides",
    "link",
    "page",
    "page_filename",
    "section",
    "status_class",
    "table_block",
    "text",
]


SIDE_COLOURS = 6  # side-0 … side-5 in site.css


def text(value: object) -> str:
    """Text from a claim file, on one line, escaped for HTML text and attributes alike."""
    return escape(one_line(value), quote=True)


def link(label: object, url: object) -> str:
    """A link with escaped text, or the escaped text alone if the url is not http(s).

    >>> link("Report <1>", "https://example.org/a b")
    '<a href="https://example.org/a%20b" rel="noopener noreferrer">Report &lt;1&gt;</a>'
    """
    target = safe_url(url)
    shown = text(label) or text(url)
    if target is None:
        return shown
    return f'<a href="{escape(target, quote=True)}" rel="noopener noreferrer">{shown}</a>'


def page_filename(event_id: str) -> str:
    """The file name of an event's page (see :func:`claimgraph.output.safe_filename`).

    >>> page_filename("dzhankoi-2023-03-20"), page_filename("index")
    ('dzhankoi-2023-03-20.html', 'index-1bc04b52.html')
    """
    return safe_filename(event_id, ".html")


@cache
def _static(name: str) -> str:
    return (resources.files("claimgraph.views") / "static" / name).read_text(encoding="utf-8")


def _hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def page(title: str, body: Sequence[str]) -> str:
    css, js = _static("site.css"), _static("site.js")
    policy = (
        f"default-src 'none'; style-src {_hash(css)}; script-src {_hash(js)}; "
        "img-src data:; base-uri 'none'; form-action 'none'"
    )
    lines = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{policy}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="generator" content="claimgraph">',
        f"<title>{title}</title>",
        '<link rel="icon" href="data:,">',
        f"<style>{css}</style>",
        "</head>",
        "<body>",
        *body,
        f"<script>{js}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"


class Sides:
    """Colour classes of the sides, by their order in the corpus."""

    def __init__(self, corpus: Corpus) -> None:
        self.order = {s: i for i, s in enumerate(corpus.sides)}

    def index(self, side: str) -> int:
        return self.order.get(side, len(self.order)) % SIDE_COLOURS


def status_class(status: str) -> str:
    return "contested" if status == "contested" else re.sub(r"[^a-z-]", "", status)


def section(anchor: str, title: str, body: Sequence[str]) -> list[str]:
    return [
        f'<section id="{anchor}" aria-labelledby="{anchor}-h">',
        f'<h2 id="{anchor}-h">{title}</h2>',
        *body,
        "</section>",
    ]


def table_block(
    cls: str, caption: str, head: Sequence[str], rows: Iterable[str], short: bool = True
) -> list[str]:
    ths = "".join(f'<th scope="col">{h}</th>' for h in head)
    wrap_cls = "table-wrap short" if short else "table-wrap"
    return [
        f'<div class="{wrap_cls}" tabindex="0" role="region" aria-label="{text(caption)}">',
        f'<table class="{cls}">',
        f'<caption class="vh">{text(caption)}</caption>',
        f"<thead><tr>{ths}</tr></thead>",
        "<tbody>",
        *rows,
        "</tbody>",
        "</table>",
        "</div>",
    ]
