"""How sure a text is and what evidence it cites: :func:`certainty_of`, :func:`evidence_of`."""

from __future__ import annotations

from claimgraph.extract.lexicon import Lexicon, lexicon

__all__ = ["certainty_of", "evidence_of"]


def certainty_of(text: str, quoted: bool, lex: Lexicon | None = None) -> str:
    """``hedged`` when the speaker hedges, else ``asserted`` (the caller decides ``reported``).

    Distancing words a journalist adds ("allegedly") count only inside the
    speaker's quoted words.

    >>> certainty_of("According to preliminary data, one was hurt", quoted=True)
    'hedged'
    >>> certainty_of("air defence allegedly shot down ten missiles", quoted=False)
    'asserted'
    """
    lex = lex or lexicon()
    if lex.hedge.search(text):
        return "hedged"
    if quoted and lex.journalist_hedge.search(text):
        return "hedged"
    return "asserted"


def evidence_of(text: str, lex: Lexicon | None = None) -> list[str]:
    """Kinds of evidence ``text`` mentions; ``["none"]`` when it says there is none.

    >>> evidence_of("The department did not provide any evidence of this.")
    ['none']
    >>> evidence_of("Residents shared videos and photos")
    ['video', 'photo']
    """
    lex = lex or lexicon()
    kinds = lex.evidence_any.tags(text)
    if "none" in kinds or ("none" in lex.evidence and lex.evidence["none"].search(text)):
        return ["none"]
    return kinds
