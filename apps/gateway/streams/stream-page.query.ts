import { Inject, Injectable } from '@nestjs/common';
import type { IQueryHandler } from '@nestjs/cqrs';
import { Query, QueryHandler } from '@nestjs/cqrs';
import type { Audience, IntegrationEvent } from '@dul/contracts';
import { authorityAddressees } from '@dul/contracts';
import type { Principal } from '@dul/auth';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { IntegrationEvents } from '../integration-events';

/** Where a stream resumes: after message `index` of the event at `position` (MAX_SAFE_INTEGER: after the whole event). */
export interface ResumePoint {
  readonly position: number;
  readonly index: number;
}

/** One message of the stream with its SSE id parts. */
export interface StreamMessage {
  readonly position: number;
  readonly index: number;
  readonly message: IntegrationEvent;
}

export interface StreamPage {
  readonly messages: readonly StreamMessage[];
  readonly resume: ResumePoint;
  /** Fewer events than asked for: the stream has caught up with the store. */
  readonly caughtUp: boolean;
}

/**
 * Authorities share one audience, but each message says whom it is for: a member state sees what is
 * addressed to it and what it sent itself. A message that names no recipients is not shown (fail closed).
 */
export function visibleTo(event: IntegrationEvent, principal: Principal): boolean {
  if (event.audience !== 'authorities') return true;
  // The same addressees as the relay's per-member-state topics: one rule for Kafka and SSE.
  return principal.ms !== null && authorityAddressees(event.data).includes(principal.ms);
}

/** The next page of one audience's integration events visible to the principal, after a resume point. */
export class ReadStreamPage extends Query<StreamPage> {
  constructor(
    readonly audience: Audience,
    readonly principal: Principal,
    readonly resume: ResumePoint,
    readonly maxCount: number,
  ) {
    super();
  }
}

@QueryHandler(ReadStreamPage)
export class ReadStreamPageHandler implements IQueryHandler<ReadStreamPage> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly integrationEvents: IntegrationEvents,
  ) {}

  async execute({ audience, principal, resume: from, maxCount }: ReadStreamPage): Promise<StreamPage> {
    let resume = from;
    const after = resume.index === Number.MAX_SAFE_INTEGER ? resume.position : Math.max(0, resume.position - 1);
    const events = await this.store.readAll({ after, maxCount });
    const messages: StreamMessage[] = [];
    for (const event of events) {
      const published = (await this.integrationEvents.of(event)).filter((message) => message.audience === audience);
      published.forEach((message, index) => {
        if (event.globalPosition === resume.position && index <= resume.index) return;
        if (visibleTo(message, principal)) messages.push({ position: event.globalPosition, index, message });
      });
      resume = { position: event.globalPosition, index: Number.MAX_SAFE_INTEGER };
    }
    return { messages, resume, caughtUp: events.length < maxCount };
  }
}

/** Wakes an open stream when the store records something new (instead of waiting for the next poll). */
@Injectable()
export class StoreAppends {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  subscribe(listener: () => void): () => void {
    return this.store.onAppended(listener);
  }
}
