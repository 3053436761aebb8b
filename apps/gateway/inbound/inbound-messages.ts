import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { ART15_GROUNDS, CONSULTATION_ANSWERS, MEMBER_STATE_CODES } from '@dul/domain';
import type { Art15Ground, ConsultationAnswer } from '@dul/domain';
import { COUNTRY_CODE, PartyDto, TEXT_MAX } from '@dul/http';

/** The topic national systems and other deployments write to, and where refused messages go. */
export const INBOUND_TOPIC = 'dul.inbound.v1';
export const DEAD_LETTER_TOPIC = 'dul.inbound.dlq.v1';

const ANSWERS = [...new Set(Object.values(CONSULTATION_ANSWERS).flat())] as ConsultationAnswer[];
const MEMBER_STATES: readonly string[] = [...MEMBER_STATE_CODES, 'EL'];

/** A consulted member state's answer sent by its national system instead of through the API. */
export class InboundConsultationReply {
  @IsIn(['ConsultationReply'])
  readonly type!: 'ConsultationReply';

  @IsUUID()
  readonly consultationId!: string;

  @IsIn(MEMBER_STATES, { message: 'memberState must be the replying member state code' })
  readonly memberState!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly actor!: string;

  @IsIn(ANSWERS)
  readonly answer!: ConsultationAnswer;

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly reasons?: string;
}

export class InboundNotifiedItem {
  @IsOptional()
  @IsString()
  @MaxLength(40)
  readonly controlEntry!: string | null;

  @IsString()
  @MaxLength(TEXT_MAX)
  readonly description!: string;

  @Matches(/^\d{8}$/)
  readonly hsCode!: string;
}

/** An Art 16 denial notified by another deployment (or a national system) for the EU register. */
export class InboundDenialNotification {
  @IsIn(['DenialNotification'])
  readonly type!: 'DenialNotification';

  @IsUUID()
  readonly denialId!: string;

  @IsIn(MEMBER_STATES, { message: 'issuingMemberState must be a member state code' })
  readonly issuingMemberState!: string;

  @IsString()
  @MinLength(1)
  @MaxLength(200)
  readonly actor!: string;

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @IsObject({ each: true })
  @Type(() => InboundNotifiedItem)
  readonly items!: InboundNotifiedItem[];

  @Matches(COUNTRY_CODE)
  readonly destinationCountry!: string;

  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly endUser!: PartyDto;

  @IsOptional()
  @ValidateNested()
  @IsObject()
  @Type(() => PartyDto)
  readonly consignee?: PartyDto | null;

  @IsArray()
  @ArrayMinSize(1)
  @IsIn(ART15_GROUNDS, { each: true })
  readonly grounds!: Art15Ground[];

  @IsOptional()
  @IsString()
  @MaxLength(TEXT_MAX)
  readonly reason?: string;

  @IsISO8601({ strict: true })
  readonly decidedOn!: string;
}
