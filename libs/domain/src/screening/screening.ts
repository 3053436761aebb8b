import type { ControlEntry } from '../reference/control-list-entry';
import { isAncestorOrSelf, parseControlEntry } from '../reference/control-list-entry';
import { normaliseCountryCode } from '../reference/member-states';
import type { ApplicationContent, CatchAllGround, Party } from '../licensing/application.content';
import type { Art15Ground, Art16Notification, Art16NotificationKind } from '../licensing/art16-notification';
import type { PreparedText } from './party-name';
import {
  DEFAULT_COMPACT_SIMILARITY_THRESHOLD,
  DEFAULT_TOKEN_SIMILARITY_THRESHOLD,
  addressSimilarity,
  citiesDiffer,
  houseNumbersConflict,
  legalFormsDiffer,
  nameEvidence,
  numbersDiffer,
  prepareAddress,
  preparePartyName,
} from './party-name';

/**
 * Screening for essentially identical transactions (Art 2(22), Art 16): before deciding, an
 * authority checks every denial in force issued by another member state. A denial matches when
 *  1. another member state issued it (an authority does not consult itself),
 *  2. the destination country is the same (EL and GR are one),
 *  3. at least one control entry of the application overlaps one of the denial (the same entry, or
 *     a parent and its child: 5A001 and 5A001.j), or, for a catch-all denial (Art 4/5, an item without
 *     a control entry), the application has an unlisted item caught on the same catch-all ground
 *     (the end-use concern). Reading of Art 16 and Art 2(22): "essentially identical" for an unlisted
 *     item is the same end user or consignee, destination and catch-all concern; brokering and
 *     technical-assistance denials are screened by the same gates on their items. And
 *  4. the application's end user or consignee is the denial's end user or consignee, judged by the
 *     party score below, in the same country.
 * Rules 1-3 are gates; rule 4 gives the score. Party score, for one pair of parties:
 *   name = nameSimilarity (weighted soft Jaccard of normalised name tokens, see party-name.ts)
 *   address = addressSimilarity (weighted soft Dice of normalised address tokens)
 *   score = name + ADDRESS_WEIGHT × address × (1 − name)   when address ≥ ADDRESS_SUPPORT_THRESHOLD
 *   score = name                                            otherwise
 *   the parties match when they are in the same country, name ≥ MINIMUM_NAME_SIMILARITY and
 *   score ≥ PARTY_MATCH_THRESHOLD.
 * The address raises the score when it agrees, and lowers it in one case only: when both addresses
 * name a known city and the cities differ (a similar name in another city is often another firm),
 * the score loses CITY_CONFLICT_PENALTY. Names that share no distinctive word (only industry and
 * filler words: "Global Trading") cannot match on the name alone: without a supporting address
 * their score is capped at GENERIC_NAME_CAP. An address never makes a match on its own.
 * The score of a match is that of its best matching pair of parties.
 *
 * A pair that does not match but shares the address and a distinctive word of the name is a
 * "possibly related entity" (a subsidiary, a front company at the same office): reported for a
 * human look, never a match, so it never opens a consultation by itself.
 */

/** A party pair scoring at least this matches (given the same country and the name minimum). */
export const PARTY_MATCH_THRESHOLD = 0.8;
/** Below this name similarity no address can make two parties match. */
export const MINIMUM_NAME_SIMILARITY = 0.5;
/** An address similarity at or above this supports the name; below it the address is ignored. */
export const ADDRESS_SUPPORT_THRESHOLD = 0.7;
/** The share of the gap between the name similarity and 1 that a fully equal address closes. */
export const ADDRESS_WEIGHT = 0.6;
/** Subtracted from the party score when both addresses name a known city and the cities differ. */
export const CITY_CONFLICT_PENALTY = 0.5;
/**
 * Below this address similarity two comparable addresses (both in Latin, Cyrillic or Greek script,
 * each of at least two words) disagree: the pair is then at most possibly related, since identity
 * needs the location to agree as well as the name (a firm that moved is for a caseworker to judge).
 */
export const ADDRESS_AGREEMENT_THRESHOLD = 0.7;
/** The most weight of words without a counterpart (filler aside) that a matching pair of names may leave. */
export const MAX_UNMATCHED_WEIGHT = 0;
/** Below this address similarity two comparable addresses without numbers on both sides disagree. */
export const ADDRESS_DISAGREEMENT_THRESHOLD = 0.35;
/** Name similarity at or above which a pair stopped by an objection is still possibly related. */
export const RELATED_NAME_THRESHOLD = 0.5;
/** The highest score two names sharing no distinctive word reach without a supporting address. */
export const GENERIC_NAME_CAP = 0.7;
/** Address similarity at or above which a non-matching pair sharing a distinctive word is possibly related. */
export const RELATED_ADDRESS_THRESHOLD = 0.8;
/** How many non-matching denials a dry run explains, nearest first. */
export const DEFAULT_NEAR_MISSES = 5;

/** Every tunable of the screening; each defaults to the exported constant of the same name. */
export interface ScreeningThresholds {
  readonly partyMatchThreshold: number;
  readonly minimumNameSimilarity: number;
  readonly addressSupportThreshold: number;
  readonly addressWeight: number;
  /** Per-token Jaro-Winkler similarity at or above which two different words count as one. */
  readonly tokenSimilarityThreshold: number;
  /** Similarity of names written without spaces at or above which a split/joined name counts. */
  readonly compactSimilarityThreshold: number;
  readonly cityConflictPenalty: number;
  readonly genericNameCap: number;
  readonly relatedAddressThreshold: number;
  readonly addressAgreementThreshold: number;
  readonly addressDisagreementThreshold: number;
  readonly maxUnmatchedWeight: number;
  readonly relatedNameThreshold: number;
}

/** The thresholds the screening uses unless told otherwise. */
export const DEFAULT_SCREENING_THRESHOLDS: ScreeningThresholds = {
  partyMatchThreshold: PARTY_MATCH_THRESHOLD,
  minimumNameSimilarity: MINIMUM_NAME_SIMILARITY,
  addressSupportThreshold: ADDRESS_SUPPORT_THRESHOLD,
  addressWeight: ADDRESS_WEIGHT,
  tokenSimilarityThreshold: DEFAULT_TOKEN_SIMILARITY_THRESHOLD,
  compactSimilarityThreshold: DEFAULT_COMPACT_SIMILARITY_THRESHOLD,
  cityConflictPenalty: CITY_CONFLICT_PENALTY,
  genericNameCap: GENERIC_NAME_CAP,
  relatedAddressThreshold: RELATED_ADDRESS_THRESHOLD,
  addressAgreementThreshold: ADDRESS_AGREEMENT_THRESHOLD,
  addressDisagreementThreshold: ADDRESS_DISAGREEMENT_THRESHOLD,
  maxUnmatchedWeight: MAX_UNMATCHED_WEIGHT,
  relatedNameThreshold: RELATED_NAME_THRESHOLD,
};

/**
 * Why a pair whose score reaches the threshold is still not a match: the legal forms are of
 * different kinds (an A.Ş. is not its Ltd. Şti.), one name has words the other lacks (a Trading or
 * -Prom sister firm), the addresses disagree, or the addresses name different cities.
 */
export type PartyObjection = 'LEGAL_FORMS_DIFFER' | 'EXTRA_NAME_WORDS' | 'ADDRESS_DIFFERS' | 'CITIES_DIFFER';

/** Overrides for some thresholds; the rest keep their defaults. */
export type ScreeningOptions = Partial<ScreeningThresholds>;

/** The transaction an authority is about to decide on, as screening needs it. */
export interface ScreeningCandidate {
  /** The member state that screens (and would decide); its own denials are not screened. */
  readonly issuingMemberState: string;
  /** Annex I entries of the listed items, in any spelling parseControlEntry accepts. */
  readonly controlEntries: readonly string[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
  /** Catch-all grounds (Art 4, Art 5, national) of the unlisted items: matched against catch-all denials. */
  readonly catchAllGrounds?: readonly CatchAllGround[];
}

/** A denial in force (neither revoked nor lapsed) from the EU denial register. */
export interface DenialInForce {
  readonly denialId: string;
  readonly issuingMemberState: string;
  readonly controlEntries: readonly string[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
  readonly grounds: readonly Art15Ground[];
  /** ISO calendar date of the Art 16 notification. */
  readonly notifiedAt: string;
  readonly kind?: Art16NotificationKind;
  /** Catch-all grounds of the denial's unlisted items (no control entry): gate 3 matches on these. */
  readonly catchAllGrounds?: readonly CatchAllGround[];
}

export type PartyRole = 'endUser' | 'consignee';

/** How one party of the application compares with one party of a denial. */
export interface PartyComparison {
  readonly candidateRole: PartyRole;
  readonly denialRole: PartyRole;
  readonly candidateName: string;
  readonly denialName: string;
  readonly nameSimilarity: number;
  readonly addressSimilarity: number;
  readonly sameCountry: boolean;
  /** True when the address reached the support threshold and so raised the score. */
  readonly addressSupports: boolean;
  /** True when both addresses name a known city and they differ, which lowered the score. */
  readonly citiesDiffer: boolean;
  /** True when the names share at least one distinctive word (not only industry or filler words). */
  readonly distinctiveShared: boolean;
  readonly score: number;
  /** What stops the pair from matching besides its score (empty when nothing does). */
  readonly objections: readonly PartyObjection[];
  readonly matches: boolean;
  /** Not a match, but the same address and a shared distinctive word: worth a human look. */
  readonly related: boolean;
}

/** An overlapping pair of control entries: the application's and the denial's. */
export interface EntryOverlap {
  readonly candidate: string;
  readonly denial: string;
}

/** A denial that the transaction is essentially identical to, with the evidence. */
export interface DenialMatch {
  readonly denialId: string;
  readonly issuingMemberState: string;
  /** The best matching party pair's score, in [0, 1], three decimals. */
  readonly score: number;
  /** e.g. ['destination', 'controlEntry:5A001.j~5A001', 'endUser.name', 'endUser.address', 'endUser.country']. */
  readonly matchedFields: readonly string[];
  readonly entryOverlaps: readonly EntryOverlap[];
  readonly parties: readonly PartyComparison[];
  readonly explanation: string;
}

/** Why a denial does not match, in the order the rules are applied. */
export type NoMatchReason = 'SAME_MEMBER_STATE' | 'DIFFERENT_DESTINATION' | 'NO_ITEM_OVERLAP' | 'NO_PARTY_MATCH';

/** The outcome of screening one denial: a match, or the first rule it fails and why. */
export type DenialAssessment =
  | { readonly outcome: 'MATCH'; readonly match: DenialMatch }
  | { readonly outcome: 'NO_MATCH'; readonly reason: NoMatchReason; readonly explanation: string };

/**
 * A denial that passes the member-state, destination and item rules and whose party does not match,
 * but shares the address and a distinctive word of the name: possibly a related entity (subsidiary,
 * front company). For a caseworker's look; never a match, never a consultation by itself.
 */
export interface RelatedDenial {
  readonly denialId: string;
  readonly issuingMemberState: string;
  /** The best related party pair's score, three decimals (below the match threshold). */
  readonly score: number;
  readonly parties: readonly PartyComparison[];
  readonly explanation: string;
}

/** A denial that did not match, with the first rule it failed and how close its parties came. */
export interface NearMiss {
  readonly denialId: string;
  readonly issuingMemberState: string;
  readonly reason: NoMatchReason;
  /** The best party pair's score, three decimals, computed whichever rule failed. */
  readonly score: number;
  readonly explanation: string;
}

/** A dry run's answer: the matches, the possibly related entities, and the nearest non-matches. */
export interface ScreeningReview {
  readonly matches: readonly DenialMatch[];
  readonly related: readonly RelatedDenial[];
  readonly nearMisses: readonly NearMiss[];
}

/** Options of a review: the thresholds, and how many near misses to explain. */
export interface ReviewOptions extends ScreeningOptions {
  readonly nearMisses?: number;
}

/**
 * Screens a transaction against the denials in force and returns every denial it is essentially
 * identical to, best score first (ties by denial id).
 */
export function screenTransaction(
  candidate: ScreeningCandidate,
  denialsInForce: Iterable<DenialInForce>,
  options: ScreeningOptions = {},
): readonly DenialMatch[] {
  const thresholds = { ...DEFAULT_SCREENING_THRESHOLDS, ...options };
  // Prepared on the first denial offered: most destinations have no denial in force, and folding the
  // candidate's names was ~5% of a submission's CPU with none to compare (issue 12 profile).
  let prepared: PreparedCandidate | undefined;
  const matches: DenialMatch[] = [];
  for (const denial of denialsInForce) {
    prepared ??= prepareCandidate(candidate);
    const assessment = assessPrepared(prepared, denial, thresholds);
    if (assessment.outcome === 'MATCH') matches.push(assessment.match);
  }
  return matches.sort((a, b) => b.score - a.score || compareText(a.denialId, b.denialId));
}

/** Screens one denial and says why it does or does not match (for dry runs and diagnostics). */
export function assessDenial(
  candidate: ScreeningCandidate,
  denial: DenialInForce,
  options: ScreeningOptions = {},
): DenialAssessment {
  const assessed = assessPrepared(prepareCandidate(candidate), denial, { ...DEFAULT_SCREENING_THRESHOLDS, ...options });
  return assessed.outcome === 'MATCH'
    ? assessed
    : { outcome: 'NO_MATCH', reason: assessed.reason, explanation: assessed.explain() };
}

/**
 * Screens a transaction as a dry run does: the matches (as {@link screenTransaction}), the denials
 * whose party is possibly related, and the `nearMisses` nearest denials that did not match (by their
 * best party score), each with the first rule it failed, so that an empty result says why.
 */
export function reviewTransaction(
  candidate: ScreeningCandidate,
  denialsInForce: Iterable<DenialInForce>,
  options: ReviewOptions = {},
): ScreeningReview {
  const { nearMisses: wanted = DEFAULT_NEAR_MISSES, ...overrides } = options;
  const thresholds = { ...DEFAULT_SCREENING_THRESHOLDS, ...overrides };
  const prepared = prepareCandidate(candidate);
  const matches: DenialMatch[] = [];
  const related: RelatedDenial[] = [];
  const misses: {
    readonly denial: DenialInForce;
    readonly reason: NoMatchReason;
    readonly explain: () => string;
    readonly best: PartyComparison | undefined;
  }[] = [];
  for (const denial of denialsInForce) {
    const assessment = assessPrepared(prepared, denial, thresholds);
    if (assessment.outcome === 'MATCH') {
      matches.push(assessment.match);
      continue;
    }
    // The party comparison is computed for every non-match here (a gate may have stopped it), so
    // that the nearest can be ranked: a dry run's cost, never screenTransaction's.
    const comparisons = compareAllParties(prepared, partiesOf(denial), thresholds);
    const relatedPairs = assessment.reason === 'NO_PARTY_MATCH' ? comparisons.filter((pair) => pair.related) : [];
    const bestRelated = bestOf(relatedPairs);
    if (bestRelated !== undefined) {
      related.push({
        denialId: denial.denialId,
        issuingMemberState: countryKey(denial.issuingMemberState),
        score: round3(bestRelated.score),
        parties: relatedPairs,
        explanation:
          `Denial ${denial.denialId} (${countryKey(denial.issuingMemberState)}): possibly a related entity, for a ` +
          `caseworker to look at (no consultation is opened): ${relatedPairs.map(describeRelated).join('; ')}.`,
      });
    } else {
      misses.push({ denial, reason: assessment.reason, explain: assessment.explain, best: bestOf(comparisons) });
    }
  }
  const nearest = misses
    .sort((a, b) => (b.best?.score ?? 0) - (a.best?.score ?? 0) || compareText(a.denial.denialId, b.denial.denialId))
    .slice(0, Math.max(0, wanted))
    .map(({ denial, reason, explain, best }): NearMiss => {
      const score = round3(best?.score ?? 0);
      const party = best === undefined ? 'no parties to compare' : describeParty(best);
      return {
        denialId: denial.denialId,
        issuingMemberState: countryKey(denial.issuingMemberState),
        reason,
        score,
        explanation:
          reason === 'NO_PARTY_MATCH'
            ? `${explain()} First failed rule: ${reason}.`
            : `${explain()} First failed rule: ${reason}; the parties, had it passed: ${party}.`,
      };
    });
  return {
    matches: matches.sort((a, b) => b.score - a.score || compareText(a.denialId, b.denialId)),
    related: related.sort((a, b) => b.score - a.score || compareText(a.denialId, b.denialId)),
    nearMisses: nearest,
  };
}

/**
 * Compares two parties by name, address and country (see the module comment for the formula).
 * Symmetric: compareParties(a, b) and compareParties(b, a) give the same similarities and score.
 */
export function compareParties(
  a: Party,
  b: Party,
  options: ScreeningOptions = {},
): Pick<
  PartyComparison,
  | 'nameSimilarity'
  | 'addressSimilarity'
  | 'sameCountry'
  | 'addressSupports'
  | 'citiesDiffer'
  | 'distinctiveShared'
  | 'score'
  | 'objections'
  | 'matches'
  | 'related'
> {
  return scoreParties(preparedParty(a), preparedParty(b), { ...DEFAULT_SCREENING_THRESHOLDS, ...options }, true);
}

/** The prepared name of a party as the screening compares it (prepared once per party object). */
export function preparedPartyName(party: Party): PreparedText {
  return preparedParty(party).name;
}

/** The prepared address of a party as the screening compares it (prepared once per party object). */
export function preparedPartyAddress(party: Party): PreparedText {
  return preparedParty(party).address;
}

/**
 * The best party score of each denial as {@link reviewTransaction} ranks its near misses
 * (unrounded, whichever gate the denial fails): for the denial index, which must know the nearest
 * misses exactly before it may leave the rest out.
 */
export function nearMissScorer(
  candidate: ScreeningCandidate,
  options: ScreeningOptions = {},
): (denial: DenialInForce) => number {
  const thresholds = { ...DEFAULT_SCREENING_THRESHOLDS, ...options };
  const prepared = prepareCandidate(candidate);
  return (denial) => bestOf(compareAllParties(prepared, partiesOf(denial), thresholds))?.score ?? 0;
}

/** The screening view of an application about to be decided by `screeningMemberState`. */
export function screeningCandidateFromApplication(
  screeningMemberState: string,
  content: Pick<ApplicationContent, 'items' | 'destinationCountry' | 'endUser' | 'consignee'>,
): ScreeningCandidate {
  return {
    catchAllGrounds: content.items.flatMap((item) =>
      item.classification.kind === 'NOT_LISTED' ? [item.classification.catchAllGround] : [],
    ),
    issuingMemberState: screeningMemberState,
    controlEntries: content.items.flatMap((item) =>
      item.classification.kind === 'LISTED' ? [item.classification.controlEntry] : [],
    ),
    destinationCountry: content.destinationCountry,
    endUser: content.endUser,
    consignee: content.consignee,
  };
}

/** The register entry for a notified denial (or annulment, suspension, limitation, revocation). */
export function denialFromNotification(denialId: string, notification: Art16Notification): DenialInForce {
  return {
    denialId,
    issuingMemberState: notification.notifyingMemberState,
    controlEntries: notification.items.flatMap((item) => (item.controlEntry === null ? [] : [item.controlEntry])),
    destinationCountry: notification.destinationCountry,
    endUser: notification.endUser,
    consignee: notification.consignee,
    grounds: notification.grounds,
    notifiedAt: notification.effectiveOn,
    kind: notification.kind,
    catchAllGrounds: notification.items.flatMap((item) =>
      item.controlEntry === null && item.catchAllGround !== null ? [item.catchAllGround] : [],
    ),
  };
}

/** A country code as compared: normalised (EL → GR), or the trimmed upper-case text if malformed. */
export function countryKey(code: string): string {
  return normaliseCountryCode(code) ?? code.trim().toUpperCase();
}

/** The parsed entries of a list, malformed ones left out (they overlap nothing). */
export function parsedEntries(entries: readonly string[]): readonly ControlEntry[] {
  return entries.flatMap((raw) => {
    const parsed = parseControlEntry(raw);
    return parsed.ok ? [parsed.value] : [];
  });
}

interface PreparedParty {
  readonly party: Party;
  readonly name: PreparedText;
  readonly address: PreparedText;
  readonly country: string;
}

interface PreparedCandidate {
  readonly memberState: string;
  readonly destination: string;
  readonly entries: readonly ControlEntry[];
  readonly catchAllGrounds: readonly CatchAllGround[];
  readonly parties: readonly (readonly [PartyRole, PreparedParty])[];
}

// The parties are prepared only for denials that pass the gates: most denials never get that far.
type PreparedDenial = Omit<PreparedCandidate, 'parties' | 'catchAllGrounds'>;

// Normalising a name costs far more than comparing two; a register screens the same denial for
// every application, so each party and denial is prepared once. Keyed by object identity, so the
// cache never changes a result and is collected with its key.
const partyCache = new WeakMap<Party, PreparedParty>();
const denialCache = new WeakMap<DenialInForce, PreparedDenial>();

function preparedParty(party: Party): PreparedParty {
  let prepared = partyCache.get(party);
  if (prepared === undefined) {
    // The address only when first compared: most parties a register holds never get that far
    // (their names meet nothing), and a prepared address costs as much memory as the name.
    let address: PreparedText | undefined;
    prepared = {
      party,
      name: preparePartyName(party.name),
      get address(): PreparedText {
        address ??= prepareAddress(party.address, countryKey(party.country));
        return address;
      },
      country: countryKey(party.country),
    };
    partyCache.set(party, prepared);
  }
  return prepared;
}

function partiesOf(transaction: { readonly endUser: Party; readonly consignee: Party | null }) {
  const parties: (readonly [PartyRole, PreparedParty])[] = [['endUser', preparedParty(transaction.endUser)]];
  if (transaction.consignee !== null) parties.push(['consignee', preparedParty(transaction.consignee)]);
  return parties;
}

function prepareCandidate(candidate: ScreeningCandidate): PreparedCandidate {
  return {
    memberState: countryKey(candidate.issuingMemberState),
    destination: countryKey(candidate.destinationCountry),
    entries: parsedEntries(candidate.controlEntries),
    catchAllGrounds: candidate.catchAllGrounds ?? [],
    parties: partiesOf(candidate),
  };
}

function preparedDenial(denial: DenialInForce): PreparedDenial {
  let prepared = denialCache.get(denial);
  if (prepared === undefined) {
    prepared = {
      memberState: countryKey(denial.issuingMemberState),
      destination: countryKey(denial.destinationCountry),
      entries: parsedEntries(denial.controlEntries),
    };
    denialCache.set(denial, prepared);
  }
  return prepared;
}

// Screening a register mostly meets denials that fail a gate; their explanation is built only when
// someone asks for it (assessDenial), never in screenTransaction.
type Assessed =
  | { readonly outcome: 'MATCH'; readonly match: DenialMatch }
  | { readonly outcome: 'NO_MATCH'; readonly reason: NoMatchReason; readonly explain: () => string };

function assessPrepared(
  candidate: PreparedCandidate,
  denial: DenialInForce,
  thresholds: ScreeningThresholds,
): Assessed {
  const prepared = preparedDenial(denial);
  const id = (): string => `Denial ${denial.denialId} (${prepared.memberState})`;
  if (prepared.memberState === candidate.memberState) {
    return noMatch('SAME_MEMBER_STATE', () => `${id()} was issued by the screening member state itself.`);
  }
  if (prepared.destination !== candidate.destination) {
    return noMatch(
      'DIFFERENT_DESTINATION',
      () => `${id()} is for destination ${prepared.destination}, the application for ${candidate.destination}.`,
    );
  }
  const overlaps = overlapsBetween(candidate.entries, prepared.entries);
  const sharedGrounds = (denial.catchAllGrounds ?? []).filter((ground) => candidate.catchAllGrounds.includes(ground));
  if (overlaps.length === 0 && sharedGrounds.length === 0) {
    return noMatch(
      'NO_ITEM_OVERLAP',
      () =>
        `${id()}: no control entry overlaps (application ${codes(candidate.entries)}, denial ${codes(prepared.entries)}).`,
    );
  }
  const comparisons = compareAllParties(candidate, partiesOf(denial), thresholds);
  const matching = comparisons.filter((comparison) => comparison.matches);
  const best = bestOf(matching.length > 0 ? matching : comparisons);
  if (matching.length === 0 || best === undefined) {
    return noMatch('NO_PARTY_MATCH', () => `${id()}: ${best === undefined ? 'no parties' : describeParty(best)}.`);
  }
  const score = round3(best.score);
  const match: DenialMatch = {
    denialId: denial.denialId,
    issuingMemberState: prepared.memberState,
    score,
    matchedFields: [
      'destination',
      ...overlaps.map((overlap) => `controlEntry:${overlap.candidate}~${overlap.denial}`),
      ...sharedGrounds.map((ground) => `catchAllGround:${ground}`),
      ...matching.flatMap(partyFields),
    ],
    entryOverlaps: overlaps,
    parties: matching,
    explanation:
      `${id()}, notified ${denial.notifiedAt}: destination ${prepared.destination} is the same; ` +
      (overlaps.length > 0
        ? `control entries overlap (${overlaps.map((overlap) => `${overlap.candidate} ~ ${overlap.denial}`).join(', ')}); `
        : `catch-all ground ${sharedGrounds.join(', ')} is the same (no control entry); `) +
      `${matching.map(describeParty).join('; ')}. Score ${score.toFixed(2)}.`,
  };
  return { outcome: 'MATCH', match };
}

function noMatch(reason: NoMatchReason, explain: () => string): Assessed {
  return { outcome: 'NO_MATCH', reason, explain };
}

function overlapsBetween(candidate: readonly ControlEntry[], denial: readonly ControlEntry[]): EntryOverlap[] {
  const overlaps: EntryOverlap[] = [];
  for (const left of candidate) {
    for (const right of denial) {
      if (isAncestorOrSelf(left, right) || isAncestorOrSelf(right, left)) {
        overlaps.push({ candidate: left.code, denial: right.code });
      }
    }
  }
  return overlaps;
}

function compareAllParties(
  candidate: PreparedCandidate,
  denialParties: readonly (readonly [PartyRole, PreparedParty])[],
  thresholds: ScreeningThresholds,
): PartyComparison[] {
  return candidate.parties.flatMap(([candidateRole, left]) =>
    denialParties.map(([denialRole, right]) => ({
      candidateRole,
      denialRole,
      candidateName: left.party.name,
      denialName: right.party.name,
      ...scoreParties(left, right, thresholds),
    })),
  );
}

function scoreParties(
  left: PreparedParty,
  right: PreparedParty,
  thresholds: ScreeningThresholds,
  computeAddressAlways = false,
) {
  const textOptions = {
    tokenSimilarityThreshold: thresholds.tokenSimilarityThreshold,
    compactSimilarityThreshold: thresholds.compactSimilarityThreshold,
  };
  const evidence = nameEvidence(left.name, right.name, textOptions);
  const name = evidence.similarity;
  const distinctiveShared = evidence.distinctiveMatched > 0;
  // Below the name minimum no address can make a match, and without a shared distinctive word no
  // related entity either: screening skips the work (and reports the address as 0); a single
  // comparison asked for by a caller always computes it.
  const compared = computeAddressAlways || name >= thresholds.minimumNameSimilarity || distinctiveShared;
  const address = compared ? addressSimilarity(left.address, right.address, textOptions) : 0;
  const addressSupports = address >= thresholds.addressSupportThreshold;
  // A branch is the firm itself wherever it sits.
  const branch = left.name.branch === true || right.name.branch === true;
  const differentCities = compared && !branch && citiesDiffer(left.address, right.address);
  let score = addressSupports ? name + thresholds.addressWeight * address * (1 - name) : name;
  // Generic names (only industry and filler words in common) say little on their own.
  if (!distinctiveShared && !addressSupports) score = Math.min(score, thresholds.genericNameCap);
  if (differentCities) score = Math.max(0, score - thresholds.cityConflictPenalty);
  const sameCountry = left.country === right.country;
  const objections: PartyObjection[] = [];
  if (compared) {
    if (legalFormsDiffer(left.name, right.name)) objections.push('LEGAL_FORMS_DIFFER');
    if (evidence.unmatchedWeight > thresholds.maxUnmatchedWeight) objections.push('EXTRA_NAME_WORDS');
    if (
      !branch &&
      !oneSideIsAPostBox(left, right) &&
      ((addressesComparable(left, right) && addressesDisagree(left, right, address, thresholds, textOptions)) ||
        numbersDisagreeAcrossScripts(left, right, address, thresholds))
    ) {
      objections.push('ADDRESS_DIFFERS');
    }
    if (differentCities) objections.push('CITIES_DIFFER');
  }
  const scoreMatches =
    sameCountry && name >= thresholds.minimumNameSimilarity && score >= thresholds.partyMatchThreshold;
  const matches = scoreMatches && objections.length === 0;
  const related =
    !matches &&
    sameCountry &&
    distinctiveShared &&
    !differentCities &&
    (address >= thresholds.relatedAddressThreshold || name >= thresholds.relatedNameThreshold);
  return {
    nameSimilarity: name,
    addressSimilarity: address,
    sameCountry,
    addressSupports,
    citiesDiffer: differentCities,
    distinctiveShared,
    score,
    objections,
    matches,
    related,
  };
}

// Addresses with numbers on both sides disagree when they share no number and score below the
// agreement threshold (Rua Vergueiro 3100 against 1500), or when each has a house number the other
// lacks (10001 Sk. No: 9 against No: 7; a postcode one side adds is no contradiction). Without
// numbers on both sides they disagree only when they have almost nothing in common. Setting
// addressAgreementThreshold to 0 turns the numbered rules off.
function addressesDisagree(
  left: PreparedParty,
  right: PreparedParty,
  address: number,
  thresholds: ScreeningThresholds,
  textOptions: { readonly tokenSimilarityThreshold: number },
): boolean {
  const bothNumbered = (left.address.numbers?.length ?? 0) > 0 && (right.address.numbers?.length ?? 0) > 0;
  if (!bothNumbered) return address < thresholds.addressDisagreementThreshold;
  if (thresholds.addressAgreementThreshold <= 0) return false;
  return (
    (numbersDiffer(left.address, right.address) && address < thresholds.addressAgreementThreshold) ||
    houseNumbersConflict(left.address, right.address, textOptions)
  );
}

// Digits are written alike in every script (Arabic-Indic and Persian digits are read as ASCII): an
// address in Chinese characters, Hangul or Hebrew against a Latin one whose house numbers are all
// different (湖滨南路88号 against 109 Furong Road) is another house, though its words cannot be
// weighed against each other.
function numbersDisagreeAcrossScripts(
  left: PreparedParty,
  right: PreparedParty,
  address: number,
  thresholds: ScreeningThresholds,
): boolean {
  return (
    (left.address.otherScript === true || right.address.otherScript === true) &&
    thresholds.addressAgreementThreshold > 0 &&
    numbersDiffer(left.address, right.address) &&
    address < thresholds.addressAgreementThreshold
  );
}

// A post-office box, common in the Gulf, says where the mail is collected, not where the firm sits:
// against a street address it contradicts nothing (P.O. Box 118442, Dubai against Office 1407, Al Moosa
// Tower 2, Dubai). Two boxes are compared as any two addresses are.
const POST_BOX =
  /(?:^|[^\p{L}])(?:p\.?\s*o\.?\s*box|p\.?\s*o\.?\s*b\.?\s*\d|post(?:al)?\s*box|postfach|caixa\s+postal|apartado\s+postal|ص\.?\s?ب)/iu;

function oneSideIsAPostBox(left: PreparedParty, right: PreparedParty): boolean {
  return POST_BOX.test(left.party.address) !== POST_BOX.test(right.party.address);
}

// Two addresses can contradict each other only when both say enough (two words or more after the
// street-type words are dropped) in comparable scripts: an address in Chinese characters against
// its English form, or a bare city, is no evidence against the name.
function addressesComparable(left: PreparedParty, right: PreparedParty): boolean {
  return (
    left.address.tokens.length >= 2 &&
    right.address.tokens.length >= 2 &&
    left.address.otherScript !== true &&
    right.address.otherScript !== true
  );
}

function bestOf(comparisons: readonly PartyComparison[]): PartyComparison | undefined {
  return comparisons.reduce<PartyComparison | undefined>(
    (best, comparison) => (best === undefined || comparison.score > best.score ? comparison : best),
    undefined,
  );
}

function partyFields(comparison: PartyComparison): string[] {
  const role =
    comparison.candidateRole === comparison.denialRole
      ? comparison.candidateRole
      : `${comparison.candidateRole}~${comparison.denialRole}`;
  return [`${role}.name`, ...(comparison.addressSupports ? [`${role}.address`] : []), `${role}.country`];
}

function describeParty(comparison: PartyComparison): string {
  const who =
    `the application's ${roleText(comparison.candidateRole)} '${comparison.candidateName}' ` +
    `and the denial's ${roleText(comparison.denialRole)} '${comparison.denialName}'`;
  const evidence =
    `name ${comparison.nameSimilarity.toFixed(2)}, address ${comparison.addressSimilarity.toFixed(2)}` +
    `${comparison.addressSupports ? ' (supporting)' : ''}, ` +
    `${comparison.sameCountry ? 'same country' : 'different countries'}, party score ${comparison.score.toFixed(2)}`;
  return `${who} ${comparison.matches ? 'match' : 'do not match'} (${evidence}${notes(comparison)})`;
}

function describeRelated(comparison: PartyComparison): string {
  return (
    `the application's ${roleText(comparison.candidateRole)} '${comparison.candidateName}' and the denial's ` +
    `${roleText(comparison.denialRole)} '${comparison.denialName}' share a distinctive name word and the address ` +
    `(name ${comparison.nameSimilarity.toFixed(2)}, address ${comparison.addressSimilarity.toFixed(2)}, ` +
    `party score ${comparison.score.toFixed(2)})`
  );
}

const OBJECTION_TEXT: Record<PartyObjection, string> = {
  LEGAL_FORMS_DIFFER: 'the legal forms are of different kinds',
  EXTRA_NAME_WORDS: 'one name has words the other lacks',
  ADDRESS_DIFFERS: 'the addresses disagree',
  CITIES_DIFFER: 'the addresses name different cities',
};

function notes(comparison: PartyComparison): string {
  return [
    ...comparison.objections.map((objection) => `; ${OBJECTION_TEXT[objection]}`),
    ...(comparison.distinctiveShared ? [] : ['; the names share no distinctive word']),
  ].join('');
}

function roleText(role: PartyRole): string {
  return role === 'endUser' ? 'end user' : 'consignee';
}

function codes(entries: readonly ControlEntry[]): string {
  return entries.length === 0 ? 'none' : entries.map((entry) => entry.code).join(', ');
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
