import { Module } from '@nestjs/common';
import { ConsultationOpening } from '../consultations/consultation-opening';
import { ConsultationDecisionContext } from '../consultations/decision-context.adapter';
import { ScreeningService } from '../screening/screening.service';
import { DECISION_CONTEXT } from './decision-context.port';

/**
 * The part of the consultation module the licensing service needs to issue a decision: screening,
 * opening required consultations, and reading their state. Both services import it; it reads and
 * writes only the shared event store.
 */
@Module({
  providers: [
    ScreeningService,
    ConsultationOpening,
    ConsultationDecisionContext,
    { provide: DECISION_CONTEXT, useExisting: ConsultationDecisionContext },
  ],
  exports: [ScreeningService, ConsultationOpening, DECISION_CONTEXT],
})
export class ConsultationContextModule {}
