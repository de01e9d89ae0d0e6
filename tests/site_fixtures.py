"""Corpora for the HTML site tests: a hostile one, and one event with ten parties."""

from __future__ import annotations

from datetime import date

from claimgraph.load import builtin_aspects, builtin_sides
from claimgraph.model import (
    Certainty,
    Claim,
    Corpus,
    Event,
    Interval,
    Links,
    Party,
    Review,
    Side,
    Source,
    Stance,
)

# Each payload, if it ever ran, would set window.__pwned (or open a dialog).
PAYLOADS = [
    "<script>window.__pwned='script'</script>",
    "<img src=x onerror=\"window.__pwned='img'\">",
    '"><svg onload="window.__pwned=\'svg\'">',
    "'><b onmouseover=alert(1)>hover</b>",
    "</title><script>window.__pwned='title'</script>",
    "</style><script>window.__pwned='style'</script>",
    "</textarea></q></details><script>window.__pwned='close'</script>",
    "<a href=\"javascript:window.__pwned='a'\">click</a>",
    "<iframe src=\"javascript:window.__pwned='iframe'\"></iframe>",
    "<link rel=stylesheet href=https://evil.example/x.css>",
    "&lt;script&gt; &amp; &#60;b&#62;",
]
BAD_URLS = [
    "javascript:window.__pwned='url'",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "//evil.example/x",
]
HOSTILE_EVENT = "<script>window.__pwned='id'</script>"


def hostile_corpus() -> Corpus:
    """One event whose every person-written text is markup that tries to run."""
    corpus = Corpus(sides=builtin_sides(), aspects=builtin_aspects())
    corpus.sides["<b>evil</b>"] = Side("<b>evil</b>", "<script>window.__pwned='side'</script>")
    parties = {
        "p-script": Party("p-script", PAYLOADS[0], "russia"),
        "p-img": Party("p-img", PAYLOADS[1], "ukraine"),
        '"><x onclick=alert(1)>': Party('"><x onclick=alert(1)>', PAYLOADS[2], "<b>evil</b>"),
    }
    corpus.parties.update(parties)
    corpus.events[HOSTILE_EVENT] = Event(
        HOSTILE_EVENT,
        PAYLOADS[4],
        date(2024, 1, 4),
        place=PAYLOADS[5],
        region=PAYLOADS[1],
    )
    corpus.sources["s1"] = Source(
        "s1", PAYLOADS[7], PAYLOADS[0], BAD_URLS[0], date(2024, 1, 5), 'en"><script>'
    )
    corpus.sources["s2"] = Source("s2", PAYLOADS[8], PAYLOADS[9], BAD_URLS[2], None, "uk")
    party_ids = list(parties)
    claims = [
        ("h1", party_ids[0], "s1", "cause", "missile-attack", PAYLOADS[0], Stance.ASSERTS),
        ("h2", party_ids[1], "s2", "cause", "drone-attack", PAYLOADS[1], Stance.ASSERTS),
        ("h3", party_ids[2], "s1", "injured", Interval(4, 4, PAYLOADS[3]), PAYLOADS[6], None),
        ("h4", party_ids[0], "s2", "injured", Interval(10, 10, "ten"), PAYLOADS[10], None),
        ("h5", party_ids[2], "s2", "weapon", frozenset({PAYLOADS[2], "<i>x</i>"}), "", None),
        ("h6", party_ids[1], "s1", "comment", None, PAYLOADS[8], Stance.DECLINES),
    ]
    for cid, party, source, aspect, value, quote, stance in claims:
        corpus.claims[cid] = Claim(
            id=cid,
            event=HOSTILE_EVENT,
            party=party,
            source=source,
            aspect=aspect,
            value=value,
            quote=quote,
            stance=stance or Stance.ASSERTS,
            certainty=Certainty.HEDGED if cid == "h1" else Certainty.ASSERTED,
            evidence=("video",) if cid == "h2" else (),
            speaker=PAYLOADS[3] if cid in ("h1", "h3") else "",
            via=PAYLOADS[5] if cid == "h2" else "",
            said_on=date(2024, 1, 4),
            links=Links(contradicts=("h1",)) if cid == "h5" else Links(),
            review=Review(PAYLOADS[0], 1, 5, 1, PAYLOADS[1], date(2024, 1, 6), BAD_URLS[1])
            if cid == "h1"
            else None,
        )
    return corpus


SIDES = ["russia", "ukraine", "independent", "international"]


def ten_party_corpus() -> Corpus:
    """One event on which ten parties on four sides give five contradicting answers."""
    corpus = Corpus(sides=builtin_sides(), aspects=builtin_aspects())
    names = [
        "Ministry of Defence of the Russian Federation",
        "Russian occupation authorities in Crimea",
        "Main Directorate of Intelligence of the Ministry of Defence of Ukraine (HUR)",
        "Air Force of the Armed Forces of Ukraine",
        "Crimean Wind Telegram channel",
        "Local residents (eyewitnesses)",
        "Social media posts (unattributed)",
        "Institute for the Study of War",
        "United Nations Human Rights Monitoring Mission in Ukraine",
        "Reuters",
    ]
    sides = ["russia", "russia", "ukraine", "ukraine"] + ["independent"] * 3 + ["international"] * 3
    for i, (name, side) in enumerate(zip(names, sides, strict=True)):
        corpus.parties[f"party-{i}"] = Party(f"party-{i}", name, side)
    corpus.events["ten"] = Event("ten", "Strike on the port", date(2024, 3, 1), place="Odesa")
    corpus.sources["s"] = Source("s", "A report", "An outlet", "https://example.org/r")
    answers = ["all-intercepted", "partly-intercepted", "hits", "all-intercepted", "hits"]
    causes = ["drone-attack", "missile-attack", "air-defence-debris", "sabotage", "drone-attack"]
    counts = [Interval(0, 0, "none"), Interval(3, 3, "three"), Interval(12, 99, "dozens")]
    for i in range(10):
        for aspect, value in (
            ("interception", answers[i % 5]),
            ("cause", causes[(i * 3) % 5]),
            ("killed", counts[i % 3]),
        ):
            cid = f"c{i}-{aspect}"
            corpus.claims[cid] = Claim(
                id=cid,
                event="ten",
                party=f"party-{i}",
                source="s",
                aspect=aspect,
                value=value,
                quote=f"Quote {i} on {aspect}: it was {value}.",
                speaker=f"Speaker {i}" if i % 2 else "",
                said_on=date(2024, 3, 1 + i % 3),
            )
    return corpus
