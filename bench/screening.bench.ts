/**
 * What screening an application costs as the denial register grows, with the index and without.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/screening.bench.ts [--denials 100000] [--candidates 1000]
 *
 * Builds a synthetic register of denials in force (deterministic: a seeded PRNG, never Math.random)
 * with a skewed destination mix (a few destinations carry most denials, as in the real register),
 * then screens the same candidates (a fifth of them spelling variants of a registered end user, so
 * that matches are found) twice: (a) DenialIndex.screen, which looks only at denials to the same
 * destination sharing a control-entry head; (b) screenTransaction over every denial, the linear scan
 * that is the limit the index is measured against. Both runs are warmed first (names normalised
 * once, as a long-running service would have them) and must return the same matches. Prints a
 * markdown table; times are the best of three interleaved rounds per candidate.
 */
import { performance } from 'node:perf_hooks';
import type { Party } from '../libs/domain/src/licensing/application.content';
import { MEMBER_STATE_CODES } from '../libs/domain/src/reference/member-states';
import type { DenialInForce, ScreeningCandidate } from '../libs/domain/src/screening';
import { DenialIndex, screenTransaction } from '../libs/domain/src/screening';
import { prng } from './synthetic-register';

const argument = (name: string, fallback: number): number => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? Number(process.argv[at + 1]) : fallback;
};
const DENIALS = argument('denials', 100_000);
const CANDIDATES = argument('candidates', 1_000);

const random = prng(20240314);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
// Skewed: the first items are picked most. With exponent 2 the first destination (RU) carries ~17%
// of denials and the first four ~34%; with 1.5 the 5A001 family is ~7% of cited entries.
const pickSkewed = <T>(items: readonly T[], exponent: number): T =>
  items[Math.floor(items.length * random() ** exponent)] as T;

const DESTINATIONS = [
  'RU',
  'BY',
  'CN',
  'IR',
  'AE',
  'TR',
  'KZ',
  'SY',
  'KP',
  'PK',
  'IN',
  'MM',
  'VE',
  'EG',
  'SA',
  'RS',
  'AM',
  'GE',
  'UZ',
  'KG',
  'TJ',
  'AZ',
  'IQ',
  'LB',
  'DZ',
  'MA',
  'TH',
  'VN',
  'ID',
  'MY',
  'BR',
  'AR',
  'MX',
  'ZA',
  'NG',
];
// The entries denials cite most (telecoms, surveillance, computers) come first and are picked most;
// the tail spreads over other Annex I heads, as a register across all categories would.
const COMMON_ENTRIES = [
  '5A001',
  '5A001.a',
  '5A001.b.5',
  '5A001.f',
  '5A001.j',
  '5A002.a',
  '5A004.a',
  '5A004.b',
  '5D001.e',
  '5D002.c.3.a',
  '5E001.a',
  '4A003.b',
  '4A005',
  '4D004',
  '4E001.c',
  '3A001.a.3',
  '3B001',
  '3D006',
  '6A003.b.4',
  '6A008.j',
  '7A003',
  '7D004',
  '9A004',
  '9E003.a',
  '1C239',
  '1C350',
  '2B001',
  '2B006',
  '2B201',
  '0C001',
];
const ENTRIES = [
  ...COMMON_ENTRIES,
  ...['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'].flatMap((category) =>
    ['A', 'B', 'C', 'D', 'E'].flatMap((sub) => ['001', '002', '003', '101', '201'].map((n) => `${category}${sub}${n}`)),
  ),
];
const SYLLABLES = [
  'no',
  'va',
  'tor',
  'spets',
  'tekh',
  'kvant',
  'al',
  'ma',
  'zon',
  'ri',
  'on',
  'del',
  'ta',
  'sib',
  'ural',
  'pars',
  'zhong',
  'ke',
  'hua',
  'xin',
  'te',
  'lek',
  'om',
  'in',
  'teg',
  'ral',
  'ar',
  'ktik',
  'neft',
  'gaz',
];
const WORDS = ['Systems', 'Technologies', 'Telecom', 'Engineering', 'Trading', 'Electronics', 'Security', 'Group', ''];
const FORMS = ['LLC', 'OOO', 'JSC', 'Ltd', 'GmbH', 'Co., Ltd.', 'FZE', 'SA', 'AO', ''];

function syntheticParty(country: string): Party {
  const stem = Array.from({ length: 2 + Math.floor(random() * 2) }, () => pick(SYLLABLES)).join('');
  const name = [`${stem.charAt(0).toUpperCase()}${stem.slice(1)}`, pick(WORDS), pick(FORMS)]
    .filter((part) => part !== '')
    .join(' ');
  const address = `${pick(['ul.', 'Street', 'Avenue', 'Road'])} ${pick(SYLLABLES)}${pick(SYLLABLES)} ${1 + Math.floor(random() * 200)}, City ${Math.floor(random() * 50)}`;
  return { name, address, country };
}

function syntheticDenial(index: number): DenialInForce {
  const destination = pickSkewed(DESTINATIONS, 2);
  const entries = Array.from({ length: 1 + Math.floor(random() * 3) }, () => pickSkewed(ENTRIES, 1.5));
  return {
    denialId: `D-${index}`,
    issuingMemberState: pick(MEMBER_STATE_CODES),
    controlEntries: [...new Set(entries)],
    destinationCountry: destination,
    endUser: syntheticParty(destination),
    consignee: random() < 0.3 ? syntheticParty(pick(['AE', 'TR', 'KZ', 'AM', 'GE', destination])) : null,
    grounds: ['END_USE_AND_DIVERSION'],
    notifiedAt: '2024-03-14',
  };
}

function variantOf(party: Party): Party {
  const form = pick(['GmbH', 'LLC', 'Limited', 'S.A.', 'OOO', '']);
  const bare = party.name.replace(/\b(LLC|OOO|JSC|Ltd|GmbH|Co\., Ltd\.|FZE|SA|AO)\b/g, '').trim();
  return { ...party, name: `${random() < 0.5 ? bare.toUpperCase() : bare} ${form}`.trim() };
}

function syntheticCandidate(denials: readonly DenialInForce[]): ScreeningCandidate {
  if (random() < 0.2) {
    const denied = pick(denials);
    return {
      issuingMemberState: denied.issuingMemberState === 'DE' ? 'FR' : 'DE',
      controlEntries: [pick(denied.controlEntries)],
      destinationCountry: denied.destinationCountry,
      endUser: variantOf(denied.endUser),
      consignee: null,
    };
  }
  const destination = pickSkewed(DESTINATIONS, 2);
  return {
    issuingMemberState: pick(MEMBER_STATE_CODES),
    controlEntries: Array.from({ length: 1 + Math.floor(random() * 3) }, () => pickSkewed(ENTRIES, 1.5)),
    destinationCountry: destination,
    endUser: syntheticParty(destination),
    consignee: random() < 0.3 ? syntheticParty('AE') : null,
  };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const ROUNDS = 3;

// Interleaved (index, then scan, candidate by candidate) so that a GC pause or JIT tier-up hits both
// paths alike; each candidate's time is its best of ROUNDS, the usual way to take noise out.
function timeBoth(
  candidates: readonly ScreeningCandidate[],
  paths: readonly ((candidate: ScreeningCandidate) => unknown)[],
): number[][] {
  const best = paths.map(() => candidates.map(() => Number.POSITIVE_INFINITY));
  for (let round = 0; round < ROUNDS; round++) {
    candidates.forEach((candidate, index) => {
      paths.forEach((screen, path) => {
        const start = performance.now();
        screen(candidate);
        const elapsed = performance.now() - start;
        const times = best[path] as number[];
        times[index] = Math.min(times[index] ?? elapsed, elapsed);
      });
    });
  }
  return best.map((times) => [...times].sort((a, b) => a - b));
}

function main(): void {
  const denials = Array.from({ length: DENIALS }, (_, index) => syntheticDenial(index));
  const candidates = Array.from({ length: CANDIDATES }, () => syntheticCandidate(denials));

  const buildStart = performance.now();
  const index = new DenialIndex(denials);
  const buildMs = performance.now() - buildStart;

  // Warm both paths (normalised names are cached per party) and check they agree.
  let matches = 0;
  let offered = 0;
  for (const candidate of candidates) {
    const viaIndex = index.screen(candidate);
    const viaScan = screenTransaction(candidate, denials);
    if (JSON.stringify(viaIndex) !== JSON.stringify(viaScan)) throw new Error('index and scan disagree');
    matches += viaIndex.length;
    offered += index.candidatesFor(candidate).length;
  }

  const [indexed = [], scanned = []] = timeBoth(candidates, [
    (candidate) => index.screen(candidate),
    (candidate) => screenTransaction(candidate, denials),
  ]);
  const mean = (times: readonly number[]): number => times.reduce((sum, t) => sum + t, 0) / times.length;
  const row = (name: string, times: readonly number[]): string =>
    `| ${name} | ${mean(times).toFixed(3)} | ${percentile(times, 50).toFixed(3)} | ${percentile(times, 99).toFixed(3)} |`;

  console.log(
    `\n${DENIALS.toLocaleString('en')} denials in force, ${CANDIDATES.toLocaleString('en')} candidates screened, ` +
      `${matches} matches found (same by both paths); index built in ${buildMs.toFixed(0)} ms; ` +
      `the index offers ${(offered / CANDIDATES).toFixed(0)} denials per candidate on average.\n`,
  );
  console.log('| path | mean ms / screening | p50 ms | p99 ms |');
  console.log('|---|---:|---:|---:|');
  console.log(row('DenialIndex.screen', indexed));
  console.log(row('linear scan (limit)', scanned));
  console.log(
    `\nlinear / index: ${(mean(scanned) / mean(indexed)).toFixed(0)}× on the mean, ` +
      `${(percentile(scanned, 50) / percentile(indexed, 50)).toFixed(0)}× at p50, ` +
      `${(percentile(scanned, 99) / percentile(indexed, 99)).toFixed(0)}× at p99. Node ${process.version}.`,
  );
}

main();
