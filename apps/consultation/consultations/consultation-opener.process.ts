import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationAmended, ApplicationSubmitted } from '@dul/domain';
import { everyType } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { Reactor } from '@dul/platform';
import { applicationAggregate } from '../../licensing/public/application.aggregate';
import { ConsultationOpening } from './consultation-opening';

/**
 * On submission and on every amendment: screen against the denial register and open the Art 14(1)
 * and Art 16 consultations the application requires, "immediately" (their periods run from the event).
 */
@Injectable()
export class ConsultationOpener extends Reactor<ApplicationSubmitted | ApplicationAmended> {
  protected readonly checkpointName = 'consultation.opener';
  protected readonly eventTypes = everyType<(ApplicationSubmitted | ApplicationAmended)['type']>({
    ApplicationSubmitted: true,
    ApplicationAmended: true,
  });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly opening: ConsultationOpening,
  ) {
    super(store);
  }

  protected async react(event: StoredEvent): Promise<void> {
    const application = await this.opening.application(applicationAggregate.category.idOf(event.streamId));
    if (!application) return;
    // The duty to consult arises with the submission or amendment itself, at the time it records.
    const data = event.data as { submittedAt?: string; amendedAt?: string };
    await this.opening.openRequired(application, {
      now: new Date(data.amendedAt ?? data.submittedAt ?? event.recordedAt),
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    });
  }
}
