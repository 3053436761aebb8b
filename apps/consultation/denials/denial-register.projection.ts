import type { Denial, DenialEvent, DenialState } from '@dul/domain';
import { DENIAL_EVENT_TYPES, denialDecider, parseControlEntry } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { toDomainEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { denialAggregate } from '../public/consultation.aggregates';

/** The EU denial register: every member state's denials, what screening and authorities read. */
export interface DenialDocument {
  readonly id: string;
  readonly issuingMemberState: string;
  readonly status: Denial['status'];
  readonly destination: string;
  /** Normalised control entries and their heads (5A001.j and 5A001), for filters and screening. */
  readonly controlEntries: readonly string[];
  readonly entryHeads: readonly string[];
  readonly endUser: string;
  readonly reviewDueAt: string;
  readonly lapsesAt: string;
  /** The review timer's work list: in force, review not yet marked due. */
  readonly reviewPending: boolean;
  /**
   * In force and its Art 16(2) review marked due by the timer: the flag in the register and the issuing
   * authority's queue. The denial stays in force and screened (a denial never lapses by itself).
   */
  readonly reviewOverdue: boolean;
  readonly notifiedAt: string;
  readonly version: number;
  readonly position: number;
  readonly denial: Denial;
}

export const DENIALS_PROJECTION = 'denials';

export const denialRegisterProjection: Projection<DenialDocument> = {
  name: DENIALS_PROJECTION,
  handles: DENIAL_EVENT_TYPES,
  // The register lists denials in force by destination; screening pages the in-force ones.
  indexes: { equality: ['status', 'destination'] },
  documentId: (event: StoredEvent) => denialAggregate.category.idOrNull(event.streamId),
  evolve: (document, event) => {
    const previous: DenialState = document?.denial ?? denialDecider.initialState();
    const state = denialDecider.evolve(previous, toDomainEvent<DenialEvent>(event));
    if (state.status === 'NONE') return document;
    const controlEntries = state.items.flatMap((item) => (item.controlEntry ? [item.controlEntry] : []));
    return {
      id: state.denialId,
      issuingMemberState: state.issuingMemberState,
      status: state.status,
      destination: state.destinationCountry,
      controlEntries,
      entryHeads: [...new Set(controlEntries.map(headOf))],
      endUser: state.endUser.name,
      reviewDueAt: state.reviewDueAt,
      lapsesAt: state.lapsesAt,
      reviewPending: state.status === 'IN_FORCE' && !state.reviewDueMarked,
      reviewOverdue: state.status === 'IN_FORCE' && state.reviewDueMarked,
      notifiedAt: state.notifiedAt,
      version: event.streamVersion,
      position: event.globalPosition,
      denial: state,
    };
  },
};

function headOf(entry: string): string {
  const parsed = parseControlEntry(entry);
  return parsed.ok ? parsed.value.head : entry;
}
