import type { BeforeApplicationShutdown, OnApplicationBootstrap } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { Counter, Gauge } from 'prom-client';
import type { IntegrationEvent } from '@dul/contracts';
import {
  AUDIENCES,
  authorityAddressees,
  DEAD_LETTER_TOPIC,
  inboundTopicFor,
  PUBLIC_AUDIENCES,
  TOPICS,
  topicFor,
  toCloudEvent,
  toKafkaMessage,
} from '@dul/contracts';
import { MEMBER_STATE_CODES } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import type { KafkaConnection, OutboundMessage, TopicSpec } from '@dul/messaging';
import {
  authorityAcls,
  ensureAcls,
  ensureTopics,
  kafkaClient,
  KafkaRelay,
  readerAcls,
  settleWithin,
} from '@dul/messaging';
import { METRICS_REGISTRY, type MetricsRegistry } from '../metrics';
import { CLOUD_EVENT_SOURCE, IntegrationEvents } from '../integration-events';
import { RetryingStart } from '../retrying-start';

export const RELAY_OPTIONS = Symbol.for('dul.RelayOptions');
export interface RelayOptions {
  /** Comma-separated host:port; the relay runs only when brokers are configured. */
  readonly brokers: string | undefined;
  /** Replication factor of topics the relay creates (1 on a single local broker). */
  readonly replicationFactor: number;
  /** SASL/SCRAM principal of this service (the relay runs as the cluster's topic and ACL administrator). */
  readonly sasl?: KafkaConnection['sasl'];
  readonly ssl?: boolean;
  /** With SASL: create the authorities' ACLs at start (default true). */
  readonly manageAcls?: boolean;
  /** SCRAM user of each member state's authority, `{ms}` replaced by the code (default authority-{ms}). */
  readonly authorityPrincipal?: string;
  /** SCRAM user of the customs systems (default customs): reads the customs topic only. */
  readonly customsPrincipal?: string;
  /** SCRAM user of the Commission (default commission): reads the Commission's topic only. */
  readonly commissionPrincipal?: string;
  /** Consumer group of the inbound consumer (default dul-inbound), one per deployment. */
  readonly inboundGroup?: string;
  /** How long shutdown waits for a Kafka client to leave before it goes on (default 2,000 ms). */
  readonly shutdownGraceMs?: number;
}

/** The connection the gateway's Kafka clients use. */
export function connectionOf(options: RelayOptions): KafkaConnection {
  return {
    brokers: (options.brokers ?? '').split(','),
    ...(options.sasl && { sasl: options.sasl }),
    ...(options.ssl && { ssl: true }),
  };
}

/** Every topic the gateway creates: audience topics (the authorities' one per member state), inbound, dead letters. */
export function gatewayTopics(replicationFactor: number): TopicSpec[] {
  const audienceTopics = AUDIENCES.flatMap((audience) => {
    const topic = TOPICS[audience];
    const names = topic.perMemberState ? MEMBER_STATE_CODES.map((ms) => topicFor(audience, ms)) : [topicFor(audience)];
    return names.map((name) => ({
      topic: name,
      partitions: topic.partitions,
      replicationFactor: Math.min(topic.replicationFactor, replicationFactor),
      config: topic.config,
    }));
  });
  const inbound = MEMBER_STATE_CODES.map((ms) => ({
    topic: inboundTopicFor(ms),
    partitions: 1,
    replicationFactor,
    config: { 'retention.ms': String(30 * 86_400_000) },
  }));
  const deadLetters = { topic: DEAD_LETTER_TOPIC, partitions: 1, replicationFactor, config: { 'retention.ms': '-1' } };
  return [...audienceTopics, ...inbound, deadLetters];
}

/**
 * The ACLs of every member state's authority principal (see authorityAcls), and of the customs and
 * Commission principals, each reading its one topic.
 */
export function gatewayAcls(
  principalTemplate = 'authority-{ms}',
  agencies: { readonly customs?: string; readonly commission?: string } = {},
): ReturnType<typeof authorityAcls> {
  return [
    ...authorityAcls({
      memberStates: MEMBER_STATE_CODES,
      principalOf: (ms) => principalTemplate.replace('{ms}', ms),
      readTopicOf: (ms) => topicFor('authorities', ms),
      writeTopicOf: inboundTopicFor,
      publicTopics: PUBLIC_AUDIENCES.map((audience) => topicFor(audience)),
    }),
    ...readerAcls(agencies.customs ?? 'customs', topicFor('customs')),
    ...readerAcls(agencies.commission ?? 'commission', topicFor('commission')),
  ];
}

/**
 * The Kafka messages of one integration event: one on its audience's topic, or, for the authorities,
 * one on the topic of every member state it is addressed to (none when it names nobody: fail closed).
 */
export function outboundMessages(event: IntegrationEvent, source: string): OutboundMessage[] {
  const { value, headers } = toKafkaMessage(toCloudEvent(event, source));
  if (value === null) throw new Error(`integration event ${event.id} encoded to an empty value`);
  const message = { key: event.key, value, headers: headers as Record<string, string> };
  const topics = TOPICS[event.audience].perMemberState
    ? authorityAddressees(event.data).map((ms) => topicFor(event.audience, ms))
    : [topicFor(event.audience)];
  return topics.map((topic) => ({ topic, ...message }));
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
    this.starter.run(() => this.start());
  }

  private async start(): Promise<void> {
    const kafka: Kafka = kafkaClient(connectionOf(this.options), 'dul-relay');
    const created = await ensureTopics(kafka, gatewayTopics(this.options.replicationFactor));
    if (this.options.sasl && this.options.manageAcls !== false) {
      await ensureAcls(
        kafka,
        gatewayAcls(this.options.authorityPrincipal, {
          ...(this.options.customsPrincipal !== undefined && { customs: this.options.customsPrincipal }),
          ...(this.options.commissionPrincipal !== undefined && { commission: this.options.commissionPrincipal }),
        }),
      );
      this.logger.log(
        'ACLs in place: each member state reads its own topic and writes its own inbound topic; customs and ' +
          'the Commission read their own topic',
      );
    }
    if (created.length > 0) this.logger.log(`Created topics ${created.join(', ')}`);
    this.relay = new KafkaRelay(
      kafka,
      this.store,
      async (event) =>
        (await this.integrationEvents.of(event)).flatMap((integrationEvent) =>
          outboundMessages(integrationEvent, CLOUD_EVENT_SOURCE),
        ),
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

  /**
   * Finishes the batch in flight and saves the checkpoint while the store is still open, within the
   * shutdown grace: a batch still unacknowledged then is sent again at the next start (at-least-once;
   * consumers drop duplicates by event id), as after a crash.
   */
  async beforeApplicationShutdown(): Promise<void> {
    this.starter.stop();
    const graceMs = this.options.shutdownGraceMs ?? 2_000;
    if (this.relay && !(await settleWithin(this.relay.stop(), graceMs)))
      this.logger.warn(`Kafka relay did not stop within ${graceMs} ms; its last batch is sent again at the next start`);
  }
}
