import type { DomainEvent } from '../decider';
import { everyType } from '../decider';
import type { MemberStateCode } from '../reference/member-states';
import type { ApplicationItem, ApplicationKind, Exporter, Party } from './application.content';
import type { Art15Ground, Art16Notification } from './art16-notification';
import type { ConsultedDenial } from '../consultation/consultation-status';
import type { GrantDespiteDenialNotified } from '../denials/grant-despite-denial';

/** The licensed quantity and value of one item. */
export interface ItemLimit {
  readonly quantity: number;
  readonly value: number;
}

/** One item of a customs declaration written off against the licence. */
export interface UsageLine {
  readonly itemIndex: number;
  readonly quantity: number;
  /** In the item's currency. */
  readonly value: number;
}

export type LicenceIssued = DomainEvent<
  'LicenceIssued',
  {
    readonly licenceId: string;
    readonly applicationId: string;
    readonly kind: ApplicationKind;
    readonly issuingMemberState: MemberStateCode;
    readonly holder: Exporter;
    readonly items: readonly ApplicationItem[];
    readonly destinationCountry: string;
    readonly endUser: Party;
    readonly consignee: Party | null;
    readonly conditions: readonly string[];
    readonly art15Grounds: readonly Art15Ground[];
    readonly validityMonths: number;
    readonly validityJustification: string | null;
    /** ISO instants: valid from issue until (excluding) validUntil. */
    readonly validFrom: string;
    readonly validUntil: string;
    readonly decisionIssuedBy: string;
    readonly issuedBy: string;
  }
>;

/** A denial in force that screening matched against a widened licence (Art 16, Art 2(22)). */
export interface WideningDenialMatch {
  readonly denialId: string;
  readonly issuingMemberState: string;
  readonly score: number;
  readonly explanation: string;
}

/** How a widening amendment was assessed: who proposed it, what it widens, the screening before the decision. */
export interface WideningAssessment {
  readonly amendmentId: string;
  /** What the amendment widens, e.g. `items[0].quantity 1 → 50`. */
  readonly widened: readonly string[];
  readonly proposedBy: string;
  readonly proposedAt: string;
  /** Screening against the denial register right before the decision; every match was consulted on (Art 16). */
  readonly screenedAt: string;
  readonly denialMatches: readonly WideningDenialMatch[];
  /**
   * The Art 16 consultations the widening waited for, with how each ended (absent before they existed).
   * When there are any, LicenceGrantDespiteDenialNotified is appended with the LicenceAmended.
   */
  readonly priorDenials?: readonly ConsultedDenial[];
}

/**
 * An amendment that widens the licence (quantity, value or validity), proposed by one official: a new
 * assessment, decided by another (LicenceAmended with `widening`, or LicenceAmendmentRefused).
 */
export type LicenceAmendmentProposed = DomainEvent<
  'LicenceAmendmentProposed',
  {
    readonly amendmentId: string;
    readonly reason: string;
    /** The licence's terms if approved, in full. */
    readonly conditions: readonly string[];
    readonly validityMonths: number;
    readonly validUntil: string;
    readonly itemLimits: readonly ItemLimit[];
    /** New items (control entries) the widening adds after the existing ones; absent before item widenings. */
    readonly addedItems?: readonly ApplicationItem[];
    readonly widened: readonly string[];
    readonly proposedBy: string;
    readonly proposedAt: string;
  }
>;

export type LicenceAmendmentRefused = DomainEvent<
  'LicenceAmendmentRefused',
  {
    readonly amendmentId: string;
    readonly reasons: string;
    readonly refusedBy: string;
    readonly refusedAt: string;
  }
>;

export type LicenceAmended = DomainEvent<
  'LicenceAmended',
  {
    readonly reason: string;
    /** The licence's terms after the amendment, in full. */
    readonly conditions: readonly string[];
    readonly validityMonths: number;
    readonly validUntil: string;
    readonly itemLimits: readonly ItemLimit[];
    /** Items a widening added, appended after the existing ones (absent when none). */
    readonly addedItems?: readonly ApplicationItem[];
    readonly substantialLimitation: boolean;
    /** Art 16: set when the amendment is a substantial limitation. */
    readonly notification: Art16Notification | null;
    readonly amendedBy: string;
    readonly amendedAt: string;
    /** Set when the amendment widened the licence: it was proposed, screened and decided by two officials. */
    readonly widening?: WideningAssessment;
  }
>;

/**
 * Art 16: a widening approved after consulting another member state on its denial is notified to every
 * other member state and the Commission with the reasons, as an application's grant despite a denial
 * is. Appended together with the widening's LicenceAmended: one append, no widening without it.
 */
export type LicenceGrantDespiteDenialNotified = DomainEvent<
  'LicenceGrantDespiteDenialNotified',
  GrantDespiteDenialNotified['data'] & { readonly licenceId: string; readonly amendmentId: string }
>;

export type LicenceSuspended = DomainEvent<
  'LicenceSuspended',
  {
    readonly reason: string;
    readonly grounds: readonly Art15Ground[];
    readonly notification: Art16Notification;
    readonly suspendedBy: string;
    readonly suspendedAt: string;
  }
>;

export type LicenceReinstated = DomainEvent<
  'LicenceReinstated',
  {
    readonly finalAssessment: string;
    /** Art 16: the final assessment after a suspension goes to the same recipients. */
    readonly notification: Art16Notification;
    readonly reinstatedBy: string;
    readonly reinstatedAt: string;
  }
>;

export type LicenceAnnulled = DomainEvent<
  'LicenceAnnulled',
  {
    readonly reason: string;
    readonly grounds: readonly Art15Ground[];
    readonly notification: Art16Notification;
    readonly annulledBy: string;
    readonly annulledAt: string;
  }
>;

export type LicenceRevoked = DomainEvent<
  'LicenceRevoked',
  {
    readonly reason: string;
    readonly grounds: readonly Art15Ground[];
    readonly notification: Art16Notification;
    readonly revokedBy: string;
    readonly revokedAt: string;
  }
>;

export type LicenceExpired = DomainEvent<'LicenceExpired', { readonly validUntil: string; readonly expiredAt: string }>;

export type LicenceUsageRecorded = DomainEvent<
  'LicenceUsageRecorded',
  {
    readonly usageId: string;
    /** Customs office reference number, e.g. DE004852. */
    readonly customsOffice: string;
    /** Movement reference number (MRN) of the export declaration. */
    readonly declarationReference: string;
    readonly lines: readonly UsageLine[];
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type LicenceEvent =
  | LicenceIssued
  | LicenceAmended
  | LicenceAmendmentProposed
  | LicenceAmendmentRefused
  | LicenceGrantDespiteDenialNotified
  | LicenceSuspended
  | LicenceReinstated
  | LicenceAnnulled
  | LicenceRevoked
  | LicenceExpired
  | LicenceUsageRecorded;

/** Every LicenceEvent type, in the order of the union (what projections of the whole stream handle). */
export const LICENCE_EVENT_TYPES = everyType<LicenceEvent['type']>({
  LicenceIssued: true,
  LicenceAmended: true,
  LicenceAmendmentProposed: true,
  LicenceAmendmentRefused: true,
  LicenceGrantDespiteDenialNotified: true,
  LicenceSuspended: true,
  LicenceReinstated: true,
  LicenceAnnulled: true,
  LicenceRevoked: true,
  LicenceExpired: true,
  LicenceUsageRecorded: true,
});
