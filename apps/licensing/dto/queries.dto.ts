import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import type { ApplicationKind, ApplicationStatus, LicenceStatus } from '@dul/domain';
import { APPLICATION_KINDS } from '@dul/domain';
import { APPLICATION_STATUSES, booleanFromQuery, COUNTRY_CODE, ID_MAX, LICENCE_STATUSES } from '@dul/http';
import { PageQueryDto } from '@dul/http';

const COUNTRY_MESSAGE = { message: '$property must be an ISO 3166-1 alpha-2 code in capitals (e.g. BR)' };

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
