export * from './decider';
export * from './domain.errors';
export * from './refusals';
export * from './reference/member-states';
export * from './reference/control-list-entry';
export * from './reference/annex-ii';
export * from './reference/annex-iv';
export * from './licensing/amounts';
export * from './licensing/validity';
export * from './licensing/art16-notification';
export * from './licensing/application.content';
export * from './licensing/application.rules';
export * from './licensing/application.events';
export * from './licensing/application.commands';
export * from './licensing/decision.rules';
export * from './licensing/application.decider';
export * from './calendar/working-days';
export * from './licensing/licence.events';
export * from './licensing/licence.commands';
export * from './licensing/licence.decider';
export * from './consultation/consultation.events';
export * from './consultation/consultation.commands';
export * from './consultation/consultation.packet';
export * from './consultation/consultation.decider';
export * from './consultation/consultation-status';
export {
  ART16_PERIOD_SETTING,
  ART16_SILENCE_MEANINGS,
  ART16_SILENCE_SETTING,
  DEFAULT_ART16_CONSULTATION_WORKING_DAYS,
  DEFAULT_ART16_SILENCE_MEANING,
  DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS,
  DEFAULT_SECURITY_INTEREST_WORKING_DAYS,
  MAX_CATCH_ALL_REVIEW_WORKING_DAYS,
  MAX_REPLY_WORKING_DAYS,
  REPLY_WORKING_DAYS,
  SECURITY_INTEREST_PERIOD_SETTING,
} from './consultation/consultation.rules';
export type { Art16SilenceMeaning } from './consultation/consultation.rules';
export * from './denials/denial.events';
export * from './denials/denial.commands';
export * from './denials/denial.decider';
export {
  DEFAULT_DENIAL_REVIEW_GRACE_DAYS,
  DENIAL_REVIEW_MONTHS,
  MAX_DENIAL_REVIEW_GRACE_DAYS,
  inForce,
  isReviewEscalated,
  isReviewOverdue,
  reviewClockFrom,
} from './denials/denial.rules';
export * from './denials/grant-despite-denial';
export * from './screening';
export * from './reporting';
export * from './privacy/personal-data';
export * from './identity/subject.rules';
export * from './general-authorisations';
export * from './privacy/retention';
export * from './audit/daily-root.events';
