"""The HTML site (claimgraph.views.html and render.svg), read as HTML without a browser.

tests/test_site_browser.py opens the same pages in headless Chromium. The
golden page (tests/data/site/) is regenerated, when a change is intended, with::

    .venv/bin/python tests/test_render_html.py
"""

from __future__ import annotations

import re
import sys
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from site_fixtures import HOSTILE_EVENT, hostile_corpus, ten_party_corpus
from test_hostile_render import corpora
from typer.testing import CliRunner

from claimgraph.analysis.assess import Assessment, assess, event_order
from claimgraph.cli import app
from claimgraph.load import load_corpus
from claimgraph.model import Corpus, Stance
from claimgraph.output import MANIFEST_NAME
from claimgraph.views.escape import one_line
from claimgraph.views.html import (
    INDEX_HTML,
    generate_site,
    page_filename,
    render_event_page,
    render_index_page,
)
from claimgraph.views.svg import render_svg

ROOT = Path(__file__).parent.parent
CLAIMS = ROOT / "claims"
GOLDEN = Path(__file__).parent / "data" / "site"
GOLDEN_EVENT = "dzhankoi-2023-03-20"
SITE_JS = (ROOT / "src" / "claimgraph" / "views" / "static" / "site.js").read_text()


class Page(HTMLParser):
    """Every start tag with its attributes, the script bodies, headings and text."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[str] = []
        self.headings: list[int] = []
        self.text: list[str] = []
        self._in: list[str] = []
        self.feed(text)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag in ("script", "style", "title"):
            self._in.append(tag)
            if tag == "script":
                self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        if self._in and self._in[-1] == tag:
            self._in.pop()

    def handle_data(self, data: str) -> None:
        if self._in and self._in[-1] == "script":
            self.scripts[-1] += data
        elif not self._in:
            self.text.append(data)

    @property
    def body_text(self) -> str:
        return one_line(" ".join(self.text))


def _bundled() -> Assessment:
    return assess(load_corpus(CLAIMS))


BUNDLED = _bundled()
SITE = generate_site(BUNDLED)


def check_safe(name: str, html: str, siblings: set[str]) -> Page:
    """One page: a single script (ours), no event handlers, only safe links, no embeds."""
    page = Page(html)
    assert page.scripts == [SITE_JS], name
    for tag, attrs in page.tags:
        assert tag not in ("iframe", "img", "object", "embed", "base", "form-action"), (name, tag)
        assert not [a for a in attrs if a.startswith("on")], (name, tag, attrs)
        if tag == "link":
            assert attrs.get("href") == "data:," and attrs.get("rel") == "icon", (name, attrs)
        href = attrs.get("href")
        if tag == "a":
            assert href is not None
            assert href.startswith(("https://", "http://", "#")) or href in siblings, (name, href)
        for key in ("src", "action", "formaction", "srcdoc", "style"):
            assert key not in attrs, (name, tag, attrs)
    return page


# ---------------------------------------------------------------- the bundled site


def test_the_site_has_an_index_and_one_page_per_event() -> None:
    assert set(SITE) == {INDEX_HTML} | {page_filename(e) for e in BUNDLED.events}


@pytest.mark.parametrize("name", sorted(SITE))
def test_every_page_is_safe_and_in_order(name: str) -> None:
    html = SITE[name]
    page = check_safe(name, html, set(SITE))
    assert html.startswith('<!DOCTYPE html>\n<html lang="en">')
    # Headings start at h1, once, and never skip a level.
    assert page.headings[0] == 1 and page.headings.count(1) == 1, page.headings
    for before, after in zip(page.headings, page.headings[1:], strict=False):
        assert after <= before + 1, (name, page.headings)
    # Every header cell says what it heads.
    for tag, attrs in page.tags:
        if tag == "th":
            assert attrs.get("scope") in ("col", "row", "colgroup"), (name, attrs)
    # The policy allows nothing but the page's own style and script.
    policy = next(a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv"))
    assert policy is not None and "default-src 'none'" in policy
    assert "unsafe-inline" not in policy and "http" not in policy


@pytest.mark.parametrize("event_id", sorted(BUNDLED.events))
def test_each_event_page_carries_every_party_and_quote(event_id: str) -> None:
    corpus = BUNDLED.corpus
    text = Page(SITE[page_filename(event_id)]).body_text
    for party in BUNDLED.events[event_id].parties:
        assert one_line(corpus.parties[party].name) in text, party
    for claim in corpus.claims_of_event(event_id):
        assert one_line(claim.quote) in text, claim.id
        if claim.speaker:
            assert one_line(claim.speaker) in text, claim.id


def test_the_index_lists_every_event_with_its_status() -> None:
    page = Page(SITE[INDEX_HTML])
    rows = [a for t, a in page.tags if t == "tr" and a.get("data-status")]
    order = event_order(BUNDLED)
    assert [r["data-status"] for r in rows] == [BUNDLED.events[e].status for e in order]
    links = [a["href"] for t, a in page.tags if t == "a"]
    assert links == [page_filename(e) for e in order]


def test_contradicted_answers_are_marked_in_text_not_colour_alone() -> None:
    html = SITE[page_filename(GOLDEN_EVENT)]
    cells = re.findall(r'<td data-party="[^"]*" data-side="[^"]*" class="contra">(.*?)</td>', html)
    assert cells, "no contradicted cell"
    for cell in cells:
        assert 'title="contradicted by another party">⚠</abbr>' in cell


def test_the_golden_page_is_what_the_code_generates() -> None:
    golden = GOLDEN / page_filename(GOLDEN_EVENT)
    assert golden.exists(), "run `.venv/bin/python tests/test_render_html.py`"
    assert render_event_page(BUNDLED, GOLDEN_EVENT) == golden.read_text(encoding="utf-8"), (
        f"{golden} differs: regenerate it with `.venv/bin/python tests/test_render_html.py` "
        "if the change is intended"
    )


def test_generation_is_deterministic() -> None:
    assert generate_site(_bundled()) == SITE


# ---------------------------------------------------------------- hostile text


def test_hostile_markup_shows_as_text() -> None:
    corpus = hostile_corpus()
    files = generate_site(assess(corpus))
    name = page_filename(HOSTILE_EVENT)
    assert "<" not in name and "/" not in name
    html = files[name]
    page = check_safe(name, html, set(files))
    text = page.body_text
    # Shown, escaped: the title, the outlet and every quote.
    assert "</title><script>window.__pwned='title'</script>" in text
    assert "<script>window.__pwned='script'</script>" in text
    for claim in corpus.claims.values():
        assert one_line(claim.quote) in text
    assert "javascript:" not in "".join(str(a.get("href")) for _, a in page.tags)
    title = re.search(r"<title>(.*?)</title>", html)
    assert title and "<" not in title.group(1)
    check_safe(INDEX_HTML, files[INDEX_HTML], set(files))


FUZZ = settings(
    max_examples=40,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


@FUZZ
@given(corpora())
def test_hostile_corpora_render_to_safe_pages(corpus: Corpus) -> None:
    files = generate_site(assess(corpus))
    assert len(files) == len(corpus.events) + 1
    for name, html in files.items():
        assert re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9._-]*\.html", name), name
        check_safe(name, html, set(files))


# ---------------------------------------------------------------- the diagram


def test_the_diagram_draws_ten_parties_and_every_contradiction() -> None:
    assessment = assess(ten_party_corpus())
    html = render_event_page(assessment, "ten")
    svg = html[html.index("<svg") : html.index("</svg>")]
    words = one_line(re.sub(r"<[^>]+>", " ", svg))  # wrapped lines are tspans
    for party in assessment.corpus.parties.values():
        assert party.name in words
    ea = assessment.events["ten"]
    positions = [p for q in ea.questions.values() for p in q.positions]
    pairs = {frozenset((p.id, o)) for p in positions for o in p.contradicts}
    assert svg.count('class="contra-arc"') == len(pairs) > 0
    assert "⚠" in svg  # contradicted answers carry a text mark, not only red


def test_an_event_without_contested_questions_has_no_diagram() -> None:
    ea = BUNDLED.events["us-military-aid-2024-03"]
    assert ea.status != "contested"
    assert render_svg(ea, BUNDLED, str, str, lambda s: 0, str, str) is None
    assert "No contested question to draw." in SITE[page_filename("us-military-aid-2024-03")]


# ---------------------------------------------------------------- the command


def test_report_html_writes_the_site_through_the_manifest(tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "site"
    args = ["report", str(CLAIMS), "--format", "html", "-o", str(site), "--no-cache"]
    result = runner.invoke(app, args)
    assert result.exit_code == 0, result.output
    written = {p.name: p.read_text(encoding="utf-8") for p in site.glob("*.html")}
    assert written == SITE
    assert (site / MANIFEST_NAME).exists()
    assert "open " in result.stderr and INDEX_HTML in result.stderr
    # A person's edit is never overwritten, and nothing is written then.
    page = site / page_filename(GOLDEN_EVENT)
    page.write_text("my notes\n", encoding="utf-8")
    (site / INDEX_HTML).unlink()
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert "was not written by claimgraph" in result.stderr
    assert page.read_text(encoding="utf-8") == "my notes\n"
    assert not (site / INDEX_HTML).exists()
    assert runner.invoke(app, [*args, "--force"]).exit_code == 0
    assert page.read_text(encoding="utf-8") == SITE[page.name]


def test_report_html_for_one_event_keeps_the_others(tmp_path: Path) -> None:
    runner = CliRunner()
    site = tmp_path / "site"
    base = ["report", str(CLAIMS), "--format", "html", "-o", str(site), "--no-cache"]
    assert runner.invoke(app, base).exit_code == 0
    result = runner.invoke(app, [*base, "--event", GOLDEN_EVENT])
    assert result.exit_code == 0, result.output
    assert len(list(site.glob("*.html"))) == len(SITE)


def test_declined_answers_are_shown_as_declined() -> None:
    html = SITE[page_filename(GOLDEN_EVENT)]
    declined = [
        c for c in BUNDLED.corpus.claims_of_event(GOLDEN_EVENT) if c.stance is Stance.DECLINES
    ]
    assert declined and '<span class="declined">“declined”</span>' in html


def test_the_index_page_alone() -> None:
    html = render_index_page(BUNDLED, ["dzhankoi-2023-03-20"])
    assert html.count("<tr data-status") == 1


def _regenerate() -> None:
    GOLDEN.mkdir(parents=True, exist_ok=True)
    target = GOLDEN / page_filename(GOLDEN_EVENT)
    target.write_text(render_event_page(_bundled(), GOLDEN_EVENT), encoding="utf-8")
    print(f"wrote {target}", file=sys.stderr)


if __name__ == "__main__":
    _regenerate()
