import type { Command, Decider, DomainEvent } from '@dul/domain';
import { fold } from '@dul/domain';
import type { EventStore, StoredEvent } from './event-store.port';

/** Stored events back to the domain's shape. Upcasters for older schema versions hook in here. */
export function toDomainEvent<TEvent extends DomainEvent>(stored: StoredEvent): TEvent {
  return { type: stored.type, data: stored.data } as TEvent;
}

export interface AggregateStreamOptions {
  /**
   * Fold only up to this stream version (inclusive): a reactor sees the aggregate as it was at the
   * event it reacts to, not as later events left it.
   */
  readonly upToVersion?: number;
}

export interface AggregatedStream<TState> {
  readonly state: TState;
  /** Version of the last event folded; -1 when the stream is empty (or does not exist). */
  readonly version: number;
  /** The stored events folded, in stream order, for callers that also show the history. */
  readonly events: readonly StoredEvent[];
}

/** Reads a stream and folds it with the decider's evolve from its initial state. */
export async function aggregateStream<TEvent extends DomainEvent, TState>(
  store: EventStore,
  decider: Pick<Decider<Command, TEvent, TState>, 'initialState' | 'evolve'>,
  streamId: string,
  options: AggregateStreamOptions = {},
): Promise<AggregatedStream<TState>> {
  const events = await store.readStream(
    streamId,
    options.upToVersion === undefined ? undefined : { maxCount: options.upToVersion + 1 },
  );
  const state = fold(
    decider,
    events.map((event) => toDomainEvent<TEvent>(event)),
  );
  return { state, version: events.length - 1, events };
}
