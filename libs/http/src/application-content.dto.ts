import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsIn,
  IsInt,
  IsNotEmpty,
  IsOptional,
  IsPositive,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateIf,
  ValidateNested,
  IsObject,
} from 'class-validator';
import type {
  CatchAllGround,
  ExporterIdentifierScheme,
  ExporterKind,
  ItemClassificationInput,
  OtherPartyRole,
} from '@dul/domain';
import { CATCH_ALL_GROUNDS, EXPORTER_KINDS } from '@dul/domain';
import {
  ADDRESS_MAX,
  AMOUNT_MAX,
  AllowedOnlyWhen,
  CLASSIFICATION_KINDS,
  CONTROL_ENTRY_MAX,
  COUNTRY_CODE,
  CURRENCY_CODE,
  HS_CODE,
  IDENTIFIER_SCHEMES,
  IDENTIFIER_VALUE_MAX,
  ITEMS_MAX,
  MEMBER_STATE_INPUT_CODES,
  NAME_MAX,
  OTHER_PARTIES_MAX,
  OTHER_PARTY_ROLES,
  OptionalNotNull,
  RequiredNullable,
  SHORT_TEXT_MAX,
  TEXT_MAX,
  UNIT_MAX,
  VALIDITY_MONTHS_MAX,
  IsAmount,
} from './dto-fields';

const COUNTRY_MESSAGE = { message: '$property must be an ISO 3166-1 alpha-2 code in capitals (e.g. DE)' };
const MEMBER_STATE_MESSAGE = { message: '$property must be an EU member state code (or null)' };
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** A party to the transaction (end user, consignee): Annex III-A boxes 4 and 5. */
export class PartyDto {
  @ApiProperty({ maxLength: NAME_MAX, example: 'Meridional Telecom S.A.' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  readonly name!: string;

  @ApiProperty({ maxLength: ADDRESS_MAX, example: 'Avenida Atlântica 1500, 22021-000 Rio de Janeiro' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ADDRESS_MAX)
  readonly address!: string;

  @ApiProperty({ pattern: COUNTRY_CODE.source, description: 'ISO 3166-1 alpha-2', example: 'BR' })
  @Matches(COUNTRY_CODE, COUNTRY_MESSAGE)
  readonly country!: string;
}

/** An agent, broker or intermediate consignee involved in the transaction. */
export class OtherPartyDto extends PartyDto {
  @ApiProperty({ enum: OTHER_PARTY_ROLES, example: 'AGENT' })
  @IsIn(OTHER_PARTY_ROLES)
  readonly role!: OtherPartyRole;
}

export class ExporterIdentifierDto {
  @ApiProperty({ enum: IDENTIFIER_SCHEMES, example: 'EORI' })
  @IsIn(IDENTIFIER_SCHEMES)
  readonly scheme!: ExporterIdentifierScheme;

  @ApiProperty({
    maxLength: IDENTIFIER_VALUE_MAX,
    description: 'For EORI: the issuing country and up to 15 letters or digits (checked by the domain)',
    example: 'DE471100000012345',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(IDENTIFIER_VALUE_MAX)
  readonly value!: string;
}

export class ExporterDto {
  @ApiProperty({ maxLength: NAME_MAX, example: 'Nordlicht Netzwerktechnik GmbH' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(NAME_MAX)
  readonly name!: string;

  @ApiProperty({ type: () => ExporterIdentifierDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => ExporterIdentifierDto)
  readonly identifier!: ExporterIdentifierDto;

  @ApiProperty({ maxLength: ADDRESS_MAX, example: 'Speicherstadt 7, 20457 Hamburg' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ADDRESS_MAX)
  readonly address!: string;

  @ApiProperty({
    type: String,
    enum: MEMBER_STATE_INPUT_CODES,
    nullable: true,
    description:
      'Required; null when the exporter is neither resident nor established in the EU. EL is accepted for Greece.',
    example: 'DE',
  })
  @RequiredNullable()
  @IsIn(MEMBER_STATE_INPUT_CODES, { message: '$property must be an EU member state code (or null)' })
  readonly memberStateOfEstablishment!: string | null;

  @ApiProperty({
    pattern: COUNTRY_CODE.source,
    description: 'ISO 3166-1 alpha-2; equals memberStateOfEstablishment when that is set',
    example: 'DE',
  })
  @Matches(COUNTRY_CODE, COUNTRY_MESSAGE)
  readonly country!: string;

  @ApiPropertyOptional({
    enum: EXPORTER_KINDS,
    description:
      'Legal or natural person (Art 2(3)); LEGAL_PERSON when left out. A legal person established in the EU must identify with its EORI number (scheme EORI); a natural person or an exporter outside the EU may use OTHER (e.g. a national identity or tax number).',
    example: 'LEGAL_PERSON',
  })
  @OptionalNotNull()
  @IsIn(EXPORTER_KINDS)
  readonly kind?: ExporterKind;
}

/**
 * The domain's ItemClassificationInput is a discriminated union (LISTED with controlEntry | NOT_LISTED
 * with catchAllGround); class-validator validates classes, so this is one class whose `kind` decides
 * which of the two other fields is required and which must be absent.
 */
export class ItemClassificationDto {
  @ApiProperty({ enum: CLASSIFICATION_KINDS, example: 'LISTED' })
  @IsIn(CLASSIFICATION_KINDS)
  readonly kind!: 'LISTED' | 'NOT_LISTED';

  @ApiPropertyOptional({
    maxLength: CONTROL_ENTRY_MAX,
    description: 'Annex I entry. Required when kind is LISTED, absent otherwise; the domain normalises and checks it.',
    example: '5A001.j',
  })
  @ValidateIf((dto: ItemClassificationDto, value: unknown) => dto.kind === 'LISTED' || value !== undefined)
  @AllowedOnlyWhen((dto: ItemClassificationDto) => dto.kind === 'LISTED', 'kind is LISTED')
  @IsString()
  @IsNotEmpty()
  @MaxLength(CONTROL_ENTRY_MAX)
  readonly controlEntry?: string;

  @ApiPropertyOptional({
    enum: CATCH_ALL_GROUNDS,
    description:
      'Art 4 catch-all, Art 5 cyber-surveillance or Art 9/10 national list. Required when kind is NOT_LISTED, absent otherwise.',
    example: 'ART5',
  })
  @ValidateIf((dto: ItemClassificationDto, value: unknown) => dto.kind === 'NOT_LISTED' || value !== undefined)
  @AllowedOnlyWhen((dto: ItemClassificationDto) => dto.kind === 'NOT_LISTED', 'kind is NOT_LISTED')
  @IsIn(CATCH_ALL_GROUNDS)
  readonly catchAllGround?: CatchAllGround;
}

/**
 * A validated ItemClassificationDto, typed as the domain union it is once validation has passed, so that
 * a DTO holding one can be handed to a domain command without a mapper.
 */
export type ValidItemClassificationDto = ItemClassificationDto & ItemClassificationInput;

export class ApplicationItemDto {
  // The property example keeps Swagger UI from composing one with both branches' fields.
  @ApiProperty({ type: () => ItemClassificationDto, example: { kind: 'LISTED', controlEntry: '5A001.j' } })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => ItemClassificationDto)
  readonly classification!: ValidItemClassificationDto;

  @ApiProperty({
    maxLength: SHORT_TEXT_MAX,
    example: 'IP network communications surveillance system "Argus 4": carrier-grade probes with analysis servers',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(SHORT_TEXT_MAX)
  readonly description!: string;

  @ApiProperty({ pattern: HS_CODE.source, description: 'Combined Nomenclature code, 8 digits', example: '85176200' })
  @Matches(HS_CODE, { message: '$property must be an 8-digit Combined Nomenclature code without spaces or dots' })
  readonly hsCode!: string;

  @ApiProperty({ exclusiveMinimum: true, minimum: 0, maximum: AMOUNT_MAX, example: 2 })
  @IsAmount()
  @IsPositive()
  @Max(AMOUNT_MAX)
  readonly quantity!: number;

  @ApiProperty({ maxLength: UNIT_MAX, example: 'pcs' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(UNIT_MAX)
  readonly unit!: string;

  @ApiProperty({
    minimum: 0,
    maximum: AMOUNT_MAX,
    description: "In the currency's major unit, at most three decimals",
    example: 1250000,
  })
  @IsAmount()
  @Min(0)
  @Max(AMOUNT_MAX)
  readonly value!: number;

  @ApiProperty({ pattern: CURRENCY_CODE.source, description: 'ISO 4217', example: 'EUR' })
  @Matches(CURRENCY_CODE, { message: '$property must be an ISO 4217 code in capitals (e.g. EUR)' })
  readonly currency!: string;

  @ApiProperty({
    type: String,
    enum: MEMBER_STATE_INPUT_CODES,
    nullable: true,
    description: 'Required; null when the item is located outside the EU. EL is accepted for Greece.',
    example: 'DE',
  })
  @RequiredNullable()
  @IsIn(MEMBER_STATE_INPUT_CODES, { message: '$property must be an EU member state code (or null)' })
  readonly memberStateWhereLocated!: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    pattern: COUNTRY_CODE.source,
    description: 'Country of origin of the item (Annex III-A), ISO 3166-1 alpha-2; left out or null when not stated',
    example: 'DE',
  })
  @IsOptional()
  @Matches(COUNTRY_CODE, COUNTRY_MESSAGE)
  readonly countryOfOrigin?: string | null;
}

/** The contract the export performs (Annex III-A: contract date). */
export class ContractDto {
  @ApiProperty({
    format: 'date',
    description: 'YYYY-MM-DD; the domain refuses a day the calendar has not',
    example: '2026-01-20',
  })
  @Matches(CALENDAR_DATE, { message: '$property must be a calendar date, YYYY-MM-DD' })
  readonly date!: string;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: NAME_MAX, example: 'MT-2026-014' })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  readonly reference?: string | null;
}

/** The broker (Art 2(7)) or provider of technical assistance (Art 2(9)). */
export class ServiceProviderDto extends PartyDto {
  @ApiProperty({
    type: String,
    enum: MEMBER_STATE_INPUT_CODES,
    nullable: true,
    description:
      'Required; null when resident or established outside the EU. Decides the competent authority (Art 6, Art 8).',
    example: 'DE',
  })
  @RequiredNullable()
  @IsIn(MEMBER_STATE_INPUT_CODES, MEMBER_STATE_MESSAGE)
  readonly memberStateOfEstablishment!: string | null;
}

/** Brokering services or technical assistance: required for BROKERING and TECHNICAL_ASSISTANCE, absent otherwise. */
export class ServicesDto {
  @ApiProperty({ type: () => ServiceProviderDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => ServiceProviderDto)
  readonly provider!: ServiceProviderDto;

  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'Negotiating the sale of two probes from a Japanese maker to Meridional Telecom S.A.',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly description!: string;
}

/** A transit (Art 7): required for TRANSIT, absent otherwise. */
export class TransitDto {
  @ApiProperty({
    maxLength: TEXT_MAX,
    description: 'From where, through which places and by which means, to where',
    example: 'Shanghai (CN) by sea to Rotterdam (NL), transhipped, by sea to Santos (BR)',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly route!: string;

  @ApiProperty({ enum: MEMBER_STATE_INPUT_CODES, description: 'Member state of transit (Art 7)', example: 'NL' })
  @IsIn(MEMBER_STATE_INPUT_CODES, { message: '$property must be an EU member state code' })
  readonly memberStateOfTransit!: string;
}

export class EndUseStatementExemptionDto {
  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'End user is a state authority of a country listed in Annex II of the national regulation',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reason!: string;
}

/** Annex III-A content as it arrives; mirrors the domain's ApplicationContentInput field for field. */
export class ApplicationContentDto {
  @ApiProperty({ type: () => ExporterDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => ExporterDto)
  readonly exporter!: ExporterDto;

  @ApiProperty({ type: () => ApplicationItemDto, isArray: true, minItems: 1, maxItems: ITEMS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => ApplicationItemDto)
  readonly items!: readonly ApplicationItemDto[];

  @ApiProperty({ type: () => PartyDto })
  @IsDefined()
  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly endUser!: PartyDto;

  @ApiPropertyOptional({
    type: () => PartyDto,
    nullable: true,
    description: 'Left out or null when the end user receives the items itself',
  })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly consignee?: PartyDto | null;

  @ApiPropertyOptional({ type: () => OtherPartyDto, isArray: true, maxItems: OTHER_PARTIES_MAX })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(OTHER_PARTIES_MAX)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => OtherPartyDto)
  readonly otherParties?: readonly OtherPartyDto[];

  @ApiProperty({ pattern: COUNTRY_CODE.source, description: 'ISO 3166-1 alpha-2', example: 'BR' })
  @Matches(COUNTRY_CODE, COUNTRY_MESSAGE)
  readonly destinationCountry!: string;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEXT_MAX,
    description:
      'Reference to (or text of) the signed end-use statement; an INDIVIDUAL licence needs it or an exemption',
    example: 'EUS-2026-0117, signed by Meridional Telecom S.A. on 2026-02-12',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly endUseStatement?: string | null;

  @ApiPropertyOptional({ type: () => EndUseStatementExemptionDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => EndUseStatementExemptionDto)
  readonly endUseStatementExemption?: EndUseStatementExemptionDto | null;

  @ApiProperty({
    type: 'integer',
    minimum: 1,
    maximum: VALIDITY_MONTHS_MAX,
    description: 'Whole months; the legal maximum per kind is checked by the domain (24 for INDIVIDUAL)',
    example: 24,
  })
  @IsInt()
  @Min(1)
  @Max(VALIDITY_MONTHS_MAX)
  readonly requestedValidityMonths!: number;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEXT_MAX,
    description: 'Why a large project needs more than four years',
    example: 'Nationwide backbone roll-out in three phases until 2031 under contract MT-2025-88',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly validityJustification?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: NAME_MAX,
    description: 'Required by the domain for LARGE_PROJECT',
    example: 'Meridional national backbone modernisation',
  })
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  readonly largeProjectName?: string | null;

  @ApiProperty({ description: 'Whether the exporter has an internal compliance programme', example: true })
  @IsBoolean()
  readonly icpDeclared!: boolean;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEXT_MAX,
    description: 'For a GLOBAL licence without a declared ICP: why it is waived',
    example: 'First global licence; ICP certification audit scheduled for 2026-06',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly icpWaiverReason?: string | null;

  @ApiPropertyOptional({
    type: String,
    nullable: true,
    maxLength: TEXT_MAX,
    description:
      'The intended end use, in words (Art 12(4)); sent to consulted member states as the end use. Not the end-use statement reference.',
    example: 'Lawful interception by the operator under a court order, in its national backbone',
  })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly endUse?: string | null;

  @ApiPropertyOptional({
    type: String,
    enum: MEMBER_STATE_INPUT_CODES,
    nullable: true,
    description:
      'Member state where the items enter the customs export procedure (Annex III-A); left out or null when not stated',
    example: 'DE',
  })
  @IsOptional()
  @IsIn(MEMBER_STATE_INPUT_CODES, MEMBER_STATE_MESSAGE)
  readonly memberStateOfCustomsExport?: string | null;

  @ApiPropertyOptional({ type: () => ContractDto, nullable: true })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => ContractDto)
  readonly contract?: ContractDto | null;

  @ApiPropertyOptional({
    type: () => ServicesDto,
    nullable: true,
    description: 'Required for BROKERING and TECHNICAL_ASSISTANCE (400 services-required), refused for other kinds',
  })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => ServicesDto)
  readonly services?: ServicesDto | null;

  @ApiPropertyOptional({
    type: () => TransitDto,
    nullable: true,
    description: 'Required for TRANSIT (400 transit-route-required), refused for other kinds',
  })
  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => TransitDto)
  readonly transit?: TransitDto | null;
}
