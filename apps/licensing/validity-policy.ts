import type { ApplicationCommand, MemberStateCode, ValidityCaps, ValidityPolicy } from '@dul/domain';
import { validityCapsFor } from '@dul/domain';

/** The per-member-state validity caps (Art 12(3)), from LICENCE_VALIDITY_CAPS. */
export const VALIDITY_POLICY = Symbol.for('dul.ValidityPolicy');

/** The caps of the acting authority; the defaults (24/24/48 months) for a principal without one. */
export function capsOf(policy: ValidityPolicy, memberState: MemberStateCode | null): ValidityCaps {
  return memberState === null ? policy.defaults : validityCapsFor(policy, memberState);
}

/** Adds the authority's caps to the commands whose rules use them; the client never sets them. */
export function withValidityCaps<C extends Omit<ApplicationCommand, 'metadata'>>(command: C, caps: ValidityCaps): C {
  if (
    command.type === 'SubmitApplication' ||
    command.type === 'AmendApplication' ||
    command.type === 'ProposeDecision'
  ) {
    return { ...command, data: { ...command.data, validityCaps: caps } };
  }
  return command;
}
