import { Client } from 'pg';
import { randomBytes } from 'node:crypto';
import { adminUrl, dropDatabase, withDatabase } from '../../../../infra/postgres/postgres-admin';
import { createTestDatabase, describeWithPostgres } from '../../../../infra/postgres/test-database';
import type { TestDatabase } from '../../../../infra/postgres/test-database';
import { PostgresEventStore } from '../../../event-store/src/postgres/postgres-event-store.adapter';
import { waitFor } from '../../../event-store/testing/event-store.contract';
import { projectionStoreContract } from '../../testing/projection-store.contract';
import { InMemoryProjectionStore } from '../in-memory-projection-store';
import { CheckpointMovedError } from '../projection.port';
import { PostgresLeaderLock } from './postgres-leader-lock';
import { PostgresProjectionStore, postgresCountStatement, postgresPageStatement } from './postgres-projection-store';

/** A fresh database with the full schema, migrated the way the app does it at boot. */
async function migratedDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  try {
    await (await PostgresEventStore.create(database.url)).close();
  } catch (error) {
    await database.drop();
    throw error;
  }
  return database;
}

/** Like createTestDatabase (same name pattern, so a crashed run's leftovers are swept), but en-US ICU. */
async function createEnglishDatabase(): Promise<TestDatabase> {
  const name = `dul_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl(), (client) =>
    client.query(`CREATE DATABASE ${name} LOCALE_PROVIDER icu ICU_LOCALE 'en-US' TEMPLATE template0`),
  );
  const url = withDatabase(adminUrl(), name);
  await (await PostgresEventStore.create(url)).close();
  return { url, drop: () => dropDatabase(name) };
}

describeWithPostgres('PostgresProjectionStore', () => {
  projectionStoreContract('postgres', async () => {
    const database = await migratedDatabase();
    const store = new PostgresProjectionStore(database.url);
    return {
      store,
      teardown: async () => {
        await store.close();
        await database.drop();
      },
    };
  });

  describe('on PostgreSQL', () => {
    let database: TestDatabase;
    let store: PostgresProjectionStore;
    beforeEach(async () => {
      database = await migratedDatabase();
      store = new PostgresProjectionStore(database.url);
    });
    afterEach(async () => {
      await store.close();
      await database.drop();
    });

    it('a list filtered on an indexed field (equality or one-of) is read from its index in id order and counted without reading documents; a membership filter uses its GIN index', async () => {
      await store.commit('applications', 0, 1, async (tx) => {
        for (let n = 0; n < 200; n++) {
          await tx.put('applications', `a${String(n).padStart(4, '0')}`, {
            authority: n % 2 === 0 ? 'DE' : 'FR',
            recipients: [n % 2 === 0 ? 'NL' : 'IT'],
          });
        }
      });
      await store.ensureIndexes('applications', { equality: ['authority'], membership: ['recipients'] });
      const typed = new Set(['authority']);
      const plan = async (statement: { sql: string; values: unknown[] }): Promise<string> =>
        withClient(database.url, async (client) => {
          await client.query('VACUUM ANALYZE projection_documents');
          // A 200-row table is cheaper to scan: forbid that, so the plan shows whether the index can serve the query at all.
          await client.query('SET enable_seqscan = off');
          const { rows } = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${statement.sql}`, statement.values);
          return rows.map((row) => row['QUERY PLAN']).join('\n');
        });
      const page = await plan(postgresPageStatement('applications', { where: { authority: 'DE' }, limit: 50 }, typed));
      expect(page).toContain('projection_documents_authority');
      expect(page).not.toContain('Sort');
      // The count never reads the documents: an index-only scan of the typed column's index.
      expect(await plan(postgresCountStatement('applications', { where: { authority: 'DE' } }, typed))).toContain(
        'Index Only Scan using projection_documents_authority',
      );
      expect(
        await plan(postgresPageStatement('applications', { contains: { recipients: 'NL' }, limit: 50 }, typed)),
      ).toContain('projection_documents_recipients_members');
      // A one-of filter on a typed field is served by the same index (a page, whose order the primary
      // key can also give, is the planner's choice by selectivity; the count shows the index serves it).
      expect(
        await plan(postgresCountStatement('applications', { oneOf: { authority: ['DE', 'NL'] } }, typed)),
      ).toContain('Index Only Scan using projection_documents_authority');
      expect(await store.countDocuments('applications', { oneOf: { authority: ['DE', 'NL'] } })).toBe(100);
      expect(await store.countDocuments('applications', { where: { authority: 'DE' } })).toBe(100);
      // A string filter matches only strings, through the typed column as through the JSON.
      await store.commit('applications', 1, 2, async (tx) => tx.put('applications', 'n1', { authority: 7 }));
      expect(await store.countDocuments('applications', { where: { authority: '7' } })).toBe(0);
      expect(await store.countDocuments('applications', { oneOf: { authority: ['7'] } })).toBe(0);
      expect(
        (await store.findEntries('applications', { where: { authority: 'DE' }, limit: 2 })).map((e) => e.id),
      ).toEqual(['a0000', 'a0002']);
    });

    it('lets exactly one of two instances committing from the same checkpoint win; the loser does no work', async () => {
      await store.commit('cases', 0, 10, async (tx) => tx.put('cases', 'a', { n: 0 }));
      let releaseFirst = (): void => undefined;
      const firstMayCommit = new Promise<void>((resolve) => {
        releaseFirst = resolve;
      });
      let firstWorking = false;
      const first = store.commit('cases', 10, 20, async (tx) => {
        await tx.put('cases', 'a', { n: 1 });
        firstWorking = true;
        await firstMayCommit;
      });
      // The first has moved the checkpoint (uncommitted) before the second asks for it.
      await waitFor(() => firstWorking);
      let secondWorked = false;
      const second = store.commit('cases', 10, 20, async (tx) => {
        secondWorked = true;
        await tx.put('cases', 'a', { n: 2 });
      });
      await waitFor(async () => (await lockWaiters(database.url)) === 1);
      releaseFirst();
      await first;
      await expect(second).rejects.toEqual(new CheckpointMovedError('cases', 10, 20));
      expect(secondWorked).toBe(false);
      expect(await store.getDocument('cases', 'a')).toEqual({ n: 1 });
      expect(await store.checkpoint('cases')).toBe(20);
    });

    it('matches where-filters by JSON type as strict equality does: 2 is not "2" and true is not "true"', async () => {
      const documents: Record<string, unknown> = {
        num: { id: 'num', n: 2, flag: true },
        str: { id: 'str', n: '2', flag: 'true' },
        frac: { id: 'frac', n: 2.5, flag: false },
        missing: { id: 'missing' },
      };
      await store.commit('cases', 0, 1, async (tx) => {
        for (const [id, doc] of Object.entries(documents)) await tx.put('cases', id, doc);
      });
      // Written by something other than JSON.stringify: numerically 2, spelled 2.0.
      await withClient(database.url, (client) =>
        client.query(`INSERT INTO projection_documents (projection, id, doc) VALUES ('cases', 'spelled', $1::jsonb)`, [
          '{"id": "spelled", "n": 2.0}',
        ]),
      );
      const ids = async (where: Record<string, string | number | boolean>): Promise<string[]> =>
        (await store.findDocuments<{ id: string }>('cases', { where })).map((doc) => doc.id);
      expect(await ids({ n: 2 })).toEqual(['num', 'spelled']);
      expect(await ids({ n: '2' })).toEqual(['str']);
      expect(await ids({ n: 2.5 })).toEqual(['frac']);
      expect(await ids({ flag: true })).toEqual(['num']);
      expect(await ids({ flag: 'true' })).toEqual(['str']);
      expect(await ids({ flag: false, n: 2.5 })).toEqual(['frac']);
      expect(await ids({ n: Number.NaN })).toEqual([]);
      expect(await store.countDocuments('cases', { where: { n: 2 } })).toBe(2);
    });

    it('pages documents in the same id order as the in-memory store, even in a database with a natural-language collation', async () => {
      // An en-US database sorts '_x' first and 'B' after 'b'; code-point order (the in-memory and
      // SQLite stores) puts 'B' and 'Z' before '_x' and every lower-case id.
      const english = await createEnglishDatabase();
      const englishStore = new PostgresProjectionStore(english.url);
      try {
        const ids = ['b', 'B', '_x', 'a-2', 'a10', 'a2', 'Z', 'é', 'e'];
        const memory = new InMemoryProjectionStore();
        for (const target of [englishStore, memory]) {
          await target.commit('cases', 0, 1, async (tx) => {
            for (const id of ids) await tx.put('cases', id, { id });
          });
        }
        const order = async (target: PostgresProjectionStore | InMemoryProjectionStore): Promise<string[]> =>
          (await target.findDocuments<{ id: string }>('cases', { limit: 500 })).map((doc) => doc.id);
        expect(await order(memory)).toEqual(['B', 'Z', '_x', 'a-2', 'a10', 'a2', 'b', 'e', 'é']);
        expect(await order(englishStore)).toEqual(await order(memory));
        expect(
          (await englishStore.findDocuments<{ id: string }>('cases', { limit: 3, offset: 3 })).map((doc) => doc.id),
        ).toEqual(['a-2', 'a10', 'a2']);
      } finally {
        await englishStore.close();
        await english.drop();
      }
    });

    it('prefetch reads a batch of documents in one query; the gets that follow answer from it, and a put in the batch wins', async () => {
      await store.commit('cases', 0, 1, async (tx) => {
        await tx.put('cases', 'a', { n: 1 });
        await tx.put('cases', 'b', { n: 2 });
      });
      const queries = jest.spyOn(Client.prototype, 'query');
      try {
        await store.commit('cases', 1, 2, async (tx) => {
          const before = queries.mock.calls.length;
          await tx.prefetch?.('cases', ['a', 'b', 'missing', 'a']);
          const afterPrefetch = queries.mock.calls.length;
          expect(afterPrefetch - before).toBe(1);
          const a = await tx.get<{ n: number }>('cases', 'a');
          expect(a).toEqual({ n: 1 });
          if (a) a.n = 99; // a copy: the next get does not see the caller's change
          expect(await tx.get('cases', 'a')).toEqual({ n: 1 });
          expect(await tx.get('cases', 'b')).toEqual({ n: 2 });
          expect(await tx.get('cases', 'missing')).toBeNull();
          expect(queries.mock.calls.length).toBe(afterPrefetch);
          await tx.put('cases', 'a', { n: 3 });
          expect(await tx.get('cases', 'a')).toEqual({ n: 3 });
        });
      } finally {
        queries.mockRestore();
      }
      expect(await store.getDocument('cases', 'a')).toEqual({ n: 3 });
    });

    it('stores any JSON document as it was put, arrays and nested values included', async () => {
      const doc = { list: [1, 'two', { three: 3 }], nested: { deep: [null, true] }, text: 'ä € "quoted" \\ slash' };
      await store.commit('cases', 0, 1, async (tx) => {
        await tx.put('cases', 'a', doc);
        await tx.put('cases', 'arr', [1, 2, 3]);
      });
      expect(await store.getDocument('cases', 'a')).toEqual(doc);
      expect(await store.getDocument('cases', 'arr')).toEqual([1, 2, 3]);
    });
  });
});

describeWithPostgres('PostgresLeaderLock', () => {
  let database: TestDatabase;
  const locks: PostgresLeaderLock[] = [];
  const newLock = (): PostgresLeaderLock => {
    const lock = new PostgresLeaderLock(database.url);
    locks.push(lock);
    return lock;
  };
  beforeEach(async () => {
    database = await createTestDatabase();
  });
  afterEach(async () => {
    await Promise.all(locks.splice(0).map((lock) => lock.close()));
    await database.drop();
  });

  it('lets one instance lead a projection while another cannot, and hands over on release', async () => {
    const first = newLock();
    const second = newLock();
    expect(await first.tryAcquire('cases')).toBe(true);
    expect(await first.tryAcquire('cases')).toBe(true); // re-confirmation
    expect(await second.tryAcquire('cases')).toBe(false);
    expect(await second.tryAcquire('licences')).toBe(true); // one lock per projection
    await first.release('cases');
    expect(await second.tryAcquire('cases')).toBe(true);
    expect(await first.tryAcquire('cases')).toBe(false);
  });

  it('answers a dozen runners acquiring and re-confirming at once one query at a time on its one session', async () => {
    const lock = newLock();
    let running = 0;
    let most = 0;
    const original = Client.prototype.query;
    const queries = jest.spyOn(Client.prototype, 'query').mockImplementation(function (
      this: Client,
      ...args: unknown[]
    ) {
      running += 1;
      most = Math.max(most, running);
      const answer = (original as (...a: unknown[]) => Promise<unknown>).apply(this, args);
      return answer.finally(() => (running -= 1)) as never;
    });
    try {
      const names = Array.from({ length: 12 }, (_, i) => `projection-${i}`);
      expect(await Promise.all(names.map((name) => lock.tryAcquire(name)))).toEqual(names.map(() => true));
      expect(await Promise.all(names.map((name) => lock.tryAcquire(name)))).toEqual(names.map(() => true));
    } finally {
      queries.mockRestore();
    }
    expect(most).toBe(1);
  });

  it('hands leadership over when the holder closes its session', async () => {
    const first = newLock();
    const second = newLock();
    expect(await first.tryAcquire('cases')).toBe(true);
    await first.close();
    expect(await second.tryAcquire('cases')).toBe(true);
  });

  it('lets another instance take over when the holder dies, and the former holder learns it lost the lead', async () => {
    const first = newLock();
    const second = newLock();
    expect(await first.tryAcquire('cases')).toBe(true);
    expect(await second.tryAcquire('cases')).toBe(false);

    // The holder's process dies: its session is cut off without any unlock.
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    try {
      const { rows } = await admin.query<{ terminated: boolean }>(
        `SELECT pg_terminate_backend(pid) AS terminated FROM pg_stat_activity
         WHERE datname = current_database() AND application_name = 'dul-leader-lock'
           AND pid IN (SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted)`,
      );
      expect(rows).toEqual([{ terminated: true }]);
    } finally {
      await admin.end();
    }

    await waitFor(() => second.tryAcquire('cases'));
    expect(await first.tryAcquire('cases')).toBe(false);
    await second.close();
    expect(await first.tryAcquire('cases')).toBe(true);
  });
});

async function withClient<T>(url: string, body: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await body(client);
  } finally {
    await client.end();
  }
}

/** Backends of the database waiting for a row or transaction lock. */
function lockWaiters(url: string): Promise<number> {
  return withClient(url, async (client) => {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND wait_event_type = 'Lock' AND pid <> pg_backend_pid()`,
    );
    return rows[0]?.n ?? 0;
  });
}
