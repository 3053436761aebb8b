import labelled from '../../../../test/fixtures/screening/pairs.json';
import type { Party } from '../licensing/application.content';
import { DenialIndex } from './denial-index';
import heldOut from './evaluation/heldout.json';
import heldOut2 from './evaluation/heldout-2.json';
import heldOut3 from './evaluation/heldout-3.json';
import heldOut4 from './evaluation/heldout-4.json';
import heldOut5 from './evaluation/heldout-5.json';
import heldOut6 from './evaluation/heldout-6.json';
import heldOut7 from './evaluation/heldout-7.json';
import tuningScripts from './evaluation/tuning-scripts.json';
import tuning from './evaluation/tuning.json';
import type { DenialInForce, ScreeningCandidate } from './screening';
import { reviewTransaction, screenTransaction } from './screening';

// The name bounds of the index decide which denials the screening looks at, never a result: on a
// register built from every labelled and evaluation case (every script, spelling variant, split and
// joined word, initialism and related firm the matcher knows) and generated variants of them, the
// index must answer exactly as the pure screening over every denial.

interface Case {
  readonly candidate: ScreeningCandidate;
  readonly denial: DenialInForce;
}

// Every labelled case, across scripts too: the index's bounds must admit whatever the scores admit.
const cases = [
  labelled.pairs,
  tuning,
  heldOut,
  heldOut2,
  heldOut3,
  heldOut4,
  heldOut5,
  heldOut6,
  heldOut7,
  tuningScripts,
].flat() as unknown as readonly Case[];

/** mulberry32: a seeded PRNG, so the generated register is the same every run. */
function prng(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const random = prng(20261202);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

// Three destinations only, so that each holds about a thousand denials and the bounds are used.
const DESTINATIONS = ['RU', 'CN', 'IR'];

/** A spelling variant of a name, as registers and applicants write them. */
function variantOf(name: string): string {
  const words = name.split(/\s+/).filter((word) => word !== '');
  switch (Math.floor(random() * 8)) {
    case 0:
      return name.toUpperCase();
    case 1:
      return `${name} Holding`;
    case 2: {
      // One letter changed in the longest word: a typo.
      const longest = words.reduce((a, b) => (b.length > a.length ? b : a), '');
      const at = Math.floor(random() * longest.length);
      const typo = `${longest.slice(0, at)}${pick(['a', 'e', 'o', 'k'])}${longest.slice(at + 1)}`;
      return name.replace(longest, typo);
    }
    case 3:
      // Two words written as one.
      return words.length >= 2 ? `${words[0] ?? ''}${words.slice(1).join(' ')}` : name;
    case 4:
      // Initials of the words.
      return words.map((word) => word.charAt(0)).join('');
    case 5:
      return [...words].reverse().join(' ');
    case 6:
      return `${words[0] ?? ''} ${pick(['Trading', 'Systems', 'Group', 'Engineering', 'LLC', 'GmbH'])}`;
    default:
      return words.slice(0, -1).join(' ') || name;
  }
}

function variantParty(party: Party): Party {
  return {
    name: variantOf(party.name),
    address:
      random() < 0.6
        ? party.address
        : `${pick(['Street', 'ul.', 'Road'])} ${Math.floor(random() * 90)}, ${pick(['Moscow', 'Dubai', 'Tehran', 'Minsk'])}`,
    country: party.country,
  };
}

const baseDenials = cases.map((c, at): DenialInForce => ({
  ...c.denial,
  denialId: `C-${String(at).padStart(4, '0')}`,
  destinationCountry: pick(DESTINATIONS),
}));
const variants = Array.from({ length: 1_800 }, (_, at): DenialInForce => {
  const base = pick(baseDenials);
  return {
    ...base,
    denialId: `V-${String(at).padStart(4, '0')}`,
    issuingMemberState: pick(['FR', 'DE', 'IT', 'NL']),
    destinationCountry: pick(DESTINATIONS),
    endUser: variantParty(random() < 0.5 ? base.endUser : pick(cases).candidate.endUser),
    consignee: random() < 0.2 ? variantParty(base.endUser) : base.consignee,
  };
});
const register = [...baseDenials, ...variants];

// Every fifteenth case's own candidate, and variants of registered parties (with a consignee at times).
const candidates: ScreeningCandidate[] = [
  ...cases.filter((_, at) => at % 15 === 0).map((c) => ({ ...c.candidate, destinationCountry: pick(DESTINATIONS) })),
  ...Array.from({ length: 30 }, (): ScreeningCandidate => {
    const denied = pick(register);
    return {
      issuingMemberState: 'DE',
      controlEntries: random() < 0.5 ? [...denied.controlEntries] : ['5A001'],
      destinationCountry: denied.destinationCountry,
      endUser: random() < 0.5 ? denied.endUser : variantParty(denied.endUser),
      consignee: random() < 0.3 ? variantParty(pick(register).endUser) : null,
    };
  }),
];

const index = new DenialIndex(register);
const toDestination = (candidate: ScreeningCandidate): DenialInForce[] =>
  register.filter((denial) => denial.destinationCountry === candidate.destinationCountry);

describe('the denial index answers exactly as a full scan (generated register of name variants)', () => {
  it('holds some thousands of denials, about a thousand to each destination', () => {
    expect(index.size).toBe(register.length);
    expect(register.length).toBeGreaterThanOrEqual(2_500);
    expect(
      Math.min(...DESTINATIONS.map((d) => register.filter((x) => x.destinationCountry === d).length)),
    ).toBeGreaterThan(500);
  });

  it('returns the same matches as screenTransaction over every denial in force', () => {
    let matches = 0;
    for (const candidate of candidates) {
      const viaIndex = index.screen(candidate);
      expect(viaIndex).toEqual(screenTransaction(candidate, register));
      matches += viaIndex.length;
    }
    // The register must exercise the matches, or the comparison says little.
    expect(matches).toBeGreaterThan(candidates.length / 4);
  });

  it('returns the same dry run (matches, possibly related entities, near misses and their explanations) as reviewTransaction over every denial to the destination', () => {
    let related = 0;
    for (const candidate of candidates) {
      const viaIndex = index.review(candidate);
      expect(viaIndex).toEqual(reviewTransaction(candidate, toDestination(candidate)));
      related += viaIndex.related.length;
    }
    expect(related).toBeGreaterThan(0);
  });

  it('returns the same dry run with other near-miss counts and overridden thresholds', () => {
    const overrides = [
      { nearMisses: 0 },
      { nearMisses: 25 },
      { tokenSimilarityThreshold: 0.85, compactSimilarityThreshold: 0.8, minimumNameSimilarity: 0.4 },
      { relatedNameThreshold: 0.3, relatedAddressThreshold: 0.5, nearMisses: 8 },
    ];
    for (const options of overrides) {
      for (const candidate of candidates.filter((_, at) => at % 7 === 0)) {
        expect(index.review(candidate, options)).toEqual(
          reviewTransaction(candidate, toDestination(candidate), options),
        );
        expect(index.screen(candidate, options)).toEqual(screenTransaction(candidate, register, options));
      }
    }
  });

  it('stays exact as denials are removed and added again (revoked, then notified anew)', () => {
    const changing = new DenialIndex(register);
    const removed = register.filter((_, at) => at % 3 === 0);
    removed.forEach((denial) => changing.remove(denial.denialId));
    const kept = register.filter((_, at) => at % 3 !== 0);
    for (const candidate of candidates.filter((_, at) => at % 9 === 0)) {
      expect(changing.screen(candidate)).toEqual(screenTransaction(candidate, kept));
    }
    removed.forEach((denial) => changing.add(denial));
    for (const candidate of candidates.filter((_, at) => at % 9 === 0)) {
      expect(changing.review(candidate)).toEqual(reviewTransaction(candidate, toDestination(candidate)));
    }
  });
});
