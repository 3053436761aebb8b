import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteDatabase } from '@dul/event-store';
import { projectionStoreContract } from '@dul/projections/testing';
import { SqliteLeaderLock, SqliteProjectionStore } from './sqlite-projection-store';

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
