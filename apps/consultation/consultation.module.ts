import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { ConsultationContextModule } from './public/consultation-context.module';
import { CATCH_ALL_OPTIONS, CatchAllInformer } from './consultations/catch-all-informer.process';
import { ConsultationDeadlineTimer, CONSULTATION_TIMER_OPTIONS } from './consultations/consultation-deadline.timer';
import { ConsultationOpener } from './consultations/consultation-opener.process';
import { CONSULTATION_QUERY_HANDLERS } from './consultation.queries';
import { ConsultationsController } from './consultations/consultations.controller';
import { DenialNotifier } from './denials/denial-notifier.process';
import { DenialReviewTimer } from './denials/denial-review.timer';
import { DenialsController } from './denials/denials.controller';
import { NotificationsController } from './notifications/notifications.controller';
import { CONSULTATION_DEADLINES } from './public/consultation-deadlines';
import type { ConsultationSettings } from './public/consultation-settings';
import { DEFAULT_CONSULTATION_SETTINGS } from './public/consultation-settings';
import { SecurityInterestNotifier } from './consultations/security-interest-notifier.process';
import {
  SecurityInterestRequestHandler,
  WithdrawSecurityInterestHandler,
} from './consultations/security-interest-request.handler';

export interface ConsultationOptions {
  /** How often the deadline and review timers look for what is due. */
  readonly timerPollMs?: number;
  /** Working days other member states and the Commission have to review an Art 4/5 decision. */
  readonly catchAllReviewWorkingDays?: number;
  /** Art 16 period and silence (EU practice) and the Art 14(2) period. */
  readonly settings?: ConsultationSettings;
}

/**
 * Consultations between authorities (Art 14, 16, Art 4/5 information), the EU denial register and
 * screening. Its read models are registered with the platform (CONSULTATION_PROJECTIONS).
 */
@Module({})
export class ConsultationModule {
  static forRoot(options: ConsultationOptions = {}): DynamicModule {
    return {
      module: ConsultationModule,
      imports: [ConsultationContextModule.forRoot(options.settings ?? DEFAULT_CONSULTATION_SETTINGS)],
      controllers: [ConsultationsController, DenialsController, NotificationsController],
      providers: [
        ...CONSULTATION_QUERY_HANDLERS,
        ConsultationOpener,
        DenialNotifier,
        SecurityInterestRequestHandler,
        WithdrawSecurityInterestHandler,
        SecurityInterestNotifier,
        CatchAllInformer,
        { provide: CATCH_ALL_OPTIONS, useValue: { reviewWorkingDays: options.catchAllReviewWorkingDays ?? 30 } },
        ConsultationDeadlineTimer,
        DenialReviewTimer,
        { provide: CONSULTATION_TIMER_OPTIONS, useValue: { pollMs: options.timerPollMs ?? 60_000 } },
        { provide: CONSULTATION_DEADLINES, useExisting: ConsultationDeadlineTimer },
      ],
      exports: [ConsultationDeadlineTimer, DenialReviewTimer, CONSULTATION_DEADLINES],
    };
  }
}
