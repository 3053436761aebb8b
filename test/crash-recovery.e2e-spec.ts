import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { PostgresEventStore, SqliteEventStore } from '@dul/event-store';
import { createTestDatabase, describeWithPostgres } from '../infra/postgres/test-database';
import { startTsProcess, waitForOutput } from './support/standalone-process';

interface Ack {
  stream: string;
  ids: string[];
}

function acknowledged(output: string): Ack[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('ACK '))
    .map((line) => {
      const [, stream, ids] = line.split(' ');
      return { stream: stream as string, ids: (ids as string).split(',') };
    });
}

async function killMidAppends(env: Record<string, string>, minimumAcks: number): Promise<Ack[]> {
  const worker = startTsProcess('test/support/append-worker.ts', env);
  await waitForOutput(worker, 'READY');
  const deadline = Date.now() + 60_000;
  while (acknowledged(worker.output()).length < minimumAcks && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  worker.child.kill('SIGKILL');
  await worker.exited;
  // Only whole lines count: the last one may have been cut by the kill.
  return acknowledged(worker.output().slice(0, worker.output().lastIndexOf('\n') + 1));
}

/**
 * Every acknowledged event is stored, batches are whole, stream versions have no holes. Only the
 * worker's own streams count: the app it boots appends events of its own (the daily root seal of
 * yesterday, one event with its own correlation id), which are no batch of the worker's.
 */
async function assertIntact(store: EventStore, acks: readonly Ack[]): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let batch = await store.readAll({ maxCount: 1000 }); batch.length > 0;) {
    all.push(...batch.filter((event) => event.streamId.startsWith('crash-')));
    batch = await store.readAll({ after: batch.at(-1)?.globalPosition, maxCount: 1000 });
  }
  const stored = new Set(all.map((event) => event.eventId));
  for (const ack of acks) expect(ack.ids.filter((id) => !stored.has(id))).toEqual([]);
  const byCorrelation = new Map<string, number>();
  for (const event of all) {
    const key = event.metadata.correlationId;
    byCorrelation.set(key, (byCorrelation.get(key) ?? 0) + 1);
  }
  expect([...byCorrelation.values()].filter((size) => size !== 3)).toEqual([]);
  const streams = new Set(all.map((event) => event.streamId));
  for (const stream of streams) {
    const versions = (await store.readStream(stream)).map((event) => event.streamVersion);
    expect(versions).toEqual(versions.map((_, i) => i));
  }
  return all;
}

describe('crash recovery: SIGKILL in the middle of appends', () => {
  it('the embedded SQLite store loses no acknowledged event and keeps no half-written batch, across two kills', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-crash-'));
    const path = join(dir, 'ledger.db');
    try {
      const firstRun = await killMidAppends({ STORE_KIND: 'sqlite', SQLITE_PATH: path }, 150);
      expect(firstRun.length).toBeGreaterThanOrEqual(150);
      const store = SqliteEventStore.open(path);
      const afterFirst = await assertIntact(store, firstRun);
      await store.close();

      // Started again on the same file, it carries on, and a second kill is survived too.
      const secondRun = await killMidAppends({ STORE_KIND: 'sqlite', SQLITE_PATH: path }, 100);
      const reopened = SqliteEventStore.open(path);
      const afterSecond = await assertIntact(reopened, [...firstRun, ...secondRun]);
      expect(afterSecond.length).toBeGreaterThan(afterFirst.length);
      await reopened.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 180_000);
});

describeWithPostgres('crash recovery on PostgreSQL: SIGKILL in the middle of appends', () => {
  it('the PostgreSQL store loses no acknowledged event and keeps no half-written batch', async () => {
    const database = await createTestDatabase();
    try {
      const env = { STORE_KIND: 'postgres', DATABASE_URL: database.url };
      const firstRun = await killMidAppends(env, 150);
      const secondRun = await killMidAppends(env, 100);
      const store = await PostgresEventStore.create(database.url);
      await assertIntact(store, [...firstRun, ...secondRun]);
      await store.close();
    } finally {
      await database.drop();
    }
  }, 180_000);
});
