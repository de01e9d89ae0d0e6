"""Escaping of user text for Markdown, links and Mermaid (claimgraph.views.escape)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from claimgraph.views.escape import (
    md_cell,
    md_code,
    md_inline,
    md_link,
    mermaid_label,
    one_line,
    safe_url,
)

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

HOSTILE = [
    "a | b",
    "back`tick`s ``double``",
    "line one\nline two\r\nthree",
    "<script>alert('x')</script>",
    "&lt;b&gt;bold&lt;/b&gt; &amp;",
    "[click](javascript:alert(1))",
    "![img](https://evil.example/x.png)",
    "*emph* _under_ ~~strike~~",
    "# heading",
    "- list item",
    "1. numbered",
    "> quote",
    "\\|",
    "https://example.org/autolink",
    "$x^2$ and $$y$$",
    'x --> y %% comment [a] (b) {c} "q"',
]


def _table(cells: list[str]) -> str:
    header = "| " + " | ".join(f"h{i}" for i in range(len(cells))) + " |"
    sep = "|" + "---|" * len(cells)
    row = "| " + " | ".join(cells) + " |"
    return "\n".join([header, sep, row]) + "\n"


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_cell_keeps_table_shape(text: str) -> None:
    tokens = MD.parse(_table([md_cell(text), "x"]))
    rows = [t for t in tokens if t.type == "tr_open"]
    cells = [t for t in tokens if t.type in ("td_open", "th_open")]
    assert len(rows) == 2
    assert len(cells) == 4


@pytest.mark.parametrize("text", HOSTILE)
def test_escaped_text_renders_without_html_or_links(text: str) -> None:
    html = MD.render("Said: " + md_inline(text) + "\n")
    assert "<script" not in html
    assert "<a " not in html
    assert "<img" not in html
    assert "<em>" not in html and "<code>" not in html and "<s>" not in html


@given(st.text(max_size=60))
def test_escaped_text_shows_the_same_words(text: str) -> None:
    html = MD.renderInline(md_inline(text))
    plain = re.sub(r"<[^>]+>", "", html)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&amp;", "&")):
        plain = plain.replace(entity, char)
    # Markdown drops no visible character of an escaped text.
    assert plain.replace(" ", "") == one_line(text).replace(" ", "")


@given(st.text(max_size=60))
def test_cell_never_adds_cells(text: str) -> None:
    tokens = MD.parse(_table([md_cell(text), md_code(text)]))
    assert len([t for t in tokens if t.type == "td_open"]) == 2


def test_newlines_collapse_to_one_line() -> None:
    assert md_cell("a\n\nb\tc") == "a b c"


def test_code_span_fence_outgrows_backticks() -> None:
    assert md_code("a``b") == "``` a``b ```"
    assert MD.renderInline(md_code("a``b")) == "<code>a``b</code>"


def test_only_http_links_become_links() -> None:
    assert safe_url("javascript:alert(1)") is None
    assert safe_url("data:text/html,<script>") is None
    assert safe_url("/etc/passwd") is None
    assert safe_url("http://example.org/x") == "http://example.org/x"
    assert md_link("t", "vbscript:x") == "t"


def test_link_with_parentheses_and_pipes_stays_one_link() -> None:
    html = MD.renderInline(md_link("A (b) | c", "https://example.org/p(1)|x y"))
    assert html.count("<a ") == 1
    assert 'href="https://example.org/p%281%29%7Cx%20y"' in html


def test_link_without_title_shows_url() -> None:
    assert md_link("", "https://example.org/") == "[https://example.org/](https://example.org/)"


@pytest.mark.parametrize("text", HOSTILE)
def test_mermaid_label_has_no_syntax_characters(text: str) -> None:
    label = re.sub(r"#(?:[a-z]+|\d+);", "", mermaid_label(text))
    assert not set(label) & set('"[](){}<>|;%`#\n\r')
    assert "-->" not in label and "%%" not in label


def test_mermaid_label_uses_entity_codes() -> None:
    assert mermaid_label('"Kalibr" <NK>') == "#quot;Kalibr#quot; #lt;NK#gt;"
    assert mermaid_label("50%") == "50#37;"
