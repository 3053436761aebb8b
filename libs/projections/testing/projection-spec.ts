import type { EventMetadata, StoredEvent } from '@dul/event-store';
import { derivedId } from '@dul/event-store';
import type { Projection } from '@dul/projections';

/** An event of a history as a test writes it: its type and data, and any metadata that matters. */
export interface HistoryEvent {
  readonly type: string;
  readonly data: unknown;
  readonly metadata?: Partial<EventMetadata>;
}

export interface HistoryOptions {
  /** When the store records the events (the instant reactors and read models may read). */
  readonly recordedAt?: Date;
  readonly metadata?: Partial<EventMetadata>;
}

/** The instant a history records its events at unless a test says otherwise. */
export const RECORDED_AT = new Date('2025-03-10T09:00:00.000Z');

/**
 * Stored events as an event store returns them, built without one: versions run 0..n-1 per stream,
 * global positions 1..n across streams, in the order the test appends them.
 */
export class EventHistory {
  private readonly stored: StoredEvent[] = [];

  constructor(private readonly defaults: HistoryOptions = {}) {}

  /** Appends events to a stream; returns them as stored. */
  append(streamId: string, events: readonly HistoryEvent[], options: HistoryOptions = {}): StoredEvent[] {
    let version = this.stored.filter((event) => event.streamId === streamId).length;
    const appended = events.map((event): StoredEvent => {
      const globalPosition = this.stored.length + 1;
      const stored: StoredEvent = {
        // A UUID, as the stores require, derived from the position so a test can name it again.
        eventId: derivedId(`history-event-${globalPosition}`),
        streamId,
        streamVersion: version++,
        globalPosition,
        type: event.type,
        schemaVersion: 1,
        data: event.data,
        metadata: {
          actor: 'clerk@bafa',
          memberState: 'DE',
          correlationId: 'corr-1',
          ...this.defaults.metadata,
          ...options.metadata,
          ...event.metadata,
        },
        recordedAt: options.recordedAt ?? this.defaults.recordedAt ?? RECORDED_AT,
      };
      this.stored.push(stored);
      return stored;
    });
    return appended;
  }

  get events(): readonly StoredEvent[] {
    return this.stored;
  }

  /** The last event appended (the one a reactor is usually handed). */
  last(): StoredEvent {
    const last = this.stored.at(-1);
    if (!last) throw new Error('the history is empty');
    return last;
  }
}

/**
 * Given stored events / then documents, for any projection, with no store: the events are applied as
 * the projection runner applies them (only the types it handles; a null id skips the event; a null
 * document deletes it).
 *
 *   projectionSpec(licenceRegisterProjection).given(history.events).then({ 'lic-1': { status: 'SUSPENDED' } });
 */
export function projectionSpec<TDocument>(projection: Projection<TDocument>) {
  return {
    given: (events: readonly StoredEvent[]) => {
      const documents = (): Record<string, TDocument> => {
        const byId = new Map<string, TDocument>();
        for (const event of events) {
          if (!projection.handles.includes(event.type)) continue;
          const id = projection.documentId(event);
          if (id === null) continue;
          const next = projection.evolve(byId.get(id) ?? null, event);
          if (next === null) byId.delete(id);
          else byId.set(id, next);
        }
        return Object.fromEntries(byId);
      };
      return {
        /** Every document, by id, for assertions beyond `then`. */
        documents,
        /** One document, or null when the events leave none. */
        document: (id: string): TDocument | null => documents()[id] ?? null,
        /** Exactly these documents exist, each matching the fields given (toMatchObject). */
        then: (expected: Readonly<Record<string, object>>): void => {
          const actual = documents();
          expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
          expect(actual).toMatchObject(expected);
        },
        thenNoDocuments: (): void => {
          expect(documents()).toEqual({});
        },
      };
    },
  };
}
