import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from './event-store.port';

/** An EventStore that hands every call to the store it wraps; wrappers override what they change. */
export abstract class DelegatingEventStore implements EventStore {
  constructor(protected readonly inner: EventStore) {}

  append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    return this.inner.append(streamId, events, expected);
  }

  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    return this.inner.readStream(streamId, options);
  }

  readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    return this.inner.readAll(options);
  }

  headPosition(): Promise<number> {
    return this.inner.headPosition();
  }

  loadCheckpoint(name: string): Promise<number> {
    return this.inner.loadCheckpoint(name);
  }

  saveCheckpoint(name: string, position: number): Promise<void> {
    return this.inner.saveCheckpoint(name, position);
  }

  onAppended(listener: () => void): () => void {
    return this.inner.onAppended(listener);
  }

  legacyUpTo(): Promise<number> {
    return this.inner.legacyUpTo?.() ?? Promise.resolve(0);
  }

  ping(): Promise<void> {
    return this.inner.ping();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}
