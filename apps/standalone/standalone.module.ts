import { parseValidityPolicy } from '@dul/domain';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { AuthModule } from '@dul/auth';
import type { Clock } from '@dul/platform';
import { authOptionsFrom, PlatformModule } from '@dul/platform';
import { ConsultationModule } from '../consultation/consultation.module';
import { GatewayModule, kafkaSecurityFrom } from '../gateway/gateway.module';
import { CONSULTATION_PROJECTIONS } from '../consultation/consultation.projections';
import { consultationSettingsOf } from '../consultation/public/consultation-settings';
import { LicensingModule } from '../licensing/licensing.module';
import { LICENSING_PROJECTIONS } from '../licensing/licensing.projections';
import { smallCellThresholdOf } from '../reporting/reporting.environment';
import { ReportingModule } from '../reporting/reporting.module';
import { REPORTING_PROJECTIONS } from '../reporting/reporting.projections';
import type { StandaloneEnvironment } from './standalone.environment';

/** Every service of the product in one process. Service modules join here as they land. */
@Module({})
export class StandaloneModule {
  static forRoot(environment: StandaloneEnvironment, overrides: { clock?: Clock } = {}): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        PlatformModule.forRoot({
          environment,
          projections: [...LICENSING_PROJECTIONS, ...CONSULTATION_PROJECTIONS, ...REPORTING_PROJECTIONS],
          clock: overrides.clock,
        }),
        AuthModule.forRoot(authOptionsFrom(environment)),
        LicensingModule.forRoot({
          expiryPollMs: environment.LICENCE_EXPIRY_POLL_MS,
          generalAuthorisationSettings: environment.GEA_SETTINGS,
          validityPolicy: parseValidityPolicy(environment.LICENCE_VALIDITY_CAPS ?? ''),
        }),
        ConsultationModule.forRoot({
          timerPollMs: environment.CONSULTATION_TIMER_POLL_MS,
          catchAllReviewWorkingDays: environment.CATCH_ALL_REVIEW_WORKING_DAYS,
          settings: consultationSettingsOf(environment),
        }),
        ReportingModule.forRoot({ smallCellThreshold: smallCellThresholdOf(environment) }),
        // Server-Sent Events always; the Kafka relay only when KAFKA_BROKERS is set.
        GatewayModule.forRoot({
          kafkaBrokers: environment.KAFKA_BROKERS,
          topicReplicationFactor: 1,
          kafkaSecurity: kafkaSecurityFrom(environment),
        }),
      ],
    };
  }
}
