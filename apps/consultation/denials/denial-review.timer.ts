import { Inject, Injectable } from '@nestjs/common';
import type { MarkReviewDue } from '@dul/domain';
import { denialDecider } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE, handleCommand } from '@dul/event-store';
import type { Clock } from '@dul/platform';
import { CLOCK, DueTimer } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import {
  CONSULTATION_TIMER_OPTIONS,
  type ConsultationTimerOptions,
} from '../consultations/consultation-deadline.timer';
import type { DenialDocument } from './denial-register.projection';
import { DENIALS_PROJECTION } from './denial-register.projection';

/** Art 16(2): a denial falls due for review three years after notification; this records DenialReviewDue. */
@Injectable()
export class DenialReviewTimer extends DueTimer {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
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
      const outcome = await handleCommand(this.store, denialDecider, `denial-${denial.id}`, command, { retries: 3 });
      if (outcome.events.length > 0) marked++;
    }
    return marked;
  }
}
