import type { IQueryHandler } from '@nestjs/cqrs';
import { QueryHandler } from '@nestjs/cqrs';
import { DecisionContextQuery, WideningDecisionContextQuery } from '../public/decision-context.query';
import { ConsultationDecisionContext } from './decision-context.adapter';

@QueryHandler(DecisionContextQuery)
export class DecisionContextHandler implements IQueryHandler<DecisionContextQuery> {
  constructor(private readonly context: ConsultationDecisionContext) {}

  execute(query: DecisionContextQuery) {
    return this.context.contextFor(query.applicationId, query.memberState, query.correlationId);
  }
}

@QueryHandler(WideningDecisionContextQuery)
export class WideningDecisionContextHandler implements IQueryHandler<WideningDecisionContextQuery> {
  constructor(private readonly context: ConsultationDecisionContext) {}

  execute(query: WideningDecisionContextQuery) {
    return this.context.contextForWidening(query.licenceId, query.memberState, query.correlationId);
  }
}
