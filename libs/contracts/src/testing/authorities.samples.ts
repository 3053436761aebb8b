import type {
  ConsultationClosedV1,
  ConsultationDeadlineLapsedV1,
  ConsultationExtensionDeclinedV1,
  ConsultationExtensionGrantedV1,
  ConsultationExtensionRequestedV1,
  ConsultationOpenedV1,
  ConsultationRepliedV1,
  DenialAmendedV1,
  DenialFinalAssessmentRecordedV1,
  DenialNotifiedV1,
  DenialRenewedV1,
  DenialReviewDueV1,
  DenialRevokedV1,
  GrantDespiteDenialNotifiedV1,
  SecurityInterestClosedV1,
  SecurityInterestGrantNotifiedV1,
  SecurityInterestRequestedV1,
} from '../authorities.contracts';
import type { DailyRootSealedV1 } from '../audit.contracts';
import type { PublishedDataByType } from '../catalogue';

// Typed samples of the authorities' contracts, hand-written: the type checker holds them to the
// TypeScript type, the spec to the JSON Schema. The mappers' output, from real histories, is checked in
// denial-consultation.mapper.spec.ts (see testing/authorities-history.ts).

const ALL_BUT_FR = [
  'AT',
  'BE',
  'BG',
  'CY',
  'CZ',
  'DE',
  'DK',
  'EE',
  'ES',
  'FI',
  'GR',
  'HR',
  'HU',
  'IE',
  'IT',
  'LT',
  'LU',
  'LV',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SE',
  'SI',
  'SK',
];
const toAll = { memberStates: ALL_BUT_FR, commission: true };

const item = {
  controlEntry: '5A001.j',
  catchAllGround: null,
  description: 'IP network surveillance system',
  hsCode: '85176200',
};
const endUser = { name: 'Example Telecom LLC', address: '1 Example Street, Minsk', country: 'BY' };

const reviewClock = { reviewDueAt: '2028-03-10T09:00:00.000Z', lapsesAt: '2028-06-08T09:00:00.000Z' };

export const denialNotified: DenialNotifiedV1 = {
  denialId: 'den-fr-1',
  notificationKind: 'DENIAL',
  notifyingMemberState: 'FR',
  recipients: toAll,
  licenceId: null,
  applicationKind: 'INDIVIDUAL',
  items: [item, { controlEntry: null, catchAllGround: 'ART5', description: 'Monitoring software', hsCode: '85234910' }],
  destinationCountry: 'BY',
  endUser,
  consignee: null,
  grounds: ['HUMAN_RIGHTS'],
  reason: 'risk of use for internal repression',
  decidedOn: '2025-03-10',
  notifiedAt: '2025-03-10T09:00:00.000Z',
  ...reviewClock,
};

export const suspensionNotified: DenialNotifiedV1 = {
  ...denialNotified,
  denialId: 'den-fr-2',
  notificationKind: 'SUSPENSION',
  licenceId: 'lic-fr-9',
  consignee: { name: 'Example Freight', address: '2 Port Road, Riga', country: 'LV' },
  reason: null,
};

export const finalAssessmentRecorded: DenialFinalAssessmentRecordedV1 = {
  denialId: 'den-fr-2',
  notifyingMemberState: 'FR',
  recipients: toAll,
  assessment: 'SUPERSEDED',
  statement: 'the licence was revoked after the investigation',
  supersededBy: 'den-fr-3',
  recordedAt: '2025-06-01T10:00:00.000Z',
};

export const denialReviewDue: DenialReviewDueV1 = {
  denialId: 'den-fr-1',
  notifyingMemberState: 'FR',
  recipients: toAll,
  ...reviewClock,
};

export const denialRenewed: DenialRenewedV1 = {
  denialId: 'den-fr-1',
  notifyingMemberState: 'FR',
  recipients: toAll,
  renewedAt: '2028-02-01T08:00:00.000Z',
  note: null,
  reviewDueAt: '2031-02-01T08:00:00.000Z',
  lapsesAt: '2031-05-02T08:00:00.000Z',
};

export const denialAmended: DenialAmendedV1 = {
  denialId: 'den-fr-1',
  notifyingMemberState: 'FR',
  recipients: toAll,
  amendedAt: '2028-02-01T08:00:00.000Z',
  note: 'second item no longer controlled',
  applicationKind: 'INDIVIDUAL',
  items: [item],
  destinationCountry: 'BY',
  endUser,
  consignee: null,
  grounds: ['HUMAN_RIGHTS', 'END_USE_AND_DIVERSION'],
  reason: 'risk of use for internal repression',
  reviewDueAt: '2031-02-01T08:00:00.000Z',
  lapsesAt: '2031-05-02T08:00:00.000Z',
};

export const denialRevoked: DenialRevokedV1 = {
  denialId: 'den-fr-1',
  notifyingMemberState: 'FR',
  recipients: toAll,
  revokedAt: '2029-01-15T12:00:00.000Z',
  reason: 'end user dissolved',
};

export const grantDespiteDenialNotified: GrantDespiteDenialNotifiedV1 = {
  applicationId: 'app-de-7',
  notifyingMemberState: 'DE',
  recipients: { memberStates: ALL_BUT_FR.filter((code) => code !== 'DE').concat('FR'), commission: true },
  denials: [
    {
      denialId: 'den-fr-1',
      memberState: 'FR',
      consultationId: 'con-1',
      consultationOutcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
    },
  ],
  applicationKind: 'INDIVIDUAL',
  items: [item],
  destinationCountry: 'BY',
  endUser: { name: 'Example Telecom L.L.C.', address: '1 Example St, Minsk', country: 'BY' },
  consignee: null,
  reasons: 'the items are configured without interception capability (verified on site)',
  grantedAt: '2025-05-02T09:30:00.000Z',
};

const header = {
  consultationId: 'con-1',
  kind: 'PRIOR_DENIAL',
  requestingMemberState: 'DE',
  recipients: { memberStates: ['DE', 'FR'], commission: false },
} as const;

const deadline = {
  memberState: 'FR',
  workingDays: 10,
  lastDay: '2025-04-07',
  endsAt: '2025-04-07T22:00:00.000Z',
};

export const consultationOpened: ConsultationOpenedV1 = {
  ...header,
  consulted: ['FR'],
  commissionInformed: false,
  deadline,
  maxWorkingDays: 30,
  denialId: 'den-fr-1',
  match: { score: 0.93, matchedFields: ['controlEntry:5A001.j', 'endUser.name', 'destinationCountry'] },
  catchAll: null,
  packet: {
    exporter: {
      name: 'Muster Sicherheit GmbH',
      identifier: { scheme: 'EORI', value: 'DE123456789012345' },
      address: 'Musterstrasse 1, Berlin',
      country: 'DE',
    },
    items: [{ ...item, quantity: 2, unit: 'pcs', value: 80000, currency: 'EUR', memberStateWhereLocated: 'DE' }],
    endUser,
    consignee: null,
    otherParties: [{ role: 'BROKER', name: 'Broker Sp. z o.o.', address: 'ul. Prosta 1, Warsaw', country: 'PL' }],
    destinationCountry: 'BY',
    endUse: 'lawful interception for the national regulator',
    grounds: ['the end user appears in a denial in force'],
  },
  openedAt: '2025-03-24T10:00:00.000Z',
};

export const catchAllOpened: ConsultationOpenedV1 = {
  ...consultationOpened,
  consultationId: 'con-3',
  kind: 'CATCH_ALL',
  recipients: toAll,
  consulted: ALL_BUT_FR,
  commissionInformed: true,
  deadline: { ...deadline, workingDays: 30, lastDay: '2025-05-06', endsAt: '2025-05-06T22:00:00.000Z' },
  denialId: null,
  match: null,
  catchAll: { article: 'ART5', decision: 'licence required for monitoring software to BY', detailsWithheld: null },
  packet: { ...consultationOpened.packet, exporter: null, consignee: endUser, endUse: null, otherParties: [] },
};

export const consultationReplied: ConsultationRepliedV1 = {
  consultationId: 'con-2',
  kind: 'ITEMS_LOCATED_ELSEWHERE',
  requestingMemberState: 'DE',
  recipients: { memberStates: ['DE', 'NL'], commission: false },
  repliedBy: 'NL',
  answer: 'OBJECTION',
  reasons: 'the items are subject to a national investigation',
  repliedAt: '2025-03-28T15:30:00.000Z',
};

export const consultationExtensionRequested: ConsultationExtensionRequestedV1 = {
  ...header,
  requestedBy: 'FR',
  additionalWorkingDays: 10,
  reason: 'technical comparison pending',
  requestedAt: '2025-04-01T08:00:00.000Z',
};

export const consultationExtensionGranted: ConsultationExtensionGrantedV1 = {
  ...header,
  grantedBy: 'DE',
  additionalWorkingDays: 10,
  deadline: { ...deadline, workingDays: 20, lastDay: '2025-04-23', endsAt: '2025-04-23T22:00:00.000Z' },
  grantedAt: '2025-04-01T12:00:00.000Z',
};

export const consultationExtensionDeclined: ConsultationExtensionDeclinedV1 = {
  ...header,
  declinedBy: 'DE',
  reason: 'the exporter needs a decision this month',
  declinedAt: '2025-04-01T12:00:00.000Z',
};

export const consultationDeadlineLapsed: ConsultationDeadlineLapsedV1 = {
  ...header,
  deadline,
  lapsedAt: '2025-04-07T22:00:00.000Z',
};

export const consultationClosed: ConsultationClosedV1 = {
  ...header,
  outcome: 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE',
  reason: null,
  closedAt: '2025-04-07T22:00:05.000Z',
};

export const securityInterestRequested: SecurityInterestRequestedV1 = {
  consultationId: 'security-interest/app-3/FR',
  requestingMemberState: 'FR',
  requestedMemberState: 'DE',
  recipients: { memberStates: ['FR', 'DE'], commission: false },
  request: 'NOT_TO_GRANT',
  licenceId: null,
  grounds: 'the end user supplies a programme that threatens our armed forces',
  deadline: { ...deadline, memberState: 'DE' },
  openedAt: '2025-03-24T09:00:00.000Z',
};

export const securityInterestClosed: SecurityInterestClosedV1 = {
  consultationId: securityInterestRequested.consultationId,
  requestingMemberState: 'FR',
  requestedMemberState: 'DE',
  recipients: securityInterestRequested.recipients,
  request: 'NOT_TO_GRANT',
  licenceId: null,
  outcome: 'REQUEST_DECLINED',
  reasons: 'the end use is civilian and verified on site',
  closingRule: {
    basis: 'ANSWER',
    workingDays: 10,
    periodSetting: 'ART14_2_CONSULTATION_WORKING_DAYS',
    silenceSetting: null,
    statement: 'answered within the period (10 working days under ART14_2_CONSULTATION_WORKING_DAYS): REQUEST_DECLINED',
  },
  closedAt: '2025-03-26T09:00:00.000Z',
};

export const securityInterestGrantNotified: SecurityInterestGrantNotifiedV1 = {
  consultationId: 'security-interest/app-3/FR',
  notifyingMemberState: 'DE',
  requestingMemberState: 'FR',
  recipients: denialNotified.recipients,
  licenceId: 'lic-3',
  items: denialNotified.items,
  destinationCountry: denialNotified.destinationCountry,
  endUser: denialNotified.endUser,
  consignee: null,
  consultationOutcome: 'REQUEST_DECLINED',
  grantedAt: '2025-03-27T09:00:00.000Z',
  notifiedAt: '2025-03-27T09:00:01.000Z',
};

export const dailyRootSealed: DailyRootSealedV1 = {
  day: '2025-04-07',
  root: '9c1185a5c5e9fc54612808977ee8f548b2258d31b5c2a7e5c1d1a6e0a1b2c3d4',
  algorithm: 'merkle-sha256',
  coveredUpTo: 48211,
  streams: 9120,
  legacyUpTo: 0,
  sealedAt: '2025-04-08T00:01:00.000Z',
  recipients: { memberStates: [...ALL_BUT_FR, 'FR'].sort(), commission: true },
};

type AuthoritiesType = {
  [
    T in keyof PublishedDataByType
  ]: T extends `eu.dual-use.${'denial' | 'grant-despite-denial' | 'consultation' | 'security-interest' | 'audit'}.${string}`
    ? T
    : never;
}[keyof PublishedDataByType];

/** At least one sample per authorities type. */
export const AUTHORITIES_SAMPLES: { readonly [T in AuthoritiesType]: readonly PublishedDataByType[T][] } = {
  'eu.dual-use.denial.notified.v1': [denialNotified, suspensionNotified],
  'eu.dual-use.denial.final-assessment-recorded.v1': [finalAssessmentRecorded],
  'eu.dual-use.denial.review-due.v1': [denialReviewDue],
  'eu.dual-use.denial.renewed.v1': [denialRenewed],
  'eu.dual-use.denial.amended.v1': [denialAmended],
  'eu.dual-use.denial.revoked.v1': [denialRevoked],
  'eu.dual-use.grant-despite-denial.notified.v1': [grantDespiteDenialNotified],
  'eu.dual-use.consultation.opened.v1': [consultationOpened, catchAllOpened],
  'eu.dual-use.consultation.replied.v1': [consultationReplied],
  'eu.dual-use.consultation.extension-requested.v1': [consultationExtensionRequested],
  'eu.dual-use.consultation.extension-granted.v1': [consultationExtensionGranted],
  'eu.dual-use.consultation.extension-declined.v1': [consultationExtensionDeclined],
  'eu.dual-use.consultation.deadline-lapsed.v1': [consultationDeadlineLapsed],
  'eu.dual-use.consultation.closed.v1': [
    consultationClosed,
    { ...consultationClosed, closingRule: securityInterestClosed.closingRule },
  ],
  'eu.dual-use.security-interest.requested.v1': [securityInterestRequested],
  'eu.dual-use.security-interest.closed.v1': [securityInterestClosed],
  'eu.dual-use.security-interest.grant-notified.v1': [securityInterestGrantNotified],
  'eu.dual-use.audit.daily-root-sealed.v1': [dailyRootSealed],
};
