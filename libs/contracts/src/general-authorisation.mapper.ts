import type { GeneralAuthorisationUser, GeneralAuthorisationUserEvent } from '@dul/domain';
import { assertNever, GENERAL_AUTHORISATION_USER_EVENT_TYPES } from '@dul/domain';
import type { GeneralAuthorisationRegistrationChangedV1 } from './general-authorisation.contracts';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import type { MappingContext } from './mapping';
import { mappingError, Publisher } from './mapping';

// General-authorisation users: the registration and its status for customs. The authorities learn of
// a suspension in substance or a withdrawal from the notifications inbox (the event's notification),
// not from here.

export const isGeneralAuthorisationUserEventType = (type: string): type is GeneralAuthorisationUserEvent['type'] =>
  (GENERAL_AUTHORISATION_USER_EVENT_TYPES as readonly string[]).includes(type);

/** Every user event but a use needs the folded registration (a suspension names no exporter). */
export const GENERAL_AUTHORISATION_CONTEXT_EVENT_TYPES: readonly GeneralAuthorisationUserEvent['type'][] =
  GENERAL_AUTHORISATION_USER_EVENT_TYPES.filter((type) => type !== 'GeneralAuthorisationUseRecorded');

type Change = GeneralAuthorisationRegistrationChangedV1['change'];

export function generalAuthorisationIntegrationEvents(
  stored: SourceEvent,
  event: GeneralAuthorisationUserEvent,
  context: MappingContext,
): readonly IntegrationEvent[] {
  const changed = (change: Change, reason: string | null, at: string): readonly IntegrationEvent[] => {
    const user = context.generalAuthorisationUser ?? mappingError(stored, 'needs the folded registration');
    return [
      new Publisher(stored).publish(
        'customs',
        'eu.dual-use.general-authorisation.registration-changed.v1',
        user.registrationId,
        {
          registration: customsRegistration(user),
          change,
          reason,
          effectiveAt: new Date(at).toISOString(),
        },
      ),
    ];
  };
  switch (event.type) {
    case 'GeneralAuthorisationRegistered':
      return changed('REGISTERED', null, event.data.registeredAt);
    case 'GeneralAuthorisationFirstUseNotified':
      // A first use notified on a registered record changes nothing customs acts on.
      return event.data.registration === null ? [] : changed('FIRST_USE_NOTIFIED', null, event.data.notifiedAt);
    case 'GeneralAuthorisationRegistrationRefused':
      return changed('REFUSED', event.data.reason, event.data.refusedAt);
    case 'GeneralAuthorisationRightSuspended':
      return changed('SUSPENDED', event.data.reason, event.data.suspendedAt);
    case 'GeneralAuthorisationRightReinstated':
      return changed('REINSTATED', event.data.finalAssessment, event.data.reinstatedAt);
    case 'GeneralAuthorisationRightWithdrawn':
      return changed('WITHDRAWN', event.data.reason, event.data.withdrawnAt);
    case 'GeneralAuthorisationUseRecorded':
      return [];
    default:
      return assertNever(event, 'general authorisation user event');
  }
}

function customsRegistration(
  user: GeneralAuthorisationUser,
): GeneralAuthorisationRegistrationChangedV1['registration'] {
  return {
    registrationId: user.registrationId,
    authorisation: user.authorisation,
    authorisationKind: user.authorisationKind,
    memberState: user.memberState,
    exporter: { name: user.exporter.name, identifier: { ...user.exporter.identifier } },
    status: user.status,
  };
}
