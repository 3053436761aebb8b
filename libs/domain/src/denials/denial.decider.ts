import type { CommandMetadata, Decider } from '../decider';
import { assertNever } from '../decider';
import { refuse } from '../refusals';
import { normaliseControlEntry } from '../reference/control-list-entry';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseCountryCode, normaliseMemberState, otherMemberStates } from '../reference/member-states';
import type { ApplicationKind, Party } from '../licensing/application.content';
import { CATCH_ALL_GROUNDS, optionalText, requiredText } from '../licensing/application.content';
import type { Art15Ground, NotifiedItem } from '../licensing/art16-notification';
import { ART15_GROUNDS } from '../licensing/art16-notification';
import type {
  DenialCommand,
  MarkReviewDue,
  NotifyDenial,
  RecordFinalAssessment,
  ReviewDenial,
} from './denial.commands';
import type {
  DenialAmendments,
  DenialEvent,
  DenialNotified,
  DenialSource,
  DenialSourceKind,
  FinalAssessment,
  FinalAssessmentRecorded,
} from './denial.events';
import { DENIAL_SOURCE_KINDS, FINAL_ASSESSMENTS } from './denial.events';
import { checkedGraceDays, reviewClockFrom } from './denial.rules';

/** A denial stays IN_FORCE until its issuer revokes it or a final assessment withdraws it; it never lapses. */
export type DenialStatus = 'IN_FORCE' | 'REVOKED' | 'WITHDRAWN';

/** A register entry: what every other authority matches its applications against. */
export interface Denial {
  readonly status: DenialStatus;
  readonly denialId: string;
  readonly issuingMemberState: MemberStateCode;
  readonly source: DenialSource;
  readonly applicationKind: ApplicationKind;
  readonly items: readonly NotifiedItem[];
  readonly destinationCountry: string;
  readonly endUser: Party;
  readonly consignee: Party | null;
  readonly grounds: readonly Art15Ground[];
  readonly reason: string | null;
  readonly decidedOn: string;
  readonly notifiedAt: string;
  readonly reviewDueAt: string;
  readonly lapsesAt: string;
  readonly reviewGraceDays: number;
  /** True once the timer recorded that the current review is due; a review resets it. */
  readonly reviewDueMarked: boolean;
  readonly finalAssessment: FinalAssessmentRecorded['data'] | null;
}

export type DenialState = { readonly status: 'NONE' } | Denial;

/** The Denial decider: one entry of the EU denial register (Art 16), from notification to review. */
export const denialDecider: Decider<DenialCommand, DenialEvent, DenialState> = {
  initialState: () => ({ status: 'NONE' }),
  evolve: evolveDenial,
  decide: decideDenial,
};

export function decideDenial(command: DenialCommand, state: DenialState): readonly DenialEvent[] {
  switch (command.type) {
    case 'NotifyDenial':
      return notify(command, state);
    case 'RecordFinalAssessment':
      return recordFinalAssessment(command, state);
    case 'MarkReviewDue':
      return markReviewDue(command, state);
    case 'ReviewDenial':
      return review(command, state);
    default:
      return assertNever(command, 'denial command');
  }
}

function notify({ data, metadata }: NotifyDenial, state: DenialState): readonly DenialEvent[] {
  if (state.status !== 'NONE') throw refuse.conflict('denial-exists', 'this denial is already in the register');
  const { notification } = data;
  const issuingMemberState = authorityOf(metadata);
  if (normaliseMemberState(notification.notifyingMemberState) !== issuingMemberState) {
    throw refuse.forbidden(
      'issuing-member-state-only',
      `${issuingMemberState} cannot notify a denial of ${notification.notifyingMemberState}`,
    );
  }
  const reviewGraceDays = checkedGraceDays(data.reviewGraceDays);
  return [
    {
      type: 'DenialNotified',
      data: {
        denialId: requiredText(data.denialId, 'denialId'),
        issuingMemberState,
        source: {
          kind: sourceKind(notification.kind),
          applicationId: requiredText(notification.applicationId, 'notification.applicationId'),
          licenceId: optionalText(notification.licenceId),
        },
        recipients: { memberStates: otherMemberStates(issuingMemberState), commission: true },
        applicationKind: notification.applicationKind,
        items: checkedItems(notification.items, 'notification.items'),
        destinationCountry: country(notification.destinationCountry, 'notification.destinationCountry'),
        endUser: party(notification.endUser, 'notification.endUser'),
        consignee: notification.consignee ? party(notification.consignee, 'notification.consignee') : null,
        grounds: checkedGrounds(notification.grounds),
        reason: optionalText(notification.reason),
        decidedOn: notification.effectiveOn,
        ...reviewClockFrom(metadata.now, reviewGraceDays),
        reviewGraceDays,
        notifiedBy: metadata.actor,
        notifiedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function recordFinalAssessment({ data, metadata }: RecordFinalAssessment, state: DenialState): readonly DenialEvent[] {
  const denial = ownDenial(state, metadata);
  assertNotEnded(denial);
  if (denial.source.kind !== 'SUSPENSION') {
    throw refuse.ruleViolated(
      'final-assessment-after-suspension',
      `a final assessment follows a suspension, not a ${denial.source.kind}`,
    );
  }
  if (denial.finalAssessment !== null) {
    throw refuse.conflict('final-assessment-recorded', 'the final assessment of this suspension is already recorded');
  }
  const assessment = knownAssessment(data.assessment);
  const statement = requiredText(data.statement, 'statement');
  return [
    {
      type: 'FinalAssessmentRecorded',
      data: {
        assessment,
        statement,
        supersededBy: supersededBy(assessment, data.supersededBy, denial.denialId),
        recordedBy: metadata.actor,
        recordedAt: metadata.now.toISOString(),
      },
    },
  ];
}

function markReviewDue({ metadata }: MarkReviewDue, state: DenialState): readonly DenialEvent[] {
  const denial = existingDenial(state);
  // The timer may fire twice, or after a review or revocation: nothing new is due.
  if (denial.status !== 'IN_FORCE' || denial.reviewDueMarked) return [];
  if (metadata.now.getTime() < Date.parse(denial.reviewDueAt)) {
    throw refuse.ruleViolated('review-not-due', `the review of this denial is due at ${denial.reviewDueAt}`);
  }
  return [
    {
      type: 'DenialReviewDue',
      data: { reviewDueAt: denial.reviewDueAt, lapsesAt: denial.lapsesAt, markedAt: metadata.now.toISOString() },
    },
  ];
}

function review({ data, metadata }: ReviewDenial, state: DenialState): readonly DenialEvent[] {
  const denial = ownDenial(state, metadata);
  assertNotEnded(denial);
  const at = metadata.now.toISOString();
  switch (data.decision) {
    case 'RENEW':
      return [
        {
          type: 'DenialRenewed',
          data: {
            note: optionalText(data.note),
            previousReviewDueAt: denial.reviewDueAt,
            ...reviewClockFrom(metadata.now, denial.reviewGraceDays),
            renewedBy: metadata.actor,
            renewedAt: at,
          },
        },
      ];
    case 'AMEND': {
      const amendments = checkedAmendments(data.amendments);
      return [
        {
          type: 'DenialAmended',
          data: {
            amendments,
            note: requiredText(data.note, 'note'),
            previousReviewDueAt: denial.reviewDueAt,
            ...reviewClockFrom(metadata.now, denial.reviewGraceDays),
            amendedBy: metadata.actor,
            amendedAt: at,
          },
        },
      ];
    }
    case 'REVOKE':
      return [
        {
          type: 'DenialRevoked',
          data: { reason: requiredText(data.reason, 'reason'), revokedBy: metadata.actor, revokedAt: at },
        },
      ];
    default:
      return unknownDecision(data);
  }
}

// ---- guards ----

function authorityOf(metadata: CommandMetadata): MemberStateCode {
  const authority = metadata.memberState === undefined ? undefined : normaliseMemberState(metadata.memberState);
  if (authority === undefined) {
    throw refuse.forbidden('authority-required', 'the command must come from a member state authority');
  }
  return authority;
}

function existingDenial(state: DenialState): Denial {
  if (state.status === 'NONE') throw refuse.notFound('denial-not-found', 'no such denial in the register');
  return state;
}

/** Nobody outside the issuing member state acts on its denial. */
function ownDenial(state: DenialState, metadata: CommandMetadata): Denial {
  const denial = existingDenial(state);
  const acting = authorityOf(metadata);
  if (acting !== denial.issuingMemberState) {
    throw refuse.forbidden(
      'issuing-member-state-only',
      `only ${denial.issuingMemberState}, which issued this denial, acts on it`,
    );
  }
  return denial;
}

function assertNotEnded(denial: Denial): void {
  if (denial.status === 'IN_FORCE') return;
  throw refuse.conflict('denial-not-in-force', `the denial is ${denial.status}`);
}

function sourceKind(kind: string): DenialSourceKind {
  const known = DENIAL_SOURCE_KINDS.find((candidate) => candidate === kind);
  if (known !== undefined) return known;
  throw refuse.invalid(
    'denial-source',
    `a register entry comes from a ${DENIAL_SOURCE_KINDS.join(', ')} notification, not ${kind}`,
  );
}

function knownAssessment(assessment: FinalAssessment): FinalAssessment {
  if ((FINAL_ASSESSMENTS as readonly string[]).includes(assessment)) return assessment;
  throw refuse.invalid('final-assessment', `assessment must be one of ${FINAL_ASSESSMENTS.join(', ')}`);
}

function supersededBy(assessment: FinalAssessment, value: string | undefined, denialId: string): string | null {
  const successor = optionalText(value);
  if (assessment !== 'SUPERSEDED') {
    if (successor !== null) throw refuse.invalid('superseded-by', 'supersededBy goes only with SUPERSEDED');
    return null;
  }
  if (successor === null || successor === denialId) {
    throw refuse.invalid('superseded-by', 'SUPERSEDED names the register entry (another denial) that replaces it');
  }
  return successor;
}

function checkedAmendments(input: DenialAmendments): DenialAmendments {
  const amendments: { -readonly [K in keyof DenialAmendments]: DenialAmendments[K] } = {};
  if (input.items !== undefined) amendments.items = checkedItems(input.items, 'amendments.items');
  if (input.destinationCountry !== undefined) {
    amendments.destinationCountry = country(input.destinationCountry, 'amendments.destinationCountry');
  }
  if (input.endUser !== undefined) amendments.endUser = party(input.endUser, 'amendments.endUser');
  if (input.consignee !== undefined) {
    amendments.consignee = input.consignee === null ? null : party(input.consignee, 'amendments.consignee');
  }
  if (input.grounds !== undefined) amendments.grounds = checkedGrounds(input.grounds);
  if (input.reason !== undefined) amendments.reason = optionalText(input.reason);
  if (Object.keys(amendments).length === 0) {
    throw refuse.invalid('nothing-to-amend', 'an amendment changes at least one field of the denial');
  }
  return amendments;
}

function checkedItems(items: readonly NotifiedItem[], field: string): readonly NotifiedItem[] {
  // Commands arrive from JSON: an absent list is refused like an empty one.
  if ((items?.length ?? 0) === 0) {
    throw refuse.invalid('items-required', `${field}: a denial covers at least one item`);
  }
  return items.map((item, index) => checkedItem(item, `${field}[${index}]`));
}

function checkedItem(item: NotifiedItem, field: string): NotifiedItem {
  const controlEntry = item.controlEntry === null ? null : entry(item.controlEntry, `${field}.controlEntry`);
  const catchAllGround = item.catchAllGround ?? null;
  if (catchAllGround !== null && !(CATCH_ALL_GROUNDS as readonly string[]).includes(catchAllGround)) {
    throw refuse.invalid('catch-all-ground', `${field}.catchAllGround must be one of ${CATCH_ALL_GROUNDS.join(', ')}`);
  }
  if (controlEntry === null && catchAllGround === null) {
    throw refuse.invalid('item-classification', `${field}: a control entry or a catch-all ground`);
  }
  return {
    controlEntry,
    catchAllGround,
    description: requiredText(item.description, `${field}.description`),
    hsCode: requiredText(item.hsCode, `${field}.hsCode`),
  };
}

function entry(value: string, field: string): string {
  try {
    return normaliseControlEntry(value);
  } catch (error) {
    throw refuse.invalid('control-entry-format', `${field}: ${(error as Error).message}`);
  }
}

function checkedGrounds(grounds: readonly Art15Ground[]): readonly Art15Ground[] {
  const unknown = grounds.filter((ground) => !(ART15_GROUNDS as readonly string[]).includes(ground));
  if (unknown.length > 0) throw refuse.invalid('art15-ground', `unknown Art 15 ground(s) ${unknown.join(', ')}`);
  return [...new Set(grounds)];
}

function party(input: Party, field: string): Party {
  return {
    name: requiredText(input.name, `${field}.name`),
    address: requiredText(input.address, `${field}.address`),
    country: country(input.country, `${field}.country`),
  };
}

function country(value: string, field: string): string {
  const code = typeof value === 'string' ? normaliseCountryCode(value) : undefined;
  if (code === undefined) throw refuse.invalid('country-code-format', `${field} must be an ISO 3166-1 alpha-2 code`);
  return code;
}

function unknownDecision(data: never): never {
  throw refuse.invalid(
    'review-decision',
    `decision must be RENEW, AMEND or REVOKE (got ${JSON.stringify((data as { decision?: unknown }).decision)})`,
  );
}

// ---- evolve ----

export function evolveDenial(state: DenialState, event: DenialEvent): DenialState {
  if (event.type === 'DenialNotified') return notified(event.data);
  // Any other event on a stream without a notified denial is ignored: evolve must not throw on history.
  if (state.status === 'NONE') return state;
  return evolveExisting(state, event);
}

function notified(data: DenialNotified['data']): Denial {
  return {
    status: 'IN_FORCE',
    denialId: data.denialId,
    issuingMemberState: data.issuingMemberState,
    source: data.source,
    applicationKind: data.applicationKind,
    items: data.items,
    destinationCountry: data.destinationCountry,
    endUser: data.endUser,
    consignee: data.consignee,
    grounds: data.grounds,
    reason: data.reason,
    decidedOn: data.decidedOn,
    notifiedAt: data.notifiedAt,
    reviewDueAt: data.reviewDueAt,
    lapsesAt: data.lapsesAt,
    reviewGraceDays: data.reviewGraceDays,
    reviewDueMarked: false,
    finalAssessment: null,
  };
}

function evolveExisting(state: Denial, event: DenialEvent): Denial {
  switch (event.type) {
    case 'DenialNotified':
      return notified(event.data);
    case 'FinalAssessmentRecorded':
      return {
        ...state,
        status: event.data.assessment === 'CONFIRMED' ? state.status : 'WITHDRAWN',
        finalAssessment: event.data,
      };
    case 'DenialReviewDue':
      return { ...state, reviewDueMarked: true };
    case 'DenialRenewed':
      return { ...state, reviewDueAt: event.data.reviewDueAt, lapsesAt: event.data.lapsesAt, reviewDueMarked: false };
    case 'DenialAmended':
      return {
        ...state,
        ...event.data.amendments,
        reviewDueAt: event.data.reviewDueAt,
        lapsesAt: event.data.lapsesAt,
        reviewDueMarked: false,
      };
    case 'DenialRevoked':
      return { ...state, status: 'REVOKED' };
    default:
      return assertNever(event, 'denial event');
  }
}
