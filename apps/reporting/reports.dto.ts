import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsISO8601, isISO8601, IsOptional, Matches, Max, Min } from 'class-validator';
import { MEMBER_STATE_CODES } from '@dul/domain';
import type { ReportFormat } from './report-formats';
import { REPORT_FORMATS } from './report-formats';

export const REPORT_YEAR_MIN = 2021;
export const REPORT_YEAR_MAX = 2100;

/** A calendar date, or an ISO 8601 instant with its offset. */
const AS_OF = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

// Query values arrive as strings: @Type(() => Number) converts ('abc' becomes NaN, which @IsInt refuses).
export class ReportYearQueryDto {
  @ApiProperty({ type: 'integer', minimum: REPORT_YEAR_MIN, maximum: REPORT_YEAR_MAX, example: 2025 })
  @Type(() => Number)
  @IsInt({ message: '$property must be a whole number (a calendar year)' })
  @Min(REPORT_YEAR_MIN, { message: `$property must be between ${REPORT_YEAR_MIN} and ${REPORT_YEAR_MAX}` })
  @Max(REPORT_YEAR_MAX, { message: `$property must be between ${REPORT_YEAR_MIN} and ${REPORT_YEAR_MAX}` })
  readonly year!: number;

  @ApiPropertyOptional({
    description:
      'The report as it would have been produced then, from the events recorded by that time: a date ' +
      '(YYYY-MM-DD, the end of that day in UTC) or an ISO 8601 instant',
    example: '2025-06-30',
  })
  @IsOptional()
  @Matches(AS_OF, { message: '$property must be a date (YYYY-MM-DD) or an ISO 8601 instant with its offset' })
  @IsISO8601({ strict: true }, { message: '$property must be a real calendar date' })
  readonly asOf?: string;
}

export class AnnualReportQueryDto extends ReportYearQueryDto {
  @ApiPropertyOptional({
    enum: REPORT_FORMATS,
    description: 'Overrides the Accept header (application/json, text/csv, text/html)',
    example: 'html',
  })
  @IsOptional()
  @IsIn(REPORT_FORMATS, { message: `$property must be one of ${REPORT_FORMATS.join(', ')}` })
  readonly format?: ReportFormat;

  @ApiPropertyOptional({
    description: "Commission only: one member state's own figures (an authority always gets its own)",
    example: 'DE',
  })
  @IsOptional()
  @IsIn([...MEMBER_STATE_CODES, 'EL'], { message: '$property must be an EU member state code (e.g. DE)' })
  readonly memberState?: string;
}

/** The instant a report is as of: a date is the end of that day (UTC); undefined for everything recorded. */
export function asOfInstant(asOf: string | undefined): Date | undefined {
  if (asOf === undefined) return undefined;
  return new Date(DATE_ONLY.test(asOf) ? `${asOf}T23:59:59.999Z` : asOf);
}

/** An `asOf` as the API accepts it (checked as the DTO checks it), for callers outside HTTP; null when invalid. */
export function parseAsOf(text: string): Date | null {
  if (!AS_OF.test(text) || !isISO8601(text, { strict: true })) return null;
  return asOfInstant(text) ?? null;
}

/** The tables the annual report and the transparency dataset share, one row per value of a dimension. */
class ReportTablesDto {
  @ApiProperty({ type: [Object] })
  readonly byMemberState!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly byDestination!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly byCategory!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly bySubCategory!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly byReportingCode!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly byLicenceKind!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly byMonth!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object] })
  readonly cyberSurveillance!: readonly Record<string, unknown>[];
}

/** The Art 26 annual report in JSON (the AnnualReport shape of libs/domain; its tables as objects). */
export class AnnualReportDto extends ReportTablesDto {
  @ApiProperty({ example: 2025 })
  readonly year!: number;
  @ApiProperty({
    type: String,
    nullable: true,
    example: 'DE',
    description: "The authority's own figures; null EU-wide",
  })
  readonly memberState!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly asOf!: string | null;
  @ApiProperty({ example: 3 })
  readonly smallCellThreshold!: number;
  @ApiProperty({ type: 'object', additionalProperties: true, description: "The year's figures (ReportFigures)" })
  readonly totals!: Record<string, unknown>;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'General authorisations and administration' })
  readonly generalAuthorisations!: Record<string, unknown>;
}

/** The public dataset (the TransparencyDataset shape; counts below the threshold are null). */
export class TransparencyDatasetDto extends ReportTablesDto {
  @ApiProperty({ example: 2025 })
  readonly year!: number;
  @ApiProperty({ type: String, nullable: true })
  readonly memberState!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly asOf!: string | null;
  @ApiProperty({ example: 3 })
  readonly threshold!: number;
  @ApiProperty({ type: 'object', additionalProperties: true })
  readonly totals!: Record<string, unknown>;
}
