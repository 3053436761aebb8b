import type { MemberStateCode } from '../reference/member-states';
import { otherMemberStates } from '../reference/member-states';
import type { ApplicationItem, ApplicationKind, CatchAllGround, Party } from './application.content';
import { addCalendarMonths } from './validity';

/** Art 15 considerations a decision rests on. */
export const ART15_GROUNDS = [
  /** Art 15(1)(a): international non-proliferation and export-control commitments. */
  'NON_PROLIFERATION',
  /** Art 15(1)(b): Council sanctions, OSCE decisions, UN Security Council resolutions. */
  'SANCTIONS',
  /** Art 15(1)(c): national foreign and security policy, including Common Position 2008/944/CFSP. */
  'FOREIGN_AND_SECURITY_POLICY',
  /** Art 15(1)(c), Common Position criterion 2: respect for human rights and humanitarian law. */
  'HUMAN_RIGHTS',
  /** Art 15(1)(d): intended end use and the risk of diversion. */
  'END_USE_AND_DIVERSION',
  /** Art 15(2): for global licences, the exporter's internal compliance programme. */
  'INTERNAL_COMPLIANCE_PROGRAMME',
] as const;
export type Art15Ground = (typeof ART15_GROUNDS)[number];

/** What Art 16(2) makes an authority notify to all other member states and the Commission. */
export type Art16NotificationKind =
  | 'DENIAL'
  | 'ANNULMENT'
  | 'SUSPENSION'
  | 'SUBSTANTIAL_LIMITATION'
  | 'REVOCATION'
  /** The final assessment an authority communicates after a suspension ends (by reinstatement). */
  | 'FINAL_ASSESSMENT';

/** An item as another authority needs it to recognise an essentially identical transaction (Art 2(22)). */
export interface NotifiedItem {
  readonly controlEntry: string | null;
  readonly catchAllGround: CatchAllGround | null;
  readonly description: string;
  readonly hsCode: string;
}

/**
 * The payload of an Art 16 notification: enough for another authority to match an essentially
 * identical transaction (items, end user, consignee, destination) and to know who decided what, why
 * and when. Dates are ISO calendar dates (YYYY-MM-DD).
 */
export interface Art16Notification {
  readonly kind: Art16NotificationKind;
  readonly notifyingMemberState: MemberStateCode;
  readonly recipients: { readonly memberStates: readonly MemberStateCode[]; readonly commission: true };
  readonly applicationId: string;
  readonly licenceId: string | null;
  readonly applicationKind: ApplicationKind;
  readonly items: readonly NotifiedItem[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
  readonly grounds: readonly Art15Ground[];
  readonly reason: string | null;
  readonly effectiveOn: string;
  /** Denials only: Art 16 has every denial reviewed within three years of notification. */
  readonly reviewDueBy: string | null;
}

/** The transaction an Art 16 notification describes. */
export interface NotifiedTransaction {
  readonly applicationId: string;
  readonly licenceId: string | null;
  readonly applicationKind: ApplicationKind;
  readonly items: readonly ApplicationItem[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
}

const DENIAL_REVIEW_MONTHS = 36;

/** Builds the notification for all other member states and the Commission. */
export function art16Notification(
  kind: Art16NotificationKind,
  notifyingMemberState: MemberStateCode,
  transaction: NotifiedTransaction,
  decision: { readonly grounds: readonly Art15Ground[]; readonly reason: string | null; readonly at: Date },
): Art16Notification {
  return {
    kind,
    notifyingMemberState,
    recipients: { memberStates: otherMemberStates(notifyingMemberState), commission: true },
    applicationId: transaction.applicationId,
    licenceId: transaction.licenceId,
    applicationKind: transaction.applicationKind,
    items: transaction.items.map(toNotifiedItem),
    destinationCountry: transaction.destinationCountry,
    endUser: transaction.endUser,
    consignee: transaction.consignee,
    grounds: decision.grounds,
    reason: decision.reason,
    effectiveOn: isoDate(decision.at),
    reviewDueBy: kind === 'DENIAL' ? isoDate(addCalendarMonths(decision.at, DENIAL_REVIEW_MONTHS)) : null,
  };
}

/** The UTC calendar date of an instant, YYYY-MM-DD. */
export function isoDate(at: Date): string {
  return at.toISOString().slice(0, 10);
}

function toNotifiedItem(item: ApplicationItem): NotifiedItem {
  return {
    controlEntry: item.classification.kind === 'LISTED' ? item.classification.controlEntry : null,
    catchAllGround: item.classification.kind === 'NOT_LISTED' ? item.classification.catchAllGround : null,
    description: item.description,
    hsCode: item.hsCode,
  };
}
