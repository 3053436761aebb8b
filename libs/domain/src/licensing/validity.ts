import { refuse } from '../refusals';
import type { ApplicationKind } from './application.content';

/**
 * Maximum validity in months by kind (Art 12(4)): individual and global two years; large projects four
 * years unless justified by the project's duration. Legal limits, not settings. Brokering, technical
 * assistance, transit and intra-EU transfer licences follow national practice, so no cap here.
 */
export const MAX_VALIDITY_MONTHS: Readonly<Partial<Record<ApplicationKind, number>>> = {
  INDIVIDUAL: 24,
  GLOBAL: 24,
  LARGE_PROJECT: 48,
};

/**
 * No authorisation runs longer than this, whatever the kind: a bound on input, not a legal limit, so a
 * typo of a million months is refused as invalid instead of overflowing the date arithmetic.
 */
export const ABSOLUTE_MAX_VALIDITY_MONTHS = 240;

/** Refuses (RULE_VIOLATED 'validity-limit') a validity beyond the kind's maximum. */
export function assertValidityWithinLimit(kind: ApplicationKind, months: number, justification: string | null): void {
  if (!Number.isInteger(months) || months < 1 || months > ABSOLUTE_MAX_VALIDITY_MONTHS) {
    throw refuse.invalid(
      'validity-range',
      `validity must be a whole number of months from 1 to ${ABSOLUTE_MAX_VALIDITY_MONTHS} (asked: ${months})`,
    );
  }
  const maximum = MAX_VALIDITY_MONTHS[kind];
  if (maximum === undefined || months <= maximum) return;
  if (kind === 'LARGE_PROJECT' && justification !== null) return;
  const unless = kind === 'LARGE_PROJECT' ? ' unless a justification is recorded' : '';
  throw refuse.ruleViolated(
    'validity-limit',
    `${kind} authorisations are valid for at most ${maximum} months${unless} (asked: ${months})`,
  );
}

/**
 * The same instant `months` calendar months later, in UTC; a day that does not exist in the target
 * month falls back to its last day (31 January + 1 month = 28 or 29 February), so validity never
 * spills into the month after.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}
