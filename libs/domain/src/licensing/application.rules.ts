import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { isMemberState } from '../reference/member-states';
import type { ApplicationContent, ApplicationKind } from './application.content';
import { assertValidityWithinLimit } from './validity';

/**
 * Kinds whose destination is outside the Union by definition: exports (Art 2(2)), brokering between
 * third countries (Art 2(7)) and transit (Art 2(11)). Technical assistance may be given inside the
 * Union (Art 2(9)), so its destination is not constrained.
 */
const THIRD_COUNTRY_KINDS: ReadonlySet<ApplicationKind> = new Set<ApplicationKind>([
  'INDIVIDUAL',
  'GLOBAL',
  'LARGE_PROJECT',
  'BROKERING',
  'TRANSIT',
]);

/**
 * The member states whose authority may register the application (Art 12(2)): the exporter's member
 * state of establishment; for an exporter outside the Union, any member state where at least one item
 * is located. "Any", not "all": items spread over several member states are still one application,
 * and Art 14(1) makes the deciding authority consult the others where the rest of the items are.
 */
export function competentMemberStates(content: ApplicationContent): readonly MemberStateCode[] {
  const established = content.exporter.memberStateOfEstablishment;
  if (established !== null) return [established];
  const locations = content.items.map((item) => item.memberStateWhereLocated).filter((ms) => ms !== null);
  return [...new Set(locations)];
}

/** Refuses (FORBIDDEN 'competent-authority') an authority that is not competent for the content. */
export function assertCompetentAuthority(authority: MemberStateCode, content: ApplicationContent): void {
  const competent = competentMemberStates(content);
  if (competent.includes(authority)) return;
  const who = competent.length === 0 ? 'no member state (no item is located in the Union)' : competent.join(', ');
  throw refuse.forbidden(
    'competent-authority',
    `${authority} is not competent for this application: competent is ${who} (Art 12(2))`,
  );
}

/** The business rules on what an application must carry for its kind; each refuses with RULE_VIOLATED. */
export function assertContentRules(
  kind: ApplicationKind,
  content: ApplicationContent,
  authority: MemberStateCode,
): void {
  assertDestinationFitsKind(kind, content.destinationCountry, authority);
  assertEndUseStatement(kind, content);
  assertInternalComplianceProgramme(kind, content);
  assertLargeProjectNamed(kind, content);
  assertValidityWithinLimit(kind, content.requestedValidityMonths, content.validityJustification);
}

function assertDestinationFitsKind(kind: ApplicationKind, destination: string, authority: MemberStateCode): void {
  if (THIRD_COUNTRY_KINDS.has(kind) && isMemberState(destination)) {
    throw refuse.ruleViolated(
      'destination-outside-union',
      `a ${kind} authorisation needs a destination outside the EU; ${destination} is a member state`,
    );
  }
  if (kind === 'INTRA_EU_TRANSFER' && (!isMemberState(destination) || destination === authority)) {
    throw refuse.ruleViolated(
      'intra-eu-destination',
      `an intra-EU transfer goes to a member state other than the issuing one (${authority}); got ${destination}`,
    );
  }
}

function assertEndUseStatement(kind: ApplicationKind, content: ApplicationContent): void {
  if (kind !== 'INDIVIDUAL' || content.endUseStatement !== null || content.endUseStatementExemption !== null) return;
  throw refuse.ruleViolated(
    'end-use-statement-required',
    'an individual licence needs an end-use statement unless the authority records an exemption reason',
  );
}

function assertInternalComplianceProgramme(kind: ApplicationKind, content: ApplicationContent): void {
  if (kind !== 'GLOBAL' || content.icpDeclared || content.icpWaiverReason !== null) return;
  throw refuse.ruleViolated(
    'icp-required',
    'a global licence needs a declared internal compliance programme unless a waiver reason is recorded (Art 12(4))',
  );
}

function assertLargeProjectNamed(kind: ApplicationKind, content: ApplicationContent): void {
  if (kind !== 'LARGE_PROJECT' || content.largeProjectName !== null) return;
  throw refuse.ruleViolated('large-project-name-required', 'a large-project authorisation names its project');
}
