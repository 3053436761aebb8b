import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DevSigningKey, Role } from '@dul/auth';
import { DEV_SIGNING_KEY, mintDevToken } from '@dul/auth';
import { validateEnvironment } from '@dul/config';
import { createApp, ManualClock } from '@dul/platform';
import { StandaloneEnvironment } from '../../apps/standalone/standalone.environment';
import { StandaloneModule } from '../../apps/standalone/standalone.module';

export { ManualClock };

export interface LicensingHarness {
  readonly app: NestFastifyApplication;
  readonly clock: ManualClock;
  readonly token: (sub: string, ms: string | null, roles: Role[]) => Promise<string>;
  readonly http: () => ReturnType<typeof request>;
  readonly close: () => Promise<void>;
}

/** The standalone app, as `npm start` wires it, on a fresh store with development tokens. */
export async function startLicensing(
  store: Record<string, string> = {},
  options: { readonly dir?: string; readonly startAt?: Date } = {},
): Promise<LicensingHarness> {
  // A directory passed in outlives this app: a test restarts the product on the same files with it.
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'dul-licensing-'));
  const env = validateEnvironment(StandaloneEnvironment, {
    SQLITE_PATH: join(dir, 'ledger.db'),
    AUTH_DEV_KEY_PATH: join(dir, 'dev-key.json'),
    LOG_LEVEL: 'silent',
    LICENCE_EXPIRY_POLL_MS: '3600000',
    // Suites send hundreds of requests from one address and one token; the rate-limit tests set low limits.
    RATE_LIMIT_PER_ADDRESS: '1000000',
    RATE_LIMIT_PER_PRINCIPAL: '1000000',
    RATE_LIMIT_SCREENING_PER_PRINCIPAL: '1000000',
    SSE_MAX_STREAMS_PER_PRINCIPAL: '100',
    // Each app is its own deployment: suites running side by side on one broker must not share the
    // inbound consumer group, or one app would receive (and write to its own store) the other's messages.
    KAFKA_INBOUND_GROUP: `dul-inbound-test-${randomUUID()}`,
    ...store,
  });
  // Starts at the wall clock: process managers stamp what they derive with the time events were recorded.
  const clock = new ManualClock(options.startAt ?? new Date());
  const app = await createApp(StandaloneModule.forRoot(env, { clock }), env, { title: 'test', description: 'test' });
  const key = app.get<DevSigningKey>(DEV_SIGNING_KEY);
  return {
    app,
    clock,
    token: (sub, ms, roles) => mintDevToken(key, { sub, ms, roles }),
    http: () => request(app.getHttpServer()),
    close: async () => {
      await app.close();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
