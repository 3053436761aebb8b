import { parseValidityPolicy } from '@dul/domain';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule } from '@dul/auth';
import type { Clock } from '@dul/platform';
import { authOptionsFrom, PlatformModule } from '@dul/platform';
import { ConsultationContextModule } from '../consultation/public/consultation-context.module';
import { consultationSettingsOf } from '../consultation/public/consultation-settings';
import type { LicensingEnvironment } from './licensing.environment';
import { LicensingModule } from './licensing.module';
import { LICENSING_PROJECTIONS } from './licensing.projections';

/** The licensing service on its own, for production (one entry per service). */
@Module({})
export class LicensingServiceModule {
  static forRoot(environment: LicensingEnvironment, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: LicensingServiceModule,
      imports: [
        PlatformModule.forRoot({ environment, projections: LICENSING_PROJECTIONS, clock: overrides.clock }),
        AuthModule.forRoot(authOptionsFrom(environment)),
        LicensingModule.forRoot({
          expiryPollMs: environment.LICENCE_EXPIRY_POLL_MS,
          generalAuthorisationSettings: environment.GEA_SETTINGS,
          validityPolicy: parseValidityPolicy(environment.LICENCE_VALIDITY_CAPS ?? ''),
        }),
        // Answers the DecisionContextQuery a decision sends (Art 14, 16).
        ConsultationContextModule.forRoot(consultationSettingsOf(environment)),
      ],
    };
  }
}
