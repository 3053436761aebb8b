import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@dul/platform';
import type { GatewayEnvironment } from './gateway.environment';

/** Event streams for other agencies: Kafka relay and Server-Sent Events. */
@Module({})
export class GatewayModule {
  static forRoot(environment: GatewayEnvironment): DynamicModule {
    return { module: GatewayModule, imports: [PlatformModule.forRoot({ environment })] };
  }
}
