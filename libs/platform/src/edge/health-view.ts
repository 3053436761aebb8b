import type { HealthCheckResult } from '@nestjs/terminus';

/**
 * What /health shows a caller without a valid token: the overall status and each indicator's
 * up/down, nothing else. Store kind and file path, heads, lags and error messages are internals
 * (issue 11: the database file path was public); an authenticated caller gets the full result.
 */
export function publicHealth(result: HealthCheckResult): HealthCheckResult {
  const statusOnly = (section: HealthCheckResult['info']) =>
    section === undefined
      ? undefined
      : Object.fromEntries(Object.entries(section).map(([name, value]) => [name, { status: value?.status ?? 'down' }]));
  return {
    status: result.status,
    info: statusOnly(result.info),
    error: statusOnly(result.error),
    details: statusOnly(result.details) ?? {},
  };
}
