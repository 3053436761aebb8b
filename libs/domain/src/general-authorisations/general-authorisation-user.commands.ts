import type { Command } from '../decider';
import type { Art15Ground } from '../licensing/art16-notification';
import type { GeneralAuthorisationSettings, GeneralAuthorisationVersion } from './general-authorisation.reference';
import type { GeneralAuthorisationExporter, GeneralAuthorisationUseItem } from './general-authorisation-user.events';

/** What a registration (or a first-use notification without one) is about. */
export interface GeneralAuthorisationSubject {
  readonly registrationId: string;
  /** The authorisation as published (for a national one: its current version, which names its member state). */
  readonly authorisation: GeneralAuthorisationVersion;
  readonly exporter: GeneralAuthorisationExporter;
}

/** The authority records an exporter's registration for a general authorisation. */
export type RegisterForGeneralAuthorisation = Command<'RegisterForGeneralAuthorisation', GeneralAuthorisationSubject>;

export type RefuseGeneralAuthorisationRegistration = Command<
  'RefuseGeneralAuthorisationRegistration',
  { readonly reason: string }
>;

export type SuspendGeneralAuthorisationRight = Command<
  'SuspendGeneralAuthorisationRight',
  { readonly reason: string; readonly grounds?: readonly Art15Ground[]; readonly denialInSubstance: boolean }
>;

export type ReinstateGeneralAuthorisationRight = Command<
  'ReinstateGeneralAuthorisationRight',
  { readonly finalAssessment: string }
>;

export type WithdrawGeneralAuthorisationRight = Command<
  'WithdrawGeneralAuthorisationRight',
  { readonly reason: string; readonly grounds?: readonly Art15Ground[] }
>;

/** The exporter notifies the first use; starts the record where the member state requires no registration. */
export type NotifyGeneralAuthorisationFirstUse = Command<
  'NotifyGeneralAuthorisationFirstUse',
  {
    readonly firstExportDate: string;
    readonly settings: GeneralAuthorisationSettings;
    /** Only to start the record without a registration. */
    readonly subject?: GeneralAuthorisationSubject;
  }
>;

/** A report of one export made under the authorisation. */
export type RecordGeneralAuthorisationUse = Command<
  'RecordGeneralAuthorisationUse',
  {
    readonly useId: string;
    readonly exportDate: string;
    readonly destinationCountry: string;
    readonly declarationReference: string;
    readonly items: readonly (Omit<GeneralAuthorisationUseItem, 'hsCode'> & { readonly hsCode?: string | null })[];
    /** The versions of the authorisation as published; the decider picks the one in force on exportDate. */
    readonly versions: readonly GeneralAuthorisationVersion[];
    readonly settings: GeneralAuthorisationSettings;
  }
>;

export type GeneralAuthorisationUserCommand =
  | RegisterForGeneralAuthorisation
  | RefuseGeneralAuthorisationRegistration
  | SuspendGeneralAuthorisationRight
  | ReinstateGeneralAuthorisationRight
  | WithdrawGeneralAuthorisationRight
  | NotifyGeneralAuthorisationFirstUse
  | RecordGeneralAuthorisationUse;
