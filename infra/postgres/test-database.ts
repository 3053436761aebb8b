import { randomBytes } from 'node:crypto';
import { createDatabase, dropDatabase } from './postgres-admin';

/**
 * Whether PostgreSQL suites run. infra/test-all.sh (and the jest global setup) decide once per run:
 * with CI=true an unreachable server fails the run; elsewhere the suites are skipped with a
 * printed SKIPPED line, never silently.
 */
export function postgresSkipReason(): string | undefined {
  return process.env.DUL_SKIP_POSTGRES || undefined;
}

/** `describe` that runs only when PostgreSQL is there; otherwise a visible skip naming the reason. */
export function describeWithPostgres(name: string, body: () => void): void {
  const reason = postgresSkipReason();
  if (reason) describe.skip(`${name} [SKIPPED: ${reason}]`, body);
  else describe(name, body);
}

export interface TestDatabase {
  readonly url: string;
  readonly drop: () => Promise<void>;
}

/** A fresh database of its own for one test (or suite), dropped afterwards. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `dul_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  const url = await createDatabase(name);
  return { url, drop: () => dropDatabase(name) };
}
