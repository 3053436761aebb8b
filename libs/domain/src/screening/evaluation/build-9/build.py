#!/usr/bin/env python3
"""Builds ../heldout-9.json from the hand-written tables, deterministically (standard library only).

    python3 build.py           validate, write ../heldout-9.json and counts.md, print the counts
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
sys.dont_write_bytecode = True  # keep the build directory free of __pycache__

import importlib  # noqa: E402
import glob  # noqa: E402
from common import M, REL, N  # noqa: E402

# Every cases_*.py table in this directory, in file-name order (the order decides the ids).
# A helper drafting its own tables beside the others runs with --only=cases_x (a file-name prefix) and
# --out=/tmp/somewhere.json, so a half-written table of another helper never breaks its build.
def _arg(name, default):
    for a in sys.argv[1:]:
        if a.startswith(name + "="):
            return a.split("=", 1)[1]
    return default


ONLY = _arg("--only", "cases_")
MODULES = tuple(
    importlib.import_module(os.path.splitext(os.path.basename(path))[0])
    for path in sorted(glob.glob(os.path.join(HERE, "cases_*.py")))
    if os.path.basename(path).startswith(ONLY)
)
OUT = _arg("--out", os.path.join(HERE, "..", "heldout-9.json"))
COUNTS = os.path.join(HERE, "counts.md") if OUT.endswith("heldout-9.json") else OUT + ".counts.md"
ID_FMT, DENIAL_ID_FMT = "h9-%04d", "h9-den-%04d"
MIN_CASES = 300

EU27 = ["AT", "BE", "BG", "HR", "CY", "CZ", "DK", "EE", "FI", "FR", "DE", "EL", "HU", "IE",
        "IT", "LV", "LT", "LU", "MT", "NL", "PL", "PT", "RO", "SK", "SI", "ES", "SE"]
MEMBER_STATES = set(EU27) | {"GR"}

# ISO 3166-1 alpha-2 codes the tables may use for parties and destinations (all outside the EU).
COUNTRIES = set("""
AE AF AL AM AR AZ BA BD BH BR BY CH CL CN CO DZ EG GE HK ID IL IN IQ IR JO JP KG KH KR KW KZ LB LK
MA ME MK MN MO MX MY NG NO OM PE PH PK QA RS RU SA SG SY TH TJ TM TN TR TW UA UZ VE VN
""".split())

ENTRY_POOL = [
    ["3A001.b.2"], ["6A008.j"], ["2B201.a"], ["5A001.f"], ["1C210.a"], ["9A012.b"],
    ["3A002.a"], ["7A003"], ["4A001.a"], ["6A005.b"], ["2B352.c"], ["5A002.c"],
    ["1B001.a"], ["3C001"], ["6A004.a"], ["2A001.a"], ["5D002.a"], ["1A004.c"], ["2B230"], ["9E003.a"],
    ["3B001.f"], ["6A203.b"],
]
ENTRY_RE = re.compile(r"^[0-9][A-E][0-9]{3}(\.[a-z0-9]+)*$")

GROUNDS_POOL = [
    "Risk of diversion to a military end use (Art 4(1)(b))",
    "Possible contribution to a WMD programme (Art 4(1)(a))",
    "End user linked to an arms-embargoed destination (Art 4(1)(c))",
    "Cyber-surveillance item; risk of use for serious human rights violations (Art 5)",
    "Risk of diversion to an unauthorised end user",
    "End-use statement not credible",
    "Consignee not identified as the real end user",
    "Regional security: risk of contributing to instability",
]

FAMILY_LABELS = {  # families whose label is fixed by construction
    "generic-name-different-firm": {N},
    "similar-name-other-city": {N},
    "other-destination": {N},
    "same-member-state": {N},
}
STRUCTURAL_ENTRY_FAMILIES = ("control-entry-hierarchy", "consignee-match")


def greek(ms):
    return "EL" if ms in ("EL", "GR") else ms


def related_entry(a, b):
    """Equal, or one is an ancestor of the other in the Annex I code hierarchy (5A001 ~ 5A001.j)."""
    return a == b or a.startswith(b + ".") or b.startswith(a + ".")


def entries_overlap(ca, da):
    return any(related_entry(a, b) for a in ca for b in da)


def party(p, what):
    assert isinstance(p, tuple) and len(p) == 3, what
    for v in p:
        assert isinstance(v, str) and v and v.strip() == v, (what, p)
    name, address, country = p
    assert country in COUNTRIES, (what, country)
    return {"name": name, "address": address, "country": country}


def states(i):
    """Two different issuing states for case i; Greece is written GR when i is 2 mod 3."""
    a = EU27[(i * 23 + 5) % 27]
    b = EU27[(i * 23 + 5 + 1 + (i * 11) % 25) % 27]
    assert a != b
    if i % 3 == 2:
        a = "GR" if a == "EL" else a
        b = "GR" if b == "EL" else b
    return a, b


def rows():
    out, seen = [], set()
    for module in MODULES:
        for family, table in module.TABLES:
            for row in table:
                # A row written twice would only differ by its rotated states and entries: refuse it.
                key = repr((row["cand"], row["den"], row["cc"], row["dc"], row["dest"], row["ms"], row["ent"]))
                assert key not in seen, (family, row["cand"][0], "row written twice")
                seen.add(key)
                out.append((family, row))
    return out


def build():
    cases = []
    for i, (family, row) in enumerate(rows()):
        cid, did = ID_FMT % (i + 1), DENIAL_ID_FMT % (i + 1)
        cms, dms = row["ms"] if row["ms"] else states(i)
        entries = ENTRY_POOL[(i * 11 + 4) % len(ENTRY_POOL)]
        cent, dent = row["ent"] if row["ent"] else (entries, entries)
        dest = row["dest"] or row["cand"][2]
        cdest, ddest = (dest, dest) if isinstance(dest, str) else dest
        grounds = [GROUNDS_POOL[(i + 3) % len(GROUNDS_POOL)]]
        if i % 4 == 0:
            grounds.append(GROUNDS_POOL[(i + 3) % len(GROUNDS_POOL)])
        notified = datetime.date(2022, 6, 14) + datetime.timedelta(days=(i * 41) % 1500)
        case = {
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
        }
        validate(case, row)
        cases.append(case)
    validate_set(cases)
    return cases


PARTY_KEYS = {"name", "address", "country"}
CANDIDATE_KEYS = {"issuingMemberState", "controlEntries", "destinationCountry", "endUser", "consignee"}
DENIAL_KEYS = CANDIDATE_KEYS | {"denialId", "grounds", "notifiedAt"}
CASE_KEYS = {"id", "family", "note", "candidate", "denial", "expected"}
NOTIFIED_RE = re.compile(r"^\d{4}-\d{2}-\d{2}T00:00:00Z$")


def validate_schema(c):
    """The emitted case has exactly the fields of the evaluation README's schema, with the right types."""
    cid = c["id"]
    assert set(c) == CASE_KEYS, cid
    assert set(c["candidate"]) == CANDIDATE_KEYS and set(c["denial"]) == DENIAL_KEYS, cid
    for side in (c["candidate"], c["denial"]):
        assert isinstance(side["controlEntries"], list), cid
        for role in ("endUser", "consignee"):
            p = side[role]
            assert p is None or (set(p) == PARTY_KEYS and all(isinstance(p[k], str) and p[k] for k in PARTY_KEYS)), cid
    d = c["denial"]
    assert d["grounds"] and all(isinstance(g, str) and g for g in d["grounds"]), cid
    assert NOTIFIED_RE.match(d["notifiedAt"]), cid
    assert isinstance(c["note"], str) and isinstance(c["family"], str), cid


def validate(c, row):
    validate_schema(c)
    cid, cand, den, label, fam = c["id"], c["candidate"], c["denial"], c["expected"], c["family"]
    assert label in (M, REL, N), cid
    assert re.match(r"^[a-z]+(-[a-z]+)*$", fam), (cid, fam)
    note = c["note"]
    assert note and note.strip() == note and note.endswith((".", ")")) and not note.endswith("..."), (cid, note)
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
    if fam not in STRUCTURAL_ENTRY_FAMILIES:
        assert row["ent"] is None, (cid, "only structural families set entries")
    if row["dest"] is None:
        # Without an explicit destination both parties must sit in the destination country.
        assert cand["endUser"]["country"] == den["endUser"]["country"] == cand["destinationCountry"], cid


def validate_set(cases):
    for k, c in enumerate(cases):
        assert c["id"] == ID_FMT % (k + 1), c["id"]
        assert c["denial"]["denialId"] == DENIAL_ID_FMT % (k + 1), c["denial"]["denialId"]
    assert len({c["id"] for c in cases}) == len(cases), "duplicate ids"
    assert len({c["denial"]["denialId"] for c in cases}) == len(cases), "duplicate denial ids"
    seen = set()
    for c in cases:
        key = json.dumps([c["candidate"], {k: v for k, v in c["denial"].items()
                                           if k not in ("denialId", "grounds", "notifiedAt")}],
                         sort_keys=True, ensure_ascii=False)
        assert key not in seen, (c["id"], "duplicate case content")
        seen.add(key)
    # A helper drafting one table runs with --partial: everything is checked but the size of the whole set.
    assert "--partial" in sys.argv or len(cases) >= MIN_CASES, len(cases)


def counts_table(cases):
    fams = {}
    for c in cases:
        fams.setdefault(c["family"], {M: 0, REL: 0, N: 0})[c["expected"]] += 1
    lines = ["| family | MATCH | RELATED | NO_MATCH | total |", "|---|---|---|---|---|"]
    tot = {M: 0, REL: 0, N: 0}
    for f, d in fams.items():
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
    digest = hashlib.sha256(data.encode("utf-8")).hexdigest()
    if "--check" in sys.argv:
        for path, text in ((OUT, data), (COUNTS, counts)):
            with open(path, encoding="utf-8") as f:
                if f.read() != text:
                    sys.exit("%s is out of date: run python3 build.py" % os.path.normpath(path))
        print("ok: %d cases, files up to date, sha256 %s" % (len(cases), digest))
        return
    for path, text in ((OUT, data), (COUNTS, counts)):
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write(text)
    print(counts, end="")
    print("wrote %s (%d cases, sha256 %s)" % (os.path.normpath(OUT), len(cases), digest))


if __name__ == "__main__":
    main()
