"""Who says it: attribution cues in a sentence, and speakers resolved to parties.

A :class:`Registry` knows the parties (names and aliases) and aspects of a
claims folder. :func:`find_attribution` finds the cue in one sentence ("X
said that ...", "according to X, ...", '"...," X wrote', "X: '...'") and
splits it into the speaker's words and the content; a :class:`Resolver`
turns the speaker's words into a party, carrying the most recent speaker
forward for pronouns and "the message", "the channel".

The registry is :mod:`claimgraph.extract.registry`, the resolver and its
phrase clean-up :mod:`claimgraph.extract.resolver`; this module finds the cues
and re-exports their names.

>>> from claimgraph.model import Party
>>> reg = Registry.from_parties([Party("mod", "Ministry of Defence", "russia",
...                                    aliases=("Russian Ministry of Defense",))])
>>> att = find_attribution("The Russian Ministry of Defense said that ten missiles were shot down.")
>>> att.speaker, att.content_text
('The Russian Ministry of Defense', 'ten missiles were shot down.')
>>> Resolver(reg).resolve(att.speaker).party
'mod'
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from claimgraph.extract.lexicon import Lexicon, lexicon, text_words
from claimgraph.extract.names import is_speaker_phrase
from claimgraph.extract.registry import _QUOTE_MARKS as _QUOTE_MARKS
from claimgraph.extract.registry import _WORD as _WORD
from claimgraph.extract.registry import Registry as Registry
from claimgraph.extract.registry import find_word as find_word
from claimgraph.extract.registry import norm as norm
from claimgraph.extract.resolver import _ARTICLE as _ARTICLE
from claimgraph.extract.resolver import _CHANNEL_OF as _CHANNEL_OF
from claimgraph.extract.resolver import _CHANNEL_WORDS as _CHANNEL_WORDS
from claimgraph.extract.resolver import _CITING as _CITING
from claimgraph.extract.resolver import _CONJ as _CONJ
from claimgraph.extract.resolver import _INSTITUTION as _INSTITUTION
from claimgraph.extract.resolver import _INTRO_WORDS as _INTRO_WORDS
from claimgraph.extract.resolver import _MESSAGE_ON as _MESSAGE_ON
from claimgraph.extract.resolver import _NAME as _NAME
from claimgraph.extract.resolver import _NAME_FAST as _NAME_FAST
from claimgraph.extract.resolver import _NOTE_THAT as _NOTE_THAT
from claimgraph.extract.resolver import _OWNER_CHANNEL as _OWNER_CHANNEL
from claimgraph.extract.resolver import _SUBORDINATE as _SUBORDINATE
from claimgraph.extract.resolver import _TRAILERS as _TRAILERS
from claimgraph.extract.resolver import Resolver as Resolver
from claimgraph.extract.resolver import Speaker as Speaker
from claimgraph.extract.resolver import _name_at_end as _name_at_end
from claimgraph.extract.resolver import _person as _person
from claimgraph.extract.resolver import _unknown_name as _unknown_name
from claimgraph.extract.resolver import clean_subject as clean_subject
from claimgraph.extract.resolver import owner_of as owner_of
from claimgraph.extract.sentences import _QUOTE_MARK, CLOSING, OPENING, _quote_role

__all__ = ["Attribution", "Registry", "Resolver", "Speaker", "find_attribution", "norm"]

# Words that, just before a speech verb, show it is a noun ("reports from").
_NOUN_BEFORE = frozenset(
    "a an the by of from these those their his her its in on with to for and our your "
    "such this that recent earlier latest new".split()
)
# Auxiliaries that make a following participle passive ("was posted").
_AUX = frozenset("was were is are be been being".split())
# First words of a speaker phrase after the verb (", said the governor").
_SPEAKER_START = frozenset("the a an his her their its he she they local regional".split())
_TITLE_WORDS = re.compile(
    r"^(?:the\s+)?(?:(?:occupying|russian-appointed|regional|local|former|acting|deputy|"
    r"head|mayor|governor|minister|spokesman|spokeswoman|spokesperson|adviser|advisor|"
    r"chief|commander|president|prime|secretary|chairman|director|general|colonel|"
    r"national|security|american|ukrainian|russian|defence|defense|foreign|interior|"
    r"of|the|to|and|\"|“|”)\s+)+",
    re.IGNORECASE,
)
# An apposition after a name: "a senior Russian-installed official in Donetsk", "the mayor"
_APPOSITION = re.compile(r"(?:(?:a|an|the)\s+)?[a-z]")
_FROM_WHOM = re.compile(
    r"\s+(?:from|by)\s+((?:the\s+)?[A-Z][^,.;:]{0,60}?)(?=\s+(?:to|on|about|over|regarding)\b|[,.;:]|$)"
)
_THERE_WAS = re.compile(
    r"(?:there(?:\s+(?:was|were|has\s+been|have\s+been|is|are))?|)", re.IGNORECASE
)
_AUX_TAIL = re.compile(r"(?:\s+(?:has|have|had|also|later|earlier|previously|then))+$")
# (the words of _AUX_TAIL: it can match only a text ending with one of them)
_AUX_TAIL_WORDS = ("has", "have", "had", "also", "later", "earlier", "previously", "then")


def _without_aux_tail(text: str) -> str:
    """``_AUX_TAIL.sub("", text)``: "the mayor has also" -> "the mayor"; the regex is run
    only on a text ending with one of its words (before a final newline, as ``$`` allows)."""
    if not (text[:-1] if text.endswith("\n") else text).endswith(_AUX_TAIL_WORDS):
        return text
    return _AUX_TAIL.sub("", text)


_OPENS_QUOTE = re.compile(rf"\s*[{OPENING}]")
_COLON_QUOTE = re.compile(rf"\s*([^:{OPENING}{CLOSING}]{{2,80}}):\s*[{OPENING}]")
_PUNCT = re.compile(r"[,.;]")
_ACCORDING_WHO = re.compile(r"([^,.;:]+?)(?=\s*(?:,|\.|;|:|$|\bthat\b))")
_WHO_ADDED = re.compile(r",\s*who\s+(?:also\s+|later\s+)?(?P<v>\w+)\s")
_RELATIVE_START = re.compile(r"(?:whom|which|who)\b", re.IGNORECASE)
_RELATIVE = re.compile(r"(?<!\w)(?:which|who|whom)(?!\w)", re.IGNORECASE)
_DECLINE_AUX = re.compile(
    r"\s+(?:are|is|was|were|have|has|had|also|still|so\s+far|yet)\s*$", re.IGNORECASE
)
_DECLINE_AUX2 = re.compile(r"\s+(?:are|is|was|were|have|has|had)\s*$", re.IGNORECASE)
_BY_AGENT = re.compile(r"\s+by\s+((?:\S+\s+){0,7}\S+)")
_THAT_OR_END = re.compile(r"\s*(?:that\b|,|$)")
_CLAUSE_END = re.compile(r"\s*(?:[,.;]|$)")
# A headline's speaker after a dash at its end: "..., two civilians killed - Saldo".
_DASH_SPEAKER = re.compile(r"\s[-–—]\s+((?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$")
# "Videos published on social media show ...": the platform the evidence is on.
# (The words after it, to a comma: the registry finds the platform's name in them.)
_ON_PLATFORM = re.compile(r"\s+(?:on|in)\s+((?:[\w'’-]+\s+){0,4}[\w'’-]+)")
_PUBLISHED = frozenset({"published", "posted", "shared", "circulated", "uploaded"})
_ANAPHOR_TAIL = re.compile(r"\s*(?:on|in|during|at|from|to|via|while|when|alongside|referring)\b")
_ADVERBIAL_TAIL = re.compile(
    r"\s*(?i:on|in|at|late|early|this|last|during|as\s+of|earlier|later|overnight|yesterday|today"
    r"|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b[^,;:]{0,64}[.!]?\s*"
)


@dataclass(slots=True)
class Attribution:
    """The attribution cue of one sentence.

    ``speaker`` is the speaker's words ("" for an agentless cue, or a
    pronoun to carry forward); ``content`` the character range of what is
    attributed, relative to the sentence.
    """

    text: str
    speaker: str
    content: tuple[int, int]
    cue: str
    verb: str = ""
    second_hand: bool = False
    recipient: str = ""  # "X told *the channel Baza* that ...": who was told
    denies: bool = False  # the content is a claim the speaker calls false

    def __post_init__(self) -> None:
        self.speaker = self.speaker.strip(" ,;:")

    @property
    def content_text(self) -> str:
        return self.text[self.content[0] : self.content[1]].strip()


_SINGLE_MARKS = frozenset("‘’'‚‹›")


def _closing_quote(text: str, i: int) -> int:
    """Index of the mark closing the quotation opened at ``i``, or -1 (the marks from ``i``
    on, found by the regex)."""
    depth = 0
    # a double mark is closed by a double one ("the officers’ residence": an apostrophe)
    double = i < len(text) and text[i] not in _SINGLE_MARKS
    for m in _QUOTE_MARK.finditer(text, i):
        j = m.start()
        if double and text[j] in _SINGLE_MARKS:
            continue
        role = _quote_role(text, j, depth)
        if role > 0:
            depth += 1
        elif role < 0 and depth > 0:
            depth -= 1
            if depth == 0:
                return j
    return -1


_ACCORDING = re.compile(
    r"(?<!\w)(?:according\s+to|as\s+(?:reported|stated|said)\s+by|in\s+the\s+words\s+of)\s+",
    re.IGNORECASE,
)
_AS_REPORTED = re.compile(
    r"^\s*(?:\w+\s*,\s*)?as\s+(?P<x>[^,]{2,80}?)\s+(?:\w+\s+)?(?P<v>\w+)\s*,", re.IGNORECASE
)
_THAT = re.compile(r"(?<!\w)that(?!\w)", re.IGNORECASE)
_REPORTED_BY = re.compile(
    r"\s*(?P<it>this|it|that|the\s+news|this\s+information|such\s+(?:a\s+)?(?:message|statement|"
    r"report|information))\s+(?:was|were|has\s+been|is)\s+"
    r"(?P<v>reported|announced|stated|said|confirmed|written|published|posted|issued)\s+"
    # "... by X", "... in the statement of X" (", the agency reports" after it is the outlet's)
    r"(?:by|in\s+(?:the|a|an|its|their)\s+(?:\w+\s+)?(?:statement|message|post|report|address|"
    r"announcement|communique|release)\s+(?:of|by|from))\s+"
    r"(?P<x>[^;:,]{2,120}?)\s*(?:,[^.;:,]{0,40})?[.!]?\s*$",
    re.IGNORECASE,
)
_RELAYING = re.compile(
    r"\s+(?:with\s+(?:a\s+)?reference\s+to|citing|referring\s+to|quoting)\s+(?P<y>.+)$",
    re.IGNORECASE,
)
_QUOTED_AS = re.compile(
    r"\b(?:quoted|cited)\s+(?P<y>[^,;:.]{2,80}?)\s+as\s+"
    r"(?:saying|stating|arguing|claiming|insisting|alleging|telling\s+\S+)\s*"
    r"(?:(?:(?:earlier|later)\s+)?(?:on\s+\w+\s+)?)?(?:that\s+)?",
    re.IGNORECASE,
)


# ", 45, " after a letter; the comma first (then the letter behind it), so that the
# regex engine can skip to commas: the same matches as (?<=[^\W\d_]),[ \t]*\d{1,3},(?=[ \t])
_AGE = re.compile(r",(?<=[^\W\d_],)[ \t]*\d{1,3},(?=[ \t])")


def find_attribution(
    sentence: str, lex: Lexicon | None = None, *, headline: bool = False
) -> Attribution | None:
    """The attribution cue of ``sentence``, or None when it attributes nothing.

    ``headline``: the sentence is the report's first (a headline may name its
    speaker after a dash at the end).

    >>> a = find_attribution('"It was a drone," the governor said.')
    >>> a.speaker, a.content_text, a.cue
    ('the governor', 'It was a drone,', 'quote')
    >>> a = find_attribution("Ten people were injured, said governor Oleg Synegubov.")
    >>> a.speaker, a.content_text
    ('governor Oleg Synegubov', 'Ten people were injured')
    >>> find_attribution("According to him, air defence worked.").speaker
    'him'
    >>> find_attribution("The sky was clear.") is None
    True
    """
    lex = lex or lexicon()
    # a person's age in apposition ("Olga Petrenko, 45, said") is no speaker of its own:
    # blanked here (same length, so the content's offsets are the sentence's)
    text = _AGE.sub(lambda m: " " * len(m.group(0)), sentence) if "," in sentence else sentence
    present = text_words(text)
    firsts = lex.firsts
    second = not present.isdisjoint(firsts["second_hand"]) and bool(lex.second_hand.search(text))

    # '"...," X said.' — the quotation first, the speaker after it.
    m = _OPENS_QUOTE.match(text)
    if m:
        close = _closing_quote(text, m.end() - 1)
        if close > 0:
            rest = text[close + 1 :]
            v = lex.speech_verb.search(rest)
            who = rest[: v.start()].strip(" ,.") if v else ""
            # (a name with its apposition may run longer: "X, a spokesman for ...,")
            longest = 16 if "," in who else 10
            if v and len(who.split()) <= longest and who != "":
                return Attribution(
                    text,
                    rest[: v.start()].strip(" ,."),
                    (m.end(), close),
                    "quote",
                    v.group(1),
                    second,
                )
            if v and rest[: v.start()].strip(" ,.") == "":
                after = rest[v.end() :]
                who = _PUNCT.split(after, maxsplit=1)[0]
                return Attribution(text, who.strip(), (m.end(), close), "quote", v.group(1), second)

    # 'X: "..."'
    m = _COLON_QUOTE.match(text) if ":" in text else None
    if m and len(m.group(1).split()) <= 10:
        return Attribution(
            text, _without_verb(m.group(1), lex), (m.end(), len(text)), "colon", "", second
        )

    # A headline: "..., two civilians killed - Saldo" (no full stop at the end;
    # below the headline such a line is more likely a photo caption's credit).
    m = _DASH_SPEAKER.search(text) if headline else None
    if m and text.rstrip()[-1:] not in '.!?…"”»' and len(text[: m.start()].split()) >= 3:
        return Attribution(text, m.group(1), (0, m.start()), "verb", "", second)

    # "according to X, ..." / "..., according to X."
    # (each form needs its words: "according", "as ... by", "words")
    m = (
        _ACCORDING.search(text)
        if "according" in present or "words" in present or ("as" in present and "by" in present)
        else None
    )
    if m:
        tail = text[m.end() :]
        x = _ACCORDING_WHO.match(tail)
        who = x.group(1) if x else ""
        end_x = m.end() + (x.end() if x else 0)
        before = text[: m.start()]
        if " ".join(who.casefold().split()) in lex.official_data:
            who = "officials"  # "according to official data": the officials of the place
        if who and not _RELATIVE_START.match(tail) and not is_speaker_phrase(clean_subject(who)):
            # "according to the latest reports, ..., as reported by BELTA": no speaker here
            who = ""
            m = None
    if m:
        if _RELATIVE_START.match(tail):
            return Attribution(text, "he", (0, len(text)), "according-to", "", second)
        # (a list's bullet before it is nothing: "- According to the ministry, ...")
        if who and not before.strip(" ,-–—•*") or _only_intro(before):
            start = end_x
            while start < len(text) and text[start] in " ,":
                start += 1
            inner = _inner_speaker(text, start, lex)
            if inner is not None:
                return inner
            return Attribution(text, who, (start, len(text)), "according-to", "", second)
        if who:
            # "The mayor said there were no casualties, according to Reuters": the mayor
            # speaks, second-hand (but "Russia claimed ..., according to a statement from
            # the ministry": the ministry, named more exactly than a country)
            by = _REPORTED_BY.match(before.rstrip(" ,"))
            if by is not None:  # "Such a message was published by X, according to Y": X's
                return Attribution(
                    text, by.group("x"), (0, by.end("it")), "reported-by", by.group("v"), True
                )
            inner = _inner_speaker(before.rstrip(" ,"), 0, lex)
            if inner is not None:
                return Attribution(text, inner.speaker, inner.content, "verb", inner.verb, True)
            return Attribution(text, who, (0, len(before.rstrip(" ,"))), "according-to", "", second)

    # "as X reported, ..."
    m = _AS_REPORTED.match(text)
    if m and lex.speech_verb.fullmatch(m.group("v")):
        return Attribution(
            text, m.group("x"), (m.end(), len(text)), "as-reported", m.group("v"), second
        )

    # Silence: "X have not yet commented", "X are in no hurry to comment".
    m = lex.decline.search(text) if not present.isdisjoint(firsts["declines"]) else None
    if m:
        subject = _DECLINE_AUX.sub("", text[: m.start()])
        subject = _DECLINE_AUX2.sub("", subject)
        # "There was no immediate response from Kyiv": the one named after "from"
        source = _FROM_WHOM.match(text, m.end())
        if source is not None and _THERE_WAS.fullmatch(subject.strip()):
            subject = source.group(1)
        return Attribution(text, subject, (0, len(text)), "declines", m.group(0), second)

    # "This was reported by the head of the regional administration X.": X said the above.
    m = _REPORTED_BY.match(text) if "by" in present or "in" in present else None
    if m:
        # "... reported by Censor.NET with reference to the channel of the city council":
        # the council said it, relayed
        relayed = _RELAYING.search(m.group("x"))
        if relayed is not None:
            return Attribution(
                text, relayed.group("y"), (0, m.end("it")), "reported-by", m.group("v"), True
            )
        return Attribution(
            text, m.group("x"), (0, m.end("it")), "reported-by", m.group("v"), second
        )

    # "Interfax quoted the ministry as saying (that) ...": the one quoted speaks, second-hand.
    m = _QUOTED_AS.search(text) if "quoted" in present or "cited" in present else None
    if m:
        return Attribution(text, m.group("y"), (m.end(), len(text)), "verb", "said", True)

    # "AFP correspondents on the ground saw ...": the outlet's own eyes.
    m = lex.witnessed.match(text) if not present.isdisjoint(firsts["witness_verbs"]) else None
    if m:
        return Attribution(
            text, m.group("x"), (m.end(), len(text)), "witness", m.group("v"), second
        )

    # "X dismissed Moscow's claim that ...": what the claim says, denied by X.
    m = lex.denied_claim.match(text) if not present.isdisjoint(lex.denial_verbs) else None
    if m and is_speaker_phrase(clean_subject(m.group("x"))):
        return Attribution(text, m.group("x"), (m.end(), len(text)), "verb", m.group("v"), second)

    # "The ministry put the death toll at 12": a toll given without a speech verb.
    m = lex.toll_report.search(text) if not present.isdisjoint(firsts["toll_nouns"]) else None

    # "X said (that) ...", "..., X said", "..., said X".
    for v in lex.speech_verb.finditer(text):
        if m is not None and m.start() < v.start() and v.group(1).casefold().endswith("ing"):
            break  # "Rescuers updated the death toll to 23, saying ...": the toll's subject
        att = _verb_attribution(text, v, lex, second)
        if att is not None:
            return _called_false(att, lex)

    if m:
        subject = _without_aux_tail(text[: m.start()].rstrip())
        if 0 < len(clean_subject(subject).split()) <= 10:
            return Attribution(text, subject, (m.start("noun"), len(text)), "verb", "", second)

    # "X's statement says", "the message says" are covered above; agentless passives:
    if not present.isdisjoint(firsts["passive_cues"]) and lex.passive.search(text):
        return Attribution(text, "", (0, len(text)), "passive", "", True)
    return None


def _called_false(att: Attribution, lex: Lexicon) -> Attribution:
    """ "X said the claim that 600 were killed was a lie": X denies that 600 were killed."""
    # (it needs a claim noun and "that": most sentences have neither)
    words = text_words(att.text)
    if "that" not in words or words.isdisjoint(lex.firsts["claim_nouns"]):
        return att
    lo, hi = att.content
    m = lex.claim_called_false.match(att.text, lo, hi)
    if m is None:
        return att
    return replace(att, content=(m.start("inner"), m.end("inner")), denies=True)


_LAST_PREPOSITION = re.compile(
    r".*\b(?:by|to|from|with|cited|quoted)\s+", re.IGNORECASE | re.DOTALL
)


def _antecedent(before: str) -> str:
    """The person a ", who said" clause is about: "remarks by Ann Lee, an adviser," gives
    "Ann Lee, an adviser"; "" when the words before the comma name no one."""
    text = before.rstrip()
    if not text.endswith(","):
        return ""
    parts = text[:-1].split(",")
    last = parts[-1].strip()
    named = _name_at_end(parts[-2].rstrip() + " ") if len(parts) >= 2 else None
    if named is not None and _APPOSITION.match(last):
        return f"{named.group(1)}, {last}"
    name = _name_at_end(last + " ")
    if name is not None and (len(parts) > 1 or name.start() > 0):
        return name.group(1)
    m = _LAST_PREPOSITION.match(last)
    if m is None:
        return ""  # the sentence's own subject ("Residents, who said ..., fled"): not here
    who = last[m.end() :]
    head = who[4:] if who.casefold().startswith("the ") else who
    if not head[:1].isupper() or len(who.split()) > 5 or not is_speaker_phrase(who):
        return ""
    return who


def _inner_speaker(text: str, start: int, lex: Lexicon) -> Attribution | None:
    """The speaker quoted inside what an outlet relays ("According to Reuters, local
    officials said ...", "The mayor said ..., according to Reuters"): the first speech
    verb of ``text[start:]`` and its subject, second-hand; None when there is none, or the
    subject is only a country or capital (then the relaying source names it more exactly).
    """
    words = text[start:]
    for v in lex.speech_verb.finditer(words):
        att = _verb_attribution(words, v, lex, True)
        if (
            att is None
            or att.cue != "verb"
            or not att.speaker
            or lex.is_country_speaker(clean_subject(att.speaker))
            # "According to X, the available information indicated ...": X still speaks
            or not is_speaker_phrase(clean_subject(att.speaker))
        ):
            return None
        lo, hi = att.content
        return Attribution(text, att.speaker, (start + lo, start + hi), "verb", att.verb, True)
    return None


def _only_intro(before: str) -> bool:
    words = before.strip(" ,").split()
    return 0 < len(words) <= 4 and words[0].casefold() in _INTRO_WORDS


_TOLD = frozenset({"told", "tells", "tell"})
_NAMING_VERBS = frozenset({"called", "calls", "described", "describes", "termed", "dubbed"})
_WHAT = re.compile(r"\bwhat\s+")
# ", with X" before a participle of speech: X is the speaker ("with the ministry saying").
_WITH_SPEAKER = re.compile(r",\s+with\s+((?:[\w’'.-]+\s+){0,7}[\w’'.-]+)\s*$")
_LEADING_THAT = re.compile(r"\s*that\b", re.IGNORECASE)
# A comma and a participle after the words: the journalist's own clause ("..., marking").
_NEXT_PARTICIPLE = re.compile(r",\s+\w+ing\b")
# A second verb of the speaker's before "that" ("... and repeated", "... and also stressed").
_SECOND_VERB = re.compile(r"\band\s+(?:also\s+)?\w+ed\s*$", re.IGNORECASE)
# The start of a clause after "told X" without "that" ("told the BBC there were ...").
_CLAUSE_START = re.compile(r"\b(?:there|it|he|she|they|we|this|these|those)\s")
_GERUND_OR_TO = re.compile(r"\s+(?:to\s|\w+ing\b)", re.IGNORECASE)


def _title_like(text: str) -> bool:
    """Whether ``text`` reads as a title in apposition: lower case, ten words at most, and
    no clause ("the mayor of the city", not "were injured" in "144, including 15
    children, were injured, X said")."""
    words = text.split()
    return bool(words) and words[0][:1].islower() and len(words) <= 10 and words[0] not in _AUX


def _without_verb(who: str, lex: Lexicon) -> str:
    """The speaker before a colon without its verb and adverbs ("The organiser later
    added: ..." is the organiser's)."""
    words = who.split()
    if len(words) < 2 or not lex.speech_verb.fullmatch(words[-1].casefold()):
        return who
    words.pop()
    while len(words) > 1 and words[-1].casefold() in _AUX_TAIL_WORDS:
        words.pop()
    return " ".join(words)


def _told_tail(after: str) -> bool:
    """Whether the words after "told" are only who was told (up to five words, no speech
    verb or "that"), then the end of the clause or a short adverbial: "told AFP.", "told the
    BBC on Monday.", "told state news agency Ukrinform, adding ..."."""
    words = after.split(maxsplit=5)
    for k in range(1, min(5, len(words)) + 1):
        told = words[:k]
        if told[-1].casefold().strip(",.;!") in ("that", "of", "about"):
            return False
        if told[-1][-1:] in ",.;!":
            return True
        rest = words[k] if k < len(words) else ""
        if k == len(words) or _ADVERBIAL_TAIL.fullmatch(" " + " ".join(words[k:])) and rest:
            return True
    return False


def _verb_attribution(
    text: str, v: re.Match[str], lex: Lexicon, second: bool
) -> Attribution | None:
    before = text[: v.start()]
    after = text[v.end() :]
    # the last three words before the verb are all that is looked at (and how many there are)
    split = before.split()
    many = len(split)
    prev_words = [w.casefold().strip(",") for w in split[-3:]]
    prev = prev_words[-1] if prev_words else ""
    # ("the earlier report" is a noun; "the mayor earlier said" an adverb and a past tense)
    verb = v.group(1).casefold()
    if v.group(1)[:1].isupper() and lex.verb_name.search(before):
        return None  # "the United States said": "States" is no verb
    if verb in lex.noun_verbs:
        follower = after.split(maxsplit=1)[:1]
        if follower and follower[0].casefold().strip(",") in lex.noun_verb_followers:
            return None  # "Competing claims emerged", "Preliminary reports indicate"
    if verb.endswith("ing") and ", with " in before:
        # "..., with Russia's Defense Ministry claiming it shot down 337 drones": the one
        # named after "with" says what follows the participle
        w = _WITH_SPEAKER.search(before)
        if w is not None and is_speaker_phrase(clean_subject(w.group(1))):
            start = v.end()
            t = _LEADING_THAT.match(after)
            if t is not None:
                start += t.end()
            rest = _NEXT_PARTICIPLE.search(text, start)
            end = rest.start() if rest is not None else len(text)
            if text[start:end].strip(" .,"):
                return Attribution(text, w.group(1), (start, end), "verb", v.group(1), second)
    if verb in lex.act_verbs and lex.act_object.match(after):
        return None  # "declared three days of mourning": an act, not a statement
    if verb in lex.aspectual_verbs and _GERUND_OR_TO.match(after):
        return None  # "the troops continued shelling the city": no statement
    past = verb.endswith("ed") or verb in ("said", "told", "wrote")
    after_noun = many > 1 and prev_words[-2] not in _NOUN_BEFORE
    if (
        prev in _NOUN_BEFORE
        and not before.rstrip().endswith(",")
        and not (prev == "earlier" and past and after_noun)
    ):
        return None
    # "rose from an initially reported 22": a participle after an article and an adverb
    # is an adjective, no verb
    if len(prev_words) >= 2 and prev.endswith("ly") and prev_words[-2] in ("a", "an", "the"):
        return None
    # "footage was posted", "was said to": a passive names no speaker here.
    aux = [w for w in prev_words[-3:] if w not in _TRAILERS or w in _AUX]
    if aux and aux[-1] in _AUX:
        return None
    # "Videos published on social media show ...": the platform is the source.
    if v.group(1).casefold() in _PUBLISHED and prev_words and lex.evidence_any.tags(before):
        on = _ON_PLATFORM.match(after)
        if many <= 3 and on:
            return Attribution(text, on.group(1), (0, len(text)), "by-agent", v.group(1), True)
    # "Photos published by the occupation authorities": the agent speaks.
    by = _BY_AGENT.match(after)
    if by and prev not in _AUX and not before.rstrip().endswith(","):
        return Attribution(text, by.group(1), (0, len(text)), "by-agent", v.group(1), second)
    # ", said X." — the verb right after a comma, the speaker after it.
    inverted = v.group(1).casefold() in lex.inverted_verbs
    if inverted and before.rstrip().endswith(",") and not _THAT_OR_END.match(after):
        who = _PUNCT.split(after, maxsplit=1)[0]
        first = who.split()[0] if who.split() else ""
        words = who.split()
        speakerlike = (
            any(w[:1].isupper() for w in words)
            or first.casefold() in _SPEAKER_START
            # ", said officials", ", said local police": a group by its noun alone
            or (0 < len(words) <= 3 and words[-1].casefold() in lex.group_speakers)
        )
        if (
            speakerlike
            and 0 < len(who.split()) <= 8
            and not lex.speech_verb.search(who)
            and is_speaker_phrase(who)  # "X, the governor, said the port was damaged"
        ):
            end = len(before.rstrip().rstrip(","))
            # "..., said officials, who added that three missiles hit": the speaker's words
            # run on after the relative clause, so the whole sentence is theirs
            added = _WHO_ADDED.match(after, len(who))
            if added and lex.speech_verb.fullmatch(added.group("v")):
                end = len(text)
            return Attribution(text, who.strip(), (0, end), "verb", v.group(1), second)
    # Relative clause: "..., which the Russian army says it is repelling".
    # (which, who and whom all hold "wh", in any case)
    rel = list(_RELATIVE.finditer(before)) if "wh" in before.lower() else []
    if rel and "," not in before[rel[-1].end() :]:
        subject = before[rel[-1].end() :]
        cleaned = clean_subject(subject)
        if 0 < len(cleaned.split()) <= 8:
            # the words are the relative clause: "which the army says it is repelling"
            stop = text.find(",", v.end())
            end = stop if stop > 0 else len(text)
            return Attribution(text, subject, (rel[-1].start(), end), "verb", v.group(1), second)
        who = _antecedent(before[: rel[-1].start()]) if not cleaned else ""
        if who and rel[-1].group(0).casefold() == "who":
            # "remarks by X, an adviser, who said on air that ...": X says what follows
            start = v.end()
            t = _THAT.search(after)
            gap = after[: t.start()] if t else ""
            if t and len(gap.split()) <= 12 and not lex.speech_verb.search(gap):
                start = v.end() + t.end()
            while start < len(text) and text[start] in " ,:":
                start += 1
            if start < len(text.rstrip(" .")):
                return Attribution(text, who, (start, len(text)), "verb", v.group(1), second)
        return None
    subject = before
    if rel:
        # a closed parenthetical ", who has just been reappointed," is no part of the name
        r = rel[-1]
        # (the comma that closes it is followed by a space: not the one in "600,000")
        close = next((i for i in range(r.end(), len(before)) if before.startswith(", ", i)), -1)
        if close < 0:
            close = before.index(",", r.end())
        subject = before[: r.start()] + before[close + 1 :]
    # "..., X said." / "..., X said, referring to ..." — post-posed attribution.
    b = _without_aux_tail(before.rstrip())  # "..., Denis Pushilin, ..., has said."
    if b.endswith(","):
        b = b[:-1]  # "..., the mayor of the city, Alexei Kulemzin, said."
    cut = b.rfind(",")
    if cut > 0 and _NAME.fullmatch(b[cut + 1 :].strip()):
        # an apposition: "the Russian-installed mayor of the city, Alexei Kulemzin"
        prev_cut = b.rfind(",", 0, cut)
        if prev_cut > 0 and _title_like(b[prev_cut + 1 : cut]):
            cut = prev_cut
    elif cut > 0 and _APPOSITION.match(b[cut + 1 :].strip()):
        # "..., Daniil Bezsonov, a senior Russian-installed official in Donetsk, said."
        prev_cut = b.rfind(",", 0, cut)
        if prev_cut > 0 and _NAME.fullmatch(b[prev_cut + 1 : cut].strip()):
            cut = prev_cut
        elif prev_cut > 0:
            # a second apposition: "..., Sergiy Cherevaty, the spokesman for the eastern
            # command, a level above the group, told AFP."
            before_cut = b.rfind(",", 0, prev_cut)
            if (
                before_cut > 0
                and _title_like(b[prev_cut + 1 : cut])
                and _NAME.fullmatch(b[before_cut + 1 : prev_cut].strip())
            ):
                cut = before_cut
    if cut > 0:
        tail = b[cut + 1 :]
        # (a name with its apposition may run longer)
        longest = 16 if "," in tail else 8
        tail_ok = 0 < len(tail.split()) <= longest and not lex.speech_verb.search(tail)
        ends = (
            _CLAUSE_END.match(after)
            or (norm(clean_subject(tail)) in lex.anaphora and _ANAPHOR_TAIL.match(after))
            # "..., local officials said on Monday." — a short adverbial to the end
            or _ADVERBIAL_TAIL.fullmatch(after)
            # "..., Sergiy Cherevaty told AFP (on Monday)." — who was told, then the end
            or (verb in _TOLD and _told_tail(after))
        )
        content_words = len(b[:cut].split())
        if (
            tail_ok
            and ends
            and not _THAT.match(after.strip())
            and content_words >= 2
            and not _only_intro(b[:cut])
            # "Writing on Telegram, Gladkov said that ...": a leading clause is no content
            and b[:cut].split(maxsplit=1)[0].casefold() not in lex.leading_clause_words
        ):
            return Attribution(
                text, tail, (0, len(before[:cut].rstrip(" ,"))), "verb", v.group(1), second
            )
    # "While blaming Russia for the strike, he said ...": the clause before the comma is
    # no part of the speaker
    first_word = subject.split(maxsplit=1)[0].casefold() if subject.strip() else ""
    if first_word in lex.leading_clause_words and ", " in subject:
        subject = subject[subject.rindex(", ") + 2 :]
    cleaned = clean_subject(subject)
    n = len(cleaned.split())
    # "It said that ...": the institution just quoted (the resolver carries it), not "it is said"
    institution = norm(cleaned) == "it" and norm(subject) in ("it", "it also")
    if n == 0 or n > 14 or (norm(cleaned) in lex.not_speakers and not institution):
        return None
    # "The missile hit what X called an ordinary residential building": X says what was hit,
    # so X's words are the whole sentence
    what = _WHAT.search(subject) if verb in _NAMING_VERBS else None
    if what is not None and what.start() > 0:
        return Attribution(text, subject[what.end() :], (0, len(text)), "verb", v.group(1), second)
    # "X said (on his Telegram channel) that ...": content after "that" if near.
    start = v.end()
    # ("claimed there have been no strikes in that city": a clause at once, and its "that"
    # a determiner)
    t = _THAT.search(after) if not _CLAUSE_START.match(after.lstrip()) else None
    gap = after[: t.start()] if t else ""
    if (
        t
        and len(gap.split()) <= 10
        and "." not in gap
        and not lex.speech_verb.search(gap)
        # "insisted Russia was striking X and repeated that ...": the words before "that"
        # are a statement of their own
        and not _SECOND_VERB.search(gap)
    ):
        start = v.end() + t.end()
    elif verb in _TOLD:
        # "X told the BBC (on Thursday) there were ...": who was told, then the words
        c = _CLAUSE_START.search(after)
        if (
            c is not None
            and 0 < len(after[: c.start()].split()) <= 6
            and "," not in after[: c.start()]
        ):
            gap = after[: c.start()]
            start = v.end() + c.start()
    while start < len(text) and text[start] in " ,:":
        start += 1
    told = gap.strip(" ,") if start > v.end() else ""
    if start >= len(text.rstrip(" .")):
        return Attribution(text, subject, (0, len(text)), "verb", v.group(1), second, told)
    return Attribution(text, subject, (start, len(text)), "verb", v.group(1), second, told)
