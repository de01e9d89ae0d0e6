"""What both report views list about one event, as data (no text): its claims in
timeline order, the decline a later claim answered, the contradictions grouped by
pair of answers, and the silences a reader expects an answer for."""

from __future__ import annotations

from claimgraph.analysis.assess import Assessment, EventAssessment
from claimgraph.model import Claim, Corpus, Stance

__all__ = [
    "ANSWERING_KINDS",
    "answered_decline",
    "contradiction_groups",
    "event_claims",
    "expected_silences",
]


def answered_decline(claim: Claim, assessment: Assessment) -> str | None:
    """The claim that later answered this decline (same party, same event), if any."""
    ea = assessment.events.get(claim.event)
    return ea.answered_declines.get(claim.id) if ea else None


def event_claims(ea: EventAssessment, corpus: Corpus) -> list[Claim]:
    """The event's claims in timeline order, without scanning the whole corpus."""
    return [corpus.claims[c] for c in ea.timeline if c in corpus.claims]


def contradiction_groups(
    ea: EventAssessment, assessment: Assessment
) -> list[tuple[bool, list[str], list[str]]]:
    """The event's contradictions, one group per pair of answers (a rule's) or per pair
    of claims (a fact-checker's link): ``(by_hand, left claim ids, right claim ids)``,
    in the order first found. The Markdown report and the HTML site list these."""
    corpus = assessment.corpus
    rels = [r for r in ea.relations if r.kind == "contradicts" and r.between == "claims"]
    rels = [r for r in rels if r.a in corpus.claims and r.b in corpus.claims]
    groups: dict[tuple[str, ...], tuple[bool, list[str], list[str]]] = {}
    for rel in rels:
        a, b = corpus.claims[rel.a], corpus.claims[rel.b]
        by_hand = rel.source == "fact-checker"
        if by_hand:
            key: tuple[str, ...] = ("link", rel.a, rel.b)
        else:
            key = ("rule", _answer_key(a, assessment), _answer_key(b, assessment))
            flipped = (key[0], key[2], key[1])
            if flipped in groups:
                key, a, b = flipped, b, a
        _, left, right = groups.setdefault(key, (by_hand, [], []))
        if a.id not in left:
            left.append(a.id)
        if b.id not in right:
            right.append(b.id)
    return list(groups.values())


def _answer_key(claim: Claim, assessment: Assessment) -> str:
    positions = assessment.positions_of(claim.id)
    ids = ",".join(p.id for p in positions) or claim.id
    return f"{claim.stance.value}:{ids}"


# Kinds of party a reader expects an answer from on a contested question: those
# that speak for a side. Outlets, residents, channels and companies are not
# expected to know how many missiles were shot down.
ANSWERING_KINDS = frozenset(
    {
        "government",
        "regional-government",
        "local-government",
        "military",
        "intelligence",
        "occupation-authority",
        "armed-group",
        "partisans",
    }
)


def expected_silences(ea: EventAssessment, assessment: Assessment) -> dict[str, list[str]]:
    """Party -> the contested questions it said nothing on, for parties a reader
    expects an answer from: those that spoke on the event and speak for a side
    (:data:`ANSWERING_KINDS`). Declines are listed apart.
    """
    corpus = assessment.corpus
    spoke = {
        c.party
        for c in (corpus.claims.get(cid) for cid in ea.timeline)
        if c is not None and c.stance is not Stance.DECLINES
    }
    found: dict[str, list[str]] = {}
    for q in ea.questions.values():
        if q.status != "contested":
            continue
        for party in ea.parties:
            record = corpus.parties.get(party)
            if party not in spoke or party in q.parties or record is None:
                continue
            if record.kind in ANSWERING_KINDS:
                found.setdefault(party, []).append(q.aspect)
    return found
