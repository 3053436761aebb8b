import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ApiObject, PageOf } from '@dul/platform';

// What the consultation service's reads answer, for the OpenAPI document and generated clients. The
// deciders' own states (Consultation, Denial) and the screening explanations are documented as objects.

export class ConsultationSummaryDto {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;
  @ApiProperty({ example: 'ART14_1' })
  readonly kind!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true })
  readonly applicationId!: string | null;
  @ApiProperty({
    type: 'object',
    nullable: true,
    properties: { licenceId: { type: 'string', format: 'uuid' }, amendmentId: { type: 'string' } },
    description:
      "The widening amendment of the application's licence the consultation is about (a widening is a new assessment, Art 14(1) and Art 16); null when about the application",
    example: null,
  })
  readonly widening!: { readonly licenceId: string; readonly amendmentId: string } | null;
  @ApiProperty({ example: 'DE' })
  readonly requester!: string;
  @ApiProperty({ type: [String], example: ['FR'] })
  readonly consulted!: readonly string[];
  @ApiProperty({ type: [String], example: ['DE', 'FR'], description: 'Who may read it (and COMMISSION when informed)' })
  readonly participants!: readonly string[];
  @ApiProperty({ example: 'OPEN' })
  readonly status!: string;
  @ApiProperty({ type: String, nullable: true, example: null })
  readonly outcome!: string | null;
  @ApiProperty({ format: 'date' })
  readonly deadlineLastDay!: string;
  @ApiProperty({ format: 'date-time' })
  readonly deadlineEndsAt!: string;
  @ApiProperty({ format: 'date-time' })
  readonly openedAt!: string;
  @ApiProperty({ example: 1, description: 'The stream version: send it as If-Match' })
  readonly version!: number;
  @ApiProperty({ example: 1842 })
  readonly position!: number;
}

export const ConsultationSummaryPageDto = PageOf(ConsultationSummaryDto);

export class ConsultationDetailDto extends ConsultationSummaryDto {
  @ApiPropertyOptional({
    type: 'object',
    additionalProperties: true,
    description: 'The consultation with its packet and replies; absent for the Commission, which sees metadata only',
  })
  readonly consultation?: Record<string, unknown>;
}

export class DenialSummaryDto {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;
  @ApiProperty({ example: 'DE' })
  readonly issuingMemberState!: string;
  @ApiProperty({ example: 'IN_FORCE' })
  readonly status!: string;
  @ApiProperty({ example: 'CN' })
  readonly destination!: string;
  @ApiProperty({ type: [String], example: ['5A001.j'] })
  readonly controlEntries!: readonly string[];
  @ApiProperty({ type: [String], example: ['5A001'] })
  readonly entryHeads!: readonly string[];
  @ApiProperty({ example: 'Example End User Ltd' })
  readonly endUser!: string;
  @ApiProperty({ format: 'date-time' })
  readonly reviewDueAt!: string;
  @ApiProperty({ format: 'date-time' })
  readonly lapsesAt!: string;
  @ApiProperty()
  readonly reviewPending!: boolean;
  @ApiProperty({ description: 'In force with its Art 16(2) review overdue (still screened)' })
  readonly reviewOverdue!: boolean;
  @ApiProperty({ format: 'date-time' })
  readonly notifiedAt!: string;
  @ApiProperty({ example: 1, description: 'The stream version: send it as If-Match' })
  readonly version!: number;
  @ApiProperty({ example: 1842 })
  readonly position!: number;
}

export class DenialListItemDto extends DenialSummaryDto {
  @ApiProperty({ type: [String], description: 'The Art 15 grounds of the denial' })
  readonly grounds!: readonly string[];
}

export const DenialListItemPageDto = PageOf(DenialListItemDto);

export class DenialDetailDto extends DenialSummaryDto {
  @ApiObject('The register entry as its decider folds it (parties, items, grounds, review)')
  readonly denial!: Record<string, unknown>;
}

export class ScreeningReviewDto {
  @ApiProperty({ type: [Object], description: 'Denials in force the transaction is essentially identical to' })
  readonly matches!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'Possibly related parties, for a human look (never a consultation)' })
  readonly related!: readonly Record<string, unknown>[];
  @ApiProperty({ type: [Object], description: 'The nearest other denials and why they do not match' })
  readonly nearMisses!: readonly Record<string, unknown>[];
}

export class NotificationDto {
  @ApiProperty()
  readonly id!: string;
  @ApiProperty({ example: 'DenialNotified' })
  readonly type!: string;
  @ApiProperty({ example: 'DE' })
  readonly from!: string;
  @ApiProperty({ type: [String], example: ['FR', 'COMMISSION'] })
  readonly recipients!: readonly string[];
  @ApiProperty({ format: 'date-time' })
  readonly at!: string;
  @ApiObject('What it is about: denialId, applicationId or registrationId')
  readonly subject!: Record<string, unknown>;
  @ApiProperty({ example: 1842 })
  readonly position!: number;
  @ApiObject('The notification as published')
  readonly data!: Record<string, unknown>;
}

export const NotificationPageDto = PageOf(NotificationDto);
