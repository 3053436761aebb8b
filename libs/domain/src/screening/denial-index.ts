import type { DenialInForce, DenialMatch, ScreeningCandidate, ScreeningOptions } from './screening';
import { countryKey, parsedEntries, screenTransaction } from './screening';

/**
 * The denials in force, indexed by destination country and then by control-entry head (category,
 * sub-category and three digits: '5A001'), so that screening looks only at denials that can pass the
 * destination and item rules instead of scanning the register. The head is the right key because
 * two entries overlap only when one is the other or its ancestor, and every ancestor of an entry
 * shares its head (5A001 ⊃ 5A001.j ⊃ 5A001.j.1). A denial with no parseable entry (a catch-all
 * denial under Art 4 or 5 names none) is offered to every candidate to its destination, and a
 * candidate with no parseable entry is offered every denial to its destination: the index only ever
 * narrows by what it can prove irrelevant, and the screening's own item rule decides the rest, so a
 * change to that rule (catch-all gates) needs no change here.
 *
 * A plain in-memory structure: the caller builds it from the register and keeps it current with
 * `add` and `remove` as denials are notified, revoked or lapse.
 */
export class DenialIndex {
  private readonly denials = new Map<string, DenialInForce>();
  private readonly byDestination = new Map<string, Map<string, Set<string>>>();
  /** Under this key: the denials of a destination that have no parseable entry. */
  private static readonly NO_ENTRY = '';

  constructor(denials: Iterable<DenialInForce> = []) {
    for (const denial of denials) this.add(denial);
  }

  /** How many denials the index holds. */
  get size(): number {
    return this.denials.size;
  }

  /** Adds a denial, replacing any earlier version with the same id (an amended denial). */
  add(denial: DenialInForce): void {
    this.remove(denial.denialId);
    this.denials.set(denial.denialId, denial);
    const destination = countryKey(denial.destinationCountry);
    let byHead = this.byDestination.get(destination);
    if (byHead === undefined) {
      byHead = new Map();
      this.byDestination.set(destination, byHead);
    }
    for (const head of headsOf(denial.controlEntries)) {
      let ids = byHead.get(head);
      if (ids === undefined) {
        ids = new Set();
        byHead.set(head, ids);
      }
      ids.add(denial.denialId);
    }
  }

  /** Removes a denial (revoked or lapsed); false when the index did not hold it. */
  remove(denialId: string): boolean {
    const denial = this.denials.get(denialId);
    if (denial === undefined) return false;
    this.denials.delete(denialId);
    const destination = countryKey(denial.destinationCountry);
    const byHead = this.byDestination.get(destination);
    if (byHead !== undefined) {
      for (const head of headsOf(denial.controlEntries)) {
        const ids = byHead.get(head);
        ids?.delete(denialId);
        if (ids?.size === 0) byHead.delete(head);
      }
      if (byHead.size === 0) this.byDestination.delete(destination);
    }
    return true;
  }

  /** The denial with this id, if held. */
  get(denialId: string): DenialInForce | undefined {
    return this.denials.get(denialId);
  }

  /** Every denial held, in insertion order. */
  all(): IterableIterator<DenialInForce> {
    return this.denials.values();
  }

  /**
   * The denials to the candidate's destination that share a control-entry head with it: a superset
   * of the denials that can pass the destination and item rules, each once. The member-state and
   * party rules are left to the screening, so the rules live in one place.
   */
  candidatesFor(candidate: Pick<ScreeningCandidate, 'destinationCountry' | 'controlEntries'>): DenialInForce[] {
    const byHead = this.byDestination.get(countryKey(candidate.destinationCountry));
    if (byHead === undefined) return [];
    const heads = new Set(parsedEntries(candidate.controlEntries).map((entry) => entry.head));
    const ids = new Set<string>();
    if (heads.size === 0) {
      // Nothing to narrow by: every denial to the destination.
      for (const filed of byHead.values()) for (const id of filed) ids.add(id);
    } else {
      for (const head of [...heads, DenialIndex.NO_ENTRY]) for (const id of byHead.get(head) ?? []) ids.add(id);
    }
    return [...ids].flatMap((id) => {
      const denial = this.denials.get(id);
      return denial === undefined ? [] : [denial];
    });
  }

  /** screenTransaction over the index's candidates only: the same result as over every denial held. */
  screen(candidate: ScreeningCandidate, options: ScreeningOptions = {}): readonly DenialMatch[] {
    return screenTransaction(candidate, this.candidatesFor(candidate), options);
  }
}

/** The heads a denial is filed under; a denial without parseable entries is filed under NO_ENTRY. */
function headsOf(entries: readonly string[]): Set<string> {
  const heads = new Set(parsedEntries(entries).map((entry) => entry.head));
  return heads.size === 0 ? new Set(['']) : heads;
}
