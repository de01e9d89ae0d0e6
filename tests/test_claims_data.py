"""The bundled claim files (claims/) are right, complete and consistent.

They are the project's default data and the gold standard for extraction, so
these tests read them independently of the loader (plain PyYAML) and check
them against the seed texts, and also run them through the library's checks.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import cache
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimgraph.checks import normalise_quote, quote_in_text
from claimgraph.extract.attribution import Registry
from claimgraph.load import read_corpus
from claimgraph.model import value_key
from claimgraph.quantities import parse_count

ROOT = Path(__file__).resolve().parents[1]
CLAIMS = ROOT / "claims"
SEEDS = ROOT / "seeds"
BUILTIN_ASPECTS = ROOT / "src" / "claimgraph" / "data" / "aspects.yaml"
SIDES = {"russia", "ukraine", "independent", "international"}


def _load(path: Path) -> dict[str, Any]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(data, dict), path
    return data


@cache
def claim_files() -> dict[str, dict[str, Any]]:
    """Curated claim files by name: YAML files in claims/ with a final ``source``."""
    files = {p.name: _load(p) for p in sorted(CLAIMS.glob("*.yaml"))}
    return {
        name: data
        for name, data in files.items()
        if "source" in data and data["source"].get("status", "final") != "draft"
    }


@cache
def parties() -> dict[str, dict[str, Any]]:
    return dict(_load(CLAIMS / "parties.yaml")["parties"])


@cache
def events() -> dict[str, dict[str, Any]]:
    return dict(_load(CLAIMS / "events.yaml")["events"])


@cache
def aspects() -> dict[str, dict[str, Any]]:
    """Built-in aspects merged with claims/aspects.yaml (values, synonyms)."""
    merged: dict[str, dict[str, Any]] = {}
    for path in (BUILTIN_ASPECTS, CLAIMS / "aspects.yaml"):
        for name, spec in _load(path)["aspects"].items():
            into = merged.setdefault(name, {"values": {}, "synonyms": {}})
            into.setdefault("type", spec.get("type"))
            into["closed"] = into.get("closed") or spec.get("closed", False)
            into["values"].update(spec.get("values") or {})
            for canonical, words in (spec.get("synonyms") or {}).items():
                for word in words:
                    into["synonyms"][value_key(word)] = canonical
    return merged


@cache
def registry() -> Registry:
    """The extractor's party registry, built from the loaded claims folder."""
    corpus, _ = read_corpus(CLAIMS, root=ROOT)
    return Registry.from_corpus(corpus)


def all_claims() -> list[tuple[str, dict[str, Any]]]:
    return [(name, c) for name, data in claim_files().items() for c in data["claims"]]


def canonical(aspect: str, item: str) -> str:
    return str(aspects()[aspect]["synonyms"].get(value_key(item), value_key(item)))


# Independent of the library: fold the typographic quote marks the seeds use
# and collapse whitespace, nothing else.
_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u201c\u201d\u201e\u00ab\u00bb", '"'),
        **dict.fromkeys("\u2018\u2019", "'"),
    }
)


def _plain(text: str) -> str:
    return re.sub(r"\s+", " ", text.translate(_FOLD)).strip()


def _seed_text(source: dict[str, Any]) -> str:
    return (ROOT / source["file"]).read_text(encoding="utf-8")


# --------------------------------------------------------------------------
# Through the library's loader


def test_bundled_claims_load_without_any_problem() -> None:
    corpus, report = read_corpus(CLAIMS, root=ROOT)
    assert [str(p) for p in report.problems] == []
    assert len(corpus.claims) == len(all_claims())
    assert {s.file for s in corpus.sources.values()} == {
        f"seeds/{p.name}" for p in SEEDS.glob("*.txt")
    }


# --------------------------------------------------------------------------
# Seeds, files and events


SEED_EVENTS = {
    "000_7b4e7957d4f0cff1.txt": {
        "dzhankoi-2023-03-20",
        "crimea-deoccupation-appeal-2022-09-05",
    },
    "001_9693e54dddddd202.txt": {
        "crimea-missile-attack-2024-01-04",
        "dzhankoi-air-defence-strike-2023-11",
        "sevastopol-neptune-2023-11",
    },
    "002_c4bd3341452d8300.txt": {
        "kyiv-missile-attack-2024-03-21",
        "kharkiv-strike-2024-03-20",
        "belgorod-shelling-2024-03-20",
        "belgorod-kursk-incursions-2024-03",
        "us-military-aid-2024-03",
        "drone-coalition-australia-2024-03-21",
    },
}


def test_every_seed_has_exactly_one_claim_file() -> None:
    files = [data["source"]["file"] for data in claim_files().values()]
    seeds = sorted(f"seeds/{p.name}" for p in SEEDS.glob("*.txt"))
    assert sorted(files) == seeds


@pytest.mark.parametrize("seed", sorted(SEED_EVENTS))
def test_each_seed_speaks_of_its_events(seed: str) -> None:
    (data,) = [d for d in claim_files().values() if d["source"]["file"] == f"seeds/{seed}"]
    used = {c["event"] for c in data["claims"]}
    assert used == SEED_EVENTS[seed]
    assert used <= set(events())


def test_every_event_is_used_and_dated() -> None:
    used = {c["event"] for _, c in all_claims()}
    assert set(events()) == used
    for event_id, event in events().items():
        assert event.get("date") or event.get("start"), event_id
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", event_id), event_id


def test_claim_ids_are_unique_readable_slugs() -> None:
    ids = [c["id"] for _, c in all_claims()]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", i) for i in ids)


@pytest.mark.parametrize("name", sorted(SEED_EVENTS))
def test_each_seed_has_between_ten_and_forty_claims(name: str) -> None:
    (data,) = [d for d in claim_files().values() if d["source"]["file"] == f"seeds/{name}"]
    assert 10 <= len(data["claims"]) <= 40


# --------------------------------------------------------------------------
# Quotes


@pytest.mark.parametrize(
    ("name", "claim"), all_claims(), ids=lambda x: x if isinstance(x, str) else x["id"]
)
def test_quote_occurs_verbatim_in_its_seed(name: str, claim: dict[str, Any]) -> None:
    text = _plain(_seed_text(claim_files()[name]["source"]))
    assert claim["quote"].strip()
    assert _plain(claim["quote"]) in text


def test_every_quote_passes_the_library_quote_check() -> None:
    missing = []
    for name, claim in all_claims():
        text = normalise_quote(_seed_text(claim_files()[name]["source"]))
        if not quote_in_text(claim["quote"], text):
            missing.append(claim["id"])
    assert missing == []


def test_quote_checks_reject_a_quote_with_one_word_changed() -> None:
    for name, claim in all_claims():
        words = claim["quote"].split()
        altered = " ".join([*words[:-1], "xyzzy"])
        raw = _seed_text(claim_files()[name]["source"])
        assert _plain(altered) not in _plain(raw), claim["id"]
        assert not quote_in_text(altered, normalise_quote(raw)), claim["id"]


# --------------------------------------------------------------------------
# Parties


def resolve(name: str) -> str | None:
    """A party id for a name as written in text: name, alias or id, folded."""
    key = _fold_name(name)
    for party_id, party in parties().items():
        names = [party_id, party["name"], *party.get("aliases", [])]
        if key in {_fold_name(n) for n in names}:
            return party_id
    return None


def _fold_name(name: str) -> str:
    """Case, punctuation and a leading article folded away."""
    return re.sub(r"^(the|a|an)-", "", value_key(name))


# Speakers as the seeds name them, and who they are.
NAMED_IN_SEEDS = {
    # seed 000
    "Residents of Dzhankoi": "local-residents",
    "local Telegram channels": "crimea-local-telegram-channels",
    "The occupation authorities": "crimea-occupation-authorities",
    '"Crimea - the land of partisan glory" movement': "crimea-partisans",
    "Partisans": "crimea-partisans",
    "the network": "social-media",
    "the occupying head of Crimea": "crimea-occupation-authorities",
    "Serhii Aksyonov": "crimea-occupation-authorities",
    "Main Directorate of Intelligence of the Ministry of Defense of Ukraine": "ukraine-hur",
    "the intelligence service": "ukraine-hur",
    "the adviser to the head of the President's Office": "ukraine-presidents-office",
    "Mykhailo Podolyak": "ukraine-presidents-office",
    # seed 001
    "Russian invaders": "russian-officials",
    "the occupiers": "russian-officials",
    "the russians": "russian-officials",
    "local residents": "local-residents",
    "the Ministry of Defense of the russian federation": "russia-mod",
    "the russian Ministry of Defense": "russia-mod",
    "The russian department": "russia-mod",
    "the occupation authorities of Crimea": "crimea-occupation-authorities",
    "social media posts": "social-media",
    'The russian-appointed "governor" of Sevastopol': "sevastopol-occupation-administration",
    "Mikhail Razvozhayev": "sevastopol-occupation-administration",
    "Crimean Wind": "crimean-wind",
    'Telegram channel "Crimean Wind"': "crimean-wind",
    "the General Staff of the Armed Forces of Ukraine": "ukraine-defence-forces",
    "the Office of Strategic Communications of the Armed Forces of Ukraine": (
        "ukraine-defence-forces"
    ),
    "official representatives of the Defense Forces of Ukraine": "ukraine-defence-forces",
    "Ukrainian News Agency": "ukrainian-news-agency",
    # seed 002
    "social networks": "social-media",
    "the mayor of kyiv": "kyiv-city-authorities",
    "Vitali Klitschko": "kyiv-city-authorities",
    "Air Force": "ukraine-air-force",
    "regional governor Oleg Synegubov": "kharkiv-regional-administration",
    "local governor Vyacheslav Gladkov": "belgorod-regional-administration",
    "The local governor": "belgorod-regional-administration",
    "the Russian army": "russia-mod",
    "groups presenting themselves as Russian fighters": "pro-kyiv-russian-volunteers",
    "Russian Defense Minister": "russia-mod",
    "Sergei Shoigu": "russia-mod",
    "kyiv": "ukraine-government",
    "Vladimir Putin": "russia-president",
    "Jake Sullivan": "us-government",
    "American National Security Advisor": "us-government",
    "Andriy Yermak": "ukraine-presidents-office",
    "Australia": "australia-government",
}


@pytest.mark.parametrize(("name", "party"), sorted(NAMED_IN_SEEDS.items()))
def test_named_speaker_resolves_to_its_party(name: str, party: str) -> None:
    assert resolve(name) == party


# Speaker phrases as the seeds write them in full, titles and all.
SPEAKER_PHRASES = {
    "the occupying head of Crimea, Serhii Aksyonov": "crimea-occupation-authorities",
    "the adviser to the head of the President's Office, Mykhailo Podolyak": (
        "ukraine-presidents-office"
    ),
    'The russian-appointed "governor" of Sevastopol, Mikhail Razvozhayev': (
        "sevastopol-occupation-administration"
    ),
    "the mayor of kyiv, Vitali Klitschko": "kyiv-city-authorities",
    "Russian Defense Minister Sergei Shoigu": "russia-mod",
    "American National Security Advisor Jake Sullivan": "us-government",
    "Andriy Yermak, chief of staff of Ukrainian President Volodymyr Zelensky": (
        "ukraine-presidents-office"
    ),
    "the General Staff of the Armed Forces of Ukraine, the Office of Strategic "
    "Communications of the Armed Forces of Ukraine and other official "
    "representatives of the Defense Forces of Ukraine": "ukraine-defence-forces",
}


@pytest.mark.parametrize(("phrase", "party"), sorted({**NAMED_IN_SEEDS, **SPEAKER_PHRASES}.items()))
def test_extractor_registry_resolves_seed_speaker(phrase: str, party: str) -> None:
    hit = registry().match(phrase)
    assert hit is not None and hit[0] == party


def test_named_speakers_occur_in_the_seeds() -> None:
    texts = _plain(" ".join(p.read_text(encoding="utf-8") for p in SEEDS.glob("*.txt")))
    names = [*NAMED_IN_SEEDS, *SPEAKER_PHRASES]
    assert [n for n in names if _plain(n) not in texts] == []


def test_no_alias_points_to_two_parties() -> None:
    seen: dict[str, str] = {}
    clashes = []
    for party_id, party in parties().items():
        for alias in {_fold_name(a) for a in [party["name"], *party.get("aliases", [])]}:
            if seen.setdefault(alias, party_id) != party_id:
                clashes.append((alias, seen[alias], party_id))
    assert clashes == []


def test_every_party_has_a_side_a_kind_and_aliases() -> None:
    for party_id, party in parties().items():
        assert party["side"] in SIDES, party_id
        assert party.get("kind"), party_id
        assert party.get("aliases"), party_id


def test_claims_name_known_parties_and_speakers_resolve_to_them() -> None:
    for _, claim in all_claims():
        assert claim["party"] in parties(), claim["id"]
        if "speaker" in claim:
            assert resolve(claim["speaker"]) == claim["party"], claim["id"]


# --------------------------------------------------------------------------
# Values, stances, dates


def test_values_fit_their_aspects() -> None:
    for _, claim in all_claims():
        spec = aspects()[claim["aspect"]]
        value = claim.get("value")
        if claim.get("stance") == "declines":
            assert value is None and claim["aspect"] == "comment", claim["id"]
            continue
        assert value is not None, claim["id"]
        if spec["type"] == "count":
            assert parse_count(value).low >= 0, claim["id"]
        elif spec["type"] == "category":
            assert isinstance(value, str), claim["id"]
            if spec["closed"]:
                assert canonical(claim["aspect"], value) in spec["values"], claim["id"]
        elif spec["type"] == "set":
            assert isinstance(value, list) and value, claim["id"]
        else:
            assert isinstance(value, str) and value.strip(), claim["id"]


def test_statements_fall_on_or_before_publication() -> None:
    for name, claim in all_claims():
        published = claim_files()[name]["source"]["published"]
        said = claim.get("said_on")
        if said is not None:
            day = said.date() if isinstance(said, datetime) else said
            assert isinstance(day, date) and day <= published, claim["id"]


def test_silences_are_recorded_as_declines() -> None:
    declines = {c["id"]: c for _, c in all_claims() if c.get("stance") == "declines"}
    assert {c["party"] for c in declines.values()} == {
        "crimea-occupation-authorities",
        "ukraine-defence-forces",
    }


def _answers(event: str, aspect: str) -> dict[str, set[str]]:
    """Canonical answers to one question, by the side of who gives them."""
    out: dict[str, set[str]] = {}
    for _, c in all_claims():
        if c["event"] == event and c["aspect"] == aspect and c.get("stance") != "declines":
            side = parties()[c["party"]]["side"]
            out.setdefault(side, set()).add(canonical(aspect, c["value"]))
    return out


def test_dzhankoi_interception_is_contested_across_sides() -> None:
    answers = _answers("dzhankoi-2023-03-20", "interception")
    assert answers["russia"] == {"all-intercepted"}
    assert "hits" in answers["ukraine"]


def test_crimea_missile_attack_claims_all_downed_against_hits_on_video() -> None:
    answers = _answers("crimea-missile-attack-2024-01-04", "interception")
    assert answers["russia"] == {"all-intercepted"}
    assert answers["independent"] == {"hits"}
    by_id = {c["id"]: c for _, c in all_claims()}
    mod = by_id["crimea-jan4-mod-interception"]
    assert mod["evidence"] == "none"
    assert mod["review"]["rating"] == "Unproven"
    assert by_id["crimea-jan4-residents-interception"]["evidence"] == "video"


def test_incursion_perpetrator_is_contested() -> None:
    answers = _answers("belgorod-kursk-incursions-2024-03", "perpetrator")
    assert answers == {"russia": {"ukrainian-forces"}, "ukraine": {"pro-kyiv-russian-volunteers"}}


def test_hedged_claims_carry_a_hedge_in_their_sentence() -> None:
    hedges = ("preliminary data", "allegedly", "reportedly")
    for name, claim in all_claims():
        if claim.get("certainty") != "hedged":
            continue
        text = _plain(_seed_text(claim_files()[name]["source"]))
        quote = _plain(claim["quote"])
        start = text.index(quote)
        # The hedge may open the speaker's message a sentence earlier
        # ("According to preliminary data, ... Unfortunately, one person...").
        window = text[max(0, start - 80) : start + len(quote)].lower()
        assert any(h in window for h in hedges), claim["id"]
