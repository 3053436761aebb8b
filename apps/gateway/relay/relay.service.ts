import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka, logLevel } from 'kafkajs';
import { Counter, Gauge } from 'prom-client';
import { AUDIENCES, TOPICS, toCloudEvent, toKafkaMessage } from '@dul/contracts';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { ensureTopics, KafkaRelay } from '@dul/messaging';
import { METRICS_REGISTRY, type MetricsRegistry } from '../metrics';
import { CLOUD_EVENT_SOURCE, IntegrationEvents } from '../integration-events';
import { RetryingStart } from '../retrying-start';

export const RELAY_OPTIONS = Symbol.for('dul.RelayOptions');
export interface RelayOptions {
  /** Comma-separated host:port; the relay runs only when brokers are configured. */
  readonly brokers: string | undefined;
  /** Replication factor of topics the relay creates (1 on a single local broker). */
  readonly replicationFactor: number;
}

/**
 * Runs the Kafka relay when brokers are configured: creates the audience topics with explicit
 * partitions and retention, then publishes CloudEvents (structured mode) keyed by aggregate id,
 * moving its checkpoint only after the broker acknowledged. Shutdown finishes the batch in flight,
 * saves the checkpoint and disconnects the producer.
 */
@Injectable()
export class RelayService implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(RelayService.name);
  private relay: KafkaRelay | undefined;
  private readonly published: Counter;
  private readonly lag: Gauge;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(RELAY_OPTIONS) private readonly options: RelayOptions,
    @Inject(METRICS_REGISTRY) metrics: MetricsRegistry,
    private readonly integrationEvents: IntegrationEvents,
  ) {
    this.published = new Counter({
      name: 'dul_relay_published_messages_total',
      help: 'Messages the relay published to Kafka, by topic',
      labelNames: ['topic'],
      registers: [metrics],
    });
    const relayLag = (): Promise<number> => this.relay?.lag() ?? Promise.resolve(0);
    this.lag = new Gauge({
      name: 'dul_relay_lag_positions',
      help: 'Global positions between the event store head and the relay checkpoint',
      registers: [metrics],
      async collect() {
        this.set(await relayLag());
      },
    });
  }

  get enabled(): boolean {
    return this.relay !== undefined;
  }

  private readonly starter = new RetryingStart('Kafka relay', this.logger);

  onApplicationBootstrap(): void {
    if (!this.options.brokers) {
      this.logger.log(
        'KAFKA_BROKERS is not set: the Kafka relay is off (Server-Sent Events still serve every audience)',
      );
      return;
    }
    const brokers = this.options.brokers;
    this.starter.run(() => this.start(brokers));
  }

  private async start(brokers: string): Promise<void> {
    const kafka = new Kafka({
      clientId: 'dul-relay',
      brokers: brokers.split(','),
      logLevel: logLevel.WARN,
    });
    const created = await ensureTopics(
      kafka,
      AUDIENCES.map((audience) => {
        const topic = TOPICS[audience];
        return {
          topic: topic.name,
          partitions: topic.partitions,
          replicationFactor: Math.min(topic.replicationFactor, this.options.replicationFactor),
          config: topic.config,
        };
      }),
    );
    if (created.length > 0) this.logger.log(`Created topics ${created.join(', ')}`);
    this.relay = new KafkaRelay(
      kafka,
      this.store,
      async (event) =>
        (await this.integrationEvents.of(event)).map((integrationEvent) => ({
          topic: integrationEvent.topic,
          ...toKafkaMessage(toCloudEvent(integrationEvent, CLOUD_EVENT_SOURCE)),
        })) as never,
      {
        checkpointName: 'gateway.kafka-relay',
        onPublished: (topic, count) => this.published.inc({ topic }, count),
        onError: (error) => this.logger.error(`Relay failed, will retry: ${String(error)}`),
      },
    );
    const relay = this.relay;
    try {
      await relay.start();
      this.logger.log(`Kafka relay publishing from position ${relay.stats().position}`);
    } catch (error) {
      this.relay = undefined;
      throw error;
    }
  }

  /** Finishes the batch in flight and saves the checkpoint while the store is still open. */
  async beforeApplicationShutdown(): Promise<void> {
    this.starter.stop();
    await this.relay?.stop();
  }
}
