import type { PreparedText, TokenJoin, WeightedToken } from './party-name';
import {
  DEFAULT_COMPACT_SIMILARITY_THRESHOLD,
  DISTINCTIVE_TOKEN_WEIGHT,
  MIN_FUZZY_TOKEN_LENGTH,
  cantoneseKey,
  koreanKey,
  abbreviatesWord,
  arabicScriptMeets,
  consonantsMeet,
} from './party-name';

/**
 * Cheap necessary conditions for the name measures of party-name.ts, so that the denial index can
 * skip the denials whose names cannot score: each test here may say "maybe" for a pair that does
 * not score (the exact measure then decides), never "no" for one that does. They are bounds, not
 * rules: nothing here decides a similarity, and each is pinned against the exact measure by
 * token-bounds.spec.ts over the labelled and evaluation names.
 */

/** A token with what the bounds need precomputed: computed once when a name enters the index. */
export interface TokenProfile {
  readonly token: WeightedToken;
  readonly textMask: number;
  readonly textHasDigit: boolean;
  readonly phoneticMask: number;
  readonly phoneticHasDigit: boolean;
}

export function profileToken(token: WeightedToken): TokenProfile {
  return {
    token,
    textMask: letterMask(token.text),
    textHasDigit: /[0-9]/.test(token.text),
    phoneticMask: token.phonetic === undefined ? 0 : letterMask(token.phonetic),
    phoneticHasDigit: token.phonetic !== undefined && /[0-9]/.test(token.phonetic),
  };
}

/**
 * False only when weightedTokenSimilarity(a, b, threshold) is certainly 0: the same order of tests,
 * with each fuzzy one (Jaro-Winkler, one edit) replaced by an upper bound from the letters the two
 * strings can share at most.
 */
export function mayBeSimilarTokens(a: TokenProfile, b: TokenProfile, threshold: number): boolean {
  const x = a.token;
  const y = b.token;
  if (x.text === y.text) return true;
  // Hebrew script is compared by a loose consonant key of the other word (weightedTokenSimilarity):
  // admitted whole rather than bounded, as those tokens are few.
  if (x.hebrewScript === true || y.hebrewScript === true) return true;
  if (x.arabicScript === true || y.arabicScript === true) return arabicScriptMeets(x, y);
  if (abbreviatesWord(x, y.text) || abbreviatesWord(y, x.text)) return true;
  if (x.abbreviates !== undefined && x.abbreviates === y.abbreviates) return true;
  if (mayBeFuzzy(x.text, y.text, a.textMask, b.textMask, a.textHasDigit || b.textHasDigit, threshold)) return true;
  if (mayHaveSolidArticle(x.text, y.text) || mayHaveSolidArticle(y.text, x.text)) return true;
  if (x.phonetic !== undefined && y.phonetic !== undefined) {
    if (x.text.startsWith(y.text) || y.text.startsWith(x.text)) return true;
    if (x.phonetic === y.phonetic) return true;
    if (
      mayBeFuzzy(
        x.phonetic,
        y.phonetic,
        a.phoneticMask,
        b.phoneticMask,
        a.phoneticHasDigit || b.phoneticHasDigit,
        threshold,
      )
    ) {
      return true;
    }
  }
  // Korean romanisations against each other: the same Korean key (weightedTokenSimilarity).
  if (x.korean !== undefined && x.korean === y.korean) return true;
  // Japanese romanisations against each other: the same Japanese key (weightedTokenSimilarity).
  if (x.japanese !== undefined && x.japanese === y.japanese) return true;
  // Long compounds romanised apart: the same compound key (weightedTokenSimilarity).
  if (x.compound !== undefined && x.compound === y.compound) return true;
  return consonantsMeet(x, y);
}

// tokenSimilarity is positive only for two words of MIN_FUZZY_TOKEN_LENGTH letters or more without
// digits whose Jaro-Winkler reaches the threshold, or that are one edit apart. Both need matched
// letters: a letter of one word that the other lacks is never matched, so at most
// length − (distinct letters absent from the other) letters of each can be.
function mayBeFuzzy(a: string, b: string, maskA: number, maskB: number, digits: boolean, threshold: number): boolean {
  if (a.length < MIN_FUZZY_TOKEN_LENGTH || b.length < MIN_FUZZY_TOKEN_LENGTH || digits) return false;
  const matched = Math.min(a.length - popcount(maskA & ~maskB), b.length - popcount(maskB & ~maskA));
  if (matched <= 0) return false;
  // One edit (a substitution, insertion, deletion or swap) leaves all but one letter of the longer word matched.
  if (matched >= Math.max(a.length, b.length) - 1) return true;
  const jaro = (Math.min(1, matched / a.length) + Math.min(1, matched / b.length) + 1) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro) >= threshold - BOUND_SLACK;
}

function mayHaveSolidArticle(long: string, short: string): boolean {
  return short.length >= 3 && long.length === short.length + 2 && long.endsWith(short);
}

/** What the compact and initialism bounds need of a name: a few numbers, kept for every indexed party. */
export interface NameShape {
  readonly tokenCount: number;
  readonly compactLength: number;
  /** The letters of the compact form (see {@link letterMask}). */
  readonly compactMask: number;
  /** The length of the only token, for a name of one token; 0 otherwise. */
  readonly singleLength: number;
}

export function nameShape(name: PreparedText): NameShape {
  return {
    tokenCount: name.tokens.length,
    compactLength: name.compact.length,
    compactMask: letterMask(name.compact),
    singleLength: name.tokens.length === 1 ? (name.tokens[0]?.text.length ?? 0) : 0,
  };
}

/**
 * False only when the compact forms of two names (written without spaces) certainly stay below the
 * compact threshold of nameEvidence: its edit distance is at least the difference in length, and at
 * least half the letters one has and the other lacks (a substitution removes one and adds one, an
 * insertion or deletion one, a swap none).
 */
export function mayBeCompactSimilar(
  a: NameShape,
  b: NameShape,
  threshold: number = DEFAULT_COMPACT_SIMILARITY_THRESHOLD,
): boolean {
  if (a.compactLength === 0 || b.compactLength === 0 || a.tokenCount === b.tokenCount) return false;
  const longer = Math.max(a.compactLength, b.compactLength);
  const distance = Math.max(
    Math.abs(a.compactLength - b.compactLength),
    Math.ceil((popcount(a.compactMask & ~b.compactMask) + popcount(b.compactMask & ~a.compactMask)) / 2),
  );
  return 1 - distance / longer >= threshold - BOUND_SLACK;
}

/** False only when neither name can be the initialism of the other (a single short word against two or more). */
export function mayBeInitialism(a: NameShape, b: NameShape): boolean {
  const short = (name: NameShape): boolean => name.singleLength >= 2 && name.singleLength <= 5;
  return (short(a) && b.tokenCount >= 2) || (short(b) && a.tokenCount >= 2);
}

/**
 * The keys under which a word may be what a run of syllables of the other name (Hangul, or Chinese
 * characters read in Cantonese) spells by its romanisation key: alignJoined (party-name.ts) then puts
 * the word in place of the run (keyedTarget), which changes the words compared and their total
 * weight, so no bound on the words alone holds (부산해성 bu san hae seong against Haesung: no
 * syllable meets the word, the run hae seong does). The same conditions as keyedTarget; a token
 * that cannot be such a word has no keys. Matched against {@link joinKeys} of the other name.
 */
export function romanisationKeys(token: WeightedToken): readonly string[] {
  // A word in Arabic script may be what the script words of the other name spell written together.
  if (token.arabicScript === true) {
    return token.weight === DISTINCTIVE_TOKEN_WEIGHT && token.consonants !== undefined ? [`a ${token.consonants}`] : [];
  }
  if (token.weight !== DISTINCTIVE_TOKEN_WEIGHT || token.hebrewScript === true || token.syllable !== undefined) {
    return [];
  }
  return [
    `k ${koreanKey(token.text)}`,
    `c ${cantoneseKey(token.text)}`,
    ...(token.consonants === undefined ? [] : [`a ${token.consonants}`]),
  ];
}

/** The romanisation keys a run of syllables is looked up by in the other name (see {@link romanisationKeys}). */
export function joinKeys(join: TokenJoin): readonly string[] {
  return [
    ...(join.key === undefined ? [] : [`k ${join.key}`]),
    ...(join.cantonese === undefined ? [] : [`c ${join.cantonese}`]),
    ...(join.arabic === undefined ? [] : [`a ${join.arabic}`]),
  ];
}

/** The letters a string contains, one bit each (a-z); any other character shares the last bit. */
export function letterMask(text: string): number {
  let mask = 0;
  for (let at = 0; at < text.length; at++) {
    const letter = text.charCodeAt(at) - 97;
    mask |= letter >= 0 && letter < 26 ? 1 << letter : 1 << 26;
  }
  return mask;
}

/** Added to every bound before it is compared: a bound summed in another order must not lose to rounding. */
export const BOUND_SLACK = 1e-9;

function popcount(value: number): number {
  let v = value - ((value >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}
