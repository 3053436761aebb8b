import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsObject,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import type { Art15Ground } from '@dul/domain';
import {
  ADDRESS_MAX,
  AMOUNT_MAX,
  CONDITIONS_MAX,
  CONTROL_ENTRY_MAX,
  COUNTRY_CODE,
  CURRENCY_CODE,
  DECLARATION_REFERENCE_MAX,
  HS_CODE,
  ID_MAX,
  IDENTIFIER_SCHEMES,
  IDENTIFIER_VALUE_MAX,
  IsAmount,
  ITEMS_MAX,
  NAME_MAX,
  OptionalArt15Grounds,
  OptionalNotNull,
  SHORT_TEXT_MAX,
  TEXT_MAX,
  UNIT_MAX,
} from '@dul/http';
import { PageQueryDto } from '@dul/http';

const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;
/** EU001..EU008 or a national code prefixed with its member state (DE-AGG12). */
const AUTHORISATION_CODE = /^(?:EU00[1-8]|[A-Z]{2}-[A-Z0-9][A-Z0-9-]{0,23})$/;
const COUNTRIES_MAX = 250;

export class GeaExporterIdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_SCHEMES, example: 'EORI' })
  @IsIn(IDENTIFIER_SCHEMES)
  readonly scheme!: 'EORI' | 'OTHER';

  @ApiProperty({ maxLength: IDENTIFIER_VALUE_MAX, example: 'DE123456789012345' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(IDENTIFIER_VALUE_MAX)
  readonly value!: string;
}

export class GeaExporterDto {
  @ApiProperty({ maxLength: NAME_MAX, example: 'Rhein Optics GmbH' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  readonly name!: string;

  @ApiProperty({ type: () => GeaExporterIdentifierDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeaExporterIdentifierDto)
  readonly identifier!: GeaExporterIdentifierDto;

  @ApiProperty({ maxLength: ADDRESS_MAX, example: 'Industriestr. 4, 50667 Köln' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ADDRESS_MAX)
  readonly address!: string;
}

/** An exporter registers for a general authorisation with its (the caller's) authority. */
export class RegisterForGeneralAuthorisationDto {
  @ApiProperty({ pattern: AUTHORISATION_CODE.source, example: 'EU001', description: 'EU001-EU008 or a national code' })
  @IsString()
  @Matches(AUTHORISATION_CODE, { message: 'authorisation must be EU001-EU008 or a national code such as DE-AGG12' })
  readonly authorisation!: string;

  @ApiProperty({ type: () => GeaExporterDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeaExporterDto)
  readonly exporter!: GeaExporterDto;
}

/** First-use notification for a record that has none yet (or, with `authorisation` and `exporter`, without a registration). */
export class NotifyFirstUseDto {
  @ApiProperty({
    pattern: CALENDAR_DATE.source,
    example: '2025-03-01',
    description: 'Date of the first export under the authorisation',
  })
  @IsString()
  @Matches(CALENDAR_DATE, { message: 'firstExportDate must be a date YYYY-MM-DD' })
  readonly firstExportDate!: string;
}

export class NotifyFirstUseWithoutRegistrationDto extends RegisterForGeneralAuthorisationDto {
  @ApiProperty({ pattern: CALENDAR_DATE.source, example: '2025-03-01' })
  @IsString()
  @Matches(CALENDAR_DATE, { message: 'firstExportDate must be a date YYYY-MM-DD' })
  readonly firstExportDate!: string;
}

export class GeaReasonDto {
  @ApiProperty({ maxLength: TEXT_MAX, example: 'No internal compliance programme in place' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reason!: string;
}

export class SuspendGeaRightDto extends GeaReasonDto {
  @OptionalArt15Grounds(['END_USE_AND_DIVERSION'])
  readonly grounds?: readonly Art15Ground[];

  @ApiProperty({
    description:
      'True when the suspension is a denial in substance: notified to every other member state and the Commission',
    example: true,
  })
  @IsBoolean()
  readonly denialInSubstance!: boolean;
}

export class WithdrawGeaRightDto extends GeaReasonDto {
  @OptionalArt15Grounds(['END_USE_AND_DIVERSION'])
  readonly grounds?: readonly Art15Ground[];
}

export class ReinstateGeaRightDto {
  @ApiProperty({ maxLength: TEXT_MAX, example: 'The exporter has set up an internal compliance programme' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly finalAssessment!: string;
}

export class GeaUseItemDto {
  @ApiProperty({ maxLength: SHORT_TEXT_MAX, example: 'Uncooled thermal imaging camera' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT_MAX)
  readonly description!: string;

  @ApiProperty({ maxLength: CONTROL_ENTRY_MAX, example: '6A003.b.4' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTROL_ENTRY_MAX)
  readonly controlEntry!: string;

  @ApiPropertyOptional({ pattern: HS_CODE.source, example: '90138090' })
  @OptionalNotNull()
  @Matches(HS_CODE, { message: 'hsCode must be 8 digits' })
  readonly hsCode?: string;

  @ApiProperty({ exclusiveMinimum: true, minimum: 0, maximum: AMOUNT_MAX, example: 4 })
  @IsAmount()
  @IsPositive()
  @Max(AMOUNT_MAX)
  readonly quantity!: number;

  @ApiProperty({ maxLength: UNIT_MAX, example: 'pcs' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(UNIT_MAX)
  readonly unit!: string;

  @ApiProperty({ minimum: 0, maximum: AMOUNT_MAX, example: 48000 })
  @IsAmount()
  @Min(0)
  @Max(AMOUNT_MAX)
  readonly value!: number;

  @ApiProperty({ pattern: CURRENCY_CODE.source, example: 'EUR' })
  @Matches(CURRENCY_CODE, { message: 'currency must be an ISO 4217 code such as EUR' })
  readonly currency!: string;
}

/** A report of one export under the authorisation; checked against the version in force on exportDate. */
export class RecordGeaUseDto {
  @ApiPropertyOptional({
    maxLength: ID_MAX,
    example: 'use-25DE1234567890ABCD',
    description: 'Generated when left out; send one to make retries safe',
  })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  readonly useId?: string;

  @ApiProperty({ pattern: CALENDAR_DATE.source, example: '2025-03-05' })
  @IsString()
  @Matches(CALENDAR_DATE, { message: 'exportDate must be a date YYYY-MM-DD' })
  readonly exportDate!: string;

  @ApiProperty({ pattern: COUNTRY_CODE.source, example: 'JP' })
  @Matches(COUNTRY_CODE, { message: 'destinationCountry must be an ISO 3166-1 alpha-2 code' })
  readonly destinationCountry!: string;

  @ApiProperty({
    maxLength: DECLARATION_REFERENCE_MAX,
    example: '25DE1234567890ABCD',
    description: 'MRN of the export declaration',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DECLARATION_REFERENCE_MAX)
  readonly declarationReference!: string;

  @ApiProperty({ type: () => GeaUseItemDto, isArray: true, minItems: 1, maxItems: ITEMS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => GeaUseItemDto)
  readonly items!: readonly GeaUseItemDto[];
}

export class DestinationScopeDto {
  @ApiProperty({ enum: ['ONLY', 'ALL_EXCEPT'], example: 'ONLY' })
  @IsIn(['ONLY', 'ALL_EXCEPT'])
  readonly kind!: 'ONLY' | 'ALL_EXCEPT';

  @ApiProperty({ type: String, isArray: true, maxItems: COUNTRIES_MAX, example: ['KR', 'BR'] })
  @IsArray()
  @ArrayMaxSize(COUNTRIES_MAX)
  @Matches(COUNTRY_CODE, { each: true, message: 'each country must be an ISO 3166-1 alpha-2 code' })
  readonly countries!: readonly string[];

  @ApiProperty({ maxLength: SHORT_TEXT_MAX, example: 'AGG 12 Annex 2: destinations' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT_MAX)
  readonly condition!: string;
}

export class ItemScopeDto {
  @ApiProperty({ enum: ['ONLY', 'ANNEX_I_EXCEPT'], example: 'ONLY' })
  @IsIn(['ONLY', 'ANNEX_I_EXCEPT'])
  readonly kind!: 'ONLY' | 'ANNEX_I_EXCEPT';

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: ITEMS_MAX,
    example: ['5A002'],
    description: 'Required for ONLY',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @IsString({ each: true })
  @MaxLength(CONTROL_ENTRY_MAX, { each: true })
  readonly entries?: readonly string[];

  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: ITEMS_MAX,
    example: [],
    description: 'Annex II Section I is always added',
  })
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @IsString({ each: true })
  @MaxLength(CONTROL_ENTRY_MAX, { each: true })
  readonly excluded!: readonly string[];

  @ApiProperty({ maxLength: SHORT_TEXT_MAX, example: 'AGG 12 Annex 1: items' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT_MAX)
  readonly condition!: string;
}

export class GeneralAuthorisationScopeDto {
  @ApiProperty({ type: () => DestinationScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => DestinationScopeDto)
  readonly destinations!: DestinationScopeDto;

  @ApiProperty({ type: () => ItemScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => ItemScopeDto)
  readonly items!: ItemScopeDto;

  @ApiProperty({ type: String, isArray: true, maxItems: CONDITIONS_MAX, example: ['Not for a military end use'] })
  @IsArray()
  @ArrayMaxSize(CONDITIONS_MAX)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT_MAX, { each: true })
  readonly conditions!: readonly string[];
}

/** A member state publishes (a new version of) a national general export authorisation. */
export class PublishNationalGeneralAuthorisationDto {
  @ApiProperty({ pattern: '^[A-Z]{2}-[A-Z0-9][A-Z0-9-]{0,23}$', example: 'DE-AGG12' })
  @IsString()
  @Matches(/^[A-Z]{2}-[A-Z0-9][A-Z0-9-]{0,23}$/, {
    message: 'code must be the member state code, a dash and up to 24 letters, digits or dashes',
  })
  readonly code!: string;

  @ApiProperty({ maxLength: SHORT_TEXT_MAX, example: 'Allgemeine Genehmigung Nr. 12: information security items' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT_MAX)
  readonly title!: string;

  @ApiProperty({ pattern: CALENDAR_DATE.source, example: '2026-01-01', description: 'Today or later' })
  @IsString()
  @Matches(CALENDAR_DATE, { message: 'validFrom must be a date YYYY-MM-DD' })
  readonly validFrom!: string;

  @ApiProperty({ maxLength: SHORT_TEXT_MAX, example: 'BAnz AT 01.12.2025 B1' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT_MAX)
  readonly citation!: string;

  @ApiProperty({ type: () => GeneralAuthorisationScopeDto })
  @IsObject()
  @ValidateNested()
  @Type(() => GeneralAuthorisationScopeDto)
  readonly scope!: GeneralAuthorisationScopeDto;
}

/** The administration and enforcement figures of a year (Art 26; Rec. (EU) 2024/214). */
export class RecordAdministrationFiguresDto {
  @ApiProperty({ minimum: 2021, maximum: 9999, example: 2025 })
  @IsInt()
  @Min(2021)
  @Max(9999)
  readonly year!: number;

  @ApiProperty({
    minimum: 0,
    maximum: 100000,
    example: 112.5,
    description: 'Full-time equivalents on licensing and enforcement',
  })
  @IsAmount()
  @Min(0)
  @Max(100_000)
  readonly staffFte!: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, example: 40 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  readonly outreachEvents!: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, example: 7 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  readonly infringements!: number;

  @ApiProperty({ minimum: 0, maximum: 1000000, example: 3 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  readonly penalties!: number;

  @ApiProperty({ minimum: 0, maximum: AMOUNT_MAX, example: 125000 })
  @IsAmount()
  @Min(0)
  @Max(AMOUNT_MAX)
  readonly penaltiesValueEur!: number;
}

export class ListRegistrationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ pattern: AUTHORISATION_CODE.source, example: 'EU001' })
  @IsOptional()
  @Matches(AUTHORISATION_CODE, { message: 'authorisation must be EU001-EU008 or a national code' })
  readonly authorisation?: string;

  @ApiPropertyOptional({ enum: ['ACTIVE', 'REFUSED', 'SUSPENDED', 'WITHDRAWN'] })
  @IsOptional()
  @IsIn(['ACTIVE', 'REFUSED', 'SUSPENDED', 'WITHDRAWN'])
  readonly status?: string;
}
