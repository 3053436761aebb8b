#!/usr/bin/env python3
"""Builds ../heldout-2.json from the hand-written tables, deterministically (standard library only).

    python3 build.py           validate, write ../heldout-2.json and counts.md, print the counts
    python3 build.py --check   validate and fail if the files on disk differ from a fresh build

The tables decide names, addresses, labels and notes. This script only fills in the mechanical fields:
issuing member states (rotated, always two different states unless the row gives them), control
entries (rotated, identical on both sides unless the row gives them), destination (the candidate
end user's country unless the row gives it), grounds and notification dates.
"""
import datetime
import hashlib
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import cases_translit  # noqa: E402
import cases_forms  # noqa: E402
import cases_entities  # noqa: E402
import cases_structural  # noqa: E402
from common import M, REL, N  # noqa: E402

OUT = os.path.join(HERE, "..", "heldout-2.json")
COUNTS = os.path.join(HERE, "counts.md")

EU27 = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
MEMBER_STATES = set(EU27) | {"GR"}

# ISO 3166-1 alpha-2 codes that the tables may use (destinations and party countries).
COUNTRIES = set("""
AE AL AM AO AR AZ BA BR BY CH CL CN CO DZ EG GE HK ID IL IN IQ IR JO KG KR KZ LB LK MA MM MX MY
OM PA PE PK QA RS RU SA SG SN SY TH TJ TM TR TW UA UZ VN
""".split())

ENTRY_POOL = [
    ["3A001.a.2"], ["5A002.a"], ["2B001.b.2"], ["6A003.b.4"], ["1C010.b"], ["9A012.a"],
    ["3A001.b.2"], ["5A001.j"], ["4A003.b"], ["6A008.j.1"], ["2B350.c"], ["7A003"],
    ["3B001.e"], ["1A004.a"], ["6A005.b"], ["5A004.a"], ["2B230"], ["0A001.a"],
]
ENTRY_RE = re.compile(r"^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$")

GROUNDS_POOL = [
    "Risk of diversion to a military end use (Art 4(1)(b))",
    "Possible contribution to a WMD programme (Art 4(1)(a))",
    "Risk of diversion to an unauthorised end user",
    "End user involved in procurement for an embargoed destination",
    "Cyber-surveillance item; risk of use for internal repression (Art 5)",
    "Insufficient end-use assurances",
    "Inconsistent end-user documentation",
]

FAMILY_LABELS = {  # families whose label is fixed by construction
    "generic-name-different-firm": {N},
    "similar-name-other-city": {N},
    "other-destination": {N},
    "same-member-state": {N},
}


def greek(ms):
    return "EL" if ms in ("EL", "GR") else ms


def related_entry(a, b):
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def entries_overlap(ca, da):
    return any(related_entry(a, b) for a in ca for b in da)


def party(p, what):
    assert isinstance(p, tuple) and len(p) == 3, what
    name, address, country = p
    for v in p:
        assert isinstance(v, str) and v.strip() == v and v, (what, p)
    assert country in COUNTRIES, (what, country)
    return {"name": name, "address": address, "country": country}


def states(i):
    a = EU27[(i * 7) % 27]
    b = EU27[(i * 7 + 1 + (i * 5) % 25) % 27]
    assert a != b
    # Greece is written GR instead of EL on every other case where it comes up.
    if i % 2:
        a = "GR" if a == "EL" else a
        b = "GR" if b == "EL" else b
    return a, b


def build():
    rows = []
    for module in (cases_translit, cases_forms, cases_entities, cases_structural):
        for family, table in module.TABLES:
            for row in table:
                rows.append((family, row))

    cases = []
    for i, (family, row) in enumerate(rows):
        n = i + 1
        cid, did = "x-%04d" % n, "xden-%04d" % n
        cms, dms = row["ms"] if row["ms"] else states(i)
        cent, dent = row["ent"] if row["ent"] else (ENTRY_POOL[i % len(ENTRY_POOL)], ENTRY_POOL[i % len(ENTRY_POOL)])
        dest = row["dest"] or row["cand"][2]
        cdest, ddest = (dest, dest) if isinstance(dest, str) else dest
        grounds = [GROUNDS_POOL[i % len(GROUNDS_POOL)]]
        if i % 3 == 0:
            grounds.append(GROUNDS_POOL[(i + 3) % len(GROUNDS_POOL)])
        notified = datetime.date(2022, 3, 7) + datetime.timedelta(days=(i * 41) % 1290)
        cases.append({
            "id": cid,
            "family": family,
            "note": row["note"],
            "candidate": {
                "issuingMemberState": cms,
                "controlEntries": list(cent),
                "destinationCountry": cdest,
                "endUser": party(row["cand"], cid + " candidate end user"),
                "consignee": party(row["cc"], cid + " candidate consignee") if row["cc"] else None,
            },
            "denial": {
                "denialId": did,
                "issuingMemberState": dms,
                "controlEntries": list(dent),
                "destinationCountry": ddest,
                "endUser": party(row["den"], cid + " denial end user"),
                "consignee": party(row["dc"], cid + " denial consignee") if row["dc"] else None,
                "grounds": grounds,
                "notifiedAt": notified.isoformat() + "T00:00:00Z",
            },
            "expected": row["label"],
        })
        validate(cases[-1], row)
    validate_set(cases)
    return cases


def validate(c, row):
    cid, cand, den, label = c["id"], c["candidate"], c["denial"], c["expected"]
    assert label in (M, REL, N), cid
    assert c["note"] and c["note"].endswith((".", ")")) and not c["note"].endswith("..."), (cid, c["note"])
    for side in (cand, den):
        assert side["issuingMemberState"] in MEMBER_STATES, cid
        assert side["destinationCountry"] in COUNTRIES, cid
        assert side["controlEntries"] and all(ENTRY_RE.match(e) for e in side["controlEntries"]), cid
        assert side["endUser"] is not None, cid
    other_state = greek(cand["issuingMemberState"]) != greek(den["issuingMemberState"])
    same_dest = cand["destinationCountry"] == den["destinationCountry"]
    item = entries_overlap(cand["controlEntries"], den["controlEntries"])
    if not (other_state and same_dest and item):
        assert label == N, (cid, "a structural condition fails, so the label must be NO_MATCH")
    fam = c["family"]
    if fam in FAMILY_LABELS:
        assert label in FAMILY_LABELS[fam], (cid, fam, label)
    if fam == "other-destination":
        assert not same_dest and other_state and item, cid
    if fam == "same-member-state":
        assert not other_state and same_dest and item, cid
    if fam == "greece-el-gr":
        assert {cand["issuingMemberState"], den["issuingMemberState"]} & {"EL", "GR"}, cid
        assert same_dest and item, cid
        assert label == (M if other_state else N), cid
    if fam == "control-entry-hierarchy":
        assert row["ent"] is not None and other_state and same_dest, cid
        assert label == (M if item else N), cid
    if fam == "consignee-match":
        assert cand["consignee"] or den["consignee"], cid
    if fam not in ("control-entry-hierarchy", "consignee-match"):
        assert row["ent"] is None, (cid, "only structural families set entries")


def validate_set(cases):
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "duplicate ids"
    dids = [c["denial"]["denialId"] for c in cases]
    assert len(dids) == len(set(dids)), "duplicate denial ids"
    for k, c in enumerate(cases):
        assert c["id"] == "x-%04d" % (k + 1) and c["denial"]["denialId"] == "xden-%04d" % (k + 1)
    seen = set()
    for c in cases:
        key = json.dumps([c["candidate"], {k: v for k, v in c["denial"].items()
                                           if k not in ("denialId", "grounds", "notifiedAt")}],
                         sort_keys=True, ensure_ascii=False)
        assert key not in seen, (c["id"], "duplicate case content")
        seen.add(key)
    assert len(cases) >= 300, len(cases)


def counts_table(cases):
    fams = {}
    for c in cases:
        fams.setdefault(c["family"], {M: 0, REL: 0, N: 0})[c["expected"]] += 1
    lines = ["| family | MATCH | RELATED | NO_MATCH | total |", "|---|---|---|---|---|"]
    tot = {M: 0, REL: 0, N: 0}
    for f in fams:
        d = fams[f]
        for k in tot:
            tot[k] += d[k]
        lines.append("| %s | %d | %d | %d | %d |" % (f, d[M], d[REL], d[N], sum(d.values())))
    t = sum(tot.values())
    lines.append("| **all** | %d (%.1f%%) | %d (%.1f%%) | %d (%.1f%%) | %d |" % (
        tot[M], 100.0 * tot[M] / t, tot[REL], 100.0 * tot[REL] / t, tot[N], 100.0 * tot[N] / t, t))
    return "\n".join(lines) + "\n"


def main():
    cases = build()
    data = json.dumps(cases, ensure_ascii=False, indent=2) + "\n"
    counts = counts_table(cases)
    if "--check" in sys.argv:
        for path, text in ((OUT, data), (COUNTS, counts)):
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    sys.exit("%s is out of date: run python3 build.py" % path)
        print("ok: %d cases, files up to date, sha256 %s" % (len(cases), hashlib.sha256(data.encode()).hexdigest()))
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(data)
    with open(COUNTS, "w", encoding="utf-8", newline="\n") as f:
        f.write(counts)
    print(counts, end="")
    print("wrote %s (%d cases, sha256 %s)" % (os.path.normpath(OUT), len(cases), hashlib.sha256(data.encode()).hexdigest()))


if __name__ == "__main__":
    main()
