"""Row helper shared by the hand-written case tables of heldout-9 (python3 standard library only).

One call to R() is one case: R(label, candidate_end_user, denial_end_user, note, **options).
A party is a tuple (name, address, country). Options:
  cc / dc   candidate / denial consignee party (default None)
  dest      destination for both sides, or a (candidate, denial) pair; default: candidate end-user country
  ms        (candidate issuing state, denial issuing state); default: rotated by build.py, always different
  ent       (candidate entries, denial entries); default: rotated by build.py, identical on both sides
"""

M, REL, N = "MATCH", "RELATED", "NO_MATCH"


def R(label, cand, den, note, cc=None, dc=None, dest=None, ms=None, ent=None):
    assert label in (M, REL, N), label
    return {
        "label": label,
        "cand": cand,
        "den": den,
        "note": note,
        "cc": cc,
        "dc": dc,
        "dest": dest,
        "ms": ms,
        "ent": ent,
    }
