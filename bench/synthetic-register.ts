/**
 * The synthetic denial register of the screening benchmarks (side-by-side.bench.ts) and of
 * profiling scripts: deterministic (a seeded PRNG), with a skewed destination mix (a few
 * destinations carry most denials) and names built from a small syllable pool, so that many
 * denials share name words as real registers share Trading, Tech and Engineering.
 */
import type { DenialInForce, Party, ScreeningCandidate } from '../libs/domain/src';

/** Deterministic PRNG (mulberry32): the same register every run. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DESTINATIONS = [
  'RU',
  'BY',
  'IR',
  'CN',
  'KP',
  'SY',
  'VE',
  'MM',
  'AF',
  'PK',
  'IN',
  'BR',
  'TR',
  'AE',
  'EG',
  'NG',
  'SA',
  'KZ',
  'UZ',
  'VN',
];
const ENTRIES = [
  '5A001.j',
  '5A001.f',
  '5A002.a',
  '5D001.e',
  '4A005',
  '4D004',
  '4E001.c',
  '3A001.a',
  '1C010',
  '2B001',
  '6A003',
  '9A012',
  '5A004.a',
  '5E001.a',
  '0C001',
];
const MEMBER_STATES = ['FR', 'DE', 'NL', 'IT', 'ES', 'SE', 'PL', 'BE'];
const SYLLABLES = [
  'kva',
  'nto',
  'tel',
  'eko',
  'mir',
  'nov',
  'ator',
  'sib',
  'ros',
  'tech',
  'pro',
  'met',
  'ana',
  'lit',
  'ika',
  'vos',
  'tok',
  'zar',
  'gaz',
  'orb',
];

export function syntheticRegister(count: number): { denials: DenialInForce[]; party: (i: number) => Party } {
  const random = prng(12);
  const pick = <T>(items: readonly T[], skew = 1.6): T => items[Math.floor(random() ** skew * items.length)] as T;
  const name = (): string =>
    Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES, 1) + pick(SYLLABLES, 1)).join(' ') +
    ' LLC';
  const denials = Array.from({ length: count }, (_, i): DenialInForce => {
    const destination = pick(DESTINATIONS);
    return {
      denialId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
      issuingMemberState: pick(MEMBER_STATES, 1),
      controlEntries: [pick(ENTRIES)],
      destinationCountry: destination,
      endUser: { name: name(), address: `Street ${i}, City`, country: destination },
      consignee: null,
      grounds: ['HUMAN_RIGHTS'],
      notifiedAt: '2025-01-15',
      kind: 'DENIAL',
    };
  });
  return { denials, party: (i) => (denials[i % denials.length] as DenialInForce).endUser };
}

export function candidatesFrom(denials: readonly DenialInForce[], count: number): ScreeningCandidate[] {
  const random = prng(99);
  return Array.from({ length: count }, () => {
    const denied = denials[Math.floor(random() * denials.length)] as DenialInForce;
    return {
      issuingMemberState: 'DE',
      controlEntries: [...denied.controlEntries],
      destinationCountry: denied.destinationCountry,
      endUser: random() < 0.5 ? denied.endUser : { ...denied.endUser, name: `${denied.endUser.name} Holding` },
      consignee: null,
    };
  });
}
