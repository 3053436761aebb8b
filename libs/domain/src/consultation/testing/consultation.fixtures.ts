import type { CommandMetadata } from '../../decider';
import { fold } from '../../decider';
import type { ApplicationItemInput } from '../../licensing/application.content';
import { normaliseApplicationContent } from '../../licensing/application.content';
import type { MemberStateCode } from '../../reference/member-states';
import { contentInput, itemInput } from '../../testing/licensing.fixtures';
import type { ConsultationCommand, OpenConsultation, OpenPriorDenialData } from '../consultation.commands';
import type { ConsultationState } from '../consultation.decider';
import { consultationDecider } from '../consultation.decider';
import type { ConsultationEvent, ConsultationPacket, SecurityInterestRequest } from '../consultation.events';
import { consultationPacketFrom } from '../consultation.packet';

/** Friday 18 December 2026, 10:00 UTC: a period opened now spans weekends, Christmas and New Year. */
export const FRIDAY_BEFORE_CHRISTMAS = new Date('2026-12-18T10:00:00.000Z');

export const APPLICATION = 'app-7';

/** Metadata of a command by an authority of `memberState` at `now`. */
export function by(memberState: string | undefined, now: Date, actor = `officer@${memberState ?? 'commission'}`) {
  const metadata: CommandMetadata = { actor, memberState, now, correlationId: 'corr-c' };
  return metadata;
}

/** The packet of an application whose one item is located in `locatedIn`. */
export function packetWithItemsIn(...locatedIn: readonly (MemberStateCode | null)[]): ConsultationPacket {
  const items: ApplicationItemInput[] = locatedIn.map((memberStateWhereLocated) =>
    itemInput({ memberStateWhereLocated }),
  );
  return consultationPacketFrom(normaliseApplicationContent(contentInput({ items })), {
    grounds: ['items located in the consulted member state (Art 14(1))'],
  });
}

export function openArt14(
  requester: MemberStateCode,
  consulted: MemberStateCode,
  now = FRIDAY_BEFORE_CHRISTMAS,
  packet: ConsultationPacket = packetWithItemsIn(consulted),
): OpenConsultation {
  return {
    type: 'OpenConsultation',
    data: {
      consultationId: `${APPLICATION}/art14/${consulted}`,
      kind: 'ITEMS_LOCATED_ELSEWHERE',
      applicationId: APPLICATION,
      consulted,
      packet,
    },
    metadata: by(requester, now),
  };
}

export function openArt16(
  requester: MemberStateCode,
  denying: MemberStateCode,
  now = FRIDAY_BEFORE_CHRISTMAS,
  settings: Pick<OpenPriorDenialData, 'replyWorkingDays' | 'silenceMeans'> = {},
): OpenConsultation {
  return {
    type: 'OpenConsultation',
    data: {
      consultationId: `${APPLICATION}/art16/denial-9`,
      kind: 'PRIOR_DENIAL',
      applicationId: APPLICATION,
      consulted: denying,
      denialId: 'denial-9',
      match: { score: 0.93, matchedFields: ['controlEntry', 'endUser', 'destinationCountry'] },
      packet: packetWithItemsIn(requester),
      ...settings,
    },
    metadata: by(requester, now),
  };
}

export function openCatchAll(
  requester: MemberStateCode,
  reviewWorkingDays = 30,
  now = FRIDAY_BEFORE_CHRISTMAS,
): OpenConsultation {
  return {
    type: 'OpenConsultation',
    data: {
      consultationId: 'catch-all-1',
      kind: 'CATCH_ALL',
      applicationId: APPLICATION,
      article: 'ART5',
      decision: 'licence required for unlisted monitoring software: risk of internal repression',
      reviewWorkingDays,
      packet: packetWithItemsIn(requester),
    },
    metadata: by(requester, now),
  };
}

/** Art 14(2): `requester` asks `requested` (which decides on APPLICATION) not to grant, or about its licence. */
export function openSecurityInterest(
  requester: MemberStateCode,
  requested: MemberStateCode,
  options: {
    readonly request?: SecurityInterestRequest;
    readonly licenceId?: string | null;
    readonly replyWorkingDays?: number;
    readonly now?: Date;
  } = {},
): OpenConsultation {
  return {
    type: 'OpenConsultation',
    data: {
      consultationId: `${APPLICATION}/art14-2/${requester}`,
      kind: 'SECURITY_INTEREST',
      applicationId: APPLICATION,
      licenceId: options.licenceId ?? null,
      request: options.request ?? 'NOT_TO_GRANT',
      grounds: 'the end user supplies a programme directed against our armed forces',
      consulted: requested,
      replyWorkingDays: options.replyWorkingDays ?? 10,
      packet: packetWithItemsIn(requested),
    },
    metadata: by(requester, options.now ?? FRIDAY_BEFORE_CHRISTMAS),
  };
}

/** What the grant notifier sends when `granting` grants APPLICATION at `grantedAt`. */
export const notifyGrant = (granting: string, grantedAt: Date, applicationId = APPLICATION): ConsultationCommand => ({
  type: 'NotifyGrantDespiteSecurityInterest',
  data: { applicationId, licenceId: 'lic-7', grantedAt: grantedAt.toISOString() },
  metadata: by(granting, grantedAt, 'system:security-interest-notifier'),
});

/** The history after deciding each command in turn, each on the state the previous ones left. */
export function historyOf(...commands: readonly ConsultationCommand[]): readonly ConsultationEvent[] {
  return commands.reduce<readonly ConsultationEvent[]>(
    (history, command) => [...history, ...consultationDecider.decide(command, fold(consultationDecider, history))],
    [],
  );
}

export function stateOf(...commands: readonly ConsultationCommand[]): ConsultationState {
  return fold(consultationDecider, historyOf(...commands));
}

export const reply = (
  memberState: string | undefined,
  answer: Extract<ConsultationCommand, { type: 'ReplyToConsultation' }>['data']['answer'],
  now: Date,
  reasons?: string,
): ConsultationCommand => ({
  type: 'ReplyToConsultation',
  data: reasons === undefined ? { answer } : { answer, reasons },
  metadata: by(memberState, now),
});

export const requestExtension = (memberState: string, days: number, now: Date): ConsultationCommand => ({
  type: 'RequestExtension',
  data: { additionalWorkingDays: days, reason: 'technical assessment of the items takes longer' },
  metadata: by(memberState, now),
});

export const grantExtension = (memberState: string, now: Date, days?: number): ConsultationCommand => ({
  type: 'GrantExtension',
  data: days === undefined ? {} : { additionalWorkingDays: days },
  metadata: by(memberState, now),
});

export const declineExtension = (memberState: string, now: Date): ConsultationCommand => ({
  type: 'DeclineExtension',
  data: { reason: 'the applicant needs an answer before the contract date' },
  metadata: by(memberState, now),
});

/** What the durable deadline timer sends. */
export const lapse = (now: Date): ConsultationCommand => ({
  type: 'LapseConsultationDeadline',
  data: {},
  metadata: by(undefined, now, 'deadline-timer'),
});

export const withdraw = (memberState: string, now: Date): ConsultationCommand => ({
  type: 'WithdrawConsultation',
  data: { reason: 'the application was withdrawn' },
  metadata: by(memberState, now),
});

/** The instant `ms` milliseconds after an ISO instant. */
export function at(iso: string, ms = 0): Date {
  return new Date(Date.parse(iso) + ms);
}
