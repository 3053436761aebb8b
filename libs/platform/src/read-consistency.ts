import { Inject, Injectable, Optional } from '@nestjs/common';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { ProjectionHost } from './projection-host';

/** The request header a client sends with the position a write returned, to read its own write. */
export const CONSISTENT_WITH_HEADER = 'x-consistent-with';

/**
 * Read-your-writes over eventually consistent read models: a write answers with the global position
 * of its last event; a read that names that position waits, bounded, until the projection has
 * applied it. Past the bound the read answers with what there is and says so (x-read-model-stale).
 */
@Injectable()
export class ReadConsistency {
  constructor(
    @Inject(PROJECTION_STORE) private readonly store: ProjectionStore,
    @Optional() private readonly host?: ProjectionHost,
  ) {}

  /** Resolves true once `projection` has reached `position`, false when `timeoutMs` ran out first. */
  async waitFor(projection: string, position: number | undefined, timeoutMs = 3000): Promise<boolean> {
    if (position === undefined || position <= 0) return true;
    const deadline = Date.now() + timeoutMs;
    let pause = 5;
    while ((await this.reached(projection)) < position) {
      if (Date.now() >= deadline) return false;
      await new Promise((resolve) => setTimeout(resolve, pause));
      pause = Math.min(pause * 2, 100);
    }
    return true;
  }

  /**
   * A runner in this process may have read past its durable checkpoint over events it does not
   * handle (it commits that position lazily): its read model already reflects those positions.
   */
  private async reached(projection: string): Promise<number> {
    const runner = this.host?.runners.find((candidate) => candidate.projection.name === projection);
    return runner ? runner.readPosition() : this.store.checkpoint(projection);
  }
}

/** Parses the header's value; anything but a non-negative integer is ignored rather than refused. */
export function parseConsistentWith(value: string | string[] | undefined): number | undefined {
  const raw = Array.isArray(value) ? value[0] : value;
  if (raw === undefined || !/^\d{1,15}$/.test(raw.trim())) return undefined;
  return Number(raw.trim());
}
