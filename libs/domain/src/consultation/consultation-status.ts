import type { MemberStateCode } from '../reference/member-states';
import type { ConsultationStatus } from '../licensing/application.events';
import type { Consultation, ConsultationState } from './consultation.decider';
import type { ConsultationOutcome } from './consultation.events';
import { BLOCKING_KINDS, isWithinPeriod } from './consultation.rules';

/**
 * What the application decider needs to know of an application's consultations (IssueDecision's
 * `consultations`): Art 14(1) and Art 16 consultations still open hold a grant back; an Art 14(1)
 * objection forbids it for good. A catch-all never blocks.
 *
 * With `now`, an open consultation whose period has already ended no longer blocks, even if the
 * timer has not yet recorded the lapse: silence took effect at the deadline, and a late reply is
 * refused anyway. Without `now`, only recorded facts count (the conservative reading).
 */
export function consultationStatusFor(consultations: readonly ConsultationState[], now?: Date): ConsultationStatus {
  const existing = consultations.filter(isConsultation);
  const objected = existing.filter(
    (consultation) => consultation.kind === 'ITEMS_LOCATED_ELSEWHERE' && consultation.outcome === 'OBJECTED',
  );
  return {
    blockingOpen: existing.filter((consultation) => isBlocking(consultation, now)).length,
    bindingObjection: objected.length > 0,
    objections: objected.flatMap((consultation) =>
      consultation.replies
        .filter((reply) => reply.answer === 'OBJECTION')
        .map((reply) => ({ memberState: reply.repliedBy, reasons: reply.reasons })),
    ),
  };
}

/** True while the consultation holds a grant back. */
export function isBlocking(consultation: Consultation, now?: Date): boolean {
  if (consultation.status !== 'OPEN' || !BLOCKING_KINDS.includes(consultation.kind)) return false;
  return now === undefined || isWithinPeriod(consultation.deadline, now);
}

/** A denial the application was checked against under Art 16, with what its issuer said. */
export interface ConsultedDenial {
  readonly denialId: string;
  /** The member state that issued the denial (the one consulted). */
  readonly issuingMemberState: MemberStateCode;
  readonly consultationId: string;
  /** Null while the consultation is open. */
  readonly outcome: ConsultationOutcome | null;
}

/**
 * The denials an application was consulted on (Art 16), withdrawn consultations left out. A grant
 * that follows any of them is notified to every member state and the Commission (see
 * grantDespiteDenialNotification), whatever the denying member state answered.
 */
export function consultedDenialsOf(consultations: readonly ConsultationState[]): readonly ConsultedDenial[] {
  return consultations.filter(isConsultation).flatMap((consultation) => {
    const { subject } = consultation;
    if (subject.kind !== 'PRIOR_DENIAL' || consultation.outcome === 'WITHDRAWN') return [];
    const [issuingMemberState] = consultation.consulted;
    if (issuingMemberState === undefined) return [];
    return [
      {
        denialId: subject.denialId,
        issuingMemberState,
        consultationId: consultation.consultationId,
        outcome: consultation.outcome,
      },
    ];
  });
}

function isConsultation(state: ConsultationState): state is Consultation {
  return state.status !== 'NONE';
}
