import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { MarkReviewDue } from '@dul/domain';
import type { Clock } from '@dul/platform';
import type { DueWork } from '@dul/platform';
import { CLOCK, DueWorkTimer } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import {
  CONSULTATION_TIMER_OPTIONS,
  type ConsultationTimerOptions,
} from '../consultations/consultation-deadline.timer';
import { DenialWrite } from '../public/consultation.commands';
import type { DenialDocument } from './denial-register.projection';
import { DENIALS_PROJECTION } from './denial-register.projection';

/** Art 16(2): a denial falls due for review three years after notification; this records DenialReviewDue. */
export const DENIAL_REVIEW: DueWork<DenialDocument> = {
  projection: DENIALS_PROJECTION,
  due: (now) => ({ where: { reviewPending: true }, before: { reviewDueAt: now.toISOString() } }),
  pageSize: 500,
  drain: false,
  write: (denial, now) => {
    const command: MarkReviewDue = {
      type: 'MarkReviewDue',
      data: {},
      metadata: {
        actor: 'system:denial-review',
        memberState: denial.issuingMemberState,
        now,
        correlationId: denial.id,
      },
    };
    return new DenialWrite(denial.id, { by: 'process', command, retries: 3 });
  },
};

@Injectable()
export class DenialReviewTimer extends DueWorkTimer<DenialDocument> {
  constructor(
    commandBus: CommandBus,
    @Inject(PROJECTION_STORE) readModels: ProjectionStore,
    @Inject(CLOCK) clock: Clock,
    @Inject(CONSULTATION_TIMER_OPTIONS) options: ConsultationTimerOptions,
  ) {
    super(DENIAL_REVIEW, commandBus, readModels, clock, options.pollMs);
  }
}
