"""The lexicon's phrase lists: their shortcuts find exactly what their regexes find."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimgraph.extract.events import _DATE_WORD, Gazetteer
from claimgraph.extract.lexicon import (
    Phrases,
    Tagger,
    first_words,
    folded_text,
    forget_words,
    lexicon,
    phrases,
    text_words,
)
from claimgraph.extract.values import Reader


def _all_phrase_lists() -> dict[str, Phrases]:
    """Every phrase list the extractor uses, by name."""
    lex = lexicon()
    found: dict[str, Phrases] = {}
    for name in lex.__slots__:
        value = getattr(lex, name, None)
        if isinstance(value, Phrases):
            found[name] = value
        elif isinstance(value, Tagger):
            found[name] = value.regex
        elif isinstance(value, dict):
            for key, inner in value.items():
                if isinstance(inner, Phrases):
                    found[f"{name}.{key}"] = inner
    gazetteer = Gazetteer.default()
    gazetteer.find("Kyiv")
    assert gazetteer._regex is not None
    found["gazetteer"] = gazetteer._regex
    found["date words"] = _DATE_WORD
    reader = Reader.default()
    for aspect, index in reader._index.items():
        found[f"aspect {aspect}"] = index.regex
    return found


PHRASE_LISTS = _all_phrase_lists()

# Words the phrase lists are made of (so that random texts do match), in all cases.
_VOCABULARY = sorted(
    {w for p in PHRASE_LISTS.values() for w in re.findall(r"[a-z]+", p.pattern)} - {"b", "w", "s"}
)
_WORDS = st.sampled_from(_VOCABULARY).flatmap(
    lambda w: st.sampled_from([w, w.upper(), w.title(), w + "s", w + "es"])
)
_GLUE = st.sampled_from([" ", "  ", "-", ", ", ". ", "'", "’", "«", "»", "\n", "_", "2", "é"])
# Characters that fold oddly (Kelvin sign, dotless i, long s, sharp s, final sigma).
_ODD = st.sampled_from(["\u212a", "ı", "ſ", "ß", "ς", "İ", "µ"])
_TEXT = st.lists(st.one_of(_WORDS, _GLUE, _ODD, st.text(max_size=3)), max_size=40).map("".join)


def _same(p: Phrases, text: str) -> None:
    want = [(m.span(), m.groups()) for m in p.regex.finditer(text)]
    assert [(m.span(), m.groups()) for m in p.finditer(text)] == want
    first = p.regex.search(text)
    got = p.search(text)
    assert (got.span() if got else None) == (first.span() if first else None)


@given(st.sampled_from(sorted(PHRASE_LISTS)), _TEXT)
@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
def test_every_phrase_list_finds_what_its_regex_finds(name: str, text: str) -> None:
    forget_words()
    _same(PHRASE_LISTS[name], text)


@pytest.mark.parametrize("name", sorted(PHRASE_LISTS))
def test_on_the_seed_sentences_too(name: str, seed_texts: list[str]) -> None:
    for text in seed_texts:
        for piece in [text, *text.split(". ")]:
            _same(PHRASE_LISTS[name], piece)


@pytest.mark.parametrize("name", sorted(PHRASE_LISTS))
def test_dotless_and_dotted_i_as_the_regex_reads_them(name: str, seed_texts: list[str]) -> None:
    # ignoring case, the regex engine takes "ı" and "İ" for "i"; casefolding does not
    for text in seed_texts:
        for odd in ("ı", "İ"):
            for piece in text.replace("i", odd).split(". "):
                forget_words()
                _same(PHRASE_LISTS[name], piece)


@pytest.fixture(scope="module")
def seed_texts() -> list[str]:
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    return [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]


def test_a_text_without_any_first_word_is_not_scanned() -> None:
    p = phrases(["no comment", "declined to comment"])
    text = "Nothing in this sentence is a refusal to talk to the press at all."
    assert p.search(text) is None and "declined" not in text_words(text)
    assert p.search(text + " They declined to  comment.") is not None


def test_odd_case_texts_are_matched_the_slow_way() -> None:
    assert folded_text("STRASSE und Straße") is None  # ß folds to two letters
    assert folded_text("\u212aelvin") is None  # the Kelvin sign folds to k
    p = phrases(["kelvin"])
    assert p.search("a \u212aelvin sign, then more words to pass the length gate") is not None


def test_plural_first_words_are_looked_for_too() -> None:
    assert first_words(["drone", "air defence"], plural=True) == {
        "drone",
        "drones",
        "dronees",
        "air",
        "airs",
        "aires",
    }
    p = phrases(["drone"], plural=True)
    assert p.search("Several drones were seen over the city late in the evening.") is not None


def test_forget_words_empties_the_memo() -> None:
    text = "The governor said that four drones were shot down over the region."
    words = text_words(text)
    assert text_words(text) is words
    forget_words()
    assert text_words(text) is not words and text_words(text) == words
