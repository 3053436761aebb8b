import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { v5 as uuidv5 } from 'uuid';
import type { ApplicationEvent, DecisionIssued, IssueLicence } from '@dul/domain';
import { applicationDecider, DomainError, issueLicenceFromGrant, licenceDecider } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { CatchUpSubscription, EVENT_STORE, handleCommand, toDomainEvent } from '@dul/event-store';
import { streamOf } from '../command-execution';

/** Fixed namespace for ids derived from other ids (UUID v5): the same input always gives the same id. */
const DERIVED_ID_NAMESPACE = '3f0c1e64-1d2f-4c63-9a8e-6b0f5f1d2a7c';

/** A granted application's licence has an id derived from the application's, so it is issued once. */
export function licenceIdFor(applicationId: string): string {
  return uuidv5(`licence:${applicationId}`, DERIVED_ID_NAMESPACE);
}

/** Event ids derived from the causing event: a replay after a crash appends nothing twice. */
export function derivedEventIds(causationId: string): (index: number) => string {
  return (index) => uuidv5(`${causationId}:${index}`, DERIVED_ID_NAMESPACE);
}

/**
 * The process manager that turns a grant into a licence: a checkpointed subscription over
 * DecisionIssued. At-least-once delivery is made exactly-once by derived ids (licence id and event
 * ids) and the licence decider's refusal to issue twice.
 */
@Injectable()
export class LicenceIssuer implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(LicenceIssuer.name);
  private readonly subscription: CatchUpSubscription;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {
    this.subscription = new CatchUpSubscription(store, {
      checkpointName: 'licensing.licence-issuer',
      eventTypes: ['DecisionIssued'],
      batchSize: 100,
      handle: (events) => this.handle(events),
      onError: (error) => this.logger.error(`Licence issuer failed, will retry: ${String(error)}`),
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    await this.subscription.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription.stop();
  }

  private async handle(events: readonly StoredEvent[]): Promise<void> {
    for (const event of events) {
      const decision = toDomainEvent<DecisionIssued>(event);
      if (decision.data.outcome === 'DENY') continue;
      await this.issueFor(event, decision);
    }
  }

  private async issueFor(event: StoredEvent, decision: DecisionIssued): Promise<void> {
    const history = await this.store.readStream(event.streamId, { maxCount: event.streamVersion + 1 });
    const application = history.reduce(
      (state, stored) => applicationDecider.evolve(state, toDomainEvent<ApplicationEvent>(stored)),
      applicationDecider.initialState(),
    );
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
      await handleCommand(this.store, licenceDecider, streamOf('licence', licenceId), command, {
        newEventId: derivedEventIds(event.eventId),
      });
    } catch (error) {
      // Issued already (a replay): nothing to do.
      if (error instanceof DomainError && error.rule === 'licence-exists') return;
      throw error;
    }
  }
}
