import type { ValidityCaps } from './validity';
import type { Command } from '../decider';
import type { ConsultedDenial } from '../consultation/consultation-status';
import type { ApplicationContentInput, ApplicationKind, ItemClassificationInput } from './application.content';
import type { ConsultationStatus, DecisionOutcome, RiskGround } from './application.events';
import type { Art15Ground } from './art16-notification';

/** The authority registers an application; metadata.memberState is the registering authority. */
export type SubmitApplication = Command<
  'SubmitApplication',
  {
    readonly applicationId: string;
    readonly kind: ApplicationKind;
    readonly content: ApplicationContentInput;
    /** The authority's validity caps (configuration, Art 12(3)); defaults when absent. Set by the service. */
    readonly validityCaps?: ValidityCaps;
  }
>;

/** Replaces the content (the kind stays); allowed until a decision is issued. */
export type AmendApplication = Command<
  'AmendApplication',
  { readonly content: ApplicationContentInput; readonly reason: string; readonly validityCaps?: ValidityCaps }
>;

export type WithdrawApplication = Command<'WithdrawApplication', { readonly reason: string }>;

/** Assigns a caseworker; again later to hand the case to another caseworker. */
export type StartAssessment = Command<'StartAssessment', { readonly caseworker: string }>;

/** The caseworker's classification of one item (by its index in the content's items). */
export type ClassifyItem = Command<
  'ClassifyItem',
  { readonly itemIndex: number; readonly classification: ItemClassificationInput; readonly note?: string }
>;

export type RaiseRiskFlag = Command<
  'RaiseRiskFlag',
  { readonly flagId: string; readonly ground: RiskGround; readonly note: string }
>;

export type ClearRiskFlag = Command<'ClearRiskFlag', { readonly flagId: string; readonly reason: string }>;

/** One denial in force that screening found the application essentially identical to (Art 2(22)). */
export interface DenialMatchInput {
  readonly denialId: string;
  /** The member state that issued the denial: another than the application's authority. */
  readonly issuingMemberState: string;
  /** From 0 to 1. */
  readonly score: number;
  /** At least one field that matched. */
  readonly matchedFields: readonly string[];
  readonly explanation: string;
}

/**
 * Sent by the screening process (on submission, amendment and before a decision) with the denials the
 * application matches; metadata.memberState is the application's authority. Denials already recorded
 * are skipped, so screening again is safe. Refused once a decision is issued or after withdrawal.
 */
export type RecordDenialMatches = Command<
  'RecordDenialMatches',
  {
    /** When screening ran (ISO 8601); defaults to metadata.now. */
    readonly screenedAt?: string;
    readonly matches: readonly DenialMatchInput[];
  }
>;

export type ProposeDecision = Command<
  'ProposeDecision',
  {
    readonly outcome: DecisionOutcome;
    readonly art15Grounds: readonly Art15Ground[];
    readonly conditions: readonly string[];
    readonly reasoning?: string;
    /** Defaults to the requested validity; longer than requested, or than the cap, only with validityReason. */
    readonly validityMonths?: number;
    /** Why the term exceeds the requested one or the member state's cap (Art 12(3)); recorded on the proposal. */
    readonly validityReason?: string;
    /** The authority's validity caps (configuration); set by the service, defaults when absent. */
    readonly validityCaps?: ValidityCaps;
  }
>;

/**
 * The approver's decision; `consultations` and `priorDenials` are supplied by the consultation module,
 * never by the client.
 */
export type IssueDecision = Command<
  'IssueDecision',
  {
    readonly outcome: DecisionOutcome;
    readonly art15Grounds: readonly Art15Ground[];
    readonly conditions: readonly string[];
    readonly reasoning?: string;
    /** Required to grant while risk flags are raised (never for a SANCTIONS flag). */
    readonly riskOverrideReason?: string;
    readonly consultations: ConsultationStatus;
    /**
     * The denials the application was consulted on under Art 16 (consultedDenialsOf). A grant that
     * follows any of them is notified to every member state and the Commission, with the reasons.
     */
    readonly priorDenials?: readonly ConsultedDenial[];
    /** Required to grant when `priorDenials` is not empty: why the authority grants despite them. */
    readonly grantDespiteDenialReasons?: string;
  }
>;

export type ApplicationCommand =
  | SubmitApplication
  | AmendApplication
  | WithdrawApplication
  | StartAssessment
  | ClassifyItem
  | RaiseRiskFlag
  | ClearRiskFlag
  | RecordDenialMatches
  | ProposeDecision
  | IssueDecision;
