import type {
  ApplicationCommand,
  ApplicationEvent,
  ApplicationState,
  LicenceCommand,
  LicenceEvent,
  LicenceState,
} from '@dul/domain';
import { applicationDecider, licenceDecider } from '@dul/domain';
import type { Aggregate } from '@dul/platform';

export const applicationAggregate: Aggregate<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  category: 'application',
  decider: applicationDecider,
  owner: (state) => (state.status === 'NONE' ? null : state.authority),
  creates: 'SubmitApplication',
};

export const licenceAggregate: Aggregate<LicenceCommand, LicenceEvent, LicenceState> = {
  category: 'licence',
  decider: licenceDecider,
  owner: (state) => (state.status === 'NONE' ? null : state.issuingMemberState),
  // Licences are created by the licence issuer from a grant, never through the API.
  creates: 'IssueLicence',
};
