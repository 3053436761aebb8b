import { DEFAULT_READ_BATCH } from './append-rules';
import type { EventStore, StoredEvent } from './event-store.port';

export interface CatchUpSubscriptionOptions {
  /** When set, the position is loaded from and saved to the store's durable checkpoint of this name. */
  readonly checkpointName?: string;
  /** Start after this position when there is no checkpoint name. */
  readonly after?: number;
  readonly eventTypes?: readonly string[];
  readonly categories?: readonly string[];
  readonly batchSize?: number;
  /** How long to sleep when caught up, unless this process appends first. */
  readonly idlePollMs?: number;
  /**
   * The durable checkpoint is saved at most this often while batches keep coming (and when the
   * subscription goes idle or stops), not after every batch: delivery is at-least-once anyway, and a
   * save per batch was a synchronous fsync per append per reactor on SQLite (issue 12). A crash
   * replays at most this much. Default 1000 ms; 0 saves after every batch.
   */
  readonly checkpointEveryMs?: number;
  /** Milliseconds clock for checkpointEveryMs; tests pass their own. */
  readonly clock?: () => number;
  /** Handles one batch in global order; the checkpoint moves only after it resolves. */
  readonly handle: (events: readonly StoredEvent[]) => Promise<void>;
  readonly onError?: (error: unknown) => void;
}

/**
 * Reads the global order from a position and hands batches to a handler, then checkpoints.
 * At-least-once: a crash between handle and checkpoint replays the batch, so handlers deduplicate
 * on event id (or write their own checkpoint transactionally, as the projection runner does).
 */
export class CatchUpSubscription {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private current = 0;
  private saved = 0;
  private savedAt = 0;

  constructor(
    private readonly store: EventStore,
    private readonly options: CatchUpSubscriptionOptions,
  ) {}

  get position(): number {
    return this.current;
  }

  async start(): Promise<void> {
    if (this.running) return;
    this.current = this.options.checkpointName
      ? await this.store.loadCheckpoint(this.options.checkpointName)
      : (this.options.after ?? 0);
    this.saved = this.current;
    this.savedAt = this.now();
    this.running = true;
    this.unsubscribe = this.store.onAppended(() => this.wake?.());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    await this.saveCheckpoint(true).catch((error: unknown) => this.options.onError?.(error));
  }

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  /** Saves the position when it moved and the interval has passed (or `force`). */
  private async saveCheckpoint(force: boolean): Promise<void> {
    const name = this.options.checkpointName;
    if (!name || this.current === this.saved) return;
    if (!force && this.now() - this.savedAt < (this.options.checkpointEveryMs ?? 1000)) return;
    const position = this.current;
    await this.store.saveCheckpoint(name, position);
    this.saved = position;
    this.savedAt = this.now();
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        const batch = await this.store.readAll({
          after: this.current,
          maxCount: this.options.batchSize ?? DEFAULT_READ_BATCH,
          eventTypes: this.options.eventTypes,
          categories: this.options.categories,
        });
        const last = batch.at(-1);
        if (!last) {
          // Caught up: a good moment to leave the position behind if it is due.
          await this.saveCheckpoint(false);
          await this.idle();
          continue;
        }
        await this.options.handle(batch);
        this.current = last.globalPosition;
        await this.saveCheckpoint(false);
      } catch (error) {
        this.options.onError?.(error);
        await this.idle();
      }
    }
  }

  private idle(): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.options.idlePollMs ?? 100);
      this.wake = done;
    });
  }
}
