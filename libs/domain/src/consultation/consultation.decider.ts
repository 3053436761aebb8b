import type { WorkingDayDeadline } from '../calendar/working-days';
import { addWorkingDays } from '../calendar/working-days';
import type { CommandMetadata, Decider } from '../decider';
import { assertNever } from '../decider';
import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState, otherMemberStates } from '../reference/member-states';
import { optionalText, requiredText } from '../licensing/application.content';
import type {
  ConsultationCommand,
  DeclineExtension,
  GrantExtension,
  LapseConsultationDeadline,
  NotifyGrantDespiteSecurityInterest,
  OpenCatchAllData,
  OpenConsultation,
  OpenPriorDenialData,
  OpenSecurityInterestData,
  ReplyToConsultation,
  RequestExtension,
  WithdrawConsultation,
} from './consultation.commands';
import type {
  ClosingRule,
  ConsultationEvent,
  ConsultationKind,
  ConsultationRules,
  ConsultationOpened,
  ConsultationOutcome,
  ConsultationPacket,
  ConsultationReplied,
  ConsultationSubject,
  ConsultedWidening,
  PriorDenialMatch,
  ExtensionRequested,
  SecurityInterestGrantNotified,
} from './consultation.events';
import { CONSULTATION_KINDS, SECURITY_INTEREST_REQUESTS } from './consultation.events';
import { normalisePacket } from './consultation.packet';
import {
  assertExtensionAllowed,
  assertExtensionWithinCap,
  assertMayRequestExtension,
  assertPeriodEnded,
  assertWithinPeriod,
  ART16_OUTCOME_OF_SILENCE,
  ART16_PERIOD_SETTING,
  ART16_SILENCE_MEANINGS,
  ART16_SILENCE_SETTING,
  CATCH_ALL_PERIOD_SETTING,
  checkedAnswer,
  closingRuleOf,
  DEFAULT_ART16_CONSULTATION_WORKING_DAYS,
  DEFAULT_ART16_SILENCE_MEANING,
  MAX_CATCH_ALL_REVIEW_WORKING_DAYS,
  MAX_REPLY_WORKING_DAYS,
  OUTCOME_OF_ANSWER,
  positiveWorkingDays,
  recordedRules,
  REPLY_WORKING_DAYS,
  SECURITY_INTEREST_PERIOD_SETTING,
} from './consultation.rules';

/*
 * One consultation per stream. An Art 14(1) application with items in two other member states opens
 * two consultations (see itemsLocatedElsewhereConsultationId): each runs on the consulted member
 * state's own calendar, with its own extension and its own objection, and the licensing side asks
 * consultationStatusFor over all of them. A catch-all is one stream with every other member state
 * as a respondent, on the informing member state's calendar (one review period for all).
 */

export type ConsultationStatusName = 'OPEN' | 'CLOSED';

/** A consultation that exists: everything its events say. */
export interface Consultation {
  readonly status: ConsultationStatusName;
  readonly consultationId: string;
  readonly kind: ConsultationKind;
  readonly subject: ConsultationSubject;
  readonly requester: MemberStateCode;
  readonly consulted: readonly MemberStateCode[];
  readonly commissionInformed: boolean;
  readonly packet: ConsultationPacket;
  readonly calendar: MemberStateCode;
  readonly maxWorkingDays: number;
  readonly openedAt: string;
  readonly deadline: WorkingDayDeadline;
  /** An extension asked for and not yet granted or declined. */
  readonly pendingExtension: ExtensionRequested['data'] | null;
  /** Extension requests ever made (granted, declined or pending). */
  readonly extensionRequests: number;
  readonly replies: readonly ConsultationReplied['data'][];
  readonly lapsed: boolean;
  readonly outcome: ConsultationOutcome | null;
  /** The period and the meaning of silence, as fixed at the opening. */
  readonly rules: ConsultationRules;
  /** What closed it (answer, silence under which setting, withdrawal); null while open or for old records. */
  readonly closingRule: ClosingRule | null;
  /** Art 14(2): the grant despite the request, once notified. */
  readonly grantNotified: SecurityInterestGrantNotified['data'] | null;
}

export type ConsultationState = { readonly status: 'NONE' } | Consultation;

/** The Consultation decider: Art 14(1), Art 16 and Art 4/5 consultations between authorities. */
export const consultationDecider: Decider<ConsultationCommand, ConsultationEvent, ConsultationState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveConsultation,
  decide: decideConsultation,
};

export function decideConsultation(
  command: ConsultationCommand,
  state: ConsultationState,
): readonly ConsultationEvent[] {
  switch (command.type) {
    case 'OpenConsultation':
      return open(command, state);
    case 'RequestExtension':
      return requestExtension(command, state);
    case 'GrantExtension':
      return grantExtension(command, state);
    case 'DeclineExtension':
      return declineExtension(command, state);
    case 'ReplyToConsultation':
      return reply(command, state);
    case 'LapseConsultationDeadline':
      return lapse(command, state);
    case 'WithdrawConsultation':
      return withdraw(command, state);
    case 'NotifyGrantDespiteSecurityInterest':
      return notifyGrant(command, state);
    default:
      return assertNever(command, 'consultation command');
  }
}

// Order of checks, as in the licensing deciders: exists (404), the actor is a party (403), state
// (409), input shape (400), business rules (422).

function open({ data, metadata }: OpenConsultation, state: ConsultationState): readonly ConsultationEvent[] {
  if (state.status !== 'NONE') throw refuse.conflict('consultation-exists', 'this consultation is already open');
  const requester = authorityOf(metadata);
  const consultationId = requiredText(data.consultationId, 'consultationId');
  const packet = normalisePacket(data.packet);
  const terms = openingTerms(data, requester, packet);
  const openedAt = metadata.now.toISOString();
  return [
    {
      type: 'ConsultationOpened',
      data: {
        consultationId,
        kind: terms.subject.kind,
        subject: terms.subject,
        requester,
        consulted: terms.consulted,
        commissionInformed: terms.subject.kind === 'CATCH_ALL',
        packet,
        calendar: terms.calendar,
        maxWorkingDays: terms.maxWorkingDays,
        deadline: addWorkingDays(metadata.now, terms.rules.workingDays, terms.calendar),
        rules: terms.rules,
        openedBy: metadata.actor,
        openedAt,
      },
    },
  ];
}

interface OpeningTerms {
  readonly subject: ConsultationSubject;
  readonly consulted: readonly MemberStateCode[];
  readonly calendar: MemberStateCode;
  readonly maxWorkingDays: number;
  readonly rules: ConsultationRules;
}

function openingTerms(
  data: OpenConsultation['data'],
  requester: MemberStateCode,
  packet: ConsultationPacket,
): OpeningTerms {
  switch (data.kind) {
    case 'ITEMS_LOCATED_ELSEWHERE': {
      const consulted = consultedMemberState(data.consulted, requester);
      assertItemsLocatedIn(consulted, packet);
      const subject: ConsultationSubject = {
        kind: data.kind,
        applicationId: requiredText(data.applicationId, 'applicationId'),
        ...checkedWidening(data.widening),
      };
      return replyTerms(subject, consulted, recordedRules('ITEMS_LOCATED_ELSEWHERE', REPLY_WORKING_DAYS));
    }
    case 'PRIOR_DENIAL':
      return replyTerms(priorDenialSubject(data), consultedMemberState(data.consulted, requester), art16Rules(data));
    case 'CATCH_ALL':
      return catchAllTerms(data, requester);
    case 'SECURITY_INTEREST':
      return securityInterestTerms(data, requester);
    default:
      return unknownKind(data);
  }
}

/** Art 14/16: one consulted member state, its working days (10 by default), at most 30 with extensions. */
function replyTerms(subject: ConsultationSubject, consulted: MemberStateCode, rules: ConsultationRules): OpeningTerms {
  return { subject, consulted: [consulted], calendar: consulted, maxWorkingDays: MAX_REPLY_WORKING_DAYS, rules };
}

/** Art 16: the period and the meaning of silence are EU practice, passed in from the settings. */
function art16Rules(data: OpenPriorDenialData): ConsultationRules {
  const workingDays = boundedWorkingDays(
    data.replyWorkingDays ?? DEFAULT_ART16_CONSULTATION_WORKING_DAYS,
    'replyWorkingDays',
    MAX_REPLY_WORKING_DAYS,
  );
  const silenceMeans = data.silenceMeans ?? DEFAULT_ART16_SILENCE_MEANING;
  if (!ART16_SILENCE_MEANINGS.includes(silenceMeans)) {
    throw refuse.invalid('art16-silence-outcome', `silenceMeans must be ${ART16_SILENCE_MEANINGS.join(' or ')}`);
  }
  return {
    basis: 'PRACTICE',
    workingDays,
    periodSetting: ART16_PERIOD_SETTING,
    silenceOutcome: ART16_OUTCOME_OF_SILENCE[silenceMeans],
    silenceSetting: ART16_SILENCE_SETTING,
  };
}

/**
 * Art 14(2): the requesting member state consults the one that decides; non-binding, in the requested
 * member state's calendar (reading), terminated within the period (no extension). A request not to
 * grant names no licence; the others name the licence they concern.
 */
function securityInterestTerms(data: OpenSecurityInterestData, requester: MemberStateCode): OpeningTerms {
  if (!SECURITY_INTEREST_REQUESTS.includes(data.request)) {
    throw refuse.invalid(
      'security-interest-request',
      `request must be one of ${SECURITY_INTEREST_REQUESTS.join(', ')}`,
    );
  }
  const licenceId = optionalText(data.licenceId);
  if (data.request === 'NOT_TO_GRANT' && licenceId !== null) {
    throw refuse.invalid('licence-for-request', 'a request not to grant concerns an application, not a licence');
  }
  if (data.request !== 'NOT_TO_GRANT' && licenceId === null) {
    throw refuse.invalid('licence-for-request', `a request to ${data.request.toLowerCase()} names the licence`);
  }
  const consulted = consultedMemberState(data.consulted, requester);
  const workingDays = boundedWorkingDays(data.replyWorkingDays, 'replyWorkingDays', MAX_REPLY_WORKING_DAYS);
  return {
    subject: {
      kind: 'SECURITY_INTEREST',
      applicationId: requiredText(data.applicationId, 'applicationId'),
      licenceId,
      request: data.request,
      grounds: requiredText(data.grounds, 'grounds'),
    },
    consulted: [consulted],
    calendar: consulted,
    maxWorkingDays: workingDays,
    rules: { ...recordedRules('SECURITY_INTEREST', workingDays), periodSetting: SECURITY_INTEREST_PERIOD_SETTING },
  };
}

function boundedWorkingDays(value: number, field: string, maximum: number): number {
  const workingDays = positiveWorkingDays(value, field);
  if (workingDays <= maximum) return workingDays;
  throw refuse.invalid('working-days', `${field} must be at most ${maximum} working days (got ${workingDays})`);
}

function priorDenialSubject(data: OpenPriorDenialData): ConsultationSubject {
  return {
    kind: 'PRIOR_DENIAL',
    applicationId: requiredText(data.applicationId, 'applicationId'),
    denialId: requiredText(data.denialId, 'denialId'),
    match: checkedMatch(data.match),
    ...checkedWidening(data.widening),
  };
}

/** The widening a consultation is about, when it is about one (omitted from the subject otherwise). */
function checkedWidening(widening: ConsultedWidening | null | undefined): { widening?: ConsultedWidening } {
  if (widening === undefined || widening === null) return {};
  return {
    widening: {
      licenceId: requiredText(widening.licenceId, 'widening.licenceId'),
      amendmentId: requiredText(widening.amendmentId, 'widening.amendmentId'),
    },
  };
}

/**
 * Art 4/5: every other member state may respond; the Commission is informed. The period counts in the
 * informing member state's calendar: one period for 26 respondents, kept by the authority that decided.
 */
function catchAllTerms(data: OpenCatchAllData, requester: MemberStateCode): OpeningTerms {
  if (data.article !== 'ART4' && data.article !== 'ART5') {
    throw refuse.invalid('catch-all-article', 'article must be ART4 or ART5');
  }
  const reviewWorkingDays = positiveWorkingDays(data.reviewWorkingDays, 'reviewWorkingDays');
  if (reviewWorkingDays > MAX_CATCH_ALL_REVIEW_WORKING_DAYS) {
    throw refuse.invalid(
      'review-period',
      `reviewWorkingDays must be at most ${MAX_CATCH_ALL_REVIEW_WORKING_DAYS} (got ${reviewWorkingDays})`,
    );
  }
  return {
    subject: {
      kind: 'CATCH_ALL',
      applicationId: optionalText(data.applicationId),
      article: data.article,
      decision: requiredText(data.decision, 'decision'),
      detailsWithheld: optionalText(data.detailsWithheld),
    },
    consulted: otherMemberStates(requester),
    calendar: requester,
    maxWorkingDays: reviewWorkingDays,
    rules: { ...recordedRules('CATCH_ALL', reviewWorkingDays), periodSetting: CATCH_ALL_PERIOD_SETTING },
  };
}

function requestExtension(
  { data, metadata }: RequestExtension,
  state: ConsultationState,
): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  const acting = partyOf(consultation, metadata);
  assertMayRequestExtension(consultation.kind, acting, consultation.consulted);
  assertOpen(consultation);
  assertNoPendingExtension(consultation);
  const additional = positiveWorkingDays(data.additionalWorkingDays, 'additionalWorkingDays');
  const reason = requiredText(data.reason, 'reason');
  assertExtensionAllowed(consultation.kind, consultation.extensionRequests);
  assertWithinPeriod(consultation.deadline, metadata.now, 'deadline-passed', 'too late to ask for an extension');
  assertExtensionWithinCap(consultation.deadline.workingDays, additional, consultation.maxWorkingDays);
  return [
    {
      type: 'ExtensionRequested',
      data: {
        requestedBy: acting,
        requestedByActor: metadata.actor,
        additionalWorkingDays: additional,
        reason,
        requestedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function grantExtension({ data, metadata }: GrantExtension, state: ConsultationState): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  const acting = partyOf(consultation, metadata);
  assertOpen(consultation);
  const pending = pendingExtension(consultation, acting);
  const additional = positiveWorkingDays(
    data.additionalWorkingDays ?? pending.additionalWorkingDays,
    'additionalWorkingDays',
  );
  if (additional > pending.additionalWorkingDays) {
    throw refuse.ruleViolated(
      'grant-within-request',
      `${pending.requestedBy} asked for ${pending.additionalWorkingDays} working days; grant that or fewer`,
    );
  }
  assertWithinPeriod(consultation.deadline, metadata.now, 'deadline-passed', 'too late to extend the period');
  assertExtensionWithinCap(consultation.deadline.workingDays, additional, consultation.maxWorkingDays);
  const total = consultation.deadline.workingDays + additional;
  return [
    {
      type: 'ExtensionGranted',
      data: {
        grantedBy: acting,
        grantedByActor: metadata.actor,
        additionalWorkingDays: additional,
        previousDeadline: consultation.deadline,
        deadline: addWorkingDays(new Date(consultation.openedAt), total, consultation.calendar),
        grantedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function declineExtension(
  { data, metadata }: DeclineExtension,
  state: ConsultationState,
): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  const acting = partyOf(consultation, metadata);
  assertOpen(consultation);
  pendingExtension(consultation, acting);
  const reason = requiredText(data.reason, 'reason');
  return [
    {
      type: 'ExtensionDeclined',
      data: { declinedBy: acting, declinedByActor: metadata.actor, reason, declinedAt: metadata.now.toISOString() },
    },
  ];
}

function reply({ data, metadata }: ReplyToConsultation, state: ConsultationState): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  const acting = authorityOf(metadata);
  if (!consultation.consulted.includes(acting)) {
    throw refuse.forbidden('consulted-member-state-only', `${acting} is not consulted here and cannot answer`);
  }
  assertOpen(consultation);
  if (consultation.replies.some((previous) => previous.repliedBy === acting)) {
    throw refuse.conflict('already-replied', `${acting} has already answered this consultation`);
  }
  const reasons = optionalText(data.reasons);
  checkedAnswer(consultation.kind, data.answer, reasons);
  assertWithinPeriod(consultation.deadline, metadata.now, 'reply-after-deadline', 'the reply comes too late');
  const replied: ConsultationEvent = {
    type: 'ConsultationReplied',
    data: {
      repliedBy: acting,
      repliedByActor: metadata.actor,
      answer: data.answer,
      reasons,
      repliedAt: metadata.now.toISOString(),
    },
  };
  // A catch-all hears from up to 26 member states and ends with its review period; the others have
  // one consulted member state, whose answer settles them at once.
  const outcome = OUTCOME_OF_ANSWER[data.answer];
  if (consultation.kind === 'CATCH_ALL' || outcome === undefined) return [replied];
  return [replied, closed(outcome, null, metadata, closingRuleOf(consultation.rules, 'ANSWER', outcome))];
}

function lapse({ metadata }: LapseConsultationDeadline, state: ConsultationState): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  // The timer may fire twice, or after a reply closed the consultation: nothing left to lapse.
  if (consultation.status === 'CLOSED') return [];
  assertPeriodEnded(consultation.deadline, metadata.now);
  return [
    {
      type: 'ConsultationDeadlineLapsed',
      data: {
        deadline: consultation.deadline,
        lapsedAt: consultation.deadline.endsAt,
        recordedAt: metadata.now.toISOString(),
      },
    },
    closed(
      consultation.rules.silenceOutcome,
      null,
      metadata,
      closingRuleOf(consultation.rules, 'SILENCE', consultation.rules.silenceOutcome),
    ),
  ];
}

function withdraw({ data, metadata }: WithdrawConsultation, state: ConsultationState): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  const acting = authorityOf(metadata);
  if (acting !== consultation.requester) {
    throw refuse.forbidden('requester-only', `only ${consultation.requester}, which consults, withdraws`);
  }
  assertOpen(consultation);
  return [
    closed(
      'WITHDRAWN',
      requiredText(data.reason, 'reason'),
      metadata,
      closingRuleOf(consultation.rules, 'WITHDRAWAL', 'WITHDRAWN'),
    ),
  ];
}

/**
 * Art 14(2): "in case the requested member state decides to grant the authorisation, this should be
 * notified to the Commission and the Member States". Notified for a grant of the application a
 * request not to grant concerned, whether the consultation was open or closed and whatever was
 * answered, unless the requester withdrew it. A replay, or a grant that came before the request,
 * decides nothing.
 */
function notifyGrant(
  { data, metadata }: NotifyGrantDespiteSecurityInterest,
  state: ConsultationState,
): readonly ConsultationEvent[] {
  const consultation = existingConsultation(state);
  const { subject } = consultation;
  if (subject.kind !== 'SECURITY_INTEREST' || subject.request !== 'NOT_TO_GRANT') {
    throw refuse.ruleViolated('security-interest-not-to-grant', 'only a request not to grant is notified on a grant');
  }
  const granting = authorityOf(metadata);
  const [consulted] = consultation.consulted;
  if (granting !== consulted) {
    throw refuse.forbidden(
      'requested-member-state-only',
      `only ${consulted ?? 'the requested member state'} grants here`,
    );
  }
  if (subject.applicationId !== data.applicationId) {
    throw refuse.invalid('application-of-request', `the request concerns application ${subject.applicationId}`);
  }
  if (consultation.grantNotified !== null || consultation.outcome === 'WITHDRAWN') return [];
  if (Date.parse(data.grantedAt) < Date.parse(consultation.openedAt)) return [];
  return [
    {
      type: 'SecurityInterestGrantNotified',
      data: {
        applicationId: subject.applicationId,
        licenceId: optionalText(data.licenceId),
        grantingMemberState: granting,
        requestingMemberState: consultation.requester,
        recipients: { memberStates: otherMemberStates(granting), commission: true },
        consultationOutcome: consultation.outcome,
        grantedAt: new Date(data.grantedAt).toISOString(),
        notifiedBy: metadata.actor,
        notifiedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function closed(
  outcome: ConsultationOutcome,
  reason: string | null,
  metadata: CommandMetadata,
  closingRule: ClosingRule,
): ConsultationEvent {
  return {
    type: 'ConsultationClosed',
    data: { outcome, reason, closingRule, closedBy: metadata.actor, closedAt: metadata.now.toISOString() },
  };
}

// ---- guards ----

function authorityOf(metadata: CommandMetadata): MemberStateCode {
  const authority = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (authority === undefined) {
    throw refuse.forbidden('authority-required', 'the command must come from a member state authority');
  }
  return authority;
}

function existingConsultation(state: ConsultationState): Consultation {
  if (state.status === 'NONE') throw refuse.notFound('consultation-not-found', 'no such consultation');
  return state;
}

/** The acting member state, if it is the requester or a consulted member state. */
function partyOf(consultation: Consultation, metadata: CommandMetadata): MemberStateCode {
  const acting = authorityOf(metadata);
  if (acting === consultation.requester || consultation.consulted.includes(acting)) return acting;
  throw refuse.forbidden('consultation-party-only', `${acting} is not a party to this consultation`);
}

function assertOpen(consultation: Consultation): void {
  if (consultation.status === 'OPEN') return;
  throw refuse.conflict('consultation-closed', `the consultation is closed (${consultation.outcome ?? 'closed'})`);
}

function assertNoPendingExtension(consultation: Consultation): void {
  if (consultation.pendingExtension === null) return;
  throw refuse.conflict('extension-pending', 'an extension request already awaits an answer');
}

/** The pending request, answerable only by the party that did not make it ("by agreement"). */
function pendingExtension(consultation: Consultation, acting: MemberStateCode): ExtensionRequested['data'] {
  const pending = consultation.pendingExtension;
  if (pending === null) throw refuse.conflict('no-extension-requested', 'no extension request awaits an answer');
  if (pending.requestedBy === acting) {
    throw refuse.forbidden('other-party-answers-extension', 'the other party answers an extension request');
  }
  return pending;
}

function consultedMemberState(value: string, requester: MemberStateCode): MemberStateCode {
  const consulted = typeof value === 'string' ? normaliseMemberState(value) : undefined;
  if (consulted === undefined) throw refuse.invalid('member-state-code', `consulted '${value}' is not a member state`);
  if (consulted === requester) {
    throw refuse.ruleViolated('consult-another-member-state', 'an authority does not consult its own member state');
  }
  return consulted;
}

/** Art 14(1) consults the member state where items are or will be located, and only that one. */
function assertItemsLocatedIn(consulted: MemberStateCode, packet: ConsultationPacket): void {
  if (packet.items.some((item) => item.memberStateWhereLocated === consulted)) return;
  throw refuse.ruleViolated(
    'items-located-in-consulted-member-state',
    `no item of the packet is located in ${consulted}: Art 14(1) consults where items are`,
  );
}

function checkedMatch(match: PriorDenialMatch): PriorDenialMatch {
  if (typeof match?.score !== 'number' || !Number.isFinite(match.score) || match.score < 0 || match.score > 1) {
    throw refuse.invalid('match-score', 'match.score must be a number from 0 to 1');
  }
  const matchedFields = [...new Set((match.matchedFields ?? []).map((field) => field.trim()).filter(Boolean))];
  if (matchedFields.length === 0) {
    throw refuse.invalid('match-fields', 'match.matchedFields names at least one field that matched');
  }
  return { score: match.score, matchedFields };
}

function unknownKind(data: never): never {
  throw refuse.invalid(
    'consultation-kind',
    `kind must be one of ${CONSULTATION_KINDS.join(', ')} (got ${JSON.stringify((data as { kind?: unknown }).kind)})`,
  );
}

// ---- evolve ----

export function evolveConsultation(state: ConsultationState, event: ConsultationEvent): ConsultationState {
  if (event.type === 'ConsultationOpened') return opened(event.data);
  // Any other event on a stream that was never opened is ignored: evolve must not throw on history.
  if (state.status === 'NONE') return state;
  return evolveExisting(state, event);
}

function opened(data: ConsultationOpened['data']): Consultation {
  return {
    status: 'OPEN',
    consultationId: data.consultationId,
    kind: data.kind,
    subject: data.subject,
    requester: data.requester,
    consulted: data.consulted,
    commissionInformed: data.commissionInformed,
    packet: data.packet,
    calendar: data.calendar,
    maxWorkingDays: data.maxWorkingDays,
    openedAt: data.openedAt,
    deadline: data.deadline,
    pendingExtension: null,
    extensionRequests: 0,
    replies: [],
    lapsed: false,
    outcome: null,
    rules: data.rules ?? recordedRules(data.kind, data.deadline.workingDays),
    closingRule: null,
    grantNotified: null,
  };
}

function evolveExisting(state: Consultation, event: ConsultationEvent): Consultation {
  switch (event.type) {
    case 'ConsultationOpened':
      return opened(event.data);
    case 'ExtensionRequested':
      return { ...state, pendingExtension: event.data, extensionRequests: state.extensionRequests + 1 };
    case 'ExtensionGranted':
      return { ...state, pendingExtension: null, deadline: event.data.deadline };
    case 'ExtensionDeclined':
      return { ...state, pendingExtension: null };
    case 'ConsultationReplied':
      return { ...state, replies: [...state.replies, event.data] };
    case 'ConsultationDeadlineLapsed':
      return { ...state, lapsed: true };
    case 'ConsultationClosed':
      return {
        ...state,
        status: 'CLOSED',
        outcome: event.data.outcome,
        closingRule: event.data.closingRule ?? null,
        pendingExtension: null,
      };
    case 'SecurityInterestGrantNotified':
      return { ...state, grantNotified: event.data };
    default:
      return assertNever(event, 'consultation event');
  }
}
