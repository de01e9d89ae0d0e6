"""The checks on claim files: each finds one kind of mistake and adds a Problem.

Problems are collected into a :class:`~claimgraph.problems.Report`, never
raised one by one. Structural checks (missing, mistyped and unknown fields,
bad stances, dates and evidence) run while a file is read, through
:class:`FieldReader`; checks across the corpus (links, quotes, dates against
events and sources, duplicated claims) run on the built
:class:`~claimgraph.model.Corpus`.

Problem types: every type is in :data:`claimgraph.problems.CATALOGUE`, with its
title and meaning; ``Report.add`` takes only those (``ProblemType``).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from claimgraph.model import AspectType, Claim, Corpus, Location, Stance, value_key
from claimgraph.problems import ProblemType, Report, Severity, suggest
from claimgraph.schema import EXTENSION_PREFIX, FIELDS, REQUIRED
from claimgraph.yamlsafe import Item

__all__ = [
    "FieldReader",
    "Places",
    "SourceText",
    "alias_index",
    "check_claims",
    "check_corpus",
    "check_links",
    "check_parties",
    "check_quotes",
    "kind_name",
    "nearest",
    "normalise_quote",
    "parse_moment",
    "party_hint",
    "quote_in_text",
]

_ID = re.compile(r"^\w[\w.-]*$")

_KIND_NAMES = {
    "text": "text",
    "texts": "text or a list of text",
    "date": "a date (YYYY-MM-DD)",
    "moment": "a date or an ISO date-time",
    "bool": "true or false",
    "int": "a whole number",
}


def kind_name(kind: str) -> str:
    """How a YAML value's kind reads in a message: ``a list``, ``a mapping``, ``empty``..."""
    return {"mapping": "a mapping", "list": "a list", "null": "empty"}.get(kind, f"{kind}")


@dataclass(slots=True)
class FieldReader:
    """Reads typed fields out of one record, reporting every problem with its place.

    >>> from claimgraph.yamlsafe import parse_yaml
    >>> r = Report()
    >>> doc = parse_yaml("id: c1\\nqoute: hi\\n", "a.yaml", r)
    >>> fr = FieldReader("a.yaml", r)
    >>> rec = fr.record(doc, "claim", "c1")
    >>> for p in r.problems: print(p)
    a.yaml:2:1: unknown field 'qoute' in claim 'c1' (did you mean 'quote'?)
    a.yaml:1:1: claim 'c1' has no 'event'
    a.yaml:1:1: claim 'c1' has no 'party'
    a.yaml:1:1: claim 'c1' has no 'aspect'
    """

    path: str
    report: Report

    def add(
        self,
        type: ProblemType,
        message: str,
        item: Item | None,
        *,
        id: str | None = None,
        hint: str | None = None,
        at_key: bool = False,
        severity: Severity = "error",
    ) -> None:
        """Add a problem placed at ``item`` (or its key)."""
        line = col = 0
        if item is not None:
            line, col = (item.key_line, item.key_column) if at_key else (item.line, item.column)
        self.report.add(type, message, self.path, line, col, id=id, hint=hint, severity=severity)

    def where(self, item: Item) -> Location:
        return Location(self.path, item.line, item.column)

    def record(self, item: Item, kind: str, id: str | None) -> dict[str, Item] | None:
        """The record's fields, after reporting unknown and missing ones; None if not a mapping."""
        what = f"{kind} '{id}'" if id else ("the top level" if kind == "file" else kind)
        if not isinstance(item.value, dict):
            self.add(
                "wrong-type", f"{what} must be a mapping, not {kind_name(item.kind)}", item, id=id
            )
            return None
        fields: dict[str, Item] = item.value
        known = FIELDS[kind]
        if not fields.keys() <= known.keys():  # the common case is checked at C speed
            self._unknown(fields, known, what, id)
        for name in REQUIRED.get(kind, ()):
            found = fields.get(name)
            if found is None or found.value is None or found.value == "":
                self.add("missing-field", f"{what} has no '{name}'", item, id=id)
        return fields

    def _unknown(
        self, fields: dict[str, Item], known: dict[str, str], what: str, id: str | None
    ) -> None:
        for name, value in fields.items():
            if name not in known and not name.startswith(EXTENSION_PREFIX):
                self.add(
                    "unknown-field",
                    f"unknown field '{name}' in {what}",
                    value,
                    id=id,
                    hint=suggest(name, known),
                    at_key=True,
                )

    def _wrong(self, item: Item, name: str, expected: str, id: str | None) -> None:
        owner = f" of '{id}'" if id else ""
        self.add(
            "wrong-type",
            f"'{name}'{owner} must be {expected}, not {kind_name(item.kind)}",
            item,
            id=id,
        )

    def text(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> str:
        """A text field (a number or yes/no is taken as written); ``""`` if absent."""
        item = fields.get(name)
        if item is None or item.value is None:
            return ""
        if item.text is None:
            self._wrong(item, name, "text", id)
            return ""
        return item.text.strip() if isinstance(item.value, str) else item.text

    def texts(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> list[Item]:
        """A field holding one text or a list of texts, as items (to keep their places)."""
        item = fields.get(name)
        if item is None or item.value is None:
            return []
        entries = item.value if isinstance(item.value, list) else [item]
        out = []
        for entry in entries:
            if entry.text is None:
                self._wrong(entry, name, _KIND_NAMES["texts"], id)
            elif entry.value is not None:
                out.append(entry)
        return out

    def boolean(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> bool | None:
        item = fields.get(name)
        if item is None or item.value is None:
            return None
        if not isinstance(item.value, bool):
            self._wrong(item, name, _KIND_NAMES["bool"], id)
            return None
        return item.value

    def integer(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> int | None:
        item = fields.get(name)
        if item is None or item.value is None:
            return None
        if isinstance(item.value, bool) or not isinstance(item.value, int):
            self._wrong(item, name, _KIND_NAMES["int"], id)
            return None
        return item.value

    def day(self, fields: Mapping[str, Item], name: str, id: str | None = None) -> date | None:
        """A date field; a date-time is cut to its day."""
        moment = self.moment(fields, name, id)
        return moment.date() if isinstance(moment, datetime) else moment

    def moment(
        self, fields: Mapping[str, Item], name: str, id: str | None = None
    ) -> date | datetime | None:
        """A date or ISO date-time field; an invalid one (2023-02-30) is a ``bad-date``."""
        item = fields.get(name)
        if item is None or item.value is None:
            return None
        value = item.value
        if isinstance(value, datetime | date):
            return value
        if isinstance(value, str):
            try:
                return parse_moment(value)
            except ValueError as exc:
                self.add("bad-date", f"invalid date '{value}' in '{name}' ({exc})", item, id=id)
                return None
        self.add(
            "bad-date",
            f"'{name}' must be a date (YYYY-MM-DD), not {item.text or kind_name(item.kind)}",
            item,
            id=id,
        )
        return None

    def choice(
        self,
        fields: Mapping[str, Item],
        name: str,
        choices: Iterable[str],
        type: ProblemType,
        id: str | None = None,
    ) -> str | None:
        """A text field that must be one of ``choices``; None if absent or wrong."""
        item = fields.get(name)
        text = self.text(fields, name, id)
        if item is None or not text:
            return None
        options = list(choices)
        if text not in options:
            folded = text.casefold().replace("_", "-")
            if folded in options:
                return folded
            self.add(
                type,
                f"{name} '{text}' is not one of {', '.join(options)}",
                item,
                id=id,
                hint=suggest(folded, options),
            )
            return None
        return text

    def check_id(self, item: Item | None, kind: str, id: str) -> bool:
        """True if ``id`` is a usable slug (no spaces, slashes or '..')."""
        if _ID.match(id) and ".." not in id:
            return True
        self.add(
            "bad-id",
            f"{kind} id '{id}' must be a slug (letters, digits, '-', '_', '.')",
            item,
            id=id,
            hint=value_key(id) or None,
        )
        return False


def parse_moment(text: str) -> date | datetime:
    """An ISO date or date-time; raises ``ValueError`` with the reason.

    >>> parse_moment("2023-03-20")
    datetime.date(2023, 3, 20)
    >>> parse_moment("2023-03-20 14:05")
    datetime.datetime(2023, 3, 20, 14, 5)
    >>> parse_moment("2023-02-30")
    Traceback (most recent call last):
    ...
    ValueError: day is out of range for month
    """
    text = text.strip()
    if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", text):
        y, m, d = (int(x) for x in text.split("-"))
        return date(y, m, d)
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        if re.match(r"\d{4}-\d\d-\d\d", text):
            date(*(int(x) for x in text[:10].split("-")))  # the precise reason if any
        raise ValueError("expected YYYY-MM-DD or an ISO date-time") from None


# ----------------------------------------------------------------------------
# Quotes


_QUOTE_FOLD = str.maketrans(
    {
        **dict.fromkeys("\u2018\u2019\u201a\u201b\u2032\u02bc\u00b4", "'"),
        **dict.fromkeys("\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u301d\u301e", '"'),
        **dict.fromkeys("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b", "-"),
        "\u2026": "...",
        "\u00ad": None,  # soft hyphen
        "\u200b": None,  # zero-width space
        "\ufeff": None,
    }
)
_ELISION = re.compile(r"\s*(?:\[\s*\.\.\.\s*\]|\(\s*\.\.\.\s*\)|\.\.\.)\s*")


def normalise_quote(text: str) -> str:
    """Fold typographic quotes and dashes to plain ones and collapse whitespace.

    Case is kept: a quote must match the source's words exactly.

    >>> normalise_quote("“wait  for\\nofficial information” — they said")
    '"wait for official information" - they said'
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text).translate(_QUOTE_FOLD)
    # str.split() splits on exactly what the regex \s matches, in C and about
    # five times faster than a regex substitution on a long source text.
    return " ".join(text.split())


def quote_in_text(quote: str, normalised_text: str) -> bool:
    """True if ``quote`` occurs in the (normalised) source text.

    An elision (``...``, ``…`` or ``[...]``) in the quote stands for words
    left out: the pieces must occur in order. Surrounding quote marks are
    ignored.

    >>> src = normalise_quote("He said: “the anti-aircraft defense has worked in the area”.")
    >>> quote_in_text("the anti-aircraft defense … in the area", src)
    True
    >>> quote_in_text("The anti-aircraft defense", src)
    False
    """
    pieces = [p.strip(" \"'") for p in _ELISION.split(normalise_quote(quote))]
    pieces = [p for p in pieces if p]
    if not pieces:
        return False
    start = 0
    for piece in pieces:
        found = normalised_text.find(piece, start)
        if found < 0:
            return False
        start = found + len(piece)
    return True


@dataclass(slots=True)
class SourceText:
    """A source's raw text, normalised once for quote look-ups, or why it is missing."""

    text: str | None
    problem: str = ""


def check_quotes(
    corpus: Corpus,
    texts: Mapping[str, SourceText],
    places: Places,
    report: Report,
) -> None:
    """Every quote must occur verbatim in its source's text (``quote-not-in-source``).

    ``texts`` maps a source id to its text (see ``load.read_source_texts``);
    a source without a file is warned about once (``unchecked-quotes``).
    """
    warned: set[str] = set()
    for claim in corpus.claims.values():
        where = claim.where or Location("?", 0)
        if not claim.quote:
            if (claim.id, "quote-wrong-type", "") in places.places:
                continue  # already a wrong-type problem
            declines = claim.stance is Stance.DECLINES
            report.add(
                "empty-quote",
                f"claim '{claim.id}' has no quote: record the source's words"
                + (" (even for a silence)" if declines else ""),
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning" if declines else "error",
            )
            continue
        source = texts.get(claim.source)
        if source is None or source.text is None:
            if claim.source not in warned and source is not None and not source.problem:
                warned.add(claim.source)
                report.at(
                    "unchecked-quotes",
                    f"source '{claim.source}' has no 'file': its quotes cannot be checked",
                    where,
                    id=claim.source,
                    severity="warning",
                )
            continue
        if not quote_in_text(claim.quote, source.text):
            place = places.of(claim, "quote", "")
            report.add(
                "quote-not-in-source",
                f"quote of claim '{claim.id}' does not occur in the text of source "
                f"'{claim.source}': {_shorten(claim.quote)!r}",
                place.path,
                place.line,
                place.column,
                id=claim.id,
            )


def _shorten(text: str, width: int = 60) -> str:
    text = normalise_quote(text)
    return text if len(text) <= width else text[: width - 1] + "…"


# ----------------------------------------------------------------------------
# Links between claims


@dataclass(slots=True)
class Places:
    """Where a claim's fields were written: (claim id, field, link target or "") -> place."""

    places: dict[tuple[str, str, str], Location] = field(default_factory=dict)
    # Every claim's quote: claim id -> (line, column) in the claim's own file (compact).
    quotes: dict[str, tuple[int, int]] = field(default_factory=dict)

    def of(self, claim: Claim, name: str, target: str = "") -> Location:
        where = claim.where or Location("?", 0)
        if name == "quote" and claim.id in self.quotes:
            return Location(where.path, *self.quotes[claim.id])
        return self.places.get((claim.id, name, target)) or where

    def put(self, claim_id: str, name: str, target: str, where: Location) -> None:
        self.places[(claim_id, name, target)] = where

    def update(self, other: Places) -> None:
        self.places.update(other.places)
        self.quotes.update(other.quotes)


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
    elif claim.said_on and other.said_on and _day(claim.said_on) < _day(other.said_on):
        add(
            "bad-link",
            f"claim '{claim.id}' supersedes '{other.id}' but was said earlier "
            f"({_day(claim.said_on)} before {_day(other.said_on)})",
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


def _day(moment: date | datetime) -> date:
    return moment.date() if isinstance(moment, datetime) else moment


# ----------------------------------------------------------------------------
# Checks over the whole corpus


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
            " ".join(claim.quote.split()),
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
        if claim.said_on and event and event.first_day and _day(claim.said_on) < event.first_day:
            report.add(
                "date-before-event",
                f"claim '{claim.id}' was said on {_day(claim.said_on)}, before event "
                f"'{event.id}' began ({event.first_day})",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )
        if claim.said_on and source and source.published and _day(claim.said_on) > source.published:
            report.add(
                "said-after-published",
                f"claim '{claim.id}' was said on {_day(claim.said_on)}, after its source "
                f"'{source.id}' was published ({source.published})",
                where.path,
                where.line,
                where.column,
                id=claim.id,
                severity="warning",
            )


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


def alias_index(corpus: Corpus) -> dict[str, str]:
    """Folded party names and aliases -> party id (for did-you-mean hints).

    >>> from claimgraph.model import Party
    >>> c = Corpus(parties={"ukraine-intelligence": Party("ukraine-intelligence",
    ...     "Main Intelligence Directorate", "ukraine", aliases=("HUR", "GUR"))})
    >>> alias_index(c)["hur"]
    'ukraine-intelligence'
    """
    index: dict[str, str] = {}
    for party in corpus.parties.values():
        for name in (party.name, *party.aliases):
            index.setdefault(value_key(name), party.id)
            for word in value_key(name).split("-"):
                if len(word) > 3:
                    index.setdefault(word, party.id)
    return index


def nearest(word: str, choices: Iterable[str], limit: int = 500) -> str | None:
    """Like :func:`~claimgraph.problems.suggest`, but fast over many thousands of ids.

    Only ids sharing the longest possible prefix (or, failing that, a
    similar length) are compared, at most ``limit`` of them.

    >>> nearest("dzhankoi-aksyonov-injurd", ["dzhankoi-aksyonov-injured", "kyiv-x"])
    'dzhankoi-aksyonov-injured'
    """
    pool = choices if isinstance(choices, Mapping | AbstractSet | list | tuple) else list(choices)
    if len(pool) <= limit:
        return suggest(word, pool)
    for width in (16, 12, 8, 6, 4, 2):  # the longest shared prefix that finds any
        if width > len(word):
            continue
        near = [c for c in pool if c[:width] == word[:width]]
        if near:
            found = suggest(word, near[:limit])
            if found:
                return found
    return suggest(word, [c for c in pool if abs(len(c) - len(word)) <= 2][:limit])


def party_hint(raw: str, corpus: Corpus, aliases: Mapping[str, str]) -> str | None:
    """The party a mistyped reference most likely means: an alias, else the nearest id."""
    key = value_key(raw)
    if key in aliases:
        return aliases[key]
    return suggest(raw, corpus.parties) or (
        aliases[hit] if (hit := suggest(key, aliases)) else None
    )


def check_corpus(corpus: Corpus, report: Report, places: Places | None = None) -> None:
    """The checks that need the whole corpus, except links and quotes."""
    check_parties(corpus, report, places)
    check_claims(corpus, report)
    check_comments(corpus, report)


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
