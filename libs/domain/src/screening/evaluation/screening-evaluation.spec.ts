import type { ScreeningCase } from './screening-evaluation';
import { describeMisses, evaluateScreening, summariseScreening } from './screening-evaluation';

// The labelled evaluation sets (README.md beside this file), built by helpers who never read the
// matcher. tuning.json and heldout.json are both tuning data now: heldout.json was held out once
// (precision 0.979, recall 0.777 on 2026-12-02, measured before anything was tuned on it) and its
// misses were then studied and fixed, so it no longer measures anything unseen. heldout-2.json (first
// scored 0.986 / 0.742) and heldout-3.json (first scored 0.971 / 0.636) followed the same path: each
// was scored once, then its misses were studied and their causes fixed (translated industry words,
// legal forms and branches across languages, cities under their other names), so both are tuning
// data now and their floors below are regression floors, not held-out figures.
// heldout-4.json was the held-out set after them (429 cases by a helper who read no matcher code,
// data or test; scored once on 2026-12-02: precision 0.988, recall 0.722, TP 171, FP 2, FN 66 of
// 237 MATCH). That figure is quoted, so the file is burnt too: its misses were studied (Chinese,
// Japanese and Korean industry words, Hong Kong and Busan read as other words, Ukrainian and
// Belarusian compounds) and it is tuning data now, with a regression floor in EARLIER_HELD_OUT.
// tuning-scripts.json holds cases across scripts (Chinese, Korean, Hebrew, Cyrillic, Arabic and Persian
// romanisations) written by the matcher's own authors: tuning data by construction, never a held-out figure.
const TUNING_FILES = ['tuning.json', 'heldout.json'] as const;
const SCRIPTS_FILE = 'tuning-scripts.json';
// heldout-5.json was the held-out set after heldout-4 (401 cases by three helpers who read no matcher
// code, data or test; scored once on 2026-12-03: precision 0.982, recall 0.728, TP 163 of 224). Its
// misses were then studied (cities read in the party's country only, Japanese romanisations, Slavic
// compounds, Egyptian g, Persian compounds at the ZWNJ, Vietnamese and Hebrew industry words, written-out
// legal forms), so it is tuning data now with a regression floor in EARLIER_HELD_OUT.
// heldout-6.json was the held-out set after heldout-5 (388 cases, build-6/; scored once on 2026-12-03
// after the heldout-5 study: precision 0.972, recall 0.697, TP 138 of 198). Its misses were then studied
// (branch words of the Balkans and Greece, Balkan and Mongolian cities and legal forms, Chinese
// provinces as filler, address numbers in groups), so it is tuning data now with a regression floor.
// heldout-7.json was the held-out set after heldout-6 (388 cases, build-7/; scored once on 2026-12-03
// after the heldout-6 study: precision 0.979, recall 0.690, TP 138 of 200). Its misses were studied on
// 2026-12-04 (legal forms of Latin America, the Gulf, North Africa, Mongolia and Armenia, Hepburn m
// before b/p/m, a P.O. box against a street address, the Arabic article written solid, the Balkan a.d.
// as a last word only), so it is tuning data now with a regression floor in EARLIER_HELD_OUT.
// heldout-8.json was the held-out set after heldout-7 (403 cases, build-8/; scored once on 2026-12-04
// after the heldout-7 study: precision 0.988, recall 0.792, TP 164 of 207). Its misses were studied the
// same day (ISO 9 ŝ, Kazakh Cyrillic letters, Polish sz/cz, a region is not the city, Belarusian ZAT,
// dictionary words), so it is tuning data now with a regression floor in EARLIER_HELD_OUT.
// heldout-9.json is the held-out set now: 368 cases by five helpers who read no matcher code, data or
// test (build-9/README.md and its notes), written while heldout-8 was studied, and scored once on
// 2026-12-04 on the matcher frozen after that study (commit 98eadbd). Its figure is the one
// docs/screening.md quotes; the day its misses are studied it becomes tuning data like the others.
const HELD_OUT_FILE: string = 'heldout-9.json';

/**
 * The floors asserted on HELD_OUT_FILE: its one scoring (2026-12-04: 368 cases, 196 MATCH; precision
 * 1.000, recall 0.776: TP 152, FP 0, FN 44), so a regression fails while the gap to the target stays
 * visible.
 */
const HELD_OUT_FLOORS = { precision: 0.95, recall: 152 / 196 } as const;

/**
 * heldout-8.json after its misses were studied (2026-12-04: precision 0.989, recall 0.850, TP 176, FP 2,
 * FN 31 of 207 MATCH; its one held-out scoring was 0.988 / 0.792). A regression floor.
 */
const HELDOUT_8_RECALL_FLOOR = 176 / 207;

/**
 * heldout-7.json after its misses were studied (2026-12-04: precision 0.987, recall 0.785, TP 157, FP 2,
 * FN 43 of 200 MATCH; its one held-out scoring was 0.979 / 0.690). A regression floor.
 */
const HELDOUT_7_RECALL_FLOOR = 157 / 200;

/**
 * heldout-6.json after its misses were studied (2026-12-03: precision 0.971, recall 0.833, TP 165, FP 5,
 * FN 33 of 198 MATCH). A regression floor.
 */
const HELDOUT_6_RECALL_FLOOR = 165 / 198;

/**
 * heldout-5.json after its misses were studied (2026-12-03: precision 0.985, recall 0.875, TP 196, FP 3,
 * FN 28 of 224 MATCH). A regression floor.
 */
const HELDOUT_5_RECALL_FLOOR = 196 / 224;

/**
 * heldout-4.json after its misses were studied (2026-12-03: precision 0.990, recall 0.810, TP 192, FP 2,
 * FN 45 of 237 MATCH), and after the heldout-5 and heldout-6 studies, which carried over to it (recall 0.878, TP 208):
 * translated industry words in characters, Hangul and Hebrew, Busan and Hong Kong read as themselves,
 * abbreviations of several words. A regression floor.
 */
const HELDOUT_4_RECALL_FLOOR = 208 / 237;

/**
 * Sets held out once and tuning data since (see the header), with their floors at the figures of
 * the matcher after the last study: heldout-8.json, heldout-7.json, heldout-6.json, heldout-5.json and heldout-4.json (see above); heldout-3.json
 * precision 0.980, recall 0.902 (193 of 214); heldout-2.json precision 0.989, recall 0.946 (176 of 186).
 * Regression floors; no longer figures to quote.
 */
const EARLIER_HELD_OUT = [
  { file: 'heldout-8.json', floors: { precision: 0.95, recall: HELDOUT_8_RECALL_FLOOR } },
  { file: 'heldout-7.json', floors: { precision: 0.95, recall: HELDOUT_7_RECALL_FLOOR } },
  { file: 'heldout-6.json', floors: { precision: 0.95, recall: HELDOUT_6_RECALL_FLOOR } },
  { file: 'heldout-5.json', floors: { precision: 0.95, recall: HELDOUT_5_RECALL_FLOOR } },
  { file: 'heldout-4.json', floors: { precision: 0.95, recall: HELDOUT_4_RECALL_FLOOR } },
  { file: 'heldout-3.json', floors: { precision: 0.95, recall: 193 / 214 } },
  { file: 'heldout-2.json', floors: { precision: 0.95, recall: 176 / 186 } },
] as const;

/** The targets of the issue, asserted on the tuning files together. */
const TARGETS = { precision: 0.95, recall: 0.98 } as const;

/**
 * The floors on tuning-scripts.json (51 cases, 35 MATCH): TP 29, FP 0 when it was written
 * (2026-12-02); TP 34, FP 0 after the translated industry words (Hangul and Hebrew loanwords), the
 * consonant key's g = k (Geumseong / Kumsong) and cities under their other names (Schukowski); TP 35
 * after the phonetic consonants (Youssef / Yusuf, 2026-12-03). Raise, never lower.
 */
const SCRIPTS_FLOORS = { precision: 1, recall: 35 / 35 } as const;

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
    // No case of the held-out set shares an id with any other case (it numbers its own).
    const earlier = EARLIER_HELD_OUT.filter(({ file }) => file !== HELD_OUT_FILE).flatMap(
      ({ file }) => load(file) ?? [],
    );
    const tuningIds = new Set([...tuningCases, ...(scriptsCases ?? []), ...earlier].map((c) => c.id));
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
describe(`screening quality on the held-out set ${HELD_OUT_FILE} (never tuned on: the figure we quote)`, () => {
  if (heldOutCases === undefined) throw new Error(`${HELD_OUT_FILE} is missing from this checkout`);
  const figures = report(HELD_OUT_FILE, heldOutCases);

  it(`finds at least ${HELD_OUT_FLOORS.recall.toFixed(3)} of the essentially identical transactions (recall floor; the target 0.98 is not reached)`, () => {
    expect(figures.recall).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.recall);
  });

  it(`raises few false matches (precision floor ${HELD_OUT_FLOORS.precision})`, () => {
    expect(figures.precision).toBeGreaterThanOrEqual(HELD_OUT_FLOORS.precision);
  });
});

for (const { file, floors } of EARLIER_HELD_OUT) {
  describe(`screening quality on ${file} (held out once, tuning data since: a regression floor)`, () => {
    const cases = load(file);
    if (cases === undefined) throw new Error(`${file} is missing from this checkout`);
    const figures = report(file, cases);

    it(`finds at least ${floors.recall.toFixed(3)} of the essentially identical transactions (recall floor)`, () => {
      expect(figures.recall).toBeGreaterThanOrEqual(floors.recall);
    });

    it(`raises few false matches (precision floor ${floors.precision})`, () => {
      expect(figures.precision).toBeGreaterThanOrEqual(floors.precision);
    });
  });
}
