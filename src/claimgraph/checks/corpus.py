"""Checks across the whole corpus: parties, claims against events and sources, hints."""

from __future__ import annotations

from collections.abc import Set as AbstractSet

from claimgraph.checks.comments import check_comments
from claimgraph.checks.fields import day_of
from claimgraph.checks.places import Places
from claimgraph.model import Claim, Corpus, Location, value_key
from claimgraph.problems import Report, suggest

_NOBODY: frozenset[str] = frozenset()


def _speaker_index(corpus: Corpus) -> dict[str, set[str]]:
    """Folded party names and aliases -> every party they name."""
    index: dict[str, set[str]] = {}
    for party in corpus.parties.values():
        for name in (party.name, *party.aliases):
            index.setdefault(value_key(name), set()).add(party.id)
    return index


def check_claims(corpus: Corpus, report: Report) -> None:
    """Dates against events and sources; a claim recorded twice; a speaker of another party."""
    seen: dict[tuple[object, ...], Claim] = {}
    speakers = _speaker_index(corpus)
    speaker_keys: dict[str, str] = {}
    early_sources: set[tuple[str, str]] = set()
    for claim in corpus.claims.values():
        where = claim.where or Location("?", 0)
        named: AbstractSet[str] = _NOBODY
        if claim.speaker:
            skey = speaker_keys.get(claim.speaker)
            if skey is None:
                skey = speaker_keys[claim.speaker] = value_key(claim.speaker)
            named = speakers.get(skey, _NOBODY)
        if named and claim.party not in named:
            report.add(
                "speaker-mismatch",
                f"speaker '{claim.speaker}' of claim '{claim.id}' speaks for "
                f"{', '.join(repr(p) for p in sorted(named))}, not for party '{claim.party}'",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                hint=sorted(named)[0] if len(named) == 1 else None,
                severity="warning",
            )
        event = corpus.events.get(claim.event)
        source = corpus.sources.get(claim.source)
        if (
            event
            and source
            and event.first_day
            and source.published
            and source.published < event.first_day
            and (source.id, event.id) not in early_sources
        ):
            early_sources.add((source.id, event.id))
            report.add(
                "date-before-event",
                f"source '{source.id}' was published on {source.published}, before event "
                f"'{event.id}' began ({event.first_day}), yet claim '{claim.id}' reports on it",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )
        key = (
            claim.event,
            claim.party,
            claim.aspect,
            claim.stance,
            _value_key(claim.value),
            _spaced(claim.quote),
            claim.source,
        )
        first = seen.get(key)
        if first is None:
            seen[key] = claim
        else:
            report.add(
                "duplicate-claim",
                f"claim '{claim.id}' repeats claim '{first.id}' (same party, event, aspect, "
                f"value, quote and source; first at {first.where}): it would count twice",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )
        if claim.said_on and event and event.first_day and day_of(claim.said_on) < event.first_day:
            report.add(
                "date-before-event",
                f"claim '{claim.id}' was said on {day_of(claim.said_on)}, before event "
                f"'{event.id}' began ({event.first_day})",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )
        if (
            claim.said_on
            and source
            and source.published
            and day_of(claim.said_on) > source.published
        ):
            report.add(
                "said-after-published",
                f"claim '{claim.id}' was said on {day_of(claim.said_on)}, after its source "
                f"'{source.id}' was published ({source.published})",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )


def _spaced(quote: str) -> str:
    """The quote with its whitespace collapsed; the quote itself when it has none to
    collapse (most do), so that the keys of every claim hold no second copy of it.

    >>> q = "one two"
    >>> _spaced(q) is q, _spaced("one  two")
    (True, 'one two')
    """
    spaced = " ".join(quote.split())
    return quote if spaced == quote else spaced


def _value_key(value: object) -> object:
    if isinstance(value, frozenset):
        return tuple(sorted(value))
    return value


def check_parties(corpus: Corpus, report: Report, places: Places | None = None) -> None:
    """Parties need a known side; one alias must not name two parties."""
    by_alias: dict[str, str] = {}
    for party in corpus.parties.values():
        where = party.where or Location("?", 0)
        if party.side and party.side not in corpus.sides:
            at = (places.places.get((party.id, "party-side", "")) if places else None) or where
            report.at(
                "unknown-side",
                f"party '{party.id}' has unknown side '{party.side}'",
                at,
                id=party.id,
                hint=suggest(party.side, corpus.sides),
            )
        for alias in dict.fromkeys(value_key(a) for a in (party.name, *party.aliases)):
            other = by_alias.setdefault(alias, party.id)
            if other != party.id:
                report.at(
                    "ambiguous-alias",
                    f"alias '{alias}' of party '{party.id}' also names party '{other}'",
                    where,
                    id=party.id,
                    severity="warning",
                )


def check_corpus(corpus: Corpus, report: Report, places: Places | None = None) -> None:
    """The checks that need the whole corpus, except links and quotes."""
    check_parties(corpus, report, places)
    check_claims(corpus, report)
    check_comments(corpus, report)
