"""A report's header: date line, metadata lines (``URL:``, ``Date:``) and wire datelines.

These say when the report was written and are no part of its story: they
are read for the date (and the URL) and blanked from the text the rest of
extraction reads, so that "MOSCOW, May 14. /TASS/." gives the date and
not an event in Moscow.

>>> h = read_header("URL: https://example.org/news/2024/05/14/strike\\n"
...                 "Odesa port hit\\n\\nMOSCOW, May 14. /TASS/. Drones attacked Odesa.")
>>> str(h.when), h.url, h.text[h.text.index("Drones"):]
('2024-05-14', 'https://example.org/news/2024/05/14/strike', 'Drones attacked Odesa.')
>>> h = read_header("KYIV, Nov 18 (Reuters) - Russia attacked Odesa.")
>>> h.when is None, h.month_day
(True, (11, 18))
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from claimgraph.extract.events import MONTHS, DateRef, date_line, find_dates, years_in
from claimgraph.extract.lexicon import line_matches

__all__ = ["Header", "read_header"]

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
# "URL: ...", "Date: ...", "Published: ..." lines at the top.
_META = re.compile(
    r"[ \t]*(?P<key>url|link|source url|date|published|updated|dateline)[ \t]*:"
    r"[ \t]*(?P<value>[^\n]*)\n?",
    re.IGNORECASE,
)
# A wire dateline at the start of a paragraph: "KYIV, Nov 18 (Reuters) - ",
# "KYIV, Ukraine (AP) — ", "MOSCOW, May 14. /TASS/. ", "KYIV. May 14 (Interfax-Ukraine) - ".
_DATELINE = re.compile(
    r"[ \t]*(?P<city>[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,2})"
    r"(?:,[ \t]*[A-Z][\w.]*\.?)?[,.]?[ \t]*"
    r"(?:(?P<month>(?i:" + _MONTH_ALT + r"))\.?[ \t]+(?P<day>[0-3]?\d)\b[.,]?[ \t]*)?"
    r"(?:\((?P<agency>[A-Z][\w .-]{0,28})\)|/(?P<agency2>[A-Z][\w-]{1,20})/\.?)"
    # after the agency: a dash or colon, the date, or the end of the line (not a verb)
    r"(?=[ \t]*(?:[-–—:]|$|(?i:" + _MONTH_ALT + r")\b)|(?<=/\.))"
    r"[ \t]*(?:(?P<month2>(?i:" + _MONTH_ALT + r"))\.?[ \t]+(?P<day2>[0-3]?\d),?"
    r"(?:[ \t]+(?P<year2>(?:19|20)\d\d))?)?[ \t]*[-–—:]*[ \t]*"
)
# A capital-letter dateline with a colon: "MOSCOW: At least 15 people ...", "KYIV: ..."
_COLON_DATELINE = re.compile(
    r"(?m)^[ \t]*[A-Z][A-Z'’.-]+(?:[ ][A-Z][A-Z'’.-]+){0,2}:[ \t]+(?=[A-Z\d])"
)
# ... or with a dash, or a place's name with a colon, when it names a place ("KYIV-Russia
# claimed ...", "KHARKIV — Rescuers ...", "KYIV, Ukraine — Kyiv said ...", "Moscow: Russia
# said ..."; not "NATO-Russia talks", "Update: ...").
_PLACE_DATELINE = re.compile(
    r"(?m)^[ \t]*(?:(?P<city>[A-Z][A-Z'’.]{2,}(?:[ ][A-Z][A-Z'’.]+){0,2})"
    r"(?:,[ \t]*[A-Z][a-zA-Z.]+(?:[ ][A-Z][a-zA-Z.]+)?)?[ \t]*[-–—]"
    r"|(?P<town>[A-Z][a-z'’.-]+(?:[ ][A-Z][a-z'’.-]+){0,2}):)[ \t]*(?=[A-Z\d])"
)
# A dateline whose parenthesis holds the agency and the date:
# "Kyiv, (APP - Agency News - 2nd Feb, 2025) Ukraine accused ...".
_PAREN_DATELINE = re.compile(
    r"[ \t]*[A-Z][\w'’.-]*(?:[ ][A-Z][\w'’.-]*){0,2},?[ \t]*"
    r"\((?P<inside>[A-Z][^()\n]{0,80}?\b(?:19|20)\d\d)\)[ \t]*[-–—:]?[ \t]*(?=[A-Z\d])"
)
# A byline on its own line: "by AFP Staff Writers", "By BBC Verify".
_BYLINE = re.compile(r"^[ \t]*by[ \t]+[A-Z][^\n]{0,60}$", re.IGNORECASE | re.MULTILINE)
# Datelines and bylines are looked for in the report's opening characters only.
_HEAD = 2500
_URL_DATE = re.compile(
    r"(?<!\d)(20\d\d)[/-]([01]?\d)[/-]([0-3]?\d)(?!\d)|/(20\d\d)([01]\d)([0-3]\d)/"
)


@dataclass(slots=True)
class Header:
    """What the header says; ``text`` is the report with the header blanked (same offsets)."""

    text: str
    when: DateRef | None = None
    url: str = ""
    month_day: tuple[int, int] | None = None  # a dateline's day when its year is unknown
    place: str = ""  # the first dateline's city as written ("UMAN", "Kharkiv")


def _at_line_starts(
    pattern: re.Pattern[str], text: str, marks: str, within: int = 80
) -> list[re.Match[str]]:
    """The matches of ``pattern`` at the starts of the opening lines of ``text`` that hold
    one of ``marks`` among their first ``within`` characters (found by one scan)."""
    out = []
    tried: set[int] = set()
    for mark in _mark_class(marks).finditer(text, 0, _HEAD):
        start = text.rfind("\n", 0, mark.start()) + 1
        if start in tried or mark.start() - start > within:
            continue
        tried.add(start)
        m = pattern.match(text, start)
        if m is not None:
            out.append(m)
    return out


@lru_cache(maxsize=16)
def _mark_class(marks: str) -> re.Pattern[str]:
    return re.compile("[" + re.escape(marks) + "]")


def _blank(text: str, start: int, end: int) -> str:
    piece = text[start:end]
    return text[:start] + re.sub(r"[^\n]", " ", piece) + text[end:]


def _day(y: int, m: int, d: int, at: int, stop: int) -> DateRef | None:
    try:
        day = date(y, m, d)
    except ValueError:
        return None
    return DateRef(day, day, at, stop)


def read_header(text: str, is_place: Callable[[str], bool] | None = None) -> Header:
    """The header of a report: its date, URL and dateline, blanked from the text.

    ``is_place(name)`` says whether a name is a known place: a dateline of capitals
    and a dash is taken as one only for a place."""
    dl, n = date_line(text)
    body = " " * n + text[n:]
    header = Header(body, dl)
    meta_date: DateRef | None = None
    url_date: DateRef | None = None
    pos = n
    while True:  # metadata lines, one after the other, at the top
        m = _META.match(body, pos)
        if m is None or not m.group(0).strip():
            break
        key, value = m.group("key").casefold(), m.group("value").strip()
        if key in ("url", "link", "source url"):
            header.url = value if value.startswith(("http://", "https://")) else header.url
            u = _URL_DATE.search(value)
            if u:
                y, mo, d = (int(g) for g in (u.groups()[:3] if u.group(1) else u.groups()[3:]))
                url_date = _day(y, mo, d, m.start(), m.end())
        elif meta_date is None:
            found = [d for d in find_dates(value) if d.is_day]
            meta_date = DateRef(found[0].start, found[0].end, m.start(), m.end()) if found else None
        body = _blank(body, m.start(), m.end())
        pos = m.end()
    known = header.when if header.when is not None else meta_date
    for line in _at_line_starts(_DATELINE, body, "(/"):
        if line.start() > 0 and body[line.start() - 1] != "\n":
            continue
        header.place = header.place or line.group("city")
        month_word = line.group("month") or line.group("month2")
        if month_word and known is None:
            month = MONTHS[month_word.casefold().rstrip(".")]
            day = int(line.group("day") or line.group("day2"))
            year = int(line.group("year2")) if line.group("year2") else None
            if year is None and url_date is not None:
                year = url_date.start.year
            if year is None:
                years = years_in(body)
                year = years[0] if years else None
            if year is not None:
                known = _day(year, month, day, line.start(), line.end())
            elif header.month_day is None:
                header.month_day = (month, day)
        body = _blank(body, line.start(), line.end())
    for line in _at_line_starts(_PAREN_DATELINE, body, "("):
        if line.start() > 0 and body[line.start() - 1] != "\n":
            continue
        days = [d for d in find_dates(line.group("inside")) if d.is_day]
        if days and known is None:
            known = DateRef(days[0].start, days[0].end, line.start(), line.end())
        body = _blank(body, line.start(), line.end())
    for line in _at_line_starts(_COLON_DATELINE, body, ":", 40):
        header.place = header.place or line.group(0).strip(" \t:")
        body = _blank(body, line.start(), line.end())
    for line in _at_line_starts(_PLACE_DATELINE, body, "-–—:", 40):
        name = line.group("city") or line.group("town")
        if is_place is not None and is_place(name):
            header.place = header.place or name
            body = _blank(body, line.start(), line.end())
    for line in line_matches(_BYLINE, body, _HEAD):
        body = _blank(body, line.start(), line.end())
    if known is None:
        known = url_date
    header.when = known
    header.text = body
    return header
