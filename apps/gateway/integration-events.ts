import { Inject, Injectable } from '@nestjs/common';
import type { IntegrationEvent } from '@dul/contracts';
import { foldMappingContext, needsMappingContext, toIntegrationEvents } from '@dul/contracts';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';

/** Where our CloudEvents say they come from. */
export const CLOUD_EVENT_SOURCE = 'urn:eu:dual-use:ledger';

/**
 * Domain events to published integration events: the one translation both the Kafka relay and the
 * Server-Sent Events use, so a consumer sees the same messages whichever it reads.
 */
@Injectable()
export class IntegrationEvents {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async of(event: StoredEvent): Promise<readonly IntegrationEvent[]> {
    if (!needsMappingContext(event)) return toIntegrationEvents(event);
    // Some messages carry the aggregate as it stands after the change: fold its stream up to the event.
    const history = await this.store.readStream(event.streamId, { maxCount: event.streamVersion + 1 });
    return toIntegrationEvents(event, foldMappingContext(history));
  }
}
