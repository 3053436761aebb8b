import type { Art16Notification, ConsultationPacket, DenialState, ConsultationState, DomainEvent } from '@dul/domain';
import {
  art16Notification,
  consultationDecider,
  consultationPacketFrom,
  DAILY_ROOT_EVENT,
  dailyRootStream,
  DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS,
  DEFAULT_DENIAL_REVIEW_GRACE_DAYS,
  DEFAULT_SECURITY_INTEREST_WORKING_DAYS,
  denialDecider,
  fold,
  itemsLocatedElsewhereConsultationId,
  normaliseApplicationContent,
  priorDenialConsultationId,
} from '@dul/domain';
import type { SourceEvent } from '../integration-event';
import type { EventLog } from './licensing-history';
import { at, contentInput, itemInput, licensingHistory, T0 } from './licensing-history';

// The denial register and the consultations, recorded by the real deciders on top of the licensing
// history: each Art 16 notification that history produced enters the register, and the application
// that was granted despite a denial was consulted on it first.

const DAY_MS = 86_400_000;

/** The first whole day (from T0, at 09:00 UTC) at or after an instant: when a timer finds it due. */
export function dayAfter(instant: string): number {
  return Math.ceil((Date.parse(instant) - T0.getTime()) / DAY_MS);
}

/** Art 16 notifications as the licensing events carry them, by source event type. */
function notificationOf(log: EventLog, type: string, streamId: string): Art16Notification {
  const event = log.stream(streamId).find((candidate) => candidate.type === type);
  const data = event?.data as { denialNotice?: Art16Notification | null; notification?: Art16Notification | null };
  const notification = data?.denialNotice ?? data?.notification;
  if (!notification) throw new Error(`no Art 16 notification on ${type} of ${streamId}`);
  return notification;
}

export function denialState(log: EventLog, denialId: string): DenialState {
  return fold(
    denialDecider,
    log.stream(`denial-${denialId}`).map((event) => ({ type: event.type, data: event.data }) as never),
  );
}

export function consultationState(log: EventLog, consultationId: string): ConsultationState {
  return fold(
    consultationDecider,
    log.stream(`consultation-${consultationId}`).map((event) => ({ type: event.type, data: event.data }) as never),
  );
}

function notify(log: EventLog, denialId: string, notification: Art16Notification, day: number, actor: string) {
  return log.denial(denialId, {
    type: 'NotifyDenial',
    data: { denialId, notification, reviewGraceDays: DEFAULT_DENIAL_REVIEW_GRACE_DAYS },
    metadata: at(day, actor, notification.notifyingMemberState),
  });
}

/** A transaction as France refused it: the register entry the Art 16 consultation is about. */
function frenchDenial(kind: 'DENIAL' | 'SUSPENSION', day: number): Art16Notification {
  const content = normaliseApplicationContent(contentInput({ consignee: null }));
  return art16Notification(
    kind,
    'FR',
    {
      applicationId: `fr-app-${kind.toLowerCase()}`,
      licenceId: kind === 'DENIAL' ? null : 'fr-lic-9',
      applicationKind: 'INDIVIDUAL',
      items: content.items,
      destinationCountry: content.destinationCountry,
      endUser: content.endUser,
      consignee: content.consignee,
    },
    {
      grounds: ['HUMAN_RIGHTS'],
      reason: kind === 'DENIAL' ? 'risk of use for internal repression' : null,
      at: at(day).now,
    },
  );
}

/** The packet of an application of the licensing history, as the consultation service builds it. */
export function packetFor(
  locatedIn: string | null = 'DE',
  grounds: readonly string[] = ['the end user and the items match a denial in force'],
): ConsultationPacket {
  const content = contentInput({
    items: [itemInput({ memberStateWhereLocated: locatedIn }), itemInput({ description: 'Spare line cards' })],
    otherParties: [{ role: 'BROKER', name: 'Broker Sp. z o.o.', address: 'ul. Prosta 1, Warsaw', country: 'PL' }],
  });
  return consultationPacketFrom(normaliseApplicationContent(content), { grounds });
}

export const DENIAL_IDS = {
  /** DE's refusal of app-2: reviewed (amended), reviewed again (renewed), then revoked. */
  refusal: 'den-de-1',
  /** DE's suspension of lic-1, lifted by reinstatement. */
  suspension: 'den-de-2',
  limitation: 'den-de-3',
  revocation: 'den-de-4',
  annulment: 'den-de-5',
  /** FR's refusal that app-3 was consulted on and granted despite. */
  french: 'den-fr-1',
  /** FR's suspension, superseded by the revocation that followed. */
  frenchSuspension: 'den-fr-2',
} as const;

export const CONSULTATION_IDS = {
  priorDenial: priorDenialConsultationId('app-3', 'den-fr-1'),
  itemsInNetherlands: itemsLocatedElsewhereConsultationId('app-1', 'NL'),
  catchAll: 'catch-all/DE/2025-0001',
  withdrawn: itemsLocatedElsewhereConsultationId('app-4', 'FR'),
  /** Art 14(2): FR asks DE not to grant app-3; DE declines and grants, which is notified. */
  securityInterest: 'security-interest/app-3/FR',
  /** Art 14(2): NL asks DE to suspend lic-1; DE stays silent until the period ends. */
  securityInterestLicence: 'security-interest/lic-1/NL',
} as const;

/** The consultations of the Art 14(2) kind, published as security-interest.*.v1. */
export const SECURITY_INTEREST_CONSULTATION_IDS: readonly string[] = [
  CONSULTATION_IDS.securityInterest,
  CONSULTATION_IDS.securityInterestLicence,
];

/** Every denial and consultation event type at least once, on top of `licensingHistory()`. */
export function authoritiesHistory(): EventLog {
  const log = licensingHistory();

  // ---- the denial register ----
  const refusal = notificationOf(log, 'DecisionIssued', 'application-app-2');
  notify(log, DENIAL_IDS.refusal, refusal, 4, 'system:denial-notifier');
  notify(log, DENIAL_IDS.limitation, notificationOf(log, 'LicenceAmended', 'licence-lic-1'), 20, 'boss@bafa');
  notify(log, DENIAL_IDS.suspension, notificationOf(log, 'LicenceSuspended', 'licence-lic-1'), 30, 'boss@bafa');
  log.denial(DENIAL_IDS.suspension, {
    type: 'RecordFinalAssessment',
    data: { assessment: 'LIFTED', statement: 'investigation closed without findings; licence reinstated' },
    metadata: at(40),
  });
  notify(log, DENIAL_IDS.revocation, notificationOf(log, 'LicenceRevoked', 'licence-lic-1'), 50, 'boss@bafa');
  notify(log, DENIAL_IDS.annulment, notificationOf(log, 'LicenceAnnulled', 'licence-lic-2'), 6, 'boss@bafa');

  // Three years on: the review timer, an amendment, the next review, a renewal, then a revocation.
  let entry = denialState(log, DENIAL_IDS.refusal);
  if (entry.status === 'NONE') throw new Error('no refusal in the register');
  const firstReview = dayAfter(entry.reviewDueAt);
  log.denial(DENIAL_IDS.refusal, { type: 'MarkReviewDue', data: {}, metadata: at(firstReview, 'system:review-timer') });
  log.denial(DENIAL_IDS.refusal, {
    type: 'ReviewDenial',
    data: {
      decision: 'AMEND',
      note: 'the end user changed its name; diversion risk added',
      amendments: {
        endUser: { name: 'Nippon Telecom Research KK', address: '1-1 Chiyoda, Tokyo', country: 'JP' },
        grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
      },
    },
    metadata: at(firstReview + 1),
  });
  entry = denialState(log, DENIAL_IDS.refusal);
  if (entry.status === 'NONE') throw new Error('no refusal in the register');
  const secondReview = dayAfter(entry.reviewDueAt);
  log.denial(DENIAL_IDS.refusal, {
    type: 'MarkReviewDue',
    data: {},
    metadata: at(secondReview, 'system:review-timer'),
  });
  log.denial(DENIAL_IDS.refusal, {
    type: 'ReviewDenial',
    data: { decision: 'RENEW', note: 'the end user is still under investigation' },
    metadata: at(secondReview + 2),
  });
  log.denial(DENIAL_IDS.refusal, {
    type: 'ReviewDenial',
    data: { decision: 'REVOKE', reason: 'the end user was dissolved' },
    metadata: at(secondReview + 200),
  });

  notify(log, DENIAL_IDS.french, frenchDenial('DENIAL', -100), -100, 'agent@sbdu');
  notify(log, DENIAL_IDS.frenchSuspension, frenchDenial('SUSPENSION', -90), -90, 'agent@sbdu');
  log.denial(DENIAL_IDS.frenchSuspension, {
    type: 'RecordFinalAssessment',
    data: {
      assessment: 'SUPERSEDED',
      statement: 'the licence was revoked after the investigation',
      supersededBy: 'den-fr-3',
    },
    metadata: at(-60, 'agent@sbdu', 'FR'),
  });

  // ---- consultations ----
  // Art 16: DE consults FR on its denial; extensions asked by both parties, one granted, one declined;
  // FR stays silent, so the transaction is not essentially identical (app-3 was then granted).
  const priorDenial = CONSULTATION_IDS.priorDenial;
  log.consultation(priorDenial, {
    type: 'OpenConsultation',
    data: {
      consultationId: priorDenial,
      kind: 'PRIOR_DENIAL',
      applicationId: 'app-3',
      consulted: 'FR',
      denialId: DENIAL_IDS.french,
      match: { score: 0.93, matchedFields: ['controlEntry:5A001.j', 'endUser.name', 'destinationCountry'] },
      packet: packetFor(),
    },
    metadata: at(1, 'anna@bafa'),
  });
  log.consultation(priorDenial, {
    type: 'RequestExtension',
    data: { additionalWorkingDays: 10, reason: 'technical comparison pending' },
    metadata: at(2, 'agent@sbdu', 'FR'),
  });
  log.consultation(priorDenial, { type: 'GrantExtension', data: {}, metadata: at(3, 'boss@bafa') });
  log.consultation(priorDenial, {
    type: 'RequestExtension',
    data: { additionalWorkingDays: 5, reason: 'awaiting the technical file from the exporter' },
    metadata: at(4, 'anna@bafa'),
  });
  log.consultation(priorDenial, {
    type: 'DeclineExtension',
    data: { reason: 'no further time needed on our side' },
    metadata: at(5, 'agent@sbdu', 'FR'),
  });
  lapse(log, priorDenial);

  // Art 14(1): an item is in the Netherlands; NL objects, which binds.
  const art14 = CONSULTATION_IDS.itemsInNetherlands;
  log.consultation(art14, {
    type: 'OpenConsultation',
    data: {
      consultationId: art14,
      kind: 'ITEMS_LOCATED_ELSEWHERE',
      applicationId: 'app-1',
      consulted: 'NL',
      packet: packetFor('NL', ['items located in the Netherlands (Art 14(1))']),
    },
    metadata: at(1, 'anna@bafa'),
  });
  log.consultation(art14, {
    type: 'ReplyToConsultation',
    data: { answer: 'OBJECTION', reasons: 'the items are subject to a national investigation' },
    metadata: at(3, 'officer@cdiu', 'NL'),
  });

  // Art 5: DE informs every other member state and the Commission; two respond; the period ends.
  const catchAll = CONSULTATION_IDS.catchAll;
  log.consultation(catchAll, {
    type: 'OpenConsultation',
    data: {
      consultationId: catchAll,
      kind: 'CATCH_ALL',
      applicationId: null,
      article: 'ART5',
      decision: 'licence required for monitoring software to JP',
      detailsWithheld: 'the end user is withheld as too sensitive (Art 23(6))',
      reviewWorkingDays: DEFAULT_CATCH_ALL_REVIEW_WORKING_DAYS,
      packet: { ...packetFor(null, ['Art 5(1): risk of use in connection with internal repression']), exporter: null },
    },
    metadata: at(1, 'boss@bafa'),
  });
  log.consultation(catchAll, {
    type: 'ReplyToConsultation',
    data: { answer: 'CONCUR' },
    metadata: at(4, 'agent@sbdu', 'FR'),
  });
  log.consultation(catchAll, {
    type: 'ReplyToConsultation',
    data: { answer: 'COMMENT', reasons: 'we imposed the same requirement in 2024' },
    metadata: at(5, 'officer@cdiu', 'NL'),
  });
  lapse(log, catchAll);

  // Art 14(1), withdrawn when the exporter withdrew the application.
  const withdrawn = CONSULTATION_IDS.withdrawn;
  log.consultation(withdrawn, {
    type: 'OpenConsultation',
    data: {
      consultationId: withdrawn,
      kind: 'ITEMS_LOCATED_ELSEWHERE',
      applicationId: 'app-4',
      consulted: 'FR',
      packet: packetFor('FR', ['items located in France (Art 14(1))']),
    },
    metadata: at(1, 'anna@bafa'),
  });
  log.consultation(withdrawn, {
    type: 'WithdrawConsultation',
    data: { reason: 'the exporter withdrew the application' },
    metadata: at(2, 'anna@bafa'),
  });

  securityInterestHistory(log);
  // ---- the daily root the ledger seals over it all, for every authority to keep ----
  const sealedAt = at(80, 'system:daily-root');
  const day = new Date(sealedAt.now.getTime() - DAY_MS).toISOString().slice(0, 10);
  const root: DomainEvent = {
    type: DAILY_ROOT_EVENT,
    data: {
      day,
      coveredUpTo: log.events.length,
      streams: new Set(log.events.map((event) => event.streamId)).size,
      // A fixed stand-in: the mapper publishes the root as sealed; libs/event-store computes it.
      root: '5d2c'.repeat(16),
      algorithm: 'merkle-sha256',
      legacyUpTo: 0,
    },
  };
  log.append(dailyRootStream(day), [root], sealedAt);
  return log;
}

/** Art 14(2): a request not to grant, declined and granted anyway; a request to suspend, unanswered. */
function securityInterestHistory(log: EventLog): void {
  const notToGrant = CONSULTATION_IDS.securityInterest;
  log.consultation(notToGrant, {
    type: 'OpenConsultation',
    data: {
      consultationId: notToGrant,
      kind: 'SECURITY_INTEREST',
      applicationId: 'app-3',
      request: 'NOT_TO_GRANT',
      grounds: 'the end user supplies a programme that threatens our armed forces',
      consulted: 'DE',
      replyWorkingDays: DEFAULT_SECURITY_INTEREST_WORKING_DAYS,
      packet: packetFor('DE', ['essential security interests of FR (Art 14(2))']),
    },
    metadata: at(1, 'agent@sbdu', 'FR'),
  });
  log.consultation(notToGrant, {
    type: 'ReplyToConsultation',
    data: { answer: 'REQUEST_DECLINED', reasons: 'the end use is civilian and verified on site' },
    metadata: at(3, 'boss@bafa'),
  });
  log.consultation(notToGrant, {
    type: 'NotifyGrantDespiteSecurityInterest',
    data: { applicationId: 'app-3', licenceId: 'lic-3', grantedAt: at(4).now.toISOString() },
    metadata: at(4, 'system:security-interest-notifier'),
  });

  const suspend = CONSULTATION_IDS.securityInterestLicence;
  log.consultation(suspend, {
    type: 'OpenConsultation',
    data: {
      consultationId: suspend,
      kind: 'SECURITY_INTEREST',
      applicationId: 'app-1',
      licenceId: 'lic-1',
      request: 'SUSPEND',
      grounds: 'new intelligence on the end user',
      consulted: 'DE',
      replyWorkingDays: DEFAULT_SECURITY_INTEREST_WORKING_DAYS,
      packet: packetFor('DE', ['essential security interests of NL (Art 14(2))']),
    },
    metadata: at(1, 'officer@cdiu', 'NL'),
  });
  lapse(log, suspend);
}

/** The deadline timer, once the period has ended. */
function lapse(log: EventLog, consultationId: string): readonly SourceEvent[] {
  const consultation = consultationState(log, consultationId);
  if (consultation.status === 'NONE') throw new Error(`no consultation ${consultationId}`);
  return log.consultation(consultationId, {
    type: 'LapseConsultationDeadline',
    data: {},
    metadata: at(dayAfter(consultation.deadline.endsAt), 'system:deadline-timer'),
  });
}
