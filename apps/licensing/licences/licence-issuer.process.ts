import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { DecisionIssued, IssueLicence } from '@dul/domain';
import { applicationDecider, DomainError, everyType, issueLicenceFromGrant } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { aggregateStream, EVENT_STORE, toDomainEvent } from '@dul/event-store';
import { Reactor } from '@dul/platform';
import { licenceIdFor } from '../public/licence-id';
import { LicenceWrite } from '../public/licensing.commands';

// Re-exported for the tests that predate the public folder.
export { licenceIdFor };

/**
 * The process manager that turns a grant into a licence. At-least-once delivery is made exactly-once
 * by derived ids (licence id and event ids) and the licence decider's refusal to issue twice.
 */
@Injectable()
export class LicenceIssuer extends Reactor<DecisionIssued> {
  protected readonly checkpointName = 'licensing.licence-issuer';
  protected readonly eventTypes = everyType<DecisionIssued['type']>({ DecisionIssued: true });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    private readonly commandBus: CommandBus,
  ) {
    super(store);
  }

  protected async react(event: StoredEvent): Promise<void> {
    const decision = toDomainEvent<DecisionIssued>(event);
    if (decision.data.outcome === 'DENY') return;
    const { state: application } = await aggregateStream(this.store, applicationDecider, event.streamId, {
      upToVersion: event.streamVersion,
    });
    if (application.status !== 'GRANTED') return;
    const licenceId = licenceIdFor(application.applicationId);
    const command: IssueLicence = {
      type: 'IssueLicence',
      data: issueLicenceFromGrant(application, licenceId),
      metadata: {
        actor: 'system:licence-issuer',
        memberState: application.authority,
        // Validity runs from the decision, however late this process runs.
        now: new Date(decision.data.issuedAt),
        correlationId: event.metadata.correlationId,
        causationId: event.eventId,
      },
    };
    try {
      await this.commandBus.execute(
        new LicenceWrite(licenceId, { by: 'process', command, eventIdsFrom: event.eventId }),
      );
    } catch (error) {
      // Issued already (a replay): nothing to do.
      if (error instanceof DomainError && error.rule === 'licence-exists') return;
      throw error;
    }
  }
}
