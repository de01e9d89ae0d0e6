"""Explicit links between claims: their targets, supersedes rules and cycles."""

from __future__ import annotations

from collections.abc import Set as AbstractSet
from typing import Any

from claimgraph.checks.fields import day_of
from claimgraph.checks.hints import nearest
from claimgraph.checks.places import Places
from claimgraph.model import Claim, Corpus, Location, Stance
from claimgraph.problems import ProblemType, Report


def check_links(
    corpus: Corpus, places: Places, report: Report, unusable: AbstractSet[str] = frozenset()
) -> None:
    """Explicit links must name known claims and make sense (``unknown-link``, ``bad-link``).

    ``unusable`` holds ids of claims that were written but not loaded because
    of their own problems: a link to one of them is not reported again.
    """
    claims = corpus.claims
    for claim in claims.values():
        links = claim.links
        if not links:
            continue
        both = set(links.contradicts) & set(links.corroborates)
        for relation, targets in (
            ("contradicts", links.contradicts),
            ("corroborates", links.corroborates),
            ("supersedes", (links.supersedes,) if links.supersedes else ()),
        ):
            for target in targets:
                at = places.of(claim, relation, target)

                def add(
                    type: ProblemType,
                    message: str,
                    hint: str | None = None,
                    *,
                    _at: Location = at,
                    _id: str = claim.id,
                ) -> None:
                    report.at(type, message, _at, id=_id, hint=hint)

                other = claims.get(target)
                if other is None:
                    if target not in unusable:  # else its own problems are reported
                        add(
                            "unknown-link",
                            f"claim '{claim.id}' {relation} unknown claim '{target}'",
                            nearest(target, claims),
                        )
                    continue
                if target == claim.id:
                    add("bad-link", f"claim '{claim.id}' {relation} itself")
                    continue
                if relation != "supersedes" and target in both:
                    if relation == "contradicts":
                        continue  # reported once, under corroborates
                    add(
                        "bad-link",
                        f"claim '{claim.id}' both contradicts and corroborates '{target}'",
                    )
                    continue
                if other.event != claim.event:
                    add(
                        "bad-link",
                        f"claim '{claim.id}' {relation} '{target}' about another event "
                        f"('{claim.event}' vs '{other.event}')",
                    )
                    continue
                if relation == "supersedes":
                    _check_supersedes(claim, other, add)
    _check_supersede_cycles(corpus, places, report)


def _check_supersedes(claim: Claim, other: Claim, add: Any) -> None:
    if other.party != claim.party:
        add(
            "bad-link",
            f"claim '{claim.id}' supersedes '{other.id}' of another party "
            f"('{claim.party}' vs '{other.party}'); a party can only update its own claim",
        )
    elif other.aspect != claim.aspect and other.stance is not Stance.DECLINES:
        add(
            "bad-link",
            f"claim '{claim.id}' supersedes '{other.id}' about another aspect "
            f"('{claim.aspect}' vs '{other.aspect}')",
        )
    elif claim.said_on and other.said_on and day_of(claim.said_on) < day_of(other.said_on):
        add(
            "bad-link",
            f"claim '{claim.id}' supersedes '{other.id}' but was said earlier "
            f"({day_of(claim.said_on)} before {day_of(other.said_on)})",
        )


def _check_supersede_cycles(corpus: Corpus, places: Places, report: Report) -> None:
    claims = corpus.claims
    done: set[str] = set()
    for start in claims:
        path: list[str] = []
        on_path: set[str] = set()
        current: str | None = start
        while current and current in claims and current not in done:
            if current in on_path:
                cycle = path[path.index(current) :]
                first = claims[min(cycle)]
                nxt = first.links.supersedes or ""
                at = places.of(first, "supersedes", nxt)
                report.add(
                    "bad-link",
                    "claims supersede each other in a circle: "
                    + " -> ".join(
                        [*cycle[cycle.index(first.id) :], *cycle[: cycle.index(first.id)]]
                    )
                    + f" -> {first.id}",
                    at.path,
                    at.line,
                    at.column,
                    id=first.id,
                )
                break
            path.append(current)
            on_path.add(current)
            current = claims[current].links.supersedes
        done.update(path)
