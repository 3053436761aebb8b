import { refuse } from '../refusals';
import { addCalendarMonths } from '../licensing/validity';
import type { DenialState } from './denial.decider';
import type { ReviewClock } from './denial.events';

/** Art 16(2): every denial is reviewed within three years of its notification (and of each review). */
export const DENIAL_REVIEW_MONTHS = 36;

/**
 * Calendar days an overdue review is tolerated before the denial lapses out of the register. Not in
 * the regulation, which only says "reviewed within three years": a product setting, passed in
 * NotifyDenial, with this default. Long enough for the issuing authority to act on the DenialReviewDue
 * reminder, short enough that an abandoned denial stops holding other member states' screening.
 */
export const DEFAULT_DENIAL_REVIEW_GRACE_DAYS = 90;

/** A bound on input, not a legal limit: a grace period beyond a year defeats the three-year review. */
export const MAX_DENIAL_REVIEW_GRACE_DAYS = 366;

const MS_PER_DAY = 86_400_000;

/** The review clock that starts at `from` (a notification or a review): due in 36 months, lapsing after the grace. */
export function reviewClockFrom(from: Date, graceDays: number): ReviewClock {
  const reviewDue = addCalendarMonths(from, DENIAL_REVIEW_MONTHS);
  return {
    reviewDueAt: reviewDue.toISOString(),
    lapsesAt: new Date(reviewDue.getTime() + graceDays * MS_PER_DAY).toISOString(),
  };
}

/**
 * True for a denial in force at `now`: notified, neither revoked nor withdrawn (a suspension lifted or
 * superseded), and not lapsed (its review is not overdue beyond the grace period). Screening checks
 * only these (Art 16: "every denial in force").
 */
export function inForce(state: DenialState, now: Date): boolean {
  return state.status === 'IN_FORCE' && now.getTime() < Date.parse(state.lapsesAt);
}

/** True once an in-force entry's review is overdue beyond the grace period. */
export function isLapsed(state: DenialState, now: Date): boolean {
  return state.status === 'IN_FORCE' && now.getTime() >= Date.parse(state.lapsesAt);
}

/** A whole number of calendar days from 0 to MAX_DENIAL_REVIEW_GRACE_DAYS. */
export function checkedGraceDays(days: number): number {
  if (Number.isSafeInteger(days) && days >= 0 && days <= MAX_DENIAL_REVIEW_GRACE_DAYS) return days;
  throw refuse.invalid(
    'review-grace-days',
    `reviewGraceDays must be a whole number of days from 0 to ${MAX_DENIAL_REVIEW_GRACE_DAYS} (got ${days})`,
  );
}
