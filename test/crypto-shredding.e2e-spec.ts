import type { Test } from 'supertest';
import { Pool } from 'pg';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE, verifyEventStore } from '@dul/event-store';
import { waitFor } from '@dul/event-store/testing';
import type { Persistence } from '@dul/platform';
import { PERSISTENCE, ProjectionHost } from '@dul/platform';
import * as examples from '../apps/licensing/dto/examples';
import { IntegrationEvents } from '../apps/gateway/integration-events';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../infra/postgres/test-database';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

/** A sole trader: a natural person whose name and address the application carries. */
const PERSON = { name: 'Jana Novakova', address: 'Lindenweg 12, 10115 Berlin' };
const EORI = 'DE990000000077777';

const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];

interface Backend {
  /** Every text the read models hold, one string per document. */
  readonly readModelTexts: () => Promise<string[]>;
  /** Every stored event row's data, as stored. */
  readonly storedEventTexts: () => Promise<string[]>;
  readonly close: () => Promise<void>;
}

function shreddingWalk(name: string, start: () => Promise<{ h: LicensingHarness; backend: Backend }>): void {
  describe(`crypto-shredding: ${name}`, () => {
    let h: LicensingHarness;
    let backend: Backend;
    beforeAll(async () => ({ h, backend } = await start()));
    afterAll(async () => {
      await h.close();
      await backend.close();
    });

    const post = (path: string, token: string, body: unknown): Test =>
      h
        .http()
        .post(path)
        .set(...bearer(token))
        .send(body as object);

    async function streamMessages(): Promise<string> {
      const store = h.app.get<EventStore>(EVENT_STORE);
      const mapper = h.app.get(IntegrationEvents);
      const messages = [];
      for (const event of await store.readAll({ maxCount: 10_000 })) messages.push(...(await mapper.of(event)));
      return JSON.stringify(messages);
    }

    async function caughtUp(): Promise<void> {
      const host = h.app.get(ProjectionHost);
      await waitFor(async () => (await host.status()).every((runner) => runner.lag === 0), 30_000);
    }

    it('erasing a subject leaves no readable copy in read models (after rebuild), reports or stream messages, and the chain still verifies', async () => {
      const alice = await h.token('alice', 'DE', ['caseworker']);
      const bob = await h.token('bob', 'DE', ['approver']);
      const auditor = await h.token('carol', 'DE', ['auditor']);
      const commission = await h.token('analyst', null, ['commission']);
      const content = {
        ...examples.EXAMPLE_APPLICATION_CONTENT,
        exporter: {
          ...examples.EXAMPLE_APPLICATION_CONTENT.exporter,
          ...PERSON,
          identifier: { scheme: 'EORI', value: EORI },
        },
      };
      const submitted = await post('/v1/applications', alice, { kind: 'INDIVIDUAL', content }).expect(201);
      const id = submitted.body.id as string;
      await post(`/v1/applications/${id}/assign`, bob, { caseworker: 'alice' }).expect(200);
      await post(`/v1/applications/${id}/classify`, alice, examples.EXAMPLE_CLASSIFY_ITEM).expect(200);
      await post(`/v1/applications/${id}/propose-decision`, alice, examples.EXAMPLE_PROPOSE_DECISION).expect(200);
      await post(`/v1/applications/${id}/decide`, bob, examples.EXAMPLE_ISSUE_DECISION).expect(200);
      await waitFor(
        async () =>
          (
            await h
              .http()
              .get('/v1/licences')
              .set(...bearer(bob))
          ).body.items?.length === 1,
        30_000,
      );
      await caughtUp();

      // Encrypted at rest from the start; readable through the service while the key exists.
      expect((await backend.storedEventTexts()).filter((text) => text.includes(PERSON.name))).toEqual([]);
      expect((await backend.storedEventTexts()).filter((text) => text.includes(EORI))).toEqual([]);
      const before = await h
        .http()
        .get(`/v1/applications/${id}`)
        .set(...bearer(alice))
        .expect(200);
      expect(JSON.stringify(before.body)).toContain(PERSON.name);
      expect((await backend.readModelTexts()).some((text) => text.includes(PERSON.name))).toBe(true);
      expect(await streamMessages()).toContain(PERSON.name);

      const erased = await post('/v1/privacy/erasures', bob, { name: 'JANA  novakova', country: 'de' }).expect(201);
      expect(erased.body).toMatchObject({ keysErased: 1, subjectId: expect.stringMatching(/^[0-9a-f]{64}$/) });
      await caughtUp();

      const secrets = [PERSON.name, PERSON.address, EORI];
      for (const text of await backend.readModelTexts())
        for (const secret of secrets) expect(text).not.toContain(secret);
      const detail = await h
        .http()
        .get(`/v1/applications/${id}`)
        .set(...bearer(alice))
        .expect(200);
      const history = await h
        .http()
        .get(`/v1/applications/${id}/history`)
        .set(...bearer(alice))
        .expect(200);
      const licences = await h
        .http()
        .get('/v1/licences')
        .set(...bearer(bob))
        .expect(200);
      const report = await h
        .http()
        .get('/v1/reports/annual')
        .query({ year: new Date().getUTCFullYear() })
        .set(...bearer(commission))
        .expect(200);
      const csv = await h
        .http()
        .get('/v1/reports/annual')
        .query({ year: new Date().getUTCFullYear(), format: 'csv' })
        .set(...bearer(commission))
        .expect(200);
      const messages = await streamMessages();
      for (const text of [
        JSON.stringify(detail.body),
        JSON.stringify(history.body),
        JSON.stringify(licences.body),
        JSON.stringify(report.body),
        csv.text,
        messages,
      ]) {
        for (const secret of secrets) expect(text).not.toContain(secret);
      }
      expect(JSON.stringify(detail.body)).toContain('[erased]');
      expect(messages).toContain('[erased]');
      // Parties not erased are untouched.
      expect(JSON.stringify(detail.body)).toContain('Meridional Telecom S.A.');

      const verify = await h
        .http()
        .get('/v1/audit/verify')
        .set(...bearer(auditor))
        .expect(200);
      expect(verify.body).toMatchObject({ ok: true, problems: [] });
      const persistence = h.app.get<Persistence>(PERSISTENCE);
      expect((await verifyEventStore(persistence.rawEvents)).ok).toBe(true);
    }, 120_000);

    it('erasure is refused to a caseworker and names the field of a bad request', async () => {
      const alice = await h.token('alice', 'DE', ['caseworker']);
      const bob = await h.token('bob', 'DE', ['approver']);
      await post('/v1/privacy/erasures', alice, { name: 'x', country: 'DE' }).expect(403);
      const bad = await post('/v1/privacy/erasures', bob, { name: 'x', country: 'Germany' }).expect(400);
      expect(JSON.stringify(bad.body)).toContain('country');
    });
  });
}

shreddingWalk('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dul-shred-'));
  const h = await startLicensing({}, { dir });
  const db = new Database(join(dir, 'ledger.db'), { readonly: true });
  return {
    h,
    backend: {
      readModelTexts: () =>
        Promise.resolve(
          db
            .prepare<[], { doc: string }>('SELECT doc FROM projection_documents')
            .all()
            .map((r) => r.doc),
        ),
      storedEventTexts: () =>
        Promise.resolve(
          db
            .prepare<[], { data: string }>('SELECT data FROM events')
            .all()
            .map((r) => r.data),
        ),
      close: () => {
        db.close();
        rmSync(dir, { recursive: true, force: true });
        return Promise.resolve();
      },
    },
  };
});

describeWithPostgres('postgres', () => {
  let database: TestDatabase;
  shreddingWalk('postgres', async () => {
    database = await createTestDatabase();
    const h = await startLicensing({ STORE_KIND: 'postgres', DATABASE_URL: database.url });
    const pool = new Pool({ connectionString: database.url, max: 1 });
    // The database is dropped (WITH FORCE) at the end: a connection still closing then reports its
    // termination as a pool error, which without a listener failed the suite once (CI, 2026-12-04).
    pool.on('error', () => undefined);
    return {
      h,
      backend: {
        readModelTexts: async () =>
          (await pool.query<{ doc: string }>('SELECT doc::text AS doc FROM projection_documents')).rows.map(
            (r) => r.doc,
          ),
        storedEventTexts: async () =>
          (await pool.query<{ data: string }>('SELECT data::text AS data FROM events')).rows.map((r) => r.data),
        close: async () => {
          await pool.end();
          await database.drop();
        },
      },
    };
  });
});
