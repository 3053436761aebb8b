import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@dul/platform';
import type { LicensingEnvironment } from './licensing.environment';

/** Member-state API: applications, assessment, decisions and licences. */
@Module({})
export class LicensingModule {
  static forRoot(environment: LicensingEnvironment): DynamicModule {
    return { module: LicensingModule, imports: [PlatformModule.forRoot({ environment })] };
  }
}
