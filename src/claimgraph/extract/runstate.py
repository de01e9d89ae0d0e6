"""What the steps of one report's extraction share: the run's state (:class:`_RunState`,
set by :class:`claimgraph.extract.run._Run`) and a piece of a sentence (:class:`_Segment`)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from claimgraph.extract.attribution import Resolver
from claimgraph.extract.draft import Draft, DraftClaim, DraftEvent
from claimgraph.extract.events import DateRef
from claimgraph.extract.header import Header
from claimgraph.extract.lexicon import Lexicon
from claimgraph.extract.sentences import Sentence
from claimgraph.model import Party

if TYPE_CHECKING:
    from claimgraph.extract import Extractor


@dataclass(slots=True)
class _Segment:
    text: str
    start: int
    paragraph: int
    # "..., the ministry said, adding (that) ...": the words after "adding" are the
    # previous segment's speaker's
    added: bool = False


class _RunState:
    """The state of one report's extraction, declared once for the steps that read it.

    :class:`claimgraph.extract.run._Run` sets it (``__init__``, and the event
    plan in :meth:`~claimgraph.extract.planning._EventPlanning._plan_events`).
    """

    ex: Extractor
    lex: Lexicon
    text: str
    path: Path
    stem: str
    resolver: Resolver
    claims: list[DraftClaim]
    events: dict[str, DraftEvent]
    parties: dict[str, Party]
    ids: set[str]
    _next_n: dict[str, int]
    _ends: list[int]
    _said: set[tuple[str, str, str, str]]  # (party, aspect, quote, stance)
    _generic: set[str]  # ids of claims whose speaker is generic ("Moscow")
    _speaking_generic: bool  # the speaker of the claims being added is generic
    _generic_memo: dict[str, bool]
    _event_ids: dict[tuple[str, date | None, date | None], str]
    header: Header
    body: str
    sentences: list[Sentence]
    month_day: tuple[int, int] | None
    published: date | None
    ref: date | None
    main_when: DateRef | None
    sentence_event: list[str]
    draft: Draft
