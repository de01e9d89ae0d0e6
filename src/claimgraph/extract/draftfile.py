"""The draft claim file: a :class:`~claimgraph.extract.Draft` as YAML, written never over
a file that may carry a person's review unless asked.

:func:`generate_draft` yields the lines (a claim's fields in the order of
:data:`claimgraph.schema.CLAIM_FIELDS`); :func:`write_draft` writes them through
:func:`claimgraph.io.atomic.atomic_write`, bounded by the size ``validate`` reads.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from claimgraph.errors import OutputError
from claimgraph.extract.draft import UNKNOWN_SIDE, UNKNOWN_SIDE_NAME, Draft, DraftClaim, DraftEvent
from claimgraph.io.atomic import atomic_write
from claimgraph.io.files import MAX_FILE_BYTES
from claimgraph.io.yaml_write import dump
from claimgraph.model import Party
from claimgraph.schema import CLAIM_FIELDS

__all__ = ["event_record", "generate_draft", "write_draft"]


def event_record(ev: DraftEvent) -> dict[str, object]:
    """A new event of the draft as its record in an events mapping."""
    rec: dict[str, object] = {"title": ev.title}
    if ev.when is not None:
        if ev.when.is_day:
            rec["date"] = ev.when.start
        else:
            rec["start"] = ev.when.start
            rec["end"] = ev.when.end
    rec["place"] = ev.place
    if ev.region:
        rec["region"] = ev.region
    if ev.coords is not None:
        rec["coords"] = [ev.coords[0], ev.coords[1]]
    return rec


def _party_record(p: Party) -> dict[str, object]:
    rec: dict[str, object] = {"name": p.name, "side": p.side, "kind": p.kind}
    if p.aliases:
        rec["aliases"] = list(p.aliases)
    return rec


def _claim_record(c: DraftClaim) -> dict[str, object]:
    """The claim's fields a draft writes, in the order of :data:`claimgraph.schema.CLAIM_FIELDS`."""
    written: dict[str, object] = {"id": c.id, "event": c.event, "party": c.party}
    if c.speaker:
        written["speaker"] = c.speaker
    if c.via:
        written["via"] = c.via
    written["quote"] = c.quote
    written["aspect"] = c.aspect
    if c.value is not None and c.stance != "declines":
        written["value"] = c.value
    if c.stance != "asserts":
        written["stance"] = c.stance
    if c.certainty != "asserted":
        written["certainty"] = c.certainty
    if c.evidence:
        written["evidence"] = c.evidence[0] if len(c.evidence) == 1 else list(c.evidence)
    if c.said_on is not None:
        written["said_on"] = c.said_on
    return {name: written[name] for name in CLAIM_FIELDS if name in written}


def generate_draft(draft: Draft) -> Iterator[str]:
    """The lines of the draft claim file (YAML, the format ``claimgraph validate`` reads)."""
    yield f"# Draft written by `claimgraph extract` from {draft.source.get('file')}."
    yield "# Every claim needs a person's review: party, quote, aspect, value, stance."
    yield "# Drafts are left out of reports: when reviewed, run `claimgraph drafts promote`."
    doc: dict[str, object] = {}
    if any(p.side == UNKNOWN_SIDE for p in draft.parties.values()):
        doc["sides"] = {UNKNOWN_SIDE: UNKNOWN_SIDE_NAME}
    if draft.parties:
        doc["parties"] = {p.id: _party_record(p) for p in draft.parties.values()}
    used = {c.event for c in draft.claims}
    new_events = {
        e.id: event_record(e) for e in draft.events.values() if not e.known and e.id in used
    }
    if new_events:
        doc["events"] = new_events
    doc["source"] = dict(draft.source)
    doc["claims"] = [_claim_record(c) for c in draft.claims]
    yield from dump(doc).splitlines()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_draft(draft: Draft, out_dir: Path, *, force: bool = False) -> Path:
    """Write the draft into ``out_dir`` (created if needed); refuse to overwrite unless ``force``.

    Raises :class:`~claimgraph.errors.OutputError` when the file exists and
    ``force`` is false: a draft may already carry a person's review.
    """
    name = Path(draft.name).name
    if not name or name in (".", "..") or name != draft.name:
        raise OutputError(f"{draft.name}: not a plain file name")
    target = out_dir / name
    if target.exists() and not force:
        raise OutputError(f"{target}: already exists; not overwritten (use --force to replace it)")
    body = ("\n".join(generate_draft(draft)) + "\n").encode("utf-8")
    if len(body) > MAX_FILE_BYTES:
        raise OutputError(
            f"{target}: the draft would be {len(body):,} bytes, over the limit of "
            f"{MAX_FILE_BYTES:,} bytes that `claimgraph validate` reads; not written "
            "(split the report into smaller files)"
        )
    try:
        # mkstemp would make it 0600; drafts are for sharing, like reports. Without
        # force, the draft is linked into place: a file that appeared meanwhile stays.
        atomic_write(target, body, durable=False, mode=0o644 & ~_umask(), replace=force)
    except FileExistsError as exc:
        raise OutputError(
            f"{target}: already exists; not overwritten (use --force to replace it)"
        ) from exc
    except OSError as exc:
        raise OutputError(f"{target}: cannot write ({exc.strerror or exc})") from exc
    return target
