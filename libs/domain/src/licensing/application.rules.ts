import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { isMemberState } from '../reference/member-states';
import type { ApplicationContent, ApplicationKind } from './application.content';
import type { ValidityCaps } from './validity';
import { assertValidityWithinLimit, DEFAULT_VALIDITY_CAPS } from './validity';
import type { AnnexIvReference } from '../reference/annex-iv';
import { ANNEX_IV_FIXTURE } from '../reference/annex-iv';

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

/** Who may issue an authorisation of a kind, and the article that says so. */
export interface Competence {
  /** The member states whose authority is competent; `'ANY'` where the content cannot tell (see below). */
  readonly memberStates: readonly MemberStateCode[] | 'ANY';
  readonly article: string;
  /** Set when nobody is competent: why, for the refusal. */
  readonly refusal?: { readonly rule: string; readonly message: string };
}

function locationsOf(content: ApplicationContent): MemberStateCode[] {
  const located = content.items.map((item) => item.memberStateWhereLocated).filter((ms) => ms !== null);
  return [...new Set(located)];
}

/**
 * The member states whose authority may issue the authorisation, by kind:
 * - individual export (Art 12(2)): the exporter's member state of residence or establishment; an
 *   exporter outside the Union gets only an individual licence, from a member state where items are
 *   located. "A", not "every": the others are consulted under Art 14(1) where the law requires it.
 * - global and large-project (Art 12(2)): the exporter's member state only; an exporter outside the
 *   Union cannot have one. Reading: a large-project authorisation is treated as global for this rule,
 *   since Art 12(2) lets a non-EU exporter have only an individual authorisation.
 * - brokering (Art 6) and technical assistance (Art 8): the member state where the broker or provider
 *   is resident or established: `services.provider`, or the applicant (exporter) on applications
 *   recorded before issue 10, which named no provider. Reading: for one outside the Union the member
 *   state from which the services are provided is competent; the form does not carry it, so any
 *   authority may register and attests it by registering.
 * - transit (Art 7): the member state of transit as stated (`transit.memberStateOfTransit`); on
 *   applications recorded before issue 10, read as the member state where the items are.
 * - intra-EU transfer of Annex IV items (Art 11): the member state of dispatch, read as the member state
 *   where the items are located (the exporter's when no location is given).
 */
export function competenceFor(kind: ApplicationKind, content: ApplicationContent): Competence {
  const established = content.exporter.memberStateOfEstablishment;
  const located = locationsOf(content);
  const provider = content.services ? content.services.provider.memberStateOfEstablishment : established;
  switch (kind) {
    case 'INDIVIDUAL':
      return { memberStates: established !== null ? [established] : located, article: 'Art 12(2)' };
    case 'GLOBAL':
    case 'LARGE_PROJECT':
      if (established !== null) return { memberStates: [established], article: 'Art 12(2)' };
      return {
        memberStates: [],
        article: 'Art 12(2)',
        refusal: {
          rule: 'non-eu-exporter-individual-only',
          message: `an exporter established outside the Union may be granted only an individual licence, not a ${kind} one (Art 12(2))`,
        },
      };
    case 'BROKERING':
      return { memberStates: provider !== null ? [provider] : 'ANY', article: 'Art 6' };
    case 'TECHNICAL_ASSISTANCE':
      return { memberStates: provider !== null ? [provider] : 'ANY', article: 'Art 8' };
    case 'TRANSIT':
      return { memberStates: content.transit ? [content.transit.memberStateOfTransit] : located, article: 'Art 7' };
    case 'INTRA_EU_TRANSFER':
      return {
        memberStates: located.length > 0 ? located : established !== null ? [established] : [],
        article: 'Art 11',
      };
    default:
      return { memberStates: [], article: 'Art 12(2)' };
  }
}

/** The competent member states for an individual export (kept for callers that predate kinds). */
export function competentMemberStates(
  content: ApplicationContent,
  kind: ApplicationKind = 'INDIVIDUAL',
): readonly MemberStateCode[] {
  const competence = competenceFor(kind, content);
  return competence.memberStates === 'ANY' ? [] : competence.memberStates;
}

/**
 * Refuses an authority that is not competent for the kind and content: FORBIDDEN 'competent-authority'
 * naming the article, or RULE_VIOLATED when no authority could be (a global licence for a non-EU exporter).
 */
export function assertCompetentAuthority(
  authority: MemberStateCode,
  content: ApplicationContent,
  kind: ApplicationKind = 'INDIVIDUAL',
): void {
  const competence = competenceFor(kind, content);
  if (competence.refusal !== undefined) throw refuse.ruleViolated(competence.refusal.rule, competence.refusal.message);
  if (competence.memberStates === 'ANY' || competence.memberStates.includes(authority)) return;
  const who =
    competence.memberStates.length === 0
      ? 'no member state (no item is located in the Union)'
      : competence.memberStates.join(', ');
  throw refuse.forbidden(
    'competent-authority',
    `${authority} is not competent for this ${kind} application: competent is ${who} (${competence.article})`,
  );
}

/** The business rules on what an application must carry for its kind; each refuses with RULE_VIOLATED. */
export function assertContentRules(
  kind: ApplicationKind,
  content: ApplicationContent,
  authority: MemberStateCode,
  annexIv: AnnexIvReference = ANNEX_IV_FIXTURE,
  validityCaps: ValidityCaps = DEFAULT_VALIDITY_CAPS,
): void {
  assertKindParts(kind, content);
  assertDestinationFitsKind(kind, content.destinationCountry, authority);
  assertIntraEuTransferNeedsLicence(kind, content, annexIv);
  assertEndUseStatement(kind, content);
  assertInternalComplianceProgramme(kind, content);
  assertLargeProjectNamed(kind, content);
  assertValidityWithinLimit(kind, content.requestedValidityMonths, content.validityJustification, validityCaps);
}

const SERVICE_KINDS: ReadonlySet<ApplicationKind> = new Set<ApplicationKind>(['BROKERING', 'TECHNICAL_ASSISTANCE']);

/**
 * The parts of the form that belong to one kind (INVALID, 400, naming the field): brokering and
 * technical assistance name the broker or provider and describe the services (Art 6, Art 8, Art 12(4));
 * a transit names its route and member state of transit (Art 7). Reading: those parts on another kind
 * are refused rather than ignored, since a caseworker or a consulted member state would read them as
 * facts of the case.
 */
export function assertKindParts(
  kind: ApplicationKind,
  content: Pick<ApplicationContent, 'services' | 'transit'>,
): void {
  const services = content.services ?? null;
  const transit = content.transit ?? null;
  if (SERVICE_KINDS.has(kind) && services === null) {
    throw refuse.invalid(
      'services-required',
      `services is required for a ${kind} application: the ${kind === 'BROKERING' ? 'broker' : 'provider of technical assistance'} (services.provider) and the services (services.description) (${kind === 'BROKERING' ? 'Art 6' : 'Art 8'})`,
    );
  }
  if (!SERVICE_KINDS.has(kind) && services !== null) {
    throw refuse.invalid(
      'services-not-for-kind',
      `services is only for BROKERING and TECHNICAL_ASSISTANCE, not ${kind}`,
    );
  }
  if (kind === 'TRANSIT' && transit === null) {
    throw refuse.invalid(
      'transit-route-required',
      'transit is required for a TRANSIT application: the route (transit.route) and the member state of transit (transit.memberStateOfTransit) (Art 7)',
    );
  }
  if (kind !== 'TRANSIT' && transit !== null) {
    throw refuse.invalid('transit-not-for-kind', `transit is only for TRANSIT, not ${kind}`);
  }
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

/**
 * Art 11(1): only intra-Union transfers of Annex IV items need an authorisation. A transfer of an item
 * that is not in Annex IV (by the reference list and the item's classification) needs no licence, so
 * the application is refused with a message that says so, rather than granted.
 */
export function assertIntraEuTransferNeedsLicence(
  kind: ApplicationKind,
  content: Pick<ApplicationContent, 'items'>,
  annexIv: AnnexIvReference = ANNEX_IV_FIXTURE,
): void {
  if (kind !== 'INTRA_EU_TRANSFER') return;
  const free = content.items.flatMap((item, index) =>
    item.classification.kind === 'LISTED' && annexIv.covers(item.classification.controlEntry) ? [] : [index],
  );
  if (free.length === 0) return;
  throw refuse.ruleViolated(
    'no-licence-needed',
    `items[${free.join('], items[')}] ${free.length === 1 ? 'is' : 'are'} not in Annex IV: an intra-EU transfer of ${free.length === 1 ? 'it' : 'them'} needs no licence (Art 11(1))`,
  );
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
