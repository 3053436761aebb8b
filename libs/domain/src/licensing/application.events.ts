import type { DomainEvent } from '../decider';
import { everyType } from '../decider';
import type { GrantDespiteDenialNotified } from '../denials/grant-despite-denial';
import type { MemberStateCode } from '../reference/member-states';
import type { ApplicationContent, ApplicationKind, ItemClassification } from './application.content';
import type { Art15Ground, Art16Notification } from './art16-notification';

/** Grounds on which a caseworker or screening raises a risk flag during assessment. */
export const RISK_GROUNDS = [
  'SANCTIONS',
  'NON_PROLIFERATION',
  'HUMAN_RIGHTS',
  'DIVERSION',
  'ART4_CATCH_ALL',
  'ART5_CYBER_SURVEILLANCE',
  'NATIONAL_LIST',
] as const;
export type RiskGround = (typeof RISK_GROUNDS)[number];

export const DECISION_OUTCOMES = ['GRANT', 'GRANT_WITH_CONDITIONS', 'DENY'] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/** How a caseworker's classification relates to what the application said. */
export type ClassificationOutcome = 'CONFIRMED' | 'CHANGED' | 'NOT_LISTED';

/** Consultation state the consultation module supplies when a decision is issued. */
export interface ConsultationStatus {
  /** Art 14(1) / Art 16 consultations still within their reply period. */
  readonly blockingOpen: number;
  /** An Art 14(1) objection by the member state where items are located: it binds. */
  readonly bindingObjection: boolean;
  /** Who objected and why, so a refusal can name the objection. */
  readonly objections?: readonly { readonly memberState: string; readonly reasons: string | null }[];
}

export type ApplicationSubmitted = DomainEvent<
  'ApplicationSubmitted',
  {
    readonly applicationId: string;
    readonly kind: ApplicationKind;
    readonly authority: MemberStateCode;
    readonly content: ApplicationContent;
    readonly submittedBy: string;
    readonly submittedAt: string;
  }
>;

export type ApplicationAmended = DomainEvent<
  'ApplicationAmended',
  {
    readonly content: ApplicationContent;
    readonly reason: string;
    /** True when the amendment voided a pending proposal (it assessed other content). */
    readonly proposalVoided: boolean;
    readonly amendedBy: string;
    readonly amendedAt: string;
  }
>;

export type ApplicationWithdrawn = DomainEvent<
  'ApplicationWithdrawn',
  { readonly reason: string; readonly withdrawnBy: string; readonly withdrawnAt: string }
>;

export type AssessmentStarted = DomainEvent<
  'AssessmentStarted',
  {
    readonly caseworker: string;
    /** Set when the case is handed from one caseworker to another. */
    readonly previousCaseworker: string | null;
    readonly assignedBy: string;
    readonly startedAt: string;
  }
>;

export type ItemClassified = DomainEvent<
  'ItemClassified',
  {
    readonly itemIndex: number;
    readonly outcome: ClassificationOutcome;
    readonly previous: ItemClassification;
    readonly classification: ItemClassification;
    readonly note: string | null;
    readonly classifiedBy: string;
    readonly classifiedAt: string;
  }
>;

export type RiskFlagRaised = DomainEvent<
  'RiskFlagRaised',
  {
    readonly flagId: string;
    readonly ground: RiskGround;
    readonly note: string;
    readonly raisedBy: string;
    readonly raisedAt: string;
  }
>;

export type RiskFlagCleared = DomainEvent<
  'RiskFlagCleared',
  {
    readonly flagId: string;
    readonly ground: RiskGround;
    readonly reason: string;
    readonly clearedBy: string;
    readonly clearedAt: string;
  }
>;

/**
 * Screening found the application essentially identical (Art 2(22)) to a denial in force issued by
 * another member state. Recorded once per denial: screening again on amendment or before a decision
 * records only denials not matched before. The match opens the Art 16 PRIOR_DENIAL consultation.
 */
export type DenialMatchFound = DomainEvent<
  'DenialMatchFound',
  {
    readonly denialId: string;
    readonly issuingMemberState: MemberStateCode;
    /** Similarity from 0 (nothing) to 1 (identical), as screening computed it. */
    readonly score: number;
    /** The fields that matched, e.g. 'destination', 'controlEntry:5A001.j~5A001', 'endUser.name'. */
    readonly matchedFields: readonly string[];
    /** Why screening matched, in words, for the caseworker and the consulted member state. */
    readonly explanation: string;
    readonly foundAt: string;
  }
>;

export type DecisionProposed = DomainEvent<
  'DecisionProposed',
  {
    readonly outcome: DecisionOutcome;
    readonly art15Grounds: readonly Art15Ground[];
    readonly conditions: readonly string[];
    readonly reasoning: string | null;
    /** The validity a grant would carry; null for a denial. */
    readonly validityMonths: number | null;
    /**
     * Why the term exceeds the requested one or the member state's cap (Art 12(3)); null when it does
     * not. Absent on proposals recorded before issue 9.
     */
    readonly validityReason?: string | null;
    /** The member state's cap for the kind applied to the term (configuration, Art 12(3)); null if none. */
    readonly validityCapMonths?: number | null;
    readonly proposedBy: string;
    readonly proposedAt: string;
  }
>;

/** Recorded when a grant is issued despite raised risk flags. */
export interface RiskOverride {
  readonly reason: string;
  readonly flagIds: readonly string[];
}

export type DecisionIssued = DomainEvent<
  'DecisionIssued',
  {
    readonly outcome: DecisionOutcome;
    readonly art15Grounds: readonly Art15Ground[];
    readonly conditions: readonly string[];
    readonly reasoning: string | null;
    readonly validityMonths: number | null;
    /** The proposal's reason for a term beyond the request or the cap (Art 12(3)); absent before issue 9. */
    readonly validityReason?: string | null;
    /** The member state's cap for the kind when the term was proposed (configuration); absent before issue 9. */
    readonly validityCapMonths?: number | null;
    readonly proposedBy: string;
    readonly issuedBy: string;
    readonly issuedAt: string;
    readonly riskOverride: RiskOverride | null;
    /** For a denial: what every other member state needs (Art 16); null for a grant. */
    readonly denialNotice: Art16Notification | null;
  }
>;

export type ApplicationEvent =
  | ApplicationSubmitted
  | ApplicationAmended
  | ApplicationWithdrawn
  | AssessmentStarted
  | ItemClassified
  | RiskFlagRaised
  | RiskFlagCleared
  | DenialMatchFound
  | DecisionProposed
  | DecisionIssued
  /** Appended right after a grant's DecisionIssued when the grant follows Art 16 consultations. */
  | GrantDespiteDenialNotified;

/** Every ApplicationEvent type, in the order of the union (what projections of the whole stream handle). */
export const APPLICATION_EVENT_TYPES = everyType<ApplicationEvent['type']>({
  ApplicationSubmitted: true,
  ApplicationAmended: true,
  ApplicationWithdrawn: true,
  AssessmentStarted: true,
  ItemClassified: true,
  RiskFlagRaised: true,
  RiskFlagCleared: true,
  DenialMatchFound: true,
  DecisionProposed: true,
  DecisionIssued: true,
  GrantDespiteDenialNotified: true,
});
