import { Inject, Injectable } from '@nestjs/common';
import type { ICommandHandler } from '@nestjs/cqrs';
import { Command as BusCommand } from '@nestjs/cqrs';
import type { Principal } from '@dul/auth';
import type { Command, CommandMetadata, Decider, DomainEvent } from '@dul/domain';
import { refuse } from '@dul/domain';
import type { EventStore, HandleCommandOptions, StreamCategory } from '@dul/event-store';
import { ConcurrencyError, derivedEventIds, EVENT_STORE, handleCommand } from '@dul/event-store';
import type { Clock } from './tokens';
import { CLOCK } from './tokens';

/** What every write answers: the aggregate, its stream's new version, and the position to read it at. */
export interface WriteResult {
  readonly id: string;
  readonly version: number;
  /** Global position of the write's last event: send it as x-consistent-with to read your write. */
  readonly position: number;
}

/** What the runner answers: the write result and how many events the command appended (0: none). */
export interface WriteOutcome extends WriteResult {
  readonly appended: number;
}

export interface Aggregate<TCommand extends Command, TEvent extends DomainEvent, TState> {
  /** Its streams (`<category>-<id>`); the category's name also names the aggregate in refusals. */
  readonly category: StreamCategory;
  readonly decider: Decider<TCommand, TEvent, TState>;
  /**
   * Whether the principal may send this command to the aggregate in this state. False answers 404
   * `<category>-not-found`, exactly as for a missing aggregate, so that existence does not leak.
   */
  readonly mayAct: (state: TState, principal: Principal, command: TCommand) => boolean;
}

/** The usual authority boundary: the owning member state acts; nobody acts on a missing aggregate but to create it. */
export function ownedBy<TCommand extends Command, TState>(
  owner: (state: TState) => string | null,
  creates: TCommand['type'] | readonly TCommand['type'][] | null,
): Aggregate<TCommand, DomainEvent, TState>['mayAct'] {
  const creators: readonly string[] = creates === null ? [] : Array.isArray(creates) ? creates : [creates];
  return (state, principal, command) => {
    const ownerMs = owner(state);
    return ownerMs === null ? creators.includes(command.type) : ownerMs === principal.ms;
  };
}

/** A command as a controller builds it, before the metadata (actor, time, correlation) is added. */
export type WithoutMetadata<T> = T extends unknown ? Omit<T, 'metadata'> : never;

/** A write by an authenticated principal: the runner adds the metadata, guards, honours If-Match. */
export interface PrincipalWrite<TCommand extends Command> {
  readonly by: 'principal';
  readonly command: WithoutMetadata<TCommand>;
  readonly principal: Principal;
  readonly correlationId: string;
  readonly ifMatch?: number;
  readonly extraMetadata?: Readonly<Record<string, unknown>>;
}

/**
 * A write by a reactor or timer: a complete domain command (its metadata carries the causation id).
 * `eventIdsFrom` derives the event ids from the causing event, so a replay appends nothing twice.
 */
export interface ProcessWrite<TCommand extends Command> {
  readonly by: 'process';
  readonly command: TCommand;
  readonly eventIdsFrom?: string;
  readonly retries?: number;
  /** More metadata to record on every event, such as the topic an inbound message came on. */
  readonly extraMetadata?: Readonly<Record<string, unknown>>;
}

/**
 * The CommandBus envelope of a domain command for one aggregate. Domain commands stay plain unions
 * in libs/domain; each service declares one subclass per aggregate and one handler for it.
 */
export abstract class AggregateWrite<TCommand extends Command> extends BusCommand<WriteOutcome> {
  constructor(
    readonly id: string,
    readonly request: PrincipalWrite<TCommand> | ProcessWrite<TCommand>,
  ) {
    super();
  }
}

/**
 * Runs commands on aggregates: the one aggregate runner. For a principal the authority boundary
 * comes first: another member state's aggregate, like a missing one, answers 404. If-Match pins the
 * expected version (412 when stale); otherwise a conflicting concurrent write is retried up to 3 times.
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

  run<TCommand extends Command, TEvent extends DomainEvent, TState>(
    aggregate: Aggregate<TCommand, TEvent, TState>,
    id: string,
    request: PrincipalWrite<TCommand> | ProcessWrite<TCommand>,
  ): Promise<WriteOutcome> {
    if (request.by === 'process') {
      return this.write(aggregate, id, request.command, {
        retries: request.retries ?? 0,
        ...(request.extraMetadata !== undefined && { extraMetadata: request.extraMetadata }),
        ...(request.eventIdsFrom !== undefined && { newEventId: derivedEventIds(request.eventIdsFrom) }),
      });
    }
    const command = {
      ...request.command,
      metadata: this.metadataFor(request.principal, request.correlationId),
    } as unknown as TCommand;
    return this.execute(aggregate, id, request.principal, command, request);
  }

  async execute<TCommand extends Command, TEvent extends DomainEvent, TState>(
    aggregate: Aggregate<TCommand, TEvent, TState>,
    id: string,
    principal: Principal,
    command: TCommand,
    options: { readonly ifMatch?: number; readonly extraMetadata?: Readonly<Record<string, unknown>> } = {},
  ): Promise<WriteOutcome> {
    const { ifMatch } = options;
    try {
      return await this.write(aggregate, id, command, {
        guard: (state: TState) => {
          if (!aggregate.mayAct(state, principal, command)) throw notFound(aggregate.category.name, id);
        },
        expectedVersion: ifMatch,
        retries: ifMatch === undefined ? 3 : 0,
        extraMetadata: { ...options.extraMetadata, roles: principal.roles },
      });
    } catch (error) {
      if (error instanceof ConcurrencyError && ifMatch !== undefined) {
        throw refuse.preconditionFailed(
          'if-match',
          `${aggregate.category.name} ${id} is at version ${String(error.actualVersion)}, not ${ifMatch}`,
        );
      }
      throw error;
    }
  }

  private async write<TCommand extends Command, TEvent extends DomainEvent, TState>(
    aggregate: Aggregate<TCommand, TEvent, TState>,
    id: string,
    command: TCommand,
    options: HandleCommandOptions<TState>,
  ): Promise<WriteOutcome> {
    const stream = aggregate.category.streamOf(id);
    const outcome = await handleCommand(this.store, aggregate.decider, stream, command, options);
    if (outcome.appended) {
      return {
        id,
        version: outcome.version,
        position: outcome.appended.lastGlobalPosition,
        appended: outcome.events.length,
      };
    }
    // Nothing appended: the position to read at is the stream's last event, not a made-up 0.
    const [last] = await this.store.readStream(stream, { direction: 'backward', maxCount: 1 });
    if (!last) throw notFound(aggregate.category.name, id);
    return { id, version: outcome.version, position: last.globalPosition, appended: 0 };
  }
}

function notFound(category: string, id: string): Error {
  return refuse.notFound(`${category}-not-found`, `no ${category} ${id}`);
}

/**
 * The handler every aggregate's envelope gets: a subclass names the aggregate and carries
 * `@CommandHandler(TheEnvelope)`.
 */
@Injectable()
export abstract class AggregateWriteHandler<
  TCommand extends Command,
  TEvent extends DomainEvent,
  TState,
> implements ICommandHandler<AggregateWrite<TCommand>> {
  protected abstract readonly aggregate: Aggregate<TCommand, TEvent, TState>;

  constructor(private readonly runner: CommandExecution) {}

  execute(write: AggregateWrite<TCommand>): Promise<WriteOutcome> {
    return this.runner.run(this.aggregate, write.id, write.request);
  }
}

/** If-Match carries the version a client saw (an ETag such as "3", W/"3" or plain 3). */
export function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match) throw refuse.invalid('if-match', 'If-Match must be the version a previous response gave, such as "3"');
  return Number(match[1]);
}
