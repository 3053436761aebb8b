import type { ExpectedVersion } from './event-store.port';

export type EventStoreErrorCode = 'WRONG_EXPECTED_VERSION' | 'DUPLICATE_EVENT_ID' | 'INVALID_APPEND';

/** Base of every error the event store raises on purpose; `code` is stable and mapped at the HTTP edge. */
export class EventStoreError extends Error {
  constructor(
    readonly code: EventStoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The stream was not at the expected version: someone else wrote first. Maps to 409. */
export class ConcurrencyError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: ExpectedVersion,
    readonly actualVersion: number | 'no-stream',
  ) {
    super(
      'WRONG_EXPECTED_VERSION',
      `Stream ${streamId}: expected version ${String(expectedVersion)}, actual ${String(actualVersion)}`,
    );
  }
}

/**
 * An event id is already stored somewhere the append cannot be a retry of: in another stream, or as
 * part of a different batch. Event ids are unique store-wide so consumers can deduplicate on them.
 */
export class DuplicateEventIdError extends EventStoreError {
  constructor(
    readonly eventId: string,
    detail: string,
  ) {
    super('DUPLICATE_EVENT_ID', `Event ${eventId} is already stored: ${detail}`);
  }
}

export class InvalidAppendError extends EventStoreError {
  constructor(message: string) {
    super('INVALID_APPEND', message);
  }
}
