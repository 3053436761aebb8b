import { DomainError } from '../domain.errors';
import { addCalendarMonths, assertValidityWithinLimit } from './validity';

const at = (iso: string) => new Date(iso);

describe('validity', () => {
  it('adds calendar months at the same instant of the day', () => {
    expect(addCalendarMonths(at('2025-03-10T09:00:00Z'), 24).toISOString()).toBe('2027-03-10T09:00:00.000Z');
  });

  it('falls back to the last day of a shorter month (31 January + 1 month)', () => {
    expect(addCalendarMonths(at('2025-01-31T00:00:00Z'), 1).toISOString()).toBe('2025-02-28T00:00:00.000Z');
    expect(addCalendarMonths(at('2024-01-31T00:00:00Z'), 1).toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(addCalendarMonths(at('2024-02-29T00:00:00Z'), 12).toISOString()).toBe('2025-02-28T00:00:00.000Z');
  });

  it('limits individual and global authorisations to 24 months', () => {
    expect(() => assertValidityWithinLimit('INDIVIDUAL', 24, null)).not.toThrow();
    expect(() => assertValidityWithinLimit('GLOBAL', 25, 'justified')).toThrow(DomainError);
  });

  it('limits large projects to 48 months unless a justification is recorded', () => {
    expect(() => assertValidityWithinLimit('LARGE_PROJECT', 49, null)).toThrow(
      /at most 48 months unless a justification/,
    );
    expect(() => assertValidityWithinLimit('LARGE_PROJECT', 120, 'project runs ten years')).not.toThrow();
  });

  it('leaves national kinds to national practice', () => {
    expect(() => assertValidityWithinLimit('BROKERING', 120, null)).not.toThrow();
  });
});

describe('validity range', () => {
  it.each([0, -3, 1.5, 241, 1e9])('refuses a validity of %p months as invalid, whatever the kind', (months) => {
    expect(() => assertValidityWithinLimit('BROKERING', months, null)).toThrow(
      /validity must be a whole number of months/,
    );
  });
});
