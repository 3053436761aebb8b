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

/** Figures per family: cases, and how many were screened as labelled. */
export function figuresByFamily(figures: ScreeningFigures): ReadonlyMap<string, { cases: number; correct: number }> {
  const byFamily = new Map<string, { cases: number; correct: number }>();
  for (const outcome of figures.outcomes) {
    const entry = byFamily.get(outcome.case.family) ?? { cases: 0, correct: 0 };
    entry.cases++;
    if (outcome.predicted === outcome.case.expected) entry.correct++;
    byFamily.set(outcome.case.family, entry);
  }
  return byFamily;
}

function ratio(numerator: number, denominator: number): number {
  return denominator === 0 ? 1 : numerator / denominator;
}
