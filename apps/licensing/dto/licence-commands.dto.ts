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
  IsPositive,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsObject,
} from 'class-validator';
import type { Art15Ground } from '@dul/domain';
import {
  AMOUNT_MAX,
  ApplicationItemDto,
  CONDITIONS_MAX,
  CUSTOMS_OFFICE_MAX,
  DECLARATION_REFERENCE_MAX,
  ID_MAX,
  ITEMS_MAX,
  OptionalNotNull,
  SHORT_TEXT_MAX,
  TEXT_MAX,
  VALIDITY_MONTHS_MAX,
  IsAmount,
  OptionalArt15Grounds,
} from '@dul/http';

/** The licensed quantity and value of one item. */
export class ItemLimitDto {
  @ApiProperty({ exclusiveMinimum: true, minimum: 0, maximum: AMOUNT_MAX, example: 1 })
  @IsAmount()
  @IsPositive()
  @Max(AMOUNT_MAX)
  readonly quantity!: number;

  @ApiProperty({ minimum: 0, maximum: AMOUNT_MAX, description: "In the item's currency", example: 625000 })
  @IsAmount()
  @Min(0)
  @Max(AMOUNT_MAX)
  readonly value!: number;
}

/**
 * Changes the licence's terms; leave out what does not change (at least one of conditions,
 * validityMonths, itemLimits, addedItems). A widening (more quantity or value, longer validity, an
 * added item) is recorded as a proposal that another approver decides (POST
 * /v1/licences/{id}/decide-amendment), after the consultations the widened licence needs.
 */
export class AmendLicenceDto {
  @ApiPropertyOptional({
    maxLength: ID_MAX,
    description: 'Names a widening proposal (for the decision); one is made when left out',
    example: 'widen-2026-05-probes',
  })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  readonly amendmentId?: string;

  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'Second probe no longer covered following the end-user audit of 2026-04-02',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reason!: string;

  @ApiPropertyOptional({
    type: String,
    isArray: true,
    maxItems: CONDITIONS_MAX,
    description: 'The full new list of conditions',
    example: ['No re-export without prior authorisation of BAFA', 'Quarterly end-use reports to BAFA'],
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(CONDITIONS_MAX)
  @IsString({ each: true })
  @MaxLength(SHORT_TEXT_MAX, { each: true })
  readonly conditions?: readonly string[];

  @ApiPropertyOptional({
    type: 'integer',
    minimum: 1,
    maximum: VALIDITY_MONTHS_MAX,
    description: 'Total validity counted from the issue date',
    example: 12,
  })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(VALIDITY_MONTHS_MAX)
  readonly validityMonths?: number;

  @ApiPropertyOptional({
    type: () => ItemLimitDto,
    isArray: true,
    maxItems: ITEMS_MAX,
    description: 'One entry per item, in item order',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => ItemLimitDto)
  readonly itemLimits?: readonly ItemLimitDto[];

  @ApiPropertyOptional({
    type: () => ApplicationItemDto,
    isArray: true,
    maxItems: ITEMS_MAX,
    description:
      'Items to add to the licence, as an application states them (a widening). Another destination, end user or consignee is a new application',
  })
  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => ApplicationItemDto)
  readonly addedItems?: readonly ApplicationItemDto[];

  @ApiProperty({
    description:
      "The authority's judgement that this substantially limits the licence (triggers an Art 16 notification)",
    example: true,
  })
  @IsBoolean()
  readonly substantialLimitation!: boolean;

  @OptionalArt15Grounds(['END_USE_AND_DIVERSION'])
  readonly grounds?: readonly Art15Ground[];
}

/** Another approver's decision on a proposed widening; the server screens the widened licence first. */
export class DecideLicenceAmendmentDto {
  @ApiProperty({ maxLength: ID_MAX, example: 'widen-2026-05-probes' })
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  readonly amendmentId!: string;

  @ApiProperty({
    enum: ['APPROVE', 'REFUSE'],
    description:
      "APPROVE applies the proposed terms (refused while the widening's Art 14(1) or Art 16 consultations are open, or after a binding Art 14(1) objection); REFUSE keeps the licence",
    example: 'APPROVE',
  })
  @IsIn(['APPROVE', 'REFUSE'])
  readonly outcome!: 'APPROVE' | 'REFUSE';

  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'Second framework contract verified with the end user; no new risk under Art 15',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reasons!: string;

  @ApiPropertyOptional({
    maxLength: TEXT_MAX,
    description:
      "Required to approve when the widening was consulted on another member state's denial (Art 16): " +
      'notified with the approval to every member state and the Commission. Ignored for a refusal and when ' +
      'no denial was consulted on',
    example: 'The French denial concerned a military end user; the added probes go to the civil operator',
  })
  @OptionalNotNull()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly grantDespiteDenialReasons?: string;
}

export class SuspendLicenceDto {
  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'Credible report of diversion to a security agency; suspended pending verification by the embassy',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reason!: string;

  @OptionalArt15Grounds(['END_USE_AND_DIVERSION', 'HUMAN_RIGHTS'])
  readonly grounds?: readonly Art15Ground[];
}

export class ReinstateLicenceDto {
  @ApiProperty({
    maxLength: TEXT_MAX,
    description: 'The final assessment after the suspension; notified to all member states (Art 16)',
    example: 'On-site verification on 2026-05-14 found the equipment installed at the declared end user only',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly finalAssessment!: string;
}

export class AnnulLicenceDto {
  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'Licence issued on an end-use statement later found to be forged',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reason!: string;

  @OptionalArt15Grounds(['END_USE_AND_DIVERSION'])
  readonly grounds?: readonly Art15Ground[];
}

export class RevokeLicenceDto {
  @ApiProperty({
    maxLength: TEXT_MAX,
    example: 'End user added to the EU sanctions list by Council Regulation of 2026-06-01',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(TEXT_MAX)
  readonly reason!: string;

  @OptionalArt15Grounds(['SANCTIONS'])
  readonly grounds?: readonly Art15Ground[];
}

/** One item of a customs declaration written off against the licence. */
export class UsageLineDto {
  @ApiProperty({
    type: 'integer',
    minimum: 0,
    maximum: ITEMS_MAX - 1,
    description: "Index in the licence's items",
    example: 0,
  })
  @IsInt()
  @Min(0)
  @Max(ITEMS_MAX - 1)
  readonly itemIndex!: number;

  @ApiProperty({ exclusiveMinimum: true, minimum: 0, maximum: AMOUNT_MAX, example: 1 })
  @IsAmount()
  @IsPositive()
  @Max(AMOUNT_MAX)
  readonly quantity!: number;

  @ApiProperty({ minimum: 0, maximum: AMOUNT_MAX, description: "In the item's currency", example: 625000 })
  @IsAmount()
  @Min(0)
  @Max(AMOUNT_MAX)
  readonly value!: number;
}

/**
 * Body of RecordLicenceUsage. `usageId` is optional here although the domain requires it: the server
 * generates one when it is left out. Customs systems should send their own so a retry is refused with
 * 409 'usage-already-recorded' instead of writing the declaration off twice.
 */
export class RecordLicenceUsageDto {
  @ApiPropertyOptional({
    maxLength: ID_MAX,
    description: 'Generated by the server when left out; send one to make retries safe (a repeat gets 409)',
    example: 'usage-26DE485200000417R5',
  })
  @OptionalNotNull()
  @IsString()
  @IsNotEmpty()
  @MaxLength(ID_MAX)
  readonly usageId?: string;

  @ApiProperty({
    maxLength: CUSTOMS_OFFICE_MAX,
    description: 'Customs office reference number (checked by the domain)',
    example: 'DE004852',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(CUSTOMS_OFFICE_MAX)
  readonly customsOffice!: string;

  @ApiProperty({
    maxLength: DECLARATION_REFERENCE_MAX,
    description: 'Movement reference number (MRN) of the export declaration, 18 characters (checked by the domain)',
    example: '26DE485200000417R5',
  })
  @IsString()
  @IsNotEmpty()
  @MaxLength(DECLARATION_REFERENCE_MAX)
  readonly declarationReference!: string;

  @ApiProperty({ type: () => UsageLineDto, isArray: true, minItems: 1, maxItems: ITEMS_MAX })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(ITEMS_MAX)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => UsageLineDto)
  readonly lines!: readonly UsageLineDto[];
}
