"""Hostile claims into the report renderer: Markdown that parses, with no live markup.

Every text a person writes in a claim file (ids, names, titles, places,
quotes, speakers, answers, urls) ends up in a report. Whatever it holds, the
generated Markdown must parse (markdown-it-py, GFM tables) into tables whose
every row has the header's cell count, contain no raw HTML, link only to
``http(s)`` urls or sibling reports, and keep the Mermaid diagram a valid
block of node, edge and style lines.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from claimgraph.analysis.assess import assess
from claimgraph.load import builtin_aspects, builtin_sides, read_corpus
from claimgraph.model import (
    Certainty,
    Claim,
    Corpus,
    Event,
    Interval,
    Links,
    Party,
    Source,
    Stance,
)
from claimgraph.views.markdown import generate_reports

HOSTILE = Path(__file__).parent / "data" / "hostile"

FUZZ = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

NASTY = [
    "a | b",
    "|",
    "\\|",
    "\\",
    "`",
    "``` fence",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<!-- comment",
    "[click](javascript:alert(1))",
    "![img](javascript:alert(1))",
    "<javascript:alert(1)>",
    "<https://evil.example>",
    "A --> B",
    "-. x .-",
    "%%{init: {}}%%",
    'say "hi"',
    "end",
    "subgraph X",
    "]) ([",
    "# heading",
    "- item",
    "1. item",
    "> quote",
    "---",
    "===",
    "*emph* _u_ ~~s~~",
    "&amp; &#60; &lt;",
    "line\nbreak",
    "cr\rlf\r\n",
    "\t tab",
    "\x00nul\x07bell",
    "\u2028sep\u2029",
    "\u202eright-to-left\u202c",
    "עברית",
    "عربى",
    "Джанкой",
    "../../x",
    "/etc/passwd",
    "C:\\Windows",
    " ",
    "",
    "x" * 300,
]

texts = st.one_of(
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY), min_size=1, max_size=3).map("".join),
    st.text(max_size=30),
)
urls = st.one_of(
    st.sampled_from(
        [
            "javascript:alert(1)",
            " JavaScript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:x",
            "https://example.org/a b|c)(<script>",
            "https://example.org/\n](javascript:x)",
            "//evil.example/x",
            "file:///etc/passwd",
            "",
        ]
    ),
    texts,
)
ids = st.one_of(st.sampled_from(NASTY), st.text(min_size=1, max_size=20))
days = st.dates(min_value=dt.date(2022, 1, 1), max_value=dt.date(2024, 12, 31))

ASPECTS = ["cause", "weapon", "killed", "injured", "comment"]


@st.composite
def corpora(draw: st.DrawFn) -> Corpus:
    """A small corpus whose every person-written text is hostile."""
    corpus = Corpus(sides=builtin_sides(), aspects=builtin_aspects())
    side_ids = sorted(corpus.sides) + ["unknown"]
    party_ids = draw(st.lists(ids, min_size=1, max_size=4, unique=True))
    for pid in party_ids:
        corpus.parties[pid] = Party(
            pid, draw(texts), draw(st.sampled_from(side_ids)), aliases=(draw(texts),)
        )
    event_ids = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    for eid in event_ids:
        first = draw(days)
        ranged = draw(st.booleans())
        corpus.events[eid] = Event(
            eid,
            draw(texts),
            date=None if ranged else first,
            start=first if ranged else None,
            end=first + dt.timedelta(days=draw(st.integers(0, 9))) if ranged else None,
            place=draw(texts),
            region=draw(texts),
        )
    source_ids = draw(st.lists(ids, min_size=1, max_size=2, unique=True))
    for sid in source_ids:
        corpus.sources[sid] = Source(
            sid, draw(texts), draw(texts), draw(urls), draw(st.none() | days), "en"
        )
    n = draw(st.integers(min_value=1, max_value=8))
    claim_ids = draw(st.lists(ids, min_size=n, max_size=n, unique=True))
    for cid in claim_ids:
        aspect = draw(st.sampled_from(ASPECTS))
        stance = Stance.DECLINES if aspect == "comment" else draw(st.sampled_from(Stance))
        value: Any
        if stance is Stance.DECLINES:
            value = None
        elif aspect in ("killed", "injured"):
            low = draw(st.integers(0, 50))
            high = draw(st.sampled_from([low, low + 5, float("inf")]))
            value = Interval(low, high, draw(texts))
        elif aspect == "weapon":
            value = frozenset(draw(st.lists(texts, min_size=1, max_size=3)))
        else:
            value = draw(texts)
        others = [c for c in claim_ids if c != cid]
        corpus.claims[cid] = Claim(
            id=cid,
            event=draw(st.sampled_from(event_ids)),
            party=draw(st.sampled_from(party_ids)),
            source=draw(st.sampled_from(source_ids)),
            aspect=aspect,
            value=value,
            raw_value=draw(texts),
            quote=draw(texts),
            stance=stance,
            certainty=draw(st.sampled_from(Certainty)),
            evidence=tuple(draw(st.lists(st.sampled_from(["none", "video", "photo"]), max_size=2))),
            speaker=draw(texts),
            via=draw(texts),
            said_on=draw(st.none() | days),
            links=Links(
                contradicts=tuple(draw(st.lists(st.sampled_from(others), max_size=1)))
                if others
                else (),
            ),
            note=draw(texts),
        )
    return corpus


# ---------------------------------------------------------------------------
# What a safe report is

MD = MarkdownIt("commonmark").enable("table").enable("strikethrough")

_MERMAID_LABEL = r'"(?:[\w ,.:!?/\'+=@-]|#(?:\d+|quot|lt|gt|amp);)*"'
_MERMAID_LINE = re.compile(
    r"flowchart LR"
    rf"|  subgraph [SQ]\d+\[{_MERMAID_LABEL}\]"
    rf"|    P\d+\(\[{_MERMAID_LABEL}\]\)"
    rf"|    N\d+\[{_MERMAID_LABEL}\]"
    rf"|  E0\[{_MERMAID_LABEL}\]"
    r"|  end"
    r"|  N\d+ -\. (?:denies|contradicts(?:, per fact-checker)?) \.- N\d+"
    r"|  linkStyle \d+(?:,\d+)* [\w:#,.\- ]+"
)
_SIBLING = re.compile(r"[A-Za-z0-9_][A-Za-z0-9._-]*\.md")


def _walk(tokens: list[Token]) -> list[Token]:
    out: list[Token] = []
    for token in tokens:
        out.append(token)
        if token.children:
            out += _walk(token.children)
    return out


def gfm_cells(line: str) -> int:
    """The cells markdown-it sees in a table row: it splits on every ``|`` not after a ``\\``."""
    row = line.strip().removeprefix("|")
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return len(re.split(r"(?<!\\)\|", row)) if row else 1


def check_markdown(name: str, text: str, siblings: set[str]) -> None:
    """Assert that one generated report is safe and well-formed."""
    tokens = MD.parse(text)
    lines = text.splitlines()
    everything = _walk(tokens)

    raw_html = [t.content for t in everything if t.type in ("html_block", "html_inline")]
    assert not raw_html, (name, raw_html)
    assert not [t for t in everything if t.type == "image"], name

    for token in everything:
        if token.type == "link_open":
            href = str(token.attrGet("href"))
            assert href.startswith(("https://", "http://")) or (
                _SIBLING.fullmatch(href) and href in siblings
            ), (name, href)

    tables = [t for t in tokens if t.type == "table_open"]
    for table in tables:
        assert table.map is not None
        start, end = table.map
        rows = lines[start:end]
        header = gfm_cells(rows[0])
        for row in rows:
            assert gfm_cells(row) == header, (name, row)
    table_rows = [i for i, line in enumerate(lines) if line.startswith("|")]
    in_tables = {i for t in tables if t.map for i in range(*t.map)}
    assert set(table_rows) <= in_tables, (name, [lines[i] for i in set(table_rows) - in_tables])
    # Each table row became a row: the parser saw as many rows as there are lines.
    for table in tables:
        assert table.map is not None
        start, end = table.map
        i = tokens.index(table)
        close = next(j for j in range(i, len(tokens)) if tokens[j].type == "table_close")
        parsed_rows = sum(1 for t in tokens[i:close] if t.type == "tr_open")
        assert parsed_rows == end - start - 1, (name, lines[start:end])

    fences = [t for t in tokens if t.type == "fence"]
    assert all(t.info == "mermaid" for t in fences), (name, [t.info for t in fences])
    if name != "index.md":
        drawn = len(fences) == 1 or "too large for a diagram" in text
        assert drawn or "No contested question to draw." in text, name
    for fence in fences:
        for line in fence.content.splitlines():
            assert _MERMAID_LINE.fullmatch(line), (name, line)
    fence_lines = [line for line in lines if line.lstrip(" ").startswith(("```", "~~~"))]
    assert len(fence_lines) == 2 * len(fences), (name, fence_lines)

    html = MD.render(text).lower()
    assert "<script" not in html and "<img" not in html and "<iframe" not in html, name
    assert not re.search(r'(?:href|src)="\s*(?:javascript|data|vbscript):', html), name


def check_reports(files: dict[str, str]) -> None:
    names = set(files)
    for name in files:
        assert _SIBLING.fullmatch(name), name
    for name, text in files.items():
        check_markdown(name, text, names)


# ---------------------------------------------------------------------------
# Tests


@FUZZ
@given(corpora())
def test_hostile_corpora_render_to_safe_well_formed_markdown(corpus: Corpus) -> None:
    files = generate_reports(assess(corpus))
    assert "index.md" in files
    assert len(files) == len(corpus.events) + 1
    check_reports(files)


def test_the_hostile_claims_fixture_renders_to_safe_markdown() -> None:
    corpus, report = read_corpus(HOSTILE / "inject" / "claims")
    assert report.valid, [str(p) for p in report.problems]
    files = generate_reports(assess(corpus))
    check_reports(files)
    event = next(v for k, v in files.items() if k != "index.md")
    # The hostile text is shown (escaped), not dropped.
    assert "\\<script\\>alert(1)\\</script\\>" in event
    assert 'drones --\\> %% end "quoted" \\| more' in event


@pytest.mark.parametrize(
    ("line", "cells"),
    [("| a | b |", 2), ("| a \\| b | c |", 2), ("| a \\\\| b | c |", 2), ("|`x|y`|", 2)],
)
def test_the_cell_counter_splits_like_gfm(line: str, cells: int) -> None:
    # The checker itself: rows split on every pipe without a backslash before it, even
    # inside code spans; markdown-it treats "\\\\|" as an escaped pipe too.
    assert gfm_cells(line) == cells


def test_the_checker_catches_a_broken_table() -> None:
    text = "| a | b |\n|---|---|\n| x | y | z |\n"
    with pytest.raises(AssertionError):
        check_markdown("x.md", text, set())


def test_the_checker_catches_raw_html_and_script_links() -> None:
    for text in ("a <script>x</script>\n", "[a](javascript:alert(1))\n", "<b>x</b>\n"):
        with pytest.raises(AssertionError):
            check_markdown("x.md", text, set())


def test_the_checker_catches_a_broken_mermaid_label() -> None:
    text = '```mermaid\nflowchart LR\n    N1["a" --> "b"]\n```\n'
    with pytest.raises(AssertionError):
        check_markdown("index.md", text, set())
