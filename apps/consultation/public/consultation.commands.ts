import type { ConsultationCommand, DenialCommand } from '@dul/domain';
import { AggregateWrite } from '@dul/platform';

/** Any consultation command, for the CommandBus (handled in the consultation context). */
export class ConsultationWrite extends AggregateWrite<ConsultationCommand> {}

/** Any denial-register command, for the CommandBus (handled in the consultation context). */
export class DenialWrite extends AggregateWrite<DenialCommand> {}
