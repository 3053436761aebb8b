import type {
  GeneralAuthorisationUser,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState,
  GeneralAuthorisationVersion,
  NationalGeneralAuthorisationEvent,
} from '@dul/domain';
import {
  GENERAL_AUTHORISATION_USER_EVENT_TYPES,
  generalAuthorisationUserDecider,
  nationalGeneralAuthorisationDecider,
} from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { toDomainEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import {
  generalAuthorisationUserAggregate,
  nationalGeneralAuthorisationAggregate,
} from '../public/general-authorisation.aggregates';

/** The authority's register of general-authorisation users. */
export interface RegistrationDocument {
  readonly id: string;
  readonly authority: string;
  readonly authorisation: string;
  readonly status: GeneralAuthorisationUser['status'];
  readonly exporter: string;
  readonly registeredAt: string | null;
  readonly firstExportDate: string | null;
  readonly firstUseNotifiedLate: boolean | null;
  readonly uses: number;
  readonly version: number;
  readonly position: number;
  readonly user: GeneralAuthorisationUser;
}

export const GEA_REGISTRATIONS_PROJECTION = 'general-authorisation-registrations';

export const registrationsProjection: Projection<RegistrationDocument> = {
  name: GEA_REGISTRATIONS_PROJECTION,
  handles: GENERAL_AUTHORISATION_USER_EVENT_TYPES,
  // Every list is one authority's registered users.
  indexes: { equality: ['authority'] },
  documentId: (event: StoredEvent) => generalAuthorisationUserAggregate.category.idOrNull(event.streamId),
  evolve: (document, event) => {
    const previous: GeneralAuthorisationUserState = document?.user ?? generalAuthorisationUserDecider.initialState();
    const state = generalAuthorisationUserDecider.evolve(previous, toDomainEvent<GeneralAuthorisationUserEvent>(event));
    if (state.status === 'NONE') return document;
    return {
      id: state.registrationId,
      authority: state.memberState,
      authorisation: state.authorisation,
      status: state.status,
      exporter: state.exporter.name,
      registeredAt: state.registeredAt,
      firstExportDate: state.firstExportDate,
      firstUseNotifiedLate: state.firstUseNotifiedLate,
      uses: state.useIds.length,
      version: event.streamVersion,
      position: event.globalPosition,
      user: state,
    };
  },
};

/** National general authorisations as published, every version. */
export interface NationalAuthorisationDocument {
  readonly code: string;
  readonly memberState: string;
  readonly versions: readonly GeneralAuthorisationVersion[];
}

export const NATIONAL_GEAS_PROJECTION = 'national-general-authorisations';

export const nationalAuthorisationsProjection: Projection<NationalAuthorisationDocument> = {
  name: NATIONAL_GEAS_PROJECTION,
  handles: ['NationalGeneralAuthorisationPublished'],
  documentId: (event: StoredEvent) => nationalGeneralAuthorisationAggregate.category.idOrNull(event.streamId),
  evolve: (document, event) => {
    const state = nationalGeneralAuthorisationDecider.evolve(
      { versions: document?.versions ?? [] },
      toDomainEvent<NationalGeneralAuthorisationEvent>(event),
    );
    const first = state.versions[0];
    if (first === undefined) return document;
    return { code: first.code, memberState: first.memberState ?? '', versions: state.versions };
  },
};
