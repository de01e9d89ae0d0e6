"""Events, aspects and registry additions for realset3 (hand-written)."""

EVENTS = {
    "sudzha-2025-02-01": {
        "title": "Strike on the boarding school in Ukrainian-held Sudzha, Kursk region",
        "date": "2025-02-01",
        "place": "Sudzha, boarding school",
        "region": "Kursk region (Russia), under Ukrainian control at the time",
        "coords": [51.19, 35.27],
    },
    "sevastopol-2024-06-23": {
        "title": "ATACMS missile strike on Sevastopol; fragments fall on the Uchkuyevka beach",
        "date": "2024-06-23",
        "place": "Sevastopol, Uchkuyevka beach (North Side)",
        "region": "Crimea (occupied)",
        "coords": [44.67, 33.52],
    },
    "pokrovsk-2023-08-07": {
        "title": "Two-missile (\"double-tap\") strike on central Pokrovsk: apartment block and Druzhba hotel",
        "date": "2023-08-07",
        "place": "Pokrovsk city centre (five-storey block, Druzhba hotel)",
        "region": "Donetsk Oblast",
        "coords": [48.28, 37.18],
    },
}

ASPECTS = {
    # copied from the previous set
    "perpetrator": {"type": "category", "values": {
        "ukrainian-forces": "the Ukrainian armed forces fired",
        "russian-forces": "the Russian armed forces fired"}},
    "intent": {"type": "category", "values": {
        "deliberate": "the strike hit what it was aimed at",
        "mistake": "the strike was an error"}},
    "victims": {"type": "category", "values": {
        "civilians": "the dead were civilians",
        "combatants": "the dead were servicemen or fighters"}},
    "hit-target": {"type": "category", "values": {
        "hit": "the strike hit its designated target",
        "missed": "the strike missed its designated target"}},
    "intended-target": {"type": "set"},
    "officials-killed": {"type": "set"},
    "children-killed": {"type": "count"},
    "missiles-launched": {"type": "count"},
    "rescued": {"type": "count"},
    # new in this set
    "launch-site": {"type": "set"},
    "responsibility": {"type": "set"},
    "targeting-support": {"type": "set"},
    "missiles-intercepted": {"type": "count"},
    "people-present": {"type": "count"},
    "trapped": {"type": "count"},
    "children-injured": {"type": "count"},
    "rescuers-killed": {"type": "count"},
    "rescuers-injured": {"type": "count"},
    "police-injured": {"type": "count"},
}

ALIASES_ADDED = {
    "crimea-occupation-authorities": ["Mikhail Razvozhaev", "Razvozhaev", "Sevastopol Governor"],
    "ukraine-eastern-group": ["Sergiy Cherevaty", "Serhii Cherevatyi", "Skhid (East) Group of Forces",
                              "operational command \"east\""],
    "ukraine-interior-ministry": ["Igor Klymenko"],
}

NEW_PARTIES = {
    "ukraine-kursk-commandant": {
        "name": "Ukrainian military commandant's office in the Kursk region",
        "side": "ukraine", "kind": "military",
        "aliases": ["Oleksiy Dmytrashkivsky", "Dmytrashkivsky", "military commandantʼs office in the Kursk region",
                    "Ukraine's military command in the region"]},
    "afp": {
        "name": "AFP (correspondents on the ground)", "side": "independent", "kind": "media",
        "aliases": ["AFP", "AFP correspondents"]},
}
