import { randomUUID } from 'node:crypto';
import { eventStoreContract } from '@dul/event-store/testing';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port';
import { createEventStoreDbEventStore } from './eventstoredb-event-store.adapter';

/*
 * Runs the shared EventStore contract against a live EventStoreDB/KurrentDB node, e.g.
 *
 *   docker compose up -d kurrentdb
 *   EVENTSTOREDB_URL='esdb://localhost:2113?tls=false' npx jest --selectProjects integration eventstoredb
 *
 * Use a dedicated, otherwise idle node: see ScopedEventStore below for why.
 */

const ESDB_URL = process.env.EVENTSTOREDB_URL;
const SKIP_REASON = 'EVENTSTOREDB_URL is not set; no EventStoreDB/KurrentDB server can run on machines without Docker';

/**
 * The contract assumes a fresh, empty store per test. ESDB has no per-test database and nothing can
 * be truly deleted from $all, so each test gets this view of one shared node instead:
 *
 * - Streams need no scoping: the contract already names every stream with a random UUID.
 * - The global order is cut at the head recorded when the factory ran. readAll never returns
 *   anything at or below it (an `after` below the cut is raised to it) and headPosition reports 0
 *   until this test appended something. That is the only difference from the real adapter, and it
 *   is honest only if nothing else writes to the node while the suite runs; a concurrent writer
 *   would make the $all assertions see foreign events (hence the dedicated node above).
 * - Checkpoint names get a per-test prefix, so every test starts with all checkpoints at 0.
 *
 * Everything else (append, idempotency, duplicate ids, stream reads, the concurrency run) goes
 * straight to the real adapter.
 */
class ScopedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly cut: number,
    private readonly checkpointPrefix: string,
  ) {}

  append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    return this.inner.append(streamId, events, expectedVersion);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    return this.inner.readAll({ ...options, after: Math.max(options.after ?? 0, this.cut) });
  }

  async headPosition(): Promise<number> {
    const head = await this.inner.headPosition();
    return head > this.cut ? head : 0;
  }

  loadCheckpoint(name: string): Promise<number> {
    return this.inner.loadCheckpoint(this.checkpointPrefix + name);
  }

  saveCheckpoint(name: string, position: number): Promise<void> {
    return this.inner.saveCheckpoint(this.checkpointPrefix + name, position);
  }

  onAppended(listener: () => void): () => void {
    return this.inner.onAppended(listener);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

if (ESDB_URL) {
  // Network round trips, and every append costs several (see the adapter): allow more than 5 s.
  jest.setTimeout(30_000);
  const url = ESDB_URL;
  eventStoreContract(
    'eventstoredb',
    async () => {
      const inner = createEventStoreDbEventStore(url);
      const cut = await inner.headPosition();
      const store = new ScopedEventStore(inner, cut, `test-${randomUUID()}-`);
      return { store, teardown: () => store.close() };
    },
    { concurrencyTimeoutMs: 300_000 },
  );
} else {
  console.warn(`\nSKIPPED: EventStore contract: eventstoredb: ${SKIP_REASON}\n`);
  describe.skip(`EventStore contract: eventstoredb [SKIPPED: ${SKIP_REASON}]`, () => {
    it('runs the shared EventStore contract against a live EventStoreDB/KurrentDB node', () => undefined);
  });
}
