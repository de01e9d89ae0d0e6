"""From report to draft claim file: extract_report, generate_draft, write_draft."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.errors import OutputError
from claimgraph.extract import Extractor, extract_report, generate_draft, write_draft
from claimgraph.extract.attribution import Registry
from claimgraph.load import read_corpus
from claimgraph.model import Event, Party

DATA = Path(__file__).parent / "data" / "extract"

REG = Registry.from_parties(
    [
        Party(
            "mod", "Russian Ministry of Defence", "russia", aliases=("Russian Ministry of Defence",)
        ),
        Party("kherson-ova", "Kherson administration", "ukraine", aliases=("Oleksandr Prokudin",)),
        Party(
            "residents", "Local residents", "independent", kind="residents", aliases=("residents",)
        ),
    ]
)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of the mini project (claims/ and reports/) in tmp_path."""
    dst = tmp_path / "mini"
    shutil.copytree(DATA / "mini", dst)
    return dst


def test_every_attributed_assertion_becomes_a_claim_with_party_and_verbatim_quote() -> None:
    text = (DATA / "mini" / "reports" / "kherson.txt").read_text()
    draft = extract_report(text, "reports/kherson.txt", REG)
    got = {(c.party, c.aspect) for c in draft.claims}
    assert ("mod", "interception") in got
    assert ("kherson-ova", "injured") in got
    assert ("kherson-ova", "damage") in got
    assert ("residents", "location") in got
    for c in draft.claims:
        assert " ".join(c.quote.split()) in " ".join(text.split())


def test_hedge_and_missing_evidence_are_recorded() -> None:
    text = (DATA / "mini" / "reports" / "kherson.txt").read_text()
    claims = extract_report(text, "k.txt", REG).claims
    damage = next(c for c in claims if c.aspect == "damage")
    assert damage.certainty == "hedged"
    assert damage.speaker == "Oleksandr Prokudin"
    mod = next(c for c in claims if c.party == "mod")
    assert mod.evidence == ["none"]


def test_unmatched_speakers_become_unknown_parties_defined_in_the_draft() -> None:
    draft = extract_report("The Zorya channel said that a depot burned.", "a.txt", REG)
    assert [c.party for c in draft.claims] == ["unknown-zorya-channel"]
    assert draft.unmatched == ["Zorya channel"]
    assert draft.parties["unknown-zorya-channel"].side == "unknown"


def test_a_catalogue_actor_is_defined_in_the_draft_with_its_side(project: Path) -> None:
    text = "date 2024-05-14 The Astra channel said that a depot burned in Belgorod."
    draft = extract_report(text, "a.txt", REG, file="a.txt")
    assert [c.party for c in draft.claims] == ["astra"]
    assert draft.unmatched == [] and draft.from_catalogue == ["astra"]
    doc = yaml.safe_load("\n".join(generate_draft(draft)))
    assert doc["parties"]["astra"] == {
        "name": "Astra (Telegram channel)",
        "side": "independent",
        "kind": "local-channel",
    }
    assert "sides" not in doc


@pytest.mark.parametrize(
    "words",
    [
        "Russia's defence ministry",
        "Russia’s Defense Ministry",
        "the Ministry of Defence of the Russian Federation",
        "30th May 2023 – (Moscow) Russia’s defence ministry",
        "Russian military spokesman Igor Konashenkov",
    ],
)
def test_names_as_journalists_write_them_resolve_to_the_registered_party(words: str) -> None:
    reg = Registry.from_parties([Party("ru-mod", "Russian Ministry of Defence", "russia")])
    draft = extract_report(f"{words} said that ten drones were shot down.", "a.txt", reg)
    assert [c.party for c in draft.claims] == ["ru-mod"]


@pytest.mark.parametrize(
    "sentence",
    [
        "After widespread reports said that ten drones were shot down.",
        "New Ukrainian said that ten drones were shot down.",
        "Claims could not be verified and differ from what Russia said about ten drones.",
        "Ukrainian military did not directly confirm the strike but tacitly said ten drones fell.",
    ],
)
def test_a_clause_fragment_is_never_a_speaker(sentence: str) -> None:
    draft = extract_report(sentence, "a.txt", Registry())
    assert not any(p.startswith("unknown-") for p in draft.parties), draft.parties


def test_silence_is_a_declines_claim_with_no_value() -> None:
    draft = extract_report("The residents have not yet commented on the blasts.", "a.txt", REG)
    [claim] = draft.claims
    assert (claim.party, claim.aspect, claim.stance, claim.value) == (
        "residents",
        "comment",
        "declines",
        None,
    )


def test_a_denial_verb_makes_the_claim_deny() -> None:
    draft = extract_report(
        "The Russian Ministry of Defence denied that drones hit a school.", "a", REG
    )
    assert {c.stance for c in draft.claims} == {"denies"}


def test_the_draft_is_a_valid_claim_file_marked_draft(project: Path) -> None:
    text = (project / "reports" / "kherson.txt").read_text()
    corpus, _ = read_corpus(project / "claims")
    draft = Extractor(Registry.from_corpus(corpus)).extract(
        text, project / "reports" / "kherson.txt", file="reports/kherson.txt"
    )
    path = write_draft(draft, project / "claims" / "drafts")
    assert path.name == "kherson.yaml"
    doc = yaml.safe_load(path.read_text())
    assert doc["source"]["status"] == "draft"
    assert doc["source"]["file"] == "reports/kherson.txt"
    _, skipped = read_corpus(project / "claims")
    assert skipped.valid
    corpus, report = read_corpus(project / "claims", include_drafts=True)
    assert report.valid, [str(p) for p in report.problems]
    assert len(corpus.sources) == 2


def test_the_draft_has_no_yaml_anchors_and_lists_in_flow_style() -> None:
    text = "date 2024-06-02 Residents said debris damaged a house and a shop in Kherson."
    lines = list(generate_draft(extract_report(text, "r.txt", REG)))
    body = "\n".join(lines)
    assert "&id" not in body and "*id" not in body
    assert "value: [house, shop]" in body


def test_an_existing_draft_is_never_overwritten_without_force(tmp_path: Path) -> None:
    draft = extract_report("Residents said two people were injured.", "x.txt", REG)
    target = tmp_path / "x.yaml"
    target.write_text("# reviewed by a person\n")
    with pytest.raises(OutputError, match="already exists"):
        write_draft(draft, tmp_path)
    assert target.read_text() == "# reviewed by a person\n"
    write_draft(draft, tmp_path, force=True)
    assert "status: draft" in target.read_text()
    assert [p.name for p in tmp_path.iterdir()] == ["x.yaml"]  # no temporary files left


def test_the_draft_is_named_after_the_report() -> None:
    draft = extract_report("text", "seeds/000_abc.txt", REG)
    assert draft.name == "000_abc.yaml"
    assert draft.source["id"] == "draft-000-abc"


def test_the_draft_of_a_dot_named_report_is_not_hidden() -> None:
    assert extract_report("text", "seeds/.hidden.txt", REG).name == "hidden.yaml"
    assert extract_report("text", "seeds/..txt", REG).name == "report.yaml"


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.sampled_from(
            list("aA .,;:\"'“”«»\n-0123456789")
            + [
                "said",
                " according to ",
                "Residents",
                " he wrote",
                "Джанкой",
                "שלום",
                "\ufeff",
                "\r\n",
                "date 2024-01 ",
                " killed",
                " ten ",
                "Mr.",
                " on Thursday, March 21",
            ]
        ),
        max_size=80,
    ).map("".join)
)
def test_junk_text_never_raises_and_always_gives_a_valid_draft(tmp_path: Path, text: str) -> None:
    report = tmp_path / "junk.txt"
    report.write_text(text, encoding="utf-8")
    draft = extract_report(text, report, REG, file="junk.txt")
    claims = tmp_path / "claims"
    claims.mkdir(exist_ok=True)
    write_draft(draft, claims, force=True)
    (claims / "parties.yaml").write_text(
        yaml.safe_dump(
            {"parties": {p.id: {"name": p.name, "side": p.side} for p in REG.parties.values()}}
        )
    )
    _, problems = read_corpus(claims, include_drafts=True, root=tmp_path)
    assert problems.valid, [str(p) for p in problems.problems]


def test_an_extractor_leaves_the_callers_registry_alone() -> None:
    reg = Registry.from_parties([Party("p", "P", "russia", aliases=("the ministry",))])
    Extractor(reg).extract("The ministry said ten people were injured.", "r.txt")
    assert reg.aspects == {}


def _authorities(*parties: Party) -> Registry:
    return Registry.from_parties(list(parties))


def test_regional_officials_are_the_one_regional_authority_of_the_place() -> None:
    reg = _authorities(
        Party(
            "kharkiv-ova",
            "Kharkiv regional military administration",
            "ukraine",
            kind="regional-government",
        ),
        Party("kharkiv-city", "Kharkiv city council", "ukraine", kind="local-government"),
    )
    text = (
        "date 2024-05-10 A glide bomb hit a warehouse in Kharkiv, killing two people, "
        "regional officials said. Five people were injured, city officials said. "
        "Three of them were in serious condition, the head of the local hospital said."
    )
    parties = [(c.party, c.aspect) for c in extract_report(text, "r.txt", reg).claims]
    assert ("kharkiv-ova", "killed") in parties
    assert ("kharkiv-city", "injured") in parties
    # a hospital's head is no authority of the city
    assert ("unknown-head-of-the-local-hospital", "comment") in parties
    assert [a for p, a in parties if p == "kharkiv-city"] == ["injured"]


def test_regional_officials_are_the_authority_of_the_side_holding_the_place() -> None:
    reg = _authorities(
        Party(
            "kherson-ova", "Kherson regional administration", "ukraine", kind="regional-government"
        ),
        Party(
            "kherson-occupation",
            "Russian occupation authorities in Kherson region",
            "russia",
            kind="occupation-authority",
        ),
    )
    text = "date {day} A drone hit a bus in {town}, killing two people, regional officials said."

    def said(day: str, town: str) -> set[str]:
        return {
            c.party for c in extract_report(text.format(day=day, town=town), "r.txt", reg).claims
        }

    # Kherson city was occupied from March to November 2022
    assert said("2024-05-10", "Kherson") == {"kherson-ova"}
    assert said("2022-06-10", "Kherson") == {"kherson-occupation"}
    # a town of the region that nobody is known to hold: two authorities claim it
    assert said("2024-05-10", "Kherson Oblast") == {"unknown-regional-officials"}


def test_a_second_voice_after_a_day_after_is_a_claim_of_its_own() -> None:
    text = (
        "date 2024-11-26 Three people were killed in Kharkiv, regional officials said, "
        "a day after Moscow said Ukraine had fired eight missiles at an airfield."
    )
    draft = extract_report(text, "r.txt", REG)
    speakers = {(c.party, c.quote.split()[0]) for c in draft.claims}
    assert ("kharkiv-regional-administration", "Three") in speakers  # the catalogue's
    assert ("russian-officials", "Ukraine") in speakers  # the capital for its government
    # one voice: no split
    one = extract_report(
        "date 2024-11-26 Three people were killed a day after the strike, officials said.",
        "r.txt",
        REG,
    )
    assert len({c.party for c in one.claims}) == 1


def test_an_unnamed_source_speaks_for_its_institution_or_the_outlet_it_told() -> None:
    reg = Registry.from_parties(
        [
            Party("sbu", "Security Service of Ukraine", "ukraine", aliases=("SBU",)),
            Party("baza", "Baza", "russia", kind="local-channel", aliases=("Baza",)),
        ]
    )
    text = (
        "date 2025-02-16 A source in the SBU told reporters that four drones hit the refinery. "
        "A source at the plant told the Telegram channel Baza that two people were injured. "
        "Sources familiar with the matter said that the depot was damaged."
    )
    claims = extract_report(text, "r.txt", reg).claims
    got = {(c.party, c.aspect, c.certainty) for c in claims}
    assert ("sbu", "cause", "reported") in got  # "four drones hit": a drone attack
    assert ("baza", "injured", "reported") in got
    unknown = [c for c in claims if c.party.startswith("unknown-")]
    assert unknown and all(c.certainty == "reported" for c in unknown)


def test_many_claims_of_one_party_and_aspect_get_distinct_numbered_ids() -> None:
    reg = Registry.from_parties(
        [Party("kharkiv-ova", "Kharkiv regional administration", "ukraine", aliases=("Synegubov",))]
    )
    text = "date 2024-03-20 " + " ".join(
        f"In Kharkiv, {n} people were killed, Synegubov said." for n in range(3, 1503)
    )
    ids = [c.id for c in extract_report(text, "r.txt", reg).claims]
    assert len(ids) == len(set(ids)) == 1500
    assert ids[:3] == ["r-kharkiv-ova-killed", "r-kharkiv-ova-killed-2", "r-kharkiv-ova-killed-3"]


def test_this_was_reported_by_x_gives_x_the_sentences_before_in_their_own_words() -> None:
    text = (
        "date 2023-01-16 Three people were killed in Dnipro. Ten people were injured.\n"
        "This was reported by the head of the regional administration, Valentyn Reznichenko."
    )
    claims = extract_report(text, "r.txt", Registry()).claims
    assert {(c.party, c.aspect, c.quote) for c in claims} == {
        ("dnipropetrovsk-regional-administration", "killed", "Three people were killed in Dnipro."),
        ("dnipropetrovsk-regional-administration", "injured", "Ten people were injured."),
    }


def test_regional_officials_pick_the_regional_authority_and_the_side_the_words_name() -> None:
    reg = _authorities(
        Party(
            "dpr",
            "Russian-installed authorities of the DPR",
            "russia",
            kind="occupation-authority",
            aliases=("Donetsk People's Republic",),
        ),
        Party(
            "donetsk-city",
            "Russian-installed administration of Donetsk city",
            "russia",
            kind="occupation-authority",
        ),
        Party(
            "donetsk-ova", "Donetsk regional administration", "ukraine", kind="regional-government"
        ),
    )
    text = (
        "date 2024-01-21 Shelling hit a market in Donetsk, killing 27 people, "
        "according to the region's Kremlin-appointed head."
    )
    parties = {c.party for c in extract_report(text, "r.txt", reg).claims}
    assert parties == {"dpr"}


def test_a_headline_institution_without_its_country_is_the_one_the_report_speaks_for() -> None:
    text = (
        "Ukrainian drones hit a depot in Belgorod - Defence Ministry\n\n"
        "Russia's defence ministry said 12 drones were shot down over Belgorod."
    )
    draft = extract_report(text, "a.txt", Registry())
    assert {c.party for c in draft.claims} == {"russia-mod"}
    assert not any(p.startswith("unknown-") for p in draft.parties)


def test_figures_of_separate_attacks_are_not_the_events() -> None:
    text = (
        "date 2024-05-12 A missile killed 15 people in Belgorod, the emergency ministry said. "
        "Four more people died in separate attacks, governor Vyacheslav Gladkov said."
    )
    claims = extract_report(text, "r.txt", Registry()).claims
    assert [(c.aspect, c.value) for c in claims if c.aspect == "killed"] == [("killed", "15")]


def test_occupation_authorities_are_the_one_occupation_authority_of_the_events_region() -> None:
    from datetime import date

    reg = _authorities(
        Party(
            "zorivka-occupation",
            'Russian-installed authorities of the "Kherson region"',
            "russia",
            kind="occupation-authority",
        ),
    )
    # the claims folder's event writes its place and region with remarks after them
    reg.events["zorivka-strike"] = Event(
        "zorivka-strike",
        "Strike on Zorivka",
        date=date(2024, 5, 10),
        place="Zorivka, the bakery",
        region="Kherson Oblast (occupied)",
    )
    text = (
        "date 2024-05-10 A strike hit a bakery in the village of Zorivka. Russian occupation "
        "authorities later said 20 civilians had been killed in the attack."
    )
    parties = [(c.party, c.aspect) for c in extract_report(text, "r.txt", reg).claims]
    assert ("zorivka-occupation", "killed") in parties, parties


def test_who_was_told_without_that_is_no_part_of_the_words() -> None:
    from claimgraph.extract.attribution import find_attribution

    att = find_attribution("Mr Orlov told the BBC there were 17 injured.")
    assert att is not None
    assert (att.content_text, att.recipient) == ("there were 17 injured.", "the BBC")


def test_a_quotation_then_a_speaker_with_a_long_apposition() -> None:
    from claimgraph.extract.attribution import find_attribution

    att = find_attribution(
        "“Nine people were killed,” Serhii Petrenko, a spokesman for the Eastern Group of the "
        "armed forces, told CNN."
    )
    assert att is not None and att.cue == "quote"
    assert att.speaker.startswith("Serhii Petrenko, a spokesman")
