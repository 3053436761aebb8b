import { CommandHandler } from '@nestjs/cqrs';
import type { ApplicationCommand, ApplicationEvent, ApplicationState } from '@dul/domain';
import type { LicenceCommand, LicenceEvent, LicenceState } from '@dul/domain';
import { AggregateWriteHandler } from '@dul/platform';
import { applicationAggregate, licenceAggregate } from './public/application.aggregate';
import { ApplicationWrite, LicenceWrite } from './public/licensing.commands';

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
