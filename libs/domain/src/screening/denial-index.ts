import type { Party } from '../licensing/application.content';
import type { PreparedText } from './party-name';
import { DISTINCTIVE_TOKEN_WEIGHT, addressSimilarity, preparePartyName, weightedTokenSimilarity } from './party-name';
import type {
  DenialInForce,
  DenialMatch,
  ReviewOptions,
  ScreeningCandidate,
  ScreeningOptions,
  ScreeningReview,
  ScreeningThresholds,
} from './screening';
import {
  DEFAULT_NEAR_MISSES,
  DEFAULT_SCREENING_THRESHOLDS,
  countryKey,
  nearMissScorer,
  parsedEntries,
  preparedPartyAddress,
  preparedPartyName,
  reviewTransaction,
  screenTransaction,
} from './screening';
import type { TokenProfile } from './token-bounds';
import type { NameShape } from './token-bounds';
import {
  BOUND_SLACK,
  joinKeys,
  mayBeCompactSimilar,
  mayBeInitialism,
  mayBeSimilarTokens,
  nameShape,
  profileToken,
  romanisationKeys,
} from './token-bounds';

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
 * Within a destination the party names are indexed too: each distinct word of the denials' names
 * (as party-name.ts prepares them, once, when the denial enters) with the parties that use it. A
 * screening compares the candidate's words with these words only (the exact word measure, after a
 * cheap bound), sums what each denial's name can score at most, and leaves out the denials whose
 * names cannot reach the name minimum (screen) or the nearest misses already found (review). A
 * denial none of whose words, compact form or initials can meet the candidate's scores exactly 0,
 * so the result is the one a full scan gives: the bounds decide only what is skipped, never a score.
 *
 * A plain in-memory structure: the caller builds it from the register and keeps it current with
 * `add` and `remove` as denials are notified, revoked or lapse.
 */
export class DenialIndex {
  private readonly denials = new Map<string, DenialInForce>();
  private readonly byDestination = new Map<string, Map<string, Set<string>>>();
  private readonly namesByDestination = new Map<string, DestinationNames>();
  private readonly partiesById = new Map<string, readonly IndexedParty[]>();
  /** Each destination's denial ids in order, built when a review needs it and dropped on any change. */
  private readonly idsInOrder = new Map<string, readonly string[]>();
  /** Under this key: the denials of a destination that have no parseable entry. */
  private static readonly NO_ENTRY = '';

  constructor(denials: Iterable<DenialInForce> = []) {
    for (const denial of denials) this.add(denial);
  }

  /** How many denials the index holds. */
  get size(): number {
    return this.denials.size;
  }

  /** How many distinct name words the index holds, over all destinations. */
  get wordCount(): number {
    let count = 0;
    for (const names of this.namesByDestination.values()) count += names.size;
    return count;
  }

  /** Adds a denial, replacing any earlier version with the same id (an amended denial). */
  add(denial: DenialInForce): void {
    this.remove(denial.denialId);
    this.denials.set(denial.denialId, denial);
    const destination = countryKey(denial.destinationCountry);
    this.idsInOrder.delete(destination);
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
    let names = this.namesByDestination.get(destination);
    if (names === undefined) {
      names = new DestinationNames();
      this.namesByDestination.set(destination, names);
    }
    const filing = names;
    const parties = partiesOf(denial).map((party): IndexedParty => {
      // Prepared here and not kept (the Word entries keep the folded words, shared).
      const name = preparePartyName(party.name);
      return {
        denialId: denial.denialId,
        party,
        nameWeight: weightOf(name),
        shape: nameShape(name),
        words: filing.fileWords(name),
        joins: [...new Set((name.joins ?? []).map((join) => join.text))],
        keyedJoins: [...new Set((name.joins ?? []).flatMap(joinKeys))],
      };
    });
    parties.forEach((party) => filing.add(party));
    this.partiesById.set(denial.denialId, parties);
  }

  /** Removes a denial (revoked or lapsed); false when the index did not hold it. */
  remove(denialId: string): boolean {
    const denial = this.denials.get(denialId);
    if (denial === undefined) return false;
    this.denials.delete(denialId);
    const destination = countryKey(denial.destinationCountry);
    this.idsInOrder.delete(destination);
    const byHead = this.byDestination.get(destination);
    if (byHead !== undefined) {
      for (const head of headsOf(denial.controlEntries)) {
        const ids = byHead.get(head);
        ids?.delete(denialId);
        if (ids?.size === 0) byHead.delete(head);
      }
      if (byHead.size === 0) this.byDestination.delete(destination);
    }
    const names = this.namesByDestination.get(destination);
    for (const party of this.partiesById.get(denialId) ?? []) names?.remove(party);
    if (names?.isEmpty() === true) this.namesByDestination.delete(destination);
    this.partiesById.delete(denialId);
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
    const ids = new Set<string>();
    for (const filed of this.filedFor(candidate)) for (const id of filed) ids.add(id);
    return [...ids].flatMap((id) => {
      const denial = this.denials.get(id);
      return denial === undefined ? [] : [denial];
    });
  }

  /**
   * screenTransaction over the index's candidates whose names can reach the name minimum: the same
   * result as over every denial held. The name index narrows first and the control-entry heads then
   * check only the denials it kept: listing every denial under the heads first cost 2-3 ms at a
   * destination with 15,000 denials, most of the slowest screenings (issue 12 profile).
   */
  screen(candidate: ScreeningCandidate, options: ScreeningOptions = {}): readonly DenialMatch[] {
    const filed = this.filedFor(candidate);
    const thresholds = { ...DEFAULT_SCREENING_THRESHOLDS, ...options };
    // At most this many are offered (a denial under two heads counts twice).
    const offeredAtMost = filed.reduce((sum, ids) => sum + ids.size, 0);
    if (offeredAtMost <= FEW || !boundsHold(thresholds)) {
      return screenTransaction(candidate, this.candidatesFor(candidate), options);
    }
    const offered: DenialInForce[] = [];
    for (const [id, bound] of this.nameBounds(candidate, thresholds, false)) {
      if (!bound.mayMatch || !filed.some((ids) => ids.has(id))) continue;
      const denial = this.denials.get(id);
      if (denial !== undefined) offered.push(denial);
    }
    return screenTransaction(candidate, offered, options);
  }

  /**
   * The id sets candidatesFor draws on: those filed under the candidate's control-entry heads and
   * under no entry, or every set of the destination when the candidate names no parseable entry.
   */
  private filedFor(candidate: Pick<ScreeningCandidate, 'destinationCountry' | 'controlEntries'>): Set<string>[] {
    const byHead = this.byDestination.get(countryKey(candidate.destinationCountry));
    if (byHead === undefined) return [];
    const heads = new Set(parsedEntries(candidate.controlEntries).map((entry) => entry.head));
    if (heads.size === 0) return [...byHead.values()];
    return [...heads, DenialIndex.NO_ENTRY].flatMap((head) => byHead.get(head) ?? []);
  }

  /**
   * The dry run over every denial to the candidate's destination: the same answer as
   * reviewTransaction(candidate, those denials, options). The denials that may match or be related
   * are reviewed; of the rest, those whose best possible score could still rank among the nearest
   * misses, best bound first, until the nearest misses found outscore every bound left; a denial
   * whose name meets nothing of the candidate's scores 0, and only the first of those by id can be
   * a near miss, when fewer misses score above 0.
   */
  review(candidate: ScreeningCandidate, options: ReviewOptions = {}): ScreeningReview {
    const everyDenial = () =>
      this.candidatesFor({ destinationCountry: candidate.destinationCountry, controlEntries: [] });
    const { nearMisses: wanted = DEFAULT_NEAR_MISSES, ...overrides } = options;
    const thresholds = { ...DEFAULT_SCREENING_THRESHOLDS, ...overrides };
    if (!boundsHold(thresholds)) return reviewTransaction(candidate, everyDenial(), options);
    const nearest = Math.max(0, wanted);
    const bounds = this.nameBounds(candidate, thresholds, true);
    const reviewed: DenialInForce[] = [];
    const rest: (readonly [DenialInForce, number])[] = [];
    for (const [id, bound] of bounds) {
      const denial = this.denials.get(id);
      if (denial === undefined) continue;
      if (bound.mayMatch || bound.mayBeRelated) reviewed.push(denial);
      else rest.push([denial, bound.score]);
    }
    rest.sort((a, b) => b[1] - a[1]);
    const score = nearMissScorer(candidate, overrides);
    // The best `nearest` scores of the misses reviewed from `rest`, highest first.
    const best: number[] = [];
    for (const [denial, bound] of rest) {
      if (best.length >= nearest && (nearest === 0 || (best[nearest - 1] ?? 0) > bound)) break;
      reviewed.push(denial);
      insertDescending(best, score(denial), nearest);
    }
    if (best.filter((value) => value > 0).length < nearest) {
      // The misses that score 0 rank by id: the first few ids not reviewed yet.
      const destination = countryKey(candidate.destinationCountry);
      let ids = this.idsInOrder.get(destination);
      if (ids === undefined) {
        ids = everyDenial()
          .map((denial) => denial.denialId)
          .sort(compareText);
        this.idsInOrder.set(destination, ids);
      }
      let added = 0;
      for (const id of ids) {
        if (added >= nearest) break;
        const denial = this.denials.get(id);
        if (bounds.has(id) || denial === undefined) continue;
        reviewed.push(denial);
        added++;
      }
    }
    return reviewTransaction(candidate, reviewed, options);
  }

  /**
   * For each denial to the candidate's destination whose names may meet the candidate's: the most
   * its best party pair can score, and whether it may match or be possibly related. A denial left
   * out scores exactly 0 against the candidate (see boundsHold).
   */
  private nameBounds(
    candidate: ScreeningCandidate,
    thresholds: ScreeningThresholds,
    compareAddresses: boolean,
  ): Map<string, DenialBound> {
    const bounds = new Map<string, DenialBound>();
    const names = this.namesByDestination.get(countryKey(candidate.destinationCountry));
    if (names === undefined) return bounds;
    for (const party of partiesOf(candidate)) {
      const mine = preparedPartyName(party);
      const met = names.meetName(mine, thresholds);
      const mineWeight = weightOf(mine);
      const file = (other: IndexedParty, bound: DenialBound): void =>
        void bounds.set(other.denialId, widest(bounds.get(other.denialId), bound));
      for (const other of met.forced) file(other, UNBOUNDED);
      const textOptions = {
        tokenSimilarityThreshold: thresholds.tokenSimilarityThreshold,
        compactSimilarityThreshold: thresholds.compactSimilarityThreshold,
      };
      for (const [other, gains] of met.gains) {
        if (met.forced.has(other)) continue;
        const name = jaccardBound(gains, mineWeight + other.nameWeight);
        // Few parties get here: their address is compared exactly (its value bounds the one the
        // score uses, which is 0 where the screening does not compare it). Screening for matches
        // alone needs no address: with an address weight of at most 1, a match needs the name minimum.
        const address = compareAddresses
          ? addressSimilarity(preparedPartyAddress(party), preparedPartyAddress(other.party), textOptions)
          : 1;
        file(other, pairBound(name, met.distinctive.has(other), address, thresholds));
      }
    }
    return bounds;
  }
}

/** Below this many offered denials the bounds cost more than they save: every one is screened. */
const FEW = 16;

/** What a denial's best party pair can reach at most, from its names alone. */
interface DenialBound {
  readonly score: number;
  readonly mayMatch: boolean;
  readonly mayBeRelated: boolean;
}

const UNBOUNDED: DenialBound = { score: Number.POSITIVE_INFINITY, mayMatch: true, mayBeRelated: true };

/**
 * A party of an indexed denial, with what the bounds need of its name. Its prepared name is not
 * kept: the screening prepares (and caches) it when the party is first compared, which few are.
 */
interface IndexedParty {
  readonly denialId: string;
  readonly party: Party;
  readonly nameWeight: number;
  readonly shape: NameShape;
  /** The words of the name, as filed in the destination's word index. */
  readonly words: readonly Word[];
  /** The runs of words of the name written together (alignJoined), as filed. */
  readonly joins: readonly string[];
  /** The romanisation keys of its runs of syllables (joinKeys), as filed. */
  readonly keyedJoins: readonly string[];
}

/** One distinct word of a destination's names, with the parties using it. */
interface Word {
  readonly profile: TokenProfile;
  readonly parties: Set<IndexedParty>;
}

/** What a candidate's name meets in a destination's parties. */
interface Met {
  /** Per party: for each word of the candidate, the most it can add to the matched weight. */
  readonly gains: Map<IndexedParty, Float64Array>;
  /** Parties with a distinctive word that may count as one of the candidate's distinctive words. */
  readonly distinctive: Set<IndexedParty>;
  /** Parties whose words may be joined or split against the candidate's, or compact or initials: compared in full. */
  readonly forced: Set<IndexedParty>;
}

/** The names of one destination's denials: their distinct words, joined runs, and shapes. */
class DestinationNames {
  private readonly words = new Map<string, Word>();
  /** The words by text, for the runs of the candidate's words written together. */
  private readonly wordsByText = new Map<string, Word[]>();
  private readonly joins = new Map<string, IndexedParty[]>();
  /** The words that may be what a run of syllables spells, by their romanisation keys (romanisationKeys). */
  private readonly wordsByKey = new Map<string, Word[]>();
  /** The parties by the romanisation keys of their runs of syllables (joinKeys). */
  private readonly keyedJoins = new Map<string, IndexedParty[]>();
  /** Every party, by the length of its compact name: for the compact comparison. */
  private readonly byCompactLength = new Map<number, Set<IndexedParty>>();
  /** The parties whose name is a single word: the only ones that can be an initialism. */
  private readonly singles = new Set<IndexedParty>();

  get size(): number {
    return this.words.size;
  }

  /** Files the words of a name, sharing one entry per distinct word; returns the words filed. */
  fileWords(name: PreparedText): Word[] {
    return name.tokens.map((token) => {
      // The whole token is the key: the word measure reads every field of it.
      const key = JSON.stringify(token);
      let word = this.words.get(key);
      if (word === undefined) {
        word = { profile: profileToken(token), parties: new Set() };
        this.words.set(key, word);
        const same = this.wordsByText.get(token.text);
        if (same === undefined) this.wordsByText.set(token.text, [word]);
        else same.push(word);
        for (const romanised of romanisationKeys(token)) fileIn(this.wordsByKey, romanised, word);
      }
      return word;
    });
  }

  add(party: IndexedParty): void {
    for (const word of party.words) word.parties.add(party);
    for (const join of party.joins) fileIn(this.joins, join, party);
    for (const key of party.keyedJoins) fileIn(this.keyedJoins, key, party);
    fileUnder(this.byCompactLength, party.shape.compactLength, party);
    if (party.shape.tokenCount === 1) this.singles.add(party);
  }

  remove(party: IndexedParty): void {
    for (const word of party.words) {
      word.parties.delete(party);
      if (word.parties.size > 0) continue;
      const key = JSON.stringify(word.profile.token);
      if (this.words.get(key) !== word) continue;
      this.words.delete(key);
      const same = (this.wordsByText.get(word.profile.token.text) ?? []).filter((other) => other !== word);
      if (same.length === 0) this.wordsByText.delete(word.profile.token.text);
      else this.wordsByText.set(word.profile.token.text, same);
      for (const romanised of romanisationKeys(word.profile.token)) unfileFrom(this.wordsByKey, romanised, word);
    }
    for (const join of party.joins) unfileFrom(this.joins, join, party);
    for (const key of party.keyedJoins) unfileFrom(this.keyedJoins, key, party);
    unfile(this.byCompactLength, party.shape.compactLength, party);
    this.singles.delete(party);
  }

  isEmpty(): boolean {
    return this.byCompactLength.size === 0;
  }

  /**
   * What the name meets: each of its words against each distinct word held (the exact word measure,
   * where mayBeSimilarTokens does not rule it out), and the parties it may meet with words joined or
   * split, written whole, or as initials, which are compared in full.
   */
  meetName(name: PreparedText, thresholds: ScreeningThresholds): Met {
    const tokenThreshold = thresholds.tokenSimilarityThreshold;
    const met: Met = { gains: new Map(), distinctive: new Set(), forced: new Set() };
    name.tokens.forEach((token, at) => {
      const profile = profileToken(token);
      for (const word of this.words.values()) {
        if (!mayBeSimilarTokens(profile, word.profile, tokenThreshold)) continue;
        const similarity = weightedTokenSimilarity(token, word.profile.token, tokenThreshold);
        if (similarity <= 0) continue;
        const gain = (similarity * (token.weight + word.profile.token.weight)) / 2;
        const distinctive =
          token.weight === DISTINCTIVE_TOKEN_WEIGHT && word.profile.token.weight === DISTINCTIVE_TOKEN_WEIGHT;
        for (const party of word.parties) {
          let gains = met.gains.get(party);
          if (gains === undefined) {
            gains = new Float64Array(name.tokens.length);
            met.gains.set(party, gains);
          }
          if (gain > (gains[at] ?? 0)) gains[at] = gain;
          if (distinctive) met.distinctive.add(party);
        }
      }
    });
    // Runs of words written together on one side and apart on the other change the words compared
    // (alignJoined, which looks joins up among the other side's texts outside Arabic script).
    for (const join of name.joins ?? []) {
      for (const word of this.wordsByText.get(join.text) ?? []) {
        if (word.profile.token.arabicScript !== true) for (const party of word.parties) met.forced.add(party);
      }
    }
    for (const text of name.distinctiveTexts ?? [])
      for (const party of this.joins.get(text) ?? []) met.forced.add(party);
    // Runs of syllables (Hangul, Chinese characters) on one side met by a word of the other through
    // its romanisation key only (부산해성 against Haesung): alignJoined puts the word in place of the
    // run, so the words compared and their total weight change as for a run written together.
    for (const join of name.joins ?? []) {
      for (const key of joinKeys(join)) {
        for (const word of this.wordsByKey.get(key) ?? []) for (const party of word.parties) met.forced.add(party);
      }
    }
    if (this.keyedJoins.size > 0) {
      for (const token of name.tokens) {
        for (const key of romanisationKeys(token))
          for (const party of this.keyedJoins.get(key) ?? []) met.forced.add(party);
      }
    }
    // Names written whole against split (the compact comparison): the compact lengths bound it, so
    // only a few lengths are looked at.
    const shape = nameShape(name);
    const threshold = thresholds.compactSimilarityThreshold;
    const length = shape.compactLength;
    for (const [otherLength, parties] of this.byCompactLength) {
      if (1 - Math.abs(length - otherLength) / Math.max(length, otherLength, 1) < threshold - BOUND_SLACK) continue;
      for (const party of parties) if (mayBeCompactSimilar(shape, party.shape, threshold)) met.forced.add(party);
    }
    // Initialisms (ATS against Advanced Technical Solutions): a single word against two or more.
    const initialsOf = shape.tokenCount === 1 ? this.allParties() : this.singles;
    for (const party of initialsOf) if (mayBeInitialism(shape, party.shape)) met.forced.add(party);
    return met;
  }

  private *allParties(): Iterable<IndexedParty> {
    for (const parties of this.byCompactLength.values()) yield* parties;
  }
}

/** The most each word of one side can add, summed: softTokenOverlap matches each word once; at most half the total. */
function matchedBound(gains: Float64Array | undefined, total: number): number {
  if (gains === undefined) return 0;
  let matched = 0;
  for (const gain of gains) matched += gain;
  return Math.min(matched, total / 2);
}

/** The name similarity's bound: Jaccard = matched / (total − matched) grows with matched. */
function jaccardBound(gains: Float64Array, total: number): number {
  const matched = matchedBound(gains, total);
  return Math.min(1, (total - matched > 0 ? matched / (total - matched) : 1) + BOUND_SLACK);
}

/**
 * The most a party pair can score given bounds on its name and address similarity (scoreParties):
 * below the name minimum and without a distinctive word in common the address is not compared and
 * the score is at most the name's; otherwise an address that may support closes at most
 * addressWeight × address of the gap. The cap, the city penalty and the objections only lower it.
 */
function pairBound(name: number, distinctive: boolean, address: number, thresholds: ScreeningThresholds): DenialBound {
  const compared = name >= thresholds.minimumNameSimilarity || distinctive;
  const supports = compared && address >= thresholds.addressSupportThreshold;
  const score = (supports ? name + thresholds.addressWeight * address * (1 - name) : name) + BOUND_SLACK;
  return {
    score,
    mayMatch: name >= thresholds.minimumNameSimilarity && score >= thresholds.partyMatchThreshold,
    mayBeRelated:
      distinctive && (address >= thresholds.relatedAddressThreshold || name >= thresholds.relatedNameThreshold),
  };
}

function widest(a: DenialBound | undefined, b: DenialBound): DenialBound {
  if (a === undefined) return b;
  return {
    score: Math.max(a.score, b.score),
    mayMatch: a.mayMatch || b.mayMatch,
    mayBeRelated: a.mayBeRelated || b.mayBeRelated,
  };
}

/**
 * The bounds rest on a name that meets nothing scoring exactly 0 (the address is then not compared
 * and cannot raise it) and on the score growing with the name: true for the defaults and any
 * sensible override; for others every offered denial is screened.
 */
function boundsHold(thresholds: ScreeningThresholds): boolean {
  return (
    thresholds.minimumNameSimilarity > 0 &&
    thresholds.addressSupportThreshold > 0 &&
    thresholds.addressWeight >= 0 &&
    thresholds.addressWeight <= 1 &&
    thresholds.genericNameCap >= 0 &&
    thresholds.cityConflictPenalty >= 0
  );
}

function partiesOf(transaction: { readonly endUser: Party; readonly consignee: Party | null }): readonly Party[] {
  return transaction.consignee === null ? [transaction.endUser] : [transaction.endUser, transaction.consignee];
}

function weightOf(name: PreparedText): number {
  return name.tokens.reduce((sum, token) => sum + token.weight, 0);
}

function fileUnder<K>(map: Map<K, Set<IndexedParty>>, key: K, party: IndexedParty): void {
  let parties = map.get(key);
  if (parties === undefined) {
    parties = new Set();
    map.set(key, parties);
  }
  parties.add(party);
}

function fileIn<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const filed = map.get(key);
  if (filed === undefined) map.set(key, [value]);
  else filed.push(value);
}

function unfileFrom<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const filed = (map.get(key) ?? []).filter((other) => other !== value);
  if (filed.length === 0) map.delete(key);
  else map.set(key, filed);
}

function unfile<K>(map: Map<K, Set<IndexedParty>>, key: K, party: IndexedParty): void {
  const parties = map.get(key);
  parties?.delete(party);
  if (parties?.size === 0) map.delete(key);
}

/** Inserts a score into a list kept highest first and at most `limit` long. */
function insertDescending(list: number[], value: number, limit: number): void {
  if (limit === 0) return;
  let at = list.length;
  while (at > 0 && (list[at - 1] ?? 0) < value) at--;
  list.splice(at, 0, value);
  if (list.length > limit) list.length = limit;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The heads a denial is filed under; a denial without parseable entries is filed under NO_ENTRY. */
function headsOf(entries: readonly string[]): Set<string> {
  const heads = new Set(parsedEntries(entries).map((entry) => entry.head));
  return heads.size === 0 ? new Set(['']) : heads;
}
