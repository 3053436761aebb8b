import type { Logger } from '@nestjs/common';

/**
 * Starts a Kafka-facing component without holding up the app's boot, and keeps trying when the
 * broker is not ready (a topic just created, metadata not yet everywhere, the broker restarting):
 * a service that crashes on start would crash-loop with its broker.
 */
export class RetryingStart {
  private stopped = false;
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly what: string,
    private readonly logger: Logger,
    private readonly retryMs = 2_000,
  ) {}

  run(start: () => Promise<void>): void {
    const attempt = (): void => {
      if (this.stopped) return;
      start().catch((error: unknown) => {
        this.logger.warn(`${this.what} could not start (${String(error)}); retrying in ${this.retryMs} ms`);
        this.timer = setTimeout(attempt, this.retryMs);
      });
    };
    attempt();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }
}
