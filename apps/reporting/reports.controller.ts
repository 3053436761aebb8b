import { Controller, Get, Headers, Query, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiExtraModels,
  ApiOkResponse,
  ApiOperation,
  ApiProduces,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { QueryBus } from '@nestjs/cqrs';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, Principal, Public, Roles } from '@dul/auth';
import type { AnnualReport, MemberStateCode, TransparencyDataset } from '@dul/domain';
import { normaliseMemberState, refuse } from '@dul/domain';
import { GetAnnualReport, GetTransparencyData } from './reports.queries';
import { negotiateFormat, renderReport, reportFileName } from './report-formats';
import {
  AnnualReportDto,
  AnnualReportQueryDto,
  asOfInstant,
  ReportYearQueryDto,
  TransparencyDatasetDto,
} from './reports.dto';

/** The read model position a report was computed at (a global event position). */
export const REPORT_POSITION_HEADER = 'x-read-model-position';

/** The Art 26 annual report (Commission: EU-wide; an authority: its own figures) and the public dataset. */
@ApiTags('reports')
@Controller('v1/reports')
export class ReportsController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get('annual')
  @ApiBearerAuth()
  @Roles('commission', 'caseworker', 'approver', 'auditor')
  @ApiOperation({
    operationId: 'getAnnualReport',
    summary: 'The Art 26 annual report: EU-wide for the Commission, its own figures for an authority',
    description:
      'JSON, CSV or one self-contained HTML page with charts, by `format` or the Accept header. `asOf` gives ' +
      'the report as it would have been produced then, from the events recorded by that time. Values are in ' +
      'EUR only: `grantedValueEur`/`deniedValueEur` hold EUR values and others converted at the reference rate ' +
      'in force on the decision date (`npm run rates`; `itemsConvertedToEur` counts them); a value without a rate ' +
      'is reported apart in `grantedValuesWithoutEurRate`/`deniedValuesWithoutEurRate` ([{currency, amount}]).',
  })
  @ApiProduces('application/json', 'text/csv', 'text/html')
  @ApiOkResponse({
    description: 'The report: the AnnualReport shape in JSON, or CSV, or HTML',
    content: {
      'application/json': { schema: { $ref: getSchemaPath(AnnualReportDto) } },
      'text/csv': { schema: { type: 'string' } },
      'text/html': { schema: { type: 'string' } },
    },
  })
  @ApiExtraModels(AnnualReportDto)
  async annual(
    @CurrentPrincipal() principal: Principal,
    @Query() query: AnnualReportQueryDto,
    @Headers('accept') accept: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<AnnualReport | string> {
    const memberState = scopeOf(principal, query.memberState);
    const { report, position } = await this.queryBus.execute(
      new GetAnnualReport({
        year: query.year,
        asOf: asOfInstant(query.asOf),
        ...(memberState !== null && { memberState }),
      }),
    );
    const format = query.format ?? negotiateFormat(accept);
    void reply.header(REPORT_POSITION_HEADER, String(position)).header('vary', 'Accept');
    if (format === 'json') return report;
    const { body, contentType } = renderReport(report, format);
    void reply.header('content-type', contentType);
    if (format === 'csv') {
      void reply.header('content-disposition', `attachment; filename="${reportFileName(report, format)}"`);
    }
    return body;
  }

  @Get('transparency')
  @Public()
  @ApiOperation({
    operationId: 'getTransparencyData',
    summary: 'The public, aggregated dataset of the EU-wide report, small cells suppressed',
    description: 'Counts below the configured threshold (REPORT_SMALL_CELL_THRESHOLD, default 3) are null.',
  })
  @ApiOkResponse({ description: 'The TransparencyDataset shape', type: TransparencyDatasetDto })
  async transparency(
    @Query() query: ReportYearQueryDto,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TransparencyDataset> {
    const { report, position } = await this.queryBus.execute(
      new GetTransparencyData({ year: query.year, asOf: asOfInstant(query.asOf) }),
    );
    void reply.header(REPORT_POSITION_HEADER, String(position));
    return report;
  }
}

/**
 * Whose figures a caller may see: the Commission any member state's or the EU's (null); an authority
 * only its own, whatever it asks for.
 */
function scopeOf(principal: Principal, requested: string | undefined): MemberStateCode | null {
  const asked = requested === undefined ? null : (normaliseMemberState(requested) ?? null);
  if (principal.roles.includes('commission')) return asked;
  if (principal.ms === null) {
    throw refuse.forbidden('report-scope', 'the annual report is for the Commission and member-state authorities');
  }
  if (asked !== null && asked !== principal.ms) {
    throw refuse.forbidden('report-scope', `an authority sees its own figures only (${principal.ms}, not ${asked})`);
  }
  return principal.ms;
}
