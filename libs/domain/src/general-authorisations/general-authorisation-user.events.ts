import type { DomainEvent } from '../decider';
import { everyType } from '../decider';
import type { Art15Ground } from '../licensing/art16-notification';
import type { MemberStateCode } from '../reference/member-states';
import type { GeneralAuthorisationKind } from './general-authorisation.reference';

/** The exporter who uses a general authorisation: established in the registering member state. */
export interface GeneralAuthorisationExporter {
  readonly name: string;
  readonly identifier: { readonly scheme: 'EORI' | 'OTHER'; readonly value: string };
  readonly address: string;
}

/** One item of one export under a general authorisation. */
export interface GeneralAuthorisationUseItem {
  readonly description: string;
  /** Annex I entry, normalised. */
  readonly controlEntry: string;
  /** Combined Nomenclature code, 8 digits; null when not given. */
  readonly hsCode: string | null;
  readonly quantity: number;
  readonly unit: string;
  readonly value: number;
  readonly currency: string;
}

/**
 * Art 12(6) information for the other member states and the Commission: the exporter deprived of
 * (or suspended from) the right to use a general authorisation. A reading: it travels the Art 16
 * notification path (the notifications inbox), not the denial register, which records transactions
 * (end user, items) that a suspension of a user has not got.
 */
export interface GeneralAuthorisationUserNotification {
  readonly kind: 'GEA_RIGHT_SUSPENDED' | 'GEA_RIGHT_WITHDRAWN' | 'GEA_RIGHT_REINSTATED';
  readonly notifyingMemberState: MemberStateCode;
  readonly recipients: { readonly memberStates: readonly MemberStateCode[]; readonly commission: true };
  readonly registrationId: string;
  readonly authorisation: string;
  readonly exporter: GeneralAuthorisationExporter;
  readonly grounds: readonly Art15Ground[];
  readonly reason: string;
  /** YYYY-MM-DD. */
  readonly effectiveOn: string;
}

interface RegistrationFacts {
  readonly registrationId: string;
  readonly authorisation: string;
  readonly authorisationKind: GeneralAuthorisationKind;
  readonly memberState: MemberStateCode;
  readonly exporter: GeneralAuthorisationExporter;
}

export type GeneralAuthorisationRegistered = DomainEvent<
  'GeneralAuthorisationRegistered',
  RegistrationFacts & { readonly registeredBy: string; readonly registeredAt: string }
>;

export type GeneralAuthorisationRegistrationRefused = DomainEvent<
  'GeneralAuthorisationRegistrationRefused',
  { readonly reason: string; readonly refusedBy: string; readonly refusedAt: string }
>;

export type GeneralAuthorisationRightSuspended = DomainEvent<
  'GeneralAuthorisationRightSuspended',
  {
    readonly reason: string;
    readonly grounds: readonly Art15Ground[];
    /** The authority's judgement that the suspension is a denial in substance: then notified. */
    readonly denialInSubstance: boolean;
    readonly notification: GeneralAuthorisationUserNotification | null;
    readonly suspendedBy: string;
    readonly suspendedAt: string;
  }
>;

export type GeneralAuthorisationRightReinstated = DomainEvent<
  'GeneralAuthorisationRightReinstated',
  {
    readonly finalAssessment: string;
    /** Set when the suspension was notified: the final assessment goes to the same recipients. */
    readonly notification: GeneralAuthorisationUserNotification | null;
    readonly reinstatedBy: string;
    readonly reinstatedAt: string;
  }
>;

export type GeneralAuthorisationRightWithdrawn = DomainEvent<
  'GeneralAuthorisationRightWithdrawn',
  {
    readonly reason: string;
    readonly grounds: readonly Art15Ground[];
    readonly notification: GeneralAuthorisationUserNotification;
    readonly withdrawnBy: string;
    readonly withdrawnAt: string;
  }
>;

export type GeneralAuthorisationFirstUseNotified = DomainEvent<
  'GeneralAuthorisationFirstUseNotified',
  {
    /** Set when this notification starts the record (no registration where none is required). */
    readonly registration: RegistrationFacts | null;
    /** YYYY-MM-DD. */
    readonly firstExportDate: string;
    /** YYYY-MM-DD: the last day the notification was due (first export + the member state's days). */
    readonly dueBy: string;
    /** YYYY-MM-DD the authority received it. */
    readonly notifiedOn: string;
    /** Flagged: received after dueBy. */
    readonly late: boolean;
    readonly notifiedBy: string;
    readonly notifiedAt: string;
  }
>;

export type GeneralAuthorisationUseRecorded = DomainEvent<
  'GeneralAuthorisationUseRecorded',
  {
    readonly useId: string;
    /** The version of the authorisation in force on the export date, the one the use was judged against. */
    readonly authorisationVersion: number;
    /** YYYY-MM-DD. */
    readonly exportDate: string;
    readonly destinationCountry: string;
    /** Movement reference number (MRN) of the export declaration. */
    readonly declarationReference: string;
    readonly items: readonly GeneralAuthorisationUseItem[];
    /** Flagged: no first-use notification yet although it was due (first export + the member state's days). */
    readonly firstUseNotificationOverdue: boolean;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type GeneralAuthorisationUserEvent =
  | GeneralAuthorisationRegistered
  | GeneralAuthorisationRegistrationRefused
  | GeneralAuthorisationRightSuspended
  | GeneralAuthorisationRightReinstated
  | GeneralAuthorisationRightWithdrawn
  | GeneralAuthorisationFirstUseNotified
  | GeneralAuthorisationUseRecorded;

export const GENERAL_AUTHORISATION_USER_EVENT_TYPES = everyType<GeneralAuthorisationUserEvent['type']>({
  GeneralAuthorisationRegistered: true,
  GeneralAuthorisationRegistrationRefused: true,
  GeneralAuthorisationRightSuspended: true,
  GeneralAuthorisationRightReinstated: true,
  GeneralAuthorisationRightWithdrawn: true,
  GeneralAuthorisationFirstUseNotified: true,
  GeneralAuthorisationUseRecorded: true,
});
