import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationQueries } from './applications/application-queries';
import { DecideApplicationHandler } from './applications/decide-application';
import { SubmitApplicationHandler } from './applications/submit-application';
import { ApplicationWriteHandler, LicenceWriteHandler } from './licensing.handlers';
import { LICENSING_QUERY_HANDLERS } from './licensing.queries';
import { LicenceExpiryTimer, LICENCE_EXPIRY_OPTIONS } from './licences/licence-expiry.timer';
import { LicenceIssuer } from './licences/licence-issuer.process';
import { LicenceQueries } from './licences/licence-queries';
import { LicencesController } from './licences/licences.controller';

export interface LicensingOptions {
  /** How often the expiry timer looks for licences past their validity. */
  readonly expiryPollMs?: number;
}

/**
 * The member-state licensing service: applications, assessment, decisions, licences. Its read
 * models (applicationQueueProjection, licenceRegisterProjection) are registered with the platform.
 * A decision asks consultation through DecisionContextQuery: the host wires in the consultation
 * context (ConsultationContextModule) that answers it.
 */
@Module({})
export class LicensingModule {
  static forRoot(options: LicensingOptions = {}): DynamicModule {
    return {
      module: LicensingModule,
      controllers: [ApplicationsController, LicencesController],
      providers: [
        ApplicationWriteHandler,
        LicenceWriteHandler,
        SubmitApplicationHandler,
        DecideApplicationHandler,
        ...LICENSING_QUERY_HANDLERS,
        ApplicationQueries,
        LicenceQueries,
        LicenceIssuer,
        LicenceExpiryTimer,
        { provide: LICENCE_EXPIRY_OPTIONS, useValue: { pollMs: options.expiryPollMs ?? 60_000 } },
      ],
      exports: [LicenceExpiryTimer],
    };
  }
}
