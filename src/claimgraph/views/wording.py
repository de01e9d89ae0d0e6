"""The words both views of a report use: status names and explanations, dates,
display names, counts in words, the status line's counts and the corroboration
kind, and the claim marks they rest on (contradicted, superseded).

The Markdown report (:mod:`claimgraph.views.markdown`) and the HTML site
(:mod:`claimgraph.views.html`) take them from here, each escaping for its own
format (``escape=`` where a phrase embeds names), so the two pages say the
same thing in the same words.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date, datetime

from claimgraph.analysis.assess import (
    STATUS_ORDER,
    Assessment,
    EventAssessment,
    PositionAssessment,
    QuestionAssessment,
    outlet_of,
)
from claimgraph.model import Claim, Corpus, Event, Stance
from claimgraph.views.escape import one_line

__all__ = [
    "QUESTION_WORDS",
    "RECORD_COLUMNS",
    "STATUS_EXPLAINED",
    "STATUS_WORDS",
    "Names",
    "contested_tail",
    "contradicted",
    "corroboration_kind",
    "cross_links",
    "event_counts",
    "event_outlets",
    "event_when",
    "event_where",
    "format_date",
    "holders",
    "is_superseded",
    "ordered_questions",
    "plural",
    "question_status",
    "short_date",
    "silence_entries",
    "zone",
]


def _as_is(text: str) -> str:
    return text


_MONTHS = (
    "January February March April May June July August September October November December"
).split()

STATUS_WORDS = {
    "contested": "Contested",
    "divergent": "Divergent",
    "not-compared": "Not cross-checked",
    "one-party": "One party only",
    "agreed": "Agreed",
    "unanswered": "Unanswered",
}

# A question's status in the table; "one-party" is one party's answer, not one report.
QUESTION_WORDS = {**STATUS_WORDS, "one-party": "One party"}

STATUS_EXPLAINED = {
    "contested": "the parties' accounts contradict each other",
    "divergent": "the accounts differ but do not contradict each other",
    "not-compared": "several parties spoke, but no two answered the same question, "
    "so nothing is cross-checked",
    "one-party": "only one party answered, so nothing is cross-checked",
    "agreed": "the parties who answered agree",
    "unanswered": "no party has answered; there are only refusals to comment",
}


def format_date(when: date | datetime | None) -> str:
    """A date in words, independent of the locale; a time is kept as HH:MM.

    >>> format_date(date(2023, 3, 20))
    '20 March 2023'
    >>> format_date(datetime(2024, 1, 4, 7, 30))
    '4 January 2024, 07:30'
    >>> format_date(None)
    'undated'
    """
    if when is None:
        return "undated"
    text = f"{when.day} {_MONTHS[when.month - 1]} {when.year}"
    if isinstance(when, datetime):
        text += f", {when:%H:%M}{zone(when)}"
    return text


def short_date(when: date | datetime | None) -> str:
    """A date as ``YYYY-MM-DD``; a time as ``HH:MM`` with its zone when it has one.

    >>> from datetime import timedelta, timezone
    >>> short_date(datetime(2023, 3, 20, 18, 30, tzinfo=timezone(timedelta(hours=3))))
    '2023-03-20 18:30+03:00'
    >>> short_date(datetime(2023, 3, 20, 18, 30, tzinfo=timezone.utc))
    '2023-03-20 18:30Z'
    >>> short_date(datetime(2023, 3, 20, 18, 30))
    '2023-03-20 18:30'
    """
    if when is None:
        return ""
    if isinstance(when, datetime):
        return when.strftime("%Y-%m-%d %H:%M") + zone(when)
    return when.isoformat()


def zone(when: datetime) -> str:
    """A time's zone as written after it: ``Z``, ``+03:00``, or nothing when naive."""
    offset = when.utcoffset()
    if offset is None:
        return ""
    if not offset:
        return "Z"
    text = when.isoformat()
    return text[-6:] if text[-6] in "+-" else when.strftime("%z")


def event_when(event: Event) -> str:
    """An event's date, or its span.

    >>> event_when(Event("e", "t", start=date(2024, 1, 4), end=date(2024, 1, 6)))
    '4–6 January 2024'
    >>> event_when(Event("e", "t", start=date(2024, 1, 30), end=date(2024, 2, 2)))
    '30 January – 2 February 2024'
    >>> event_when(Event("e", "t", start=date(2023, 12, 30), end=date(2024, 1, 2)))
    '30 December 2023 – 2 January 2024'
    """
    if event.date:
        return format_date(event.date)
    if event.start and event.end and event.end != event.start:
        start, end = event.start, event.end
        if isinstance(start, datetime) or isinstance(end, datetime) or start.year != end.year:
            return f"{format_date(start)} – {format_date(end)}"
        if start.month != end.month:
            return f"{start.day} {_MONTHS[start.month - 1]} – {format_date(end)}"
        return f"{start.day}–{format_date(end)}"
    if event.start:
        return format_date(event.start)
    return "undated"


def event_where(event: Event) -> str:
    """Place and region, e.g. ``Dzhankoi, Crimea``."""
    parts = [p for p in (one_line(event.place), one_line(event.region)) if p]
    if len(parts) == 2 and parts[0].casefold() == parts[1].casefold():
        parts = parts[:1]
    return ", ".join(parts)


def plural(n: int, word: str, plural: str | None = None) -> str:
    """``1 claim``, ``2 claims``; ``plural`` for an irregular one (``parties``)."""
    return f"{n} {word if n == 1 else (plural or word + 's')}"


class Names:
    """Display names of parties, sides and aspects, on one line (each view escapes them)."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.side_order = {s: i for i, s in enumerate(corpus.sides)}

    def party(self, party_id: str) -> str:
        party = self.corpus.parties.get(party_id)
        return one_line(party.name) if party and party.name.strip() else party_id

    def side_id(self, party_id: str) -> str:
        return self.corpus.side_of(party_id)

    def side(self, side_id: str) -> str:
        side = self.corpus.sides.get(side_id)
        return one_line(side.name) if side and side.name.strip() else side_id

    def party_with_side(self, party_id: str) -> str:
        return f"{self.party(party_id)} ({self.side(self.side_id(party_id))})"

    def aspect(self, aspect_id: str) -> str:
        aspect = self.corpus.aspects.get(aspect_id)
        if aspect and aspect.label.strip():
            return one_line(aspect.label)
        return aspect_id.replace("-", " ").capitalize()

    def party_sort_key(self, party_id: str) -> tuple[int, str, str, str]:
        side = self.side_id(party_id)
        return (
            self.side_order.get(side, len(self.side_order)),
            side,
            self.party(party_id),
            party_id,
        )


def contradicted(claim: Claim, assessment: Assessment) -> bool:
    """Whether another party contradicts the claim: by a rule on the answers, or by a link.

    Decided on the positions, so a claim is marked even when the listed
    claim-level contradictions pair its party through another of its claims.
    """
    for rel in assessment.claim_relations(claim.id):
        if rel.kind == "contradicts":
            other = assessment.corpus.claims.get(rel.other(claim.id))
            if other is None or other.party != claim.party:
                return True
    for pos in assessment.positions_of(claim.id):
        if claim.id in pos.denied_by:
            opponents = set(pos.current_parties or pos.parties)
        else:
            opponents = set(pos.denying_parties)
            for other_id in pos.contradicts:
                try:
                    rival = assessment.position(other_id)
                except KeyError:
                    continue
                opponents.update(rival.current_parties or rival.parties)
        if opponents - {claim.party}:
            return True
    return False


def is_superseded(claim: Claim, assessment: Assessment) -> bool:
    """Whether a later claim of the same party supersedes this one."""
    return any(
        rel.kind == "supersedes" and rel.b == claim.id
        for rel in assessment.claim_relations(claim.id)
    )


def ordered_questions(ea: EventAssessment) -> list[tuple[str, QuestionAssessment]]:
    """Questions in dispute first (by status), free-text questions last, else as first asked."""

    def key(item: tuple[str, QuestionAssessment]) -> tuple[bool, int]:
        q = item[1]
        rank = STATUS_ORDER.index(q.status) if q.status in STATUS_ORDER else len(STATUS_ORDER)
        return (q.type == "text", rank)

    return sorted(ea.questions.items(), key=key)


def holders(position: PositionAssessment, assessment: Assessment) -> list[Claim]:
    """The claims that hold a position, in its order."""
    claims = assessment.corpus.claims
    return [claims[c] for c in position.claims if c in claims]


def corroboration_kind(
    pos: PositionAssessment,
    side_name: Callable[[str], str],
    sides: Sequence[str],
    escape: Callable[[str], str] = _as_is,
) -> str:
    """How independent a corroboration is: sides and outlets, each name through ``escape``.

    Independent needs two sides (an echo counting once) *and* two outlets.
    """
    across = ", ".join(escape(side_name(s)) for s in sides)
    outlets = ", ".join(escape(o) for o in pos.outlets)
    if pos.independently_corroborated:
        return f"independent: across sides {across}, reported by {outlets}"
    if len(sides) >= 2:
        return f"across sides {across}, but all via {outlets}: not independent confirmation"
    if len(set(pos.sides)) <= 1:
        return "within one side"
    return "same side once echoes count once"


def contested_tail(ea: EventAssessment, corpus: Corpus, names: Names) -> str:
    """What a contested event is contested on, and the questions a fact-checker's
    links set against each other ("on Cause and a fact-checker links ..."), unescaped;
    empty unless the event is contested."""
    if ea.status != "contested":
        return ""
    disputed = [names.aspect(a) for a, q in ea.questions.items() if q.status == "contested"]
    linked = [
        f"{names.aspect(a)} with {names.aspect(b)}"
        for a, others in cross_links(ea, corpus).items()
        for b in others
        if a < b
    ]
    tail = []
    if disputed:
        tail.append(f"on {', '.join(disputed)}")
    if linked:
        tail.append(f"and a fact-checker links {'; '.join(linked)} as contradicting")
    return " ".join(tail)


def event_counts(
    ea: EventAssessment, outlets: Sequence[str], escape: Callable[[str], str] = _as_is
) -> str:
    """The status line's counts: claims, parties, sources and outlets (the one outlet
    named through ``escape``), pairs in contradiction, corroborations, declines."""
    c = ea.counts
    where = plural(c.outlets, "outlet") + (f": {escape(outlets[0])}" if len(outlets) == 1 else "")
    counts = (
        f"{plural(c.claims, 'claim')} by {plural(c.parties, 'party', 'parties')} "
        f"from {plural(c.sources, 'source')} ({where}); "
        f"{plural(c.contradicting_pairs, 'pair')} of parties in contradiction "
        f"({plural(c.contradictions, 'contradiction')}); "
        f"{plural(c.corroborations, 'corroboration')} "
        f"({c.independent_corroborations} independent: different sides and outlets)"
    )
    if ea.declined_parties:
        counts += f"; {plural(len(ea.declined_parties), 'party', 'parties')} declined to comment"
    return counts


def cross_links(ea: EventAssessment, corpus: Corpus) -> dict[str, list[str]]:
    """Aspect -> the other questions a fact-checker's ``contradicts`` link ties it to.

    Such a link is a relation between two claims on different questions: it
    contests neither row and is shown as what it is.
    """
    found: dict[str, list[str]] = {}
    for rel in ea.relations:
        if rel.kind != "contradicts" or rel.source != "fact-checker":
            continue
        a, b = corpus.claims.get(rel.a), corpus.claims.get(rel.b)
        if a is None or b is None or a.aspect == b.aspect:
            continue
        for x, y in ((a, b), (b, a)):
            if x.event == ea.event and y.aspect not in found.setdefault(x.aspect, []):
                found[x.aspect].append(y.aspect)
    return found


def event_outlets(ea: EventAssessment, corpus: Corpus) -> list[str]:
    """The distinct outlets that carry the event's claims, in source order."""
    return list(dict.fromkeys(outlet_of(corpus, s) for s in ea.sources))


def silence_entries(
    ea: EventAssessment,
    assessment: Assessment,
    names: Names,
    statement: Callable[[Claim], str],
    *,
    plain: Callable[[str], str],
    strong: Callable[[str], str],
) -> tuple[list[str], list[str]]:
    """The silences section's entries, in both views' words: ``(silences, answered)``.

    Each decline not answered later, then each party that speaks for a side but said
    nothing on a contested question; apart, each decline a later claim answered.
    ``statement`` renders a claim, ``plain`` escapes text and ``strong`` emphasises a
    question, each in the view's own format (the view adds its list markers).
    """
    from claimgraph.views.event_data import event_claims, expected_silences

    silences: list[str] = []
    answered: list[str] = []
    for claim in event_claims(ea, assessment.corpus):
        if claim.stance is not Stance.DECLINES:
            continue
        if claim.id in ea.answered_declines:
            answered.append(f"Declined to comment, then answered: {statement(claim)}")
        else:
            silences.append(f"Declined to comment: {statement(claim)}")
    silent = expected_silences(ea, assessment)
    for party in sorted(silent, key=names.party_sort_key):
        questions = ", ".join(strong(names.aspect(a)) for a in silent[party])
        silences.append(
            f"{plain(names.party_with_side(party))} spoke on this event, "
            f"but said nothing on {questions} (contested)"
        )
    return silences, answered


# The track-record table's columns, in both views.
RECORD_COLUMNS = (
    "Party",
    "Side",
    "Claims",
    "Contradicted by another side",
    "Corroborated by another side",
    "Hedged or second-hand",
    "With evidence",
    "Declined",
    "Events",
)


def question_status(aspect: str, status: str, links: dict[str, list[str]], names: Names) -> str:
    """A question's status in words (:data:`QUESTION_WORDS`), with the questions a
    fact-checker's link says it contradicts (unescaped: each view escapes it)."""
    words = QUESTION_WORDS.get(status, status)
    if links.get(aspect):
        others = ", ".join(names.aspect(a) for a in links[aspect])
        words += f"; a fact-checker links it as contradicting {others}"
    return words
