import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { ConsultationWritesModule } from './consultation.handlers';
import { ConsultationOpening } from '../consultations/consultation-opening';
import { ConsultationDecisionContext } from '../consultations/decision-context.adapter';
import { DecisionContextHandler, WideningDecisionContextHandler } from '../consultations/decision-context.handler';
import { ScreeningService } from '../screening/screening.service';
import { DECISION_CONTEXT } from './decision-context.port';
import type { ConsultationSettings } from './consultation-settings';
import { CONSULTATION_SETTINGS } from './consultation-settings';

/**
 * The part of the consultation module the licensing service needs to issue a decision: screening,
 * opening required consultations, and reading their state. Every host that runs licensing wires it
 * in; licensing itself never imports it but asks through DecisionContextQuery on the QueryBus. It
 * reads and writes only the shared event store.
 */
@Module({
  // Every host with the consultation context can run consultation and denial commands.
  imports: [ConsultationWritesModule],
  providers: [
    ScreeningService,
    ConsultationOpening,
    ConsultationDecisionContext,
    DecisionContextHandler,
    // The decision context of licensing's widening amendments (WideningDecisionContextQuery).
    WideningDecisionContextHandler,
    { provide: DECISION_CONTEXT, useExisting: ConsultationDecisionContext },
  ],
  exports: [ScreeningService, ConsultationOpening, DECISION_CONTEXT],
})
export class ConsultationContextModule {
  /** With the consultation periods (Art 16 practice, Art 14(2)), validated at boot. */
  static forRoot(settings: ConsultationSettings): DynamicModule {
    return {
      module: ConsultationContextModule,
      providers: [{ provide: CONSULTATION_SETTINGS, useValue: settings }],
      exports: [CONSULTATION_SETTINGS],
    };
  }
}
