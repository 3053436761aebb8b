import type { Audience } from './audiences';
import type { PublishedDataByType, PublishedType } from './catalogue';

/** A published integration event, ready to become a CloudEvent on its audience's topic or stream. */
export type IntegrationEvent<T extends PublishedType = PublishedType> = {
  readonly [K in T]: {
    readonly audience: Audience;
    /** Kafka topic of the audience. */
    readonly topic: string;
    /** Kafka partition key: the aggregate id, so order per aggregate holds. */
    readonly key: string;
    /** Stable across retries and replays: `${domainEventId}:${audience}`. Consumers drop duplicates by it. */
    readonly id: string;
    readonly type: K;
    /** CloudEvents subject, e.g. licences/{licenceId}. */
    readonly subject: string;
    /** ISO instant the source event was recorded. */
    readonly time: string;
    /** Global position of the source event in the store (SSE resume point, relay checkpoint). */
    readonly position: number;
    /** Version of the source event in its stream (0, 1, ...): the CloudEvents `sequence` per key. */
    readonly sequence: number;
    readonly data: PublishedDataByType[K];
  };
}[T];

/**
 * The stored event a mapper reads: structurally the event store's StoredEvent, declared here so that
 * contracts do not depend on the store.
 */
export interface SourceEvent {
  readonly eventId: string;
  readonly streamId: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly [key: string]: unknown };
  readonly recordedAt: Date | string;
  readonly globalPosition: number;
  /** The event's version in its stream (0 for the first). */
  readonly streamVersion: number;
}
