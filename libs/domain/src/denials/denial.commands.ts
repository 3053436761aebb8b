import type { Command } from '../decider';
import type { Art16Notification } from '../licensing/art16-notification';
import type { DenialAmendments, FinalAssessment } from './denial.events';

/**
 * Enters a denial in the EU register from an Art 16 notification: a DENY decision's `denialNotice`,
 * or the notification of a licence annulment, suspension, substantial limitation or revocation.
 * metadata.memberState must be the notifying member state.
 */
export type NotifyDenial = Command<
  'NotifyDenial',
  {
    readonly denialId: string;
    readonly notification: Art16Notification;
    /** Calendar days an overdue review waits before it is escalated (the denial stays in force); a setting (DEFAULT_DENIAL_REVIEW_GRACE_DAYS). */
    readonly reviewGraceDays: number;
  }
>;

/** The issuing member state's final assessment of a suspension (Art 16(2)). */
export type RecordFinalAssessment = Command<
  'RecordFinalAssessment',
  { readonly assessment: FinalAssessment; readonly statement: string; readonly supersededBy?: string }
>;

/** Sent by the durable review timer once metadata.now has reached reviewDueAt; never by a client. */
export type MarkReviewDue = Command<'MarkReviewDue', Record<string, never>>;

/** The issuing member state's review (Art 16(2)): renew, amend or revoke. */
export type ReviewDenial = Command<
  'ReviewDenial',
  | { readonly decision: 'RENEW'; readonly note?: string }
  | { readonly decision: 'AMEND'; readonly amendments: DenialAmendments; readonly note: string }
  | { readonly decision: 'REVOKE'; readonly reason: string }
>;

export type DenialCommand = NotifyDenial | RecordFinalAssessment | MarkReviewDue | ReviewDenial;
