import type { Command } from '../decider';
import { refuse } from '../refusals';
import type { ConsultedDenial } from '../consultation/consultation-status';
import type { ApplicationItem, ApplicationItemInput, ApplicationKind, Exporter, Party } from './application.content';
import type { Application } from './application.decider';
import type { ConsultationStatus, DecisionOutcome } from './application.events';
import type { Art15Ground } from './art16-notification';
import type { ItemLimit, UsageLine, WideningDenialMatch } from './licence.events';

/** What the licence is issued from: the granted application and its issued decision. */
export interface IssueLicenceData {
  readonly licenceId: string;
  readonly applicationId: string;
  readonly kind: ApplicationKind;
  readonly issuingMemberState: string;
  readonly holder: Exporter;
  readonly items: readonly ApplicationItem[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
  readonly decision: {
    readonly outcome: DecisionOutcome;
    readonly art15Grounds: readonly Art15Ground[];
    readonly conditions: readonly string[];
    readonly validityMonths: number;
    readonly validityJustification: string | null;
    /** The cap the decision applied (the member state's setting, Art 12(3)); the kind's default when absent. */
    readonly validityCapMonths?: number | null;
    readonly issuedBy: string;
  };
}

export type IssueLicence = Command<'IssueLicence', IssueLicenceData>;

/**
 * Changes the licence's terms; leave out what does not change. A narrowing takes effect at once; a
 * widening becomes a proposal that another official decides (DecideLicenceAmendment).
 */
export type AmendLicence = Command<
  'AmendLicence',
  {
    /** Names a widening proposal; the controller makes one when the client sends none. */
    readonly amendmentId?: string;
    readonly reason: string;
    readonly conditions?: readonly string[];
    /** Total validity counted from the issue date. */
    readonly validityMonths?: number;
    /** One entry per item, in item order. */
    readonly itemLimits?: readonly ItemLimit[];
    /** Items (control entries) to add to the licence: always a widening. */
    readonly addedItems?: readonly ApplicationItemInput[];
    /** The authority's judgement that this substantially limits the licence (Art 16 notification). */
    readonly substantialLimitation: boolean;
    readonly grounds?: readonly Art15Ground[];
  }
>;

/**
 * Another official's decision on a proposed widening. `screening`, `consultations` and `priorDenials`
 * are not the client's: the handler asks the consultation context for them right before the decision,
 * exactly as for an application's decision (the widened licence is screened again and any consultation
 * it needs is opened first).
 */
export type DecideLicenceAmendment = Command<
  'DecideLicenceAmendment',
  {
    readonly amendmentId: string;
    readonly outcome: 'APPROVE' | 'REFUSE';
    readonly reasons: string;
    readonly screening: { readonly screenedAt: string; readonly denialMatches: readonly WideningDenialMatch[] };
    /** The widening's Art 14(1) and Art 16 consultations: open ones hold an approval back, an objection forbids it. */
    readonly consultations: ConsultationStatus;
    /** The Art 16 consultations on matching denials: an approval after them is notified with reasons. */
    readonly priorDenials?: readonly ConsultedDenial[];
    /** Required to approve when `priorDenials` is not empty: why the authority widens despite them. */
    readonly grantDespiteDenialReasons?: string;
  }
>;

export type SuspendLicence = Command<
  'SuspendLicence',
  { readonly reason: string; readonly grounds?: readonly Art15Ground[] }
>;

export type ReinstateLicence = Command<'ReinstateLicence', { readonly finalAssessment: string }>;

export type AnnulLicence = Command<
  'AnnulLicence',
  { readonly reason: string; readonly grounds?: readonly Art15Ground[] }
>;

export type RevokeLicence = Command<
  'RevokeLicence',
  { readonly reason: string; readonly grounds?: readonly Art15Ground[] }
>;

/** Sent by a timer once metadata.now has reached the licence's validUntil. */
export type ExpireLicence = Command<'ExpireLicence', Record<string, never>>;

/** Customs writes an export declaration off against the licence. */
export type RecordLicenceUsage = Command<
  'RecordLicenceUsage',
  {
    readonly usageId: string;
    readonly customsOffice: string;
    readonly declarationReference: string;
    readonly lines: readonly UsageLine[];
  }
>;

export type LicenceCommand =
  | IssueLicence
  | AmendLicence
  | DecideLicenceAmendment
  | SuspendLicence
  | ReinstateLicence
  | AnnulLicence
  | RevokeLicence
  | ExpireLicence
  | RecordLicenceUsage;

/**
 * The IssueLicence data for a granted application: what the process manager sends once DecisionIssued
 * is a grant. Refuses (CONFLICT 'licence-needs-grant') an application that is not granted.
 */
export function issueLicenceFromGrant(application: Application, licenceId: string): IssueLicenceData {
  const { decision, content } = application;
  if (application.status !== 'GRANTED' || decision === null || decision.validityMonths === null) {
    throw refuse.conflict(
      'licence-needs-grant',
      `a licence is issued only for a granted application (${application.status})`,
    );
  }
  return {
    licenceId,
    applicationId: application.applicationId,
    kind: application.kind,
    issuingMemberState: application.authority,
    holder: content.exporter,
    items: content.items,
    destinationCountry: content.destinationCountry,
    endUser: content.endUser,
    consignee: content.consignee,
    decision: {
      outcome: decision.outcome,
      art15Grounds: decision.art15Grounds,
      conditions: decision.conditions,
      validityMonths: decision.validityMonths,
      validityJustification: decision.validityReason ?? content.validityJustification,
      validityCapMonths: decision.validityCapMonths ?? null,
      issuedBy: decision.issuedBy,
    },
  };
}
