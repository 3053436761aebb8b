import { refuse } from '../refusals';

// Quantities and values carry at most three decimals (every ISO 4217 minor unit, grams of a kilogram).
// Sums are taken in whole thousandths so that using exactly the licensed amount in several steps is
// never refused for a floating-point remainder (0.1 + 0.2 > 0.3).
const SCALE = 1000;

/** True when a number has no more than three decimals (within floating-point noise). */
export function hasAtMostThreeDecimals(value: number): boolean {
  return Math.abs(value * SCALE - Math.round(value * SCALE)) < 1e-6;
}

/** A finite quantity or value with at most three decimals; INVALID 'amount-format' otherwise. */
export function checkedAmount(value: number, field: string, options: { readonly positive: boolean }): number {
  const valid = typeof value === 'number' && Number.isFinite(value) && hasAtMostThreeDecimals(value);
  // Positive means at least one thousandth: 5e-324 has "no decimals" but rounds to nothing.
  if (!valid || value < 0 || (options.positive && toThousandths(value) < 1)) {
    const what = options.positive ? 'a positive number' : 'zero or a positive number';
    throw refuse.invalid('amount-format', `${field} must be ${what} with at most three decimals`);
  }
  return value;
}

/** a + b, exact to three decimals. */
export function addAmounts(a: number, b: number): number {
  return (toThousandths(a) + toThousandths(b)) / SCALE;
}

/** True when a is more than b, compared to three decimals. */
export function exceeds(a: number, b: number): boolean {
  return toThousandths(a) > toThousandths(b);
}

function toThousandths(value: number): number {
  return Math.round(value * SCALE);
}
