"""The comparison report and the index (claimgraph.views.markdown and render.mermaid)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

import pytest
from markdown_it import MarkdownIt

from claimgraph.analysis.assess import Assessment, assess
from claimgraph.model import (
    Aspect,
    AspectType,
    Certainty,
    Claim,
    Corpus,
    Event,
    Interval,
    Links,
    Party,
    Side,
    Source,
    Stance,
)
from claimgraph.views.markdown import (
    INDEX_NAME,
    LEGEND,
    format_date,
    generate_reports,
    render_event,
    render_index,
    report_filename,
)

MD = MarkdownIt("commonmark").enable(["table", "strikethrough"])

EVENT = "dzhankoi"


def _corpus(extra_parties: dict[str, Party] | None = None) -> Corpus:
    pair = frozenset
    aspects = {
        "cause": Aspect(
            "cause",
            AspectType.CATEGORY,
            label="Cause",
            values={
                "drone-attack": "drone attack",
                "missile-attack": "missile attack",
                "air-defence-debris": "debris of an intercepted weapon",
            },
            compatible=frozenset({pair({"air-defence-debris", "drone-attack"})}),
        ),
        "damage": Aspect("damage", AspectType.SET, label="Damage"),
        "injured": Aspect("injured", AspectType.COUNT, label="Injured"),
        "comment": Aspect("comment", AspectType.TEXT, label="Comment"),
    }
    parties = {
        "occupation": Party("occupation", "Occupation authorities", "russia"),
        "hur": Party("hur", "Military intelligence", "ukraine"),
        "partisans": Party("partisans", "Partisans", "ukraine"),
        "residents": Party("residents", "Local residents", "independent"),
        "channel": Party("channel", "Local channel", "independent"),
    }
    parties.update(extra_parties or {})
    return Corpus(
        sides={
            "russia": Side("russia", "Russia"),
            "ukraine": Side("ukraine", "Ukraine"),
            "independent": Side("independent", "Independent"),
        },
        parties=parties,
        events={
            EVENT: Event(EVENT, "Explosions in Dzhankoi", date(2023, 3, 20), place="Dzhankoi"),
            "quiet": Event("quiet", "A quiet day", date(2023, 5, 1), place="Armiansk"),
        },
        sources={
            "s0": Source(
                "s0",
                "Explosions in Dzhankoi",
                "Example News",
                "https://news.example/dzhankoi",
                date(2023, 3, 20),
                "en",
            )
        },
        aspects=aspects,
    )


def _add(corpus: Corpus, **fields: Any) -> None:
    fields.setdefault("event", EVENT)
    fields.setdefault("source", "s0")
    claim = Claim(**fields)
    corpus.claims[claim.id] = claim


def build() -> Assessment:
    corpus = _corpus()
    add = _add
    add(
        corpus,
        id="occ-cause",
        party="occupation",
        aspect="cause",
        value="air-defence-debris",
        quote="air defence worked",
        speaker="Serhii Aksyonov",
        said_on=date(2023, 3, 20),
    )
    add(
        corpus,
        id="hur-cause",
        party="hur",
        aspect="cause",
        value="missile-attack",
        quote="Kalibr-NK missiles were destroyed",
        evidence=("video",),
        said_on=date(2023, 3, 21),
    )
    add(
        corpus,
        id="part-cause",
        party="partisans",
        aspect="cause",
        value="drone-attack",
        quote="Iranian mopeds did it, they cannot be shot down at all",
        said_on=date(2023, 3, 20),
    )
    add(
        corpus,
        id="res-cause",
        party="residents",
        aspect="cause",
        value="drone-attack",
        quote="we heard drones",
        certainty=Certainty.REPORTED,
        said_on=date(2023, 3, 20),
    )
    add(
        corpus,
        id="chan-cause",
        party="channel",
        aspect="cause",
        value="drone-attack",
        quote="Iranian mopeds did it, they cannot be shot down at all",
        said_on=date(2023, 3, 21),
    )
    add(
        corpus,
        id="occ-injured-1",
        party="occupation",
        aspect="injured",
        value=Interval(1, 1, "one"),
        quote="one person was injured",
        certainty=Certainty.HEDGED,
        said_on=date(2023, 3, 20),
    )
    add(
        corpus,
        id="occ-injured-2",
        party="occupation",
        aspect="injured",
        value=Interval(3, 3, "three"),
        quote="three people were injured",
        said_on=date(2023, 3, 22),
    )
    add(
        corpus,
        id="res-injured",
        party="residents",
        aspect="injured",
        value=Interval(12, 99, "dozens"),
        quote="dozens hurt",
        evidence=("none",),
        said_on=date(2023, 3, 21),
    )
    add(
        corpus,
        id="hur-denies",
        party="hur",
        aspect="damage",
        value=frozenset({"house"}),
        stance=Stance.DENIES,
        quote="no house was hit",
        said_on=date(2023, 3, 21),
    )
    add(
        corpus,
        id="occ-damage",
        party="occupation",
        aspect="damage",
        value=frozenset({"house", "shop"}),
        quote="a house and a shop were damaged",
        said_on=date(2023, 3, 20),
    )
    add(
        corpus,
        id="occ-declines",
        party="occupation",
        aspect="comment",
        value=None,
        stance=Stance.DECLINES,
        quote="wait for official information",
    )
    add(
        corpus,
        id="part-link",
        party="partisans",
        aspect="injured",
        value=Interval(0, 0, "nobody"),
        quote="nobody was hurt",
        links=Links(contradicts=("occ-injured-2",)),
        said_on=date(2023, 3, 21),
    )
    add(
        corpus,
        id="quiet-1",
        event="quiet",
        party="residents",
        aspect="cause",
        value="drone-attack",
        quote="a drone flew over",
    )
    return assess(corpus)


@pytest.fixture(scope="module")
def assessment() -> Assessment:
    return build()


@pytest.fixture(scope="module")
def report(assessment: Assessment) -> str:
    return render_event(assessment, EVENT)


def _section(report: str, title: str) -> str:
    match = re.search(rf"^## {re.escape(title)}\n(.*?)(?=^## |\Z)", report, re.M | re.S)
    assert match, f"no section {title!r}"
    return match.group(1)


def _table_rows(text: str) -> list[list[str]]:
    """Rows of the first Markdown table in ``text``, as the parser sees them."""
    tokens = MD.parse(text)
    rows: list[list[str]] = []
    for i, tok in enumerate(tokens):
        if tok.type == "tr_open":
            rows.append([])
        elif tok.type in ("td_open", "th_open"):
            rows[-1].append(tokens[i + 1].content)
        elif tok.type == "table_close":
            break
    return rows


def test_title_has_date_and_place(report: str) -> None:
    assert report.splitlines()[0] == "# Explosions in Dzhankoi — 20 March 2023, Dzhankoi"


def test_status_line_names_status_and_counts(report: str) -> None:
    status = report.splitlines()[2]
    assert status.startswith("**Contested**")
    assert "13 claims" not in status  # the quiet event's claim is not counted
    assert "12 claims by 5 parties from 1 source" in status
    assert "declined to comment" not in status  # the occupation authorities spoke later


def test_columns_are_grouped_by_side(report: str) -> None:
    header = _table_rows(_section(report, "Who says what"))[0]
    assert header == [
        "Question",
        "Status",
        "Occupation authorities (Russia)",
        "Military intelligence (Ukraine)",
        "Partisans (Ukraine)",
        "Local channel (Independent)",
        "Local residents (Independent)",
    ]


def test_cells_carry_marks(report: str) -> None:
    rows = {r[0]: r for r in _table_rows(_section(report, "Who says what"))}
    cause = rows["Cause"]
    assert cause[1] == "Contested"
    assert cause[2] == "⚠ debris of an intercepted weapon"
    assert cause[3] == "⚠ missile attack (video)"
    assert cause[6] == "⚠ drone attack²"  # reported second-hand
    assert rows["Damage"][3] == "⚠ ✗ house"  # a denial, contradicted
    injured = rows["Injured"][2]
    assert "~~\\~one~~" in injured  # hedged, and struck: later corrected by the same party
    assert rows["Injured"][6] == "⚠ dozens (no evidence)"
    assert rows["Comment"][2] == "~~“declined”~~, then answered"


def test_silent_party_has_an_empty_cell(report: str) -> None:
    rows = {r[0]: r for r in _table_rows(_section(report, "Who says what"))}
    assert rows["Damage"][4] == ""  # partisans said nothing on damage


def test_legend_is_at_most_three_lines(report: str) -> None:
    assert len(LEGEND.splitlines()) <= 3
    assert LEGEND in report


def test_contradictions_quote_both_sides_with_sources(report: str) -> None:
    section = _section(report, "Contradictions")
    assert "“air defence worked”" in section
    assert "“Kalibr-NK missiles were destroyed”" in section
    assert "Serhii Aksyonov" in section
    assert "Example News \\[s0\\]" in section


def test_fact_checker_links_are_marked(report: str) -> None:
    section = _section(report, "Contradictions")
    marked = [line for line in section.splitlines() if "marked by the fact-checker" in line]
    assert len(marked) == 1
    assert "nobody" in marked[0] and "three" in marked[0]


def test_independent_corroborations_come_first(report: str) -> None:
    section = _section(report, "Corroborations")
    items = [line for line in section.splitlines() if re.match(r"\d+\. ", line)]
    assert items, section
    assert "independent" in items[0]


def test_echo_is_flagged(report: str) -> None:
    section = _section(report, "Corroborations")
    echo_lines = [line for line in section.splitlines() if "echo" in line]
    assert len(echo_lines) == 1
    assert "Local channel" in echo_lines[0] and "Partisans" in echo_lines[0]


def test_silences_list_who_declined(report: str) -> None:
    section = _section(report, "Silences")
    assert "Declined to comment, then answered: **Occupation authorities**" in section
    assert "“wait for official information”" in section


def test_count_reconciliation_gives_spread_and_conservative_figure(report: str) -> None:
    rows = _table_rows(_section(report, "Figures"))
    assert rows[0] == ["Question", "Figures given", "Spread", "Conservative figure"]
    injured = rows[1]
    assert injured[0] == "Injured"
    assert injured[1].startswith("nobody (Partisans)")
    assert "dozens, counted as 12 (Local residents)" in injured[1]
    assert "one" not in injured[1]  # corrected by the same party: left out
    assert injured[2] == "0 to 12 (dozens)"  # nobody said 99
    assert injured[3] == "0, given by Partisans; disputed"


def test_timeline_is_in_date_order(report: str) -> None:
    rows = _table_rows(_section(report, "Timeline of statements"))[1:]
    dated = [r[0] for r in rows if r[0][:1].isdigit()]
    assert dated == sorted(dated)
    assert len(rows) == 12


def test_sources_are_linked(report: str) -> None:
    section = _section(report, "Sources")
    assert "[Explosions in Dzhankoi](https://news.example/dzhankoi)" in section
    assert "published 20 March 2023" in section


def test_diagram_draws_contradictions_in_red(report: str) -> None:
    diagram = _section(report, "Diagram")
    body = diagram.split("```mermaid\n")[1].split("```")[0].splitlines()
    assert body[0] == "flowchart LR"
    edges = [line.strip() for line in body if " --> " in line or " .- " in line or "--x" in line]
    red = [i for i, e in enumerate(edges) if "contradicts" in e or "denies" in e]
    assert red and len(red) == len(edges)  # only contradictions are drawn
    style = [line for line in body if line.strip().startswith("linkStyle") and "#d62728" in line]
    assert style == [f"  linkStyle {','.join(map(str, red))} " + style[0].split(" ", 4)[-1]]
    assert any(" -. denies .- " in e for e in edges)


def test_diagram_draws_only_contested_questions_with_who_gives_each_answer(report: str) -> None:
    diagram = _section(report, "Diagram")
    assert "subgraph S" not in diagram and "P1" not in diagram  # no party nodes
    assert "house" not in diagram.split("```mermaid")[1] or "Damage" in diagram


def test_diagram_node_ids_are_generated(report: str) -> None:
    diagram = _section(report, "Diagram")
    ids = set(re.findall(r"^\s+([A-Za-z]+\d+)[\[(]", diagram, re.M))
    assert ids and all(re.fullmatch(r"[PNSQ]\d+", i) for i in ids)


def test_report_is_deterministic() -> None:
    assert render_event(build(), EVENT) == render_event(build(), EVENT)
    assert render_index(build()) == render_index(build())


def test_report_ends_with_one_newline(report: str) -> None:
    assert report.endswith("\n") and not report.endswith("\n\n")


def test_index_lists_contested_events_first(assessment: Assessment) -> None:
    index = render_index(assessment)
    rows = _table_rows(index)
    assert rows[1][0] == "[Explosions in Dzhankoi](dzhankoi.md)" and rows[1][3] == "Contested"
    assert rows[2][0] == "[A quiet day](quiet.md)"
    assert "(dzhankoi.md)" in index and "(quiet.md)" in index


def test_index_has_party_track_records(assessment: Assessment) -> None:
    index = render_index(assessment)
    section = index.split("## Track record of the parties")[1]
    rows = {r[0]: r for r in _table_rows(section)}
    assert rows["Occupation authorities"][1] == "Russia"
    assert rows["Local residents"][8] == "2"  # events


def test_generate_reports_names_files_safely(assessment: Assessment) -> None:
    files = generate_reports(assessment, [EVENT])
    assert sorted(files) == ["dzhankoi.md", INDEX_NAME]


def test_report_filename_is_sanitised() -> None:
    assert "/" not in report_filename("../../x")
    assert report_filename("index") != INDEX_NAME


def test_dates_do_not_depend_on_locale() -> None:
    assert format_date(date(2024, 1, 4)) == "4 January 2024"


HOSTILE = [
    "a | b",
    "`code` ``x``",
    "line\nbreak",
    "<script>alert(1)</script>",
    "&lt;b&gt;",
    "[x](javascript:alert(1))",
    'x --> y %% "q" [b] (r) {c}',
    "# heading",
    "| a | b |\n|---|---|",
]


def _hostile_assessment(text: str) -> Assessment:
    corpus = _corpus({"h": Party("h", text, text)})
    corpus.sides[text] = Side(text, text)
    corpus.events["../../x"] = Event("../../x", text, date(2024, 1, 1), place=text, region=text)
    corpus.sources["bad"] = Source("bad", text, text, "javascript:alert(1)", date(2024, 1, 1))
    _add(
        corpus,
        id="h1",
        event="../../x",
        source="bad",
        party="h",
        aspect="cause",
        value="drone-attack",
        quote=text,
        speaker=text,
        via=text,
    )
    _add(
        corpus,
        id="h2",
        event="../../x",
        source="s0",
        party="hur",
        aspect="cause",
        value="missile-attack",
        quote=text,
        links=Links(contradicts=("h1",)),
    )
    _add(
        corpus,
        id="h3",
        event="../../x",
        source="bad",
        party="h",
        aspect="injured",
        value=Interval(1, 1, text),
        quote=text,
        certainty=Certainty.HEDGED,
    )
    _add(
        corpus,
        id="h4",
        event="../../x",
        source="s0",
        party="hur",
        aspect="injured",
        value=Interval(5, 5, "5"),
        quote=text,
    )
    return assess(corpus)


def _tables_are_rectangular(markdown: str) -> None:
    tokens = MD.parse(markdown)
    widths: list[int] = []
    for tok in tokens:
        if tok.type == "table_open":
            widths = []
        elif tok.type == "tr_open":
            widths.append(0)
        elif tok.type in ("td_open", "th_open"):
            widths[-1] += 1
        elif tok.type == "table_close":
            assert len(set(widths)) == 1, widths


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_breaks_no_table(text: str) -> None:
    assessment = _hostile_assessment(text)
    report = render_event(assessment, "../../x")
    _tables_are_rectangular(report)
    _tables_are_rectangular(render_index(assessment))
    header = _table_rows(_section(report, "Who says what"))[0]
    assert len(header) == 2 + 2  # question, status, and the event's two parties
    html = MD.render(report)
    assert "<script" not in html
    assert 'href="javascript' not in html
    assert "<h1>" in html and html.count("<h1>") == 1


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_stays_out_of_mermaid_syntax(text: str) -> None:
    report = render_event(_hostile_assessment(text), "../../x")
    body = report.split("```mermaid\n")[1].split("\n```")[0]
    for line in body.splitlines()[1:]:
        stripped = re.sub(r'"[^"]*"', '""', line)  # labels are quoted, with no quote inside
        assert re.fullmatch(
            r"\s*(subgraph [SQ]\d+\[\"\"\]|end|[PN]\d+(\(\[\"\"\]\)|\[\"\"\])"
            r"|[PN]\d+ (-->|-- denies --x|-\. [a-z ,-]+ \.-) [PN]\d+|linkStyle [\d,]+ \S+)",
            stripped,
        ), line
    assert "```" not in body


def test_hostile_event_id_gets_a_safe_file_name() -> None:
    files = generate_reports(_hostile_assessment("x"))
    assert all("/" not in name and not name.startswith(".") for name in files)


def test_very_large_event_draws_only_contested_questions() -> None:
    corpus = _corpus()
    for i in range(450):
        corpus.parties[f"p{i}"] = Party(f"p{i}", f"Channel {i}", "independent")
        _add(corpus, id=f"d{i}", party=f"p{i}", aspect="damage", value=frozenset({"house"}))
    _add(corpus, id="c1", party="hur", aspect="cause", value="missile-attack")
    _add(corpus, id="c2", party="occupation", aspect="cause", value="drone-attack")
    report = render_event(assess(corpus), EVENT)
    diagram = _section(report, "Diagram")
    assert "The contested questions" in diagram
    assert "house" not in diagram and "Channel 1" not in diagram
    assert "missile attack" in diagram and "Military intelligence" in diagram


def test_every_contradicted_claim_is_marked_not_only_the_listed_pairs() -> None:
    corpus = _corpus()
    for i in range(3):
        _add(corpus, id=f"hur-{i}", party="hur", aspect="cause", value="missile-attack")
        _add(corpus, id=f"res-{i}", party="residents", aspect="cause", value="drone-attack")
    _add(corpus, id="occ", party="occupation", aspect="cause", value="drone-attack")
    report = render_event(assess(corpus), EVENT)
    rows = _table_rows(_section(report, "Timeline of statements"))[1:]
    assert len(rows) == 7
    assert all(row[3].startswith("⚠ ") for row in rows), rows


def test_escaping_remembers_strings_and_still_escapes_other_objects() -> None:
    from claimgraph.views.escape import md_inline, one_line

    assert md_inline("a|b") == md_inline("a|b") == "a\\|b"
    assert one_line(12) == "12" and md_inline(["x|y"]) == "\\['x\\|y'\\]"  # not cached
    # a control character and the whitespace around it are one space, in one pass
    assert one_line("a \x07\n\t b\u2028c") == "a b c"
