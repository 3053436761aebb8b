import type { WorkingDayDeadline } from '../calendar/working-days';
import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import type { ConsultationAnswer, ConsultationKind, ConsultationOutcome } from './consultation.events';
import { CONSULTATION_ANSWERS } from './consultation.events';

/** Art 14(1) and Art 16: the consulted member state answers within 10 working days of its own calendar. */
export const REPLY_WORKING_DAYS = 10;

/** Art 14(1) and Art 16: extensions never take the period beyond 30 working days from the opening. */
export const MAX_REPLY_WORKING_DAYS = 30;

/** Art 5 review period by default; a setting upstream, passed in OpenConsultation. */
export const DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS = 30;

/**
 * A bound on input, not a legal limit: a catch-all review period longer than about six months of
 * working days is a typo, refused rather than computed.
 */
export const MAX_CATCH_ALL_REVIEW_WORKING_DAYS = 130;

/** Kinds whose open consultation holds a grant back (the application decider refuses meanwhile). */
export const BLOCKING_KINDS: readonly ConsultationKind[] = ['ITEMS_LOCATED_ELSEWHERE', 'PRIOR_DENIAL'];

/** What silence means once the period lapses, by kind. */
export const OUTCOME_OF_SILENCE: Readonly<Record<ConsultationKind, ConsultationOutcome>> = {
  ITEMS_LOCATED_ELSEWHERE: 'NO_OBJECTION_BY_SILENCE',
  PRIOR_DENIAL: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
  CATCH_ALL: 'REVIEW_ENDED',
};

/** The outcome a single consulted member state's answer closes the consultation with. */
export const OUTCOME_OF_ANSWER: Readonly<Partial<Record<ConsultationAnswer, ConsultationOutcome>>> = {
  OBJECTION: 'OBJECTED',
  NO_OBJECTION: 'NO_OBJECTION',
  ESSENTIALLY_IDENTICAL: 'ESSENTIALLY_IDENTICAL',
  NOT_ESSENTIALLY_IDENTICAL: 'NOT_ESSENTIALLY_IDENTICAL',
};

/** Answers that oppose the consulting authority must say why. */
const ANSWERS_NEEDING_REASONS: readonly ConsultationAnswer[] = ['OBJECTION', 'OBJECT'];

/** True while `now` is strictly before the end of the period's last working day. */
export function isWithinPeriod(deadline: WorkingDayDeadline, now: Date): boolean {
  return now.getTime() < Date.parse(deadline.endsAt);
}

/**
 * Nothing is answered or extended once the period has ended, even before the timer records the lapse:
 * the lapse already took effect (silence counts), and a late answer must not undo it.
 */
export function assertWithinPeriod(deadline: WorkingDayDeadline, now: Date, rule: string, what: string): void {
  if (isWithinPeriod(deadline, now)) return;
  throw refuse.ruleViolated(
    rule,
    `${what}: the period ended on ${deadline.lastDay} (${deadline.memberState} working days, at ${deadline.endsAt}); silence already counts`,
  );
}

/** The lapse is recorded only once the deadline has passed. */
export function assertPeriodEnded(deadline: WorkingDayDeadline, now: Date): void {
  if (!isWithinPeriod(deadline, now)) return;
  throw refuse.ruleViolated(
    'deadline-not-reached',
    `the period runs until ${deadline.endsAt} (end of ${deadline.lastDay} in ${deadline.memberState})`,
  );
}

/** Extensions may not take the period past the maximum counted from the opening. */
export function assertExtensionWithinCap(currentWorkingDays: number, additional: number, maximum: number): void {
  if (currentWorkingDays + additional <= maximum) return;
  throw refuse.ruleViolated(
    'extension-cap',
    `${currentWorkingDays} + ${additional} working days would exceed the ${maximum} working days allowed in total`,
  );
}

/** Art 14(1) grants one extension on request; Art 16 extensions follow agreement up to the cap. */
export function assertExtensionAllowed(kind: ConsultationKind, requestsSoFar: number): void {
  if (kind === 'CATCH_ALL') {
    throw refuse.ruleViolated('catch-all-no-extension', 'a catch-all review period is set when it opens');
  }
  if (kind === 'ITEMS_LOCATED_ELSEWHERE' && requestsSoFar > 0) {
    throw refuse.ruleViolated('art14-single-extension', 'an Art 14(1) consultation allows one extension request');
  }
}

/**
 * Art 14(1): the consulted member state asks for more time. Art 16 "by agreement": either party may
 * ask, the other agrees. A catch-all has no extension (refused later as a rule, not a boundary).
 */
export function assertMayRequestExtension(
  kind: ConsultationKind,
  acting: MemberStateCode,
  consulted: readonly MemberStateCode[],
): void {
  if (kind !== 'ITEMS_LOCATED_ELSEWHERE' || consulted.includes(acting)) return;
  throw refuse.forbidden(
    'consulted-member-state-requests-extension',
    'under Art 14(1) only the consulted member state asks for an extension',
  );
}

/** Refuses an answer the kind does not know (INVALID) and an objection without reasons. */
export function checkedAnswer(kind: ConsultationKind, answer: ConsultationAnswer, reasons: string | null): void {
  const allowed: readonly string[] = CONSULTATION_ANSWERS[kind];
  if (!allowed.includes(answer)) {
    throw refuse.invalid('answer-for-kind', `a ${kind} consultation is answered with ${allowed.join(' or ')}`);
  }
  if (ANSWERS_NEEDING_REASONS.includes(answer) && reasons === null) {
    throw refuse.invalid('objection-reasons-required', `an ${answer} states its reasons`);
  }
}

/** A whole number of working days, at least one. */
export function positiveWorkingDays(value: number, field: string): number {
  if (Number.isSafeInteger(value) && value >= 1) return value;
  throw refuse.invalid('working-days', `${field} must be a whole number of working days, at least 1 (got ${value})`);
}
