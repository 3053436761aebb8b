import type { MemberStateCode } from '@dul/domain';
import { hasInvisibleCharacters, normaliseMemberState } from '@dul/domain';
import { forbidden, unauthenticated } from './auth.errors';

/** Every role this product knows, as carried in a token's `roles` claim. */
export const ROLES = ['caseworker', 'approver', 'auditor', 'commission', 'agency'] as const;
export type Role = (typeof ROLES)[number];

/** Roles held inside a member state's competent authority: a token granting one must name that state (`ms`). */
export const AUTHORITY_ROLES: readonly Role[] = ['caseworker', 'approver', 'auditor'];

/** Who is calling, as established from a verified token. */
export interface Principal {
  /** The token's subject: a stable user or client id at the identity provider. */
  readonly sub: string;
  /** The member state whose authority the caller acts for, ISO code ('EL' arrives as 'GR'); null for the Commission or an EU-level agency. */
  readonly ms: MemberStateCode | null;
  /** Known roles only, without duplicates. */
  readonly roles: readonly Role[];
  /** For agency tokens: the streams or audiences the agency may read (the `audiences` claim), when present. */
  readonly audiences?: readonly string[];
}

const KNOWN_ROLES = new Set<string>(ROLES);

export function isRole(value: string): value is Role {
  return KNOWN_ROLES.has(value);
}

/** True when the principal holds at least one of the roles. */
export function hasAnyRole(principal: Principal, roles: readonly Role[]): boolean {
  return roles.some((role) => principal.roles.includes(role));
}

/**
 * The principal a verified token's claims describe. Unknown roles are ignored (identity providers add
 * their own, such as `offline_access`), but a token left with none of ours is refused (FORBIDDEN).
 * Throws UNAUTHENTICATED for a missing subject, one holding whitespace or invisible characters, a malformed claim, a member state outside the EU, or an
 * authority role without a member state.
 */
export function principalFromClaims(claims: Readonly<Record<string, unknown>>): Principal {
  const { sub, ms, roles, audiences } = claims;
  if (typeof sub !== 'string' || sub.trim() === '') {
    throw unauthenticated("token has no subject (the 'sub' claim must be a non-empty string)");
  }
  // 'eve ' or 'eve\u200b' would pass for someone other than eve in every comparison and log line.
  if (hasInvisibleCharacters(sub)) {
    throw unauthenticated("token subject holds whitespace or invisible characters (the 'sub' claim is refused)");
  }
  if (!isStringArray(roles)) {
    throw unauthenticated("token has no valid 'roles' claim (it must be an array of role names)");
  }
  const known = [...new Set(roles.filter(isRole))];
  if (known.length === 0) {
    throw forbidden(`token grants none of this service's roles (${ROLES.join(', ')})`);
  }
  const memberState = memberStateOf(ms);
  const authorityRoles = known.filter((role) => AUTHORITY_ROLES.includes(role));
  if (memberState === null && authorityRoles.length > 0) {
    throw unauthenticated(
      `token grants ${authorityRoles.join(', ')} but names no member state (the 'ms' claim is required for authority roles)`,
    );
  }
  if (audiences !== undefined && !(isStringArray(audiences) && audiences.every((value) => value.trim() !== ''))) {
    throw unauthenticated("token 'audiences' claim must be an array of non-empty strings");
  }
  return { sub, ms: memberState, roles: known, ...(audiences !== undefined ? { audiences } : {}) };
}

function memberStateOf(claim: unknown): MemberStateCode | null {
  if (claim === undefined || claim === null) return null;
  if (typeof claim !== 'string') throw unauthenticated("token 'ms' claim must be a member state code");
  const memberState = normaliseMemberState(claim);
  if (memberState === undefined) {
    throw unauthenticated(`token 'ms' claim '${claim.slice(0, 8)}' is not an EU member state code`);
  }
  return memberState;
}

function isStringArray(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === 'string');
}
