import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import type { Command, CommandMetadata, Decider, DomainEvent } from '@dul/domain';
import { refuse } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { ConcurrencyError, EVENT_STORE, handleCommand } from '@dul/event-store';
import type { Clock } from './tokens';
import { CLOCK } from './tokens';

/** What every write answers: the aggregate, its stream's new version, and the position to read it at. */
export interface WriteResult {
  readonly id: string;
  readonly version: number;
  /** Global position of the write's last event: send it as x-consistent-with to read your write. */
  readonly position: number;
}

export interface Aggregate<TCommand extends Command, TEvent extends DomainEvent, TState> {
  readonly category:
    | 'application'
    | 'licence'
    | 'general-authorisation-user'
    | 'national-general-authorisation'
    | 'administration-figures';
  readonly decider: Decider<TCommand, TEvent, TState>;
  /** The member state whose authority owns the aggregate; null while it does not exist. */
  readonly owner: (state: TState) => string | null;
  /** The command(s) that may start the stream. */
  readonly creates: TCommand['type'] | readonly TCommand['type'][];
}

/** A command as a controller builds it, before the metadata (actor, time, correlation) is added. */
export type WithoutMetadata<T> = T extends unknown ? Omit<T, 'metadata'> : never;

export const streamOf = (category: string, id: string): string => `${category}-${id}`;

/**
 * Runs a command for an authenticated authority. The authority boundary comes first: another member
 * state's aggregate, like a missing one, answers 404 so that existence does not leak. If-Match pins
 * the expected version (412 when stale); otherwise a conflicting concurrent write is retried.
 */
@Injectable()
export class CommandExecution {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  metadataFor(principal: Principal, correlationId: string): CommandMetadata {
    return { actor: principal.sub, memberState: principal.ms ?? undefined, now: this.clock.now(), correlationId };
  }

  async execute<TCommand extends Command, TEvent extends DomainEvent, TState>(
    aggregate: Aggregate<TCommand, TEvent, TState>,
    id: string,
    principal: Principal,
    command: TCommand,
    options: { readonly ifMatch?: number; readonly extraMetadata?: Readonly<Record<string, unknown>> } = {},
  ): Promise<WriteResult> {
    const { ifMatch } = options;
    const guard = (state: TState): void => {
      const owner = aggregate.owner(state);
      const creators: readonly string[] = Array.isArray(aggregate.creates) ? aggregate.creates : [aggregate.creates];
      if (owner === null ? !creators.includes(command.type) : owner !== principal.ms) {
        throw refuse.notFound(`${aggregate.category}-not-found`, `no ${aggregate.category} ${id}`);
      }
    };
    try {
      const outcome = await handleCommand(this.store, aggregate.decider, streamOf(aggregate.category, id), command, {
        guard,
        expectedVersion: ifMatch,
        retries: ifMatch === undefined ? 3 : 0,
        extraMetadata: { ...options.extraMetadata, roles: principal.roles },
      });
      const position = outcome.appended?.lastGlobalPosition ?? (await this.lastPosition(aggregate.category, id));
      return { id, version: outcome.version, position };
    } catch (error) {
      if (error instanceof ConcurrencyError && ifMatch !== undefined) {
        throw refuse.preconditionFailed(
          'if-match',
          `${aggregate.category} ${id} is at version ${String(error.actualVersion)}, not ${ifMatch}`,
        );
      }
      throw error;
    }
  }

  private async lastPosition(category: string, id: string): Promise<number> {
    const [last] = await this.store.readStream(streamOf(category, id), { direction: 'backward', maxCount: 1 });
    return last?.globalPosition ?? 0;
  }
}

/** If-Match carries the version a client saw (an ETag such as "3", W/"3" or plain 3). */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match) throw refuse.invalid('if-match', 'If-Match must be the version a previous response gave, such as "3"');
  return Number(match[1]);
}
