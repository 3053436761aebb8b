import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { PostgresEventStore } from '@dul/event-store';
import { newEvent, waitFor } from '@dul/event-store/testing';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../../../../infra/postgres/test-database';
import type { Projection } from '../projection.port';
import { ProjectionRunner } from '../projection-runner';
import { PostgresLeaderLock } from './postgres-leader-lock';
import { PostgresProjectionStore } from './postgres-projection-store';

const countPerStream: Projection<{ id: string; count: number }> = {
  name: 'count-per-stream',
  handles: ['Counted'],
  documentId: (event) => event.streamId,
  evolve: (doc, event) => ({ id: event.streamId, count: (doc?.count ?? 0) + 1 }),
};

describeWithPostgres('projection runner with several service instances on PostgreSQL', () => {
  let database: TestDatabase;
  let events: PostgresEventStore;

  beforeAll(async () => {
    database = await createTestDatabase();
    events = await PostgresEventStore.create(database.url);
  });
  afterAll(async () => {
    await events.close();
    await database.drop();
  });

  it('runs a projection in one instance at a time; when the leader dies another takes over and no event is applied twice or skipped', async () => {
    const instance = (): { runner: ProjectionRunner; lock: PostgresLeaderLock; store: PostgresProjectionStore } => {
      const lock = new PostgresLeaderLock(database.url);
      const store = new PostgresProjectionStore(database.url);
      const runner = new ProjectionRunner(events, store, lock, countPerStream, {
        idlePollMs: 20,
        leaderRetryMs: 100,
        batchSize: 7,
      });
      return { runner, lock, store };
    };
    const first = instance();
    const second = instance();
    first.runner.start();
    await waitFor(() => first.runner.isLeader);
    second.runner.start();

    const streams = Array.from({ length: 4 }, () => `counter-${randomUUID()}`);
    const appendRound = async (): Promise<void> => {
      for (const stream of streams) await events.append(stream, [newEvent('Counted'), newEvent('Other')], 'any');
    };
    for (let round = 0; round < 10; round++) await appendRound();
    await waitFor(async () => (await first.runner.lag()) === 0, 20_000);
    expect(second.runner.isLeader).toBe(false);

    // The leader's process dies: its session ends without a goodbye, so PostgreSQL drops its lock.
    const admin = new Client({ connectionString: database.url });
    await admin.connect();
    await admin.query(
      `SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND granted AND pid <> pg_backend_pid()`,
    );
    await admin.end();
    await first.runner.stop().catch(() => undefined);

    for (let round = 0; round < 10; round++) await appendRound();
    await waitFor(() => second.runner.isLeader, 20_000);
    await waitFor(async () => (await second.runner.lag()) === 0, 20_000);

    const documents = await second.store.findDocuments<{ id: string; count: number }>('count-per-stream');
    expect(documents.map((d) => d.count)).toEqual([20, 20, 20, 20]);
    await second.runner.stop();
    await Promise.all([first.lock.close(), second.lock.close(), first.store.close(), second.store.close()]);
  }, 60_000);
});
