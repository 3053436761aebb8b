import type { Licence, LicenceEvent, LicenceState } from '@dul/domain';
import { LICENCE_EVENT_TYPES, licenceDecider } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { toDomainEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { licenceAggregate } from '../public/application.aggregate';

/** The member state's licence register, and the expiry timer's work list (expiryPending + validUntil). */
export interface LicenceDocument {
  readonly id: string;
  readonly authority: string;
  readonly applicationId: string;
  readonly status: Licence['status'];
  readonly kind: Licence['kind'];
  readonly destination: string;
  readonly holder: string;
  readonly validFrom: string;
  readonly validUntil: string;
  /** Still to be expired by the timer: active or suspended (a suspended licence still runs out). */
  readonly expiryPending: boolean;
  readonly version: number;
  readonly position: number;
  readonly licence: Licence;
}

export const LICENCES_PROJECTION = 'licences';

export const licenceRegisterProjection: Projection<LicenceDocument> = {
  name: LICENCES_PROJECTION,
  handles: LICENCE_EVENT_TYPES,
  // Every list is one authority's register (GET /v1/licences).
  indexes: { equality: ['authority'] },
  documentId: (event: StoredEvent) => licenceAggregate.category.idOrNull(event.streamId),
  evolve: (document, event) => {
    const previous: LicenceState = document?.licence ?? licenceDecider.initialState();
    const state = licenceDecider.evolve(previous, toDomainEvent<LicenceEvent>(event));
    if (state.status === 'NONE') return document;
    return {
      id: state.licenceId,
      authority: state.issuingMemberState,
      applicationId: state.applicationId,
      status: state.status,
      kind: state.kind,
      destination: state.destinationCountry,
      holder: state.holder.name,
      validFrom: state.validFrom,
      validUntil: state.validUntil,
      expiryPending: state.status === 'ACTIVE' || state.status === 'SUSPENDED',
      version: event.streamVersion,
      position: event.globalPosition,
      licence: state,
    };
  },
};
