import type { DomainEvent } from '../decider';
import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { otherMemberStates } from '../reference/member-states';
import { requiredText } from '../licensing/application.content';
import type { ConsultedDenial } from '../consultation/consultation-status';

/*
 * Art 16: an authority may grant a licence for a transaction that another member state denied (there
 * is no veto), but after consulting it must tell every member state and the Commission, with its
 * reasons. The fact belongs to the application that was granted, so this event is meant for the
 * application's stream, appended together with the grant's DecisionIssued: one append, so there is
 * no grant without its notification. It is defined here, next to the register it refers to, because
 * the licensing events belong to another slice; ApplicationEvent must list it (evolve: no change of
 * state) before the licensing service appends it there.
 */

export type GrantDespiteDenialNotified = DomainEvent<
  'GrantDespiteDenialNotified',
  {
    readonly applicationId: string;
    readonly grantingMemberState: MemberStateCode;
    /** Every other member state and the Commission. */
    readonly recipients: { readonly memberStates: readonly MemberStateCode[]; readonly commission: true };
    /** Why the authority grants despite the denial(s). */
    readonly reasons: string;
    /** Each denial consulted on, with what its issuer answered (or how the consultation ended). */
    readonly denials: readonly ConsultedDenial[];
    readonly notifiedBy: string;
    readonly grantedAt: string;
  }
>;

/**
 * The GrantDespiteDenialNotified event for a grant that follows Art 16 consultations (see
 * consultedDenialsOf). Notified whatever the denying member states answered: the obligation attaches
 * to a grant "following such consultation", and the answers travel with it so every recipient sees
 * them. Refuses a grant without reasons (RULE_VIOLATED), while a consultation is still open, with no
 * denial, or with a denial of the granting member state itself (INVALID).
 */
export function grantDespiteDenialNotification(input: {
  readonly applicationId: string;
  readonly grantingMemberState: MemberStateCode;
  readonly reasons: string;
  readonly denials: readonly ConsultedDenial[];
  readonly notifiedBy: string;
  readonly at: Date;
}): GrantDespiteDenialNotified {
  const denials = uniqueByDenial(input.denials);
  if (denials.length === 0) {
    throw refuse.invalid('denials-required', 'a grant despite a denial names at least one denial');
  }
  const own = denials.find((denial) => denial.issuingMemberState === input.grantingMemberState);
  if (own !== undefined) {
    throw refuse.invalid(
      'denial-of-another-member-state',
      `denial ${own.denialId} is ${input.grantingMemberState}'s own; Art 16 concerns other member states' denials`,
    );
  }
  const open = denials.filter((denial) => denial.outcome === null);
  if (open.length > 0) {
    throw refuse.ruleViolated(
      'consultation-open',
      `the consultation on denial(s) ${open.map((denial) => denial.denialId).join(', ')} is still open`,
    );
  }
  const reasons = typeof input.reasons === 'string' ? input.reasons.trim() : '';
  if (reasons === '') {
    throw refuse.ruleViolated(
      'grant-despite-denial-reasons',
      'a grant despite a denial is notified with the reasons for it (Art 16)',
    );
  }
  return {
    type: 'GrantDespiteDenialNotified',
    data: {
      applicationId: requiredText(input.applicationId, 'applicationId'),
      grantingMemberState: input.grantingMemberState,
      recipients: { memberStates: otherMemberStates(input.grantingMemberState), commission: true },
      reasons,
      denials,
      notifiedBy: input.notifiedBy,
      grantedAt: input.at.toISOString(),
    },
  };
}

function uniqueByDenial(denials: readonly ConsultedDenial[]): readonly ConsultedDenial[] {
  const seen = new Set<string>();
  return denials.filter((denial) => {
    if (seen.has(denial.denialId)) return false;
    seen.add(denial.denialId);
    return true;
  });
}
