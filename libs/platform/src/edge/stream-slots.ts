import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@dul/auth';
import type { HttpEdgeEnvironment } from '@dul/config';
import { subjectKey } from '@dul/domain';
import { APP_ENVIRONMENT } from '../tokens';
import { tooManyRequests } from './edge-refusal';

/** How long a client refused a stream should wait: streams are long-lived, so not a second. */
const STREAM_RETRY_AFTER_MS = 5_000;

/**
 * The concurrent Server-Sent Event streams each principal holds: each one is a socket and a polling
 * loop, so one token must not open hundreds (SSE_MAX_STREAMS_PER_PRINCIPAL).
 */
@Injectable()
export class StreamSlots {
  private readonly open = new Map<string, number>();
  private readonly max: number;

  constructor(@Inject(APP_ENVIRONMENT) environment: Pick<HttpEdgeEnvironment, 'SSE_MAX_STREAMS_PER_PRINCIPAL'>) {
    this.max = environment.SSE_MAX_STREAMS_PER_PRINCIPAL;
  }

  /** Takes a slot or throws 429 (rule 'sse-stream-cap'); call the returned function once, when the stream ends. */
  acquire(principal: Principal): () => void {
    const key = subjectKey(principal.sub);
    const held = this.open.get(key) ?? 0;
    if (held >= this.max) {
      throw tooManyRequests(
        'sse-stream-cap',
        `this token subject already holds ${held} open streams (at most ${this.max} at once)`,
        STREAM_RETRY_AFTER_MS,
      );
    }
    this.open.set(key, held + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const now = (this.open.get(key) ?? 1) - 1;
      if (now <= 0) this.open.delete(key);
      else this.open.set(key, now);
    };
  }

  /** Streams a principal holds now (for tests and diagnostics). */
  held(principal: Principal): number {
    return this.open.get(subjectKey(principal.sub)) ?? 0;
  }
}
