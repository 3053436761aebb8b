import { EventEmitter } from 'node:events';
import { assertExpectedVersion, DEFAULT_READ_BATCH, resolveRetriedAppend, validateAppend } from './append-rules';
import { chainBatch } from './hash-chain';
import type {
  AppendResult,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from './event-store.port';
import { streamCategory } from './event-store.port';

/** For fast unit tests only: nothing survives the process. */
export class InMemoryEventStore implements EventStore {
  private readonly all: StoredEvent[] = [];
  private readonly streams = new Map<string, StoredEvent[]>();
  private readonly byId = new Map<string, StoredEvent>();
  private readonly checkpoints = new Map<string, number>();
  private readonly appended = new EventEmitter().setMaxListeners(0);

  constructor(private readonly now: () => Date = () => new Date()) {}

  // async so that refusals arrive as rejected promises, as they do from the real adapters
  // eslint-disable-next-line @typescript-eslint/require-await
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    const stored = events.flatMap((event) => this.byId.get(event.eventId) ?? []);
    const retried = resolveRetriedAppend(streamId, events, stored);
    if (retried) return retried;

    const stream = this.streams.get(streamId) ?? [];
    assertExpectedVersion(streamId, expected, stream.length === 0 ? 'no-stream' : stream.length - 1);
    const recordedAt = this.now();
    const hashes = chainBatch(streamId, stream.length, stream.at(-1)?.hash ?? null, events);
    for (const [index, event] of events.entries()) {
      const record: StoredEvent = {
        eventId: event.eventId,
        streamId,
        streamVersion: stream.length,
        globalPosition: this.all.length + 1,
        type: event.type,
        schemaVersion: event.schemaVersion ?? 1,
        data: structuredClone(event.data),
        metadata: structuredClone(event.metadata),
        recordedAt,
        ...hashes[index],
      };
      stream.push(record);
      this.all.push(record);
      this.byId.set(record.eventId, record);
    }
    this.streams.set(streamId, stream);
    this.appended.emit('appended');
    return { nextExpectedVersion: stream.length - 1, lastGlobalPosition: this.all.length };
  }

  readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const stream = this.streams.get(streamId) ?? [];
    const max = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (options.direction === 'backward') {
      const from = options.fromVersion ?? stream.length - 1;
      return Promise.resolve(
        stream
          .filter((e) => e.streamVersion <= from)
          .reverse()
          .slice(0, max),
      );
    }
    const from = options.fromVersion ?? 0;
    return Promise.resolve(stream.filter((e) => e.streamVersion >= from).slice(0, max));
  }

  readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? 0;
    const max = options.maxCount ?? DEFAULT_READ_BATCH;
    const result: StoredEvent[] = [];
    for (let i = after; i < this.all.length && result.length < max; i++) {
      const event = this.all[i] as StoredEvent;
      if (options.eventTypes && !options.eventTypes.includes(event.type)) continue;
      if (options.categories && !options.categories.includes(streamCategory(event.streamId))) continue;
      result.push(event);
    }
    return Promise.resolve(result);
  }

  headPosition(): Promise<number> {
    return Promise.resolve(this.all.length);
  }

  loadCheckpoint(name: string): Promise<number> {
    return Promise.resolve(this.checkpoints.get(name) ?? 0);
  }

  saveCheckpoint(name: string, position: number): Promise<void> {
    this.checkpoints.set(name, position);
    return Promise.resolve();
  }

  onAppended(listener: () => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }

  ping(): Promise<void> {
    return Promise.resolve();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}
