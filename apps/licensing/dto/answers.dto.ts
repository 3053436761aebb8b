import { ApiProperty } from '@nestjs/swagger';
import { ApiObject, PageOf } from '@dul/platform';

// What the licensing reads answer, for the OpenAPI document and the clients generated from it. The
// nested domain states (Application, Licence, GeneralAuthorisationUser) are the deciders' own and are
// documented as objects; the fields a client filters and lists on are spelled out.

class VersionedDocumentDto {
  @ApiProperty({ example: 3, description: 'The stream version: send it as If-Match (also the ETag of a detail read)' })
  readonly version!: number;
  @ApiProperty({ example: 1842, description: 'Global position of the last event the view applied' })
  readonly position!: number;
}

export class ApplicationSummaryDto extends VersionedDocumentDto {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;
  @ApiProperty({ example: 'DE', description: 'The competent authority (member state)' })
  readonly authority!: string;
  @ApiProperty({ example: 'UNDER_ASSESSMENT' })
  readonly status!: string;
  @ApiProperty({ example: 'INDIVIDUAL' })
  readonly kind!: string;
  @ApiProperty({ example: 'CN' })
  readonly destination!: string;
  @ApiProperty({ example: 'caseworker-7', description: 'Empty while unassigned' })
  readonly assignee!: string;
  @ApiProperty({ example: 'Acme Photonics GmbH' })
  readonly exporter!: string;
  @ApiProperty({ format: 'date-time' })
  readonly submittedAt!: string;
  @ApiProperty({ format: 'date-time' })
  readonly updatedAt!: string;
  @ApiProperty({ example: 0 })
  readonly openRiskFlags!: number;
  @ApiProperty({
    type: String,
    format: 'date-time',
    nullable: true,
    description: 'Earliest open consultation deadline',
  })
  readonly nextDeadline!: string | null;
  @ApiProperty({ example: 12, description: "Working days since submission in the authority's calendar" })
  readonly ageWorkingDays!: number;
  @ApiProperty()
  readonly overdue!: boolean;
}

export const ApplicationSummaryPageDto = PageOf(ApplicationSummaryDto, { consistent: true });

export class ApplicationDetailDto extends ApplicationSummaryDto {
  @ApiObject('The application as its decider folds it (content, classification, flags, proposal, decision)')
  readonly application!: Record<string, unknown>;
  @ApiProperty({ description: 'False when the view had not caught up with x-consistent-with within the wait' })
  readonly consistent!: boolean;
}

export class HistoryEntryDto {
  @ApiProperty({ example: 2 })
  readonly version!: number;
  @ApiProperty({ example: 1840 })
  readonly position!: number;
  @ApiProperty({ example: 'AssessmentStarted' })
  readonly type!: string;
  @ApiProperty({ format: 'date-time' })
  readonly recordedAt!: string;
  @ApiProperty({ example: 'caseworker-7' })
  readonly actor!: string;
  @ApiProperty({ type: String, nullable: true, example: 'DE' })
  readonly memberState!: string | null;
  @ApiProperty({ type: [String], example: ['caseworker'] })
  readonly roles!: readonly string[];
  @ApiProperty()
  readonly correlationId!: string;
  @ApiObject('The event data as recorded')
  readonly data!: Record<string, unknown>;
}

export class LicenceSummaryDto extends VersionedDocumentDto {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;
  @ApiProperty({ example: 'DE' })
  readonly authority!: string;
  @ApiProperty({ format: 'uuid' })
  readonly applicationId!: string;
  @ApiProperty({ example: 'ACTIVE' })
  readonly status!: string;
  @ApiProperty({ example: 'INDIVIDUAL' })
  readonly kind!: string;
  @ApiProperty({ example: 'CN' })
  readonly destination!: string;
  @ApiProperty({ example: 'Acme Photonics GmbH' })
  readonly holder!: string;
  @ApiProperty({ format: 'date' })
  readonly validFrom!: string;
  @ApiProperty({ format: 'date' })
  readonly validUntil!: string;
  @ApiProperty({ description: 'Still to be expired by the timer: active or suspended' })
  readonly expiryPending!: boolean;
}

export const LicenceSummaryPageDto = PageOf(LicenceSummaryDto, { consistent: true });

export class LicenceDetailDto extends LicenceSummaryDto {
  @ApiObject('The licence as its decider folds it (items, conditions, usage, measures)')
  readonly licence!: Record<string, unknown>;
  @ApiProperty({ description: 'False when the view had not caught up with x-consistent-with within the wait' })
  readonly consistent!: boolean;
}

export class GeneralAuthorisationEntryDto {
  @ApiProperty({ example: 'EU001' })
  readonly code!: string;
  @ApiProperty({ example: 'UNION' })
  readonly kind!: string;
  @ApiProperty({ type: String, nullable: true, example: null, description: 'The member state of a national one' })
  readonly memberState!: string | null;
  @ApiProperty({ type: [Object], description: 'Every version with its scope and validity' })
  readonly versions!: readonly Record<string, unknown>[];
}

export class GeneralAuthorisationCatalogueDto {
  @ApiProperty({ type: [GeneralAuthorisationEntryDto] })
  readonly items!: readonly GeneralAuthorisationEntryDto[];
  @ApiProperty()
  readonly consistent!: boolean;
}

export class GeneralAuthorisationSettingsDto {
  @ApiProperty({ example: 'DE' })
  readonly memberState!: string;
  @ApiProperty({ description: 'Whether exporters must register before the first use' })
  readonly registrationBeforeFirstUse!: boolean;
  @ApiProperty({ example: 30, description: 'Days after the first export within which the first use is notified' })
  readonly firstUseNotificationDays!: number;
}

export class RegistrationSummaryDto extends VersionedDocumentDto {
  @ApiProperty({ format: 'uuid' })
  readonly id!: string;
  @ApiProperty({ example: 'DE' })
  readonly authority!: string;
  @ApiProperty({ example: 'EU001' })
  readonly authorisation!: string;
  @ApiProperty({ example: 'ACTIVE' })
  readonly status!: string;
  @ApiProperty({ example: 'Acme Photonics GmbH' })
  readonly exporter!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true })
  readonly registeredAt!: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true })
  readonly firstExportDate!: string | null;
  @ApiProperty({ type: Boolean, nullable: true })
  readonly firstUseNotifiedLate!: boolean | null;
  @ApiProperty({ example: 4 })
  readonly uses!: number;
}

export const RegistrationSummaryPageDto = PageOf(RegistrationSummaryDto, { consistent: true });

export class RegistrationDetailDto extends RegistrationSummaryDto {
  @ApiObject('The general-authorisation user as its decider folds it')
  readonly user!: Record<string, unknown>;
  @ApiProperty()
  readonly consistent!: boolean;
}
