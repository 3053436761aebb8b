import type { Audience } from './audiences';
import type {
  ConsultationClosedV1,
  ConsultationDeadlineLapsedV1,
  ConsultationExtensionDeclinedV1,
  ConsultationExtensionGrantedV1,
  ConsultationExtensionRequestedV1,
  ConsultationOpenedV1,
  ConsultationRepliedV1,
  DenialAmendedV1,
  DenialFinalAssessmentRecordedV1,
  DenialNotifiedV1,
  DenialRenewedV1,
  DenialReviewDueV1,
  DenialRevokedV1,
  GrantDespiteDenialNotifiedV1,
  SecurityInterestClosedV1,
  SecurityInterestGrantNotifiedV1,
  SecurityInterestRequestedV1,
} from './authorities.contracts';
import {
  consultationClosedV1Schema,
  consultationDeadlineLapsedV1Schema,
  consultationExtensionDeclinedV1Schema,
  consultationExtensionGrantedV1Schema,
  consultationExtensionRequestedV1Schema,
  consultationOpenedV1Schema,
  consultationRepliedV1Schema,
  denialAmendedV1Schema,
  denialFinalAssessmentRecordedV1Schema,
  denialNotifiedV1Schema,
  denialRenewedV1Schema,
  denialReviewDueV1Schema,
  denialRevokedV1Schema,
  grantDespiteDenialNotifiedV1Schema,
  securityInterestClosedV1Schema,
  securityInterestGrantNotifiedV1Schema,
  securityInterestRequestedV1Schema,
} from './authorities.contracts';
import type { DailyRootSealedV1 } from './audit.contracts';
import { dailyRootSealedV1Schema } from './audit.contracts';
import type { ApplicationReceivedV1, DecisionIssuedV1, LicenceLifecycleV1 } from './commission.contracts';
import { applicationReceivedV1Schema, decisionIssuedV1Schema, licenceLifecycleV1Schema } from './commission.contracts';
import type {
  LicenceAmendedV1,
  LicenceAnnulledV1,
  LicenceExpiredV1,
  LicenceIssuedV1,
  LicenceReinstatedV1,
  LicenceRevokedV1,
  LicenceSuspendedV1,
  LicenceUsageRecordedV1,
} from './customs.contracts';
import {
  licenceAmendedV1Schema,
  licenceAnnulledV1Schema,
  licenceExpiredV1Schema,
  licenceIssuedV1Schema,
  licenceReinstatedV1Schema,
  licenceRevokedV1Schema,
  licenceSuspendedV1Schema,
  licenceUsageRecordedV1Schema,
} from './customs.contracts';
import type { GeneralAuthorisationRegistrationChangedV1 } from './general-authorisation.contracts';
import { generalAuthorisationRegistrationChangedV1Schema } from './general-authorisation.contracts';
import type { JsonSchema, Schema } from './schema-builder';

/**
 * Every published type (the CloudEvents `type`) with the data it carries. A type string is forever:
 * a version only gains optional fields; a breaking change is published as `.v2` beside `.v1`.
 */
export interface PublishedDataByType {
  'eu.dual-use.licence.issued.v1': LicenceIssuedV1;
  'eu.dual-use.licence.amended.v1': LicenceAmendedV1;
  'eu.dual-use.licence.suspended.v1': LicenceSuspendedV1;
  'eu.dual-use.licence.reinstated.v1': LicenceReinstatedV1;
  'eu.dual-use.licence.revoked.v1': LicenceRevokedV1;
  'eu.dual-use.licence.annulled.v1': LicenceAnnulledV1;
  'eu.dual-use.licence.expired.v1': LicenceExpiredV1;
  'eu.dual-use.licence.usage-recorded.v1': LicenceUsageRecordedV1;
  'eu.dual-use.general-authorisation.registration-changed.v1': GeneralAuthorisationRegistrationChangedV1;
  'eu.dual-use.denial.notified.v1': DenialNotifiedV1;
  'eu.dual-use.denial.final-assessment-recorded.v1': DenialFinalAssessmentRecordedV1;
  'eu.dual-use.denial.review-due.v1': DenialReviewDueV1;
  'eu.dual-use.denial.renewed.v1': DenialRenewedV1;
  'eu.dual-use.denial.amended.v1': DenialAmendedV1;
  'eu.dual-use.denial.revoked.v1': DenialRevokedV1;
  'eu.dual-use.grant-despite-denial.notified.v1': GrantDespiteDenialNotifiedV1;
  'eu.dual-use.consultation.opened.v1': ConsultationOpenedV1;
  'eu.dual-use.consultation.replied.v1': ConsultationRepliedV1;
  'eu.dual-use.consultation.extension-requested.v1': ConsultationExtensionRequestedV1;
  'eu.dual-use.consultation.extension-granted.v1': ConsultationExtensionGrantedV1;
  'eu.dual-use.consultation.extension-declined.v1': ConsultationExtensionDeclinedV1;
  'eu.dual-use.consultation.deadline-lapsed.v1': ConsultationDeadlineLapsedV1;
  'eu.dual-use.consultation.closed.v1': ConsultationClosedV1;
  'eu.dual-use.security-interest.requested.v1': SecurityInterestRequestedV1;
  'eu.dual-use.security-interest.closed.v1': SecurityInterestClosedV1;
  'eu.dual-use.security-interest.grant-notified.v1': SecurityInterestGrantNotifiedV1;
  'eu.dual-use.audit.daily-root-sealed.v1': DailyRootSealedV1;
  'eu.dual-use.statistics.application-received.v1': ApplicationReceivedV1;
  'eu.dual-use.statistics.decision-issued.v1': DecisionIssuedV1;
  'eu.dual-use.statistics.licence-lifecycle.v1': LicenceLifecycleV1;
}

export type PublishedType = keyof PublishedDataByType;

/** The data a published type carries. */
export type PublishedData<T extends PublishedType> = PublishedDataByType[T];

/** One published contract: who reads it, what it means, and its schema. */
export interface ContractDefinition<T extends PublishedType = PublishedType> {
  readonly type: T;
  readonly audiences: readonly Audience[];
  readonly title: string;
  readonly summary: string;
  /** The CloudEvents `subject`, with the id field in braces. */
  readonly subject: string;
  readonly schema: Schema<PublishedDataByType[T]>;
}

// Art 16(2) notifications go to every other member state and to the Commission, hence two audiences.
const ART16_AUDIENCES: readonly Audience[] = ['authorities', 'commission'];

/** The catalogue of published contracts. */
export const CONTRACTS: { readonly [T in PublishedType]: ContractDefinition<T> } = {
  'eu.dual-use.licence.issued.v1': {
    type: 'eu.dual-use.licence.issued.v1',
    audiences: ['customs'],
    title: 'Licence issued',
    summary: 'A licence was issued and is valid from effectiveAt.',
    subject: 'licences/{licenceId}',
    schema: licenceIssuedV1Schema,
  },
  'eu.dual-use.licence.amended.v1': {
    type: 'eu.dual-use.licence.amended.v1',
    audiences: ['customs'],
    title: 'Licence amended',
    summary: 'The terms of a licence changed (conditions, validity, licensed quantities or values).',
    subject: 'licences/{licenceId}',
    schema: licenceAmendedV1Schema,
  },
  'eu.dual-use.licence.suspended.v1': {
    type: 'eu.dual-use.licence.suspended.v1',
    audiences: ['customs'],
    title: 'Licence suspended',
    summary: 'A licence may not be used until it is reinstated.',
    subject: 'licences/{licenceId}',
    schema: licenceSuspendedV1Schema,
  },
  'eu.dual-use.licence.reinstated.v1': {
    type: 'eu.dual-use.licence.reinstated.v1',
    audiences: ['customs'],
    title: 'Licence reinstated',
    summary: 'A suspended licence may be used again.',
    subject: 'licences/{licenceId}',
    schema: licenceReinstatedV1Schema,
  },
  'eu.dual-use.licence.revoked.v1': {
    type: 'eu.dual-use.licence.revoked.v1',
    audiences: ['customs'],
    title: 'Licence revoked',
    summary: 'A licence was revoked and may no longer be used.',
    subject: 'licences/{licenceId}',
    schema: licenceRevokedV1Schema,
  },
  'eu.dual-use.licence.annulled.v1': {
    type: 'eu.dual-use.licence.annulled.v1',
    audiences: ['customs'],
    title: 'Licence annulled',
    summary: 'A licence was annulled and may no longer be used.',
    subject: 'licences/{licenceId}',
    schema: licenceAnnulledV1Schema,
  },
  'eu.dual-use.licence.expired.v1': {
    type: 'eu.dual-use.licence.expired.v1',
    audiences: ['customs'],
    title: 'Licence expired',
    summary: 'A licence reached the end of its validity.',
    subject: 'licences/{licenceId}',
    schema: licenceExpiredV1Schema,
  },
  'eu.dual-use.licence.usage-recorded.v1': {
    type: 'eu.dual-use.licence.usage-recorded.v1',
    audiences: ['customs'],
    title: 'Licence usage recorded',
    summary: 'An export declaration was written off against a licence.',
    subject: 'licences/{licenceId}',
    schema: licenceUsageRecordedV1Schema,
  },
  'eu.dual-use.general-authorisation.registration-changed.v1': {
    type: 'eu.dual-use.general-authorisation.registration-changed.v1',
    audiences: ['customs'],
    title: 'General authorisation registration changed',
    summary:
      'An exporter was registered for a general authorisation (EU001-EU008 or national), or the right to use it ' +
      'was refused, suspended, reinstated or withdrawn; the message carries the registration as it now stands.',
    subject: 'general-authorisation-registrations/{registrationId}',
    schema: generalAuthorisationRegistrationChangedV1Schema,
  },
  'eu.dual-use.denial.notified.v1': {
    type: 'eu.dual-use.denial.notified.v1',
    audiences: ART16_AUDIENCES,
    title: 'Denial notified (Art 16)',
    summary:
      'A refusal, or an annulment, suspension, substantial limitation or revocation of a licence, notified to all ' +
      'other member states and the Commission; it enters the EU denial register.',
    subject: 'denials/{denialId}',
    schema: denialNotifiedV1Schema,
  },
  'eu.dual-use.denial.final-assessment-recorded.v1': {
    type: 'eu.dual-use.denial.final-assessment-recorded.v1',
    audiences: ART16_AUDIENCES,
    title: 'Final assessment after a suspension',
    summary: 'The notifying authority communicated its final assessment of a suspension (Art 16(2)).',
    subject: 'denials/{denialId}',
    schema: denialFinalAssessmentRecordedV1Schema,
  },
  'eu.dual-use.denial.review-due.v1': {
    type: 'eu.dual-use.denial.review-due.v1',
    audiences: ART16_AUDIENCES,
    title: 'Denial review due',
    summary: 'A denial reached its three-year review date.',
    subject: 'denials/{denialId}',
    schema: denialReviewDueV1Schema,
  },
  'eu.dual-use.denial.renewed.v1': {
    type: 'eu.dual-use.denial.renewed.v1',
    audiences: ART16_AUDIENCES,
    title: 'Denial renewed',
    summary: 'A reviewed denial stays in force until the next review.',
    subject: 'denials/{denialId}',
    schema: denialRenewedV1Schema,
  },
  'eu.dual-use.denial.amended.v1': {
    type: 'eu.dual-use.denial.amended.v1',
    audiences: ART16_AUDIENCES,
    title: 'Denial amended',
    summary: 'A reviewed denial stays in force with new terms, given in full.',
    subject: 'denials/{denialId}',
    schema: denialAmendedV1Schema,
  },
  'eu.dual-use.denial.revoked.v1': {
    type: 'eu.dual-use.denial.revoked.v1',
    audiences: ART16_AUDIENCES,
    title: 'Denial revoked',
    summary: 'A denial is no longer in force.',
    subject: 'denials/{denialId}',
    schema: denialRevokedV1Schema,
  },
  'eu.dual-use.grant-despite-denial.notified.v1': {
    type: 'eu.dual-use.grant-despite-denial.notified.v1',
    audiences: ART16_AUDIENCES,
    title: 'Grant despite a denial notified',
    summary: 'An authority granted an essentially identical transaction despite a denial in force, with its reasons.',
    subject: 'applications/{applicationId}',
    schema: grantDespiteDenialNotifiedV1Schema,
  },
  'eu.dual-use.consultation.opened.v1': {
    type: 'eu.dual-use.consultation.opened.v1',
    audiences: ['authorities'],
    title: 'Consultation opened',
    summary: 'An authority consults others (Art 14(1), Art 16 prior denial, Art 4/5 catch-all) with the packet.',
    subject: 'consultations/{consultationId}',
    schema: consultationOpenedV1Schema,
  },
  'eu.dual-use.consultation.replied.v1': {
    type: 'eu.dual-use.consultation.replied.v1',
    audiences: ['authorities'],
    title: 'Consultation replied',
    summary: 'A consulted authority replied.',
    subject: 'consultations/{consultationId}',
    schema: consultationRepliedV1Schema,
  },
  'eu.dual-use.consultation.extension-requested.v1': {
    type: 'eu.dual-use.consultation.extension-requested.v1',
    audiences: ['authorities'],
    title: 'Consultation extension requested',
    summary: 'A consulted authority asked for more time.',
    subject: 'consultations/{consultationId}',
    schema: consultationExtensionRequestedV1Schema,
  },
  'eu.dual-use.consultation.extension-granted.v1': {
    type: 'eu.dual-use.consultation.extension-granted.v1',
    audiences: ['authorities'],
    title: 'Consultation extension granted',
    summary: 'A consulted authority was given more time.',
    subject: 'consultations/{consultationId}',
    schema: consultationExtensionGrantedV1Schema,
  },
  'eu.dual-use.consultation.extension-declined.v1': {
    type: 'eu.dual-use.consultation.extension-declined.v1',
    audiences: ['authorities'],
    title: 'Consultation extension declined',
    summary: 'A request for more time was declined; the deadline stands.',
    subject: 'consultations/{consultationId}',
    schema: consultationExtensionDeclinedV1Schema,
  },
  'eu.dual-use.consultation.deadline-lapsed.v1': {
    type: 'eu.dual-use.consultation.deadline-lapsed.v1',
    audiences: ['authorities'],
    title: 'Consultation deadline lapsed',
    summary: 'A consulted authority stayed silent past its deadline; the silence has its legal meaning.',
    subject: 'consultations/{consultationId}',
    schema: consultationDeadlineLapsedV1Schema,
  },
  'eu.dual-use.consultation.closed.v1': {
    type: 'eu.dual-use.consultation.closed.v1',
    audiences: ['authorities'],
    title: 'Consultation closed',
    summary: 'A consultation ended, with its outcome.',
    subject: 'consultations/{consultationId}',
    schema: consultationClosedV1Schema,
  },
  'eu.dual-use.security-interest.requested.v1': {
    type: 'eu.dual-use.security-interest.requested.v1',
    audiences: ['authorities'],
    title: 'Security-interest request',
    summary:
      'A member state asks another, for its essential security interests, not to grant an authorisation or to ' +
      'annul, suspend, modify or revoke it (Art 14(2)); a non-binding consultation to be terminated within 10 working days.',
    subject: 'consultations/{consultationId}',
    schema: securityInterestRequestedV1Schema,
  },
  'eu.dual-use.security-interest.closed.v1': {
    type: 'eu.dual-use.security-interest.closed.v1',
    audiences: ['authorities'],
    title: 'Security-interest consultation closed',
    summary: 'The Art 14(2) consultation ended: answered, ended without answer at its deadline, or withdrawn.',
    subject: 'consultations/{consultationId}',
    schema: securityInterestClosedV1Schema,
  },
  'eu.dual-use.security-interest.grant-notified.v1': {
    type: 'eu.dual-use.security-interest.grant-notified.v1',
    audiences: ART16_AUDIENCES,
    title: 'Grant despite a security-interest request',
    summary:
      'The requested member state granted the authorisation another member state asked it not to grant, and ' +
      'notifies the Commission and the member states (Art 14(2)).',
    subject: 'consultations/{consultationId}',
    schema: securityInterestGrantNotifiedV1Schema,
  },
  'eu.dual-use.audit.daily-root-sealed.v1': {
    type: 'eu.dual-use.audit.daily-root-sealed.v1',
    audiences: ['authorities', 'commission'],
    title: 'Daily root sealed',
    summary:
      'The ledger sealed a UTC day: the Merkle root over every stream head up to a global position. Keep it: the ' +
      'ledger re-derives it on request (GET /v1/audit/verify with day, root and coveredUpTo), and any rewrite of ' +
      'history recorded up to that position changes it.',
    subject: 'audit-roots/{day}',
    schema: dailyRootSealedV1Schema,
  },
  'eu.dual-use.statistics.application-received.v1': {
    type: 'eu.dual-use.statistics.application-received.v1',
    audiences: ['commission'],
    title: 'Application received (statistics)',
    summary: 'An authority registered an application.',
    subject: 'applications/{applicationId}',
    schema: applicationReceivedV1Schema,
  },
  'eu.dual-use.statistics.decision-issued.v1': {
    type: 'eu.dual-use.statistics.decision-issued.v1',
    audiences: ['commission'],
    title: 'Decision issued (statistics)',
    summary: 'An authority granted or denied an application.',
    subject: 'applications/{applicationId}',
    schema: decisionIssuedV1Schema,
  },
  'eu.dual-use.statistics.licence-lifecycle.v1': {
    type: 'eu.dual-use.statistics.licence-lifecycle.v1',
    audiences: ['commission'],
    title: 'Licence lifecycle (statistics)',
    summary: 'A licence was issued, amended, suspended, reinstated, annulled, revoked or expired.',
    subject: 'licences/{licenceId}',
    schema: licenceLifecycleV1Schema,
  },
};

/** Every published type, in catalogue order. */
export const PUBLISHED_TYPES = Object.keys(CONTRACTS) as readonly PublishedType[];

export function isPublishedType(type: string): type is PublishedType {
  return Object.prototype.hasOwnProperty.call(CONTRACTS, type);
}

/** The contract of a published type. */
export function contractFor<T extends PublishedType>(type: T): ContractDefinition<T> {
  return CONTRACTS[type];
}

/** The types an audience receives. */
export function typesFor(audience: Audience): readonly PublishedType[] {
  return PUBLISHED_TYPES.filter((type) => CONTRACTS[type].audiences.includes(audience));
}

/** The `$id` of a type's data schema; also the CloudEvents `dataschema`. */
export function schemaId(type: PublishedType): string {
  return `urn:dual-use:schema:${type}`;
}

export const JSON_SCHEMA_DIALECT = 'https://json-schema.org/draft/2020-12/schema';

/** A type's data schema as checked in under libs/contracts/schemas/<type>.json. */
export function publishedSchema(type: PublishedType): JsonSchema {
  const contract: ContractDefinition = CONTRACTS[type];
  return {
    $schema: JSON_SCHEMA_DIALECT,
    $id: schemaId(type),
    title: type,
    description: `${contract.title}. ${contract.summary} Audiences: ${contract.audiences.join(', ')}.`,
    ...contract.schema.json,
  };
}
