import type {
  ConsultationCommand,
  ConsultationEvent,
  ConsultationState,
  DenialCommand,
  DenialEvent,
  DenialState,
} from '@dul/domain';
import { consultationDecider, denialDecider } from '@dul/domain';
import { StreamCategory } from '@dul/event-store';
import type { Aggregate } from '@dul/platform';

export const consultationAggregate: Aggregate<ConsultationCommand, ConsultationEvent, ConsultationState> = {
  category: new StreamCategory('consultation'),
  decider: consultationDecider,
  // Only the consulting and the consulted member states act on a consultation; to anyone else it
  // does not exist. Consultations are opened by the processes, except an Art 14(2) request, which a
  // member state makes through the API (its handler takes whom to consult from the record). Lapses
  // and grant notifications come from processes only.
  mayAct: (state, principal, command) => {
    if (principal.ms === null) return false;
    if (state.status === 'NONE') {
      return command.type === 'OpenConsultation' && command.data.kind === 'SECURITY_INTEREST';
    }
    if (command.type === 'LapseConsultationDeadline' || command.type === 'NotifyGrantDespiteSecurityInterest') {
      return false;
    }
    return [state.requester, ...state.consulted].includes(principal.ms);
  },
};

export const denialAggregate: Aggregate<DenialCommand, DenialEvent, DenialState> = {
  category: new StreamCategory('denial'),
  decider: denialDecider,
  // The register is EU-wide: every authority may address an entry; the decider lets only the issuing
  // member state review it (Art 16(2)). Entries are made by the denial notifier, never the API.
  mayAct: (state) => state.status !== 'NONE',
};
