import { CommandHandler } from '@nestjs/cqrs';
import type { ApplicationCommand, ApplicationEvent, ApplicationState } from '@dul/domain';
import type { LicenceCommand, LicenceEvent, LicenceState } from '@dul/domain';
import { AggregateWriteHandler } from '@dul/platform';
import type {
  AdministrationFiguresCommand,
  AdministrationFiguresEvent,
  AdministrationFiguresState,
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState,
  NationalGeneralAuthorisationCommand,
  NationalGeneralAuthorisationEvent,
  NationalGeneralAuthorisationState,
} from '@dul/domain';
import { applicationAggregate, licenceAggregate } from './public/application.aggregate';
import {
  administrationFiguresAggregate,
  generalAuthorisationUserAggregate,
  nationalGeneralAuthorisationAggregate,
} from './public/general-authorisation.aggregates';
import {
  AdministrationFiguresWrite,
  ApplicationWrite,
  GeneralAuthorisationUserWrite,
  LicenceWrite,
  NationalGeneralAuthorisationWrite,
} from './public/licensing.commands';

@CommandHandler(ApplicationWrite)
export class ApplicationWriteHandler extends AggregateWriteHandler<
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState
> {
  protected readonly aggregate = applicationAggregate;
}

@CommandHandler(LicenceWrite)
export class LicenceWriteHandler extends AggregateWriteHandler<LicenceCommand, LicenceEvent, LicenceState> {
  protected readonly aggregate = licenceAggregate;
}

@CommandHandler(GeneralAuthorisationUserWrite)
export class GeneralAuthorisationUserWriteHandler extends AggregateWriteHandler<
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState
> {
  protected readonly aggregate = generalAuthorisationUserAggregate;
}

@CommandHandler(NationalGeneralAuthorisationWrite)
export class NationalGeneralAuthorisationWriteHandler extends AggregateWriteHandler<
  NationalGeneralAuthorisationCommand,
  NationalGeneralAuthorisationEvent,
  NationalGeneralAuthorisationState
> {
  protected readonly aggregate = nationalGeneralAuthorisationAggregate;
}

@CommandHandler(AdministrationFiguresWrite)
export class AdministrationFiguresWriteHandler extends AggregateWriteHandler<
  AdministrationFiguresCommand,
  AdministrationFiguresEvent,
  AdministrationFiguresState
> {
  protected readonly aggregate = administrationFiguresAggregate;
}

export const LICENSING_WRITE_HANDLERS = [
  ApplicationWriteHandler,
  LicenceWriteHandler,
  GeneralAuthorisationUserWriteHandler,
  NationalGeneralAuthorisationWriteHandler,
  AdministrationFiguresWriteHandler,
];
