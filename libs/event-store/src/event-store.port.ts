/** Who did what, on whose behalf, and why: carried by every stored event. */
export interface EventMetadata {
  readonly actor: string;
  readonly memberState?: string;
  readonly correlationId: string;
  readonly causationId?: string;
  readonly [extra: string]: unknown;
}

/** An event as a writer hands it to the store. The id is chosen by the writer so a retry is idempotent. */
export interface NewEvent {
  readonly eventId: string;
  readonly type: string;
  readonly schemaVersion?: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
}

/** An event as the store returns it. */
export interface StoredEvent {
  readonly eventId: string;
  readonly streamId: string;
  /** 0-based position of the event inside its stream; versions run 0..n-1 with no holes. */
  readonly streamVersion: number;
  /** Position in the store's global order; strictly increasing in commit order, not necessarily contiguous. */
  readonly globalPosition: number;
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
  readonly metadata: EventMetadata;
  readonly recordedAt: Date;
  /**
   * sha256 of the event's canonical content and of prevHash (libs/event-store/src/hash-chain.ts),
   * written by the adapter at append. Null only on legacy rows stored before hashing began.
   * Optional in the type so hand-built events in tests need not carry one.
   */
  readonly hash?: string | null;
  /** The hash of the previous event in the stream; null for version 0 (or after a legacy row). */
  readonly prevHash?: string | null;
}

/**
 * What the writer believes the stream looks like:
 * a number is the exact version of the last event (-1 never happens: use 'no-stream'),
 * 'no-stream' means the stream must not exist, 'stream-exists' that it must, 'any' skips the check.
 */
export type ExpectedVersion = number | 'no-stream' | 'stream-exists' | 'any';

export interface AppendResult {
  /** Version of the last event now in the stream: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  /** Global position of the last appended event. */
  readonly lastGlobalPosition: number;
}

export type ReadDirection = 'forward' | 'backward';

export interface ReadStreamOptions {
  readonly direction?: ReadDirection;
  /** Inclusive start version; forward defaults to 0, backward to the last event. */
  readonly fromVersion?: number;
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Exclusive: events with a global position strictly greater than this. 0 reads from the start. */
  readonly after?: number;
  readonly maxCount?: number;
  readonly eventTypes?: readonly string[];
  /** Stream categories: the part of the stream id before the first '-' ('application-42' is in 'application'). */
  readonly categories?: readonly string[];
}

/** Durable named positions in the global order, for catch-up subscriptions. */
export interface CheckpointStore {
  loadCheckpoint(name: string): Promise<number>;
  saveCheckpoint(name: string, position: number): Promise<void>;
}

/**
 * The event store port. Every adapter passes the shared contract suite in @dul/event-store/testing.
 *
 * The global-order guarantee: once a reader has seen the event at global position P, no event with a
 * position below P can become visible later. Subscribers may therefore checkpoint a position and
 * never miss a late-committing event.
 */
export interface EventStore extends CheckpointStore {
  append(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult>;
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** Global position of the newest visible event, 0 when the store is empty. */
  headPosition(): Promise<number>;
  /** Registers a callback invoked after this process appends, to wake pollers early. Returns an unsubscribe. */
  onAppended(listener: () => void): () => void;
  /**
   * Global position up to which rows may carry no hash (stored before the hash-chain migration ran);
   * 0 when every row must be hashed. Absent on stores that hashed from the start.
   */
  legacyUpTo?(): Promise<number>;
  /** Cheap reachability probe for health checks. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** Injection token for the EventStore port. */
export const EVENT_STORE = Symbol.for('dul.EventStore');

export function streamCategory(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(0, dash);
}
