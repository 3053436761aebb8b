import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CloudEvent } from 'cloudevents';
import { validateContractData } from '@dul/contracts';
import { eventHash, merkleRoot } from '@dul/event-store';
import { DailyRootTimer } from '@dul/platform';
import * as examples from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';
import { readSse } from './support/sse-client';
import { startTsProcess } from './support/standalone-process';

const DAY = '2026-11-30';

/**
 * The daily root end to end on the product: the timer seals yesterday, the authorities' stream carries
 * it to every member state, and an authority holding it catches a rewrite the store's own evidence hides.
 */
describe('daily root: sealed, published to the authorities, checked against the published copy', () => {
  let dir: string;
  let h: LicensingHarness;
  let base: string;
  const tokens = { alice: '', auditor: '', fr: '', customs: '' };
  let applicationId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dul-daily-root-'));
    h = await startLicensing({}, { dir, startAt: new Date(`${DAY}T15:00:00Z`) });
    await h.app.listen(0, '127.0.0.1');
    base = (await h.app.getUrl()).replace('[::1]', '127.0.0.1');
    tokens.alice = await h.token('alice', 'DE', ['caseworker']);
    tokens.auditor = await h.token('audit-office', 'FR', ['auditor']);
    tokens.fr = await h.token('fr-caseworker', 'FR', ['caseworker']);
    const created = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${tokens.alice}`)
      .send(examples.EXAMPLE_SUBMIT_APPLICATION)
      .expect(201);
    applicationId = (created.body as { id: string }).id;
    h.clock.set(new Date('2026-12-01T00:05:00Z'));
    expect(await h.app.get(DailyRootTimer).tick()).toBe(1);
  }, 60_000);

  afterAll(async () => {
    await h?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string, token = tokens.auditor) => h.http().get(path).set('authorization', `Bearer ${token}`);

  it('seals yesterday once: GET /v1/audit/roots/{day} answers the root, 404 for a day not sealed, 400 for no day', async () => {
    const sealed = await get(`/v1/audit/roots/${DAY}`).expect(200);
    expect(sealed.body).toMatchObject({
      day: DAY,
      root: expect.stringMatching(/^[0-9a-f]{64}$/),
      algorithm: 'merkle-sha256',
      coveredUpTo: expect.any(Number),
      streamId: `auditroot-${DAY}`,
    });
    expect(await h.app.get(DailyRootTimer).tick()).toBe(0);
    await get('/v1/audit/roots/2026-11-29').expect(404);
    const bad = await get('/v1/audit/roots/yesterday').expect(400);
    expect(bad.body.message).toMatch(/day must be a UTC day/);
  });

  it("publishes the root on the authorities stream to every member state (here FR's caseworker), as the contract says", async () => {
    const messages = await readSse(
      `${base}/v1/streams/authorities`,
      { authorization: `Bearer ${tokens.fr}` },
      1,
      10_000,
    );
    const root = messages.find((message) => message.event === 'eu.dual-use.audit.daily-root-sealed.v1');
    expect(root).toBeDefined();
    const cloudEvent = new CloudEvent(root?.data as Record<string, unknown>);
    const stored = await get(`/v1/audit/roots/${DAY}`).expect(200);
    expect(cloudEvent.data).toMatchObject({ day: DAY, root: stored.body.root, coveredUpTo: stored.body.coveredUpTo });
    expect(validateContractData(cloudEvent.type as 'eu.dual-use.audit.daily-root-sealed.v1', cloudEvent.data)).toEqual({
      valid: true,
      errors: [],
    });
  });

  it('refuses a published-root check missing a field or with a malformed root, naming it (400)', async () => {
    const missing = await get(`/v1/audit/verify?day=${DAY}&root=${'a'.repeat(64)}`).expect(400);
    expect(JSON.stringify(missing.body)).toMatch(/coveredUpTo/);
    const malformed = await get(`/v1/audit/verify?day=${DAY}&root=XYZ&coveredUpTo=3`).expect(400);
    expect(JSON.stringify(malformed.body)).toMatch(/root must be 64 lowercase hex digits/);
  });

  it('an untampered store passes against the published root; after a rewrite with every hash and the stored root recomputed it does not', async () => {
    const published = (await get(`/v1/audit/roots/${DAY}`).expect(200)).body as {
      root: string;
      coveredUpTo: number;
    };
    const check = `/v1/audit/verify?day=${DAY}&root=${published.root}&coveredUpTo=${published.coveredUpTo}`;
    expect((await get(check).expect(200)).body).toMatchObject({ ok: true, publishedRootsChecked: 1, problems: [] });
    await h.close();

    // As the file's owner: edit the application's last event (quantity 2 -> 2000) with its hash recomputed,
    // then re-seal the stored root so that the store's own evidence agrees with the forgery.
    const db = new Database(join(dir, 'ledger.db'));
    db.exec('DROP TRIGGER events_append_only_update');
    type Row = {
      event_id: string;
      stream_id: string;
      stream_version: number;
      type: string;
      schema_version: number;
      data: string;
      metadata: string;
      prev_hash: string | null;
    };
    const rehash = (row: Row, data: unknown) =>
      eventHash({
        eventId: row.event_id,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        type: row.type,
        schemaVersion: row.schema_version,
        data,
        metadata: JSON.parse(row.metadata) as unknown,
        prevHash: row.prev_hash,
      });
    const last = db
      .prepare('SELECT * FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1')
      .get(`application-${applicationId}`) as Row;
    const forged: unknown = JSON.parse(last.data.replace('"quantity":2', '"quantity":2000'));
    expect(JSON.stringify(forged)).toContain('"quantity":2000');
    db.prepare('UPDATE events SET data = ?, hash = ? WHERE event_id = ?').run(
      JSON.stringify(forged),
      rehash(last, forged),
      last.event_id,
    );
    // The root over the forged heads as of the same position, written over the stored one, hash and all.
    const heads = db
      .prepare(
        `SELECT e.stream_id AS streamId, e.stream_version AS streamVersion, e.hash AS hash FROM events e
         WHERE e.global_position <= ? AND e.stream_version = (SELECT max(stream_version) FROM events x
           WHERE x.stream_id = e.stream_id AND x.global_position <= ?)`,
      )
      .all(published.coveredUpTo, published.coveredUpTo) as { streamId: string; streamVersion: number; hash: string }[];
    const rootRow = db.prepare('SELECT * FROM events WHERE stream_id = ?').get(`auditroot-${DAY}`) as Row;
    const resealed = { ...(JSON.parse(rootRow.data) as object), root: merkleRoot(heads) };
    expect(resealed.root).not.toBe(published.root);
    db.prepare('UPDATE events SET data = ?, hash = ? WHERE event_id = ?').run(
      JSON.stringify(resealed),
      rehash(rootRow, resealed),
      rootRow.event_id,
    );
    db.close();

    h = await startLicensing({}, { dir, startAt: new Date('2026-12-01T00:10:00Z') });
    // The store's own evidence agrees with the forgery: chains and its stored roots verify.
    expect((await get('/v1/audit/verify').expect(200)).body).toMatchObject({ ok: true });
    const tampered = (await get(check).expect(200)).body as { ok: boolean; problems: { detail: string }[] };
    expect(tampered.ok).toBe(false);
    expect(tampered.problems.map((problem) => problem.detail)).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^the published daily root of 2026-11-30 .*: history before it was rewritten$/),
        expect.stringMatching(/is not the one published .*: the root event was rewritten$/),
      ]),
    );

    // The same check from the CLI, with the message as the authority received it (the whole CloudEvent works too).
    const cli = startTsProcess('apps/standalone/cli/verify-cli.ts', { SQLITE_PATH: join(dir, 'ledger.db') }, [
      '--published-root',
      JSON.stringify({ data: { day: DAY, root: published.root, coveredUpTo: published.coveredUpTo } }),
    ]);
    expect(await cli.exited).toBe(1);
    expect(cli.output()).toMatch(/altered {3}auditroot-2026-11-30 version 0: the published daily root of 2026-11-30/);
    expect(cli.output()).toMatch(/DAMAGED \(2 problems\).*1 published ones/s);
  }, 150_000);
});
