import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { ProjectionHost } from '@dul/platform';
import { PROJECTION_STORE } from '@dul/projections';
import { AsyncApiController } from './asyncapi.controller';
import { InboundConsumerService } from './inbound/inbound-consumer.service';
import { IntegrationEvents } from './integration-events';
import { createMetricsRegistry, METRICS_REGISTRY, MetricsController } from './metrics';
import { RELAY_OPTIONS, RelayService } from './relay/relay.service';
import { StreamsController } from './streams/streams.controller';

export interface GatewayOptions {
  /** Kafka brokers; without them the relay stays off and only Server-Sent Events serve the streams. */
  readonly kafkaBrokers?: string;
  readonly topicReplicationFactor?: number;
}

/** Event streams for other agencies: the Kafka relay, Server-Sent Events, AsyncAPI and metrics. */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions = {}): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [StreamsController, AsyncApiController, MetricsController],
      providers: [
        IntegrationEvents,
        RelayService,
        InboundConsumerService,
        { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry, inject: [ProjectionHost, PROJECTION_STORE] },
        {
          provide: RELAY_OPTIONS,
          useValue: { brokers: options.kafkaBrokers, replicationFactor: options.topicReplicationFactor ?? 1 },
        },
      ],
      exports: [RelayService],
    };
  }
}
