"""Write relations.yaml from relations.py; check ids, events and parties."""
import pathlib
import yaml
from relations import R

ROOT = pathlib.Path(__file__).resolve().parent.parent
claims = {}
for f in sorted((ROOT / "claims").glob("[0-9]*.yaml")):
    for c in yaml.safe_load(f.read_text(encoding="utf-8"))["claims"]:
        claims[c["id"]] = c
seen = set()
lines = ["relations:"]
titles = {"s": "# --- Sudzha, 1 February 2025: who struck the boarding school, with what ---",
          "v": "# --- Sevastopol, 23 June 2024: what fell on the beach, aimed at whom, whose responsibility ---",
          "p": "# --- Pokrovsk, 7 August 2023: command post or residential centre ---"}
cur = None
for a, b, t, note in R:
    ca, cb = claims[a], claims[b]
    assert ca["event"] == cb["event"], (a, b)
    assert ca["party"] != cb["party"], (a, b)
    assert ca["aspect"] == cb["aspect"], (a, b)
    assert (a, b) not in seen and (b, a) not in seen, (a, b)
    seen.add((a, b))
    if a[0] != cur:
        cur = a[0]
        lines.append("  " + titles[cur])
    lines.append(f"  - {{a: {a}, b: {b}, type: {t}, note: {yaml.safe_dump(note, default_style=chr(34), width=1000).strip()}}}")
(ROOT / "relations.yaml").write_text("\n".join(lines) + "\n", encoding="utf-8")
n_c = sum(1 for r in R if r[2] == "contradicts")
print(len(R), "relations:", n_c, "contradicts,", len(R) - n_c, "corroborates")
