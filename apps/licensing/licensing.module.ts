import type { ValidityPolicy } from '@dul/domain';
import { DEFAULT_VALIDITY_POLICY } from '@dul/domain';
import { VALIDITY_POLICY } from './validity-policy';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { ApplicationsController } from './applications/applications.controller';
import { ApplicationQueries } from './applications/application-queries';
import { DecideApplicationHandler } from './applications/decide-application';
import { DecideLicenceAmendmentHandler } from './licences/decide-licence-amendment';
import { SubmitApplicationHandler } from './applications/submit-application';
import { LICENSING_WRITE_HANDLERS } from './licensing.handlers';
import { LICENSING_QUERY_HANDLERS } from './licensing.queries';
import { LicenceExpiryTimer, LICENCE_EXPIRY_OPTIONS } from './licences/licence-expiry.timer';
import { LicenceIssuer } from './licences/licence-issuer.process';
import { LicenceQueries } from './licences/licence-queries';
import { LicencesController } from './licences/licences.controller';
import { AdministrationFiguresController } from './administration/administration-figures.controller';
import { GeneralAuthorisationQueries } from './general-authorisations/general-authorisation-queries';
import { GENERAL_AUTHORISATION_SETTINGS, parseGeaSettings } from './public/general-authorisation-settings';
import { GeneralAuthorisationsController } from './general-authorisations/general-authorisations.controller';

export interface LicensingOptions {
  /** How often the expiry timer looks for licences past their validity. */
  readonly expiryPollMs?: number;
  /** GEA_SETTINGS: per member state, the first-use deadline and whether registration comes first. */
  readonly generalAuthorisationSettings?: string;
  /** Validity caps per member state (Art 12(3)); 24/24/48 months by default. */
  readonly validityPolicy?: ValidityPolicy;
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
      controllers: [
        ApplicationsController,
        LicencesController,
        GeneralAuthorisationsController,
        AdministrationFiguresController,
      ],
      providers: [
        ...LICENSING_WRITE_HANDLERS,
        SubmitApplicationHandler,
        DecideApplicationHandler,
        DecideLicenceAmendmentHandler,
        ...LICENSING_QUERY_HANDLERS,
        ApplicationQueries,
        LicenceQueries,
        LicenceIssuer,
        LicenceExpiryTimer,
        GeneralAuthorisationQueries,
        { provide: GENERAL_AUTHORISATION_SETTINGS, useValue: parseGeaSettings(options.generalAuthorisationSettings) },
        { provide: VALIDITY_POLICY, useValue: options.validityPolicy ?? DEFAULT_VALIDITY_POLICY },
        { provide: LICENCE_EXPIRY_OPTIONS, useValue: { pollMs: options.expiryPollMs ?? 60_000 } },
      ],
      exports: [LicenceExpiryTimer],
    };
  }
}
