import labelled from '../../../../test/fixtures/screening/pairs.json';
import type { DenialInForce, ScreeningCandidate } from './screening';
import { assessDenial, reviewTransaction } from './screening';

interface LabelledPair {
  readonly id: string;
  readonly expected: boolean;
  readonly kinds: readonly string[];
  /** RELATED: not a match, but the dry run must report the pair as possibly related. */
  readonly tier?: 'RELATED';
  readonly note: string;
  readonly candidate: ScreeningCandidate;
  readonly denial: DenialInForce;
}

// The JSON's inferred types widen the grounds to string; the set is ours and checked by this test.
const pairs = labelled.pairs as unknown as readonly LabelledPair[];

const outcomes = pairs.map((pair) => {
  const assessment = assessDenial(pair.candidate, pair.denial);
  const matched = assessment.outcome === 'MATCH';
  const detail = assessment.outcome === 'MATCH' ? assessment.match.explanation : assessment.explanation;
  return { pair, matched, detail };
});

const truePositives = outcomes.filter((o) => o.matched && o.pair.expected).length;
const falsePositives = outcomes.filter((o) => o.matched && !o.pair.expected);
const falseNegatives = outcomes.filter((o) => !o.matched && o.pair.expected);
const precision = truePositives / (truePositives + falsePositives.length);
const recall = truePositives / (truePositives + falseNegatives.length);

function listOf(misses: typeof outcomes): string {
  return misses.map((o) => `${o.pair.id} (${o.pair.note}): ${o.detail}`).join('\n');
}

describe('screening quality on the labelled set (test/fixtures/screening/pairs.json)', () => {
  beforeAll(() => {
    const positives = pairs.filter((pair) => pair.expected).length;
    console.log(
      `screening quality: ${pairs.length} pairs (${positives} true, ${pairs.length - positives} false); ` +
        `precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)} ` +
        `(TP ${truePositives}, FP ${falsePositives.length}, FN ${falseNegatives.length})`,
    );
  });

  it('holds at least 60 labelled pairs, each with a unique id and a note', () => {
    expect(pairs.length).toBeGreaterThanOrEqual(60);
    expect(new Set(pairs.map((pair) => pair.id)).size).toBe(pairs.length);
    expect(pairs.every((pair) => pair.note.length > 0 && pair.kinds.length > 0)).toBe(true);
  });

  it('finds every essentially identical transaction (recall 1.0)', () => {
    expect(listOf(falseNegatives)).toBe('');
    expect(recall).toBe(1);
  });

  it('reports every pair labelled RELATED as possibly related in the dry run, never as a match', () => {
    const related = pairs.filter((pair) => pair.tier === 'RELATED');
    expect(related.length).toBeGreaterThan(0);
    const missed = related.filter((pair) => reviewTransaction(pair.candidate, [pair.denial]).related.length !== 1);
    expect(missed.map((pair) => pair.id)).toEqual([]);
  });

  it('raises at most one false match in twenty (precision at least 0.95)', () => {
    if (precision < 0.95) expect(listOf(falsePositives)).toBe('');
    expect(precision).toBeGreaterThanOrEqual(0.95);
  });
});
