import { Inject, Injectable } from '@nestjs/common';
import { consultationStatusFor, consultedDenialsOf, refuse } from '@dul/domain';
import type { Clock } from '@dul/platform';
import { CLOCK } from '@dul/platform';
import type { DecisionContext, DecisionContextPort, WideningDecisionContext } from '../public/decision-context.port';
import { ConsultationOpening } from './consultation-opening';

/**
 * What the licensing decider is told when a decision is issued. Right before it, the application is
 * screened again and any consultation the law requires is opened (Art 16: "before deciding"); then
 * the application's consultations are read from their streams, not from a lagging view.
 */
@Injectable()
export class ConsultationDecisionContext implements DecisionContextPort {
  constructor(
    private readonly opening: ConsultationOpening,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async contextFor(applicationId: string, memberState: string | null, correlationId: string): Promise<DecisionContext> {
    const found = await this.opening.application(applicationId);
    if (!found || found.authority !== memberState)
      throw refuse.notFound('application-not-found', `no application ${applicationId}`);
    const now = this.clock.now();
    const application = await this.opening.openRequired(found, { now, correlationId });
    const consultations = await this.opening.consultationsOf(application);
    return {
      consultations: consultationStatusFor(consultations, now),
      priorDenials: consultedDenialsOf(consultations),
    };
  }

  /**
   * The same for a widening of the licence: the widened licence is screened and its consultations are
   * opened right before the decision (they are the widening's own, keyed by licence and amendment),
   * then read from their streams.
   */
  async contextForWidening(
    licenceId: string,
    memberState: string | null,
    correlationId: string,
  ): Promise<WideningDecisionContext | null> {
    const found = await this.opening.widening(licenceId);
    if (!found || found.licence.issuingMemberState !== memberState) return null;
    const now = this.clock.now();
    const subject = found.consultationCase;
    const matches = await this.opening.openRequiredFor(subject, { now, correlationId });
    const consultations = await this.opening.consultationsOfCase(subject, matches);
    return {
      consultations: consultationStatusFor(consultations, now),
      priorDenials: consultedDenialsOf(consultations),
      screening: {
        screenedAt: now.toISOString(),
        denialMatches: matches.map(({ denialId, issuingMemberState, score, explanation }) => ({
          denialId,
          issuingMemberState,
          score,
          explanation,
        })),
      },
    };
  }
}
