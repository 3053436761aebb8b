import { Query } from '@nestjs/cqrs';
import type { DecisionContext, WideningDecisionContext } from './decision-context.port';

/**
 * What licensing asks consultation right before a decision (Art 14, 16): the application is screened
 * again, any consultation the law requires is opened, and their state is answered. Handled by the
 * consultation context (ConsultationContextModule), which every host that decides wires in.
 */
export class DecisionContextQuery extends Query<DecisionContext> {
  constructor(
    readonly applicationId: string,
    readonly memberState: string | null,
    readonly correlationId: string,
  ) {
    super();
  }
}

/**
 * What licensing asks consultation right before deciding a widening amendment (Art 14, 16): the
 * widened licence is screened again, any consultation it requires is opened, and their state and the
 * screening are answered (null when there is no pending widening of this member state's licence).
 */
export class WideningDecisionContextQuery extends Query<WideningDecisionContext | null> {
  constructor(
    readonly licenceId: string,
    readonly memberState: string | null,
    readonly correlationId: string,
  ) {
    super();
  }
}
