import type { StoredEvent } from '@dul/event-store';

/** One recorded event as the history endpoints answer it: what happened, who did it, with which roles, when. */
export interface HistoryEntry {
  readonly version: number;
  readonly position: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly actor: string;
  readonly memberState: string | null;
  readonly roles: readonly string[];
  readonly correlationId: string;
  readonly data: unknown;
}

/** The entry of a stored event, as recorded (the event store is the authorities' record). */
export function historyEntryOf(event: StoredEvent): HistoryEntry {
  return {
    version: event.streamVersion,
    position: event.globalPosition,
    type: event.type,
    recordedAt: event.recordedAt.toISOString(),
    actor: event.metadata.actor,
    memberState: event.metadata.memberState ?? null,
    roles: Array.isArray(event.metadata.roles) ? (event.metadata.roles as string[]) : [],
    correlationId: event.metadata.correlationId,
    data: event.data,
  };
}
