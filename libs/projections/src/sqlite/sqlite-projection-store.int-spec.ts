import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '@dul/event-store';
import { projectionStoreContract } from '@dul/projections/testing';
import { SqliteLeaderLock, SqliteProjectionStore, sqlitePageStatement } from './sqlite-projection-store';

projectionStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dul-proj-'));
  const store = SqliteProjectionStore.open(join(dir, 'read.db'));
  return {
    store,
    teardown: async () => {
      store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SqliteProjectionStore indexes', () => {
  it('reads a list filtered on an indexed field from its index in id order: no scan of every document, no sort', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-proj-index-'));
    const db = openSqliteDatabase(join(dir, 'read.db'));
    const store = new SqliteProjectionStore(db);
    await store.commit('applications', 0, 1, async (tx) => {
      for (let n = 0; n < 200; n++) await tx.put('applications', `a${n}`, { authority: n % 2 === 0 ? 'DE' : 'FR' });
    });
    const plan = (): string => {
      const { sql, params } = sqlitePageStatement('applications', { where: { authority: 'DE' }, limit: 50 });
      return db
        .prepare<unknown[], { detail: string }>(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => row.detail)
        .join('\n');
    };
    expect(plan()).not.toContain('projection_documents_authority');
    await store.ensureIndexes('applications', { equality: ['authority'] });
    expect(plan()).toContain('USING INDEX projection_documents_authority');
    expect(plan()).not.toContain('TEMP B-TREE');
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  it("reads a one-of list through its field's index even where another filtered field has an index the planner would rate higher", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-proj-oneof-'));
    const db = openSqliteDatabase(join(dir, 'read.db'));
    const store = new SqliteProjectionStore(db);
    await store.commit('consultations', 0, 1, async (tx) => {
      for (let n = 0; n < 300; n++) {
        await tx.put('consultations', `c${n}`, { requester: 'DE', status: 'OPEN', applicationId: `a${n}` });
      }
    });
    await store.ensureIndexes('consultations', { equality: ['requester', 'status', 'applicationId'] });
    const query = { where: { requester: 'DE', status: 'OPEN' }, oneOf: { applicationId: ['a7', 'a70', 'a700'] } };
    const statements: string[] = [];
    const prepare = db.prepare.bind(db);
    jest.spyOn(db, 'prepare').mockImplementation((sql: string) => {
      statements.push(sql);
      return prepare(sql);
    });
    expect((await store.findEntries('consultations', query)).map((entry) => entry.id)).toEqual(['c7', 'c70']);
    expect(await store.countDocuments('consultations', query)).toBe(2);
    const [page, count] = statements.filter((sql) => sql.includes('json_each'));
    const plan = (sql: string, params: unknown[]): string =>
      prepare(`EXPLAIN QUERY PLAN ${sql}`)
        .all(...params)
        .map((row) => (row as { detail: string }).detail)
        .join('\n');
    const { sql, params } = sqlitePageStatement(
      'consultations',
      query,
      new Set(['projection_documents_applicationId']),
    );
    expect(sql).toBe(page);
    expect(count).toContain('INDEXED BY projection_documents_applicationId');
    expect(plan(sql, params)).toContain('USING INDEX projection_documents_applicationId');
    // Left to itself (no statistics), the planner would walk every open consultation of DE.
    const unguided = sqlitePageStatement('consultations', query);
    expect(plan(unguided.sql, unguided.params)).not.toContain('projection_documents_applicationId');
    jest.restoreAllMocks();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('SqliteLeaderLock', () => {
  it('lets one holder run a projection and another take over once the holder stops renewing its lease', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-lease-'));
    const path = join(dir, 'lease.db');
    let clock = 1_000;
    const first = new SqliteLeaderLock(openSqliteDatabase(path), 5_000, () => clock);
    const second = new SqliteLeaderLock(openSqliteDatabase(path), 5_000, () => clock);
    expect(await first.tryAcquire('cases')).toBe(true);
    expect(await second.tryAcquire('cases')).toBe(false);
    clock += 4_000;
    expect(await first.tryAcquire('cases')).toBe(true); // renewal
    clock += 4_000;
    expect(await second.tryAcquire('cases')).toBe(false); // renewed lease still valid
    clock += 6_000; // the first holder died and stopped renewing
    expect(await second.tryAcquire('cases')).toBe(true);
    expect(await first.tryAcquire('cases')).toBe(false);
    await second.release('cases');
    expect(await first.tryAcquire('cases')).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});
