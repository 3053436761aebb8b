import type { WorkingDayDeadline } from '../calendar/working-days';
import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import type {
  ClosingRule,
  ConsultationAnswer,
  ConsultationKind,
  ConsultationOutcome,
  ConsultationRules,
} from './consultation.events';
import { CONSULTATION_ANSWERS } from './consultation.events';

/** Art 14(1): the consulted member state answers within 10 working days of its own calendar (text). */
export const REPLY_WORKING_DAYS = 10;

/** Art 14(1) and Art 16: extensions never take the period beyond 30 working days from the opening. */
export const MAX_REPLY_WORKING_DAYS = 30;

/*
 * Art 16 sets no deadline for the consultation of the denying member state and gives silence no
 * meaning. The 10 working days and "silence = not essentially identical" are EU practice, not the
 * article's text: settings, with today's practice as defaults, recorded on each consultation.
 */
export const ART16_PERIOD_SETTING = 'ART16_CONSULTATION_WORKING_DAYS';
export const ART16_SILENCE_SETTING = 'ART16_SILENCE_OUTCOME';
export const DEFAULT_ART16_CONSULTATION_WORKING_DAYS = 10;
export const ART16_SILENCE_MEANINGS = ['NOT_ESSENTIALLY_IDENTICAL', 'ESSENTIALLY_IDENTICAL'] as const;
export type Art16SilenceMeaning = (typeof ART16_SILENCE_MEANINGS)[number];
export const DEFAULT_ART16_SILENCE_MEANING: Art16SilenceMeaning = 'NOT_ESSENTIALLY_IDENTICAL';

/*
 * Art 14(2): the requested member state consults "of a non-binding nature ... to be terminated within
 * 10 working days". The 10 is the text; it is a setting only so a member state can follow a change.
 * Readings: the period counts in the requested member state's calendar (as for Art 14(1)); there is
 * no extension; silence ends the consultation and binds no one.
 */
export const SECURITY_INTEREST_PERIOD_SETTING = 'ART14_2_CONSULTATION_WORKING_DAYS';
export const DEFAULT_SECURITY_INTEREST_WORKING_DAYS = 10;

/** The Art 4/5 review period's setting (see DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS). */
export const CATCH_ALL_PERIOD_SETTING = 'CATCH_ALL_REVIEW_WORKING_DAYS';

/** Art 5 review period by default; a setting upstream, passed in OpenConsultation. */
export const DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS = 30;

/**
 * A bound on input, not a legal limit: a catch-all review period longer than about six months of
 * working days is a typo, refused rather than computed.
 */
export const MAX_CATCH_ALL_REVIEW_WORKING_DAYS = 130;

/** Kinds whose open consultation holds a grant back (the application decider refuses meanwhile). */
export const BLOCKING_KINDS: readonly ConsultationKind[] = ['ITEMS_LOCATED_ELSEWHERE', 'PRIOR_DENIAL'];

/** What silence means once the period lapses, by kind, by default (Art 16: ART16_SILENCE_OUTCOME). */
export const OUTCOME_OF_SILENCE: Readonly<Record<ConsultationKind, ConsultationOutcome>> = {
  ITEMS_LOCATED_ELSEWHERE: 'NO_OBJECTION_BY_SILENCE',
  PRIOR_DENIAL: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
  CATCH_ALL: 'REVIEW_ENDED',
  SECURITY_INTEREST: 'ENDED_WITHOUT_ANSWER',
};

/** Art 16 silence outcome for the setting's value. */
export const ART16_OUTCOME_OF_SILENCE: Readonly<Record<Art16SilenceMeaning, ConsultationOutcome>> = {
  NOT_ESSENTIALLY_IDENTICAL: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
  ESSENTIALLY_IDENTICAL: 'ESSENTIALLY_IDENTICAL_BY_SILENCE',
};

/**
 * The rules of a consultation opened before they were recorded: what the code applied then (the
 * period from the deadline, silence as OUTCOME_OF_SILENCE).
 */
export function recordedRules(kind: ConsultationKind, workingDays: number): ConsultationRules {
  switch (kind) {
    case 'ITEMS_LOCATED_ELSEWHERE':
      return {
        basis: 'TEXT',
        workingDays,
        periodSetting: null,
        silenceOutcome: OUTCOME_OF_SILENCE[kind],
        silenceSetting: null,
      };
    case 'PRIOR_DENIAL':
      return {
        basis: 'PRACTICE',
        workingDays,
        periodSetting: ART16_PERIOD_SETTING,
        silenceOutcome: OUTCOME_OF_SILENCE[kind],
        silenceSetting: ART16_SILENCE_SETTING,
      };
    case 'CATCH_ALL':
      return {
        basis: 'READING',
        workingDays,
        periodSetting: CATCH_ALL_PERIOD_SETTING,
        silenceOutcome: OUTCOME_OF_SILENCE[kind],
        silenceSetting: null,
      };
    case 'SECURITY_INTEREST':
      return {
        basis: 'TEXT',
        workingDays,
        periodSetting: SECURITY_INTEREST_PERIOD_SETTING,
        silenceOutcome: OUTCOME_OF_SILENCE[kind],
        silenceSetting: null,
      };
    default:
      return kind;
  }
}

const BASIS_WORDS: Readonly<Record<ConsultationRules['basis'], string>> = {
  TEXT: "the article's text",
  PRACTICE: "EU practice, not the article's text",
  READING: 'our reading',
};

/** The rule that closes a consultation, stated in words with the settings it relied on. */
export function closingRuleOf(
  rules: ConsultationRules,
  basis: ClosingRule['basis'],
  outcome: ConsultationOutcome,
): ClosingRule {
  const period = `${rules.workingDays} working days${rules.periodSetting === null ? '' : ` under ${rules.periodSetting}`}`;
  const statement =
    basis === 'ANSWER'
      ? `answered within the period (${period}): ${outcome}`
      : basis === 'WITHDRAWAL'
        ? 'withdrawn by the consulting member state'
        : `deadline passed in silence (${period}); silence closes it as ${outcome}` +
          `${rules.silenceSetting === null ? '' : ` under ${rules.silenceSetting}`} (${BASIS_WORDS[rules.basis]})`;
  return {
    basis,
    workingDays: rules.workingDays,
    periodSetting: rules.periodSetting,
    silenceSetting: basis === 'SILENCE' ? rules.silenceSetting : null,
    statement,
  };
}

/** The outcome a single consulted member state's answer closes the consultation with. */
export const OUTCOME_OF_ANSWER: Readonly<Partial<Record<ConsultationAnswer, ConsultationOutcome>>> = {
  OBJECTION: 'OBJECTED',
  NO_OBJECTION: 'NO_OBJECTION',
  ESSENTIALLY_IDENTICAL: 'ESSENTIALLY_IDENTICAL',
  NOT_ESSENTIALLY_IDENTICAL: 'NOT_ESSENTIALLY_IDENTICAL',
  REQUEST_ACCEPTED: 'REQUEST_ACCEPTED',
  REQUEST_DECLINED: 'REQUEST_DECLINED',
};

/** Answers that oppose the consulting authority must say why. */
// REQUEST_DECLINED (Art 14(2)) is a reading: the text asks for none, but a member state that declines
// another's essential security interests says why, and the reasons travel with the consultation.
const ANSWERS_NEEDING_REASONS: readonly ConsultationAnswer[] = ['OBJECTION', 'OBJECT', 'REQUEST_DECLINED'];

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
  if (kind === 'SECURITY_INTEREST') {
    throw refuse.ruleViolated(
      'art14-2-no-extension',
      'an Art 14(2) consultation is to be terminated within its period; it has no extension',
    );
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
