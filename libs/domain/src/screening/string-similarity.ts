/**
 * Two small string measures for screening, written here rather than taken from a package: each is a
 * dozen lines, the packages that offer them add nothing we need, and both must be exactly symmetric
 * (sim(a, b) === sim(b, a)) for the screening score to be, which is easier to guarantee in our code.
 */

/**
 * Jaro-Winkler similarity in [0, 1]: 1 for equal strings. It forgives transpositions and rewards a
 * shared prefix (up to four characters, scale 0.1), which suits spelling variants of one word
 * (Novosibirsk/Novosibirks, Mueller/Muller). Used per token, never on whole names: on long strings
 * a shared prefix says little.
 */
export function jaroWinkler(a: string, b: string): number {
  const jaro = jaroSimilarity(a, b);
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * The highest Jaro-Winkler similarity two strings of these lengths can have (every character of the
 * shorter matched, no transpositions, a four-character prefix): a cheap test before the real one.
 */
export function jaroWinklerUpperBound(lengthA: number, lengthB: number): number {
  const shorter = Math.min(lengthA, lengthB);
  const longer = Math.max(lengthA, lengthB);
  if (shorter === 0) return longer === 0 ? 1 : 0;
  const jaro = (1 + shorter / longer + 1) / 3;
  return jaro + Math.min(4, shorter) * 0.1 * (1 - jaro);
}

// The match flags of jaroSimilarity, reused: a dry run at 100,000 denials compares words some
// thousands of times, and two fresh typed arrays per comparison were about a quarter of all it
// allocated (sampling heap profile). Safe because the function neither recurses nor yields.
let aMatched = new Uint8Array(64);
let bMatched = new Uint8Array(64);

/** Jaro similarity in [0, 1]; symmetric because the match window and transposition count are. */
export function jaroSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  if (aMatched.length < a.length) aMatched = new Uint8Array(a.length * 2);
  if (bMatched.length < b.length) bMatched = new Uint8Array(b.length * 2);
  aMatched.fill(0, 0, a.length);
  bMatched.fill(0, 0, b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const from = Math.max(0, i - window);
    const to = Math.min(b.length - 1, i + window);
    for (let j = from; j <= to; j++) {
      if (bMatched[j] === 1 || a[i] !== b[j]) continue;
      aMatched[i] = 1;
      bMatched[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let j = 0;
  for (let i = 0; i < a.length; i++) {
    if (aMatched[i] === 0) continue;
    while (bMatched[j] === 0) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const halfTranspositions = transpositions / 2;
  return (matches / a.length + matches / b.length + (matches - halfTranspositions) / matches) / 3;
}

/**
 * Optimal string alignment distance (Damerau-Levenshtein restricted to adjacent transpositions):
 * insertions, deletions, substitutions and swaps of two neighbours each cost one.
 */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  if (a.length === 0) return b.length;
  if (b.length === 0) return a.length;
  // Three rolling rows: the transposition step looks two rows back.
  let before = new Array<number>(b.length + 1).fill(0);
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (before[j - 2] ?? 0) + 1);
      }
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[b.length] ?? 0;
}

/** 1 - osaDistance / longer length, in [0, 1]: the share of the longer string left untouched. */
export function osaSimilarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - osaDistance(a, b) / longer;
}

/**
 * True when the optimal string alignment distance of two strings is at most one (equal, or one
 * insertion, deletion, substitution or swap of two neighbours apart): osaDistance(a, b) <= 1 in
 * linear time and without allocating, for the misspelling scans that try many pairs.
 */
export function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let at = 0;
  while (at < a.length && at < b.length && a[at] === b[at]) at++;
  // Compared in place rather than by slices: this runs for many word pairs of every screening.
  if (a.length === b.length) {
    if (sameFrom(a, at + 1, b, at + 1)) return true;
    return a[at] === b[at + 1] && a[at + 1] === b[at] && sameFrom(a, at + 2, b, at + 2);
  }
  return a.length > b.length ? sameFrom(a, at + 1, b, at) : sameFrom(b, at + 1, a, at);
}

/** True when a from `fromA` on equals b from `fromB` on (a.slice(fromA) === b.slice(fromB)). */
function sameFrom(a: string, fromA: number, b: string, fromB: number): boolean {
  const restA = Math.max(0, a.length - fromA);
  if (restA !== Math.max(0, b.length - fromB)) return false;
  for (let offset = 0; offset < restA; offset++)
    if (a.charCodeAt(fromA + offset) !== b.charCodeAt(fromB + offset)) return false;
  return true;
}
