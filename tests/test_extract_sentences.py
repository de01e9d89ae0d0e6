"""Sentence splitting for extraction: quoted speech stays whole, abbreviations do not split."""

from __future__ import annotations

from claimgraph.extract.lexicon import lexicon
from claimgraph.extract.sentences import Sentence, split_plain, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text, lexicon().abbreviations)]


def test_quoted_speech_spanning_sentences_stays_whole() -> None:
    text = 'It began at night. "One was hurt. Two were not," he wrote. Then it ended.'
    assert texts(text) == [
        "It began at night.",
        '"One was hurt. Two were not," he wrote.',
        "Then it ended.",
    ]


def test_nested_quotes_inside_quoted_speech_do_not_end_it() -> None:
    text = '"The mysterious "cotton" struck again. It goes on," the service said. Next.'
    assert texts(text)[0] == '"The mysterious "cotton" struck again. It goes on," the service said.'


def test_typographic_and_guillemet_quotes_keep_speech_whole() -> None:
    text = "He said: «It fell. It burned.» Later it rained. “Wait. See,” she said."
    assert texts(text) == [
        "He said: «It fell. It burned.»",
        "Later it rained.",
        "“Wait. See,” she said.",
    ]


def test_abbreviations_and_initials_do_not_end_a_sentence() -> None:
    text = (
        "Debris fell near School No. 7 in the city. Mr. Smith and J. K. Rowling left. "
        "Gen. Lee came."
    )
    assert texts(text) == [
        "Debris fell near School No. 7 in the city.",
        "Mr. Smith and J. K. Rowling left.",
        "Gen. Lee came.",
    ]


def test_lowercase_after_a_stop_does_not_split() -> None:
    assert texts("The range is 2.5 km. it was e.g. far.") == [
        "The range is 2.5 km. it was e.g. far."
    ]


def test_newlines_end_sentences_and_count_paragraphs() -> None:
    sentences = split_sentences("Headline without stop\nFirst. Second.\n\nThird.")
    assert [(s.text, s.paragraph) for s in sentences] == [
        ("Headline without stop", 0),
        ("First.", 1),
        ("Second.", 1),
        ("Third.", 2),
    ]


def test_offsets_point_into_the_original_text() -> None:
    text = '  Alpha beta.  "Gamma. Delta," he said.'
    for s in split_sentences(text):
        assert text[s.start : s.end] == s.text


def test_stray_opening_quote_does_not_swallow_the_rest_of_a_paragraph() -> None:
    text = 'He called them "mopeds. ' + "Word " * 400 + ". Next sentence here."
    assert texts(text)[-1] == "Next sentence here."


def test_split_plain_splits_inside_quotes_and_keeps_report_offsets() -> None:
    unit = Sentence('"One is hurt. Two are not," he said.', 100, 137)
    parts = split_plain(unit, lexicon().abbreviations)
    assert [p.text for p in parts] == ['"One is hurt.', 'Two are not," he said.']
    assert parts[1].start == 114


def test_empty_and_blank_text_give_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_a_stop_glued_to_the_next_sentence_splits_but_a_dotted_name_does_not() -> None:
    assert texts(
        "Two were hurt on Sunday.A further ten fled. It was reported by Censor.NET today."
    ) == [
        "Two were hurt on Sunday.",
        "A further ten fled.",
        "It was reported by Censor.NET today.",
    ]
