import { refuse } from '../refusals';
import type { ApplicationKind } from './application.content';
import { APPLICATION_KINDS } from './application.content';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';

/** Validity caps in months by kind; a kind without a cap follows national practice. */
export type ValidityCaps = Readonly<Partial<Record<ApplicationKind, number>>>;

/**
 * Default caps (Art 12(3)): individual and global authorisations are valid up to two years "unless
 * the competent authority decides otherwise"; large projects up to four years "except in duly
 * justified circumstances". So these are defaults, not limits: each member state may set its own
 * (ValidityPolicy, from configuration), and a longer term is allowed when the authority records its
 * reason. Brokering, technical assistance, transit and intra-EU transfer follow national practice.
 */
export const DEFAULT_VALIDITY_CAPS: ValidityCaps = {
  INDIVIDUAL: 24,
  GLOBAL: 24,
  LARGE_PROJECT: 48,
};

/** @deprecated the defaults, kept for callers; use validityCapsFor(policy, memberState). */
export const MAX_VALIDITY_MONTHS: ValidityCaps = DEFAULT_VALIDITY_CAPS;

/** The validity caps of every member state: a default and per-member-state overrides (configuration). */
export interface ValidityPolicy {
  readonly defaults: ValidityCaps;
  readonly byMemberState: Readonly<Partial<Record<MemberStateCode, ValidityCaps>>>;
}

export const DEFAULT_VALIDITY_POLICY: ValidityPolicy = { defaults: DEFAULT_VALIDITY_CAPS, byMemberState: {} };

/** The caps that apply to one member state's authority: its overrides over the defaults. */
export function validityCapsFor(policy: ValidityPolicy, memberState: MemberStateCode): ValidityCaps {
  return { ...policy.defaults, ...(policy.byMemberState[memberState] ?? {}) };
}

/**
 * Parses the configuration text `DE:INDIVIDUAL=36,GLOBAL=24;FR:INDIVIDUAL=12` (member state, then
 * kind=months pairs; `*` for every member state). Throws an Error naming the part that is wrong.
 */
export function parseValidityPolicy(text: string): ValidityPolicy {
  let defaults: ValidityCaps = DEFAULT_VALIDITY_CAPS;
  const byMemberState: Partial<Record<MemberStateCode, ValidityCaps>> = {};
  for (const part of text
    .split(';')
    .map((piece) => piece.trim())
    .filter((piece) => piece !== '')) {
    const [who = '', pairs = ''] = part.split(':');
    const caps: Partial<Record<ApplicationKind, number>> = {};
    for (const pair of pairs.split(',')) {
      const [kind = '', months = ''] = pair.split('=').map((piece) => piece.trim());
      if (!(APPLICATION_KINDS as readonly string[]).includes(kind) || !/^[0-9]{1,3}$/.test(months)) {
        throw new Error(`'${pair}' in '${part}' must be KIND=months with KIND one of ${APPLICATION_KINDS.join(', ')}`);
      }
      const value = Number(months);
      if (value < 1 || value > ABSOLUTE_MAX_VALIDITY_MONTHS) {
        throw new Error(`'${pair}': months must be from 1 to ${ABSOLUTE_MAX_VALIDITY_MONTHS}`);
      }
      caps[kind as ApplicationKind] = value;
    }
    if (who.trim() === '*') {
      defaults = { ...defaults, ...caps };
      continue;
    }
    const memberState = normaliseMemberState(who);
    if (memberState === undefined) throw new Error(`'${who}' in '${part}' is not a member state code (or *)`);
    byMemberState[memberState] = { ...(byMemberState[memberState] ?? {}), ...caps };
  }
  return { defaults, byMemberState };
}

/**
 * No authorisation runs longer than this, whatever the kind: a bound on input, not a legal limit, so a
 * typo of a million months is refused as invalid instead of overflowing the date arithmetic.
 */
export const ABSOLUTE_MAX_VALIDITY_MONTHS = 240;

/**
 * Refuses (RULE_VIOLATED 'validity-limit') a validity beyond the member state's cap for the kind
 * unless a reason is recorded (Art 12(3): "unless the competent authority decides otherwise").
 */
export function assertValidityWithinLimit(
  kind: ApplicationKind,
  months: number,
  justification: string | null,
  caps: ValidityCaps = DEFAULT_VALIDITY_CAPS,
): void {
  if (!Number.isInteger(months) || months < 1 || months > ABSOLUTE_MAX_VALIDITY_MONTHS) {
    throw refuse.invalid(
      'validity-range',
      `validity must be a whole number of months from 1 to ${ABSOLUTE_MAX_VALIDITY_MONTHS} (asked: ${months})`,
    );
  }
  const maximum = caps[kind];
  if (maximum === undefined || months <= maximum) return;
  if (justification !== null && justification.trim() !== '') return;
  throw refuse.ruleViolated(
    'validity-limit',
    `${kind} authorisations are valid for at most ${maximum} months here unless the authority records a reason (validityJustification; Art 12(3)) (asked: ${months})`,
  );
}

/**
 * The same instant `months` calendar months later, in UTC; a day that does not exist in the target
 * month falls back to its last day (31 January + 1 month = 28 or 29 February), so validity never
 * spills into the month after.
 */
export function addCalendarMonths(from: Date, months: number): Date {
  const target = new Date(from.getTime());
  target.setUTCDate(1);
  target.setUTCMonth(target.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(from.getUTCDate(), lastDay));
  return target;
}
