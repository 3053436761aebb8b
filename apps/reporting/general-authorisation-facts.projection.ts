import type { GeneralAuthorisationReportEvent } from '@dul/domain';
import { GENERAL_AUTHORISATION_REPORT_EVENT_TYPES } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';

/*
 * The events the report's general-authorisation and administration sections are folded from
 * (computeGeneralAuthorisationReport), kept as they were recorded, one document per stream: a user of
 * a general authorisation, or an authority's administration figures for a year. A few thousand
 * registrations and their uses per year EU-wide (EU001 alone has a few thousand users): small enough
 * to fold on every report, so the sections share their one implementation with the reference fold.
 */

export const GENERAL_AUTHORISATION_FACTS_PROJECTION = 'general-authorisation-facts';

export interface GeneralAuthorisationFactsDocument {
  readonly streamId: string;
  readonly events: readonly { readonly type: string; readonly data: unknown; readonly recordedAt: string }[];
}

export const generalAuthorisationFactsProjection: Projection<GeneralAuthorisationFactsDocument> = {
  name: GENERAL_AUTHORISATION_FACTS_PROJECTION,
  handles: GENERAL_AUTHORISATION_REPORT_EVENT_TYPES,
  documentId: (event: StoredEvent) => event.streamId,
  evolve: (document, event) => ({
    streamId: event.streamId,
    events: [
      ...(document?.events ?? []),
      { type: event.type, data: event.data, recordedAt: event.recordedAt.toISOString() },
    ],
  }),
};

/** The documents' events as the report fold reads them. */
export function generalAuthorisationEventsOf(
  documents: readonly GeneralAuthorisationFactsDocument[],
): GeneralAuthorisationReportEvent[] {
  return documents.flatMap((document) => document.events.map((event) => ({ ...event, streamId: document.streamId })));
}
