import type { IQueryHandler } from '@nestjs/cqrs';
import { Query, QueryHandler } from '@nestjs/cqrs';
import type { AnnualReport, AnnualReportOptions, TransparencyDataset } from '@dul/domain';
import type { ReportAnswer } from './annual-report.query';
import { AnnualReportQueries } from './annual-report.query';

/** The Art 26 annual report, EU-wide or one authority's, with the position it was computed at. */
export class GetAnnualReport extends Query<ReportAnswer<AnnualReport>> {
  constructor(readonly options: Omit<AnnualReportOptions, 'smallCellThreshold'>) {
    super();
  }
}

/** The public transparency dataset for a year (small cells suppressed). */
export class GetTransparencyData extends Query<ReportAnswer<TransparencyDataset>> {
  constructor(readonly options: { readonly year: number; readonly asOf?: Date }) {
    super();
  }
}

@QueryHandler(GetAnnualReport)
export class GetAnnualReportHandler implements IQueryHandler<GetAnnualReport> {
  constructor(private readonly reports: AnnualReportQueries) {}
  execute(query: GetAnnualReport) {
    return this.reports.annual(query.options);
  }
}

@QueryHandler(GetTransparencyData)
export class GetTransparencyDataHandler implements IQueryHandler<GetTransparencyData> {
  constructor(private readonly reports: AnnualReportQueries) {}
  execute(query: GetTransparencyData) {
    return this.reports.transparency(query.options);
  }
}

export const REPORTING_QUERY_HANDLERS = [GetAnnualReportHandler, GetTransparencyDataHandler];
