import type { ConsultedDenial } from '../consultation/consultation-status';
import { refuse } from '../refusals';
import type { ConsultationStatus, DecisionOutcome, RiskOverride } from './application.events';
import { DECISION_OUTCOMES } from './application.events';
import type { Art15Ground } from './art16-notification';
import { ART15_GROUNDS } from './art16-notification';
import { sameSubject } from '../identity/subject.rules';

/** What a proposal or an issued decision says. */
export interface DecisionTerms {
  readonly outcome: DecisionOutcome;
  readonly art15Grounds: readonly Art15Ground[];
  readonly conditions: readonly string[];
}

/** A raised risk flag as the decision rules see it. */
export interface OpenRiskFlag {
  readonly flagId: string;
  readonly ground: string;
}

/** True for both kinds of grant. */
export function isGrant(outcome: DecisionOutcome): boolean {
  return outcome !== 'DENY';
}

/**
 * Checks a decision's terms: a known outcome and known Art 15 grounds (INVALID); a denial states at
 * least one ground; conditions come with, and only with, a conditional grant (RULE_VIOLATED).
 * Returns the terms with conditions trimmed and duplicates dropped.
 */
export function checkedDecisionTerms(terms: DecisionTerms): DecisionTerms {
  assertKnownOutcome(terms.outcome);
  assertKnownGrounds(terms.art15Grounds);
  const conditions = [...new Set(terms.conditions.map((condition) => condition.trim()).filter((c) => c !== ''))];
  const art15Grounds = [...new Set(terms.art15Grounds)];
  if (terms.outcome === 'DENY' && art15Grounds.length === 0) {
    throw refuse.ruleViolated('denial-grounds-required', 'a denial states at least one Art 15 ground');
  }
  if (terms.outcome === 'GRANT_WITH_CONDITIONS' && conditions.length === 0) {
    throw refuse.ruleViolated('conditions-required', 'a grant with conditions lists at least one condition');
  }
  if (terms.outcome !== 'GRANT_WITH_CONDITIONS' && conditions.length > 0) {
    throw refuse.ruleViolated(
      'conditions-only-on-conditional-grant',
      `a ${terms.outcome} decision carries no conditions`,
    );
  }
  return { outcome: terms.outcome, art15Grounds, conditions };
}

/**
 * Four-eyes: whoever proposed a decision may not issue it (FORBIDDEN 'four-eyes'). Subjects are
 * compared after NFKC and case folding, so `eve` cannot decide as `EVE` (identity/subject.rules.ts).
 */
export function assertFourEyes(issuer: string, proposer: string): void {
  if (!sameSubject(issuer, proposer)) return;
  throw refuse.forbidden('four-eyes', 'the approver who issues a decision must not be the caseworker who proposed it');
}

/**
 * The approver issues the proposed outcome or a denial, never a more favourable outcome than proposed:
 * turning a proposed denial into a grant needs a new proposal, so two people stand behind every grant.
 */
export function assertOutcomeFollowsProposal(issued: DecisionOutcome, proposed: DecisionOutcome): void {
  if (issued === proposed || issued === 'DENY') return;
  throw refuse.ruleViolated(
    'issued-outcome-follows-proposal',
    `the approver may issue the proposed ${proposed} or DENY, not ${issued}`,
  );
}

/** An approver may add conditions to a proposed conditional grant, never drop one. */
export function assertProposedConditionsKept(issued: DecisionTerms, proposed: DecisionTerms): void {
  if (issued.outcome !== 'GRANT_WITH_CONDITIONS' || proposed.outcome !== 'GRANT_WITH_CONDITIONS') return;
  const dropped = proposed.conditions.filter((condition) => !issued.conditions.includes(condition));
  if (dropped.length === 0) return;
  throw refuse.ruleViolated(
    'approver-keeps-proposed-conditions',
    `the issued grant drops proposed conditions: ${dropped.join('; ')}`,
  );
}

/** Checks the consultation status the consultation module supplied (INVALID when malformed). */
export function checkedConsultationStatus(status: ConsultationStatus | undefined): ConsultationStatus {
  const valid =
    status !== undefined &&
    Number.isInteger(status.blockingOpen) &&
    status.blockingOpen >= 0 &&
    typeof status.bindingObjection === 'boolean';
  if (!valid) {
    throw refuse.invalid(
      'consultation-status',
      'consultations must give blockingOpen (a whole number, 0 or more) and bindingObjection (true or false)',
    );
  }
  return {
    blockingOpen: status.blockingOpen,
    bindingObjection: status.bindingObjection,
    ...(Array.isArray(status.objections) && { objections: status.objections }),
  };
}

/**
 * Checks the Art 16 prior denials the consultation module supplied (INVALID when malformed); none
 * when absent. What they mean for a grant is grantDespiteDenialNotification's to say.
 */
export function checkedPriorDenials(priorDenials: readonly ConsultedDenial[] | undefined): readonly ConsultedDenial[] {
  if (priorDenials === undefined || priorDenials === null) return [];
  const list: unknown = priorDenials;
  const valid =
    Array.isArray(list) &&
    priorDenials.every(
      (denial: ConsultedDenial | null) =>
        typeof denial === 'object' &&
        denial !== null &&
        typeof denial.denialId === 'string' &&
        denial.denialId.trim() !== '' &&
        typeof denial.issuingMemberState === 'string' &&
        typeof denial.consultationId === 'string',
    );
  if (!valid) {
    throw refuse.invalid(
      'prior-denials',
      'priorDenials must list the consulted denials, each with denialId, issuingMemberState and consultationId',
    );
  }
  return priorDenials;
}

/** Art 14(1): an objection by the member state where items are located binds; no grant. */
export function assertNoBindingObjection(status: ConsultationStatus): void {
  if (!status.bindingObjection) return;
  const named = (status.objections ?? []).map(
    (objection) => `${objection.memberState}${objection.reasons ? ` ("${objection.reasons}")` : ''}`,
  );
  throw refuse.ruleViolated(
    'art14-binding-objection',
    `objection by ${named.length > 0 ? named.join(', ') : 'a member state where the items are located'} ` +
      'under Art 14(1) binds: the licence cannot be granted',
  );
}

/** No grant while a consultation that must be awaited is still within its reply period. */
export function assertNoBlockingConsultationOpen(status: ConsultationStatus): void {
  if (status.blockingOpen === 0) return;
  throw refuse.ruleViolated(
    'consultation-open',
    `${status.blockingOpen} consultation(s) still await a reply; a grant must wait for them`,
  );
}

/**
 * A grant needs every raised risk flag cleared, or an override reason naming why the authority grants
 * anyway (recorded in the decision). A SANCTIONS flag cannot be overridden: a sanctions prohibition is
 * not the authority's to weigh, so the flag must be cleared (found not to apply) first.
 */
export function riskOverrideFor(openFlags: readonly OpenRiskFlag[], reason: string | null): RiskOverride | null {
  if (openFlags.length === 0) return null;
  const sanctions = openFlags.filter((flag) => flag.ground === 'SANCTIONS');
  if (sanctions.length > 0) {
    throw refuse.ruleViolated(
      'sanctions-flag-blocks-grant',
      `sanctions flag(s) ${ids(sanctions)} must be cleared before a grant; they cannot be overridden`,
    );
  }
  if (reason === null) {
    throw refuse.ruleViolated(
      'open-risk-flags-block-grant',
      `risk flag(s) ${ids(openFlags)} are raised: clear them or give an override reason`,
    );
  }
  return { reason, flagIds: openFlags.map((flag) => flag.flagId) };
}

function assertKnownOutcome(outcome: DecisionOutcome): void {
  if ((DECISION_OUTCOMES as readonly string[]).includes(outcome)) return;
  throw refuse.invalid('decision-outcome', `outcome must be one of ${DECISION_OUTCOMES.join(', ')}`);
}

function assertKnownGrounds(grounds: readonly Art15Ground[]): void {
  const unknown = grounds.filter((ground) => !(ART15_GROUNDS as readonly string[]).includes(ground));
  if (unknown.length === 0) return;
  throw refuse.invalid(
    'art15-ground',
    `unknown Art 15 ground(s) ${unknown.join(', ')}; known: ${ART15_GROUNDS.join(', ')}`,
  );
}

function ids(flags: readonly OpenRiskFlag[]): string {
  return flags.map((flag) => flag.flagId).join(', ');
}
