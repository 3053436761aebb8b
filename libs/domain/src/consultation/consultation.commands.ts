import type { Command } from '../decider';
import type { CatchAllArticle, ConsultationAnswer, ConsultationPacket, PriorDenialMatch } from './consultation.events';

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
}

/** Art 16: the deciding authority consults the member state that issued a matching denial in force. */
export interface OpenPriorDenialData extends OpenConsultationCommon {
  readonly kind: 'PRIOR_DENIAL';
  readonly applicationId: string;
  /** The member state that issued the denial. */
  readonly consulted: string;
  readonly denialId: string;
  readonly match: PriorDenialMatch;
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

/** Opened by the consulting authority: metadata.memberState is the requester. */
export type OpenConsultation = Command<
  'OpenConsultation',
  OpenItemsLocatedElsewhereData | OpenPriorDenialData | OpenCatchAllData
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

export type ConsultationCommand =
  | OpenConsultation
  | RequestExtension
  | GrantExtension
  | DeclineExtension
  | ReplyToConsultation
  | LapseConsultationDeadline
  | WithdrawConsultation;
