"""The review loop through the CLI: extract, edit, register, rematch, promote, report.

Also the CLI basics of issue 16: -h, --version, aliases in --party/--aspect,
validate FILE, an empty -o, the drafts-skipped message and convert's warning.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph import __version__
from claimgraph.cli import app

ROOT = Path(__file__).resolve().parent.parent

REPORT = """\
Explosions in Dzhankoi: residents count the damage

March 21, 2023

Explosions were heard in Dzhankoi on the evening of March 20. Farmer Olena Petrenko said \
that two houses were damaged near the railway station. "The windows of the school were \
blown out," Olena Petrenko said.
The occupying head of Crimea, Serhii Aksyonov, said that one person was injured.
"""
DRAFT = "claims/drafts/900_dzhankoi_residents.yaml"


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fresh copy of the bundled claims, seeds and reports, plus one new seed report."""
    for name in ("claims", "seeds", "reports"):
        shutil.copytree(ROOT / name, tmp_path / name)
    (tmp_path / "seeds" / "900_dzhankoi_residents.txt").write_text(REPORT, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def run(*args: str, code: int = 0) -> tuple[str, str]:
    result = CliRunner().invoke(app, list(args))
    assert result.exit_code == code, (result.stdout, result.stderr, result.exception)
    return result.stdout, result.stderr


def _snippet(stdout: str, party_id: str) -> list[str]:
    lines = stdout.splitlines()
    start = lines.index(f"  {party_id}:")
    return lines[start : start + 5]


def test_the_whole_review_loop_keeps_every_edit(project: Path) -> None:
    reports_before = {p.name: p.read_bytes() for p in (project / "reports").iterdir()}
    # 1. extract: a draft with two unregistered speakers, and a snippet for each
    out, _ = run("extract", "seeds/900_dzhankoi_residents.txt")
    assert "2 speakers unmatched" in out
    snippet = _snippet(out, "olena-petrenko")
    assert snippet[-1] == "    aliases: [Olena Petrenko]"
    draft = project / DRAFT
    text = draft.read_text(encoding="utf-8")
    assert "party: unknown-olena-petrenko" in text
    # the report leaves the draft out, and says so
    _, err = run("report")
    assert "claims: 1 draft skipped (use --include-drafts" in err
    assert {p.name: p.read_bytes() for p in (project / "reports").iterdir()} == reports_before
    # 2. a person edits the draft: a value, a comment, a note
    edited = text.replace(
        "  value: [house, railway, station]\n",
        "  value: [house, railway]   # 'station' belongs to 'railway station'\n"
        "  note: confirmed by a second call\n",
    ).replace("claims:\n", "# reviewed by Anna, 2023-03-22\nclaims:\n")
    assert edited != text
    draft.write_text(edited, encoding="utf-8")
    # 3. ...and registers the speaker with the printed snippet, choosing the side
    parties = project / "claims" / "parties.yaml"
    entry = [line.split("  #")[0] for line in snippet]
    entry[2] = "    side: independent"
    entry[3] = "    kind: residents"
    parties.write_text(parties.read_text(encoding="utf-8") + "\n".join(entry) + "\n")
    # 4. promote refuses while unknown speakers remain, naming them
    _, err = run("drafts", "promote", DRAFT, code=1)
    assert "2 unknown parties left: unknown-farmer-olena-petrenko" in err
    # 5. rematch: only the party lines and the unknown definitions change
    out, _ = run("drafts", "rematch")
    assert f"{DRAFT}: unknown-farmer-olena-petrenko -> olena-petrenko" in out
    assert "rematch: 1 of 1 draft changed, 2 speakers resolved, 0 still unknown" in out
    expected = (
        edited.replace(
            "sides:\n  unknown: 'Unknown: a speaker not yet registered in parties.yaml'\n"
            "parties:\n  unknown-farmer-olena-petrenko:\n    name: Farmer Olena Petrenko\n"
            "    side: unknown\n    kind: unknown\n  unknown-olena-petrenko:\n"
            "    name: Olena Petrenko\n    side: unknown\n    kind: unknown\n",
            "",
        )
        .replace("party: unknown-farmer-olena-petrenko", "party: olena-petrenko")
        .replace("party: unknown-olena-petrenko", "party: olena-petrenko")
    )
    assert draft.read_bytes() == expected.encode()
    out, _ = run("drafts", "list")
    assert f"{DRAFT}: 3 claims — valid, ready to promote" in out
    # 6. promote: out of drafts/, without `status: draft`
    out, _ = run("drafts", "promote", DRAFT)
    assert f"{DRAFT} -> claims/900_dzhankoi_residents.yaml" in out
    promoted = project / "claims" / "900_dzhankoi_residents.yaml"
    assert promoted.read_bytes() == expected.replace("  status: draft\n", "").encode()
    assert not draft.exists()
    # 7. report includes it
    _, err = run("report")
    assert "draft" not in err
    dzhankoi = (project / "reports" / "dzhankoi-2023-03-20.md").read_text(encoding="utf-8")
    assert "Olena Petrenko" in dzhankoi
    assert "the windows of the school were blown out".casefold() in dzhankoi.casefold()


def test_drafts_list_shows_unknown_speakers_and_events(project: Path) -> None:
    run("extract", "seeds/900_dzhankoi_residents.txt")
    out, _ = run("drafts", "list")
    assert f"{DRAFT}: 3 claims — valid, 2 unknown speakers" in out
    assert "  unknown speaker: 'Olena Petrenko' (unknown-olena-petrenko)" in out
    assert "  events: dzhankoi-2023-03-20" in out
    assert out.endswith(
        "drafts: 1 draft in claims, 3 claims, 2 unknown speakers, 0 ready to promote\n"
    )


def test_report_event_found_only_in_a_draft_says_so(project: Path) -> None:
    (project / "seeds" / "901.txt").write_text(
        "Explosions in Yevpatoria\n\nJune 2, 2024\n\nIn Yevpatoria, residents said that "
        "two houses were damaged.\n",
        encoding="utf-8",
    )
    run("extract", "seeds/901.txt")
    _, err = run("report", "--event", "yevpatoria-2024-06-02", code=2)
    assert (
        "event 'yevpatoria-2024-06-02' is only in drafts (claims/drafts/901.yaml): "
        "add --include-drafts"
    ) in err


def test_help_has_a_short_option_and_the_version_is_printed() -> None:
    for args in (["-h"], ["report", "-h"], ["drafts", "promote", "-h"], ["export", "graph", "-h"]):
        out, _ = run(*args)
        assert out.startswith("Usage: claimgraph")
    out, _ = run("--version")
    assert out == f"claimgraph {__version__}\n"


def test_party_and_aspect_filters_take_aliases_and_suggest(project: Path) -> None:
    by_alias, _ = run("claims", "--party", "hur", "--format", "csv")
    by_id, _ = run("claims", "--party", "ukraine-hur", "--format", "csv")
    assert by_alias == by_id and by_id.count("\n") > 1
    _, err = run("claims", "--aspect", "casualties", code=2)
    assert "unknown aspect 'casualties' (did you mean 'killed' or 'injured'?)" in err
    _, err = run("claims", "--party", "hurr", code=2)
    assert "unknown party 'hurr' (did you mean 'ukraine-hur'?)" in err
    by_label, _ = run("claims", "--aspect", "Killed", "--format", "csv")
    assert by_label == run("claims", "--aspect", "killed", "--format", "csv")[0]


def test_validate_a_single_file_checks_it_within_its_folder(project: Path) -> None:
    out, _ = run("validate", "claims/seed-000-dzhankoi.yaml")
    assert out == "claims/seed-000-dzhankoi.yaml: checked within claims — valid\n"
    run("extract", "seeds/900_dzhankoi_residents.txt")
    draft = project / DRAFT
    draft.write_text(draft.read_text(encoding="utf-8").replace("aspect: damage", "aspect: dmg"))
    out, err = run("validate", DRAFT, code=1)
    assert out == f"{DRAFT}: checked within claims — 1 problem\n"
    assert f"{DRAFT}:" in err and "unknown aspect 'dmg'" in err
    (project / "loose.yaml").write_text("claims: []\n", encoding="utf-8")
    _, err = run("validate", "loose.yaml", code=2)
    assert "loose.yaml: a file, and no folder above it holds parties.yaml" in err


@pytest.mark.parametrize(
    "args",
    [
        ["report", "-o", ""],
        ["report", "--format", "json", "-o", ""],
        ["export", "graph", "-o", ""],
        ["export", "claimreview", "-o", ""],
        ["extract", "seeds/900_dzhankoi_residents.txt", "-o", ""],
        ["convert", "claims", "", "--to", "csv"],
    ],
    ids=lambda a: " ".join(a[:2]),
)
def test_an_empty_output_path_is_refused(project: Path, args: list[str]) -> None:
    before = sorted(p.name for p in project.iterdir())
    _, err = run(*args, code=2)
    assert "an empty path" in err
    assert sorted(p.name for p in project.iterdir()) == before


def test_convert_warns_when_source_files_will_not_resolve(project: Path, tmp_path: Path) -> None:
    far = tmp_path / "elsewhere" / "deep" / "csv"
    _, err = run("convert", "claims", str(far), "--to", "csv")
    assert "warning:" in err and "file 'seeds/000_7b4e7957d4f0cff1.txt' is not found from" in err
    _, err = run("convert", "claims", "claims-csv", "--to", "csv")
    assert "warning" not in err
    run("validate", "claims-csv")


def test_a_draft_included_in_a_report_is_not_called_reviewed(project: Path) -> None:
    # --include-drafts reads drafts as drafts: they are not "no longer a draft"
    run("extract", "seeds/900_dzhankoi_residents.txt")
    _, err = run("report", "--include-drafts", "--no-cache", "-o", "drafted")
    assert "no longer a draft" not in err


def test_a_draft_reviewed_where_it_sits_is_flagged_and_promotable(project: Path) -> None:
    run("extract", "seeds/900_dzhankoi_residents.txt")
    draft = project / DRAFT
    text = draft.read_text(encoding="utf-8").replace("  status: draft\n", "")
    for unknown in ("unknown-farmer-olena-petrenko", "unknown-olena-petrenko"):
        text = text.replace(f"party: {unknown}", "party: local-residents")
    draft.write_text(text, encoding="utf-8")
    _, err = run("report", "--no-cache")
    assert f"{DRAFT}: warning: no longer a draft, but still in drafts/, which git ignores" in err
    out, _ = run("drafts", "list")
    assert f"{DRAFT}: no longer a draft, but in drafts/" in out
    run("drafts", "promote", DRAFT)
    promoted = (project / "claims" / "900_dzhankoi_residents.yaml").read_text(encoding="utf-8")
    # the definitions no claim names are left behind
    assert "sides:" not in promoted and "parties:" not in promoted
    assert "side: unknown" not in promoted
    _, err = run("report")
    assert "drafts/" not in err
