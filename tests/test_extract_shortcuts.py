"""The extractor's speed shortcuts give exactly what the plain code they stand for gives."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimgraph.extract.attribution import (
    _AGE,
    _AUX_TAIL,
    _AUX_TAIL_WORDS,
    _COLON_QUOTE,
    _RELATIVE,
    _without_aux_tail,
)
from claimgraph.extract.events import _ISO_ANCHOR, _iso_starts
from claimgraph.extract.header import _BYLINE
from claimgraph.extract.layout import _label
from claimgraph.extract.lexicon import _Text, forget_words, lexicon, line_matches, text_words
from claimgraph.extract.perpetrator import Perpetrators
from claimgraph.extract.registry import _QUOTE_MARKS, norm
from claimgraph.extract.resolver import _CHANNEL_LIST, _CHANNEL_WORDS, _has_channel_word
from claimgraph.extract.sentences import _AFTER_STOP, QUOTES
from claimgraph.model import Aspect, AspectType

# Characters that fold or match oddly ignoring case (Kelvin sign, dotless and dotted i,
# long s, sharp s, final sigma, micro sign), quotation marks and apostrophes.
_ODD = ["\u212a", "ı", "İ", "ſ", "ß", "ς", "µ", "é", "’", "‘", "“", "”", "«", "»", "„", '"']
_GLUE = [" ", "  ", "-", ",", ".", ":", "'", "\n", "_", "2"]


def _texts(words: list[str]) -> st.SearchStrategy[str]:
    cased = st.sampled_from(words).flatmap(
        lambda w: st.sampled_from([w, w.upper(), w.title(), w[:-1]])
    )
    piece = st.one_of(cased, st.sampled_from(_GLUE + _ODD), st.text(max_size=3))
    return st.lists(piece, max_size=30).map("".join)


def _plain_words(text: str) -> set[str]:
    folded = text.casefold()
    pieces = folded.split()
    words = set(pieces)
    marked = [w for w in pieces if not w.isalnum()]
    if marked:
        words.update(re.findall(r"\w+", " ".join(marked)))
    if "ı" in text or "İ" in text:  # (the regex engine takes both for "i", ignoring case)
        words |= _plain_words(text.replace("ı", "i").replace("İ", "i"))
    return words


_ODD_CASE = re.compile(r"[^\x00-\xb4\xb6-\xff\u0400-\u04ff\u2000-\u206f]")


def _plain_where(folded: str, word: str) -> list[int]:
    return [m.start() for m in re.finditer(r"\w+", folded) if m.group() == word]


@given(_texts(["said", "drones", "not", "in", "the"]))
@settings(max_examples=400, deadline=None)
def test_text_words_folding_and_places_as_the_plain_ones(text: str) -> None:
    info = _Text(text)
    assert info.words == _plain_words(text)
    folded = text.casefold()
    odd = len(folded) != len(text) or _ODD_CASE.search(text) is not None
    assert info.folded == (None if odd else folded)
    if info.folded is not None:
        for word in ("said", "drones", "not", "in", "the", "2"):
            assert info.where(word) == _plain_where(folded, word)


@given(_texts(["Zelensky", "the governor", "said"]))
@settings(max_examples=300, deadline=None)
def test_colon_quote_needs_a_colon(text: str) -> None:
    if ":" not in text:
        assert _COLON_QUOTE.match(text) is None


@given(_texts(["which", "who", "whom", "Wh", "ich"]))
@settings(max_examples=300, deadline=None)
def test_a_relative_pronoun_holds_wh(text: str) -> None:
    if _RELATIVE.search(text) is not None:
        assert "wh" in text.lower()


def test_what_may_follow_a_stop() -> None:
    assert _AFTER_STOP == QUOTES | {")", "]"}


def test_the_channel_words_are_read_from_the_regex() -> None:
    assert "statement" in _CHANNEL_LIST and "spokes" in _CHANNEL_LIST


@given(_texts([*_CHANNEL_LIST, "stat", "pres"]))
@settings(max_examples=400, deadline=None)
def test_channel_words_as_the_regex(text: str) -> None:
    assert _has_channel_word(text) == (_CHANNEL_WORDS.search(text) is not None)


def _plain_norm(text: str) -> str:
    text = text.replace("’", "'").replace("‘", "'")
    text = _QUOTE_MARKS.sub("", text)
    return " ".join(text.casefold().split())


@given(_texts(["the", "occupiers", "Kyiv"]))
@settings(max_examples=300, deadline=None)
def test_norm_as_the_plain_one(text: str) -> None:
    assert norm(text) == _plain_norm(text)


@given(
    st.lists(
        st.one_of(
            st.sampled_from(["2024", "01", "1", "-", "--", "12024", "٣", " ", "x"]),
            st.text(alphabet="0123456789-", max_size=12),
        ),
        max_size=20,
    ).map("".join)
)
@settings(max_examples=400, deadline=None)
def test_iso_dates_where_the_regex_finds_them(text: str) -> None:
    assert _iso_starts(text) == [m.start() for m in _ISO_ANCHOR.finditer(text)]


def test_the_relative_pronouns_all_hold_wh() -> None:
    # the shortcut in _verb_attribution skips the regex on text without "wh"
    found = re.search(r"\(\?:([\w|]+)\)", _RELATIVE.pattern)
    assert found is not None
    assert all("wh" in w for w in found.group(1).split("|"))


def _spans(found: Iterable[re.Match[str]]) -> list[tuple[int, int]]:
    return [m.span() for m in found]


@given(_texts(["Quote", "Source", "Details", "quotes", ":", ": x", "\n", "\t", "\r\n"]))
@example("Quote: a\n Source:b\nx Quote: c\n\tDetails :  d\n")
@settings(max_examples=400, deadline=None)
def test_labels_found_at_line_starts_as_the_regex_finds_them(text: str) -> None:
    lex = lexicon()
    for regex in (
        lex.layout_label,
        _label(lex.raw.get("source_labels")),
        _label(lex.raw.get("quote_labels")),
    ):
        assert _spans(line_matches(regex, text)) == _spans(regex.finditer(text))


_AGE_PLAIN = re.compile(r"(?<=[^\W\d_]),[ \t]*\d{1,3},(?=[ \t])")


@given(_texts(["Olga", "Petrenko", "45", "1", "1234", "_", "\t", ", ", ",", ",45,"]))
@example("Olga Petrenko, 45, said, 7, 12, as,1, x")
@settings(max_examples=400, deadline=None)
def test_an_age_found_where_the_plain_regex_finds_it(text: str) -> None:
    assert _spans(_AGE.finditer(text)) == _spans(_AGE_PLAIN.finditer(text))


_SIDES = Perpetrators.of(
    {
        "perpetrator": Aspect(
            "perpetrator",
            AspectType.CATEGORY,
            values={"ukrainian-forces": "", "russian-forces": ""},
        )
    }
)
_BLAME_WORDS = ["blamed", "accused", "held responsible", "the", "Kyiv", "Ukrainian forces"]
_BLAME_WORDS += ["Russia", "AFU", "occupiers", "shelled", "fired at", "on", "deliberately"]
# (and the forms of session 7's rules: "occupation forces have dropped", "the Kyiv regime once
# again sent drones", "Kyiv was behind", "a Russian jet", "the Azov militants", "neo-Nazis")
_BLAME_WORDS += ["occupation forces", "have", "dropped", "once", "again", "sent drones", "was"]
_BLAME_WORDS += ["behind", "a Russian jet", "Azov militants", "neo-Nazis", "repeatedly", "fired"]


@given(_texts(_BLAME_WORDS))
@example('They blamed the strike on Kyiv; the Ukrainian side "deliberately targeted" it.')
@settings(max_examples=400, deadline=None)
def test_a_blame_found_where_its_regex_finds_it(text: str) -> None:
    blame = _SIDES.blame
    assert blame is not None
    got, want = blame.search(text), blame.regex.search(text)
    assert (got and (got.span(), got.lastgroup)) == (want and (want.span(), want.lastgroup))


def test_the_aux_tail_words_are_the_regex_own() -> None:
    found = re.search(r"\(\?:([\w|]+)\)\)", _AUX_TAIL.pattern)
    assert found is not None
    assert set(found.group(1).split("|")) == set(_AUX_TAIL_WORDS)


@given(_texts([*_AUX_TAIL_WORDS, "mayor", "Has", "thenhas", "\n", "\t"]))
@example("the mayor has also\n")
@settings(max_examples=400, deadline=None)
def test_the_aux_tail_cut_as_the_regex_cuts_it(text: str) -> None:
    assert _without_aux_tail(text) == _AUX_TAIL.sub("", text)


@given(
    _texts(["By", "by", "AFP", "Staff", "BBC Verify", "\n", "\t", "\n\n"]),
    st.integers(min_value=0, max_value=40),
)
@example("by AFP Staff\nText by Ann\n  By BBC Verify\n", 30)
@settings(max_examples=400, deadline=None)
def test_a_byline_found_at_line_starts_as_the_regex_finds_it(text: str, endpos: int) -> None:
    assert _spans(line_matches(_BYLINE, text, endpos)) == _spans(_BYLINE.finditer(text, 0, endpos))


_FALSE_WORDS = ["the", "Russian", "claim", "Claims", "report", "that", "THAT", "600", "were"]
_FALSE_WORDS += ["killed", "was", "is", "a lie", "fake", "simply", "nonsense", "statement"]


@given(_texts(_FALSE_WORDS))
@example("He said the Russian claim that 600 were killed was a lie.")
@settings(max_examples=400, deadline=None)
def test_a_claim_called_false_needs_a_claim_noun_and_that(text: str) -> None:
    # (_called_false tries its regex only on a text with both words)
    lex = lexicon()
    forget_words()
    words = text_words(text)
    if lex.claim_called_false.search(text) is not None:
        assert "that" in words
        assert not words.isdisjoint(lex.firsts["claim_nouns"])


def _plain_marks(
    text: str, start: int, stop: int, skip: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int, bool]]:
    """Each quotation mark of ``text[start:stop]``, looking at every character: its place,
    the depth after it and whether it closes a quotation (marks in ``skip`` left out)."""
    from claimgraph.extract.sentences import _quote_role

    depth = 0
    for i in range(start, stop):
        if text[i] in QUOTES and text[i] not in skip:
            role = _quote_role(text, i, depth)
            closes = role < 0 and depth > 0
            depth += 1 if role > 0 else -1 if closes else 0
            yield i, depth, closes


def _plain_inside_quote(text: str, at: int) -> bool:
    return [depth for _, depth, _ in _plain_marks(text, 0, at)][-1:] > [0]


@given(_texts(["said", "It", "a", ",", "x"]), st.integers(min_value=0, max_value=60))
@example('"It fell," he said, "but', 22)
@settings(max_examples=400, deadline=None)
def test_inside_a_quote_as_the_plain_loop_says(text: str, at: int) -> None:
    from claimgraph.extract.sentences import inside_quote

    at = min(at, len(text))  # (a place in the text, as the callers give)
    assert inside_quote(text, at) == _plain_inside_quote(text, at)


def _plain_closing_quote(text: str, i: int) -> int:
    # a double mark is closed by a double one: the single marks are no part of it
    singles = frozenset("‘’'‚‹›") if i < len(text) and text[i] not in "‘’'‚‹›" else frozenset()
    marks = _plain_marks(text, i, len(text), singles)
    return next((j for j, depth, closes in marks if closes and not depth), -1)


@given(_texts(["said", "It", "a", ",", "x"]), st.integers(min_value=0, max_value=60))
@example('"It fell," he said, "but', 0)
@settings(max_examples=400, deadline=None)
def test_a_closing_quote_as_the_plain_loop_finds_it(text: str, at: int) -> None:
    from claimgraph.extract.attribution import _closing_quote

    assert _closing_quote(text, at) == _plain_closing_quote(text, at)
