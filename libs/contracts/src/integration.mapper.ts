import type {
  ApplicationEvent,
  ApplicationState,
  ConsultationEvent,
  ConsultationState,
  DenialEvent,
  DenialState,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState,
  LicenceEvent,
  LicenceState,
} from '@dul/domain';
import {
  applicationDecider,
  consultationDecider,
  denialDecider,
  generalAuthorisationUserDecider,
  licenceDecider,
} from '@dul/domain';
import { auditIntegrationEvents, isAuditEventType } from './audit.mapper';
import {
  CONSULTATION_CONTEXT_EVENT_TYPES,
  consultationIntegrationEvents,
  isConsultationEventType,
} from './consultation.mapper';
import { DENIAL_CONTEXT_EVENT_TYPES, denialIntegrationEvents, isDenialEventType } from './denial.mapper';
import {
  GENERAL_AUTHORISATION_CONTEXT_EVENT_TYPES,
  generalAuthorisationIntegrationEvents,
  isGeneralAuthorisationUserEventType,
} from './general-authorisation.mapper';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import type { LicensingEvent } from './licensing.mapper';
import {
  asLicensingEvent,
  isApplicationEventType,
  isLicenceEventType,
  LICENSING_CONTEXT_EVENT_TYPES,
  licensingIntegrationEvents,
} from './licensing.mapper';
import type { MappingContext } from './mapping';

// The one entry point from stored domain events to published integration events, for every module:
// applications and licences (licensing.mapper), the denial register (denial.mapper) and consultations
// (consultation.mapper). The relay and the SSE endpoint call `toIntegrationEvents` and nothing else.

// Compile-time: no two modules share an event type name, so the dispatch below is unambiguous.
type Disjoint<A, B> = [Extract<A, B>] extends [never] ? true : false;
const _eventTypesDisjoint: [
  Disjoint<LicensingEvent['type'], DenialEvent['type'] | ConsultationEvent['type']>,
  Disjoint<DenialEvent['type'], ConsultationEvent['type']>,
  Disjoint<
    GeneralAuthorisationUserEvent['type'],
    LicensingEvent['type'] | DenialEvent['type'] | ConsultationEvent['type']
  >,
] = [true, true, true];

/** Domain event types whose mapping reads the folded aggregate (`MappingContext`). */
export const CONTEXT_EVENT_TYPES: readonly string[] = [
  ...LICENSING_CONTEXT_EVENT_TYPES,
  ...DENIAL_CONTEXT_EVENT_TYPES,
  ...CONSULTATION_CONTEXT_EVENT_TYPES,
  ...GENERAL_AUTHORISATION_CONTEXT_EVENT_TYPES,
];

/** True when `toIntegrationEvents` needs the event's stream folded through it. */
export function needsMappingContext(stored: Pick<SourceEvent, 'type'>): boolean {
  return CONTEXT_EVENT_TYPES.includes(stored.type);
}

/**
 * Folds one stream's events, oldest first, through the event being mapped (the relay reads
 * `readStream(streamId, { maxCount: streamVersion + 1 })`). The only way to build a `MappingContext`:
 * whichever aggregate the stream holds (application, licence, denial or consultation) is set.
 */
export function foldMappingContext(history: readonly SourceEvent[]): MappingContext {
  let application: ApplicationState = applicationDecider.initialState();
  let licence: LicenceState = licenceDecider.initialState();
  let denial: DenialState = denialDecider.initialState();
  let consultation: ConsultationState = consultationDecider.initialState();
  let user: GeneralAuthorisationUserState = generalAuthorisationUserDecider.initialState();
  for (const stored of history) {
    const event = { type: stored.type, data: stored.data };
    if (isApplicationEventType(event.type)) {
      application = applicationDecider.evolve(application, event as ApplicationEvent);
    } else if (isLicenceEventType(event.type)) {
      licence = licenceDecider.evolve(licence, event as LicenceEvent);
    } else if (isDenialEventType(event.type)) {
      denial = denialDecider.evolve(denial, event as DenialEvent);
    } else if (isConsultationEventType(event.type)) {
      consultation = consultationDecider.evolve(consultation, event as ConsultationEvent);
    } else if (isGeneralAuthorisationUserEventType(event.type)) {
      user = generalAuthorisationUserDecider.evolve(user, event as GeneralAuthorisationUserEvent);
    }
  }
  return {
    ...(application.status === 'NONE' ? {} : { application }),
    ...(licence.status === 'NONE' ? {} : { licence }),
    ...(denial.status === 'NONE' ? {} : { denial }),
    ...(consultation.status === 'NONE' ? {} : { consultation }),
    ...(user.status === 'NONE' ? {} : { generalAuthorisationUser: user }),
  };
}

/**
 * Maps one stored domain event to the integration events it publishes: zero (internal events such as
 * risk flags, caseworker assignment or proposals, and events of modules that publish nothing), one, or
 * one per audience. Pure and deterministic: mapping the same event again yields the same ids, so a
 * relay may retry freely. For a type in `CONTEXT_EVENT_TYPES`, pass `foldMappingContext` of the
 * event's stream through the event; the mapper checks it and throws `IntegrationMappingError` rather
 * than publish a stale or half message.
 *
 * - applications and licences: statistics (commission), licence snapshots (customs), a grant despite
 *   a denial (authorities and commission);
 * - the denial register: the Art 16 notification and its final assessment, review, renewal,
 *   amendment and revocation (authorities and commission);
 * - consultations: opening with the packet, extensions, replies, lapse, closing (authorities);
 * - the daily root over the stream heads (every authority and the Commission).
 */
export function toIntegrationEvents(stored: SourceEvent, context: MappingContext = {}): readonly IntegrationEvent[] {
  const licensing = asLicensingEvent(stored);
  if (licensing !== undefined) return licensingIntegrationEvents(stored, licensing, context);
  if (isDenialEventType(stored.type)) {
    return denialIntegrationEvents(stored, { type: stored.type, data: stored.data } as DenialEvent, context);
  }
  if (isConsultationEventType(stored.type)) {
    return consultationIntegrationEvents(
      stored,
      { type: stored.type, data: stored.data } as ConsultationEvent,
      context,
    );
  }
  if (isAuditEventType(stored.type)) return auditIntegrationEvents(stored);
  if (isGeneralAuthorisationUserEventType(stored.type)) {
    return generalAuthorisationIntegrationEvents(
      stored,
      { type: stored.type, data: stored.data } as GeneralAuthorisationUserEvent,
      context,
    );
  }
  return [];
}
