import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import type { BaseEnvironment } from '@dul/config';
import { ProjectionHost } from '@dul/platform';
import { PROJECTION_STORE } from '@dul/projections';
import { AsyncApiController } from './asyncapi.controller';
import { ConsultationWritesModule } from '../consultation/public/consultation.handlers';
import { InboundConsumerService } from './inbound/inbound-consumer.service';
import { IntegrationEvents } from './integration-events';
import { createMetricsRegistry, METRICS_REGISTRY, MetricsController } from './metrics';
import type { RelayOptions } from './relay/relay.service';
import { RELAY_OPTIONS, RelayService } from './relay/relay.service';
import { StreamsController } from './streams/streams.controller';
import { ReadStreamPageHandler, StoreAppends } from './streams/stream-page.query';

export interface GatewayOptions {
  /** Kafka brokers; without them the relay stays off and only Server-Sent Events serve the streams. */
  readonly kafkaBrokers?: string;
  readonly topicReplicationFactor?: number;
  /** SASL/SCRAM, TLS and ACL settings of the Kafka clients (see RelayOptions). */
  readonly kafkaSecurity?: Pick<
    RelayOptions,
    | 'sasl'
    | 'ssl'
    | 'manageAcls'
    | 'authorityPrincipal'
    | 'customsPrincipal'
    | 'commissionPrincipal'
    | 'inboundGroup'
    | 'shutdownGraceMs'
  >;
}

/** The gateway's Kafka options from the validated environment (KAFKA_* variables). */
export function kafkaSecurityFrom(environment: BaseEnvironment): GatewayOptions['kafkaSecurity'] {
  const { KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD } = environment;
  return {
    ...(KAFKA_SASL_MECHANISM !== undefined &&
      KAFKA_USERNAME !== undefined &&
      KAFKA_PASSWORD !== undefined && {
        sasl: { mechanism: KAFKA_SASL_MECHANISM, username: KAFKA_USERNAME, password: KAFKA_PASSWORD },
      }),
    ssl: environment.KAFKA_SSL === 'true',
    manageAcls: environment.KAFKA_MANAGE_ACLS === 'true',
    authorityPrincipal: environment.KAFKA_AUTHORITY_PRINCIPAL,
    customsPrincipal: environment.KAFKA_CUSTOMS_PRINCIPAL,
    commissionPrincipal: environment.KAFKA_COMMISSION_PRINCIPAL,
    inboundGroup: environment.KAFKA_INBOUND_GROUP,
    shutdownGraceMs: environment.KAFKA_SHUTDOWN_GRACE_MS,
  };
}

/** Event streams for other agencies: the Kafka relay, Server-Sent Events, AsyncAPI and metrics. */
@Module({})
export class GatewayModule {
  static forRoot(options: GatewayOptions = {}): DynamicModule {
    return {
      module: GatewayModule,
      // The inbound consumer dispatches consultation replies and denial notifications on the CommandBus.
      imports: [ConsultationWritesModule],
      controllers: [StreamsController, AsyncApiController, MetricsController],
      providers: [
        IntegrationEvents,
        ReadStreamPageHandler,
        StoreAppends,
        RelayService,
        InboundConsumerService,
        { provide: METRICS_REGISTRY, useFactory: createMetricsRegistry, inject: [ProjectionHost, PROJECTION_STORE] },
        {
          provide: RELAY_OPTIONS,
          useValue: {
            brokers: options.kafkaBrokers,
            replicationFactor: options.topicReplicationFactor ?? 1,
            ...options.kafkaSecurity,
          } satisfies RelayOptions,
        },
      ],
      exports: [RelayService],
    };
  }
}
