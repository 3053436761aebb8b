import type { Kafka, Message, Producer } from 'kafkajs';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { CatchUpSubscription } from '@dul/event-store';

/** One Kafka message to publish for a stored event, already encoded (see @dul/contracts). */
export interface OutboundMessage {
  readonly topic: string;
  /** The partition key: the aggregate id, so order per aggregate holds. */
  readonly key: string;
  readonly value: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Maps a stored domain event to the messages it publishes: none for internal-only events. */
export type RelayMapper = (event: StoredEvent) => readonly OutboundMessage[] | Promise<readonly OutboundMessage[]>;

export interface RelayStats {
  readonly published: number;
  readonly batches: number;
  readonly position: number;
}

export interface KafkaRelayOptions {
  readonly checkpointName: string;
  readonly batchSize?: number;
  readonly idlePollMs?: number;
  readonly onPublished?: (topic: string, count: number) => void;
  readonly onError?: (error: unknown) => void;
}

/**
 * Publishes the event store's global order to Kafka. A checkpointed catch-up subscription hands a
 * batch over, the idempotent producer sends it with acks=all, and only then does the checkpoint
 * move. A crash between send and checkpoint sends the batch again: at-least-once, with every
 * message carrying the event id so consumers drop duplicates.
 */
export class KafkaRelay {
  private readonly producer: Producer;
  private readonly subscription: CatchUpSubscription;
  private published = 0;
  private batches = 0;

  constructor(
    kafka: Kafka,
    private readonly store: EventStore,
    private readonly map: RelayMapper,
    private readonly options: KafkaRelayOptions,
  ) {
    // Idempotent: the broker drops a retried send's duplicates; one request in flight keeps order.
    this.producer = kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
    this.subscription = new CatchUpSubscription(store, {
      checkpointName: options.checkpointName,
      batchSize: options.batchSize ?? 200,
      idlePollMs: options.idlePollMs ?? 100,
      handle: (events) => this.publish(events),
      onError: options.onError,
    });
  }

  async start(): Promise<void> {
    await this.producer.connect();
    await this.subscription.start();
  }

  /** Finishes the batch in flight (so its checkpoint is saved), then disconnects the producer. */
  async stop(): Promise<void> {
    await this.subscription.stop();
    await this.producer.disconnect();
  }

  stats(): RelayStats {
    return { published: this.published, batches: this.batches, position: this.subscription.position };
  }

  async lag(): Promise<number> {
    return Math.max(0, (await this.store.headPosition()) - this.subscription.position);
  }

  private async publish(events: readonly StoredEvent[]): Promise<void> {
    const byTopic = new Map<string, Message[]>();
    for (const event of events) {
      for (const message of await this.map(event)) {
        const list = byTopic.get(message.topic) ?? [];
        list.push({ key: message.key, value: message.value, headers: { ...message.headers } });
        byTopic.set(message.topic, list);
      }
    }
    if (byTopic.size === 0) return;
    await this.producer.sendBatch({
      acks: -1,
      topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
    });
    this.batches++;
    for (const [topic, messages] of byTopic) {
      this.published += messages.length;
      this.options.onPublished?.(topic, messages.length);
    }
  }
}
