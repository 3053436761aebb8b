import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from './event-store.errors';
import type { AppendResult, ExpectedVersion, NewEvent } from './event-store.port';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Rejects appends that no store should accept, before any I/O. */
export function validateAppend(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): void {
  if (!streamId || streamId.length > 200) throw new InvalidAppendError('streamId must be 1..200 characters');
  if (events.length === 0) throw new InvalidAppendError(`Stream ${streamId}: nothing to append`);
  if (typeof expected === 'number' && (!Number.isInteger(expected) || expected < 0)) {
    throw new InvalidAppendError(`Stream ${streamId}: expected version must be a non-negative integer or a keyword`);
  }
  const seen = new Set<string>();
  for (const event of events) {
    if (!UUID.test(event.eventId)) throw new InvalidAppendError(`Event id ${event.eventId} is not a UUID`);
    if (seen.has(event.eventId)) throw new InvalidAppendError(`Event id ${event.eventId} appears twice in one append`);
    seen.add(event.eventId);
    if (!event.type) throw new InvalidAppendError(`Event ${event.eventId} has no type`);
  }
}

/** Throws ConcurrencyError unless the stream's current version satisfies the expectation. */
export function assertExpectedVersion(
  streamId: string,
  expected: ExpectedVersion,
  current: number | 'no-stream',
): void {
  const ok =
    expected === 'any' ||
    (expected === 'no-stream' && current === 'no-stream') ||
    (expected === 'stream-exists' && current !== 'no-stream') ||
    (typeof expected === 'number' && expected === current);
  if (!ok) throw new ConcurrencyError(streamId, expected, current);
}

export interface AlreadyStored {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamVersion: number;
  readonly globalPosition: number;
}

/**
 * Decides whether an append is a retry of one already stored. Returns the original result when every
 * event of the batch is already in this stream, null when none is; anything in between cannot be a
 * retry and is refused.
 */
export function resolveRetriedAppend(
  streamId: string,
  events: readonly NewEvent[],
  alreadyStored: readonly AlreadyStored[],
): AppendResult | null {
  if (alreadyStored.length === 0) return null;
  const elsewhere = alreadyStored.find((stored) => stored.streamId !== streamId);
  if (elsewhere) throw new DuplicateEventIdError(elsewhere.eventId, `it belongs to stream ${elsewhere.streamId}`);
  if (alreadyStored.length !== events.length) {
    const first = alreadyStored[0] as AlreadyStored;
    throw new DuplicateEventIdError(first.eventId, 'only part of this batch was stored before; not a retry');
  }
  return {
    nextExpectedVersion: Math.max(...alreadyStored.map((stored) => stored.streamVersion)),
    lastGlobalPosition: Math.max(...alreadyStored.map((stored) => stored.globalPosition)),
  };
}

export const DEFAULT_READ_BATCH = 500;
