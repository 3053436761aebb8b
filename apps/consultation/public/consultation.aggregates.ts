import type {
  ConsultationCommand,
  ConsultationEvent,
  ConsultationState,
  DenialCommand,
  DenialEvent,
  DenialState,
} from '@dul/domain';
import { consultationDecider, denialDecider } from '@dul/domain';
import type { Aggregate } from '@dul/platform';

export const consultationAggregate: Aggregate<ConsultationCommand, ConsultationEvent, ConsultationState> = {
  category: 'consultation',
  decider: consultationDecider,
  // Only the consulting and the consulted member states act on a consultation; to anyone else it
  // does not exist. Consultations are opened by the processes, never through the API.
  mayAct: (state, principal) =>
    state.status !== 'NONE' && principal.ms !== null && [state.requester, ...state.consulted].includes(principal.ms),
};

export const denialAggregate: Aggregate<DenialCommand, DenialEvent, DenialState> = {
  category: 'denial',
  decider: denialDecider,
  // The register is EU-wide: every authority may address an entry; the decider lets only the issuing
  // member state review it (Art 16(2)). Entries are made by the denial notifier, never the API.
  mayAct: (state) => state.status !== 'NONE',
};
