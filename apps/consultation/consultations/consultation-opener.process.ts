import { Inject, Injectable } from '@nestjs/common';
import type { ApplicationAmended, ApplicationSubmitted, LicenceAmendmentProposed } from '@dul/domain';
import { everyType } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { Reactor } from '@dul/platform';
import { applicationAggregate, licenceAggregate } from '../../licensing/public/application.aggregate';
import { ConsultationOpening } from './consultation-opening';

type Opening = ApplicationSubmitted | ApplicationAmended | LicenceAmendmentProposed;

/**
 * On submission, on every amendment and on every widening proposed for a licence: screen against
 * the denial register and open the Art 14(1) and Art 16 consultations the application (or the
 * widened licence) requires, "immediately" (their periods run from the event).
 */
@Injectable()
export class ConsultationOpener extends Reactor<Opening> {
  protected readonly checkpointName = 'consultation.opener';
  protected readonly eventTypes = everyType<Opening['type']>({
    ApplicationSubmitted: true,
    ApplicationAmended: true,
    LicenceAmendmentProposed: true,
  });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly opening: ConsultationOpening,
  ) {
    super(store);
  }

  protected async react(event: StoredEvent): Promise<void> {
    // The duty to consult arises with the submission, amendment or proposal itself, at the time it records.
    const data = event.data as { submittedAt?: string; amendedAt?: string; proposedAt?: string; amendmentId?: string };
    const trigger = {
      now: new Date(data.proposedAt ?? data.amendedAt ?? data.submittedAt ?? event.recordedAt),
      correlationId: event.metadata.correlationId,
      causationId: event.eventId,
    };
    if (event.type === 'LicenceAmendmentProposed') {
      const widening = await this.opening.widening(licenceAggregate.category.idOf(event.streamId));
      // Decided (or replaced) before this ran: its decision already opened what it needed.
      if (!widening || widening.amendmentId !== data.amendmentId) return;
      await this.opening.openRequiredFor(widening.consultationCase, trigger);
      return;
    }
    const application = await this.opening.application(applicationAggregate.category.idOf(event.streamId));
    if (!application) return;
    await this.opening.openRequired(application, trigger);
  }
}
