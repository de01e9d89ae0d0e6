"""The actor catalogue: package data, a claims folder's extension, and how names resolve."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from claimgraph.cli import app
from claimgraph.extract.catalogue import Catalogue, load_catalogue
from claimgraph.extract.names import name_key
from claimgraph.load import builtin_sides, read_corpus


def test_the_catalogue_holds_the_recurring_parties_with_known_sides() -> None:
    cat = Catalogue.default()
    assert len(cat.actors) >= 150
    sides = set(builtin_sides())
    for actor in cat.actors.values():
        assert actor.party.side in sides, actor.party.id
        assert actor.party.kind, actor.party.id
        assert actor.party.aliases or actor.people, actor.party.id


def test_no_name_in_the_catalogue_points_to_two_actors() -> None:
    cat = Catalogue.default()
    people, names = cat.indexes()
    owners: dict[frozenset[str], str] = {}
    for actor in cat.actors.values():
        for name in [*actor.names, *actor.people]:
            key = name_key(name)
            assert owners.setdefault(key, actor.party.id) == actor.party.id, name
    # a shared surname ("Kuleba": a minister and a governor) names neither
    assert people.match("Kuleba") is None


@pytest.mark.parametrize(
    ("words", "actor"),
    [
        ("Russia's defence ministry", "russia-mod"),
        ("the Ministry of Defense of the Russian Federation", "russia-mod"),
        ("Kremlin spokesman Dmitry Peskov", "russia-president"),
        ("Governor of the Kherson region Vladimir Saldo", "kherson-occupation-authorities"),
        ("Kherson Oblast Governor Oleksandr Prokudin", "kherson-regional-administration"),
        ("Ukraine's air force", "ukraine-air-force"),
        ("the UN nuclear watchdog", "iaea"),
        ("Kyiv", "ukrainian-officials"),
        ("the Land Forces Command", "ukraine-ground-forces"),
        ("Australia", "australia-government"),
    ],
)
def test_names_as_journalists_write_them_find_the_actor(words: str, actor: str) -> None:
    found = Catalogue.default().match(words)
    assert found is not None and found[0] == actor


def test_a_claims_folder_extends_the_catalogue_without_upsetting_the_loader(
    tmp_path: Path,
) -> None:
    (tmp_path / "actors.yaml").write_text(
        "x-actors:\n  actors:\n    zorya:\n      name: Zorya monitoring group\n"
        "      side: independent\n      kind: experts\n      aliases: [Zorya]\n"
    )
    _, report = read_corpus(tmp_path)
    assert report.errors == []
    cat = load_catalogue(tmp_path)
    assert cat.match("the Zorya monitoring group") == ("zorya", 3)
    assert Catalogue.default().match("Zorya") is None  # the built-in one is untouched


def test_a_bad_claims_folder_catalogue_is_a_message_with_its_place(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "actors.yaml").write_text(
        "x-actors:\n  actors:\n    x: {side: russia}\n"
    )
    (tmp_path / "r.txt").write_text("The Zorya channel said that a depot burned.\n")
    monkeypatch.chdir(tmp_path)
    result = runner.invoke(app, ["extract", "r.txt", "-o", "claims/drafts"])
    assert result.exit_code == 2
    assert "actors.yaml: actor 'x': needs a name and a side" in result.output
    assert "Traceback" not in result.output


def test_a_surname_after_another_given_name_names_nobody_in_the_catalogue() -> None:
    # the catalogue knows Svetlana Petrenko (Investigative Committee); a farmer
    # called Olena Petrenko is somebody else, and stays for the fact-checker
    cat = Catalogue.default()
    assert cat.match("Farmer Olena Petrenko") is None
    assert cat.match("spokeswoman Svetlana Petrenko") is not None
    assert cat.match("Governor Saldo") is not None


def test_an_unknown_persons_name_is_never_given_to_a_government_by_its_country_alone(
    tmp_path: Path,
) -> None:
    report = tmp_path / "r.txt"
    report.write_text(
        "Explosions in Dzhankoi\n\nMarch 21, 2023\n\nFarmer Olena Petrenko said that two "
        "houses were damaged. The occupying head of Crimea, Serhii Aksyonov, said that one "
        "person was injured.\n",
        encoding="utf-8",
    )
    from claimgraph.extract import Extractor
    from claimgraph.extract.attribution import Registry

    corpus, _ = read_corpus(Path(__file__).parent.parent / "claims")
    draft = Extractor(Registry.from_corpus(corpus)).extract(report.read_text(), report)
    parties = {c.speaker: c.party for c in draft.claims if c.speaker}
    assert parties["Farmer Olena Petrenko"].startswith("unknown-"), parties
    # a report dated the morning after joins the folder's event of that place
    assert {c.event for c in draft.claims} == {"dzhankoi-2023-03-20"}
