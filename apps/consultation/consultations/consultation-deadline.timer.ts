import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { LapseConsultationDeadline } from '@dul/domain';
import { DomainError } from '@dul/domain';
import type { Clock } from '@dul/platform';
import { CLOCK, DueTimer } from '@dul/platform';
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
@Injectable()
export class ConsultationDeadlineTimer extends DueTimer {
  constructor(
    private readonly commandBus: CommandBus,
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(CONSULTATION_TIMER_OPTIONS) options: ConsultationTimerOptions,
  ) {
    super(options.pollMs);
  }

  protected now(): Date {
    return this.clock.now();
  }

  protected async fire(now: Date): Promise<number> {
    const due = await this.readModels.findDocuments<ConsultationDocument>(CONSULTATIONS_PROJECTION, {
      where: { status: 'OPEN' },
      before: { deadlineEndsAt: now.toISOString() },
      limit: 500,
    });
    let lapsed = 0;
    for (const consultation of due) {
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
      try {
        const outcome = await this.commandBus.execute(
          new ConsultationWrite(consultation.id, { by: 'process', command, retries: 3 }),
        );
        if (outcome.appended > 0) lapsed++;
      } catch (error) {
        // An extension moved the deadline since the view was written: it comes round again later.
        if (error instanceof DomainError && error.rule === 'deadline-not-reached') continue;
        throw error;
      }
    }
    return lapsed;
  }
}
