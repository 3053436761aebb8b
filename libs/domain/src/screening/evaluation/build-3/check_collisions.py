#!/usr/bin/env python3
"""Checks that heldout-3 reuses no id, denial id or party name of the other evaluation sets.

    python3 check_collisions.py

The other sets are searched as plain text for each of our strings (case-insensitive, exact substring);
only our own strings that were found are printed, so the other sets' cases are never read or shown.
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
OTHERS = ["tuning.json", "heldout.json", "heldout-2.json"]


def main():
    ours = json.load(open(os.path.join(HERE, "..", "heldout-3.json"), encoding="utf-8"))
    texts = []
    for name in OTHERS:
        path = os.path.join(HERE, "..", name)
        if os.path.exists(path):
            texts.append((name, open(path, encoding="utf-8").read().casefold()))
    strings = set()
    for c in ours:
        strings.add('"%s"' % c["id"])
        strings.add('"%s"' % c["denial"]["denialId"])
        for side in ("candidate", "denial"):
            for role in ("endUser", "consignee"):
                p = c[side][role]
                if p:
                    strings.add('"%s"' % p["name"])
    hits = []
    for s in sorted(strings):
        for name, text in texts:
            if s.casefold() in text:
                hits.append((s, name))
    for s, name in hits:
        print("collision: %s also in %s" % (s, name))
    print("%d strings checked against %s: %d collisions" % (len(strings), ", ".join(n for n, _ in texts), len(hits)))
    sys.exit(1 if hits else 0)


if __name__ == "__main__":
    main()
