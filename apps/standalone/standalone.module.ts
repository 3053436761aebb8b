import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@dul/platform';
import type { StandaloneEnvironment } from './standalone.environment';

/** Every service of the product in one process. Service modules join here as they land. */
@Module({})
export class StandaloneModule {
  static forRoot(environment: StandaloneEnvironment): DynamicModule {
    return { module: StandaloneModule, imports: [PlatformModule.forRoot({ environment })] };
  }
}
