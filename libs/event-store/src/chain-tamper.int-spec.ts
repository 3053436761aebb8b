import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Pool } from 'pg';
import { newEvent } from '@dul/event-store/testing';
import { createTestDatabase, describeWithPostgres } from '../../../infra/postgres/test-database';
import { checkNewestEvents, sealDailyRoot, verifyEventStore } from './chain-audit';
import type { EventStore } from './event-store.port';
import { eventHash, merkleRoot } from './hash-chain';
import { PostgresEventStore } from './postgres/postgres-event-store.adapter';
import { openSqliteDatabase } from './sqlite/sqlite-database';
import type { SqliteDatabase } from './sqlite/sqlite-database';
import { SqliteEventStore } from './sqlite/sqlite-event-store.adapter';

/**
 * Tampering as someone with owner rights on the database would do it: switch the append-only
 * trigger off, then edit, delete, insert or reorder rows directly. verify must name each change.
 */
interface Tamperer {
  readonly store: EventStore;
  /** Runs SQL with the trigger still on (what the application's connection could do). */
  readonly asApplication: (sql: string, params?: unknown[]) => Promise<void>;
  /** Runs SQL after disabling the append-only trigger, as an attacker with owner rights. */
  readonly asOwner: (sql: string, params?: unknown[]) => Promise<void>;
  /** The placeholder for parameter n (1-based). */
  readonly p: (n: number) => string;
  readonly teardown: () => Promise<void>;
}

async function seed(store: EventStore): Promise<void> {
  for (const stream of ['licence-a', 'licence-b', 'licence-c']) {
    await store.append(
      stream,
      [0, 1, 2, 3].map((n) => newEvent(`Step${n}`, { quantity: 2, n })),
      'no-stream',
    );
  }
}

function tamperSuite(name: string, open: () => Promise<Tamperer>): void {
  describe(`hash chain against tampering: ${name}`, () => {
    let t: Tamperer;
    beforeEach(async () => {
      t = await open();
      await seed(t.store);
    });
    afterEach(async () => t.teardown());

    it('an untouched store verifies', async () => {
      const report = await verifyEventStore(t.store);
      expect(report).toMatchObject({ ok: true, eventsChecked: 12, streams: 3, problems: [] });
    });

    it('the application cannot UPDATE or DELETE event rows: the trigger refuses', async () => {
      await expect(t.asApplication("UPDATE events SET type = 'X'")).rejects.toThrow(/append-only/);
      await expect(t.asApplication('DELETE FROM events')).rejects.toThrow(/append-only/);
      expect((await verifyEventStore(t.store)).ok).toBe(true);
    });

    it('an edited event (quantity 2 -> 2000) is named as altered with its stream and version', async () => {
      await t.asOwner(`UPDATE events SET data = ${t.p(1)} WHERE stream_id = 'licence-a' AND stream_version = 1`, [
        JSON.stringify({ quantity: 2000, n: 1 }),
      ]);
      const report = await verifyEventStore(t.store);
      expect(report.ok).toBe(false);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'altered', streamId: 'licence-a', streamVersion: 1 }),
      ]);
      const boot = await checkNewestEvents(t.store);
      expect(boot.ok).toBe(false);
    });

    it('an edited event whose hash was recomputed is still named: its successor links to the original', async () => {
      const [original] = await t.store.readStream('licence-a', { fromVersion: 1, maxCount: 1 });
      const forgedData = { quantity: 2000, n: 1 };
      const forgedHash = eventHash({
        eventId: original!.eventId,
        streamId: 'licence-a',
        streamVersion: 1,
        type: original!.type,
        schemaVersion: 1,
        data: forgedData,
        metadata: original!.metadata,
        prevHash: original!.prevHash ?? null,
      });
      await t.asOwner(
        `UPDATE events SET data = ${t.p(1)}, hash = ${t.p(2)} WHERE stream_id = 'licence-a' AND stream_version = 1`,
        [JSON.stringify(forgedData), forgedHash],
      );
      const report = await verifyEventStore(t.store);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'altered', streamId: 'licence-a', streamVersion: 1 }),
      ]);
    });

    it('a deleted event is named as removed with its stream and version', async () => {
      await t.asOwner(`DELETE FROM events WHERE stream_id = 'licence-b' AND stream_version = 2`);
      const report = await verifyEventStore(t.store);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'removed', streamId: 'licence-b', streamVersion: 2 }),
      ]);
    });

    it('a deleted last event is caught by the daily root sealed before it', async () => {
      await sealDailyRoot(t.store, '2026-12-01');
      expect((await verifyEventStore(t.store)).ok).toBe(true);
      await t.asOwner(`DELETE FROM events WHERE stream_id = 'licence-c' AND stream_version = 3`);
      const report = await verifyEventStore(t.store);
      expect(report.problems).toEqual([
        expect.objectContaining({
          kind: 'altered',
          streamId: 'auditroot-2026-12-01',
          detail: expect.stringMatching(/rewritten/),
        }),
      ]);
    });

    describe('against a root published to the authorities', () => {
      /** What another authority received on its topic: the sealed root's day, root and position. */
      const publish = async () => {
        const { data } = await sealDailyRoot(t.store, '2026-12-01');
        return { day: data.day, root: data.root, coveredUpTo: data.coveredUpTo };
      };

      it('an untampered store still produces the published root, also after later appends', async () => {
        const published = await publish();
        await t.store.append('licence-a', [newEvent('Step4', { quantity: 2, n: 4 })], 3);
        await t.store.append('licence-d', [newEvent('Step0', { quantity: 2, n: 0 })], 'no-stream');
        const report = await verifyEventStore(t.store, { publishedRoots: [published] });
        expect(report).toMatchObject({ ok: true, publishedRootsChecked: 1, problems: [] });
      });

      it('an event before the root rewritten with every hash recomputed and the stored root re-sealed passes the chains, but not the published root', async () => {
        const published = await publish();
        // The owner edits licence-c's last event and recomputes its hash (no successor links to it) ...
        const [last] = await t.store.readStream('licence-c', { fromVersion: 3, maxCount: 1 });
        const forgedData = { quantity: 2000, n: 3 };
        const forgedHash = eventHash({
          eventId: last!.eventId,
          streamId: 'licence-c',
          streamVersion: 3,
          type: last!.type,
          schemaVersion: 1,
          data: forgedData,
          metadata: last!.metadata,
          prevHash: last!.prevHash ?? null,
        });
        await t.asOwner(
          `UPDATE events SET data = ${t.p(1)}, hash = ${t.p(2)} WHERE stream_id = 'licence-c' AND stream_version = 3`,
          [JSON.stringify(forgedData), forgedHash],
        );
        // ... then re-seals the stored root over the forged heads, with its hash recomputed too.
        const [stored] = await t.store.readStream('auditroot-2026-12-01', { maxCount: 1 });
        const heads = await Promise.all(
          ['licence-a', 'licence-b', 'licence-c'].map(async (streamId) => {
            const [head] = await t.store.readStream(streamId, { fromVersion: 3, maxCount: 1 });
            return { streamId, streamVersion: 3, hash: head!.hash ?? null };
          }),
        );
        const resealed = { ...(stored!.data as object), root: merkleRoot(heads) };
        const resealedHash = eventHash({
          eventId: stored!.eventId,
          streamId: stored!.streamId,
          streamVersion: 0,
          type: stored!.type,
          schemaVersion: 1,
          data: resealed,
          metadata: stored!.metadata,
          prevHash: null,
        });
        await t.asOwner(
          `UPDATE events SET data = ${t.p(1)}, hash = ${t.p(2)} WHERE stream_id = 'auditroot-2026-12-01'`,
          [JSON.stringify(resealed), resealedHash],
        );

        // The store's own evidence is consistent again: that is the attack.
        expect((await verifyEventStore(t.store)).ok).toBe(true);
        // The root the other authorities hold is not.
        const report = await verifyEventStore(t.store, { publishedRoots: [published] });
        expect(report.ok).toBe(false);
        expect(report.problems).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              kind: 'altered',
              streamId: 'auditroot-2026-12-01',
              detail: expect.stringMatching(
                /^the published daily root of 2026-12-01 .* no longer matches the stream heads up to position \d+ .*: history before it was rewritten$/,
              ),
            }),
            expect.objectContaining({
              kind: 'altered',
              streamId: 'auditroot-2026-12-01',
              detail: expect.stringMatching(/is not the one published .*: the root event was rewritten$/),
            }),
          ]),
        );
        expect(report.problems).toHaveLength(2);
      });

      it('a stream head edited before the root with its hash recomputed is named by the published root', async () => {
        const published = await publish();
        const [head] = await t.store.readStream('licence-b', { fromVersion: 3, maxCount: 1 });
        const forgedData = { quantity: 2000, n: 3 };
        await t.asOwner(
          `UPDATE events SET data = ${t.p(1)}, hash = ${t.p(2)} WHERE stream_id = 'licence-b' AND stream_version = 3`,
          [
            JSON.stringify(forgedData),
            eventHash({
              eventId: head!.eventId,
              streamId: 'licence-b',
              streamVersion: 3,
              type: head!.type,
              schemaVersion: 1,
              data: forgedData,
              metadata: head!.metadata,
              prevHash: head!.prevHash ?? null,
            }),
          ],
        );
        // No successor links to a head: only the roots see it, the stored one and the published one.
        const report = await verifyEventStore(t.store, { publishedRoots: [published] });
        expect(
          report.problems.map((problem) => [problem.kind, problem.streamId, problem.detail.split(' (')[0]]),
        ).toEqual(
          expect.arrayContaining([
            ['altered', 'auditroot-2026-12-01', 'the daily root of 2026-12-01'],
            ['altered', 'auditroot-2026-12-01', 'the published daily root of 2026-12-01'],
          ]),
        );
        expect(report.problems).toHaveLength(2);
      });

      it('a removed root event is named against the published root', async () => {
        const published = await publish();
        await t.asOwner(`DELETE FROM events WHERE stream_id = 'auditroot-2026-12-01'`);
        const report = await verifyEventStore(t.store, { publishedRoots: [published] });
        expect(report.problems).toEqual(
          expect.arrayContaining([
            expect.objectContaining({
              kind: 'removed',
              streamId: 'auditroot-2026-12-01',
              detail: expect.stringMatching(/holds no root of that day: the root event was removed$/),
            }),
          ]),
        );
      });
    });

    it('a row inserted without a hash is named as inserted', async () => {
      const forged = newEvent('Forged', { quantity: 2000 });
      await t.asApplication(
        `INSERT INTO events (event_id, stream_id, stream_version, ${name === 'sqlite' ? 'category, ' : ''}type, schema_version, data, metadata${name === 'sqlite' ? ', recorded_at' : ''})
         VALUES (${t.p(1)}, 'licence-c', 4, ${name === 'sqlite' ? "'licence', " : ''}'Forged', 1, ${t.p(2)}, ${t.p(3)}${name === 'sqlite' ? ", '2026-12-01T00:00:00Z'" : ''})`,
        [forged.eventId, JSON.stringify(forged.data), JSON.stringify(forged.metadata)],
      );
      const report = await verifyEventStore(t.store);
      expect(report.problems).toEqual([
        expect.objectContaining({ kind: 'inserted', streamId: 'licence-c', streamVersion: 4 }),
      ]);
    });

    it('an event spliced into the middle with a correctly computed hash is named as inserted; the shifted ones as reordered', async () => {
      const [v1] = await t.store.readStream('licence-c', { fromVersion: 1, maxCount: 1 });
      // Make room at version 2 by moving versions 2 and 3 up by one (highest first: unique key).
      await t.asOwner(`UPDATE events SET stream_version = 4 WHERE stream_id = 'licence-c' AND stream_version = 3`);
      await t.asOwner(`UPDATE events SET stream_version = 3 WHERE stream_id = 'licence-c' AND stream_version = 2`);
      const forged = newEvent('Forged', { quantity: 2000 });
      const hash = eventHash({
        eventId: forged.eventId,
        streamId: 'licence-c',
        streamVersion: 2,
        type: 'Forged',
        schemaVersion: 1,
        data: forged.data,
        metadata: forged.metadata,
        prevHash: v1!.hash ?? null,
      });
      await t.asOwner(
        `INSERT INTO events (event_id, stream_id, stream_version, ${name === 'sqlite' ? 'category, ' : ''}type, schema_version, data, metadata, prev_hash, hash${name === 'sqlite' ? ', recorded_at' : ''})
         VALUES (${t.p(1)}, 'licence-c', 2, ${name === 'sqlite' ? "'licence', " : ''}'Forged', 1, ${t.p(2)}, ${t.p(3)}, ${t.p(4)}, ${t.p(5)}${name === 'sqlite' ? ", '2026-12-01T00:00:00Z'" : ''})`,
        [forged.eventId, JSON.stringify(forged.data), JSON.stringify(forged.metadata), v1!.hash, hash],
      );
      const report = await verifyEventStore(t.store);
      expect(report.problems).toEqual(
        expect.arrayContaining([
          expect.objectContaining({
            kind: 'inserted',
            streamId: 'licence-c',
            streamVersion: 2,
            eventId: forged.eventId,
          }),
          expect.objectContaining({ kind: 'reordered', streamId: 'licence-c', streamVersion: 3 }),
          expect.objectContaining({ kind: 'reordered', streamId: 'licence-c', streamVersion: 4 }),
        ]),
      );
      expect(report.problems.every((problem) => problem.streamId === 'licence-c')).toBe(true);
    });

    it('two swapped events are named as reordered', async () => {
      await t.asOwner(`UPDATE events SET stream_version = 100 WHERE stream_id = 'licence-a' AND stream_version = 1`);
      await t.asOwner(`UPDATE events SET stream_version = 1 WHERE stream_id = 'licence-a' AND stream_version = 2`);
      await t.asOwner(`UPDATE events SET stream_version = 2 WHERE stream_id = 'licence-a' AND stream_version = 100`);
      const report = await verifyEventStore(t.store);
      const named = report.problems.map((problem) => [problem.kind, problem.streamId, problem.streamVersion]);
      expect(named).toEqual(
        expect.arrayContaining([
          ['reordered', 'licence-a', 1],
          ['reordered', 'licence-a', 2],
        ]),
      );
      expect(named.every(([kind, stream]) => kind === 'reordered' && stream === 'licence-a')).toBe(true);
    });
  });
}

tamperSuite('sqlite', () => {
  const dir = mkdtempSync(join(tmpdir(), 'dul-tamper-'));
  const path = join(dir, 'events.db');
  const store = SqliteEventStore.open(path);
  const attacker: SqliteDatabase = openSqliteDatabase(path);
  // async so a refused statement arrives as a rejected promise, as it does from pg. The refusal is
  // re-thrown as an Error of this test's realm: better-sqlite3's addon keeps the SqliteError
  // constructor of the first test file that loaded it in a Jest worker, and in later files that
  // object is no Error here, so `rejects.toThrow` could not see it (the test then failed by order).
  const run = async (sql: string, params: unknown[] = []) => {
    try {
      attacker.prepare(sql).run(...params);
    } catch (refusal) {
      throw new Error(String((refusal as { message?: unknown }).message ?? refusal));
    }
  };
  return Promise.resolve({
    store,
    asApplication: run,
    asOwner: (sql, params) => {
      attacker.exec(
        'DROP TRIGGER IF EXISTS events_append_only_update; DROP TRIGGER IF EXISTS events_append_only_delete;',
      );
      return run(sql, params);
    },
    p: () => '?',
    teardown: async () => {
      attacker.close();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  });
});

describeWithPostgres('postgres', () => {
  tamperSuite('postgres', async () => {
    const database = await createTestDatabase();
    const store = await PostgresEventStore.create(database.url);
    const pool = new Pool({ connectionString: database.url, max: 1 });
    return {
      store,
      asApplication: async (sql, params) => {
        await pool.query(sql, params);
      },
      asOwner: async (sql, params) => {
        await pool.query('ALTER TABLE events DISABLE TRIGGER events_append_only');
        await pool.query(sql, params);
      },
      p: (n) => `$${n}`,
      teardown: async () => {
        await pool.end();
        await store.close();
        await database.drop();
      },
    };
  });
});
