import { Inject, Injectable } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { CatchAllArticle, DecisionIssued, OpenConsultation } from '@dul/domain';
import { applicationDecider, consultationPacketFrom, DomainError, everyType } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { aggregateStream, derivedId, EVENT_STORE, toDomainEvent } from '@dul/event-store';
import { Reactor } from '@dul/platform';
import { ConsultationWrite } from '../public/consultation.commands';

export const CATCH_ALL_OPTIONS = Symbol.for('dul.CatchAllOptions');
export interface CatchAllOptions {
  /** Working days the other member states and the Commission have to review (a setting; default 30). */
  readonly reviewWorkingDays: number;
}

/**
 * Art 4(4) and Art 5(4): a decision that makes an unlisted item subject to authorisation under the
 * catch-all (the classification settles on ART4 or ART5) is made known to every other member state
 * and the Commission, who may review it within the review period: a CATCH_ALL consultation.
 */
@Injectable()
export class CatchAllInformer extends Reactor<DecisionIssued> {
  protected readonly checkpointName = 'consultation.catch-all-informer';
  protected readonly eventTypes = everyType<DecisionIssued['type']>({ DecisionIssued: true });

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CATCH_ALL_OPTIONS) private readonly options: CatchAllOptions,
    private readonly commandBus: CommandBus,
  ) {
    super(store);
  }

  protected async react(event: StoredEvent): Promise<void> {
    const decision = toDomainEvent<DecisionIssued>(event);
    const { state: application } = await aggregateStream(this.store, applicationDecider, event.streamId, {
      upToVersion: event.streamVersion,
    });
    if (application.status === 'NONE') return;
    const articles = new Set<CatchAllArticle>(
      application.content.items.flatMap((item) =>
        item.classification.kind === 'NOT_LISTED' && item.classification.catchAllGround !== 'NATIONAL'
          ? [item.classification.catchAllGround]
          : [],
      ),
    );
    for (const article of articles) {
      const consultationId = derivedId(`consultation:catch-all:${application.applicationId}:${article}`);
      const command: OpenConsultation = {
        type: 'OpenConsultation',
        data: {
          kind: 'CATCH_ALL',
          consultationId,
          applicationId: application.applicationId,
          article,
          decision: `${decision.data.outcome} of an application for unlisted items caught by ${article === 'ART4' ? 'Art 4' : 'Art 5'}`,
          reviewWorkingDays: this.options.reviewWorkingDays,
          packet: consultationPacketFrom(application.content, { grounds: decision.data.art15Grounds }),
        },
        metadata: {
          actor: 'system:catch-all-informer',
          memberState: application.authority,
          now: new Date(decision.data.issuedAt),
          correlationId: event.metadata.correlationId,
          causationId: event.eventId,
        },
      };
      try {
        await this.commandBus.execute(
          new ConsultationWrite(consultationId, {
            by: 'process',
            command,
            eventIdsFrom: `${event.eventId}:${article}`,
          }),
        );
      } catch (error) {
        if (error instanceof DomainError && error.rule === 'consultation-exists') continue;
        throw error;
      }
    }
  }
}
