import { adminUrl, isReachable } from './postgres-admin';

/** Decides once per run whether PostgreSQL suites can run; CI=true turns an unreachable server into a failure. */
export default async function globalSetup(): Promise<void> {
  if (process.env.DUL_SKIP_POSTGRES) return;
  const probe = await isReachable();
  if (probe.ok) return;
  const message = `PostgreSQL at ${adminUrl()} is unreachable (${probe.reason})`;
  if (process.env.CI === 'true') throw new Error(`${message}; CI=true requires it`);
  process.env.DUL_SKIP_POSTGRES = message;
  console.warn(`\nSKIPPED: PostgreSQL integration suites: ${message}\n`);
}
