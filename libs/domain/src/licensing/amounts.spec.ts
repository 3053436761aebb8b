import fc from 'fast-check';
import { addAmounts, checkedAmount, exceeds, hasAtMostThreeDecimals } from './amounts';

describe('amounts (quantities and values, three decimals)', () => {
  it('adds exactly to three decimals (0.1 + 0.2 is 0.3)', () => {
    expect(addAmounts(0.1, 0.2)).toBe(0.3);
  });

  it('does not count floating-point noise as exceeding', () => {
    expect(exceeds(0.1 + 0.2, 0.3)).toBe(false);
    expect(exceeds(0.301, 0.3)).toBe(true);
  });

  it('sums in thousandths without drift, whatever the order', () => {
    const thousandths = fc.integer({ min: 0, max: 10_000_000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(fc.array(thousandths, { maxLength: 20 }), (amounts) => {
        const total = amounts.reduce(addAmounts, 0);
        const reversed = [...amounts].reverse().reduce(addAmounts, 0);
        return total === reversed && hasAtMostThreeDecimals(total);
      }),
    );
  });

  it('refuses more than three decimals, negatives, NaN and (where positive) zero', () => {
    expect(() => checkedAmount(1.2345, 'q', { positive: false })).toThrow(/at most three decimals/);
    expect(() => checkedAmount(-1, 'q', { positive: false })).toThrow(/zero or a positive number/);
    expect(() => checkedAmount(Number.NaN, 'q', { positive: false })).toThrow();
    expect(() => checkedAmount(0, 'q', { positive: true })).toThrow(/a positive number/);
    expect(checkedAmount(0, 'q', { positive: false })).toBe(0);
    expect(checkedAmount(1.005, 'q', { positive: true })).toBe(1.005);
  });
});
