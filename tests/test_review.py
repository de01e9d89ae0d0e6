"""Reviewing drafts (claimgraph.review): rematch keeps every edit, promote moves safely."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from pathlib import Path

import pytest

from claimgraph.errors import InvalidInput, OutputError, UsageError
from claimgraph.load import read_corpus
from claimgraph.model import Party
from claimgraph.review import claims_folder_of, drafts_with_event, list_drafts, promote, rematch
from claimgraph.review.edit import YamlEdit
from claimgraph.review.resolve import Match, RegistrySource, nearest, resolve, snippet

# A draft as `extract` writes it, then edited by a person: a comment, a note,
# a changed value, a quoted speaker, an x- field, odd spacing.
DRAFT = """\
# Draft written by `claimgraph extract` from seeds/report.txt.
# When reviewed, remove `status: draft` (drafts are left out of reports).
sides:
  unknown: 'Unknown: a speaker not yet registered in parties.yaml'
parties:
  unknown-ukraine-s-intelligence:
    name: Ukraine's intelligence
    side: unknown
    kind: unknown
  unknown-local-telegram-channels:
    name: local Telegram channels
    side: unknown
    kind: unknown
events:
  dzhankoi-2023-03-20-draft:
    title: 'Events in Dzhankoi, 2023-03-20'
    date: 2023-03-20
    place: Dzhankoi
source:
  id: draft-report
  title: Explosions in Dzhankoi
  file: seeds/report.txt
  status: draft
  published: 2023-03-21
claims:
- id: report-hur-injured          # checked by Anna
  event: dzhankoi-2023-03-20-draft
  party: unknown-ukraine-s-intelligence
  quote: at least four people were wounded
  aspect: injured
  value:   at least four   # was "four"
  note: "HUR's figure; compare with Aksyonov"
  x-review: {by: anna, on: 2023-03-22}
- id: report-channels-cause
  event: dzhankoi-2023-03-20-draft
  party: 'unknown-local-telegram-channels'
  quote: the drone’s wreckage fell near School No. 7
  aspect: cause
  value: air-defence-debris
  certainty: reported
"""


@pytest.fixture
def folder(claims_dir: Callable[[str], Path]) -> Path:
    """tests/data/valid/basic's claims, with the edited draft in claims/drafts/."""
    claims = claims_dir("valid/basic")
    parties = claims / "parties.yaml"  # a person registers the speaker as an alias
    text = parties.read_text(encoding="utf-8")
    parties.write_text(text.replace("[HUR, GUR]", "[HUR, GUR, Ukraine's intelligence]"))
    (claims / "drafts").mkdir()
    (claims / "drafts" / "report.yaml").write_bytes(DRAFT.encode())
    return claims


def _without(text: str, *pieces: str) -> str:
    for piece in pieces:
        assert piece in text, piece
        text = text.replace(piece, "", 1)
    return text


def test_rematch_points_claims_at_registered_parties_and_keeps_every_other_byte(
    folder: Path,
) -> None:
    draft = folder / "drafts" / "report.yaml"
    results, problems = rematch(folder)
    assert problems.valid
    [result] = results
    assert result.parties == {
        "unknown-ukraine-s-intelligence": "ukraine-intelligence",
        "unknown-local-telegram-channels": "local-channels",
    }
    # the draft event is the registered one (same date, same place)
    assert result.events == {"dzhankoi-2023-03-20-draft": "dzhankoi-2023-03-20"}
    expected = (
        _without(
            DRAFT,
            "sides:\n  unknown: 'Unknown: a speaker not yet registered in parties.yaml'\n",
            "parties:\n  unknown-ukraine-s-intelligence:\n    name: Ukraine's intelligence\n"
            "    side: unknown\n    kind: unknown\n  unknown-local-telegram-channels:\n"
            "    name: local Telegram channels\n    side: unknown\n    kind: unknown\n",
            "events:\n  dzhankoi-2023-03-20-draft:\n    title: 'Events in Dzhankoi, 2023-03-20'\n"
            "    date: 2023-03-20\n    place: Dzhankoi\n",
        )
        .replace("party: unknown-ukraine-s-intelligence", "party: ukraine-intelligence")
        .replace("party: 'unknown-local-telegram-channels'", "party: local-channels")
        .replace("event: dzhankoi-2023-03-20-draft", "event: dzhankoi-2023-03-20")
    )
    assert draft.read_bytes() == expected.encode()
    corpus, report = read_corpus(folder, include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]
    assert corpus.claims["report-hur-injured"].party == "ukraine-intelligence"


def test_rematch_keeps_crlf_line_ends_and_a_bom(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    draft.write_bytes(b"\xef\xbb\xbf" + DRAFT.replace("\n", "\r\n").encode())
    rematch(folder)
    data = draft.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf# Draft written")
    assert b"\n" not in data.replace(b"\r\n", b"")
    assert b"  party: ukraine-intelligence\r\n" in data
    assert b'  note: "HUR\'s figure; compare with Aksyonov"\r\n' in data


def test_rematch_leaves_speakers_nobody_registered_and_says_so(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    draft.write_text(DRAFT.replace("Ukraine's intelligence", "Somebody Else"), encoding="utf-8")
    [result], _ = rematch(folder)
    assert result.unknown == [("unknown-ukraine-s-intelligence", "Somebody Else")]
    text = draft.read_text(encoding="utf-8")
    assert "party: unknown-ukraine-s-intelligence" in text
    assert "  unknown: 'Unknown: a speaker" in text  # still used
    assert "unknown-local-telegram-channels" not in text


def test_rematch_uses_a_speaker_registered_under_the_unknown_id_itself(folder: Path) -> None:
    parties = folder / "parties.yaml"
    parties.write_text(
        parties.read_text(encoding="utf-8")
        + "  unknown-ukraine-s-intelligence:\n    name: HUR again\n    side: ukraine\n",
        encoding="utf-8",
    )
    [result], _ = rematch(folder)
    assert "unknown-ukraine-s-intelligence" in result.dropped
    text = (folder / "drafts" / "report.yaml").read_text(encoding="utf-8")
    assert "party: unknown-ukraine-s-intelligence" in text  # the claim already points there
    assert "    name: Ukraine's intelligence" not in text


def test_rematch_drops_unknown_definitions_a_person_no_longer_uses(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    edited = DRAFT.replace("Ukraine's intelligence", "Nobody").replace(
        "party: unknown-ukraine-s-intelligence", "party: ukraine-intelligence"
    )
    draft.write_text(edited, encoding="utf-8")
    [result], _ = rematch(folder)
    assert "unknown-ukraine-s-intelligence" in result.dropped
    assert "Nobody" not in draft.read_text(encoding="utf-8")


def test_rematch_dry_run_writes_nothing(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    [result], _ = rematch(folder, dry_run=True)
    assert result.changed and result.parties
    assert draft.read_bytes() == DRAFT.encode()


def test_rematch_a_second_time_changes_nothing(folder: Path) -> None:
    rematch(folder)
    once = (folder / "drafts" / "report.yaml").read_bytes()
    [result], _ = rematch(folder)
    assert not result.changed
    assert (folder / "drafts" / "report.yaml").read_bytes() == once


class Catalogue:
    """A stand-in for the actor catalogue: a second source after the registry."""

    label = "catalogue"

    def __init__(self, parties: Iterable[Party]) -> None:
        self._parties = list(parties)

    def match(self, words: str) -> Match | None:
        for party in self._parties:
            if words.casefold() in {a.casefold() for a in (party.name, *party.aliases)}:
                return Match(party, words, self.label, registered=False)
        return None

    def parties(self) -> Iterable[Party]:
        return self._parties


def test_a_catalogue_party_the_folder_lacks_is_defined_in_the_draft(folder: Path) -> None:
    corpus, _ = read_corpus(folder)
    catalogue = Catalogue(
        [
            Party(
                "telegram-channels",
                "Telegram channels",
                "independent",
                "local-channel",
                aliases=("local Telegram channels",),
            )
        ]
    )
    only_hur = [RegistrySource(p for p in corpus.parties.values() if p.id != "local-channels")]
    [result], _ = rematch(folder, sources=[*only_hur, catalogue])
    assert result.parties["unknown-local-telegram-channels"] == "telegram-channels"
    text = (folder / "drafts" / "report.yaml").read_text(encoding="utf-8")
    assert "  telegram-channels:\n    name: Telegram channels\n    side: independent\n" in text
    assert "sides:" not in text
    corpus, report = read_corpus(folder, include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]
    assert corpus.parties["telegram-channels"].side == "independent"


def test_the_registry_is_tried_before_later_sources() -> None:
    registered = Party("hur", "HUR", "ukraine", aliases=("Ukraine's intelligence",))
    other = Party("other", "Other", "independent", aliases=("Ukraine's intelligence",))
    found = resolve("Ukraine's intelligence", [RegistrySource([registered]), Catalogue([other])])
    assert found is not None and found.party.id == "hur" and found.registered


def test_promote_refuses_while_unknown_parties_remain_and_lists_them(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    with pytest.raises(UsageError) as err:
        promote(draft, folder)
    assert "2 unknown parties left" in str(err.value)
    assert 'unknown-ukraine-s-intelligence ("Ukraine\'s intelligence")' in str(err.value)
    assert draft.read_bytes() == DRAFT.encode()
    assert not (folder / "report.yaml").exists()


def test_promote_removes_the_draft_status_and_moves_the_file(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    rematch(folder)
    before = draft.read_text(encoding="utf-8")
    result = promote(draft, folder)
    assert result.target == folder / "report.yaml"
    assert not draft.exists()
    assert result.target.read_text(encoding="utf-8") == before.replace("  status: draft\n", "")
    corpus, report = read_corpus(folder)  # no --include-drafts: it is a claim file now
    assert report.valid, [str(p) for p in report.problems]
    assert "report-hur-injured" in corpus.claims
    assert not [n for n in os.listdir(folder) if n.endswith(".tmp")]


def test_promote_never_replaces_an_existing_file(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    rematch(folder)
    (folder / "report.yaml").write_text("# a person's file\n", encoding="utf-8")
    with pytest.raises(OutputError, match="already exists"):
        promote(draft, folder)
    assert (folder / "report.yaml").read_text(encoding="utf-8") == "# a person's file\n"
    assert draft.exists()


def test_promote_refuses_a_draft_that_does_not_validate_with_the_folder(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    rematch(folder)
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("at least four people", "forty people"),
        encoding="utf-8",
    )
    with pytest.raises(InvalidInput) as err:
        promote(draft, folder)
    assert any(p.type == "quote-not-in-source" for p in err.value.report.errors)
    assert draft.exists() and not (folder / "report.yaml").exists()


def test_promote_moves_a_draft_reviewed_in_place(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    rematch(folder)
    draft.write_text(draft.read_text(encoding="utf-8").replace("  status: draft\n", ""))
    promote(draft, folder)
    assert (folder / "report.yaml").is_file() and not draft.exists()


def test_list_drafts_shows_claims_unknown_speakers_events_and_validity(folder: Path) -> None:
    [info] = list_drafts(folder)
    assert info.claims == 2
    assert info.unknown == [
        ("unknown-ukraine-s-intelligence", "Ukraine's intelligence"),
        ("unknown-local-telegram-channels", "local Telegram channels"),
    ]
    assert info.events == [("dzhankoi-2023-03-20-draft", True)]
    assert info.valid
    (folder / "drafts" / "report.yaml").write_text(DRAFT.replace("aspect: cause", "aspect: x"))
    [info] = list_drafts(folder)
    assert not info.valid and info.problems.errors[0].type == "unknown-aspect"


def test_events_found_only_in_drafts_are_found(folder: Path) -> None:
    assert drafts_with_event(folder, "dzhankoi-2023-03-20-draft") == [
        folder / "drafts" / "report.yaml"
    ]
    assert drafts_with_event(folder, "nowhere") == []


def test_a_drafts_claims_folder_is_the_folder_above_with_a_registry(folder: Path) -> None:
    assert claims_folder_of(folder / "drafts" / "report.yaml") == folder
    assert claims_folder_of(folder / "dzhankoi.yaml") == folder


def test_nearest_parties_and_a_snippet_that_loads() -> None:
    import yaml

    mod = Party("russia-mod", "Ministry of Defence of the Russian Federation", "russia", "military")
    hints = nearest("Russia's defence ministry", [RegistrySource([mod])])
    assert [h.party.id for h in hints] == ["russia-mod"]
    lines = snippet("Russia's defence ministry", hints)
    assert lines[0] == '  # or add "Russia\'s defence ministry" to the aliases of russia-mod'
    entry = yaml.safe_load("parties:\n" + "\n".join(lines))["parties"]
    assert entry == {
        "russias-defence-ministry": {
            "name": "Russia's defence ministry",
            "side": "russia",
            "kind": "military",
            "aliases": ["Russia's defence ministry"],
        }
    }


def test_an_edit_that_cannot_be_done_line_by_line_is_refused() -> None:
    edit = YamlEdit.parse("parties: {a: {name: A}, b: {name: B}}\n", "f.yaml")
    with pytest.raises(UsageError, match="edit this by hand"):
        edit.delete_entry(edit.get(edit.root, "parties"), "a")


def test_rematch_tries_every_spelling_of_an_unknown_speaker(folder: Path) -> None:
    draft = folder / "drafts" / "report.yaml"
    draft.write_text(
        DRAFT.replace(
            "    name: Ukraine's intelligence\n",
            "    name: Ukrainian spies\n    aliases: [Ukraine's intelligence]\n",
        ),
        encoding="utf-8",
    )
    [result], _ = rematch(folder)
    assert result.parties["unknown-ukraine-s-intelligence"] == "ukraine-intelligence"


def test_rematch_resolves_a_speaker_through_the_built_in_catalogue(folder: Path) -> None:
    # nobody registered the Russian Ministry of Defence in this folder: the actor
    # catalogue knows it, and the draft gets its definition to confirm
    draft = folder / "drafts" / "report.yaml"
    draft.write_text(
        DRAFT.replace("name: local Telegram channels", "name: Russia’s defence ministry"),
        encoding="utf-8",
    )
    [result], _ = rematch(folder)
    assert result.parties["unknown-local-telegram-channels"] == "russia-mod"
    text = draft.read_text(encoding="utf-8")
    assert "party: russia-mod" in text
    assert "  russia-mod:\n    name: Ministry of Defence of Russia\n    side: russia\n" in text
    corpus, report = read_corpus(folder, include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]


def test_the_extract_hints_and_rematch_use_the_same_sources_registry_first(folder: Path) -> None:
    from claimgraph.extract.catalogue import Catalogue as ActorCatalogue
    from claimgraph.review.resolve import CatalogueSource, sources_for

    corpus, _ = read_corpus(folder)
    sources = sources_for(corpus, ActorCatalogue.default())
    assert [s.label for s in sources] == ["registry", "catalogue"]
    assert isinstance(sources[1], CatalogueSource)
    found = resolve("Russian Defence Ministry", sources)
    assert found is not None and found.party.id == "russia-mod" and not found.registered
