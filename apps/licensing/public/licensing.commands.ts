import type {
  AdministrationFiguresCommand,
  ApplicationCommand,
  GeneralAuthorisationUserCommand,
  LicenceCommand,
  NationalGeneralAuthorisationCommand,
} from '@dul/domain';
import { AggregateWrite } from '@dul/platform';

/** Any application command, for the CommandBus (handled by ApplicationWriteHandler). */
export class ApplicationWrite extends AggregateWrite<ApplicationCommand> {}

/** Any licence command, for the CommandBus (handled by LicenceWriteHandler). */
export class LicenceWrite extends AggregateWrite<LicenceCommand> {}

/** Any command on an exporter's general-authorisation registration (GeneralAuthorisationUserWriteHandler). */
export class GeneralAuthorisationUserWrite extends AggregateWrite<GeneralAuthorisationUserCommand> {}

/** Publishing a national general authorisation (NationalGeneralAuthorisationWriteHandler). */
export class NationalGeneralAuthorisationWrite extends AggregateWrite<NationalGeneralAuthorisationCommand> {}

/** An authority's administration figures for a year (AdministrationFiguresWriteHandler). */
export class AdministrationFiguresWrite extends AggregateWrite<AdministrationFiguresCommand> {}
