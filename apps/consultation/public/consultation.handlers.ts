import { Module } from '@nestjs/common';
import { CommandHandler } from '@nestjs/cqrs';
import type { ConsultationCommand, ConsultationEvent, ConsultationState } from '@dul/domain';
import type { DenialCommand, DenialEvent, DenialState } from '@dul/domain';
import { AggregateWriteHandler } from '@dul/platform';
import { consultationAggregate, denialAggregate } from './consultation.aggregates';
import { ConsultationWrite, DenialWrite } from './consultation.commands';

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

/**
 * The consultation and denial command handlers alone: every host that writes to these aggregates
 * imports it (the consultation context, and the gateway for the inbound Kafka messages). A module
 * imported twice is one instance, so each handler is registered once.
 */
@Module({ providers: [ConsultationWriteHandler, DenialWriteHandler] })
export class ConsultationWritesModule {}
