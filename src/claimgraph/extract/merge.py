"""Many drafts, one valid folder: the drafts of several reports agree on parties and events.

Each draft stays self-contained (it defines the parties and events it
uses), so two drafts that define the same id must define it identically
for the folder to validate. :func:`unify_drafts` makes them so:

- the same unknown speaker in two drafts is one party: the first name
  seen is its name, the other spellings become its aliases;
- reports of the same strike share one event: the same day within a day
  (or, for a dateline without a year, the same month and day) and the same
  place or gazetteer area;
- what drafts already in the output folder define (``prior``) wins, so a
  new draft never contradicts a reviewed one.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from claimgraph.extract.draft import UNKNOWN_SIDE, Draft, DraftEvent
from claimgraph.extract.events import DateRef, near_month_day, place_head
from claimgraph.model import Event, Party

__all__ = ["draft_event_of", "unify_drafts"]

_DAY = timedelta(days=1)


def draft_event_of(event: Event) -> DraftEvent:
    """A loaded event as a draft's event (to define it identically in a new draft)."""
    lo = event.date or event.start
    hi = event.date or event.end or event.start
    when = DateRef(lo, hi) if lo is not None and hi is not None else None
    return DraftEvent(event.id, event.title, when, event.place, event.region, event.coords)


def _place(ev: DraftEvent) -> set[str]:
    """The names an event's place goes by: as written, and its own name before a street, a
    list or a remark (a curated "Belgorod, 55 Shchorsa Street" is the gazetteer's "Belgorod")."""
    if not ev.place:
        return set()
    head = place_head(ev.place).casefold()
    return {ev.place.casefold().strip(), head} - {""}


def _area(ev: DraftEvent) -> set[str]:
    """The place's names and its region (for reports with a date to compare too)."""
    return _place(ev) | ({ev.region.casefold().strip()} if ev.region else set())


def _meet(a: set[str], b: set[str]) -> bool:
    """Whether two sets of place names share a place: the same name, or one name the first
    words of the other (a curated "Vinnytsia city centre" is the gazetteer's "Vinnytsia")."""
    return any(x == y or x.startswith(y + " ") or y.startswith(x + " ") for x in a for y in b)


def _same_incident(a: DraftEvent, b: DraftEvent) -> bool:
    """Whether two reports' events are one incident: near dates and a shared place or area."""
    if not _meet(_area(a), _area(b)):
        return False
    if a.when is not None and b.when is not None:
        if not (a.when.is_day and b.when.is_day):
            if a.when.is_day != b.when.is_day and _night(a.when) and _night(b.when):
                # a night over two days ("New Year's night", 31 December to 1 January)
                # and a report of one of them, or of the day after
                return a.when.start - _DAY <= b.when.end and b.when.start - _DAY <= a.when.end
            return a.when.overlaps(b.when) and a.when.is_day == b.when.is_day
        return abs(a.when.start - b.when.start) <= _DAY
    # a dateline without its year ("MOSCOW, May 14. /TASS/."): its month and day
    dated, partial = (a, b) if a.when is not None else (b, a)
    if dated.when is None or partial.month_day is None or not dated.when.is_day:
        return False
    return near_month_day(dated.when.start, partial.month_day)


def _night(when: DateRef) -> bool:
    """Whether ``when`` is a day or two days in a row (a night's strike)."""
    return when.end - when.start <= _DAY


def _about_else(ev: DraftEvent, group: list[DraftEvent]) -> bool:
    """Whether the group's headlines name what was hit, and none of it is what ``ev``'s
    headline names ("Mariupol theater" is no report of the "maternity hospital" strike)."""
    named = [e.about for e in group if e.about]
    return bool(ev.about and named) and not any(ev.about & a for a in named)


def unify_drafts(
    drafts: Iterable[Draft],
    prior_parties: Iterable[Party] = (),
    prior_events: Iterable[Event] = (),
) -> None:
    """Make ``drafts`` agree with each other and with ``prior`` definitions (in place)."""
    drafts = list(drafts)
    parties: dict[str, Party] = {p.id: p for p in prior_parties}
    variants: dict[str, list[str]] = {}
    for draft in drafts:
        for party in draft.parties.values():
            if party.id in parties and party.id not in variants:
                continue  # defined before: kept as it is
            variants.setdefault(party.id, [])
            if party.name not in variants[party.id]:
                variants[party.id].append(party.name)
            parties.setdefault(party.id, party)
    for pid, names in variants.items():
        first = parties[pid]
        if first.side == UNKNOWN_SIDE and len(names) > 1:
            aliases = tuple(sorted({n for n in names if n != first.name}))
            parties[pid] = replace(first, aliases=aliases)
    for draft in drafts:
        for pid in draft.parties:
            draft.parties[pid] = parties[pid]

    _unify_events(drafts, [draft_event_of(e) for e in prior_events])


def _canonical(group: list[DraftEvent], prior: int) -> DraftEvent:
    """The event a group stands as: a prior one, else its earliest day (reports of a strike
    come on its day or the morning after, never before it), else the first."""
    if prior:
        return group[0]
    days = [e.when.start for e in group if e.when is not None]
    if not days:
        return group[0]
    day = min(days)
    return next(e for e in group if e.when is not None and e.when.start == day)


def _unify_events(drafts: list[Draft], prior: list[DraftEvent]) -> None:
    # the claims folder's events some drafts use are as good as prior definitions
    known: dict[str, DraftEvent] = {}
    for draft in drafts:
        used = {c.event for c in draft.claims}
        for ev in draft.events.values():
            if ev.known and ev.id in used:
                known.setdefault(ev.id, ev)
    prior = [*known.values(), *prior]
    groups: list[list[DraftEvent]] = [[e] for e in prior]
    priors = [1] * len(prior)
    undated: list[DraftEvent] = []
    for draft in drafts:
        used = {c.event for c in draft.claims}
        for ev in draft.events.values():
            if ev.known or ev.id not in used:
                continue
            group = next(
                (g for g in groups if any(p.id == ev.id or _same_incident(p, ev) for p in g)),
                None,
            )
            if group is not None:
                group.append(ev)
            elif ev.when is None:
                undated.append(ev)
            else:
                groups.append([ev])
                priors.append(0)
    for ev in undated:
        # a report with no date at all: the dated event of its place, or the most reported
        # of them; with two as often reported, no guess (it stays an undated event); never
        # one whose headlines name another thing hit than its own
        here = [
            g
            for g in groups
            if any(p.when is not None and _meet(_place(p), _place(ev)) for p in g)
            and not _about_else(ev, g)
        ]
        sizes = sorted((len(g) for g in here), reverse=True)
        if here and (len(sizes) == 1 or sizes[0] > sizes[1]):
            max(here, key=len).append(ev)
        else:
            groups.append([ev])
            priors.append(0)
    chosen: dict[int, DraftEvent] = {}
    for group, is_prior in zip(groups, priors, strict=True):
        canon = _canonical(group, is_prior)
        for ev in group:
            chosen[id(ev)] = canon
    for draft in drafts:
        renamed: dict[str, str] = {}
        for ev in list(draft.events.values()):
            target = chosen.get(id(ev))
            if target is None:
                continue
            if target.id != ev.id:
                renamed[ev.id] = target.id
                del draft.events[ev.id]
            draft.events[target.id] = target if target.known else replace(target, known=False)
        for claim in draft.claims:
            claim.event = renamed.get(claim.event, claim.event)


def prior_definitions(
    out_dir: Path, replaced: Iterable[str] = ()
) -> tuple[list[Party], list[Event]]:
    """The parties and events that drafts already in ``out_dir`` define.

    Files named in ``replaced`` (drafts about to be rewritten) are left out;
    a file that does not read is left out too (validate reports it).
    """
    from claimgraph.load import claim_files, read_claim_file

    skip = set(replaced)
    parties: list[Party] = []
    events: list[Event] = []
    if not out_dir.is_dir():
        return parties, events
    for path in claim_files(out_dir):
        if path.name in skip or path.parent != out_dir:
            continue
        parsed, report = read_claim_file(path)
        if not report.valid or parsed.source is None or parsed.source.status != "draft":
            continue
        parties.extend(parsed.parties)
        events.extend(parsed.events)
    return parties, events
