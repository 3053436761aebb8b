import { randomUUID } from 'node:crypto';
import { InMemoryEventStore, type StoredEvent } from '@dul/event-store';
import { newEvent, waitFor } from '@dul/event-store/testing';
import { InMemoryProjectionStore, InProcessLeaderLock } from './in-memory-projection-store';
import type { Projection } from './projection.port';
import { CheckpointMovedError } from './projection.port';
import { ProjectionRunner } from './projection-runner';

interface CaseDocument {
  id: string;
  status: string;
  events: number;
}

const caseQueue: Projection<CaseDocument> = {
  name: 'case-queue',
  handles: ['Opened', 'Closed', 'Purged'],
  documentId: (event: StoredEvent) => event.streamId,
  evolve: (doc, event) => {
    switch (event.type) {
      case 'Opened':
        return { id: event.streamId, status: 'OPEN', events: 1 };
      case 'Closed':
        return doc && { ...doc, status: 'CLOSED', events: doc.events + 1 };
      case 'Purged':
        return null;
      default:
        return doc;
    }
  },
};

describe('ProjectionRunner', () => {
  let events: InMemoryEventStore;
  let documents: InMemoryProjectionStore;
  const runner = (lock = new InProcessLeaderLock()): ProjectionRunner =>
    new ProjectionRunner(events, documents, lock, caseQueue, { idlePollMs: 5, leaderRetryMs: 5, batchSize: 2 });

  beforeEach(() => {
    events = new InMemoryEventStore();
    documents = new InMemoryProjectionStore();
  });

  it('given events, builds the documents and moves the checkpoint past events it does not handle', async () => {
    await events.append('case-1', [newEvent('Opened'), newEvent('Noise'), newEvent('Closed')], 'no-stream');
    await events.append('case-2', [newEvent('Opened')], 'no-stream');
    await events.append('case-3', [newEvent('Opened'), newEvent('Purged')], 'no-stream');
    await events.append('other-1', [newEvent('Noise')], 'no-stream');
    const projection = runner();
    await projection.catchUp();
    expect(await documents.findDocuments('case-queue')).toEqual([
      { id: 'case-1', status: 'CLOSED', events: 2 },
      { id: 'case-2', status: 'OPEN', events: 1 },
    ]);
    expect(await documents.checkpoint('case-queue')).toBe(7);
    expect(await projection.lag()).toBe(0);
  });

  it('as leader, creates the indexes its projection declares once, before applying its first batch', async () => {
    const calls: string[] = [];
    const ensureIndexes = jest.spyOn(documents, 'ensureIndexes').mockImplementation(async (name, indexes) => {
      calls.push(`index ${name} ${JSON.stringify(indexes)}`);
    });
    const commit = documents.commit.bind(documents);
    jest.spyOn(documents, 'commit').mockImplementation(async (...args) => {
      calls.push('commit');
      return commit(...args);
    });
    await events.append('case-1', [newEvent('Opened')], 'no-stream');
    const indexed = new ProjectionRunner(
      events,
      documents,
      new InProcessLeaderLock(),
      { ...caseQueue, name: 'indexed-queue', indexes: { equality: ['status'] } },
      { idlePollMs: 5, leaderRetryMs: 5 },
    );
    indexed.start();
    await waitFor(async () => (await documents.checkpoint('indexed-queue')) === 1);
    await events.append('case-2', [newEvent('Opened')], 'no-stream');
    await waitFor(async () => (await documents.checkpoint('indexed-queue')) === 2);
    await indexed.stop();
    expect(calls[0]).toBe('index indexed-queue {"equality":["status"]}');
    expect(ensureIndexes).toHaveBeenCalledTimes(1);
    expect(calls.filter((call) => call === 'commit').length).toBeGreaterThanOrEqual(2);
  });

  it('reports its lag as positions behind the head', async () => {
    await events.append('case-1', [newEvent('Opened'), newEvent('Closed'), newEvent('Noise')], 'no-stream');
    const projection = runner();
    expect(await projection.lag()).toBe(3);
    await projection.runOnce();
    expect(await projection.lag()).toBe(1);
  });

  it('rebuilds from zero to the same documents', async () => {
    await events.append('case-1', [newEvent('Opened'), newEvent('Closed')], 'no-stream');
    const projection = runner();
    await projection.catchUp();
    const before = await documents.findDocuments('case-queue');
    await documents.commit('case-queue', 2, 2, async (tx) => tx.put('case-queue', 'junk', { id: 'junk' }));
    await projection.rebuild();
    expect(await documents.findDocuments('case-queue')).toEqual(before);
  });

  it('runs a projection in one instance at a time and hands over when the leader stops', async () => {
    const first = runner(new InProcessLeaderLock());
    const second = runner(new InProcessLeaderLock());
    first.start();
    await waitFor(() => first.isLeader);
    second.start();
    await events.append(`case-${randomUUID()}`, [newEvent('Opened')], 'no-stream');
    await waitFor(async () => (await documents.countDocuments('case-queue')) === 1);
    expect(second.isLeader).toBe(false);
    await first.stop();
    await waitFor(() => second.isLeader);
    await events.append(`case-${randomUUID()}`, [newEvent('Opened')], 'no-stream');
    await waitFor(async () => (await documents.countDocuments('case-queue')) === 2);
    await second.stop();
  });

  describe('quiet fan-out', () => {
    /** Counts the writes a runner makes through the store. */
    class CountingStore extends InMemoryProjectionStore {
      commits = 0;
      checkpointReads = 0;
      override commit(...args: Parameters<InMemoryProjectionStore['commit']>): Promise<void> {
        this.commits++;
        return super.commit(...args);
      }
      override checkpoint(projection: string): Promise<number> {
        this.checkpointReads++;
        return super.checkpoint(projection);
      }
    }

    it('keeps its durable checkpoint between its own commits: a wake costs no read of it', async () => {
      const store = new CountingStore();
      const runner = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue, {
        idleCheckpointMs: 0,
      });
      for (let i = 0; i < 10; i++) {
        await events.append(`case-${i}`, [newEvent('Opened'), newEvent('Noise')], 'no-stream');
        expect(await runner.runOnce()).toBe(1);
        expect(await runner.runOnce()).toBe(0);
      }
      expect(store.checkpointReads).toBe(1);
      expect(await store.checkpoint('case-queue')).toBe(20);
      expect(await store.countDocuments('case-queue')).toBe(10);
    });

    it('a kept checkpoint made stale by another instance is refused by the compare-and-set, and no event is applied twice', async () => {
      const store = new CountingStore();
      const runner = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue, {
        idleCheckpointMs: 0,
      });
      await events.append('case-1', [newEvent('Opened')], 'no-stream');
      expect(await runner.runOnce()).toBe(1);
      // Another instance (it held the lock meanwhile) applies the next event and moves the checkpoint.
      await events.append('case-1', [newEvent('Closed')], 0);
      const other = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue);
      expect(await other.runOnce()).toBe(1);
      await events.append('case-1', [newEvent('Closed')], 1);
      await expect(runner.runOnce()).rejects.toBeInstanceOf(CheckpointMovedError);
      expect(await runner.runOnce()).toBe(1);
      expect(await store.getDocument('case-queue', 'case-1')).toEqual({ id: 'case-1', status: 'CLOSED', events: 3 });
      expect(await store.checkpoint('case-queue')).toBe(3);
    });

    it('an idle projection writes nothing for events it does not handle until its idle checkpoint is due', async () => {
      const store = new CountingStore();
      let now = 0;
      const idle = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue, {
        batchSize: 10,
        idleCheckpointMs: 1000,
        clock: () => now,
      });
      now = 5000;
      await idle.runOnce(); // nothing stored yet: nothing to read, nothing to write
      now = 5001;
      for (let i = 0; i < 20; i++) {
        await events.append(`other-${i}`, [newEvent('Noise')], 'no-stream');
        expect(await idle.runOnce()).toBe(0);
      }
      expect(store.commits).toBe(0);
      expect(await store.checkpoint('case-queue')).toBe(0);
      // It has read past them all the same: no lag, and read-your-writes in this process is served.
      expect(await idle.lag()).toBe(0);
      expect(await idle.readPosition()).toBe(20);

      now = 6001;
      await idle.runOnce();
      expect(store.commits).toBe(1);
      expect(await store.checkpoint('case-queue')).toBe(20);
    });

    it('a projection commits once per batch that holds events it handles, with its checkpoint past the noise', async () => {
      const store = new CountingStore();
      const runner = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue, {
        idleCheckpointMs: 60_000,
      });
      await events.append('other-1', [newEvent('Noise'), newEvent('Noise')], 'no-stream');
      expect(await runner.runOnce()).toBe(0);
      await events.append('case-1', [newEvent('Opened')], 'no-stream');
      expect(await runner.runOnce()).toBe(1);
      expect(store.commits).toBe(1);
      expect(await store.checkpoint('case-queue')).toBe(3);
    });

    it('catchUp and stop leave the idle position durable', async () => {
      const store = new CountingStore();
      await events.append('other-1', [newEvent('Noise'), newEvent('Noise')], 'no-stream');
      const runner = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue, {
        idleCheckpointMs: 60_000,
        idlePollMs: 5,
      });
      await runner.catchUp();
      expect(await store.checkpoint('case-queue')).toBe(2);
      runner.start();
      await events.append('other-2', [newEvent('Noise')], 'no-stream');
      await waitFor(async () => (await runner.readPosition()) === 3);
      expect(await store.checkpoint('case-queue')).toBe(2);
      await runner.stop();
      expect(await store.checkpoint('case-queue')).toBe(3);
    });

    it('a checkpoint moved by another instance discards the position read past it', async () => {
      const store = new CountingStore();
      let now = 0;
      const runner = new ProjectionRunner(events, store, new InProcessLeaderLock(), caseQueue, {
        idleCheckpointMs: 1000,
        clock: () => now,
      });
      now = 1000;
      await events.append('other-1', [newEvent('Noise')], 'no-stream');
      await runner.runOnce();
      expect(await runner.readPosition()).toBe(1);
      await events.append('case-1', [newEvent('Opened')], 'no-stream');
      await store.commit('case-queue', 0, 2, (tx) => tx.put('case-queue', 'case-1', { id: 'case-1' }));
      expect(await runner.readPosition()).toBe(2);
    });
  });
});
