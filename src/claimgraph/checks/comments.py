"""Free-text claims whose quote holds a count or a denial an aspect could hold."""

from __future__ import annotations

import re

from claimgraph.model import AspectType, Corpus, Location, Stance
from claimgraph.problems import Report

# A denial in words: a comment that says this is a ``denies`` claim in disguise.
_DENIAL = re.compile(
    r"\b(?:den(?:y|ies|ied|ying|ial)|refut\w*|reject(?:s|ed)?|dismiss(?:es|ed)?"
    r"|not true|never happened|fake|no truth)\b",
    re.IGNORECASE,
)


# Words near a number that make it a figure a count aspect holds (killed,
# injured, missiles shot down, explosions...), not a date or a sum of money.
_COUNTED = re.compile(
    r"\b(?:killed|dead|died|deaths?|injured|wounded|hurt|casualt\w+|victims?|people|persons?"
    r"|civilians?|soldiers?|troops|servicemen|mercenaries|children|missiles?|rockets?"
    r"|drones?|shaheds?|launchers?|aircraft|explosions?|blasts?|shot down|intercepted"
    r"|destroyed|trapped)\b",
    re.IGNORECASE,
)


def comment_findings(quote: str) -> tuple[str | None, str | None]:
    """The first count and the first denial in a comment's quote, if any.

    A count is a number (digits or a number word) with a counted noun or verb
    ("killed", "missiles", "destroyed") within the next four words; years
    and sums of money are not counts.

    >>> comment_findings("The ministry denied it and said 12 launchers were destroyed.")
    ('12', 'denied')
    >>> comment_findings("Checkpoints at the entrance to several villages, $60 billion in aid.")
    (None, None)
    >>> comment_findings("Several dozen people were hurt.")
    ('Several', None)
    """
    from claimgraph.quantities import count_words

    words = count_words()
    count = None
    for match in re.finditer(r"[A-Za-z]+|\d[\d,]*", quote):
        token = match.group()
        if not (token[0].isdigit() or token.lower() in words):
            continue
        if token[0].isdigit() and len(token) == 4 and token[:2] in ("19", "20"):
            continue  # a year
        after = " ".join(quote[match.end() :].split()[:4])
        if _COUNTED.search(after):
            count = token
            break
    denial = _DENIAL.search(quote)
    return count, denial.group() if denial else None


def check_comments(corpus: Corpus, report: Report) -> None:
    """Warn when a free-text claim's quote holds a count or a denial an aspect could hold.

    Text is never compared, so a figure or a denial recorded as a comment is
    lost to the comparison.
    """
    counts = sorted(a.id for a in corpus.aspects.values() if a.type is AspectType.COUNT)
    for claim in corpus.claims.values():
        aspect = corpus.aspects.get(claim.aspect)
        if aspect is None or aspect.type is not AspectType.TEXT:
            continue
        if claim.stance is Stance.DECLINES or not claim.quote.strip():
            continue
        count, denial = comment_findings(claim.quote)
        where = claim.where or Location("?", 0)
        found = []
        if count is not None and counts:
            found.append(
                f"a count ({count!r}) that a count aspect ({', '.join(counts[:4])}) could hold"
            )
        if denial is not None:
            found.append(f"a denial ({denial!r}) that 'stance: denies' on an aspect could hold")
        if found:
            report.add(
                "comment-holds-answer",
                f"claim '{claim.id}' is a {claim.aspect!r} (free text, never compared), "
                f"but its quote carries {' and '.join(found)}",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )
