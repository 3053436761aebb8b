import { entriesOverlap, parseControlEntry } from './control-list-entry';

/**
 * Annex IV entries as reference data: the items whose intra-Union transfer needs a licence (Art 11)
 * and whose Art 14(1) consultation applies for any destination. This is the fixture list of the
 * shared control-list sample (entries flagged `annexIV`), not the full Annex: a deployment replaces
 * it with the published Annex IV through `annexIvReference(entries)`. Membership is decided from this
 * list and the item's classification, never from a flag the applicant sets.
 */
export const ANNEX_IV_FIXTURE_ENTRIES: readonly string[] = ['1C239', '5A004.a', '5D002.c.3.a', '6A001.a.2.b', '7A117'];

/** A loaded Annex IV list: which entries it holds and whether an item's entry falls in it. */
export interface AnnexIvReference {
  readonly entries: readonly string[];
  readonly covers: (controlEntry: string) => boolean;
}

/**
 * Builds the reference from a list of entries (malformed ones are refused by parseControlEntry's
 * message). Reading: an item classified under an Annex IV entry or under one of its sub-entries is in
 * Annex IV; an item classified only under a parent (5D002 when Annex IV names 5D002.c.3.a) is treated
 * as in Annex IV too, because the classification does not exclude the listed sub-entry and the
 * cautious reading consults rather than skipping a consultation the law requires.
 */
export function annexIvReference(entries: readonly string[]): AnnexIvReference {
  const parsed = entries.map((entry) => {
    const result = parseControlEntry(entry);
    if (!result.ok) throw result.error;
    return result.value;
  });
  return {
    entries: parsed.map((entry) => entry.code),
    covers: (controlEntry) => parsed.some((entry) => entriesOverlap(entry, controlEntry)),
  };
}

/** The reference used unless a deployment loads another list. */
export const ANNEX_IV_FIXTURE = annexIvReference(ANNEX_IV_FIXTURE_ENTRIES);
