import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Logger } from '@nestjs/common';
import type { CommandBus } from '@nestjs/cqrs';
import type { Command, DomainEvent } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { CatchUpSubscription } from '@dul/event-store';
import type { DocumentFilter, ProjectionStore } from '@dul/projections';
import type { AggregateWrite, WriteOutcome } from './command-execution';
import type { Clock } from './tokens';

/**
 * A process manager: a checkpointed subscription to some event types that reacts to each event,
 * usually by sending a command. Delivery is at-least-once; reactions stay exactly-once in effect by
 * deriving aggregate and event ids from the event they react to, and by deciders that refuse or
 * ignore a repeat. A reaction that throws is retried from the same event after a pause.
 *
 * `TEvent` is the union the reactor reacts to: its `eventTypes` are that union's types (list them with
 * `everyType`), so a switch over the event in `react` is exhaustive over exactly what it subscribes to.
 */
export abstract class Reactor<TEvent extends DomainEvent> implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private subscription: CatchUpSubscription | undefined;

  /** Durable checkpoint name: renaming it replays every event of the types. */
  protected abstract readonly checkpointName: string;
  protected abstract readonly eventTypes: readonly TEvent['type'][];

  constructor(protected readonly store: EventStore) {}

  protected abstract react(event: StoredEvent): Promise<void>;

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = new CatchUpSubscription(this.store, {
      checkpointName: this.checkpointName,
      eventTypes: this.eventTypes,
      batchSize: 100,
      handle: async (events) => {
        for (const event of events) await this.react(event);
      },
      onError: (error) => this.logger.error(`${this.checkpointName} failed, will retry: ${String(error)}`),
    });
    await this.subscription.start();
  }

  /** Stops while the store is still open (persistence closes in onApplicationShutdown). */
  async beforeApplicationShutdown(): Promise<void> {
    await this.subscription?.stop();
  }

  /** How far this reactor has got in the global order (for tests and health). */
  get position(): number {
    return this.subscription?.position ?? 0;
  }
}

/**
 * A durable timer: on every tick it asks a read model what is due by the clock's now and sends a
 * command for each. The work list lives in the database, so a restart loses nothing; the deciders
 * make a repeated command harmless. Ticks never overlap.
 */
export abstract class DueTimer implements OnApplicationBootstrap, BeforeApplicationShutdown {
  protected readonly logger = new Logger(this.constructor.name);
  private interval: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(private readonly pollMs: number) {}

  /** Handles what is due at `now`; returns how many commands changed something. */
  protected abstract fire(now: Date): Promise<number>;
  protected abstract now(): Date;

  onApplicationBootstrap(): void {
    this.interval = setInterval(() => void this.tick(), this.pollMs);
    this.interval.unref();
  }

  async beforeApplicationShutdown(): Promise<void> {
    clearInterval(this.interval);
    await this.running;
  }

  tick(): Promise<number> {
    this.running ??= this.fire(this.now())
      .catch((error: unknown) => {
        this.logger.error(`${this.constructor.name} failed, will retry on the next tick: ${String(error)}`);
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }
}

/**
 * What a due timer does, declared: which read model holds the work list, what in it is due at `now`,
 * and the write to send for each due document. The loop is DueWorkTimer's, the same for every timer.
 */
export interface DueWork<TDocument> {
  /** The projection whose documents are the work list. */
  readonly projection: string;
  /** The documents due at `now`. */
  due(now: Date): DocumentFilter;
  /** Documents read per page. */
  readonly pageSize: number;
  /**
   * Read page after page in one tick while the writes make progress: a done document leaves the list
   * once the projection applies the write. Without it a tick handles one page; the rest waits a tick.
   */
  readonly drain: boolean;
  /** The write for one due document (its metadata's `now` is the tick's). */
  write(document: TDocument, now: Date): AggregateWrite<Command>;
  /** A refusal meaning "not due after all" (the view was behind): skipped; it comes round again later. */
  skips?(error: unknown): boolean;
}

/** A DueTimer whose work is declared by a DueWork definition. */
export abstract class DueWorkTimer<TDocument> extends DueTimer {
  constructor(
    private readonly work: DueWork<TDocument>,
    private readonly commandBus: CommandBus,
    private readonly readModels: ProjectionStore,
    private readonly clock: Clock,
    pollMs: number,
  ) {
    super(pollMs);
  }

  protected now(): Date {
    return this.clock.now();
  }

  protected async fire(now: Date): Promise<number> {
    const { projection, pageSize, drain } = this.work;
    let done = 0;
    for (;;) {
      const due = await this.readModels.findDocuments<TDocument>(projection, {
        ...this.work.due(now),
        limit: pageSize,
      });
      let progressed = 0;
      for (const document of due) {
        if (await this.send(document, now)) progressed++;
      }
      done += progressed;
      if (!drain || due.length < pageSize || progressed === 0) return done;
    }
  }

  private async send(document: TDocument, now: Date): Promise<boolean> {
    try {
      const outcome: WriteOutcome = await this.commandBus.execute(this.work.write(document, now));
      return outcome.appended > 0;
    } catch (error) {
      if (this.work.skips?.(error)) return false;
      throw error;
    }
  }
}
