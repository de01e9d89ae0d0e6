"""Build a Corpus in memory from a compact dict, for tests of link, graph and assess.

>>> claim = {"id": "c1", "party": "mod", "aspect": "killed", "value": "4+"}
>>> corpus = make_corpus({"parties": {"mod": "russia"}, "claims": [claim]})
>>> corpus.claims["c1"].value
Interval(low=4.0, high=inf, text='4+')
"""

from __future__ import annotations

import math
from datetime import date
from typing import Any

from claimgraph.model import (
    Aspect,
    AspectType,
    Certainty,
    Claim,
    Corpus,
    Event,
    Interval,
    Links,
    Party,
    Source,
    Stance,
)


def aspects() -> dict[str, Aspect]:
    """A small set of aspects, one per value type, with a declared compatible pair."""
    pair = frozenset
    return {
        "cause": Aspect(
            "cause",
            AspectType.CATEGORY,
            compatible=frozenset(
                {
                    pair({"air-defence-debris", "drone-attack"}),
                    pair({"air-defence-debris", "missile-attack"}),
                }
            ),
        ),
        "interception": Aspect(
            "interception",
            AspectType.CATEGORY,
            compatible=frozenset({pair({"partly-intercepted", "hits"})}),
        ),
        "damage": Aspect("damage", AspectType.SET),
        # what was hit, with two kinds of items that are rival answers
        "target": Aspect(
            "target",
            AspectType.SET,
            kinds={
                "military": frozenset({"military", "commanders", "base"}),
                "civilian": frozenset({"cafe", "restaurant", "residential", "school"}),
            },
            # items that stand for a whole kind (a denial of one denies each of its kind)
            kind_items={"civilian-infrastructure": "civilian", "military-facility": "military"},
        ),
        "weapon": Aspect("weapon", AspectType.SET),
        "killed": Aspect("killed", AspectType.COUNT),
        "injured": Aspect("injured", AspectType.COUNT),
        "comment": Aspect("comment", AspectType.TEXT),
    }


def count(text: str) -> Interval:
    """``"5"`` → [5, 5]; ``"4+"`` → [4, ∞); ``"10-20"`` → [10, 20]."""
    if text.endswith("+"):
        return Interval(float(text[:-1]), math.inf, text)
    if "-" in text:
        low, high = text.split("-")
        return Interval(float(low), float(high), text)
    return Interval(float(text), float(text), text)


def make_claim(spec: dict[str, Any], known: dict[str, Aspect]) -> Claim:
    aspect = known[spec["aspect"]]
    raw = spec.get("value")
    stance = Stance(spec.get("stance", "asserts"))
    value: Any
    if stance is Stance.DECLINES or raw is None:
        value = None
    elif aspect.type is AspectType.COUNT:
        value = count(str(raw))
    elif aspect.type is AspectType.SET:
        value = frozenset([raw] if isinstance(raw, str) else raw)
    else:
        value = raw
    links = spec.get("links", {})
    said_on = spec.get("said_on")
    return Claim(
        id=spec["id"],
        event=spec.get("event", "e1"),
        party=spec["party"],
        source=spec.get("source", "s1"),
        aspect=spec["aspect"],
        value=value,
        raw_value=raw,
        quote=spec.get("quote", ""),
        stance=stance,
        certainty=Certainty(spec.get("certainty", "asserted")),
        evidence=tuple(spec.get("evidence", ())),
        said_on=date.fromisoformat(said_on) if isinstance(said_on, str) else said_on,
        links=Links(
            contradicts=tuple(links.get("contradicts", ())),
            corroborates=tuple(links.get("corroborates", ())),
            supersedes=links.get("supersedes"),
        ),
    )


def make_corpus(spec: dict[str, Any]) -> Corpus:
    """A Corpus from ``{"parties": {id: side}, "claims": [claim dicts]}``.

    Events and sources named by claims are created; claim dicts take the
    Claim field names, with ``value`` written as in a claim file
    (counts in the short forms of :func:`count`).
    """
    known = aspects()
    claims = [make_claim(c, known) for c in spec.get("claims", [])]
    corpus = Corpus(aspects=known)
    for pid, side in spec.get("parties", {}).items():
        corpus.parties[pid] = Party(pid, pid.replace("-", " ").title(), side)
    for claim in claims:
        corpus.events.setdefault(claim.event, Event(claim.event, claim.event.title()))
        corpus.sources.setdefault(claim.source, Source(claim.source, claim.source))
        if claim.party not in corpus.parties:
            corpus.parties[claim.party] = Party(claim.party, claim.party, "unknown")
        corpus.claims[claim.id] = claim
    return corpus
