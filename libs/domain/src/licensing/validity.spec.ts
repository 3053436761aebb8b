import { DomainError } from '../domain.errors';
import {
  addCalendarMonths,
  assertValidityWithinLimit,
  DEFAULT_VALIDITY_CAPS,
  DEFAULT_VALIDITY_POLICY,
  parseValidityPolicy,
  validityCapsFor,
} from './validity';

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

  // Changed with issue 9: 24 months used to be a hard limit; Art 12(3) makes it a default the authority may exceed.
  it('caps individual and global authorisations at 24 months by default, longer only with a recorded reason (Art 12(3))', () => {
    expect(() => assertValidityWithinLimit('INDIVIDUAL', 24, null)).not.toThrow();
    expect(() => assertValidityWithinLimit('GLOBAL', 25, null)).toThrow(DomainError);
    expect(() => assertValidityWithinLimit('GLOBAL', 25, 'framework contract of three years')).not.toThrow();
  });

  it('caps large projects at 48 months by default unless a justification is recorded', () => {
    expect(() => assertValidityWithinLimit('LARGE_PROJECT', 49, null)).toThrow(/at most 48 months here unless/);
    expect(() => assertValidityWithinLimit('LARGE_PROJECT', 120, 'project runs ten years')).not.toThrow();
  });

  it('reads per-member-state validity caps from configuration, with 24 and 48 months as defaults', () => {
    const policy = parseValidityPolicy('DE:INDIVIDUAL=36,GLOBAL=30; *:LARGE_PROJECT=60');
    expect(validityCapsFor(policy, 'DE')).toEqual({ INDIVIDUAL: 36, GLOBAL: 30, LARGE_PROJECT: 60 });
    expect(validityCapsFor(policy, 'FR')).toEqual({ INDIVIDUAL: 24, GLOBAL: 24, LARGE_PROJECT: 60 });
    expect(validityCapsFor(DEFAULT_VALIDITY_POLICY, 'FR')).toEqual(DEFAULT_VALIDITY_CAPS);
    expect(() => parseValidityPolicy('XX:INDIVIDUAL=12')).toThrow(/not a member state/);
    expect(() => parseValidityPolicy('DE:EXPORT=12')).toThrow(/KIND=months/);
    expect(() => parseValidityPolicy('DE:INDIVIDUAL=0')).toThrow(/from 1 to 240/);
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
