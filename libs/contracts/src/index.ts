export * from './audiences';
export * from './catalogue';
export type { CustomsLicenceV1 } from './customs.contracts';
export type {
  CustomsRegistrationV1,
  GeneralAuthorisationRegistrationChangedV1,
} from './general-authorisation.contracts';
export type {
  LicenceAmendedV1,
  LicenceAnnulledV1,
  LicenceExpiredV1,
  LicenceIssuedV1,
  LicenceReinstatedV1,
  LicenceRevokedV1,
  LicenceSuspendedV1,
  LicenceUsageRecordedV1,
} from './customs.contracts';
export type {
  ConsultationClosedV1,
  ConsultationDeadlineLapsedV1,
  ConsultationExtensionGrantedV1,
  ConsultationExtensionRequestedV1,
  ConsultationOpenedV1,
  ConsultationRepliedV1,
  DenialAmendedV1,
  DenialNotifiedV1,
  DenialRenewedV1,
  DenialReviewDueV1,
  DenialRevokedV1,
  GrantDespiteDenialNotifiedV1,
} from './authorities.contracts';
export type { DailyRootSealedV1 } from './audit.contracts';
export type { ApplicationReceivedV1, DecisionIssuedV1, LicenceLifecycleV1 } from './commission.contracts';
export type { IntegrationEvent, SourceEvent } from './integration-event';
export type { MappingContext } from './mapping';
export { IntegrationMappingError, integrationEventId } from './mapping';
export { customsLicence } from './licensing.mapper';
export {
  CONTEXT_EVENT_TYPES,
  foldMappingContext,
  needsMappingContext,
  toIntegrationEvents,
} from './integration.mapper';
export * from './cloud-events';
export * from './contract-validator';
export * from './asyncapi';
export { CYBER_SURVEILLANCE_ENTRIES, isCyberSurveillance } from './cyber-surveillance';
export type { Infer, JsonSchema, Schema } from './schema-builder';
export { strictSchema } from './schema-builder';
