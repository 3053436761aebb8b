import type { Command, Decider, DomainEvent } from '@dul/domain';
import { aggregateStream } from './aggregate-stream';
import { ConcurrencyError } from './event-store.errors';
import type { AppendResult, EventStore, EventMetadata } from './event-store.port';

export interface HandleCommandOptions<TState = unknown> {
  /**
   * Runs on the folded state before anything else, the expected-version check included: an
   * authority boundary that must answer the same whatever version the caller claims to have seen.
   */
  readonly guard?: (state: TState) => void;
  /** Pin the version the caller saw (e.g. from If-Match); a conflict is then never retried. */
  readonly expectedVersion?: number;
  /** Re-load and re-decide this many times on a conflict; only for commands that are safe to retry. */
  readonly retries?: number;
  /**
   * Event ids; fresh UUIDs by default. Process managers pass ids derived from the event that caused
   * the command, so a replay after a crash appends nothing twice (the store's idempotent append).
   */
  readonly newEventId?: (index: number) => string;
  /** More metadata to record on every event, such as the actor's roles. */
  readonly extraMetadata?: Readonly<Record<string, unknown>>;
}

export interface CommandOutcome<TEvent, TState> {
  readonly events: readonly TEvent[];
  readonly state: TState;
  /** Version of the stream's last event after the command; -1 when the stream is still empty. */
  readonly version: number;
  readonly appended?: AppendResult;
}

/**
 * Load, fold, decide, append with the expected version: the one way commands change a stream.
 * A command that decides nothing appends nothing.
 */
export async function handleCommand<TCommand extends Command, TEvent extends DomainEvent, TState>(
  store: EventStore,
  decider: Decider<TCommand, TEvent, TState>,
  streamId: string,
  command: TCommand,
  options: HandleCommandOptions<TState> = {},
): Promise<CommandOutcome<TEvent, TState>> {
  const retries = options.expectedVersion === undefined ? (options.retries ?? 0) : 0;
  const newEventId = options.newEventId ?? (() => crypto.randomUUID());
  for (let attempt = 0; ; attempt++) {
    const { state, version } = await aggregateStream(store, decider, streamId);
    options.guard?.(state);
    if (options.expectedVersion !== undefined && options.expectedVersion !== version) {
      throw new ConcurrencyError(streamId, options.expectedVersion, version < 0 ? 'no-stream' : version);
    }
    const events = decider.decide(command, state);
    if (events.length === 0) return { events, state, version };

    const metadata: EventMetadata = {
      ...options.extraMetadata,
      actor: command.metadata.actor,
      memberState: command.metadata.memberState,
      correlationId: command.metadata.correlationId,
      causationId: command.metadata.causationId,
    };
    try {
      const appended = await store.append(
        streamId,
        events.map((event, index) => ({ eventId: newEventId(index), type: event.type, data: event.data, metadata })),
        version < 0 ? 'no-stream' : version,
      );
      return { events, state: events.reduce(decider.evolve, state), version: appended.nextExpectedVersion, appended };
    } catch (error) {
      if (error instanceof ConcurrencyError && attempt < retries) continue;
      throw error;
    }
  }
}
