import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { LapseConsultationDeadline } from '@dul/domain';
import { DomainError } from '@dul/domain';
import type { Clock } from '@dul/platform';
import type { DueWork } from '@dul/platform';
import { CLOCK, DueWorkTimer } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { ConsultationWrite } from '../public/consultation.commands';
import type { ConsultationDocument } from './consultations.projection';
import { CONSULTATIONS_PROJECTION } from '../public/consultation-board';

export const CONSULTATION_TIMER_OPTIONS = Symbol.for('dul.ConsultationTimerOptions');
export interface ConsultationTimerOptions {
  readonly pollMs: number;
}

/**
 * Records silence: every open consultation whose period ended gets ConsultationDeadlineLapsed (and is
 * closed with the outcome silence means), exactly once however often or late this runs.
 */
export const CONSULTATION_DEADLINES: DueWork<ConsultationDocument> = {
  projection: CONSULTATIONS_PROJECTION,
  due: (now) => ({ where: { status: 'OPEN' }, before: { deadlineEndsAt: now.toISOString() } }),
  pageSize: 500,
  drain: false,
  write: (consultation, now) => {
    const command: LapseConsultationDeadline = {
      type: 'LapseConsultationDeadline',
      data: {},
      metadata: {
        actor: 'system:consultation-deadlines',
        memberState: consultation.requester,
        now,
        correlationId: consultation.id,
      },
    };
    return new ConsultationWrite(consultation.id, { by: 'process', command, retries: 3 });
  },
  // An extension moved the deadline since the view was written: it comes round again later.
  skips: (error) => error instanceof DomainError && error.rule === 'deadline-not-reached',
};

@Injectable()
export class ConsultationDeadlineTimer extends DueWorkTimer<ConsultationDocument> {
  constructor(
    commandBus: CommandBus,
    @Inject(PROJECTION_STORE) readModels: ProjectionStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(CONSULTATION_TIMER_OPTIONS) options: ConsultationTimerOptions,
  ) {
    super(CONSULTATION_DEADLINES, commandBus, readModels, clock, options.pollMs);
  }
}
