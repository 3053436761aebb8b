import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule } from '@dul/auth';
import type { Clock } from '@dul/platform';
import { authOptionsFrom, PlatformModule } from '@dul/platform';
import type { ConsultationEnvironment } from './consultation.environment';
import { ConsultationModule } from './consultation.module';
import { CONSULTATION_PROJECTIONS } from './consultation.projections';
import { consultationSettingsOf } from './public/consultation-settings';

/** The consultation service on its own, for production. */
@Module({})
export class ConsultationServiceModule {
  static forRoot(environment: ConsultationEnvironment, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: ConsultationServiceModule,
      imports: [
        PlatformModule.forRoot({ environment, projections: CONSULTATION_PROJECTIONS, clock: overrides.clock }),
        AuthModule.forRoot(authOptionsFrom(environment)),
        ConsultationModule.forRoot({
          timerPollMs: environment.CONSULTATION_TIMER_POLL_MS,
          catchAllReviewWorkingDays: environment.CATCH_ALL_REVIEW_WORKING_DAYS,
          settings: consultationSettingsOf(environment),
        }),
      ],
    };
  }
}
