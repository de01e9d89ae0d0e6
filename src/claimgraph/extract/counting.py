"""Counts in a clause: the count rules of data/extract.yaml, read before or after their words.

The rules are methods of :class:`claimgraph.extract.values.Reader` (through
:class:`_CountRules`); counts are read with :func:`claimgraph.quantities.parse_count`.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimgraph.extract.findings import Finding, _ReaderBase
from claimgraph.extract.lexicon import Phrases, text_words
from claimgraph.extract.sentences import QUOTES
from claimgraph.quantities import parse_count

__all__: list[str] = []


_TOKEN = re.compile(r"[\w'’.,-]*\w|[^\w\s]")


# "28 of the 35 drones": a share, so some got through.
# "21 of 23", "Twenty-one out of 23": a part of a whole, both counts
_SHARE = re.compile(
    r"\b(\d+|[A-Za-z]+(?:-[A-Za-z]+)?)\s+(?:of|out\s+of)\s+(?:the\s+)?"
    r"(\d+|[A-Za-z]+(?:-[A-Za-z]+)?)\b"
)


def share_of(text: str) -> str | None:
    """The part of "N of M" / "N out of M" in ``text``, when both are counts.

    >>> share_of("Twenty-one out of 23 missiles"), share_of("one of the X-22 missiles")
    ('Twenty-one', None)
    """
    if "of" not in text:  # (every share has "of", in these letters)
        return None
    for m in _SHARE.finditer(text):
        if _parses(m.group(1)) and _parses(m.group(2)) and m.group(2).casefold() != "them":
            return m.group(1)
    return None


_FAILED = re.compile(r"\b(?:failed|unable)\s+to\b", re.IGNORECASE)


class _CountRules(_ReaderBase):
    """The reader's count rules."""

    __slots__ = ()

    def _count(self, clause: str, before: int, noun: bool = False) -> tuple[str, int] | None:
        """The count phrase ending just before offset ``before`` (fillers skipped).

        With ``noun``, up to two other words (adjectives: "ten Ukrainian
        missiles") may stand between the count and the word.
        """
        tokens = _tokens_before(clause, before)
        j = len(tokens) - 1
        skipped = 0
        extra = 2 if noun else 0
        while j >= 0:
            tok = tokens[j][0]
            if noun and extra < 2 and tok.casefold() == "including":
                return None  # "three killed including a child": the child's count is after it
            if tok == ")" and skipped < 5:
                # "Five people (including two children) were injured": the count is before
                # the parenthesis
                k = j - 1
                while k >= 0 and tokens[k][0] != "(" and j - k <= 8:
                    k -= 1
                if k >= 0 and tokens[k][0] == "(":
                    j = k - 1
                    skipped += 1
                    continue
            if tok == "," and skipped < 5:
                # "Four people, including two children, were killed": the count is before
                # the parenthesis
                k = j - 1
                while k >= 0 and tokens[k][0] != "," and j - k <= 6:
                    k -= 1
                if k >= 0 and tokens[k][0] == "," and tokens[k + 1][0].casefold() == "including":
                    j = k - 1
                    skipped += 1
                    continue
            if (tok.casefold() in self.lex.count_fillers or tok in QUOTES) and skipped < 5:
                skipped += 1
                j -= 1
                continue
            if _parses(tok):
                break
            if skipped and tok.casefold() == "no":
                return "none", tokens[j][1]  # "no soldiers were killed": nobody
            if extra > 0 and tok.isalpha():
                extra -= 1
                j -= 1
                continue
            return None
        if j < 0:
            return None
        # "24 people, including 11 men and 13 women were killed": a list opened by
        # "including" and never closed runs up to the word, and the count is before it
        for i in range(j - 1, max(0, j - 8), -1) if not noun and skipped else ():
            if tokens[i][0] in ",;:":
                break
            if tokens[i][0].casefold() == "including":
                if tokens[i - 1][0] == ",":
                    total = self._count(clause, tokens[i - 1][1], noun)
                    if total is not None:
                        return total
                break
        best = j
        for i in range(j - 1, max(-1, j - 4), -1):
            if tokens[i][0] in ",;:" or tokens[i][0] in QUOTES:
                break
            if _parses(" ".join(t for t, _ in tokens[i : j + 1])):
                best = i
        while best < j and tokens[best][0].casefold() == "the":
            best += 1  # "among the 47 who were injured": the count is 47
        start = tokens[best][1]
        end = tokens[j][1] + len(tokens[j][0])
        return clause[start:end], start

    def _count_after(self, clause: str, after: int) -> tuple[str, int] | None:
        """The count phrase starting just after offset ``after`` ("killing at least 34")."""
        tokens = [(m.group(0), after + m.start()) for m in _TOKEN.finditer(clause[after:])][:5]
        best = None
        for j in range(len(tokens)):
            if tokens[j][0] in ",;:" or tokens[j][0] in QUOTES:
                break
            # the count ends on a number word ("at least 34", not "at least 34 people")
            if _parses(tokens[j][0]) and _parses(" ".join(t for t, _ in tokens[: j + 1])):
                best = j
        if best is None or not tokens:
            return None
        start = tokens[0][1]
        end = tokens[best][1] + len(tokens[best][0])
        return clause[start:end], start

    def _count_findings(self, clause: str) -> list[Finding]:
        if not self._counts:
            return []
        present = self._present
        out: list[Finding] = []
        taken: set[int] = set()
        for rule in self._counts:
            if present.isdisjoint(rule.first_words):
                continue
            hits: list[tuple[tuple[str, int], int, int]] = []
            for m in rule.words.finditer(clause):
                found = self._count(clause, m.start(), rule.noun)
                if (
                    found is None
                    and m.start() >= 3
                    and clause[: m.start()].rstrip().endswith((" no", " No"))
                    or (found is None and clause[: m.start()].strip().casefold() == "no")
                    # "no obvious signs of casualties", "no sign of bodies"
                    or (
                        found is None and _NO_SIGN.search(clause, max(0, m.start() - 60), m.start())
                    )
                ):
                    found = ("none", m.start())  # "there are no casualties"
                if found is not None:
                    hits.append((found, m.start(), m.end()))
            if rule.after is not None:
                for m in rule.after.finditer(clause):
                    found = self._count_after(clause, m.end())
                    if found is not None:
                        hits.append((found, m.start(), m.end()))
            for (text, start), ws, we in hits:
                if start in taken:
                    continue
                if rule.verbs is not None:
                    lo = max(0, min(start, ws) - 60)
                    window = clause[lo : max(start, we) + 60]
                    opened = _opening_paren(clause, min(start, ws))
                    if opened >= 0 and rule.verbs.search(clause[max(0, opened - 60) : opened]):
                        # "20 killed (... including one child), 38 injured": a count in
                        # parentheses is of the words the parenthesis follows
                        lo = max(0, opened - 60)
                        window = clause[lo:opened]
                    verb = rule.verbs.search(window)
                    if not verb:
                        continue
                    if rule.rival_verbs is not None and _nearer(
                        rule.rival_verbs,
                        rule.verbs,
                        window,
                        min(start, ws) - lo,
                        max(start, we) - lo,
                    ):
                        continue  # "17 people, including four children, injured"
                    # "two missiles could not be intercepted": the count is not the verb's
                    before = " ".join(clause[: lo + verb.start()].split()[-3:])
                    if self.lex.negation.search(before) or _FAILED.search(before):
                        continue
                taken.add(start)
                value = "none" if text == "none" else _count_words(text)
                share = share_of(clause[max(0, start - 25) : start + len(text) + 20])
                if share and text != "none":
                    value = share
                for aspect in rule.aspects:
                    out.append(Finding(aspect, value, min(start, ws), max(start + len(text), we)))
        out.sort(key=lambda f: f.start)
        return out

    def may_count(self, clause: str) -> bool:
        """Whether ``clause`` has a word a count rule starts from (a cheap test first)."""
        words = text_words(clause)
        return any(not words.isdisjoint(rule.first_words) for rule in self._counts)


# The count rules look back a dozen tokens at most: a window of this many
# characters before the word holds them, unless the text is unusual.
_LOOK_BACK = 100


_TOKENS_NEEDED = 14


def _tokens_before(clause: str, before: int) -> list[tuple[str, int]]:
    """The tokens of ``clause[:before]`` (text, offset), or at least its last dozen."""
    lo = max(0, before - _LOOK_BACK)
    tokens = [(m.group(0), lo + m.start()) for m in _TOKEN.finditer(clause[lo:before])]
    if lo > 0 and len(tokens) < _TOKENS_NEEDED:
        # the window's first token may be cut; too few whole ones: the whole prefix
        tokens = [(m.group(0), m.start()) for m in _TOKEN.finditer(clause[:before])]
    return tokens


@lru_cache(maxsize=4096)
def _parses(text: str) -> bool:
    try:
        parse_count(text)
    except ValueError:
        return False
    return True


# "no (obvious) signs of", "no indication of any" right before a casualty word: nobody.
_NO_SIGN = re.compile(
    r"\bno\s+(?:(?:obvious|clear|visible|immediate)\s+)?(?:signs?|indications?|evidence)"
    r"\s+of\s+(?:any\s+)?$",
    re.IGNORECASE,
)


def _opening_paren(clause: str, at: int) -> int:
    """The offset of the "(" still open at ``at`` (its ")" after ``at``), or -1."""
    opened = clause.rfind("(", 0, at)
    if opened < 0 or ")" in clause[opened:at] or ")" not in clause[at:]:
        return -1
    return opened


def _count_words(text: str) -> str:
    """The count as written, trimmed of punctuation."""
    return text.strip(" ,;:.")


def _nearer(rivals: Phrases, own: Phrases, window: str, lo: int, hi: int) -> bool:
    """Whether a rival verb stands nearer the count (``window[lo:hi]``) than any own verb."""

    def distance(found: Phrases) -> int:
        gaps = [max(lo - m.end(), m.start() - hi, 0) for m in found.finditer(window)]
        return min(gaps) if gaps else 10**6

    return distance(rivals) < distance(own)
