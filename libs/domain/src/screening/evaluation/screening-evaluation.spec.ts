import type { ScreeningCase } from './screening-evaluation';
import { describeMisses, evaluateScreening, summariseScreening } from './screening-evaluation';

// The labelled evaluation sets (README.md beside this file), built by helpers who never read the
// matcher. tuning.json and heldout.json are both tuning data now: heldout.json was held out once
// (precision 0.979, recall 0.777 on 2026-12-02, measured before anything was tuned on it) and its
// misses were then studied and fixed, so it no longer measures anything unseen. heldout-2.json was
// the next held-out set (first scored 2026-12-02: precision 0.986, recall 0.742); its per-family
// results (Chinese, Korean, Hebrew, Cyrillic weakest) then chose the next work, though its cases were
// never opened while tuning. heldout-3.json was the next held-out set, built apart by a helper who
// never read the matcher, scored once on the matcher of 2026-12-02 (precision 0.971, recall 0.636);
// since then its misses and heldout-2.json's have been studied and their causes fixed (translated
// industry words, legal forms and branches across languages, cities under their other names), so
// both are tuning data now: their floors below are regression floors, not held-out figures. The
// next held-out set is wired in by the lead, not here.
// tuning-scripts.json holds cases across scripts (Chinese, Korean, Hebrew, Cyrillic, Arabic and Persian
// romanisations) written by the matcher's own authors: tuning data by construction, never a held-out figure.
const TUNING_FILES = ['tuning.json', 'heldout.json'] as const;
const SCRIPTS_FILE = 'tuning-scripts.json';
const HELD_OUT_FILE = 'heldout-3.json';
const EARLIER_HELD_OUT_FILE = 'heldout-2.json';

/**
 * The floors asserted on heldout-3.json. The issue asks for recall 0.98 at precision 0.95. Its one
 * held-out scoring (2026-12-02, 390 cases, 214 MATCH) measured precision 0.971 and recall 0.636
 * (136 of 214); after its misses were studied (tuning data since), the matcher measures precision
 * 0.979 and recall 0.893 (191 of 214; 4 false matches). The recall floor is that figure, so a
 * regression fails; it says how well the rules fit cases they were written from, not how they generalise.
 */
const HELD_OUT_FLOORS = { precision: 0.95, recall: 191 / 214 } as const;

/**
 * heldout-2.json, tuning data too (see the header): first 0.986 / 0.742, now precision 0.988,
 * recall 0.930 (173 of 186; 2 false matches). A regression floor; no longer a figure to quote.
 */
const EARLIER_HELD_OUT_FLOORS = { precision: 0.95, recall: 173 / 186 } as const;

/** The targets of the issue, asserted on the tuning files together. */
const TARGETS = { precision: 0.95, recall: 0.98 } as const;

/**
 * The floors on tuning-scripts.json (51 cases, 35 MATCH): TP 29, FP 0 when it was written
 * (2026-12-02); TP 34, FP 0 after the translated industry words (Hangul and Hebrew loanwords), the
 * consonant key's g = k (Geumseong / Kumsong) and cities under their other names (Schukowski). The
 * one left: vowel-only differences of short Arabic names (Youssef / Yusuf). Raise, never lower.
 */
const SCRIPTS_FLOORS = { precision: 1, recall: 34 / 35 } as const;

/** Precision on all the tuning data together (the two tuning files and tuning-scripts.json). */
const ALL_TUNING_PRECISION_FLOOR = 0.98;

/** The cases of an evaluation file beside this spec, or undefined when the file is not in this checkout. */
function load(file: string): readonly ScreeningCase[] | undefined {
  try {
    // A JSON file that may be absent (the held-out set is added apart): loaded by name at run time.
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return require(`./${file}`) as readonly ScreeningCase[];
  } catch (error) {
    if ((error as { code?: string }).code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

const tuningSets = TUNING_FILES.map((file) => ({ file, cases: load(file) }));
const tuningCases = tuningSets.flatMap((set) => set.cases ?? []);
const scriptsCases = load(SCRIPTS_FILE);
const heldOutCases = load(HELD_OUT_FILE);
const earlierHeldOutCases = load(EARLIER_HELD_OUT_FILE);

function report(name: string, cases: readonly ScreeningCase[]) {
  const figures = evaluateScreening(cases);
  console.log(`${summariseScreening(name, figures)}\n  misses:\n${describeMisses(figures) || '  none'}`);
  return figures;
}

describe('screening evaluation sets', () => {
  it('has both tuning files, at least 300 cases with unique ids, every family in both, each case with a note', () => {
    expect(tuningSets.map((set) => set.cases === undefined)).toEqual([false, false]);
    const all = [...tuningCases, ...(scriptsCases ?? []), ...(heldOutCases ?? [])];
    expect(tuningCases.length).toBeGreaterThanOrEqual(300);
    // Ids are unique within a set (the fresh held-out set may number its cases afresh).
    expect(new Set(tuningCases.map((c) => c.id)).size).toBe(tuningCases.length);
    expect(new Set((heldOutCases ?? []).map((c) => c.id)).size).toBe(heldOutCases?.length ?? 0);
    // No case of the fresh held-out set shares an id with any tuning case (it numbers its own, h3-).
    const tuningIds = new Set([...tuningCases, ...(scriptsCases ?? [])].map((c) => c.id));
    expect((heldOutCases ?? []).filter((c) => tuningIds.has(c.id))).toEqual([]);
    const families = tuningSets.map((set) => new Set((set.cases ?? []).map((c) => c.family)));
    expect(families[0]).toEqual(families[1]);
    expect(all.every((c) => c.note.length > 0 && ['MATCH', 'RELATED', 'NO_MATCH'].includes(c.expected))).toBe(true);
  });
});

describe(`${SCRIPTS_FILE}: cases across scripts, tuning data written with the matcher`, () => {
  it('is present, with unique ts- ids and a note and a label on every case', () => {
    expect(scriptsCases).toBeDefined();
    const cases = scriptsCases ?? [];
    expect(cases.length).toBeGreaterThan(0);
    expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    expect(cases.every((c) => /^ts-[0-9]{4}$/.test(c.id) && c.note.length > 0)).toBe(true);
    expect(cases.every((c) => ['MATCH', 'RELATED', 'NO_MATCH'].includes(c.expected))).toBe(true);
  });
});

describe('screening quality on the tuning files (tuning.json and heldout.json; thresholds and rules were set on them)', () => {
  for (const set of tuningSets) {
    if (set.cases !== undefined) report(set.file, set.cases);
  }
  const figures = report(TUNING_FILES.join(' + '), tuningCases);

  it('finds at least 98% of the essentially identical transactions (recall)', () => {
    expect(figures.recall).toBeGreaterThanOrEqual(TARGETS.recall);
  });

  it('raises at most one false match in twenty (precision at least 0.95)', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(TARGETS.precision);
  });
});

describe(`screening quality on ${SCRIPTS_FILE} and on all the tuning data together`, () => {
  const scripts = report(SCRIPTS_FILE, scriptsCases ?? []);
  const all = report([...TUNING_FILES, SCRIPTS_FILE].join(' + '), [...tuningCases, ...(scriptsCases ?? [])]);

  it(`finds at least ${SCRIPTS_FLOORS.recall.toFixed(3)} of the same parties written across scripts (recall floor)`, () => {
    expect(scripts.recall).toBeGreaterThanOrEqual(SCRIPTS_FLOORS.recall);
  });

  it('raises no false match across scripts, though hard negatives fold to similar strings (precision floor)', () => {
    expect(scripts.precision).toBeGreaterThanOrEqual(SCRIPTS_FLOORS.precision);
  });

  it(`raises at most one false match in fifty on all the tuning data (precision at least ${ALL_TUNING_PRECISION_FLOOR})`, () => {
    expect(all.precision).toBeGreaterThanOrEqual(ALL_TUNING_PRECISION_FLOOR);
  });
});

// The held-out sets are part of the repository: a checkout without them is broken, not a reason to skip.
describe(`screening quality on ${HELD_OUT_FILE} (held out once, tuning data since: a regression floor)`, () => {
  if (heldOutCases === undefined) throw new Error(`${HELD_OUT_FILE} is missing from this checkout`);
  const figures = heldOutCases === undefined ? undefined : report(HELD_OUT_FILE, heldOutCases);

  it(`finds at least ${HELD_OUT_FLOORS.recall.toFixed(3)} of the essentially identical transactions (recall floor)`, () => {
    expect(figures?.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.recall);
  });

  it(`raises few false matches (precision floor ${HELD_OUT_FLOORS.precision})`, () => {
    expect(figures?.precision).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.precision);
  });
});

describe(`screening quality on ${EARLIER_HELD_OUT_FILE} (held out once, tuning data since: a regression floor)`, () => {
  if (earlierHeldOutCases === undefined) throw new Error(`${EARLIER_HELD_OUT_FILE} is missing from this checkout`);
  const figures = report(EARLIER_HELD_OUT_FILE, earlierHeldOutCases);

  it(`finds at least ${EARLIER_HELD_OUT_FLOORS.recall.toFixed(3)} of the essentially identical transactions (recall floor)`, () => {
    expect(figures.recall).toBeGreaterThanOrEqual(EARLIER_HELD_OUT_FLOORS.recall);
  });

  it(`raises few false matches (precision floor ${EARLIER_HELD_OUT_FLOORS.precision})`, () => {
    expect(figures.precision).toBeGreaterThanOrEqual(EARLIER_HELD_OUT_FLOORS.precision);
  });
});
