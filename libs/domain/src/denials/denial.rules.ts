import { refuse } from '../refusals';
import { addCalendarMonths } from '../licensing/validity';
import type { DenialState } from './denial.decider';
import type { ReviewClock } from './denial.events';

/** Art 16(2): every denial is reviewed within three years of its notification (and of each review). */
export const DENIAL_REVIEW_MONTHS = 36;

/**
 * Calendar days after an overdue review before it is escalated (the `lapsesAt` instant of the review
 * clock, a name kept for the recorded history). Not in the regulation, which says only "reviewed
 * within three years" (Art 16(2)) and never makes a denial lapse: past reviewDueAt the denial is
 * flagged overdue, past this grace it is escalated, and in both it stays in force for screening until
 * its issuer renews, amends or revokes it. A product setting, passed in NotifyDenial, with this default.
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
 * True for a denial in force: notified and neither revoked nor withdrawn (a suspension lifted or
 * superseded). Screening checks only these (Art 16: "every denial in force"). A denial never lapses by
 * itself (Art 16(2) orders a review, not an expiry): an overdue review changes nothing here. `now` is
 * kept so callers ask the question at an instant, as they did when denials could lapse.
 */
export function inForce(state: DenialState, _now?: Date): boolean {
  return state.status === 'IN_FORCE';
}

/** The review of an in-force denial is overdue at `now` (Art 16(2): within three years): a flag, not a lapse. */
export function isReviewOverdue(state: DenialState, now: Date): boolean {
  return state.status === 'IN_FORCE' && now.getTime() >= Date.parse(state.reviewDueAt);
}

/** The overdue review has gone unanswered beyond the grace period: escalated, still in force. */
export function isReviewEscalated(state: DenialState, now: Date): boolean {
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
