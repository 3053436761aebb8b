import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import type { ApplicationKind, ApplicationStatus, LicenceStatus } from '@dul/domain';
import { APPLICATION_KINDS } from '@dul/domain';
import { APPLICATION_STATUSES, booleanFromQuery, COUNTRY_CODE, ID_MAX, LICENCE_STATUSES } from './dto-fields';

export const PAGE_LIMIT_DEFAULT = 50;
export const PAGE_LIMIT_MAX = 200;
/**
 * Deepest offset a list accepts. Without a maximum, `offset=1e308` (an integer to JavaScript) reached
 * SQL and answered 500 (issue 11); past a million rows offset paging is the wrong tool anyway.
 */
export const PAGE_OFFSET_MAX = 1_000_000;

const COUNTRY_MESSAGE = { message: '$property must be an ISO 3166-1 alpha-2 code in capitals (e.g. BR)' };

// Query values arrive as strings; @Type(() => Number) converts them ('abc' becomes NaN, which @IsInt
// rejects). Defaults apply when the parameter is left out.
export abstract class PageQueryDto {
  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: PAGE_LIMIT_MAX,
    default: PAGE_LIMIT_DEFAULT,
    example: 50,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(PAGE_LIMIT_MAX)
  readonly limit: number = PAGE_LIMIT_DEFAULT;

  @ApiPropertyOptional({ type: 'integer', minimum: 0, maximum: PAGE_OFFSET_MAX, default: 0, example: 0 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(0)
  @Max(PAGE_OFFSET_MAX)
  readonly offset: number = 0;
}

export class ListApplicationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: APPLICATION_STATUSES, example: 'UNDER_ASSESSMENT' })
  @IsOptional()
  @IsIn(APPLICATION_STATUSES)
  readonly status?: ApplicationStatus;

  @ApiPropertyOptional({
    maxLength: ID_MAX,
    description: 'The assigned caseworker',
    example: 'anna.weber@bafa.example',
  })
  @IsOptional()
  @IsString()
  @MaxLength(ID_MAX)
  readonly assignee?: string;

  @ApiPropertyOptional({ enum: APPLICATION_KINDS, example: 'INDIVIDUAL' })
  @IsOptional()
  @IsIn(APPLICATION_KINDS)
  readonly kind?: ApplicationKind;

  @ApiPropertyOptional({ pattern: COUNTRY_CODE.source, description: 'ISO 3166-1 alpha-2', example: 'BR' })
  @IsOptional()
  @Matches(COUNTRY_CODE, COUNTRY_MESSAGE)
  readonly destination?: string;

  @ApiPropertyOptional({
    type: Boolean,
    description: "'true': only applications past their decision deadline; 'false': only those within it",
    example: true,
  })
  @IsOptional()
  @Transform(booleanFromQuery)
  @IsBoolean({ message: "$property must be 'true' or 'false'" })
  readonly overdue?: boolean;
}

export class ListLicencesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: LICENCE_STATUSES, example: 'ACTIVE' })
  @IsOptional()
  @IsIn(LICENCE_STATUSES)
  readonly status?: LicenceStatus;

  @ApiPropertyOptional({ pattern: COUNTRY_CODE.source, description: 'ISO 3166-1 alpha-2', example: 'BR' })
  @IsOptional()
  @Matches(COUNTRY_CODE, COUNTRY_MESSAGE)
  readonly destination?: string;
}
