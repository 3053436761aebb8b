import type {
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState,
  LicenceCommand,
  LicenceEvent,
  LicenceState,
} from '@dul/domain';
import { applicationDecider, licenceDecider } from '@dul/domain';
import { StreamCategory } from '@dul/event-store';
import type { Aggregate } from '@dul/platform';
import { ownedBy } from '@dul/platform';

export const applicationAggregate: Aggregate<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  category: new StreamCategory('application'),
  decider: applicationDecider,
  mayAct: ownedBy<ApplicationCommand, ApplicationState>(
    (state) => (state.status === 'NONE' ? null : state.authority),
    'SubmitApplication',
  ),
};

export const licenceAggregate: Aggregate<LicenceCommand, LicenceEvent, LicenceState> = {
  category: new StreamCategory('licence'),
  decider: licenceDecider,
  // Licences are created by the licence issuer from a grant, never through the API.
  mayAct: ownedBy<LicenceCommand, LicenceState>(
    (state) => (state.status === 'NONE' ? null : state.issuingMemberState),
    'IssueLicence',
  ),
};
