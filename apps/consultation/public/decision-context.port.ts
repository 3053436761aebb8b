import type { ConsultationStatus, ConsultedDenial, WideningDenialMatch } from '@dul/domain';

/** What the application decider needs from the consultation module to issue a decision (Art 14, 16). */
export interface DecisionContext {
  readonly consultations: ConsultationStatus;
  /** The Art 16 consultations on matching denials: a grant after them is notified with reasons. */
  readonly priorDenials: readonly ConsultedDenial[];
}

/**
 * What the licence decider is told when a widening is decided: the same as for an application's
 * decision, for the widening's own consultations, and the screening of the widened licence.
 */
export interface WideningDecisionContext extends DecisionContext {
  readonly screening: { readonly screenedAt: string; readonly denialMatches: readonly WideningDenialMatch[] };
}

export interface DecisionContextPort {
  /**
   * The context for `memberState`'s decision on the application; an application of another member
   * state answers NOT_FOUND, exactly as the command would, so that existence does not leak.
   */
  contextFor(applicationId: string, memberState: string | null, correlationId: string): Promise<DecisionContext>;
  /**
   * The context for `memberState`'s decision on the licence's pending widening; null when there is
   * none to assess for it (no such licence, another member state's, no widening pending): the
   * licence decider then answers as it would without one (404, 409).
   */
  contextForWidening(
    licenceId: string,
    memberState: string | null,
    correlationId: string,
  ): Promise<WideningDecisionContext | null>;
}

export const DECISION_CONTEXT = Symbol.for('dul.DecisionContext');
