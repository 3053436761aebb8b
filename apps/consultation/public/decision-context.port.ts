import type { ConsultationStatus, ConsultedDenial } from '@dul/domain';

/** What the application decider needs from the consultation module to issue a decision (Art 14, 16). */
export interface DecisionContext {
  readonly consultations: ConsultationStatus;
  /** The Art 16 consultations on matching denials: a grant after them is notified with reasons. */
  readonly priorDenials: readonly ConsultedDenial[];
}

export interface DecisionContextPort {
  /**
   * The context for `memberState`'s decision on the application; an application of another member
   * state answers NOT_FOUND, exactly as the command would, so that existence does not leak.
   */
  contextFor(applicationId: string, memberState: string | null, correlationId: string): Promise<DecisionContext>;
}

export const DECISION_CONTEXT = Symbol.for('dul.DecisionContext');
