/**
 * A refusal at the HTTP edge, before any controller runs (a body nested too deep, a repeated query
 * parameter, a rate limit). The global error filter answers it in the one error shape, with `headers`
 * (Retry-After on a 429).
 */
export class EdgeRefusal extends Error {
  constructor(
    readonly status: 400 | 401 | 413 | 429,
    readonly code: 'INVALID' | 'UNAUTHENTICATED' | 'PAYLOAD_TOO_LARGE' | 'TOO_MANY_REQUESTS',
    message: string,
    /** Machine-readable name of the edge rule, e.g. 'json-depth'. */
    readonly rule: string,
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'EdgeRefusal';
  }
}

/** 429 with Retry-After in whole seconds (at least 1: RFC 9110 delay-seconds). */
export function tooManyRequests(rule: string, message: string, retryAfterMs: number): EdgeRefusal {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return new EdgeRefusal(429, 'TOO_MANY_REQUESTS', `${message}; retry after ${seconds} s`, rule, {
    'retry-after': String(seconds),
  });
}
