import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type {
  Art16Notification,
  DecisionIssued,
  DenialCommand,
  LicenceAmended,
  LicenceAnnulled,
  LicenceReinstated,
  LicenceRevoked,
  LicenceSuspended,
} from '@dul/domain';
import { DEFAULT_DENIAL_REVIEW_GRACE_DAYS, DomainError, everyType } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { derivedId, EVENT_STORE, toDomainEvent } from '@dul/event-store';
import { Reactor } from '@dul/platform';
import { DenialWrite } from '../public/consultation.commands';

/** The register entry for a notification: derived from its source, so a replay targets the same entry. */
export function denialIdFor(
  notification: Pick<Art16Notification, 'kind' | 'applicationId' | 'licenceId'>,
  causationId: string,
): string {
  return notification.kind === 'DENIAL'
    ? derivedId(`denial:application:${notification.applicationId}`)
    : derivedId(`denial:licence:${notification.licenceId ?? ''}:${causationId}`);
}

/** The events that may carry an Art 16 notification: a refusal, or a measure on a licence. */
type NotifyingEvent =
  DecisionIssued | LicenceSuspended | LicenceAnnulled | LicenceRevoked | LicenceAmended | LicenceReinstated;

/**
 * Art 16: every refusal, annulment, suspension, substantial limitation or revocation becomes a
 * DenialNotified in the EU register, notified to every other member state and the Commission. A
 * reinstatement's final assessment lifts the suspension's entry.
 */
@Injectable()
export class DenialNotifier extends Reactor<NotifyingEvent> {
  protected readonly checkpointName = 'consultation.denial-notifier';
  protected readonly eventTypes = everyType<NotifyingEvent['type']>({
    DecisionIssued: true,
    LicenceSuspended: true,
    LicenceAnnulled: true,
    LicenceRevoked: true,
    LicenceAmended: true,
    LicenceReinstated: true,
  });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly commandBus: CommandBus,
  ) {
    super(store);
  }

  protected async react(event: StoredEvent): Promise<void> {
    const domainEvent = toDomainEvent<NotifyingEvent>(event);
    const notification = notificationOf(domainEvent);
    if (!notification) return;
    if (notification.kind === 'FINAL_ASSESSMENT') {
      await this.liftSuspension(event, notification);
      return;
    }
    const denialId = denialIdFor(notification, event.eventId);
    await this.send(event, denialId, notification.notifyingMemberState, {
      type: 'NotifyDenial',
      data: { denialId, notification, reviewGraceDays: DEFAULT_DENIAL_REVIEW_GRACE_DAYS },
    });
  }

  /** The reinstatement lifts the entry of the suspension it ends: the licence's last suspension before it. */
  private async liftSuspension(event: StoredEvent, notification: Art16Notification): Promise<void> {
    const before = await this.store.readStream(event.streamId, {
      direction: 'backward',
      fromVersion: event.streamVersion - 1,
    });
    const suspension = before.find((stored) => stored.type === 'LicenceSuspended');
    if (!suspension) return;
    const denialId = denialIdFor(
      { kind: 'SUSPENSION', applicationId: notification.applicationId, licenceId: notification.licenceId },
      suspension.eventId,
    );
    await this.send(event, denialId, notification.notifyingMemberState, {
      type: 'RecordFinalAssessment',
      data: { assessment: 'LIFTED', statement: notification.reason ?? 'The licence was reinstated' },
    });
  }

  private async send(
    cause: StoredEvent,
    denialId: string,
    memberState: string,
    command: Omit<DenialCommand, 'metadata'>,
  ): Promise<void> {
    try {
      const full = {
        ...command,
        metadata: {
          actor: 'system:denial-notifier',
          memberState,
          now: cause.recordedAt,
          correlationId: cause.metadata.correlationId,
          causationId: cause.eventId,
        },
      } as DenialCommand;
      await this.commandBus.execute(
        new DenialWrite(denialId, { by: 'process', command: full, eventIdsFrom: cause.eventId }),
      );
    } catch (error) {
      // A replay meets the entry already made, or the assessment already recorded.
      if (
        error instanceof DomainError &&
        (error.rule === 'denial-exists' || error.rule === 'final-assessment-recorded')
      )
        return;
      throw error;
    }
  }
}

function notificationOf(event: NotifyingEvent): Art16Notification | null {
  switch (event.type) {
    case 'DecisionIssued':
      return event.data.outcome === 'DENY' ? event.data.denialNotice : null;
    case 'LicenceSuspended':
    case 'LicenceAnnulled':
    case 'LicenceRevoked':
    case 'LicenceReinstated':
      return event.data.notification;
    case 'LicenceAmended':
      return event.data.notification;
  }
}
