import { CommandHandler } from '@nestjs/cqrs';
import type { ConsultationCommand, ConsultationEvent, ConsultationState } from '@dul/domain';
import type { DenialCommand, DenialEvent, DenialState } from '@dul/domain';
import { AggregateWriteHandler } from '@dul/platform';
import { consultationAggregate, denialAggregate } from './public/consultation.aggregates';
import { ConsultationWrite, DenialWrite } from './public/consultation.commands';

@CommandHandler(ConsultationWrite)
export class ConsultationWriteHandler extends AggregateWriteHandler<
  ConsultationCommand,
  ConsultationEvent,
  ConsultationState
> {
  protected readonly aggregate = consultationAggregate;
}

@CommandHandler(DenialWrite)
export class DenialWriteHandler extends AggregateWriteHandler<DenialCommand, DenialEvent, DenialState> {
  protected readonly aggregate = denialAggregate;
}
