import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { MarkReviewDue } from '@dul/domain';
import type { Clock } from '@dul/platform';
import { CLOCK, DueTimer } from '@dul/platform';
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
@Injectable()
export class DenialReviewTimer extends DueTimer {
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
    const due = await this.readModels.findDocuments<DenialDocument>(DENIALS_PROJECTION, {
      where: { reviewPending: true },
      before: { reviewDueAt: now.toISOString() },
      limit: 500,
    });
    let marked = 0;
    for (const denial of due) {
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
      const outcome = await this.commandBus.execute(new DenialWrite(denial.id, { by: 'process', command, retries: 3 }));
      if (outcome.appended > 0) marked++;
    }
    return marked;
  }
}
