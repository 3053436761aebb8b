import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule } from '@dul/auth';
import type { Clock } from '@dul/platform';
import { authOptionsFrom, PlatformModule } from '@dul/platform';
import type { ReportingEnvironment } from './reporting.environment';
import { ReportingModule } from './reporting.module';
import { REPORTING_PROJECTIONS } from './reporting.projections';

/** The reporting service on its own, for production (one entry per service). */
@Module({})
export class ReportingServiceModule {
  static forRoot(environment: ReportingEnvironment, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: ReportingServiceModule,
      imports: [
        PlatformModule.forRoot({ environment, projections: REPORTING_PROJECTIONS, clock: overrides.clock }),
        AuthModule.forRoot(authOptionsFrom(environment)),
        ReportingModule.forRoot({ smallCellThreshold: environment.REPORT_SMALL_CELL_THRESHOLD }),
      ],
    };
  }
}
