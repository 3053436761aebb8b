import type { Command } from '../decider';
import type { ApplicationContentInput, ApplicationKind, ItemClassificationInput } from './application.content';
import type { ConsultationStatus, DecisionOutcome, RiskGround } from './application.events';
import type { Art15Ground } from './art16-notification';

/** The authority registers an application; metadata.memberState is the registering authority. */
export type SubmitApplication = Command<
  'SubmitApplication',
  { readonly applicationId: string; readonly kind: ApplicationKind; readonly content: ApplicationContentInput }
>;

/** Replaces the content (the kind stays); allowed until a decision is issued. */
export type AmendApplication = Command<
  'AmendApplication',
  { readonly content: ApplicationContentInput; readonly reason: string }
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

export type ProposeDecision = Command<
  'ProposeDecision',
  {
    readonly outcome: DecisionOutcome;
    readonly art15Grounds: readonly Art15Ground[];
    readonly conditions: readonly string[];
    readonly reasoning?: string;
    /** Defaults to the requested validity; an authority may grant a shorter one. */
    readonly validityMonths?: number;
  }
>;

/** The approver's decision; `consultations` is supplied by the consultation module. */
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
  | ProposeDecision
  | IssueDecision;
