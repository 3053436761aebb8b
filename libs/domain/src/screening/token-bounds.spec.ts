import fc from 'fast-check';
import labelled from '../../../../test/fixtures/screening/pairs.json';
import heldOut from './evaluation/heldout.json';
import heldOut2 from './evaluation/heldout-2.json';
import tuning from './evaluation/tuning.json';
import type { PreparedText, WeightedToken } from './party-name';
import {
  DEFAULT_COMPACT_SIMILARITY_THRESHOLD,
  DEFAULT_TOKEN_SIMILARITY_THRESHOLD,
  INITIALISM_SIMILARITY,
  nameEvidence,
  prepareAddress,
  preparePartyName,
  weightedTokenSimilarity,
} from './party-name';
import { osaSimilarity } from './string-similarity';
import {
  joinKeys,
  mayBeCompactSimilar,
  mayBeInitialism,
  mayBeSimilarTokens,
  nameShape,
  profileToken,
  romanisationKeys,
} from './token-bounds';

interface Side {
  readonly endUser: { readonly name: string; readonly address: string };
  readonly consignee: { readonly name: string; readonly address: string } | null;
}
const cases = [labelled.pairs, tuning, heldOut, heldOut2].flat() as unknown as readonly {
  readonly candidate: Side;
  readonly denial: Side;
}[];
const partiesOf = (side: Side) => (side.consignee === null ? [side.endUser] : [side.endUser, side.consignee]);

// Every name and address pair the labelled and evaluation cases compare: the spellings the matcher
// is known to meet (every script, romanisation, typo, abbreviation and split word).
const pairs = cases.flatMap((c) =>
  partiesOf(c.candidate).flatMap((left) =>
    partiesOf(c.denial).map((right) => ({
      names: [preparePartyName(left.name), preparePartyName(right.name)] as const,
      addresses: [prepareAddress(left.address), prepareAddress(right.address)] as const,
    })),
  ),
);
const tokenPairs = pairs.flatMap(({ names, addresses }) =>
  [names, addresses].flatMap(([a, b]) => a.tokens.flatMap((x) => b.tokens.map((y) => [x, y] as const))),
);

function ruledOutWhileSimilar(
  candidates: readonly (readonly [WeightedToken, WeightedToken])[],
  threshold: number,
): string[] {
  return candidates
    .filter(
      ([x, y]) =>
        weightedTokenSimilarity(x, y, threshold) > 0 &&
        !mayBeSimilarTokens(profileToken(x), profileToken(y), threshold),
    )
    .map(([x, y]) => `${x.text} ~ ${y.text}`);
}

describe('the bounds of the name measures (the denial index skips only what they rule out)', () => {
  it('never rules out a pair of words that the word measure counts as one, on every pair the cases compare', () => {
    expect(tokenPairs.length).toBeGreaterThan(5_000);
    expect(
      tokenPairs.filter(([x, y]) => weightedTokenSimilarity(x, y, DEFAULT_TOKEN_SIMILARITY_THRESHOLD) > 0).length,
    ).toBeGreaterThan(1_000);
    for (const threshold of [DEFAULT_TOKEN_SIMILARITY_THRESHOLD, 0.85, 0.8, 0.95]) {
      expect(ruledOutWhileSimilar(tokenPairs, threshold)).toEqual([]);
    }
  });

  it('never rules out a pair of random words that the word measure counts as one', () => {
    const word = fc.stringMatching(/^[a-z]{1,12}$/);
    fc.assert(
      fc.property(word, word, fc.constantFrom(0.92, 0.85, 0.7), (a, b, threshold) => {
        const [x] = preparePartyName(a).tokens;
        const [y] = preparePartyName(b).tokens;
        if (x === undefined || y === undefined) return;
        expect(ruledOutWhileSimilar([[x, y]], threshold)).toEqual([]);
      }),
      { numRuns: 3_000 },
    );
  });

  it('rules out words that share too few letters to be one (Kvant and Novator)', () => {
    const [kvant] = preparePartyName('Kvant').tokens;
    const [novator] = preparePartyName('Novator').tokens;
    if (kvant === undefined || novator === undefined) throw new Error('no tokens');
    expect(mayBeSimilarTokens(profileToken(kvant), profileToken(novator), DEFAULT_TOKEN_SIMILARITY_THRESHOLD)).toBe(
      false,
    );
  });

  it('never rules out names whose compact forms reach the compact threshold (Spets Tekhnika, Spetstekhnika)', () => {
    const reached = (a: PreparedText, b: PreparedText, threshold: number): boolean =>
      a.compact !== '' &&
      b.compact !== '' &&
      a.tokens.length !== b.tokens.length &&
      osaSimilarity(a.compact, b.compact) >= threshold;
    let compared = 0;
    for (const threshold of [DEFAULT_COMPACT_SIMILARITY_THRESHOLD, 0.8, 0.7]) {
      for (const { names } of pairs) {
        const [a, b] = names;
        if (!reached(a, b, threshold)) continue;
        compared++;
        expect([a.compact, b.compact, mayBeCompactSimilar(nameShape(a), nameShape(b), threshold)]).toEqual([
          a.compact,
          b.compact,
          true,
        ]);
      }
    }
    expect(compared).toBeGreaterThan(0);
    const spets = preparePartyName('Spets Tekhnika');
    const kvant = preparePartyName('Kvant Telecom Systems');
    expect(mayBeCompactSimilar(nameShape(spets), nameShape(kvant))).toBe(false);
  });

  it('never rules out a name that is the initialism of the other (ATS FZE, Advanced Technical Solutions FZE)', () => {
    const initialisms = pairs.filter(({ names: [a, b] }) => nameEvidence(a, b).similarity === INITIALISM_SIMILARITY);
    expect(initialisms.length).toBeGreaterThan(0);
    expect(initialisms.filter(({ names: [a, b] }) => !mayBeInitialism(nameShape(a), nameShape(b)))).toEqual([]);
    expect(
      mayBeInitialism(
        nameShape(preparePartyName('ATS FZE')),
        nameShape(preparePartyName('Advanced Technical Solutions FZE')),
      ),
    ).toBe(true);
    expect(
      mayBeInitialism(nameShape(preparePartyName('Kvant Telecom')), nameShape(preparePartyName('Novator Systems'))),
    ).toBe(false);
  });

  // alignJoined puts a word of the other name in place of a run of words written apart (heng jun →
  // Hengjun) or of syllables its romanisation key spells (hae seong → Haesung): the index admits such
  // a pair only by the run's text among the other's words or by a shared romanisation key.
  const mayJoin = (a: PreparedText, b: PreparedText): boolean => {
    const keys = new Set(b.tokens.flatMap(romanisationKeys));
    return (a.joins ?? []).some(
      (join) => (b.distinctiveTexts?.has(join.text) ?? false) || joinKeys(join).some((key) => keys.has(key)),
    );
  };
  const withoutJoins = (name: PreparedText): PreparedText => ({ ...name, joins: [] });

  it('never rules out names whose runs of words or syllables alignJoined puts in place of a word of the other (the run rules)', () => {
    const joined = pairs.filter(
      ({ names: [a, b] }) =>
        nameEvidence(a, b).similarity !== nameEvidence(withoutJoins(a), withoutJoins(b)).similarity,
    );
    expect(joined.length).toBeGreaterThan(0);
    expect(
      joined
        .filter(({ names: [a, b] }) => !mayJoin(a, b) && !mayJoin(b, a))
        .map(({ names: [a, b] }) => `${a.compact} ~ ${b.compact}`),
    ).toEqual([]);
    // Written apart against written together, by the text; Hangul against its Latin spelling, by the key.
    const apart = preparePartyName('Luoyang Heng Jun Precision');
    const together = preparePartyName('Luoyang Hengjun Precision');
    expect(mayJoin(apart, together)).toBe(true);
    expect(mayJoin(preparePartyName('부산해성전자'), preparePartyName('Busan Haesung Electronics'))).toBe(true);
    expect(mayJoin(preparePartyName('Heng Jun Precision'), preparePartyName('Hengtai Precision'))).toBe(false);
  });
});
