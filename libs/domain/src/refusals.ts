import { DomainError } from './domain.errors';

/**
 * One constructor per refusal code, so a decider reads `throw conflict('already-decided', '...')` and the
 * code-to-HTTP mapping (400/403/404/409/422) is chosen once, by the kind of refusal, not at every call site.
 */
export const refuse = {
  /** Malformed input: the request itself is wrong (400). */
  invalid: (rule: string, message: string): DomainError => new DomainError('INVALID', message, rule),
  /** The actor or authority may not do this (403). */
  forbidden: (rule: string, message: string): DomainError => new DomainError('FORBIDDEN', message, rule),
  /** The aggregate does not exist (404). */
  notFound: (rule: string, message: string): DomainError => new DomainError('NOT_FOUND', message, rule),
  /** Well-formed, but not in the aggregate's current state (409). */
  conflict: (rule: string, message: string): DomainError => new DomainError('CONFLICT', message, rule),
  /** The caller's precondition (If-Match) no longer holds (412). */
  preconditionFailed: (rule: string, message: string): DomainError =>
    new DomainError('PRECONDITION_FAILED', message, rule),
  /** Well-formed and in the right state, but a business rule forbids it (422). */
  ruleViolated: (rule: string, message: string): DomainError => new DomainError('RULE_VIOLATED', message, rule),
} as const;
