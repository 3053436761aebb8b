import 'reflect-metadata';
import { BaseEnvironment, ConfigurationError, validateEnvironment } from '@dul/config';
import type { Persistence } from '@dul/platform';
import { createPersistence } from '@dul/platform';

/**
 * The store the environment configures (STORE_KIND, SQLITE_PATH, DATABASE_URL, EVENTSTOREDB_URL),
 * for the operators' CLIs; a bad variable exits 78 naming it, as a service boot does.
 */
export async function cliPersistence(): Promise<Persistence> {
  let env: BaseEnvironment;
  try {
    env = validateEnvironment(BaseEnvironment, { ...process.env, LOG_LEVEL: 'silent' });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  return createPersistence(env);
}
