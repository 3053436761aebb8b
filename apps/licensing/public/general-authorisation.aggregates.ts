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
import { derivedId, StreamCategory } from '@dul/event-store';
import type { Aggregate } from '@dul/platform';
import { ownedBy } from '@dul/platform';

export const generalAuthorisationUserAggregate: Aggregate<
  GeneralAuthorisationUserCommand,
  GeneralAuthorisationUserEvent,
  GeneralAuthorisationUserState
> = {
  category: new StreamCategory('general-authorisation-user'),
  decider: generalAuthorisationUserDecider,
  // Where no registration is required, the first-use notification starts the record.
  mayAct: ownedBy<GeneralAuthorisationUserCommand, GeneralAuthorisationUserState>(
    (state) => (state.status === 'NONE' ? null : state.memberState),
    ['RegisterForGeneralAuthorisation', 'NotifyGeneralAuthorisationFirstUse'],
  ),
};

export const nationalGeneralAuthorisationAggregate: Aggregate<
  NationalGeneralAuthorisationCommand,
  NationalGeneralAuthorisationEvent,
  NationalGeneralAuthorisationState
> = {
  category: new StreamCategory('national-general-authorisation'),
  decider: nationalGeneralAuthorisationDecider,
  mayAct: ownedBy<NationalGeneralAuthorisationCommand, NationalGeneralAuthorisationState>(
    (state) => state.versions[0]?.memberState ?? null,
    'PublishNationalGeneralAuthorisation',
  ),
};

export const administrationFiguresAggregate: Aggregate<
  AdministrationFiguresCommand,
  AdministrationFiguresEvent,
  AdministrationFiguresState
> = {
  category: new StreamCategory('administration-figures'),
  decider: administrationFiguresDecider,
  mayAct: ownedBy<AdministrationFiguresCommand, AdministrationFiguresState>(
    (state) => (state.status === 'NONE' ? null : state.memberState),
    'RecordAdministrationFigures',
  ),
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
