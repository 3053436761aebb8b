import type { EventStore, StoredEvent } from '@dul/event-store';
import type { LeaderLock, Projection, ProjectionStore } from './projection.port';
import { CheckpointMovedError } from './projection.port';

export interface ProjectionRunnerOptions {
  readonly batchSize?: number;
  /** Sleep when caught up, unless this process appends first. */
  readonly idlePollMs?: number;
  /** How often a follower retries for leadership. */
  readonly leaderRetryMs?: number;
  /**
   * How long the checkpoint of a projection that handled none of the new events may trail what it
   * has read. Skipping unhandled events costs no write; the position is committed at most this often,
   * so an idle projection never writes once per append (issue 12). Default 1000 ms.
   */
  readonly idleCheckpointMs?: number;
  /** Milliseconds clock for the idle checkpoint; tests pass their own. */
  readonly clock?: () => number;
  readonly onError?: (error: unknown) => void;
}

/**
 * Applies one projection's events to its read model. Only the instance holding the projection's
 * leader lock runs it; documents and checkpoint move in one transaction, so a crash never applies an
 * event twice or skips one.
 */
export class ProjectionRunner {
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private unsubscribe: (() => void) | undefined;
  private leader = false;
  private confirmedAt = 0;
  /**
   * What this runner has read past its durable checkpoint without anything to apply: valid only
   * while the durable checkpoint is still `base` (another instance moving it invalidates it).
   */
  private scanned: { base: number; to: number } | undefined;
  /** When the position first moved past the durable checkpoint without a commit. */
  private idleSince = 0;
  /**
   * The durable checkpoint as this runner last read or committed it, so a wake costs no read of it
   * (issue 12). Only the leader commits, and every commit compares this value with the stored one
   * (CheckpointMovedError), so a stale copy can never move the checkpoint; it is dropped on any
   * failed commit and at every leadership confirmation (leaderRetryMs), so a reset by someone else
   * is seen within that interval.
   */
  private durable: number | undefined;

  constructor(
    private readonly events: EventStore,
    private readonly store: ProjectionStore,
    private readonly lock: LeaderLock,
    readonly projection: Projection,
    private readonly options: ProjectionRunnerOptions = {},
  ) {}

  private now(): number {
    return (this.options.clock ?? Date.now)();
  }

  get isLeader(): boolean {
    return this.leader;
  }

  /** Whether this runner has created its projection's indexes (once, as leader). */
  private indexed = false;

  start(): void {
    if (this.running) return;
    this.running = true;
    this.unsubscribe = this.events.onAppended(() => this.wake?.());
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.unsubscribe?.();
    this.wake?.();
    await this.loop;
    if (this.leader) {
      // Leave the position read over unhandled events behind, so a restart does not read them again.
      await this.flushIdle().catch((error: unknown) => {
        if (!(error instanceof CheckpointMovedError)) this.options.onError?.(error);
      });
      await this.lock.release(this.projection.name);
    }
    this.leader = false;
  }

  /** Positions between the newest event in the store and this projection's checkpoint. */
  async lag(): Promise<number> {
    const [head, checkpoint] = await Promise.all([
      this.events.headPosition(),
      this.store.checkpoint(this.projection.name),
    ]);
    return Math.max(0, head - this.position(checkpoint));
  }

  /** Position read up to in this process: the durable checkpoint, or past it over unhandled events. */
  async readPosition(): Promise<number> {
    return this.position(await this.store.checkpoint(this.projection.name));
  }

  private position(checkpoint: number): number {
    return this.scanned?.base === checkpoint ? Math.max(checkpoint, this.scanned.to) : checkpoint;
  }

  /**
   * Applies at most one batch; returns how many events it read. Safe to call from tests to drive the
   * projection step by step (the caller must hold the lock, or be the only instance).
   */
  async runOnce(options: { readonly flushIdle?: boolean } = {}): Promise<number> {
    const name = this.projection.name;
    const checkpoint = this.durable ?? (await this.store.checkpoint(name));
    this.durable = checkpoint;
    const from = this.position(checkpoint);
    // Read the head first: every event at or below it is final (the store's global-order guarantee),
    // so once the filtered read comes back short, the position may move past unhandled types too.
    const head = await this.events.headPosition();
    const batchSize = this.options.batchSize ?? 500;
    const batch = await this.events.readAll({
      after: from,
      maxCount: batchSize,
      eventTypes: this.projection.handles,
    });
    const lastRead = batch.at(-1)?.globalPosition ?? from;
    const next = batch.length < batchSize ? Math.max(lastRead, head) : lastRead;
    if (batch.length === 0) {
      // Nothing to apply: remember how far we read, and commit that position only now and then
      // (or when asked), never once per append per idle projection.
      if (next > from) {
        if (from === checkpoint) this.idleSince = this.now();
        this.scanned = { base: checkpoint, to: next };
      }
      const due = this.now() - this.idleSince >= (this.options.idleCheckpointMs ?? 1000);
      if (next > checkpoint && (options.flushIdle === true || due)) {
        await this.commit(checkpoint, next, () => Promise.resolve());
      }
      return 0;
    }
    await this.commit(checkpoint, next, async (tx) => {
      if (tx.prefetch && batch.length > 1) {
        const ids = batch.map((event) => this.projection.documentId(event)).filter((id) => id !== null);
        await tx.prefetch(name, ids);
      }
      for (const event of batch) await this.apply(tx, event);
    });
    return batch.length;
  }

  /** Moves the durable checkpoint from `checkpoint` to `next` with `work`, keeping the copy in step. */
  private async commit(
    checkpoint: number,
    next: number,
    work: Parameters<ProjectionStore['commit']>[3],
  ): Promise<void> {
    try {
      await this.store.commit(this.projection.name, checkpoint, next, work);
    } catch (error) {
      this.durable = undefined;
      throw error;
    }
    this.durable = next;
    this.scanned = undefined;
  }

  private async flushIdle(): Promise<void> {
    const checkpoint = await this.store.checkpoint(this.projection.name);
    const to = this.position(checkpoint);
    if (to > checkpoint) await this.commit(checkpoint, to, () => Promise.resolve());
    this.scanned = undefined;
  }

  /** Drops the read model and replays every event; resolves when caught up with the head. */
  async rebuild(): Promise<void> {
    await this.store.reset(this.projection.name);
    this.scanned = undefined;
    this.durable = undefined;
    await this.catchUp();
  }

  /** Runs batches until the checkpoint reaches the head as it was when called. */
  async catchUp(): Promise<void> {
    const head = await this.events.headPosition();
    while ((await this.store.checkpoint(this.projection.name)) < head) await this.runOnce({ flushIdle: true });
  }

  private async apply(tx: Parameters<Parameters<ProjectionStore['commit']>[3]>[0], event: StoredEvent): Promise<void> {
    const id = this.projection.documentId(event);
    if (id === null) return;
    const name = this.projection.name;
    const next = this.projection.evolve(await tx.get(name, id), event);
    if (next === null) await tx.delete(name, id);
    else await tx.put(name, id, next);
  }

  private async run(): Promise<void> {
    while (this.running) {
      try {
        // Leadership is re-confirmed periodically: lease-based locks renew on it, and a runner that
        // lost its lock stops writing (the checkpoint compare-and-set would refuse it anyway).
        if (!this.leader || Date.now() - this.confirmedAt > (this.options.leaderRetryMs ?? 1000)) {
          this.leader = await this.lock.tryAcquire(this.projection.name);
          this.confirmedAt = Date.now();
          // Read the checkpoint again at every confirmation: another holder of the lock, or an erasure
          // resetting the read model (libs/platform/src/erasure.ts), may have moved it, and a runner with
          // nothing to apply never commits, so the compare-and-set alone would not tell it.
          this.durable = undefined;
          if (!this.leader) {
            await this.idle(this.options.leaderRetryMs ?? 1000);
            continue;
          }
        }
        if (!this.indexed) {
          // The leader creates the read model's indexes once, before its first batch (issue 12).
          if (this.projection.indexes) await this.store.ensureIndexes(this.projection.name, this.projection.indexes);
          this.indexed = true;
        }
        const read = await this.runOnce();
        if (read === 0) await this.idle(this.options.idlePollMs ?? 100);
      } catch (error) {
        if (!(error instanceof CheckpointMovedError)) this.options.onError?.(error);
        await this.idle(this.options.idlePollMs ?? 100);
      }
    }
  }

  private idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }
}
