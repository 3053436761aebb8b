import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { DEFAULT_SMALL_CELL_THRESHOLD } from '@dul/domain';
import type { ReportingOptions } from './annual-report.query';
import { AnnualReportQueries, REPORTING_OPTIONS } from './annual-report.query';
import { ReportsController } from './reports.controller';
import { REPORTING_QUERY_HANDLERS } from './reports.queries';

/**
 * The Commission's Art 26 annual report, member-state statistics and the public transparency dataset.
 * Its read model (reportFactsProjection, in REPORTING_PROJECTIONS) is registered with the platform.
 */
@Module({})
export class ReportingModule {
  static forRoot(options: Partial<ReportingOptions> = {}): DynamicModule {
    const resolved: ReportingOptions = {
      smallCellThreshold: options.smallCellThreshold ?? DEFAULT_SMALL_CELL_THRESHOLD,
    };
    return {
      module: ReportingModule,
      controllers: [ReportsController],
      providers: [AnnualReportQueries, ...REPORTING_QUERY_HANDLERS, { provide: REPORTING_OPTIONS, useValue: resolved }],
      exports: [AnnualReportQueries],
    };
  }
}
