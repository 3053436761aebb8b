import type {
  AdministrationFiguresCommand,
  AdministrationFiguresEvent,
  AdministrationFiguresState,
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState,
  NationalGeneralAuthorisationCommand,
  NationalGeneralAuthorisationEvent,
  NationalGeneralAuthorisationState,
} from '@dul/domain';
import {
  administrationFiguresDecider,
  generalAuthorisationUserDecider,
  nationalGeneralAuthorisationDecider,
} from '@dul/domain';
import { derivedId } from '@dul/event-store';
import type { Aggregate } from '@dul/platform';

export const generalAuthorisationUserAggregate: Aggregate<
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState
> = {
  category: 'general-authorisation-user',
  decider: generalAuthorisationUserDecider,
  owner: (state) => (state.status === 'NONE' ? null : state.memberState),
  // Where no registration is required, the first-use notification starts the record.
  creates: ['RegisterForGeneralAuthorisation', 'NotifyGeneralAuthorisationFirstUse'],
};

export const nationalGeneralAuthorisationAggregate: Aggregate<
  NationalGeneralAuthorisationCommand,
  NationalGeneralAuthorisationEvent,
  NationalGeneralAuthorisationState
> = {
  category: 'national-general-authorisation',
  decider: nationalGeneralAuthorisationDecider,
  owner: (state) => state.versions[0]?.memberState ?? null,
  creates: 'PublishNationalGeneralAuthorisation',
};

export const administrationFiguresAggregate: Aggregate<
  AdministrationFiguresCommand,
  AdministrationFiguresEvent,
  AdministrationFiguresState
> = {
  category: 'administration-figures',
  decider: administrationFiguresDecider,
  owner: (state) => (state.status === 'NONE' ? null : state.memberState),
  creates: 'RecordAdministrationFigures',
};

/** One record per exporter, authorisation and authority: registering twice is refused, not duplicated. */
export function registrationIdFor(
  memberState: string,
  authorisation: string,
  identifier: { readonly scheme: string; readonly value: string },
): string {
  return derivedId(
    `general-authorisation-user:${memberState}:${authorisation}:${identifier.scheme}:${identifier.value.trim().toUpperCase()}`,
  );
}
