"""Write claims/*.yaml for realset3 from registry.py and specs.py; check every quote."""
import pathlib
import re

import yaml

import registry
import specs

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
CLAIMS = ROOT / "claims"
REAL2_PARTIES = ROOT.parent / "real2" / "claims" / "parties.yaml"


def norm(s):
    s = s.replace("\u2018", "'").replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", s)


def dump(path, data, header=""):
    text = yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
    path.write_text(header + text, encoding="utf-8")


def main():
    CLAIMS.mkdir(exist_ok=True)
    base = yaml.safe_load(REAL2_PARTIES.read_text(encoding="utf-8"))
    for pid, extra in registry.ALIASES_ADDED.items():
        base["parties"][pid]["aliases"].extend(extra)
    base["parties"].update(registry.NEW_PARTIES)
    dump(CLAIMS / "parties.yaml", base,
         "# Party registry: the previous set's registry (copied) plus the recurring speakers of these\n"
         "# incidents. Secondary speakers are defined in the claim files that use them.\n")
    dump(CLAIMS / "events.yaml", {"events": registry.EVENTS})
    dump(CLAIMS / "aspects.yaml", {"aspects": registry.ASPECTS})
    ids = set()
    bad = 0
    for s in specs.SOURCES:
        name = f"{s['num']}_{s['slug']}"
        report = ROOT / "reports" / f"{name}.txt"
        text = norm(report.read_text(encoding="utf-8"))
        source = {"id": f"src-{name}", "title": s["title"], "outlet": s["outlet"], "url": s["url"]}
        if s["published"]:
            source["published"] = s["published"]
        source.update({"language": "en", "file": f"reports/{name}.txt"})
        claims = []
        for c in s["claims"]:
            assert c["id"] not in ids, c["id"]
            ids.add(c["id"])
            if norm(c["quote"]) not in text:
                print("QUOTE NOT FOUND", name, c["id"], c["quote"])
                bad += 1
            d = {"id": c["id"], "event": s["event"], "party": c["party"]}
            for k in ("speaker", "via", "quote", "aspect", "value"):
                if k in c:
                    d[k] = c[k]
            d["stance"] = c.get("stance", "asserts")
            d["certainty"] = c.get("certainty", "asserted")
            for k in ("evidence", "said_on", "note"):
                if k in c:
                    d[k] = c[k]
            claims.append(d)
        data = {}
        if s["parties"]:
            data["parties"] = s["parties"]
        data["source"] = source
        data["claims"] = claims
        dump(CLAIMS / f"{name}.yaml", data)
    print(len(specs.SOURCES), "sources,", len(ids), "claims,", bad, "quotes not found")


if __name__ == "__main__":
    main()
