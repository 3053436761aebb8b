import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule } from '@dul/auth';
import { authOptionsFrom, PlatformModule } from '@dul/platform';
import type { GatewayEnvironment } from './gateway.environment';
import { GatewayModule, kafkaSecurityFrom } from './gateway.module';

/** The gateway service on its own, for production. */
@Module({})
export class GatewayServiceModule {
  static forRoot(environment: GatewayEnvironment): DynamicModule {
    return {
      module: GatewayServiceModule,
      imports: [
        PlatformModule.forRoot({ environment }),
        AuthModule.forRoot(authOptionsFrom(environment)),
        GatewayModule.forRoot({
          kafkaBrokers: environment.KAFKA_BROKERS,
          topicReplicationFactor: environment.KAFKA_TOPIC_REPLICATION,
          kafkaSecurity: kafkaSecurityFrom(environment),
        }),
      ],
    };
  }
}
