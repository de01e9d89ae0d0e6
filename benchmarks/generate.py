"""Synthetic claim archive for benchmarks: valid claim files and their source texts.

Writes, under ``OUT``, a project as a newsroom would keep it::

    OUT/claims/parties.yaml        200 parties on four sides
    OUT/claims/events.yaml         N/10 events
    OUT/claims/<year>/<src>.yaml   one file per source report, 50-150 claims each
    OUT/seeds/<src>.txt            the source's raw text; every quote occurs in it

Claims mix category, set and count aspects (the built-in aspects of
``src/claimgraph/data/aspects.yaml``), denials, silences (declines), hedged and
second-hand certainty, evidence, explicit links and updates (``supersedes``).
The same ``--seed`` gives byte-identical files.

Usage::

    python -m benchmarks.generate --claims 10000 --out /tmp/bench10k --seed 1
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import yaml

from claimgraph.model import slugify

VOCAB_PATH = Path(__file__).with_name("vocab.yaml")
BUILTIN_ASPECTS = Path(__file__).parents[1] / "src" / "claimgraph" / "data" / "aspects.yaml"

N_PARTIES = 200
SIDE_PREFIX = {"russia": "ru", "ukraine": "ua", "independent": "ind", "international": "intl"}
EVENTS_PER_SOURCE = 20
FIRST_DAY = date(2022, 2, 24)
DAYS = 1400

# Aspect mix: (aspect, weight). Declines use `comment`.
ASPECT_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("cause", 22),
    ("weapon", 12),
    ("interception", 9),
    ("target", 8),
    ("damage", 8),
    ("killed", 12),
    ("injured", 14),
    ("location", 5),
    ("comment", 5),
)
DENIAL_SHARE = 0.05
HEDGED_SHARE = 0.15
REPORTED_SHARE = 0.08
LINK_SHARE = 0.03
SUPERSEDE_SHARE = 0.3  # of repeated count claims by one party
REVIEW_SHARE = 0.005
NOTE_SHARE = 0.05
EVIDENCE_WEIGHTS: tuple[tuple[str, int], ...] = (
    ("", 50),
    ("none", 15),
    ("video", 12),
    ("photo", 10),
    ("eyewitness", 6),
    ("official", 4),
    ("document", 2),
    ("satellite", 1),
)

_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ._()/-]*[A-Za-z0-9.)]")
_YAML_WORDS = {"y", "n", "yes", "no", "true", "false", "on", "off", "null", "none", "~"}


def yaml_scalar(text: str) -> str:
    """A YAML scalar for ``text``: plain when unambiguous, else double-quoted.

    >>> yaml_scalar("drone-attack")
    'drone-attack'
    >>> yaml_scalar("no")
    '"no"'
    >>> yaml_scalar('said: "wait"')
    '"said: \\\\"wait\\\\""'
    """
    if _PLAIN.fullmatch(text) and text.casefold() not in _YAML_WORDS and " #" not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


@dataclass(slots=True)
class GenParty:
    id: str
    name: str
    side: str
    kind: str
    region: int
    speakers: list[str]


@dataclass(slots=True)
class GenEvent:
    id: str
    title: str
    day: date
    place: str
    region: int
    killed: int
    injured: int
    cause: str
    cast: list[int] = field(default_factory=list)  # the parties that speak of it
    claims: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Generator:
    """Builds the archive from a seed; see :func:`generate`."""

    rng: random.Random
    vocab: dict[str, Any]
    aspects: dict[str, Any]
    parties: list[GenParty] = field(default_factory=list)
    events: list[GenEvent] = field(default_factory=list)
    last_count: dict[tuple[str, str, str], tuple[str, date]] = field(default_factory=dict)
    claim_seq: int = 0
    said_in_source: set[tuple[str, ...]] = field(default_factory=set)

    # -- registries ---------------------------------------------------------

    def make_parties(self, n: int) -> None:
        rng, v = self.rng, self.vocab
        seen: set[str] = set()
        used: set[str] = set()  # speaker names: each names one party only
        sides = v["sides"]
        i = 0
        while len(self.parties) < n:
            side = sides[i % len(sides)]
            i += 1
            template = rng.choice(v["parties"][side])
            region = rng.randrange(len(v["regions"]))
            rname = v["regions"][region]["name"]
            name = template["name"].format(region=rname)
            pid = slugify(f"{SIDE_PREFIX[side]} {template['kind']} {rname}")
            if pid in seen:
                k = 2
                while f"{pid}-{k}" in seen:
                    k += 1
                pid, name = f"{pid}-{k}", f"{name} ({k})"
            seen.add(pid)
            speakers = [self._speaker(used) for _ in range(rng.randint(1, 3))]
            self.parties.append(GenParty(pid, name, side, template["kind"], region, speakers))

    def _speaker(self, used: set[str]) -> str:
        rng, v = self.rng, self.vocab
        name = f"{rng.choice(v['first_names'])} {rng.choice(v['last_names'])}"
        while name in used:
            first, last = name.split(" ", 1)
            name = f"{first} {rng.choice('ABCDEFGHIKLMNOPRSTVZ')}. {last}"
        used.add(name)
        return name

    def make_events(self, n: int) -> None:
        rng, v = self.rng, self.vocab
        days = sorted(FIRST_DAY + timedelta(days=rng.randrange(DAYS)) for _ in range(n))
        seen: set[str] = set()
        causes = list(self.aspects["cause"]["values"])
        for day in days:
            region = rng.randrange(len(v["regions"]))
            place = rng.choice(v["regions"][region]["places"])
            eid = f"{slugify(place)}-{day.isoformat()}"
            if eid in seen:
                k = 2
                while f"{eid}-{k}" in seen:
                    k += 1
                eid = f"{eid}-{k}"
            seen.add(eid)
            cause = rng.choice(causes[:9])
            title = f"{cause.replace('-', ' ').capitalize()} reported in {place}"
            self.events.append(
                GenEvent(
                    eid,
                    title,
                    day,
                    place,
                    region,
                    killed=rng.choice([0, 0, 1, 2, 3, 5, 8, 12]),
                    injured=rng.choice([0, 1, 2, 4, 6, 9, 15, 30]),
                    cause=cause,
                    cast=rng.sample(range(N_PARTIES), rng.randint(3, 8)),
                )
            )

    def parties_yaml(self) -> str:
        lines = [
            "# Parties of the synthetic benchmark archive (benchmarks/generate.py).",
            "parties:",
        ]
        for p in self.parties:
            aliases = ", ".join(yaml_scalar(s) for s in p.speakers)
            lines += [
                f"  {p.id}:",
                f"    name: {yaml_scalar(p.name)}",
                f"    side: {p.side}",
                f"    kind: {p.kind}",
                f"    aliases: [{aliases}]",
            ]
        return "\n".join(lines) + "\n"

    def events_yaml(self) -> str:
        lines = [
            "# Events of the synthetic benchmark archive (benchmarks/generate.py).",
            "events:",
        ]
        for e in self.events:
            region = self.vocab["regions"][e.region]["name"]
            lines += [
                f"  {e.id}:",
                f"    title: {yaml_scalar(e.title)}",
                f"    date: {e.day.isoformat()}",
                f"    place: {yaml_scalar(e.place)}",
                f"    region: {yaml_scalar(region)}",
            ]
        return "\n".join(lines) + "\n"

    # -- claims -------------------------------------------------------------

    def _pick(self, weighted: tuple[tuple[str, int], ...]) -> str:
        return self.rng.choices([w[0] for w in weighted], [w[1] for w in weighted])[0]

    def _count_phrase(self, true: int) -> tuple[str, str]:
        """(raw value, words in the quote) for a count near ``true``."""
        rng, v = self.rng, self.vocab
        n = max(0, true + rng.choice([0, 0, 0, 1, -1, 2, 5]))
        form = rng.choice(v["count_phrases"])
        if form == "{word}" and n < len(v["number_words"]):
            text = v["number_words"][n]
        elif "{" in form:
            text = form.format(n=max(n, 1), word=n)
        else:
            text = form
        return text, text

    def _value(self, aspect: str, event: GenEvent) -> tuple[Any, str]:
        """(raw value as written in the file, the words for it in the quote)."""
        rng, v, a = self.rng, self.vocab, self.aspects
        if aspect == "cause":
            value = event.cause if rng.random() < 0.6 else rng.choice(list(a["cause"]["values"]))
            syns = a["cause"].get("synonyms", {}).get(value, [])
            if syns and rng.random() < 0.4:
                word = rng.choice(syns)
                return word, word
            return value, a["cause"]["values"][value]
        if aspect == "interception":
            value = rng.choice(list(a["interception"]["values"]))
            return value, a["interception"]["values"][value]
        if aspect == "weapon":
            keys = list(a["weapon"]["synonyms"])
            items = rng.sample(keys, rng.choice([1, 1, 1, 2]))
            words = [rng.choice(a["weapon"]["synonyms"][k]) for k in items]
            return (words[0] if len(words) == 1 else words), " and ".join(words)
        if aspect in ("target", "damage"):
            pool = v["targets"] if aspect == "target" else v["damages"]
            items = rng.sample(pool, rng.choice([1, 1, 2, 3]))
            words = [i.replace("-", " ") for i in items]
            return (items[0] if len(items) == 1 else items), ", ".join(words)
        if aspect == "location":
            place = rng.choice(v["regions"][event.region]["places"])
            return place, place
        if aspect in ("killed", "injured"):
            return self._count_phrase(event.killed if aspect == "killed" else event.injured)
        raise ValueError(aspect)

    def _quote(self, key: str, event: GenEvent, words: str, target_len: int) -> str:
        rng, v = self.rng, self.vocab
        template = rng.choice(v["quotes"][key])
        q = rng.choice(v["openers"]) + template.format(value=words, place=event.place, count=words)
        q = q[0].upper() + q[1:] + rng.choice(v["times"])
        for filler in rng.sample(v["fillers"], len(v["fillers"])):
            if len(q) >= target_len:
                break
            q += filler
        if len(q) > 250:
            q = q[:250].rsplit(" ", 1)[0].rstrip(",;")
        return q

    def claim(self, event: GenEvent, source_day: date) -> tuple[list[str], str]:
        """One claim: its YAML lines (a list item) and the paragraph quoting it."""
        rng = self.rng
        party = self.parties[rng.choice(event.cast)]
        aspect = self._pick(ASPECT_WEIGHTS)
        stance = "asserts"
        raw: Any = None
        if aspect == "comment":
            stance = "declines"
            quote = self._quote("comment", event, "", rng.randint(60, 160))
        else:
            raw, words = self._value(aspect, event)
            if aspect == "cause" and rng.random() < DENIAL_SHARE * 4:
                stance = "denies"
                quote = self._quote("denial", event, words, rng.randint(60, 200))
            else:
                quote = self._quote(aspect, event, words, rng.randint(60, 220))
        said = (event.id, party.id, aspect, stance, quote)
        if said in self.said_in_source:  # the same words twice in one report: reword
            quote = f"{quote}, {event.place} {self.claim_seq}"[:250]
        self.said_in_source.add((event.id, party.id, aspect, stance, quote))
        self.claim_seq += 1
        cid = f"{event.id}-{party.id}-{aspect}-{self.claim_seq:x}"
        speaker = rng.choice(party.speakers) if rng.random() < 0.7 else ""
        said_on = event.day + timedelta(days=rng.randint(0, max(0, (source_day - event.day).days)))
        r = rng.random()
        certainty = (
            "hedged"
            if r < HEDGED_SHARE
            else "reported"
            if r < HEDGED_SHARE + REPORTED_SHARE
            else "asserted"
        )
        evidence = self._pick(EVIDENCE_WEIGHTS)

        lines = [
            f"  - id: {cid}",
            f"    event: {event.id}",
            f"    party: {party.id}",
        ]
        if speaker:
            lines.append(f"    speaker: {yaml_scalar(speaker)}")
        lines.append(f"    via: {rng.choice(self.vocab['vias'])}")
        lines.append(f"    quote: {json.dumps(quote, ensure_ascii=False)}")
        lines.append(f"    aspect: {aspect}")
        if raw is not None:
            if isinstance(raw, list):
                lines.append(f"    value: [{', '.join(yaml_scalar(x) for x in raw)}]")
            else:
                lines.append(f"    value: {yaml_scalar(str(raw))}")
        if stance != "asserts":
            lines.append(f"    stance: {stance}")
        if certainty != "asserted":
            lines.append(f"    certainty: {certainty}")
        if evidence:
            lines.append(f"    evidence: {evidence}")
        lines.append(f"    said_on: {said_on.isoformat()}")

        contradicts = ""
        supersedes = ""
        if event.claims and rng.random() < LINK_SHARE:
            contradicts = rng.choice(event.claims)
        key = (event.id, party.id, aspect)
        if aspect in ("killed", "injured") and stance == "asserts":
            prev = self.last_count.get(key)
            if prev and prev[1] <= said_on and rng.random() < SUPERSEDE_SHARE:
                supersedes = prev[0]
            self.last_count[key] = (cid, said_on)
        if contradicts or supersedes:
            lines.append("    links:")
            if contradicts:
                lines.append(f"      contradicts: [{contradicts}]")
            if supersedes:
                lines.append(f"      supersedes: {supersedes}")
        if rng.random() < REVIEW_SHARE:
            rating = rng.choice(["False", "Misleading", "Unproven", "Mostly true"])
            lines += [
                "    review:",
                f"      rating: {yaml_scalar(rating)}",
                f"      value: {rng.randint(1, 5)}",
                "      best: 5",
                "      worst: 1",
                "      reviewer: Synthetic Fact Check",
                f"      date: {(source_day + timedelta(days=2)).isoformat()}",
            ]
        if rng.random() < NOTE_SHARE:
            lines.append(f"    note: {json.dumps('Checked against ' + event.place + ' footage.')}")
        event.claims.append(cid)

        who = f"{speaker} ({party.name})" if speaker else party.name
        if certainty == "reported":
            para = f'Citing local residents, {who} reported: "{quote}."'
        elif certainty == "hedged":
            para = f'According to preliminary data from {who}, "{quote}."'
        else:
            para = f'{who} said: "{quote}."'
        return lines, para

    def sources(self, n_claims: int) -> Iterator[tuple[str, str, str]]:
        """Yield (relative claim file path, claim file text, source text) per source."""
        rng, v = self.rng, self.vocab
        n_events = len(self.events)
        left = n_claims
        k = 0
        # Mean 100 claims per source: spread the sources evenly over the events.
        n_sources = max(1, round(n_claims / 100))
        while left > 0:
            size = min(left, rng.randint(50, 150)) if left > 150 else left
            left -= size
            centre = min(n_events - 1, k * n_events // n_sources)
            lo = max(0, centre - EVENTS_PER_SOURCE // 2)
            window = self.events[lo : lo + EVENTS_PER_SOURCE]
            day = max(e.day for e in window) + timedelta(days=1)
            sid = f"src-{day.year}-{k:06d}"
            outlet = rng.choice(v["outlets"])
            main = rng.choice(window)
            title = f"{main.title} and other reports, {day.isoformat()}"
            header = [
                f"# Source report {k} of the synthetic benchmark archive.",
                "source:",
                f"  id: {sid}",
                f"  title: {yaml_scalar(title)}",
                f"  outlet: {yaml_scalar(outlet)}",
                f"  url: https://example.org/{slugify(outlet)}/{sid}",
                f"  published: {day.isoformat()}",
                f"  language: {rng.choice(v['languages'])}",
                f"  file: seeds/{sid}.txt",
                "claims:",
            ]
            body: list[str] = []
            self.said_in_source.clear()
            paras = [title, f"date {day.isoformat()}", ""]
            # Every event gets claims: those of the window nobody spoke of yet come first.
            silent = [e for e in window if not e.claims]
            for i in range(size):
                event = silent[i] if i < len(silent) else rng.choice(window)
                lines, para = self.claim(event, day)
                body += lines
                paras.append(para)
                if rng.random() < 0.2:
                    paras.append(rng.choice(v["article_fillers"]))
                paras.append("")
            k += 1
            yield (
                f"{day.year}/{sid}.yaml",
                "\n".join(header + body) + "\n",
                "\n".join(paras),
            )


def generate(n_claims: int, out: Path, seed: int = 1) -> dict[str, int]:
    """Write a synthetic archive of ``n_claims`` claims under ``out``; return counts.

    ``out`` must not exist yet or be empty: the generator never overwrites.
    """
    if out.exists() and any(out.iterdir()):
        raise FileExistsError(f"{out} exists and is not empty")
    vocab = yaml.safe_load(VOCAB_PATH.read_text(encoding="utf-8"))
    aspects = yaml.safe_load(BUILTIN_ASPECTS.read_text(encoding="utf-8"))["aspects"]
    gen = Generator(random.Random(seed), vocab, aspects)
    gen.make_parties(N_PARTIES)
    gen.make_events(max(1, n_claims // 10))
    claims_dir = out / "claims"
    seeds_dir = out / "seeds"
    claims_dir.mkdir(parents=True, exist_ok=True)
    seeds_dir.mkdir(parents=True, exist_ok=True)
    (claims_dir / "parties.yaml").write_text(gen.parties_yaml(), encoding="utf-8")
    (claims_dir / "events.yaml").write_text(gen.events_yaml(), encoding="utf-8")
    files = 0
    for rel, claim_text, source_text in gen.sources(n_claims):
        path = claims_dir / rel
        path.parent.mkdir(exist_ok=True)
        path.write_text(claim_text, encoding="utf-8")
        (seeds_dir / f"{path.stem}.txt").write_text(source_text, encoding="utf-8")
        files += 1
    return {
        "claims": gen.claim_seq,
        "events": len(gen.events),
        "parties": len(gen.parties),
        "sources": files,
    }


def main(argv: list[str] | None = None) -> int:
    """Command line: ``python -m benchmarks.generate --claims N --out DIR [--seed S]``."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--claims", type=int, required=True, help="number of claims")
    parser.add_argument("--out", type=Path, required=True, help="new folder to write into")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    args = parser.parse_args(argv)
    try:
        counts = generate(args.claims, args.out, args.seed)
    except FileExistsError as exc:
        parser.error(str(exc))
    print(", ".join(f"{v} {k}" for k, v in counts.items()), f"written to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
