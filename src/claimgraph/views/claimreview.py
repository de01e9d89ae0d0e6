"""schema.org ClaimReview JSON-LD for every claim that carries a fact-checker's verdict.

Works from the :class:`~claimgraph.model.Corpus` alone: each claim with a
``review:`` block becomes one ClaimReview with the properties Google's
fact-check structured-data guidelines ask for: ``claimReviewed``,
``reviewRating`` (``ratingValue``, ``bestRating``, ``worstRating``,
``alternateName``), ``itemReviewed`` (a ``Claim`` with its ``author``,
``datePublished`` and ``appearance``), ``author`` (the reviewer),
``datePublished`` and ``url``. The output is a JSON array; each element
carries its own ``@context`` so it can be pasted into a page's
``<script type="application/ld+json">`` as it is.

>>> from datetime import date
>>> from claimgraph.model import Claim, Corpus, Party, Review, Source
>>> corpus = Corpus(
...     parties={"mod": Party("mod", "Ministry of Defence", "russia")},
...     sources={"s": Source("s", title="T", url="https://example.org/s")},
...     claims={"c": Claim("c", "e", "mod", "s", "killed", None, quote="No one died",
...                        review=Review("False", 1, 5, 1, "Desk", date(2024, 1, 2),
...                                      "https://example.org/r"))})
>>> [r["reviewRating"]["alternateName"] for r in generate_claimreview(corpus)]
['False']
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

from claimgraph.model import Claim, Corpus, Stance
from claimgraph.problems import Report
from claimgraph.views.values import value_labels

__all__ = ["claimreview_problems", "generate_claimreview", "render_claimreview"]

JsonObject = dict[str, Any]


def _iso(when: date | datetime | None) -> str | None:
    return when.isoformat() if when is not None else None


def claim_text(claim: Claim, corpus: Corpus) -> str:
    """The claim in words: its verbatim quote, or a sentence built from its fields.

    >>> from claimgraph.model import Party
    >>> c = Claim("c", "e", "p", "s", "cause", "drone-attack", stance=Stance.DENIES)
    >>> claim_text(c, Corpus(parties={"p": Party("p", "Partisans", "ukraine")}))
    'Partisans denies cause: drone-attack'
    """
    if claim.quote.strip():
        return " ".join(claim.quote.split())
    party = corpus.parties.get(claim.party)
    who = claim.speaker or (party.name if party else claim.party)
    aspect = corpus.aspects.get(claim.aspect)
    what = aspect.label if aspect and aspect.label else claim.aspect
    verb = {Stance.ASSERTS: "states", Stance.DENIES: "denies", Stance.DECLINES: "declines"}
    value = value_labels(claim, corpus)
    text = f"{who} {verb[claim.stance]} {what}"
    return f"{text}: {value}" if value else text


def _claim_author(claim: Claim, corpus: Corpus) -> JsonObject:
    party = corpus.parties.get(claim.party)
    org: JsonObject = {"@type": "Organization", "name": party.name if party else claim.party}
    if claim.speaker:
        return {"@type": "Person", "name": claim.speaker, "affiliation": org}
    return org


def _appearance(claim: Claim, corpus: Corpus) -> JsonObject | None:
    source = corpus.sources.get(claim.source)
    if source is None or not source.url:
        return None
    work: JsonObject = {"@type": "CreativeWork", "url": source.url}
    if source.title:
        work["headline"] = source.title
    if source.outlet:
        work["publisher"] = {"@type": "Organization", "name": source.outlet}
    if source.published:
        work["datePublished"] = source.published.isoformat()
    return work


def _about(claim: Claim, corpus: Corpus) -> JsonObject | None:
    event = corpus.events.get(claim.event)
    if event is None:
        return None
    about: JsonObject = {"@type": "Event", "name": event.title or event.id}
    if event.first_day:
        about["startDate"] = event.first_day.isoformat()
    if event.end:
        about["endDate"] = event.end.isoformat()
    if event.place:
        about["location"] = {"@type": "Place", "name": event.place}
    return about


def _claimreview(claim: Claim, corpus: Corpus) -> JsonObject:
    review = claim.review
    assert review is not None
    source = corpus.sources.get(claim.source)
    rating: JsonObject = {"@type": "Rating"}
    for key, value in (
        ("ratingValue", review.value),
        ("bestRating", review.best),
        ("worstRating", review.worst),
    ):
        if value is not None:
            rating[key] = value
    rating["alternateName"] = review.rating

    item: JsonObject = {"@type": "Claim", "identifier": claim.id}
    item["author"] = _claim_author(claim, corpus)
    said = _iso(claim.said_on) or _iso(source.published if source else None)
    if said:
        item["datePublished"] = said
    appearance = _appearance(claim, corpus)
    if appearance:
        item["appearance"] = appearance
    about = _about(claim, corpus)
    if about:
        item["about"] = about

    out: JsonObject = {"@context": "https://schema.org", "@type": "ClaimReview"}
    if review.url:
        out["url"] = review.url
    out["claimReviewed"] = claim_text(claim, corpus)
    out["itemReviewed"] = item
    out["author"] = {"@type": "Organization", "name": review.reviewer or "unknown"}
    if review.date:
        out["datePublished"] = review.date.isoformat()
    out["reviewRating"] = rating
    if review.summary:
        out["reviewBody"] = review.summary
    return out


def _reviewed(corpus: Corpus) -> Iterator[Claim]:
    return (c for c in corpus.claims.values() if c.review is not None)


def generate_claimreview(corpus: Corpus) -> list[JsonObject]:
    """One ClaimReview object per reviewed claim, in the corpus's claim order."""
    return [_claimreview(c, corpus) for c in _reviewed(corpus)]


# Written as JSON escapes so the document can be pasted into a page's
# <script type="application/ld+json"> element: a quote holding "</script>" or
# "<!--" cannot close or comment it out. The JSON value is unchanged.
_SCRIPT_SAFE = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


def render_claimreview(corpus: Corpus) -> str:
    """The ClaimReview JSON-LD document (a JSON array) as text, ending in a newline.

    ``<``, ``>`` and ``&`` are written as ``\\u003c``, ``\\u003e`` and ``\\u0026``
    (they only occur inside strings), so the text is safe inside an HTML
    ``<script>`` element and still parses to the same JSON.
    """
    text = json.dumps(generate_claimreview(corpus), indent=2, ensure_ascii=False)
    return text.translate(_SCRIPT_SAFE) + "\n"


def claimreview_problems(corpus: Corpus) -> Report:
    """Warnings for reviewed claims that lack what Google's guidelines require.

    >>> from claimgraph.model import Review
    >>> c = Claim("c", "e", "p", "s", "cause", None, review=Review("False"))
    >>> for p in claimreview_problems(Corpus(claims={"c": c})).problems[:2]:
    ...     print(p.message)
    claim 'c': review has no url (ClaimReview requires url)
    claim 'c': review has no reviewer (ClaimReview requires author)
    """
    report = Report()
    for claim in _reviewed(corpus):
        review = claim.review
        assert review is not None
        path = claim.where.path if claim.where else "<claims>"
        line = claim.where.line if claim.where else 0
        missing = []
        if not review.url:
            missing.append(("no url", "url"))
        if not review.reviewer:
            missing.append(("no reviewer", "author"))
        if not review.date:
            missing.append(("no date", "datePublished"))
        source = corpus.sources.get(claim.source)
        if source is None or not source.url:
            missing.append(("a source without url", "itemReviewed.appearance"))
        if claim.said_on is None and (source is None or source.published is None):
            missing.append(("no said_on or source date", "itemReviewed.datePublished"))
        for what, field in missing:
            report.add(
                "claimreview-incomplete",
                f"claim {claim.id!r}: review has {what} (ClaimReview requires {field})",
                path,
                line,
                id=claim.id,
                severity="warning",
            )
    return report
