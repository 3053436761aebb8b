/**
 * Stable codes for authentication and authorisation failures; the global exception filter maps them
 * with `status`. UNAUTHENTICATED 401 (no usable token), FORBIDDEN 403 (a valid token that may not do
 * this), AUTH_UNAVAILABLE 503 (the identity provider's keys cannot be fetched: not the caller's fault).
 */
export type AuthErrorCode = 'UNAUTHENTICATED' | 'FORBIDDEN' | 'AUTH_UNAVAILABLE';

export const AUTH_ERROR_STATUS: Readonly<Record<AuthErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  AUTH_UNAVAILABLE: 503,
};

/** An authentication or authorisation failure whose message is safe to send to the caller. */
export class AuthError extends Error {
  readonly status: number;

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    /** `cause` is for the logs (an unreachable JWKS endpoint, say), never for the response. */
    options?: ErrorOptions,
  ) {
    super(message, options);
    this.name = 'AuthError';
    this.status = AUTH_ERROR_STATUS[code];
  }
}

/** 401: the request carries no usable credentials. */
export function unauthenticated(message: string): AuthError {
  return new AuthError('UNAUTHENTICATED', message);
}

/** 403: the caller is known but may not do this. */
export function forbidden(message: string): AuthError {
  return new AuthError('FORBIDDEN', message);
}
