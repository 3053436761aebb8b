import heldout from './heldout.json';
import tuning from './tuning.json';
import type { ScreeningCase, ScreeningFigures } from './screening-evaluation';
import { describeMisses, evaluateScreening, figuresByFamily } from './screening-evaluation';

// The labelled evaluation set (README.md beside this file), built by a helper who never read the
// matcher: thresholds were tuned on tuning.json only; heldout.json is the figure we quote.
const tuningCases = tuning as unknown as readonly ScreeningCase[];
const heldoutCases = heldout as unknown as readonly ScreeningCase[];

function summary(name: string, figures: ScreeningFigures): string {
  const families = [...figuresByFamily(figures)].map(([family, entry]) => `${family} ${entry.correct}/${entry.cases}`);
  return (
    `${name}: ${figures.cases} cases; precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)} ` +
    `(TP ${figures.truePositives}, FP ${figures.falsePositives}, FN ${figures.falseNegatives}); ` +
    `RELATED ${figures.relatedFound}/${figures.relatedExpected} in the related tier, ${figures.relatedSpurious} flagged ` +
    `related wrongly\n  per family (as labelled / cases): ${families.join(', ')}`
  );
}

describe('screening evaluation set', () => {
  it('has at least 300 cases with unique ids, every family in both halves, each case with a note', () => {
    const all = [...tuningCases, ...heldoutCases];
    expect(all.length).toBeGreaterThanOrEqual(300);
    expect(new Set(all.map((c) => c.id)).size).toBe(all.length);
    expect(new Set(tuningCases.map((c) => c.family))).toEqual(new Set(heldoutCases.map((c) => c.family)));
    expect(all.every((c) => c.note.length > 0 && ['MATCH', 'RELATED', 'NO_MATCH'].includes(c.expected))).toBe(true);
  });
});

describe('screening quality on the tuning half (the thresholds were tuned on it)', () => {
  const figures = evaluateScreening(tuningCases);
  beforeAll(() => console.log(`${summary('tuning', figures)}\nmisses:\n${describeMisses(figures)}`));

  it('finds at least 98% of the essentially identical transactions (recall)', () => {
    expect(figures.recall).toBeGreaterThanOrEqual(0.98);
  });

  it('raises at most one false match in twenty (precision at least 0.95)', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(0.95);
  });
});

// Measured once on the frozen matcher (2026-12-02): precision 0.979 (94 of 96), recall 0.777 (94 of
// 121). The recall target (0.98) is NOT met on the held-out half; the measured figure is
// asserted as a floor so that a regression fails, and docs/screening.md quotes it. Precision meets
// the target (0.95) and is asserted at the target.
const HELD_OUT_RECALL_FLOOR = 94 / 121;

describe('screening quality on the held-out half (never tuned on: the figure we quote)', () => {
  const figures = evaluateScreening(heldoutCases);
  beforeAll(() => console.log(`${summary('held-out', figures)}\nmisses:\n${describeMisses(figures)}`));

  it('finds at least the measured share of the essentially identical transactions (recall floor 0.777; target 0.98 not met)', () => {
    expect(figures.recall).toBeGreaterThanOrEqual(HELD_OUT_RECALL_FLOOR);
  });

  it('raises at most one false match in twenty (precision at least 0.95)', () => {
    expect(figures.precision).toBeGreaterThanOrEqual(0.95);
  });
});
