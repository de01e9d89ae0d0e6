"""Names as journalists write them: keys that ignore how a name is written."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimgraph.extract.names import NameIndex, is_speaker_phrase, name_key, name_words

WORDS = st.lists(
    st.sampled_from(
        [
            "Russia",
            "Ukraine",
            "defence",
            "ministry",
            "air",
            "force",
            "Kharkiv",
            "mayor",
            "the",
            "of",
        ]
    ),
    min_size=1,
    max_size=6,
)


@given(WORDS)
def test_case_apostrophes_and_spelling_do_not_change_a_key(words: list[str]) -> None:
    name = " ".join(words)
    assert name_key(name) == name_key(name.upper())
    assert name_key(name.replace("Russia", "Russia's")) == name_key(
        name.replace("Russia", "Russia’s")
    )
    assert name_key(name.replace("defence", "defense")) == name_key(name)


@given(WORDS)
def test_word_order_does_not_change_a_key(words: list[str]) -> None:
    assert name_key(" ".join(words)) == name_key(" ".join(reversed(words)))


@given(st.text(max_size=200))
def test_any_text_is_read_without_error(text: str) -> None:
    index = NameIndex()
    index.add("ru-mod", ["Ministry of Defence of Russia"], whole=["Moscow"])
    found = index.match(text)
    assert found is None or found[0] == "ru-mod"
    assert isinstance(is_speaker_phrase(text), bool)


def test_the_demonym_the_possessive_and_of_the_country_are_one_key() -> None:
    keys = {
        name_key(n)
        for n in (
            "Russia's defence ministry",
            "the Russian Defense Ministry",
            "the Ministry of Defence of the Russian Federation",
        )
    }
    assert len(keys) == 1


def test_the_package_word_lists_hold_no_yaml_booleans() -> None:
    # YAML reads a bare on, off, yes or no as a boolean: "on" in a word list is lost
    from importlib import resources

    from claimgraph.extract.datafile import read_package_data

    def words(value: object, where: str) -> list[str]:
        if isinstance(value, dict):
            return [w for k, v in value.items() for w in words(v, f"{where}.{k}")]
        if isinstance(value, list):
            return [f"{where}: {v!r}" for v in value if isinstance(v, bool)] + [
                w for v in value if isinstance(v, (dict, list)) for w in words(v, where)
            ]
        return []

    data = resources.files("claimgraph").joinpath("data")
    found = [
        w
        for f in sorted(p.name for p in data.iterdir() if p.name.endswith(".yaml"))
        for w in words(read_package_data(f), f)
    ]
    assert found == []


def test_on_is_no_word_of_a_key() -> None:
    assert name_words("Strike on the theatre") == ["strike", "theater"]


def test_a_past_tense_with_its_object_is_a_clause_not_a_speaker() -> None:
    assert not is_speaker_phrase("Rescuers later updated the death toll in the city to 23")
    assert not is_speaker_phrase("the army shelled a school")
    # a participle in a name is no verb
    assert is_speaker_phrase("the Russian-installed authorities")
    assert is_speaker_phrase("the self-proclaimed republic's armed forces")
