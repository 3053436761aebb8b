import { Client, Pool } from 'pg';
import { eventStoreContract, newEvent, waitFor } from '../../testing/event-store.contract';
import { createTestDatabase, describeWithPostgres } from '../../../../infra/postgres/test-database';
import type { TestDatabase } from '../../../../infra/postgres/test-database';
import { verifyEventStore } from '../chain-audit';
import { ConcurrencyError } from '../event-store.errors';
import { appendStatement, PostgresEventStore } from './postgres-event-store.adapter';
import {
  ADVISORY_LOCK_NAMESPACE,
  APPEND_LOCK_KEY,
  POSTGRES_MIGRATIONS,
  runPostgresMigrations,
} from './postgres-migrations';

describeWithPostgres('PostgresEventStore', () => {
  // A database per test: ~150 ms each, and nothing (rows, sequences, advisory locks) leaks between tests.
  eventStoreContract('postgres', async () => {
    const database = await createTestDatabase();
    const store = await PostgresEventStore.create(database.url);
    return {
      store,
      teardown: async () => {
        await store.close();
        await database.drop();
      },
    };
  });

  describe('global order on PostgreSQL', () => {
    let database: TestDatabase;
    let store: PostgresEventStore;
    let raw: Client;
    let admin: Client;

    beforeEach(async () => {
      database = await createTestDatabase();
      store = await PostgresEventStore.create(database.url);
      raw = new Client({ connectionString: database.url });
      admin = new Client({ connectionString: database.url });
      await Promise.all([raw.connect(), admin.connect()]);
    });
    afterEach(async () => {
      await Promise.all([raw.end(), admin.end()]);
      await store.close();
      await database.drop();
    });

    /** Backends of this database blocked on an advisory lock: proof of waiting that does not rely on timing. */
    const advisoryWaiters = async (): Promise<number> => {
      const { rows } = await admin.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM pg_stat_activity
         WHERE datname = current_database() AND wait_event_type = 'Lock' AND wait_event = 'advisory'`,
      );
      return rows[0]?.n ?? 0;
    };

    const positions = async (): Promise<number[]> =>
      (await store.readAll({ maxCount: 100_000 })).map((event) => event.globalPosition);

    it('never lets a reader see a later position while an earlier append is still uncommitted: the second append waits for the first to commit', async () => {
      await store.append('case-before', [newEvent('Before')], 'no-stream');
      const before = await positions();

      // An append in flight on another connection, exactly as the adapter writes it, not yet committed.
      await raw.query('BEGIN');
      const { rows } = await raw.query<{ global_position: string }>(
        appendStatement('case-slow', 0, [newEvent('Slow')]),
      );
      const slowPosition = Number(rows[0]?.global_position);

      let fastSettled = false;
      const fast = store.append('case-fast', [newEvent('Fast')], 'no-stream').finally(() => {
        fastSettled = true;
      });
      await waitFor(async () => (await advisoryWaiters()) === 1);

      // While the earlier append is open, the later one is blocked and readers see neither.
      expect(fastSettled).toBe(false);
      expect(await positions()).toEqual(before);
      expect(await store.headPosition()).toBe(before.at(-1));

      await raw.query('COMMIT');
      const fastResult = await fast;
      expect(fastResult.lastGlobalPosition).toBeGreaterThan(slowPosition);
      expect(await positions()).toEqual([...before, slowPosition, fastResult.lastGlobalPosition]);
    });

    it('draws global positions only after taking the append lock, so a waiting append cannot hold a position below one that commits first', async () => {
      // Hold the lock without a position, let the adapter's append queue behind it, then take a
      // position and commit. Had the waiting append drawn its position before the lock, it would be
      // the lower one and become visible after ours: the gap.
      await raw.query('BEGIN');
      await raw.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY]);
      const waiting = store.append('case-waiting', [newEvent('Waiting')], 'no-stream');
      await waitFor(async () => (await advisoryWaiters()) === 1);
      const { rows } = await raw.query<{ global_position: string }>(
        appendStatement('case-holder', 0, [newEvent('Holder')], false),
      );
      await raw.query('COMMIT');
      const holderPosition = Number(rows[0]?.global_position);
      expect((await waiting).lastGlobalPosition).toBeGreaterThan(holderPosition);
    });

    it('control: without the lock a reader sees a position while a lower one is still uncommitted (the sequence-gap bug the lock prevents)', async () => {
      await raw.query('BEGIN');
      const { rows } = await raw.query<{ global_position: string }>(
        appendStatement('case-slow', 0, [newEvent('Slow')], false),
      );
      const slowPosition = Number(rows[0]?.global_position);
      const other = new Client({ connectionString: database.url });
      await other.connect();
      try {
        const fast = await other.query<{ global_position: string }>(
          appendStatement('case-fast', 0, [newEvent('Fast')], false),
        );
        const fastPosition = Number(fast.rows[0]?.global_position);
        expect(fastPosition).toBeGreaterThan(slowPosition);

        // A subscriber reading now checkpoints fastPosition ...
        const seen = await positions();
        expect(seen).toEqual([fastPosition]);
        await raw.query('COMMIT');
        // ... and would never read slowPosition, which appears behind its checkpoint.
        expect(await store.readAll({ after: fastPosition })).toEqual([]);
        expect(await positions()).toEqual([slowPosition, fastPosition]);
      } finally {
        await other.end();
      }
    });

    it('keeps the global order under concurrent single-event appends while a reader checkpoints as it goes', async () => {
      // A reader that only ever asks for positions after the last one it saw must still end up with
      // everything: no event may commit behind its checkpoint.
      const seen: number[] = [];
      let reading = true;
      const reader = (async () => {
        while (reading) {
          const batch = await store.readAll({ after: seen.at(-1) ?? 0, maxCount: 50 });
          seen.push(...batch.map((event) => event.globalPosition));
        }
      })();
      const writers = Array.from({ length: 16 }, async (_, w) => {
        for (let i = 0; i < 40; i++) await store.append(`case-w${w}`, [newEvent()], i === 0 ? 'no-stream' : i - 1);
      });
      await Promise.all(writers);
      const head = await store.headPosition();
      await waitFor(() => seen.at(-1) === head);
      reading = false;
      await reader;
      expect(seen).toEqual(await positions());
      expect(seen).toHaveLength(16 * 40);
    });

    it('commits concurrent appends as one group (one lock, one transaction), and a member whose expected version no longer holds answers 409 without failing the others', async () => {
      // Hold the append lock so the first append waits in flight and the next ones queue behind it.
      await raw.query('BEGIN');
      await raw.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY]);
      const first = store.append('case-first', [newEvent()], 'no-stream');
      await waitFor(async () => (await advisoryWaiters()) === 1);
      const members = Array.from({ length: 6 }, (_, i) =>
        store.append(`case-member${i}`, [newEvent(), newEvent()], 'no-stream'),
      );
      // Two appends that both expect a new stream: whichever the group writes first wins.
      const rivals = [0, 1].map(() => store.append('case-contested', [newEvent()], 'no-stream'));
      const settledRivals = Promise.allSettled(rivals);
      await waitFor(() => store.groupBacklog === 8);
      await raw.query('COMMIT');

      await first;
      const written = await Promise.all(members);
      const [a, b] = await settledRivals;
      const outcomes = [a?.status, b?.status].sort();
      expect(outcomes).toEqual(['fulfilled', 'rejected']);
      const loser = [a, b].find((result) => result?.status === 'rejected') as PromiseRejectedResult;
      expect(loser.reason).toBeInstanceOf(ConcurrencyError);
      expect(written.map((result) => result.nextExpectedVersion)).toEqual([1, 1, 1, 1, 1, 1]);
      expect(await store.readStream('case-contested')).toHaveLength(1);

      // Rows written by one transaction share its xmin: the six members and the winning rival went in
      // one commit, the first append in one of its own.
      const { rows } = await admin.query<{ stream_id: string; tx: string }>(
        'SELECT stream_id, xmin::text AS tx FROM events ORDER BY global_position',
      );
      const groupTx = new Set(rows.filter((row) => row.stream_id !== 'case-first').map((row) => row.tx));
      const firstTx = rows.find((row) => row.stream_id === 'case-first')?.tx;
      expect(groupTx.size).toBe(1);
      expect(groupTx.has(firstTx as string)).toBe(false);
      // And the global order is still gap-free and in commit order.
      expect((await positions()).map((position, index) => position - index)).toEqual(rows.map(() => 1));
    });

    it('sends the writers a group has just answered together in the next group, not the first of them alone', async () => {
      const writers = Array.from({ length: 8 }, async (_, w) => {
        for (let i = 0; i < 10; i++) await store.append(`case-g${w}`, [newEvent()], i === 0 ? 'no-stream' : i - 1);
      });
      await Promise.all(writers);
      // One transaction per group (rows of one commit share its xmin). Taking the queue as soon as a
      // group answered left the writers just answered for a group of their own: 20 groups for 80 appends.
      const { rows } = await admin.query<{ groups: string }>(
        "SELECT count(DISTINCT xmin::text) AS groups FROM events WHERE stream_id LIKE 'case-g%'",
      );
      expect(Number(rows[0]?.groups)).toBeLessThanOrEqual(12);
      expect(await positions()).toHaveLength(80);
    });

    it('fails only the member whose row the database refuses when a group statement fails, and commits the others', async () => {
      await raw.query('BEGIN');
      await raw.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY]);
      const first = store.append('case-first', [newEvent()], 'no-stream');
      await waitFor(async () => (await advisoryWaiters()) === 1);
      const good = [0, 1, 2].map((i) => store.append(`case-good${i}`, [newEvent()], 'no-stream'));
      // jsonb cannot hold U+0000: PostgreSQL refuses the row, and with it the whole group statement.
      const bad = store.append('case-bad', [newEvent('Bad', { text: 'nul \u0000 byte' })], 'no-stream');
      const badSettled = bad.then(
        () => 'stored',
        (error: unknown) => error,
      );
      await waitFor(() => store.groupBacklog === 4);
      await raw.query('COMMIT');
      await first;
      expect((await Promise.all(good)).map((result) => result.nextExpectedVersion)).toEqual([0, 0, 0]);
      expect(await badSettled).toBeInstanceOf(Error);
      expect(await store.readStream('case-bad')).toEqual([]);
    });

    it('retries an append that lost its stream version to a concurrent writer when the expectation is any', async () => {
      const results = await Promise.all(
        Array.from({ length: 8 }, () => store.append('case-shared', [newEvent(), newEvent()], 'any')),
      );
      const versions = (await store.readStream('case-shared')).map((event) => event.streamVersion);
      expect(versions).toEqual(Array.from({ length: 16 }, (_, i) => i));
      expect(results.map((result) => result.nextExpectedVersion).sort((a, b) => a - b)).toEqual([
        1, 3, 5, 7, 9, 11, 13, 15,
      ]);
    });
  });

  describe('one round trip where the stream head is known', () => {
    let database: TestDatabase;
    let pool: Pool;
    let store: PostgresEventStore;
    let other: PostgresEventStore;
    beforeEach(async () => {
      database = await createTestDatabase();
      pool = new Pool({ connectionString: database.url });
      store = await PostgresEventStore.create(pool);
      other = await PostgresEventStore.create(database.url);
    });
    afterEach(async () => {
      await store.close();
      await other.close();
      await pool.end();
      await database.drop();
    });

    const roundTrips = async (work: () => Promise<unknown>): Promise<number> => {
      const queries = jest.spyOn(pool, 'query');
      try {
        await work();
        return queries.mock.calls.length;
      } finally {
        queries.mockRestore();
      }
    };

    it('appends to a new stream, and again to a stream this process appended to last, in one round trip each', async () => {
      expect(await roundTrips(() => store.append('case-fast', [newEvent()], 'no-stream'))).toBe(1);
      expect(await roundTrips(() => store.append('case-fast', [newEvent(), newEvent()], 0))).toBe(1);
      expect(await roundTrips(() => store.append('case-fast', [newEvent()], 'any'))).toBe(1);
      expect(await roundTrips(() => store.append('case-fast', [newEvent()], 'stream-exists'))).toBe(1);
      expect((await store.readStream('case-fast')).map((event) => event.streamVersion)).toEqual([0, 1, 2, 3, 4]);
      expect((await verifyEventStore(store)).ok).toBe(true);
    });

    it('appends in one round trip after a read of the whole stream, as a command does (read, decide, append)', async () => {
      await other.append('case-read', [newEvent(), newEvent()], 'no-stream');
      const events = await store.readStream('case-read');
      expect(await roundTrips(() => store.append('case-read', [newEvent()], events.length - 1))).toBe(1);
      // Another process moved the head: an expectation this process has not seen costs a read first.
      await other.append('case-read', [newEvent()], 2);
      expect(await roundTrips(() => store.append('case-read', [newEvent()], 3))).toBe(2);
      expect((await verifyEventStore(store)).ok).toBe(true);
    });

    it("refuses under the lock an append from a head another process has moved since, and continues the chain from the stream's real head", async () => {
      await store.append('case-shared', [newEvent()], 'no-stream');
      await other.append('case-shared', [newEvent()], 0);
      // This process still remembers version 0; the database refuses that, so it reads and goes on from 1.
      const result = await store.append('case-shared', [newEvent()], 'any');
      expect(result.nextExpectedVersion).toBe(2);
      const [, second, third] = await store.readStream('case-shared');
      expect(third?.prevHash).toBe(second?.hash);
      expect((await verifyEventStore(store)).ok).toBe(true);
    });

    it('answers 409 to an expected version that only this process still believes, and writes nothing', async () => {
      await store.append('case-stale', [newEvent()], 'no-stream');
      await other.append('case-stale', [newEvent()], 0);
      await expect(store.append('case-stale', [newEvent()], 0)).rejects.toBeInstanceOf(ConcurrencyError);
      await expect(store.append('case-stale', [newEvent()], 'no-stream')).rejects.toBeInstanceOf(ConcurrencyError);
      expect(await store.readStream('case-stale')).toHaveLength(2);
    });

    it('answers a retried append with the original result when the retry goes by the fast path', async () => {
      const events = [newEvent(), newEvent()];
      const original = await store.append('case-retry', events, 'no-stream');
      expect(await store.append('case-retry', events, 'no-stream')).toEqual(original);
      expect(await store.append('case-retry', events, 'any')).toEqual(original);
      expect(await store.readStream('case-retry')).toHaveLength(2);
    });
  });

  describe('storage', () => {
    let database: TestDatabase;
    let store: PostgresEventStore;
    beforeEach(async () => {
      database = await createTestDatabase();
      store = await PostgresEventStore.create(database.url);
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    it('round-trips event data through the multi-row insert untouched: quotes, backslashes, braces, newlines, unicode, arrays', async () => {
      const tricky = {
        text: 'a "quoted" \\ back\\slash, {braces}, commas, NULL and\nnewline \u00e4 € 𝄞',
        list: ['{"looks":"like json"}', null, 1.5, true, []],
        nested: { empty: '', array: [[1], [2, [3]]] },
      };
      const batch = [newEvent('Tricky', tricky), newEvent('Plain', 'just a string'), newEvent('Nothing', null)];
      await store.append('case-tricky', batch, 'no-stream');
      expect((await store.readStream('case-tricky')).map((event) => event.data)).toEqual([
        tricky,
        'just a string',
        null,
      ]);
    });

    it('draws positions from a sequence without a per-session cache, which would let a low cached position commit late', async () => {
      const probe = new Client({ connectionString: database.url });
      await probe.connect();
      try {
        const { rows } = await probe.query<{ cache: string }>(
          `SELECT seqcache AS cache FROM pg_sequence
           WHERE seqrelid = pg_get_serial_sequence('events', 'global_position')::regclass`,
        );
        expect(rows).toEqual([{ cache: '1' }]);
      } finally {
        await probe.end();
      }
    });

    it('reports the global position of the last event of a batch and numbers the batch in order', async () => {
      const result = await store.append('case-batch', [newEvent('E0'), newEvent('E1'), newEvent('E2')], 'no-stream');
      const stored = await store.readStream('case-batch');
      expect(stored.map((event) => event.type)).toEqual(['E0', 'E1', 'E2']);
      expect(stored.map((event) => event.globalPosition)).toEqual([1, 2, 3]);
      expect(result).toEqual({ nextExpectedVersion: 2, lastGlobalPosition: 3 });
    });
  });

  describe('migrations', () => {
    it('several instances booting at once migrate the database exactly once', async () => {
      const database = await createTestDatabase();
      const pools = Array.from({ length: 4 }, () => new Pool({ connectionString: database.url, max: 2 }));
      try {
        const reports = await Promise.all(pools.map((pool) => runPostgresMigrations(pool)));
        const newest = POSTGRES_MIGRATIONS.at(-1)?.version;
        expect(reports.flatMap((report) => report.applied).sort()).toEqual(POSTGRES_MIGRATIONS.map((m) => m.version));
        expect(reports.every((report) => report.current === newest)).toBe(true);
        expect(await runPostgresMigrations(pools[0] as Pool)).toEqual({ applied: [], current: newest });
      } finally {
        await Promise.all(pools.map((pool) => pool.end()));
        await database.drop();
      }
    });

    it('refuses to start when an applied migration was edited afterwards', async () => {
      const database = await createTestDatabase();
      const pool = new Pool({ connectionString: database.url, max: 1 });
      try {
        await runPostgresMigrations(pool);
        const edited = POSTGRES_MIGRATIONS.map((m) => (m.version === 1 ? { ...m, sql: `${m.sql}\nSELECT 1;` } : m));
        await expect(runPostgresMigrations(pool, edited)).rejects.toThrow(/Migration 1 \(event_store\) differs/);
      } finally {
        await pool.end();
        await database.drop();
      }
    });
  });
});
