import type { Command } from '../decider';
import type {
  CatchAllArticle,
  ConsultationAnswer,
  ConsultationPacket,
  ConsultedWidening,
  PriorDenialMatch,
  SecurityInterestRequest,
} from './consultation.events';
import type { Art16SilenceMeaning } from './consultation.rules';

interface OpenConsultationCommon {
  /** One consultation per stream; see itemsLocatedElsewhereConsultationId for Art 14. */
  readonly consultationId: string;
  readonly packet: ConsultationPacket;
}

/** Art 14(1): the deciding authority consults the member state where items are or will be located. */
export interface OpenItemsLocatedElsewhereData extends OpenConsultationCommon {
  readonly kind: 'ITEMS_LOCATED_ELSEWHERE';
  readonly applicationId: string;
  readonly consulted: string;
  /** Set when the consultation is about a widening amendment of the application's licence. */
  readonly widening?: ConsultedWidening | null;
}

/** Art 16: the deciding authority consults the member state that issued a matching denial in force. */
export interface OpenPriorDenialData extends OpenConsultationCommon {
  readonly kind: 'PRIOR_DENIAL';
  readonly applicationId: string;
  /** Set when the consultation is about a widening amendment of the application's licence. */
  readonly widening?: ConsultedWidening | null;
  /** The member state that issued the denial. */
  readonly consulted: string;
  readonly denialId: string;
  readonly match: PriorDenialMatch;
  /** EU practice, not Art 16's text: a setting (ART16_CONSULTATION_WORKING_DAYS, default 10). */
  readonly replyWorkingDays?: number;
  /** EU practice, not Art 16's text: a setting (ART16_SILENCE_OUTCOME, default NOT_ESSENTIALLY_IDENTICAL). */
  readonly silenceMeans?: Art16SilenceMeaning;
}

/** Art 4/5: the member state informs every other member state and the Commission of its decision. */
export interface OpenCatchAllData extends OpenConsultationCommon {
  readonly kind: 'CATCH_ALL';
  readonly applicationId?: string | null;
  readonly article: CatchAllArticle;
  readonly decision: string;
  readonly detailsWithheld?: string | null;
  /** The review period, a setting (default DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS). */
  readonly reviewWorkingDays: number;
}

/**
 * Art 14(2): a member state asks the member state deciding on an application (or that issued its
 * licence) not to grant it, or to annul, suspend, modify or revoke the licence. metadata.memberState
 * is the requesting member state; `consulted` is the deciding one, taken from the record, never from
 * the client.
 */
export interface OpenSecurityInterestData extends OpenConsultationCommon {
  readonly kind: 'SECURITY_INTEREST';
  readonly applicationId: string;
  /** Required for ANNUL, SUSPEND, MODIFY and REVOKE; absent or null for NOT_TO_GRANT. */
  readonly licenceId?: string | null;
  readonly request: SecurityInterestRequest;
  readonly grounds: string;
  readonly consulted: string;
  /** The period (Art 14(2): "within 10 working days"); a setting, ART14_2_CONSULTATION_WORKING_DAYS. */
  readonly replyWorkingDays: number;
}

/** Opened by the consulting authority: metadata.memberState is the requester. */
export type OpenConsultation = Command<
  'OpenConsultation',
  OpenItemsLocatedElsewhereData | OpenPriorDenialData | OpenCatchAllData | OpenSecurityInterestData
>;

/** More time to answer: Art 14 by the consulted member state (once); Art 16 by either party. */
export type RequestExtension = Command<
  'RequestExtension',
  { readonly additionalWorkingDays: number; readonly reason: string }
>;

/** The other party agrees to the pending request, for all or fewer of the days asked. */
export type GrantExtension = Command<'GrantExtension', { readonly additionalWorkingDays?: number }>;

export type DeclineExtension = Command<'DeclineExtension', { readonly reason: string }>;

/** The consulted member state's answer; `reasons` is required for an objection. */
export type ReplyToConsultation = Command<
  'ReplyToConsultation',
  { readonly answer: ConsultationAnswer; readonly reasons?: string }
>;

/** Sent by the durable deadline timer once metadata.now has reached the deadline; never by a client. */
export type LapseConsultationDeadline = Command<'LapseConsultationDeadline', Record<string, never>>;

/** The consulting authority ends the consultation early (e.g. the application was withdrawn). */
export type WithdrawConsultation = Command<'WithdrawConsultation', { readonly reason: string }>;

/**
 * Art 14(2): sent by the process that sees the grant of an application a security-interest request
 * asked not to grant; metadata.memberState is the granting member state. Never by a client.
 */
export type NotifyGrantDespiteSecurityInterest = Command<
  'NotifyGrantDespiteSecurityInterest',
  { readonly applicationId: string; readonly licenceId: string | null; readonly grantedAt: string }
>;

export type ConsultationCommand =
  | OpenConsultation
  | RequestExtension
  | GrantExtension
  | DeclineExtension
  | ReplyToConsultation
  | LapseConsultationDeadline
  | WithdrawConsultation
  | NotifyGrantDespiteSecurityInterest;
