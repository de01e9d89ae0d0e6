"""The claim-file schema: one table of every record kind's fields, in the order files are written.

The reader's checks (:class:`claimgraph.checks.FieldReader`), the bulk formats'
columns (:mod:`claimgraph.bulk`), convert's field order and the CSV header all
come from :data:`FIELDS`; add a field here (and where its value is read, in
:mod:`claimgraph.load`) and every format knows it.

>>> list(FIELDS["links"])
['contradicts', 'corroborates', 'supersedes']
>>> REQUIRED["claim"]
('id', 'event', 'party', 'aspect')
>>> CLAIM_FIELDS[:3], "source" in CLAIM_FIELDS
(('id', 'event', 'party'), False)
"""

from __future__ import annotations

__all__ = [
    "CLAIM_FIELDS",
    "EXTENSION_PREFIX",
    "FIELDS",
    "LINK_FIELDS",
    "REQUIRED",
    "REVIEW_FIELDS",
    "SOURCE_FIELDS",
]

# Known fields of each record kind, and what each holds:
# text | texts (one or a list) | date | moment (date or datetime) | bool | int | any
FIELDS: dict[str, dict[str, str]] = {
    "file": {
        "sides": "any",
        "parties": "any",
        "events": "any",
        "aspects": "any",
        "source": "any",
        "claims": "any",
    },
    "source": {
        "id": "text",
        "title": "text",
        "outlet": "text",
        "url": "text",
        "published": "date",
        "language": "text",
        "file": "text",
        "status": "text",
    },
    "party": {"name": "text", "side": "text", "kind": "text", "aliases": "texts"},
    "event": {
        "title": "text",
        "date": "date",
        "start": "date",
        "end": "date",
        "place": "text",
        "region": "text",
        "coords": "any",
    },
    "aspect": {
        "type": "text",
        "label": "text",
        "values": "any",
        "synonyms": "any",
        "compatible": "any",
        "kinds": "any",
        "kind_items": "any",
        "closed": "bool",
    },
    "claim": {
        "id": "text",
        "event": "text",
        "party": "text",
        "source": "text",
        "speaker": "text",
        "via": "text",
        "quote": "text",
        "aspect": "text",
        "value": "any",
        "stance": "text",
        "certainty": "text",
        "evidence": "texts",
        "said_on": "moment",
        "links": "any",
        "review": "any",
        "note": "text",
    },
    "links": {"contradicts": "texts", "corroborates": "texts", "supersedes": "text"},
    "review": {
        "rating": "text",
        "value": "int",
        "best": "int",
        "worst": "int",
        "reviewer": "text",
        "date": "date",
        "url": "text",
        "summary": "text",
    },
}

# Fields a record cannot do without (a claim's ``value`` is checked by stance).
REQUIRED: dict[str, tuple[str, ...]] = {
    "source": ("id",),
    "party": ("name", "side"),
    "event": ("title",),
    "claim": ("id", "event", "party", "aspect"),
    "review": ("rating",),
}

# Fields whose names start with this are the fact-checker's own and never checked.
EXTENSION_PREFIX = "x-"

# The fields of the YAML mappings, in the order files are written. A claim's
# ``source`` is left out: in a claim file the claims sit under their source.
SOURCE_FIELDS: tuple[str, ...] = tuple(FIELDS["source"])
CLAIM_FIELDS: tuple[str, ...] = tuple(f for f in FIELDS["claim"] if f != "source")
LINK_FIELDS: tuple[str, ...] = tuple(FIELDS["links"])
REVIEW_FIELDS: tuple[str, ...] = tuple(FIELDS["review"])
