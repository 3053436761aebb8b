import type { CommandMetadata, Decider } from '../decider';
import { assertNever } from '../decider';
import type { GrantDespiteDenialNotified } from '../denials/grant-despite-denial';
import { grantDespiteDenialNotification } from '../denials/grant-despite-denial';
import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';
import type {
  AmendApplication,
  ApplicationCommand,
  ClassifyItem,
  ClearRiskFlag,
  IssueDecision,
  ProposeDecision,
  RaiseRiskFlag,
  RecordDenialMatches,
  StartAssessment,
  SubmitApplication,
  WithdrawApplication,
} from './application.commands';
import type { ApplicationContent, ApplicationKind, ItemClassification } from './application.content';
import {
  APPLICATION_KINDS,
  normaliseApplicationContent,
  normaliseClassification,
  optionalText,
  positiveWholeMonths,
  requiredText,
} from './application.content';
import type {
  ApplicationEvent,
  ClassificationOutcome,
  DecisionIssued,
  DecisionOutcome,
  RiskGround,
} from './application.events';
import { RISK_GROUNDS } from './application.events';
import { assertCompetentAuthority, assertContentRules } from './application.rules';
import type { Art15Ground, Art16Notification } from './art16-notification';
import { art16Notification } from './art16-notification';
import type { DecisionTerms } from './decision.rules';
import {
  assertFourEyes,
  assertNoBindingObjection,
  assertNoBlockingConsultationOpen,
  assertOutcomeFollowsProposal,
  assertProposedConditionsKept,
  checkedConsultationStatus,
  checkedDecisionTerms,
  checkedPriorDenials,
  isGrant,
  riskOverrideFor,
} from './decision.rules';
import type { RecordedDenialMatch } from './denial-match.rules';
import { checkedDenialMatches, screeningInstant } from './denial-match.rules';
import { sameSubject } from '../identity/subject.rules';
import type { ValidityCaps } from './validity';
import { assertValidityWithinLimit, DEFAULT_VALIDITY_CAPS } from './validity';

export type ApplicationStatus =
  'SUBMITTED' | 'UNDER_ASSESSMENT' | 'DECISION_PROPOSED' | 'GRANTED' | 'DENIED' | 'WITHDRAWN';

export interface RiskFlag {
  readonly flagId: string;
  readonly ground: RiskGround;
  readonly note: string;
  readonly raisedBy: string;
  readonly open: boolean;
}

export interface Proposal extends DecisionTerms {
  readonly reasoning: string | null;
  readonly validityMonths: number | null;
  readonly validityReason: string | null;
  readonly validityCapMonths: number | null;
  readonly proposedBy: string;
}

/** An application that exists: everything its events say. */
export interface Application {
  readonly status: ApplicationStatus;
  readonly applicationId: string;
  readonly kind: ApplicationKind;
  readonly authority: MemberStateCode;
  readonly content: ApplicationContent;
  readonly submittedAt: string;
  readonly caseworker: string | null;
  readonly riskFlags: readonly RiskFlag[];
  readonly proposal: Proposal | null;
  readonly decision: DecisionIssued['data'] | null;
  /** Denials in force that screening found the application essentially identical to (Art 2(22)). */
  readonly denialMatches: readonly RecordedDenialMatch[];
  /** Set when the application was granted despite denials it was consulted on (Art 16). */
  readonly grantDespiteDenial: GrantDespiteDenialNotified['data'] | null;
}

export type ApplicationState = { readonly status: 'NONE' } | Application;

/** Statuses in which the application can still change: before a decision is issued or it is withdrawn. */
const OPEN_STATUSES: readonly ApplicationStatus[] = ['SUBMITTED', 'UNDER_ASSESSMENT', 'DECISION_PROPOSED'];

/** The Application decider: from registration to an issued decision (grant or denial) or withdrawal. */
export const applicationDecider: Decider<ApplicationCommand, ApplicationEvent, ApplicationState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveApplication,
  decide: decideApplication,
};

export function decideApplication(command: ApplicationCommand, state: ApplicationState): readonly ApplicationEvent[] {
  switch (command.type) {
    case 'SubmitApplication':
      return submit(command, state);
    case 'AmendApplication':
      return amend(command, state);
    case 'WithdrawApplication':
      return withdraw(command, state);
    case 'StartAssessment':
      return startAssessment(command, state);
    case 'ClassifyItem':
      return classifyItem(command, state);
    case 'RaiseRiskFlag':
      return raiseRiskFlag(command, state);
    case 'ClearRiskFlag':
      return clearRiskFlag(command, state);
    case 'RecordDenialMatches':
      return recordDenialMatches(command, state);
    case 'ProposeDecision':
      return proposeDecision(command, state);
    case 'IssueDecision':
      return issueDecision(command, state);
    default:
      return assertNever(command, 'application command');
  }
}

// Order of checks in every handler: state exists and is ours (404/403), right status (409), input
// shape (400), then business rules (422): an authority learns nothing about a case it may not touch.

function submit({ data, metadata }: SubmitApplication, state: ApplicationState): readonly ApplicationEvent[] {
  if (state.status !== 'NONE') throw refuse.conflict('application-exists', 'this application is already registered');
  const authority = authorityOf(metadata);
  const applicationId = requiredText(data.applicationId, 'applicationId');
  const kind = knownKind(data.kind);
  const content = normaliseApplicationContent(data.content);
  assertCompetentAuthority(authority, content, kind);
  assertContentRules(kind, content, authority, undefined, data.validityCaps);
  return [
    {
      type: 'ApplicationSubmitted',
      data: { applicationId, kind, authority, content, submittedBy: metadata.actor, submittedAt: at(metadata) },
    },
  ];
}

function amend({ data, metadata }: AmendApplication, state: ApplicationState): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'amended');
  const reason = requiredText(data.reason, 'reason');
  const content = normaliseApplicationContent(data.content);
  assertCompetentAuthority(application.authority, content, application.kind);
  assertContentRules(application.kind, content, application.authority, undefined, data.validityCaps);
  const proposalVoided = application.status === 'DECISION_PROPOSED';
  return [
    {
      type: 'ApplicationAmended',
      data: { content, reason, proposalVoided, amendedBy: metadata.actor, amendedAt: at(metadata) },
    },
  ];
}

function withdraw({ data, metadata }: WithdrawApplication, state: ApplicationState): readonly ApplicationEvent[] {
  openApplication(state, metadata, 'withdrawn');
  const reason = requiredText(data.reason, 'reason');
  return [{ type: 'ApplicationWithdrawn', data: { reason, withdrawnBy: metadata.actor, withdrawnAt: at(metadata) } }];
}

function startAssessment({ data, metadata }: StartAssessment, state: ApplicationState): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'assigned');
  assertNoPendingProposal(application, 'hand the case to another caseworker');
  const caseworker = requiredText(data.caseworker, 'caseworker');
  // Assigning the caseworker who already has the case is a retry, not a new fact.
  if (application.caseworker === caseworker) return [];
  return [
    {
      type: 'AssessmentStarted',
      data: {
        caseworker,
        previousCaseworker: application.caseworker,
        assignedBy: metadata.actor,
        startedAt: at(metadata),
      },
    },
  ];
}

function classifyItem({ data, metadata }: ClassifyItem, state: ApplicationState): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'classified');
  assertAssessmentStarted(application);
  assertNoPendingProposal(application, 'reclassify items');
  const previous = itemAt(application, data.itemIndex).classification;
  const classification = normaliseClassification(data.classification, 'classification');
  return [
    {
      type: 'ItemClassified',
      data: {
        itemIndex: data.itemIndex,
        outcome: classificationOutcome(previous, classification),
        previous,
        classification,
        note: optionalText(data.note),
        classifiedBy: metadata.actor,
        classifiedAt: at(metadata),
      },
    },
  ];
}

function raiseRiskFlag({ data, metadata }: RaiseRiskFlag, state: ApplicationState): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'flagged');
  const flagId = requiredText(data.flagId, 'flagId');
  if (application.riskFlags.some((flag) => flag.flagId === flagId)) {
    throw refuse.conflict('flag-exists', `risk flag ${flagId} already exists`);
  }
  const ground = knownRiskGround(data.ground);
  const note = requiredText(data.note, 'note');
  return [{ type: 'RiskFlagRaised', data: { flagId, ground, note, raisedBy: metadata.actor, raisedAt: at(metadata) } }];
}

function clearRiskFlag({ data, metadata }: ClearRiskFlag, state: ApplicationState): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'flagged');
  const flag = application.riskFlags.find((candidate) => candidate.flagId === data.flagId);
  if (flag === undefined) throw refuse.notFound('flag-not-found', `no risk flag ${data.flagId} on this application`);
  if (!flag.open) throw refuse.conflict('flag-already-cleared', `risk flag ${flag.flagId} is already cleared`);
  const reason = requiredText(data.reason, 'reason');
  return [
    {
      type: 'RiskFlagCleared',
      data: { flagId: flag.flagId, ground: flag.ground, reason, clearedBy: metadata.actor, clearedAt: at(metadata) },
    },
  ];
}

/** One DenialMatchFound per denial not recorded before: screening again is safe. */
function recordDenialMatches(
  { data, metadata }: RecordDenialMatches,
  state: ApplicationState,
): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'screened');
  const foundAt = screeningInstant(data.screenedAt, metadata.now);
  const recorded = new Set(application.denialMatches.map((match) => match.denialId));
  return checkedDenialMatches(data.matches, application.authority, foundAt)
    .filter((match) => !recorded.has(match.denialId))
    .map((match) => ({ type: 'DenialMatchFound', data: match }));
}

function proposeDecision({ data, metadata }: ProposeDecision, state: ApplicationState): readonly ApplicationEvent[] {
  const application = openApplication(state, metadata, 'decided');
  const caseworker = assertAssessmentStarted(application);
  if (!sameSubject(metadata.actor, caseworker)) {
    throw refuse.forbidden(
      'proposer-is-caseworker',
      `only the assigned caseworker (${caseworker}) proposes a decision`,
    );
  }
  const terms = checkedDecisionTerms(data);
  const validityReason = optionalText(data.validityReason);
  const validityMonths = grantValidity(
    application,
    terms.outcome,
    data.validityMonths,
    validityReason,
    data.validityCaps,
  );
  return [
    {
      type: 'DecisionProposed',
      data: {
        ...terms,
        reasoning: optionalText(data.reasoning),
        validityMonths,
        validityReason,
        validityCapMonths:
          validityMonths === null ? null : ((data.validityCaps ?? DEFAULT_VALIDITY_CAPS)[application.kind] ?? null),
        proposedBy: metadata.actor,
        proposedAt: at(metadata),
      },
    },
  ];
}

function issueDecision({ data, metadata }: IssueDecision, state: ApplicationState): readonly ApplicationEvent[] {
  const application = existingApplication(state, metadata);
  const proposal = pendingProposal(application);
  assertFourEyes(metadata.actor, proposal.proposedBy);
  const consultations = checkedConsultationStatus(data.consultations);
  const priorDenials = checkedPriorDenials(data.priorDenials);
  const terms = checkedDecisionTerms(data);
  assertOutcomeFollowsProposal(terms.outcome, proposal.outcome);
  assertProposedConditionsKept(terms, proposal);
  const riskOverride = isGrant(terms.outcome)
    ? grantClearance(application, consultations, optionalText(data.riskOverrideReason))
    : null;
  // Art 16: a grant following consultations on another member state's denial is notified, with the
  // reasons, in the same append as the grant, so there is no grant without its notification.
  const grantDespiteDenial =
    isGrant(terms.outcome) && priorDenials.length > 0
      ? grantDespiteDenialNotification({
          applicationId: application.applicationId,
          grantingMemberState: application.authority,
          reasons: data.grantDespiteDenialReasons ?? '',
          denials: priorDenials,
          notifiedBy: metadata.actor,
          at: metadata.now,
        })
      : null;
  const decision: DecisionIssued = {
    type: 'DecisionIssued',
    data: {
      ...terms,
      reasoning: optionalText(data.reasoning),
      validityMonths: isGrant(terms.outcome) ? proposal.validityMonths : null,
      validityReason: isGrant(terms.outcome) ? (proposal.validityReason ?? null) : null,
      validityCapMonths: isGrant(terms.outcome) ? (proposal.validityCapMonths ?? null) : null,
      proposedBy: proposal.proposedBy,
      issuedBy: metadata.actor,
      issuedAt: at(metadata),
      riskOverride,
      denialNotice: terms.outcome === 'DENY' ? denialNotice(application, terms.art15Grounds, data, metadata) : null,
    },
  };
  return grantDespiteDenial === null ? [decision] : [decision, grantDespiteDenial];
}

/** The conditions a grant needs beyond the proposal: consultations settled, risk flags cleared or overridden. */
function grantClearance(
  application: Application,
  consultations: IssueDecision['data']['consultations'],
  overrideReason: string | null,
): DecisionIssued['data']['riskOverride'] {
  assertNoBindingObjection(consultations);
  assertNoBlockingConsultationOpen(consultations);
  return riskOverrideFor(
    application.riskFlags.filter((flag) => flag.open),
    overrideReason,
  );
}

function denialNotice(
  application: Application,
  grounds: readonly Art15Ground[],
  data: IssueDecision['data'],
  metadata: CommandMetadata,
): Art16Notification {
  const { content } = application;
  return art16Notification(
    'DENIAL',
    application.authority,
    {
      applicationId: application.applicationId,
      licenceId: null,
      applicationKind: application.kind,
      items: content.items,
      destinationCountry: content.destinationCountry,
      endUser: content.endUser,
      consignee: content.consignee,
    },
    { grounds, reason: optionalText(data.reasoning), at: metadata.now },
  );
}

/**
 * The term a grant would carry (Art 12(3)): the requested one unless the proposal says otherwise. A
 * term beyond the request needs a recorded reason, and so does one beyond the member state's cap
 * (the applicant's validityJustification or the proposal's validityReason).
 */
function grantValidity(
  application: Application,
  outcome: DecisionOutcome,
  months: number | undefined,
  validityReason: string | null,
  caps: ValidityCaps | undefined,
): number | null {
  if (!isGrant(outcome)) return null;
  const requested = application.content.requestedValidityMonths;
  const validity = positiveWholeMonths(months ?? requested, 'validityMonths');
  if (validity > requested && validityReason === null) {
    throw refuse.ruleViolated(
      'validity-beyond-request',
      `validityMonths ${validity} exceeds the ${requested} months requested: give validityReason (Art 12(3))`,
    );
  }
  assertValidityWithinLimit(
    application.kind,
    validity,
    validityReason ?? application.content.validityJustification,
    caps ?? DEFAULT_VALIDITY_CAPS,
  );
  return validity;
}

function classificationOutcome(previous: ItemClassification, next: ItemClassification): ClassificationOutcome {
  if (next.kind === 'NOT_LISTED') return 'NOT_LISTED';
  return previous.kind === 'LISTED' && previous.controlEntry === next.controlEntry ? 'CONFIRMED' : 'CHANGED';
}

// ---- guards shared by the handlers ----

/** The acting authority (metadata.memberState), normalised; every command comes from one. */
function authorityOf(metadata: CommandMetadata): MemberStateCode {
  const authority = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (authority === undefined) {
    throw refuse.forbidden('authority-required', 'the command must come from a member state authority');
  }
  return authority;
}

/** The application, if it exists and belongs to the acting authority. */
function existingApplication(state: ApplicationState, metadata: CommandMetadata): Application {
  if (state.status === 'NONE') throw refuse.notFound('application-not-found', 'no such application');
  const authority = authorityOf(metadata);
  if (authority !== state.authority) {
    throw refuse.forbidden('authority-boundary', `the application belongs to ${state.authority}, not ${authority}`);
  }
  return state;
}

/** The application, if it can still change: no decision issued and not withdrawn. */
function openApplication(state: ApplicationState, metadata: CommandMetadata, action: string): Application {
  const application = existingApplication(state, metadata);
  if (!OPEN_STATUSES.includes(application.status)) {
    throw refuse.conflict('application-closed', `a ${application.status} application cannot be ${action}`);
  }
  return application;
}

/** The pending proposal: no decision is issued without one, and none twice. */
function pendingProposal(application: Application): Proposal {
  if (application.status === 'DECISION_PROPOSED' && application.proposal !== null) return application.proposal;
  if (!OPEN_STATUSES.includes(application.status)) {
    throw refuse.conflict('application-closed', `a ${application.status} application cannot be decided again`);
  }
  throw refuse.conflict('proposal-required', 'a decision is issued only on the proposal of a caseworker');
}

function assertAssessmentStarted(application: Application): string {
  if (application.caseworker !== null) return application.caseworker;
  throw refuse.conflict('assessment-not-started', 'assign a caseworker (start the assessment) first');
}

function assertNoPendingProposal(application: Application, what: string): void {
  if (application.status !== 'DECISION_PROPOSED') return;
  throw refuse.conflict('proposal-pending', `a decision is proposed: issue it or amend the application to ${what}`);
}

function itemAt(application: Application, index: number): ApplicationContent['items'][number] {
  const item = Number.isInteger(index) ? application.content.items[index] : undefined;
  if (item === undefined) {
    throw refuse.invalid(
      'item-index',
      `itemIndex ${index} is not an item of this application (0-${application.content.items.length - 1})`,
    );
  }
  return item;
}

function knownKind(kind: ApplicationKind): ApplicationKind {
  if ((APPLICATION_KINDS as readonly string[]).includes(kind)) return kind;
  throw refuse.invalid('application-kind', `kind must be one of ${APPLICATION_KINDS.join(', ')}`);
}

function knownRiskGround(ground: RiskGround): RiskGround {
  if ((RISK_GROUNDS as readonly string[]).includes(ground)) return ground;
  throw refuse.invalid('risk-ground', `ground must be one of ${RISK_GROUNDS.join(', ')}`);
}

function at(metadata: CommandMetadata): string {
  return metadata.now.toISOString();
}

// ---- evolve ----

export function evolveApplication(state: ApplicationState, event: ApplicationEvent): ApplicationState {
  if (event.type === 'ApplicationSubmitted') return submitted(event.data);
  // Any other event on a stream that was never submitted is ignored: evolve must not throw on history.
  if (state.status === 'NONE') return state;
  return evolveExisting(state, event);
}

function submitted(data: Extract<ApplicationEvent, { type: 'ApplicationSubmitted' }>['data']): Application {
  return {
    status: 'SUBMITTED',
    applicationId: data.applicationId,
    kind: data.kind,
    authority: data.authority,
    content: data.content,
    submittedAt: data.submittedAt,
    caseworker: null,
    riskFlags: [],
    proposal: null,
    decision: null,
    denialMatches: [],
    grantDespiteDenial: null,
  };
}

function evolveExisting(state: Application, event: ApplicationEvent): Application {
  switch (event.type) {
    case 'ApplicationSubmitted':
      return submitted(event.data);
    case 'ApplicationAmended':
      return {
        ...state,
        content: event.data.content,
        proposal: null,
        status: state.status === 'DECISION_PROPOSED' ? 'UNDER_ASSESSMENT' : state.status,
      };
    case 'ApplicationWithdrawn':
      return { ...state, status: 'WITHDRAWN' };
    case 'AssessmentStarted':
      return { ...state, status: 'UNDER_ASSESSMENT', caseworker: event.data.caseworker };
    case 'ItemClassified':
      return { ...state, content: withClassification(state.content, event.data.itemIndex, event.data.classification) };
    case 'RiskFlagRaised': {
      const { flagId, ground, note, raisedBy } = event.data;
      return { ...state, riskFlags: [...state.riskFlags, { flagId, ground, note, raisedBy, open: true }] };
    }
    case 'RiskFlagCleared':
      return {
        ...state,
        riskFlags: state.riskFlags.map((flag) => (flag.flagId === event.data.flagId ? { ...flag, open: false } : flag)),
      };
    case 'DenialMatchFound':
      // Recorded once per denial; a repeat in history changes nothing.
      return state.denialMatches.some((match) => match.denialId === event.data.denialId)
        ? state
        : { ...state, denialMatches: [...state.denialMatches, event.data] };
    case 'DecisionProposed': {
      const { outcome, art15Grounds, conditions, reasoning, validityMonths, proposedBy } = event.data;
      const validityReason = event.data.validityReason ?? null;
      const validityCapMonths = event.data.validityCapMonths ?? null;
      const proposal = {
        ...{ outcome, art15Grounds, conditions, reasoning, validityMonths, validityReason, validityCapMonths },
        proposedBy,
      };
      return { ...state, status: 'DECISION_PROPOSED', proposal };
    }
    case 'DecisionIssued':
      return { ...state, status: isGrant(event.data.outcome) ? 'GRANTED' : 'DENIED', decision: event.data };
    case 'GrantDespiteDenialNotified':
      return { ...state, grantDespiteDenial: event.data };
    default:
      return assertNever(event, 'application event');
  }
}

function withClassification(
  content: ApplicationContent,
  itemIndex: number,
  classification: ItemClassification,
): ApplicationContent {
  const items = content.items.map((item, index) => (index === itemIndex ? { ...item, classification } : item));
  return { ...content, items };
}
