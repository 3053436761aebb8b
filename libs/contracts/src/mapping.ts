import type { Application, Consultation, Denial, GeneralAuthorisationUser, Licence, Party } from '@dul/domain';
import { isoDate } from '@dul/domain';
import type { Audience } from './audiences';
import { TOPICS } from './audiences';
import type { PublishedData, PublishedType } from './catalogue';
import { contractFor } from './catalogue';
import type { IntegrationEvent, SourceEvent } from './integration-event';

// What every mapper shares: the context, the error, the ids, and the Publisher that builds envelopes.

/**
 * The aggregate as it stands after the event being mapped (folded through it, inclusive). Customs and
 * statistics messages carry state the domain event alone does not (a suspension names no items), and
 * so do the authorities' messages (a denial's renewal names neither the notifying member state nor the
 * addressees; a consultation's reply names neither the requester nor the kind). The relay folds the
 * event's stream up to the event: see `needsMappingContext`, `foldMappingContext`. One stream is one
 * aggregate, so at most one of these is set.
 */
export interface MappingContext {
  readonly application?: Application;
  readonly licence?: Licence;
  /** A register entry (stream `denial-<denialId>`). */
  readonly denial?: Denial;
  /** A consultation (stream `consultation-<consultationId>`). */
  readonly consultation?: Consultation;
  /** A general-authorisation user (stream `general-authorisation-user-<registrationId>`). */
  readonly generalAuthorisationUser?: GeneralAuthorisationUser;
}

/** A domain event could not be mapped: missing or inconsistent context. A bug, never a data problem. */
export class IntegrationMappingError extends Error {
  constructor(
    readonly eventId: string,
    message: string,
  ) {
    super(`cannot map event ${eventId}: ${message}`);
    this.name = 'IntegrationMappingError';
  }
}

/**
 * One id per (domain event, audience): stable across retries, and unchanged if a mapping later
 * publishes the same domain event to a further audience. A `.v2` published beside `.v1` gets its own
 * id, so a consumer reading both does not drop one as a duplicate of the other.
 */
export function integrationEventId(eventId: string, audience: Audience, type: PublishedType): string {
  const version = type.slice(type.lastIndexOf('.') + 1);
  return version === 'v1' ? `${eventId}:${audience}` : `${eventId}:${audience}:${version}`;
}

/** Builds integration events for one source event: ids, keys, subjects and topics in one place. */
export class Publisher {
  constructor(private readonly stored: SourceEvent) {}

  publish<T extends PublishedType>(audience: Audience, type: T, key: string, data: PublishedData<T>): IntegrationEvent {
    const contract = contractFor(type);
    if (!contract.audiences.includes(audience)) {
      throw new IntegrationMappingError(this.stored.eventId, `${type} is not published to ${audience}`);
    }
    const event = {
      audience,
      topic: TOPICS[audience].name,
      key,
      id: integrationEventId(this.stored.eventId, audience, type),
      type,
      subject: contract.subject.replace(/\{[^}]+\}/, key),
      time: instantOf(this.stored.recordedAt),
      position: this.stored.globalPosition,
      sequence: this.stored.streamVersion,
      data,
    };
    return event as IntegrationEvent;
  }

  /** The same data to every audience of the contract, in catalogue order (Art 16: authorities, commission). */
  publishToEveryAudience<T extends PublishedType>(type: T, key: string, data: PublishedData<T>): IntegrationEvent[] {
    return contractFor(type).audiences.map((audience) => this.publish(audience, type, key, data));
  }
}

/** The streams are `<aggregate>-<id>`: application-, licence-, denial-, consultation-. */
export function aggregateIdOf(streamId: string): string {
  const dash = streamId.indexOf('-');
  return dash === -1 ? streamId : streamId.slice(dash + 1);
}

export function mappingError(stored: SourceEvent, message: string): never {
  throw new IntegrationMappingError(stored.eventId, message);
}

/** A party as the authorities see it: name, address, country, nothing else the domain may carry. */
export function notifiedParty(value: Party): {
  readonly name: string;
  readonly address: string;
  readonly country: string;
} {
  return { name: value.name, address: value.address, country: value.country };
}

/** Deep equality of plain JSON data (event payloads): to check a context was folded through an event. */
export function sameData(left: unknown, right: unknown): boolean {
  return JSON.stringify(left) === JSON.stringify(right);
}

export function instantOf(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function dateOf(instant: string): string {
  return isoDate(new Date(instant));
}
