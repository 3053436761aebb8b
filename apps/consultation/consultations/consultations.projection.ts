import type { Consultation, ConsultationEvent, ConsultationState, ConsultedWidening } from '@dul/domain';
import { CONSULTATION_EVENT_TYPES, consultationDecider } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { toDomainEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { consultationAggregate } from '../public/consultation.aggregates';
import { CONSULTATIONS_PROJECTION } from '../public/consultation-board';

/** The EU consultation board: one document per consultation, readable by its participants. */
export interface ConsultationDocument {
  readonly id: string;
  readonly kind: Consultation['kind'];
  readonly applicationId: string | null;
  /** The widening of the application's licence it is about (Art 14(1), Art 16); null when about the application. */
  readonly widening: ConsultedWidening | null;
  readonly requester: string;
  readonly consulted: readonly string[];
  /** Requester, consulted member states, and COMMISSION when it is informed: who may read it. */
  readonly participants: readonly string[];
  readonly status: Consultation['status'];
  readonly outcome: Consultation['outcome'];
  readonly deadlineLastDay: string;
  readonly deadlineEndsAt: string;
  readonly openedAt: string;
  /** The period and the meaning of silence as opened, with the settings they came from (text, practice, reading). */
  readonly rules: Consultation['rules'];
  /** The rule that closed it: an answer, silence under which setting, or a withdrawal; null while open. */
  readonly closingRule: Consultation['closingRule'];
  /** Art 14(2): the request (null for other kinds). */
  readonly securityInterest: {
    readonly request: string;
    readonly licenceId: string | null;
    readonly grantNotifiedAt: string | null;
  } | null;
  readonly version: number;
  readonly position: number;
  readonly consultation: Consultation;
}

export const consultationsProjection: Projection<ConsultationDocument> = {
  name: CONSULTATIONS_PROJECTION,
  handles: CONSULTATION_EVENT_TYPES,
  // The board: an authority's own consultations (requester) or those it takes part in; a case
  // queue page asks for the deadlines of its own applications (applicationId).
  indexes: { equality: ['requester', 'applicationId'], membership: ['participants', 'consulted'] },
  documentId: (event: StoredEvent) => consultationAggregate.category.idOrNull(event.streamId),
  evolve: (document, event) => {
    const previous: ConsultationState = document?.consultation ?? consultationDecider.initialState();
    const state = consultationDecider.evolve(previous, toDomainEvent<ConsultationEvent>(event));
    if (state.status === 'NONE') return document;
    return {
      id: state.consultationId,
      kind: state.kind,
      applicationId: state.subject.applicationId,
      widening: 'widening' in state.subject ? (state.subject.widening ?? null) : null,
      requester: state.requester,
      consulted: state.consulted,
      participants: [state.requester, ...state.consulted, ...(state.commissionInformed ? ['COMMISSION'] : [])],
      status: state.status,
      outcome: state.outcome,
      deadlineLastDay: state.deadline.lastDay,
      deadlineEndsAt: state.deadline.endsAt,
      openedAt: state.openedAt,
      rules: state.rules,
      closingRule: state.closingRule,
      securityInterest:
        state.subject.kind === 'SECURITY_INTEREST'
          ? {
              request: state.subject.request,
              licenceId: state.subject.licenceId,
              grantNotifiedAt: state.grantNotified?.notifiedAt ?? null,
            }
          : null,
      version: event.streamVersion,
      position: event.globalPosition,
      consultation: state,
    };
  },
};
