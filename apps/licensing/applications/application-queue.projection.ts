import type { Application, ApplicationEvent, ApplicationState } from '@dul/domain';
import { APPLICATION_EVENT_TYPES, applicationDecider } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { toDomainEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { applicationAggregate } from '../public/application.aggregate';

/**
 * One document per application: the member state's case queue and the application detail. The
 * top-level fields are what the queue filters on; `application` is the decider's own state, folded by
 * the decider's own evolve so the view cannot drift from the rules.
 */
export interface ApplicationDocument {
  readonly id: string;
  readonly authority: Application['authority'];
  readonly status: Application['status'];
  readonly kind: Application['kind'];
  readonly destination: string;
  /** Empty string while unassigned, so "unassigned" is an equality filter like any other. */
  readonly assignee: string;
  readonly exporter: string;
  readonly submittedAt: string;
  readonly updatedAt: string;
  readonly openRiskFlags: number;
  readonly version: number;
  readonly position: number;
  readonly application: Application;
}

export const APPLICATIONS_PROJECTION = 'applications';

export const applicationQueueProjection: Projection<ApplicationDocument> = {
  name: APPLICATIONS_PROJECTION,
  handles: APPLICATION_EVENT_TYPES,
  // Every list is one authority's cases (the case queue, GET /v1/applications).
  indexes: { equality: ['authority'] },
  documentId: (event: StoredEvent) => applicationAggregate.category.idOrNull(event.streamId),
  evolve: (document, event) => {
    const previous: ApplicationState = document?.application ?? applicationDecider.initialState();
    const state = applicationDecider.evolve(previous, toDomainEvent<ApplicationEvent>(event));
    if (state.status === 'NONE') return document;
    return {
      id: state.applicationId,
      authority: state.authority,
      status: state.status,
      kind: state.kind,
      destination: state.content.destinationCountry,
      assignee: state.caseworker ?? '',
      exporter: state.content.exporter.name,
      submittedAt: state.submittedAt,
      updatedAt: event.recordedAt.toISOString(),
      openRiskFlags: state.riskFlags.filter((flag) => flag.open).length,
      version: event.streamVersion,
      position: event.globalPosition,
      application: state,
    };
  },
};
