import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertStrictlyIncreasing, eventStoreContract, newEvent } from '@dul/event-store/testing';
import { ConcurrencyError } from '../event-store.errors';
import { openSqliteDatabase } from './sqlite-database';
import { SqliteEventStore } from './sqlite-event-store.adapter';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'dul-sqlite-'));
  const store = SqliteEventStore.open(join(dir, 'events.db'));
  return {
    store,
    teardown: async () => {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

describe('SQLite group commit', () => {
  let dir: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'dul-sqlite-group-'));
    const db = openSqliteDatabase(join(dir, 'events.db'));
    store = new SqliteEventStore(db);
  });

  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('concurrent appends commit in one transaction, and one with a wrong expected version fails alone', async () => {
    await store.append('s-taken', [newEvent('E')], 'no-stream');
    const before = { ...store.commitStats };
    const outcomes = await Promise.allSettled([
      store.append('s-1', [newEvent('E'), newEvent('E')], 'no-stream'),
      store.append('s-taken', [newEvent('E')], 'no-stream'), // conflicts: the stream exists
      store.append('s-2', [newEvent('E')], 'no-stream'),
      store.append('s-1', [newEvent('E')], 1), // sees the first append of its own group
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled', 'fulfilled']);
    expect((outcomes[1] as PromiseRejectedResult).reason).toBeInstanceOf(ConcurrencyError);
    // One write transaction (one commit, one fsync) carried all four.
    expect(store.commitStats.commits - before.commits).toBe(1);
    expect(store.commitStats.appends - before.appends).toBe(4);
    // Gap-free global order over what committed; the refused append left nothing behind.
    const all = await store.readAll();
    expect(all.map((event) => event.globalPosition)).toEqual([1, 2, 3, 4, 5]);
    expect(all.map((event) => `${event.streamId}@${event.streamVersion}`)).toEqual([
      's-taken@0',
      's-1@0',
      's-1@1',
      's-2@0',
      's-1@2',
    ]);
    assertStrictlyIncreasing(all);
  });
});
