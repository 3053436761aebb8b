import type { CommandMetadata } from '../decider';
import type { GeneralAuthorisationVersion } from '../general-authorisations/general-authorisation.reference';
import { UNION_GENERAL_AUTHORISATIONS } from '../general-authorisations/general-authorisation.reference';
import type { RegisterForGeneralAuthorisation } from '../general-authorisations/general-authorisation-user.commands';

/** Metadata of a command by a German (BAFA) officer at `now`. */
export function bafaAt(now: string): CommandMetadata {
  return { actor: 'alice@bafa', memberState: 'DE', now: new Date(now), correlationId: 'c-1' };
}

export const EU001 = UNION_GENERAL_AUTHORISATIONS.find(
  (version) => version.code === 'EU001',
) as GeneralAuthorisationVersion;

/** A German exporter registers as user `registrationId` of EU001 on 1 February 2025. */
export function registerForEu001(registrationId = 'reg-1'): RegisterForGeneralAuthorisation {
  return {
    type: 'RegisterForGeneralAuthorisation',
    data: {
      registrationId,
      authorisation: EU001,
      exporter: {
        name: 'Rhein Optics GmbH',
        identifier: { scheme: 'EORI', value: 'de123456789012345' },
        address: 'Köln',
      },
    },
    metadata: bafaAt('2025-02-01T09:00:00Z'),
  };
}
