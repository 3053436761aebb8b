import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { ART15_GROUNDS, CONSULTATION_ANSWERS, CONSULTATION_KINDS, SECURITY_INTEREST_REQUESTS } from '@dul/domain';
import type { Art15Ground, ConsultationAnswer, ConsultationKind, SecurityInterestRequest } from '@dul/domain';
import { COUNTRY_CODE, PageQueryDto, PartyDto, TEXT_MAX } from '@dul/http';
import { NOTIFICATION_TYPES } from './notifications/notifications.projection';

const ANSWERS = [...new Set(Object.values(CONSULTATION_ANSWERS).flat())] as ConsultationAnswer[];

export class ReplyToConsultationDto {
  @ApiProperty({
    enum: ANSWERS,
    example: 'NOT_ESSENTIALLY_IDENTICAL',
    description:
      'ITEMS_LOCATED_ELSEWHERE (Art 14(1)): OBJECTION (binds) or NO_OBJECTION. PRIOR_DENIAL (Art 16): ' +
      'ESSENTIALLY_IDENTICAL or NOT_ESSENTIALLY_IDENTICAL. CATCH_ALL: CONCUR, COMMENT or OBJECT. ' +
      'SECURITY_INTEREST (Art 14(2), non-binding): REQUEST_ACCEPTED or REQUEST_DECLINED (with reasons).',
  })
  @IsIn(ANSWERS)
  readonly answer!: ConsultationAnswer;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, example: 'Our denial concerned a different end user in the same city' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly reasons?: string;
}

export class SecurityInterestRequestDto {
  @ApiProperty({
    enum: SECURITY_INTEREST_REQUESTS,
    example: 'NOT_TO_GRANT',
    description:
      'NOT_TO_GRANT an application (give applicationId), or ANNUL, SUSPEND, MODIFY or REVOKE a licence (give licenceId).',
  })
  @IsIn(SECURITY_INTEREST_REQUESTS)
  readonly request!: SecurityInterestRequest;

  @ApiPropertyOptional({
    format: 'uuid',
    example: '0b7e2a7c-3d0e-4f8c-9a51-6c1f0e9d2b34',
    description: 'For NOT_TO_GRANT',
  })
  @ValidateIf((dto: SecurityInterestRequestDto) => dto.request === 'NOT_TO_GRANT' || dto.applicationId !== undefined)
  @IsUUID(undefined, { message: 'applicationId must be a UUID (required for NOT_TO_GRANT)' })
  readonly applicationId?: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'For ANNUL, SUSPEND, MODIFY or REVOKE' })
  @ValidateIf((dto: SecurityInterestRequestDto) => dto.request !== 'NOT_TO_GRANT' || dto.licenceId !== undefined)
  @IsUUID(undefined, { message: 'licenceId must be a UUID (required to annul, suspend, modify or revoke)' })
  readonly licenceId?: string;

  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'The end user supplies a missile programme directed against our armed forces',
    description: 'The essential security interests invoked; sent to the requested member state with the request',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  readonly grounds!: string;
}

export class WithdrawSecurityInterestDto {
  @ApiProperty({ maxLength: TEXT_MAX, example: 'The end user was removed from our national watch list' })
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  readonly reason!: string;
}

export const EXTENSION_ACTIONS = ['REQUEST', 'GRANT', 'DECLINE'] as const;

export class ExtensionDto {
  @ApiProperty({
    enum: EXTENSION_ACTIONS,
    example: 'REQUEST',
    description: 'Ask for more time, or answer a pending request',
  })
  @IsIn(EXTENSION_ACTIONS)
  readonly action!: (typeof EXTENSION_ACTIONS)[number];

  @ApiPropertyOptional({ minimum: 1, maximum: 20, example: 10, description: 'Working days; required to REQUEST' })
  @ValidateIf((dto: ExtensionDto) => dto.action === 'REQUEST' || dto.additionalWorkingDays !== undefined)
  @IsInt()
  @Min(1)
  @Max(20)
  readonly additionalWorkingDays?: number;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, example: 'Technical assessment of the probes by our laboratory' })
  @ValidateIf((dto: ExtensionDto) => dto.action !== 'GRANT' || dto.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  readonly reason?: string;
}

export class ListConsultationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: ['requester', 'consulted'],
    description: 'Your member state as consulting or consulted authority',
  })
  @IsOptional()
  @IsIn(['requester', 'consulted'])
  readonly role?: 'requester' | 'consulted';

  @ApiPropertyOptional({ enum: ['OPEN', 'CLOSED'] })
  @IsOptional()
  @IsIn(['OPEN', 'CLOSED'])
  readonly status?: 'OPEN' | 'CLOSED';

  @ApiPropertyOptional({ enum: CONSULTATION_KINDS })
  @IsOptional()
  @IsIn(CONSULTATION_KINDS)
  readonly kind?: ConsultationKind;

  @ApiPropertyOptional({ example: '2027-01-31', description: 'Consultations whose period ends before this date' })
  @IsOptional()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'dueBefore must be a date YYYY-MM-DD' })
  readonly dueBefore?: string;
}

export class ListDenialsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: 'BR' })
  @IsOptional()
  @Matches(COUNTRY_CODE, { message: 'destination must be an ISO 3166-1 alpha-2 code in capitals' })
  readonly destination?: string;

  @ApiPropertyOptional({ example: '5A001.j', description: 'Denials whose entries overlap this one (parent or child)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  readonly controlEntry?: string;

  @ApiPropertyOptional({ example: 'Meridional Telecom', description: 'Compared as screening compares names' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  readonly endUser?: string;

  @ApiPropertyOptional({ example: 'FR' })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'EL' ? 'GR' : value))
  @Matches(COUNTRY_CODE, { message: 'issuingMemberState must be a member state code' })
  readonly issuingMemberState?: string;

  @ApiPropertyOptional({
    example: true,
    description:
      "Only denials whose Art 16(2) review is overdue (true) or not (false): the issuing authority's review queue. An overdue denial stays in force.",
  })
  @IsOptional()
  @Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'reviewOverdue must be true or false' })
  readonly reviewOverdue?: boolean;
}

export const REVIEW_DECISIONS = ['RENEW', 'AMEND', 'REVOKE'] as const;

export class DenialAmendmentsDto {
  @ApiPropertyOptional({ example: 'BR' })
  @IsOptional()
  @Matches(COUNTRY_CODE)
  readonly destinationCountry?: string;

  @ApiPropertyOptional({ type: PartyDto })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly endUser?: PartyDto;

  @ApiPropertyOptional({ enum: ART15_GROUNDS, isArray: true })
  @IsOptional()
  @IsArray()
  @IsIn(ART15_GROUNDS, { each: true })
  readonly grounds?: Art15Ground[];

  @ApiPropertyOptional({ maxLength: TEXT_MAX })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly reason?: string;
}

export class ReviewDenialDto {
  @ApiProperty({ enum: REVIEW_DECISIONS, example: 'RENEW' })
  @IsIn(REVIEW_DECISIONS)
  readonly decision!: (typeof REVIEW_DECISIONS)[number];

  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    example: 'Circumstances unchanged; end user still linked to interception abuses',
  })
  @ValidateIf((dto: ReviewDenialDto) => dto.decision === 'AMEND' || dto.note !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  readonly note?: string;

  @ApiPropertyOptional({ type: DenialAmendmentsDto, description: 'Required to AMEND' })
  @ValidateIf((dto: ReviewDenialDto) => dto.decision === 'AMEND' || dto.amendments !== undefined)
  @ValidateNested()
  @IsObject()
  @Type(() => DenialAmendmentsDto)
  readonly amendments?: DenialAmendmentsDto;

  @ApiPropertyOptional({ maxLength: TEXT_MAX, description: 'Required to REVOKE' })
  @ValidateIf((dto: ReviewDenialDto) => dto.decision === 'REVOKE' || dto.reason !== undefined)
  @IsString()
  @MinLength(1)
  @MaxLength(TEXT_MAX)
  readonly reason?: string;
}

export class ScreenTransactionDto {
  @ApiProperty({ example: ['5A001.j'], description: 'Annex I entries of the items' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @IsString({ each: true })
  @MaxLength(40, { each: true })
  readonly controlEntries!: string[];

  @ApiProperty({ example: 'BR' })
  @Matches(COUNTRY_CODE, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code in capitals' })
  readonly destinationCountry!: string;

  @ApiProperty({ type: PartyDto })
  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly endUser!: PartyDto;

  @ApiPropertyOptional({ type: PartyDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly consignee?: PartyDto | null;
}

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    enum: NOTIFICATION_TYPES,
  })
  @IsOptional()
  @IsIn(NOTIFICATION_TYPES)
  readonly type?: string;
}
