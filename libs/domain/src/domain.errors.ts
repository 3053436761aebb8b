/**
 * Stable codes for refusals of the business rules; one exception filter maps them to HTTP statuses.
 * NOT_FOUND 404, FORBIDDEN 403, CONFLICT 409, PRECONDITION_FAILED 412, RULE_VIOLATED 422, INVALID 400.
 */
export type DomainErrorCode =
  'INVALID' | 'NOT_FOUND' | 'FORBIDDEN' | 'CONFLICT' | 'PRECONDITION_FAILED' | 'RULE_VIOLATED';

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable name of the rule that refused, e.g. 'four-eyes'. */
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
