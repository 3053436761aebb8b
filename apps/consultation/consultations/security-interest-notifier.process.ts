import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DecisionIssued, NotifyGrantDespiteSecurityInterest } from '@dul/domain';
import { everyType, otherMemberStates } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { EVENT_STORE, toDomainEvent } from '@dul/event-store';
import { Reactor } from '@dul/platform';
import { applicationAggregate } from '../../licensing/public/application.aggregate';
import { licenceIdFor } from '../../licensing/public/licence-id';
import { ConsultationWrite } from '../public/consultation.commands';
import { securityInterestConsultationId } from '../public/consultation-ids';
import { ConsultationOpening } from './consultation-opening';

/**
 * Art 14(2): when the requested member state grants an application another member state asked it not
 * to grant, the grant is notified to the Commission and the other member states. The request never
 * blocks the grant; this process sees the grant and records the notification on each such request's
 * consultation (open or closed; a withdrawn one is not notified).
 */
@Injectable()
export class SecurityInterestNotifier extends Reactor<DecisionIssued> {
  protected readonly checkpointName = 'consultation.security-interest-notifier';
  protected readonly eventTypes = everyType<DecisionIssued['type']>({ DecisionIssued: true });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly opening: ConsultationOpening,
    private readonly commandBus: CommandBus,
  ) {
    super(store);
  }

  protected async react(event: StoredEvent): Promise<void> {
    const decision = toDomainEvent<DecisionIssued>(event);
    if (decision.data.outcome !== 'GRANT') return;
    const applicationId = applicationAggregate.category.idOf(event.streamId);
    const application = await this.opening.application(applicationId);
    if (!application) return;
    // A request not to grant has one stream per requesting member state: any other member state may ask.
    for (const requester of otherMemberStates(application.authority)) {
      const consultationId = securityInterestConsultationId({ applicationId }, requester, 'NOT_TO_GRANT');
      const consultation = await this.opening.consultation(consultationId);
      if (consultation.status === 'NONE') continue;
      const command: NotifyGrantDespiteSecurityInterest = {
        type: 'NotifyGrantDespiteSecurityInterest',
        data: { applicationId, licenceId: licenceIdFor(applicationId), grantedAt: decision.data.issuedAt },
        metadata: {
          actor: 'system:security-interest-notifier',
          memberState: application.authority,
          now: event.recordedAt,
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
        },
      };
      await this.commandBus.execute(
        new ConsultationWrite(consultationId, {
          by: 'process',
          command,
          eventIdsFrom: `${event.eventId}:${consultationId}`,
          retries: 3,
        }),
      );
    }
  }
}
