import type { ApplicationCommand, LicenceCommand } from '@dul/domain';
import { AggregateWrite } from '@dul/platform';

/** Any application command, for the CommandBus (handled by ApplicationWriteHandler). */
export class ApplicationWrite extends AggregateWrite<ApplicationCommand> {}

/** Any licence command, for the CommandBus (handled by LicenceWriteHandler). */
export class LicenceWrite extends AggregateWrite<LicenceCommand> {}
