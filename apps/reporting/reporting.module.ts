import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { PlatformModule } from '@dul/platform';
import type { ReportingEnvironment } from './reporting.environment';

/** EU-wide and member-state views and the Commission's Art 26 annual report. */
@Module({})
export class ReportingModule {
  static forRoot(environment: ReportingEnvironment): DynamicModule {
    return { module: ReportingModule, imports: [PlatformModule.forRoot({ environment })] };
  }
}
