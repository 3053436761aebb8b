import type { DomainEvent } from '../decider';
import { everyType } from '../decider';
import type { MemberStateCode } from '../reference/member-states';
import type { ApplicationKind, Party } from '../licensing/application.content';
import type { Art15Ground, Art16NotificationKind, NotifiedItem } from '../licensing/art16-notification';

/** The Art 16 notifications that enter the denial register: every one except a final assessment. */
export type DenialSourceKind = Exclude<Art16NotificationKind, 'FINAL_ASSESSMENT'>;

export const DENIAL_SOURCE_KINDS: readonly DenialSourceKind[] = [
  'DENIAL',
  'ANNULMENT',
  'SUSPENSION',
  'SUBSTANTIAL_LIMITATION',
  'REVOCATION',
];

/** Where the register entry comes from: a denied application, or a licence annulled, suspended, limited or revoked. */
export interface DenialSource {
  readonly kind: DenialSourceKind;
  readonly applicationId: string;
  /** Null for the denial of an application (no licence was issued). */
  readonly licenceId: string | null;
}

/**
 * What happens to a suspension once the authority communicates its final assessment (Art 16(2)):
 * CONFIRMED keeps it in force as a denial; LIFTED (the licence was reinstated) withdraws it;
 * SUPERSEDED withdraws it in favour of the annulment or revocation entry that followed it.
 */
export const FINAL_ASSESSMENTS = ['CONFIRMED', 'LIFTED', 'SUPERSEDED'] as const;
export type FinalAssessment = (typeof FINAL_ASSESSMENTS)[number];

/** The fields of a register entry the issuing member state may amend on review; absent ones stay. */
export interface DenialAmendments {
  readonly items?: readonly NotifiedItem[];
  readonly destinationCountry?: string;
  readonly endUser?: Party;
  readonly consignee?: Party | null;
  readonly grounds?: readonly Art15Ground[];
  readonly reason?: string | null;
}

/** The review clock of a register entry: due three years on, escalated after the grace period; never out of force. */
export interface ReviewClock {
  /** ISO instant: the issuing member state reviews the denial by then (Art 16(2)). */
  readonly reviewDueAt: string;
  /**
   * ISO instant: unreviewed by then, the overdue review is escalated (reviewDueAt + the grace period).
   * The name is kept for recorded history; the denial stays in force (Art 16(2): no lapse).
   */
  readonly lapsesAt: string;
}

export type DenialNotified = DomainEvent<
  'DenialNotified',
  ReviewClock & {
    readonly denialId: string;
    readonly issuingMemberState: MemberStateCode;
    readonly source: DenialSource;
    /** Every other member state and the Commission. */
    readonly recipients: { readonly memberStates: readonly MemberStateCode[]; readonly commission: true };
    readonly applicationKind: ApplicationKind;
    /** Control entries (normalised) and technical descriptions: what screening matches on. */
    readonly items: readonly NotifiedItem[];
    readonly destinationCountry: string;
    readonly endUser: Party;
    readonly consignee: Party | null;
    readonly grounds: readonly Art15Ground[];
    readonly reason: string | null;
    /** The date the decision took effect, YYYY-MM-DD. */
    readonly decidedOn: string;
    /** Calendar days after reviewDueAt before an unreviewed review is escalated; kept for every later review. */
    readonly reviewGraceDays: number;
    readonly notifiedBy: string;
    readonly notifiedAt: string;
  }
>;

export type FinalAssessmentRecorded = DomainEvent<
  'FinalAssessmentRecorded',
  {
    readonly assessment: FinalAssessment;
    readonly statement: string;
    /** For SUPERSEDED: the register entry of the annulment or revocation that replaced the suspension. */
    readonly supersededBy: string | null;
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type DenialReviewDue = DomainEvent<
  'DenialReviewDue',
  ReviewClock & {
    /** When the timer recorded it; at or after reviewDueAt. */
    readonly markedAt: string;
  }
>;

export type DenialRenewed = DomainEvent<
  'DenialRenewed',
  ReviewClock & {
    readonly note: string | null;
    readonly previousReviewDueAt: string;
    readonly renewedBy: string;
    readonly renewedAt: string;
  }
>;

export type DenialAmended = DomainEvent<
  'DenialAmended',
  ReviewClock & {
    /** Only the fields that changed, as stored. */
    readonly amendments: DenialAmendments;
    /** Why the entry was amended. */
    readonly note: string;
    readonly previousReviewDueAt: string;
    readonly amendedBy: string;
    readonly amendedAt: string;
  }
>;

export type DenialRevoked = DomainEvent<
  'DenialRevoked',
  { readonly reason: string; readonly revokedBy: string; readonly revokedAt: string }
>;

export type DenialEvent =
  DenialNotified | FinalAssessmentRecorded | DenialReviewDue | DenialRenewed | DenialAmended | DenialRevoked;

/** Every DenialEvent type, in the order of the union (what projections of the whole stream handle). */
export const DENIAL_EVENT_TYPES = everyType<DenialEvent['type']>({
  DenialNotified: true,
  FinalAssessmentRecorded: true,
  DenialReviewDue: true,
  DenialRenewed: true,
  DenialAmended: true,
  DenialRevoked: true,
});
