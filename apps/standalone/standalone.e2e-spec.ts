import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import type { DevSigningKey } from '@dul/auth';
import { DEV_SIGNING_KEY, mintDevToken } from '@dul/auth';
import { validateEnvironment } from '@dul/config';
import { createApp } from '@dul/platform';
import { startTsProcess, waitForOutput } from '../../test/support/standalone-process';
import { StandaloneEnvironment } from './standalone.environment';
import { StandaloneModule } from './standalone.module';

describe('standalone app on the embedded SQLite store', () => {
  let app: NestFastifyApplication;
  let dir: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dul-standalone-'));
    const env = validateEnvironment(StandaloneEnvironment, {
      SQLITE_PATH: join(dir, 'ledger.db'),
      AUTH_DEV_KEY_PATH: join(dir, 'dev-key.json'),
      LOG_LEVEL: 'silent',
    });
    app = await createApp(StandaloneModule.forRoot(env), env, { title: 'test', description: 'test' });
  });

  afterAll(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('GET /health without a token answers the status of each check and no internals (no file path)', async () => {
    const response = await request(app.getHttpServer()).get('/health').expect(200);
    expect(response.body).toEqual({
      status: 'ok',
      info: { eventStore: { status: 'up' }, projections: { status: 'up' }, integrity: { status: 'up' } },
      error: {},
      details: { eventStore: { status: 'up' }, projections: { status: 'up' }, integrity: { status: 'up' } },
    });
    expect(JSON.stringify(response.body)).not.toContain(dir);
    const forged = await request(app.getHttpServer()).get('/health').set('authorization', 'Bearer a.b.c').expect(200);
    expect(forged.body.info.eventStore).toEqual({ status: 'up' });
  });

  it('GET /health with a valid token answers 200 with the event store up and the projection lag', async () => {
    const token = await mintDevToken(app.get<DevSigningKey>(DEV_SIGNING_KEY), {
      sub: 'ops',
      ms: 'DE',
      roles: ['auditor'],
    });
    const response = await request(app.getHttpServer())
      .get('/health')
      .set('authorization', `Bearer ${token}`)
      .expect(200);
    expect(response.body).toMatchObject({
      status: 'ok',
      info: {
        eventStore: { status: 'up', head: 0 },
        projections: {
          status: 'up',
          runners: [
            expect.objectContaining({ name: 'applications', lag: 0 }),
            expect.objectContaining({ name: 'licences', lag: 0 }),
            expect.objectContaining({ name: 'general-authorisation-registrations', lag: 0 }),
            expect.objectContaining({ name: 'national-general-authorisations', lag: 0 }),
            expect.objectContaining({ name: 'consultations', lag: 0 }),
            expect.objectContaining({ name: 'denials', lag: 0 }),
            expect.objectContaining({ name: 'notifications', lag: 0 }),
            expect.objectContaining({ name: 'report-facts', lag: 0 }),
            expect.objectContaining({ name: 'general-authorisation-facts', lag: 0 }),
          ],
        },
      },
    });
  });

  it('serves the OpenAPI document at /docs', async () => {
    await request(app.getHttpServer()).get('/docs').expect(200).expect('content-type', /html/);
    const spec = await request(app.getHttpServer()).get('/docs/openapi.json').expect(200);
    expect(spec.body.paths).toHaveProperty('/health');
  });

  it('answers an unknown route with a JSON 404, not a crash', async () => {
    const response = await request(app.getHttpServer()).get('/v1/nothing-here').expect(404);
    expect(response.body).toMatchObject({ statusCode: 404 });
  });
});

describe('standalone boot with bad configuration', () => {
  it('stops the boot with exit code 78 and a message naming the variable and what is allowed', async () => {
    const run = startTsProcess('apps/standalone/main.ts', { STORE_KIND: 'mysql', PORT: 'eighty' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toContain("STORE_KIND must be one of sqlite, postgres, eventstoredb (got 'mysql')");
    expect(run.output()).toContain("PORT must be an integer port number (got 'eighty')");
  }, 60_000);

  it('refuses STORE_KIND=postgres without DATABASE_URL', async () => {
    const run = startTsProcess('apps/standalone/main.ts', { STORE_KIND: 'postgres', DATABASE_URL: '' });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/DATABASE_URL must be a postgres:\/\/ or postgresql:\/\/ URL/);
  }, 60_000);

  it('exits 78 in public-key mode without AUTH_ISSUER, naming the setting: a token minted for another application would pass', async () => {
    const { publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const run = startTsProcess('apps/standalone/main.ts', {
      AUTH_MODE: 'public-key',
      AUTH_PUBLIC_KEY: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
      AUTH_AUDIENCE: 'dual-use-ledger',
      AUTH_ISSUER: '',
    });
    expect(await run.exited).toBe(78);
    expect(run.output()).toMatch(/AUTH_ISSUER must be the identity provider's issuer/);
    expect(run.output()).not.toMatch(/AUTH_AUDIENCE must/);
  }, 60_000);

  it('boots for real from its main entry and serves /health', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-boot-'));
    const port = String(30_000 + Math.floor(Math.random() * 20_000));
    const run = startTsProcess('apps/standalone/main.ts', {
      SQLITE_PATH: join(dir, 'ledger.db'),
      PORT: port,
      LOG_LEVEL: 'warn',
    });
    try {
      await waitForOutput(run, 'listening on');
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      expect(response.status).toBe(200);
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
