import type { DenialInForce, ReviewOptions, ScreeningCandidate } from '../screening';
import { reviewTransaction } from '../screening';

/** The label of one evaluation case (see README.md beside this file for the definitions). */
export type ScreeningLabel = 'MATCH' | 'RELATED' | 'NO_MATCH';

/** One labelled case of the evaluation set: a transaction, one denial in force, the expected label. */
export interface ScreeningCase {
  readonly id: string;
  readonly family: string;
  readonly note: string;
  readonly candidate: ScreeningCandidate;
  readonly denial: DenialInForce;
  readonly expected: ScreeningLabel;
}

/** One case as screened: the expected and the predicted label, and the screening's explanation. */
export interface ScreenedCase {
  readonly case: ScreeningCase;
  readonly predicted: ScreeningLabel;
  readonly explanation: string;
}

/** Precision and recall of MATCH (RELATED counts as a negative), and the RELATED tier apart. */
export interface ScreeningFigures {
  readonly cases: number;
  readonly truePositives: number;
  readonly falsePositives: number;
  readonly falseNegatives: number;
  readonly precision: number;
  readonly recall: number;
  /** Cases labelled RELATED that the screening put in the related tier. */
  readonly relatedFound: number;
  readonly relatedExpected: number;
  /** Cases the screening put in the related tier that were labelled otherwise. */
  readonly relatedSpurious: number;
  readonly outcomes: readonly ScreenedCase[];
}

/** Screens one case the way the dry run does and says which tier it lands in. */
export function screenCase(testCase: ScreeningCase, options: ReviewOptions = {}): ScreenedCase {
  const review = reviewTransaction(testCase.candidate, [testCase.denial], { ...options, nearMisses: 1 });
  const match = review.matches[0];
  const related = review.related[0];
  const miss = review.nearMisses[0];
  if (match !== undefined) return { case: testCase, predicted: 'MATCH', explanation: match.explanation };
  if (related !== undefined) return { case: testCase, predicted: 'RELATED', explanation: related.explanation };
  return { case: testCase, predicted: 'NO_MATCH', explanation: miss?.explanation ?? '' };
}

/**
 * The figures of a labelled set: positive class MATCH; a RELATED or NO_MATCH case predicted MATCH
 * is a false positive, a MATCH case predicted RELATED or NO_MATCH a false negative. An empty
 * denominator gives 1 (nothing claimed, nothing missed), so that a set without positives is not a failure.
 */
export function evaluateScreening(cases: readonly ScreeningCase[], options: ReviewOptions = {}): ScreeningFigures {
  const outcomes = cases.map((testCase) => screenCase(testCase, options));
  const count = (test: (outcome: ScreenedCase) => boolean): number => outcomes.filter(test).length;
  const truePositives = count((o) => o.predicted === 'MATCH' && o.case.expected === 'MATCH');
  const falsePositives = count((o) => o.predicted === 'MATCH' && o.case.expected !== 'MATCH');
  const falseNegatives = count((o) => o.predicted !== 'MATCH' && o.case.expected === 'MATCH');
  return {
    cases: cases.length,
    truePositives,
    falsePositives,
    falseNegatives,
    precision: ratio(truePositives, truePositives + falsePositives),
    recall: ratio(truePositives, truePositives + falseNegatives),
    relatedFound: count((o) => o.predicted === 'RELATED' && o.case.expected === 'RELATED'),
    relatedExpected: count((o) => o.case.expected === 'RELATED'),
    relatedSpurious: count((o) => o.predicted === 'RELATED' && o.case.expected !== 'RELATED'),
    outcomes,
  };
}

/** The cases whose predicted label differs from the expected one, one line each, for a test's output. */
export function describeMisses(figures: ScreeningFigures): string {
  return figures.outcomes
    .filter((o) => o.predicted !== o.case.expected)
    .map((o) => `${o.case.id} [${o.case.family}] expected ${o.case.expected}, got ${o.predicted}: ${o.explanation}`)
    .join('\n');
}

/** One family's figures: cases, how many were screened as labelled, and MATCH precision and recall within it. */
export interface FamilyFigures {
  readonly cases: number;
  readonly correct: number;
  readonly matchExpected: number;
  readonly truePositives: number;
  readonly falsePositives: number;
}

/** Figures per family: cases, how many were screened as labelled, and the MATCH counts. */
export function figuresByFamily(figures: ScreeningFigures): ReadonlyMap<string, FamilyFigures> {
  const byFamily = new Map<string, FamilyFigures>();
  for (const outcome of figures.outcomes) {
    const entry = byFamily.get(outcome.case.family) ?? {
      cases: 0,
      correct: 0,
      matchExpected: 0,
      truePositives: 0,
      falsePositives: 0,
    };
    const expectedMatch = outcome.case.expected === 'MATCH';
    const predictedMatch = outcome.predicted === 'MATCH';
    byFamily.set(outcome.case.family, {
      cases: entry.cases + 1,
      correct: entry.correct + (outcome.predicted === outcome.case.expected ? 1 : 0),
      matchExpected: entry.matchExpected + (expectedMatch ? 1 : 0),
      truePositives: entry.truePositives + (expectedMatch && predictedMatch ? 1 : 0),
      falsePositives: entry.falsePositives + (!expectedMatch && predictedMatch ? 1 : 0),
    });
  }
  return byFamily;
}

/**
 * The figures of a set in a few lines, for a test's or the tuning loop's output: precision, recall,
 * the RELATED tier, and per family the cases screened as labelled, MATCH found and false MATCH.
 */
export function summariseScreening(name: string, figures: ScreeningFigures): string {
  const families = [...figuresByFamily(figures)]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(
      ([family, entry]) =>
        `    ${family}: ${entry.correct}/${entry.cases} as labelled; MATCH found ${entry.truePositives}/${entry.matchExpected}` +
        `, false MATCH ${entry.falsePositives}`,
    );
  return [
    `${name}: ${figures.cases} cases; precision ${figures.precision.toFixed(3)}, recall ${figures.recall.toFixed(3)} ` +
      `(TP ${figures.truePositives}, FP ${figures.falsePositives}, FN ${figures.falseNegatives}); ` +
      `RELATED ${figures.relatedFound}/${figures.relatedExpected} in the related tier, ${figures.relatedSpurious} flagged ` +
      `related wrongly`,
    '  per family:',
    ...families,
  ].join('\n');
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}
