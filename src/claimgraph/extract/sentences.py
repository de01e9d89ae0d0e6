"""Split a report into sentences, keeping quoted speech whole.

A full stop inside quotation marks does not end the sentence that carries
the quotation, so ``"One. Two," he said.`` stays one unit; abbreviations
("No. 7", "Mr.") and initials ("J. Smith") never end a sentence.

>>> [s.text for s in split_sentences('He came. "One. Two," he said. Mr. Smith left.')]
['He came.', '"One. Two," he said.', 'Mr. Smith left.']
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

__all__ = ["Sentence", "split_sentences", "split_plain", "OPENING", "CLOSING", "QUOTES"]

OPENING = '"“«„‘'
CLOSING = '"”»“’'
QUOTES = frozenset(OPENING + CLOSING)

# A quotation left open longer than this is a stray mark, not speech.
MAX_QUOTE = 1200

# What may follow a full stop before the next sentence begins.
_AFTER_STOP = QUOTES | {")", "]"}

_DEFAULT_ABBREVIATIONS = frozenset({"mr", "mrs", "ms", "dr", "no", "st", "gen", "lt", "col"})


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence: its text and where it is in the report (character offsets)."""

    text: str
    start: int
    end: int
    paragraph: int = 0


# Characters the splitter looks at; everything else is skipped in one go.
_SPECIAL = re.compile("[\n.!?…" + re.escape("".join(sorted(QUOTES))) + "]")
# Any quotation mark (where the quotation-depth loops look).
_QUOTE_MARK = re.compile("[" + re.escape("".join(sorted(QUOTES))) + "]")
_STOPS = re.compile(r"[.!?]")
_CAPITALS_WORD = re.compile(r"[A-Z]{2,}(?![a-z])")
# A run of word characters and dots (read backwards: the word that ends a text).
_RUN_BACKWARDS = re.compile(r"[\w.]+")
# A word of three lowercase-ended letters right before a full stop (not "U.S." or "e.g.").
_GLUED = re.compile(r"(?<![\w.])[A-Za-z]*[a-z]{3}$")


@lru_cache(maxsize=32)
def _abbrev(abbreviations: tuple[str, ...]) -> frozenset[str]:
    return frozenset(a.casefold().rstrip(".") for a in abbreviations)


def _quote_role(text: str, i: int, depth: int) -> int:
    """+1 when the mark at ``i`` opens a quotation, -1 when it closes one."""
    ch = text[i]
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if ch in "«„":
        return 1
    if ch == "»":
        return -1
    if ch == "’" and before.isalnum() and after.isalnum():
        return 0  # an apostrophe
    if after.isalnum() and (before.isspace() or before in "([—-:" or i == 0):
        return 1
    if (before.isalnum() or before in ".,!?;:…") and not after.isalnum():
        return -1 if depth > 0 else 1
    if ch == "“" and after.isalnum():
        return 1
    if ch == "”" and depth > 0:
        return -1
    return -1 if depth > 0 else 1


def _ends_sentence(text: str, i: int, abbreviations: frozenset[str]) -> bool:
    """True when the stop at ``i`` ends a sentence (next comes a capital, a quote, a digit)."""
    j = i + 1
    while j < len(text) and text[j] in _AFTER_STOP:
        j += 1
    if j < len(text) and not text[j].isspace():
        # "...on Sunday.A further 10": a pasted text lost the space after a full stop (but
        # "Censor.NET" is a name: capitals only after the stop)
        return (
            j == i + 1
            and text[i] == "."
            and text[j].isupper()
            and _GLUED.search(text, 0, i) is not None
            and _CAPITALS_WORD.match(text, j) is None
        )
    while j < len(text) and text[j] in " \t":
        j += 1
    if j < len(text) and text[j] == "\n":
        return True
    if j >= len(text):
        return True
    nxt = text[j]
    if not (nxt.isupper() or nxt.isdigit() or nxt in QUOTES or nxt in "([—-"):
        return False
    if text[i] != ".":
        return True
    word = _last_word(text[max(0, i - 20) : i])
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    if word.casefold().rstrip(".") in abbreviations:
        return False
    return not (word[-1:].isdigit() and nxt.isdigit())


def _last_word(text: str) -> str:
    """``re.search(r"([\\w.]+)$", text)``'s word, or "": the run of word characters and dots that
    ends ``text`` (or its final newline, as ``$`` does), read backwards in one match instead
    of a search that tries, and backtracks from, every place of the text.

    >>> _last_word("near School No"), _last_word("the U.S.\\n"), _last_word("an end, ")
    ('No', 'U.S.', '')
    """
    if text.endswith("\n"):
        text = text[:-1]
    m = _RUN_BACKWARDS.match(text[::-1])
    return m.group(0)[::-1] if m else ""


def split_sentences(
    text: str, abbreviations: Iterable[str] = _DEFAULT_ABBREVIATIONS
) -> list[Sentence]:
    """The sentences of ``text``, quoted speech kept whole; paragraphs end sentences.

    >>> [s.text for s in split_sentences("It fell near School No. 7. Then it stopped.")]
    ['It fell near School No. 7.', 'Then it stopped.']
    >>> [s.paragraph for s in split_sentences("One.\\n\\nTwo. Three.")]
    [0, 1, 1]
    """
    abbrev = _abbrev(tuple(abbreviations))
    out: list[Sentence] = []
    paragraph = 0
    start = 0
    depth = 0
    opened_at = 0
    n = len(text)
    i = 0

    def emit(end: int) -> None:
        raw = text[start:end]
        stripped = raw.strip()
        if stripped:
            lead = len(raw) - len(raw.lstrip())
            s = start + lead
            out.append(Sentence(stripped, s, s + len(stripped), paragraph))

    # (one scan for every special character; those a full stop's closing marks passed
    # over are skipped)
    for m in _SPECIAL.finditer(text):
        if m.start() < i:
            continue
        i = m.start()
        ch = text[i]
        if ch == "\n":
            emit(i)
            if out and out[-1].paragraph == paragraph:
                paragraph += 1
            depth = 0
            start = i + 1
        elif ch in QUOTES:
            role = _quote_role(text, i, depth)
            if role > 0:
                if depth == 0:
                    opened_at = i
                depth += 1
            elif role < 0 and depth > 0:
                depth -= 1
                # «It burned.» Later...: the quotation ended the sentence too
                if (
                    depth == 0
                    and i > 0
                    and text[i - 1] in ".!?…"
                    and _ends_sentence(text, i - 1, abbrev)
                ):
                    emit(i + 1)
                    start = i + 1
        elif ch in ".!?…":
            if depth > 0 and i - opened_at > MAX_QUOTE:
                depth = 0
            if depth == 0 and _ends_sentence(text, i, abbrev):
                j = i + 1
                while j < n and text[j] in _AFTER_STOP:
                    j += 1
                emit(j)
                start = j
                i = j
                continue
        i += 1
    emit(n)
    return out


def _stops(text: str) -> list[int]:
    """Where ``_STOPS`` matches in ``text``: with no "!" or "?", the full stops, found with
    ``str.find`` (a sentence has a few) rather than a character-class scan.

    >>> _stops("No. 7 is here. Yes"), _stops("Here? Yes!")
    ([2, 13], [4, 9])
    """
    if "!" in text or "?" in text:
        return [m.start() for m in _STOPS.finditer(text)]
    out = []
    i = text.find(".")
    while i >= 0:
        out.append(i)
        i = text.find(".", i + 1)
    return out


def split_plain(
    sentence: Sentence, abbreviations: Iterable[str] = _DEFAULT_ABBREVIATIONS
) -> list[Sentence]:
    """The sentences inside one unit, ignoring quotation marks (offsets stay the report's).

    >>> s = Sentence('"One. Two," he said.', 10, 30)
    >>> [(p.text, p.start) for p in split_plain(s)]
    [('"One.', 10), ('Two," he said.', 16)]
    """
    abbrev = _abbrev(tuple(abbreviations))
    text = sentence.text
    out: list[Sentence] = []
    start = 0
    for i in _stops(text):
        if i >= start and _ends_sentence(text, i, abbrev):
            j = i + 1
            piece = text[start:j]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                s = sentence.start + start + lead
                out.append(Sentence(piece.strip(), s, s + len(piece.strip()), sentence.paragraph))
            start = j
    piece = text[start:]
    if piece.strip():
        lead = len(piece) - len(piece.lstrip())
        s = sentence.start + start + lead
        out.append(Sentence(piece.strip(), s, s + len(piece.strip()), sentence.paragraph))
    return out


def inside_quote(text: str, at: int) -> bool:
    """Whether ``at`` is inside quotation marks (the marks before it, found by the regex).

    >>> inside_quote('He said: "one and two" and three', 14), inside_quote('"a" and b', 5)
    (True, False)
    """
    depth = 0
    for m in _QUOTE_MARK.finditer(text, 0, at):
        role = _quote_role(text, m.start(), depth)
        if role > 0:
            depth += 1
        elif role < 0 and depth > 0:
            depth -= 1
    return depth > 0
