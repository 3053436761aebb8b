import type {
  Application,
  ApplicationContent,
  ApplicationEvent,
  ApplicationItem,
  ApplicationKind,
  GrantDespiteDenialNotified,
  Licence,
  LicenceAmended,
  LicenceEvent,
} from '@dul/domain';
import { APPLICATION_EVENT_TYPES, assertNever, LICENCE_EVENT_TYPES, licenceDecider } from '@dul/domain';
import type { PublishedData, PublishedType } from './catalogue';
import type { GrantDespiteDenialNotifiedV1 } from './authorities.contracts';
import type { LicenceLifecycleV1 } from './commission.contracts';
import type { CustomsLicenceV1 } from './customs.contracts';
import { isCyberSurveillance } from './cyber-surveillance';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import type { MappingContext } from './mapping';
import { aggregateIdOf, dateOf, IntegrationMappingError, mappingError, notifiedParty, Publisher } from './mapping';
import { v1ConsultationOutcome } from './consultation.mapper';

// Applications and licences: statistics for the Commission, licence snapshots for customs, and the Art 16
// notification of a grant despite a denial (of an application, or of a widening of its licence).

export type LicensingEvent = ApplicationEvent | LicenceEvent;

export const isApplicationEventType = (type: string): type is ApplicationEvent['type'] =>
  (APPLICATION_EVENT_TYPES as readonly string[]).includes(type);
export const isLicenceEventType = (type: string): type is LicenceEvent['type'] =>
  (LICENCE_EVENT_TYPES as readonly string[]).includes(type);

/** Licensing event types whose mapping reads the folded application or licence (`MappingContext`). */
export const LICENSING_CONTEXT_EVENT_TYPES: readonly LicensingEvent['type'][] = [
  'DecisionIssued',
  'GrantDespiteDenialNotified',
  ...LICENCE_EVENT_TYPES.filter((type) => type !== 'LicenceIssued'),
];

/**
 * Maps an application or licence event: zero (internal events such as risk flags, caseworker
 * assignment or proposals), one, or one per audience. Called through `toIntegrationEvents`.
 *
 * Refusals, annulments, suspensions, limitations and revocations reach the authorities through the
 * denial register's DenialNotified (see denial.mapper.ts), not from here, so no Art 16 notification is
 * published twice; only a grant despite a denial, recorded on the application, is published from here.
 */
export function licensingIntegrationEvents(
  stored: SourceEvent,
  event: LicensingEvent,
  context: MappingContext,
): readonly IntegrationEvent[] {
  const out = new Publisher(stored);
  switch (event.type) {
    case 'ApplicationSubmitted': {
      const { applicationId, kind, authority, content, submittedAt } = event.data;
      return [
        out.publish('commission', 'eu.dual-use.statistics.application-received.v1', applicationId, {
          applicationId,
          memberState: authority,
          kind,
          destinationCountry: content.destinationCountry,
          items: content.items.map(statisticalItem),
          cyberSurveillance: content.items.some((item) => isCyberSurveillance(item.classification)),
          receivedOn: dateOf(submittedAt),
        }),
      ];
    }
    case 'ApplicationAmended':
    case 'ApplicationWithdrawn':
    case 'AssessmentStarted':
    case 'ItemClassified':
    case 'RiskFlagRaised':
    case 'RiskFlagCleared':
    case 'DenialMatchFound':
    case 'DecisionProposed':
      // Internal to the case. A denial match reaches the denying member state as the packet of the
      // PRIOR_DENIAL consultation it opens, not as the screening record.
      return [];
    case 'DecisionIssued': {
      const application = applicationThrough(stored, context);
      const { content } = application;
      return [
        out.publish('commission', 'eu.dual-use.statistics.decision-issued.v1', application.applicationId, {
          applicationId: application.applicationId,
          memberState: application.authority,
          kind: application.kind,
          outcome: event.data.outcome,
          art15Grounds: event.data.art15Grounds,
          destinationCountry: content.destinationCountry,
          items: content.items.map(statisticalItem),
          cyberSurveillance: content.items.some((item) => isCyberSurveillance(item.classification)),
          receivedOn: dateOf(application.submittedAt),
          decidedOn: dateOf(event.data.issuedAt),
        }),
      ];
    }
    case 'GrantDespiteDenialNotified': {
      const application = applicationThrough(stored, context);
      return grantDespiteDenialMessages(out, stored, application.kind, application.content, event.data);
    }
    case 'LicenceIssued': {
      // The first event of a licence stream carries the whole licence: no context needed.
      const licence = licenceDecider.evolve(licenceDecider.initialState(), event) as Licence;
      return licenceChange(out, licence, 'ISSUED', licence.validFrom, (snapshot) => ({
        type: 'eu.dual-use.licence.issued.v1',
        data: { licence: snapshot, effectiveAt: licence.validFrom },
      }));
    }
    case 'LicenceAmended': {
      const licence = licenceThrough(stored, context, 'ACTIVE', 'SUSPENDED');
      const { reason, substantialLimitation, amendedAt } = event.data;
      assertAmendmentFolded(stored, licence, event.data);
      return licenceChange(
        out,
        licence,
        'AMENDED',
        amendedAt,
        (snapshot) => ({
          type: 'eu.dual-use.licence.amended.v1',
          data: { licence: snapshot, reason, substantialLimitation, effectiveAt: amendedAt },
        }),
        substantialLimitation,
      );
    }
    case 'LicenceGrantDespiteDenialNotified': {
      // The same notice as an application's, of the transaction as widened (the licence folded through the widening).
      const licence = licenceThrough(stored, context, 'ACTIVE', 'SUSPENDED');
      return grantDespiteDenialMessages(out, stored, licence.kind, licence, event.data);
    }
    case 'LicenceAmendmentProposed':
    case 'LicenceAmendmentRefused':
      // Internal to the authority: the licence changes for customs only when a widening is approved (LicenceAmended).
      return [];
    case 'LicenceSuspended': {
      const licence = licenceThrough(stored, context, 'SUSPENDED');
      const { reason, suspendedAt } = event.data;
      return licenceChange(out, licence, 'SUSPENDED', suspendedAt, (snapshot) => ({
        type: 'eu.dual-use.licence.suspended.v1',
        data: { licence: snapshot, reason, effectiveAt: suspendedAt },
      }));
    }
    case 'LicenceReinstated': {
      const licence = licenceThrough(stored, context, 'ACTIVE');
      const { reinstatedAt } = event.data;
      return licenceChange(out, licence, 'REINSTATED', reinstatedAt, (snapshot) => ({
        type: 'eu.dual-use.licence.reinstated.v1',
        data: { licence: snapshot, effectiveAt: reinstatedAt },
      }));
    }
    case 'LicenceAnnulled': {
      const licence = licenceThrough(stored, context, 'ANNULLED');
      const { reason, annulledAt } = event.data;
      return licenceChange(out, licence, 'ANNULLED', annulledAt, (snapshot) => ({
        type: 'eu.dual-use.licence.annulled.v1',
        data: { licence: snapshot, reason, effectiveAt: annulledAt },
      }));
    }
    case 'LicenceRevoked': {
      const licence = licenceThrough(stored, context, 'REVOKED');
      const { reason, revokedAt } = event.data;
      return licenceChange(out, licence, 'REVOKED', revokedAt, (snapshot) => ({
        type: 'eu.dual-use.licence.revoked.v1',
        data: { licence: snapshot, reason, effectiveAt: revokedAt },
      }));
    }
    case 'LicenceExpired': {
      const licence = licenceThrough(stored, context, 'EXPIRED');
      // Customs care from when the licence stopped being valid, not when the timer recorded it.
      const { validUntil } = event.data;
      return licenceChange(out, licence, 'EXPIRED', validUntil, (snapshot) => ({
        type: 'eu.dual-use.licence.expired.v1',
        data: { licence: snapshot, effectiveAt: validUntil },
      }));
    }
    case 'LicenceUsageRecorded': {
      const licence = licenceThrough(stored, context, 'ACTIVE');
      const { usageId, customsOffice, declarationReference, lines, recordedAt } = event.data;
      if (!licence.usageIds.includes(usageId)) {
        throw new IntegrationMappingError(stored.eventId, 'the licence context was not folded through this usage');
      }
      // Usage is for customs only: the Commission counts licences, not exports made under them.
      return [
        out.publish('customs', 'eu.dual-use.licence.usage-recorded.v1', licence.licenceId, {
          licence: customsLicence(licence),
          usage: {
            usageId,
            customsOffice,
            declarationReference,
            lines: lines.map((usageLine) => ({
              line: usageLine.itemIndex,
              quantity: usageLine.quantity,
              value: usageLine.value,
              currency:
                licence.items[usageLine.itemIndex]?.currency ??
                mappingError(stored, `usage names item ${usageLine.itemIndex}, which the licence does not have`),
            })),
          },
          effectiveAt: recordedAt,
        }),
      ];
    }
    default:
      return assertNever(event, 'licensing event');
  }
}

type CustomsMessage = {
  readonly [T in PublishedType]: { readonly type: T; readonly data: PublishedData<T> };
}[
  | 'eu.dual-use.licence.issued.v1'
  | 'eu.dual-use.licence.amended.v1'
  | 'eu.dual-use.licence.suspended.v1'
  | 'eu.dual-use.licence.reinstated.v1'
  | 'eu.dual-use.licence.revoked.v1'
  | 'eu.dual-use.licence.annulled.v1'
  | 'eu.dual-use.licence.expired.v1'];

/** A licence change: the customs message, and the statistics record for the Commission. */
function licenceChange(
  out: Publisher,
  licence: Licence,
  change: LicenceLifecycleV1['change'],
  effectiveAt: string,
  customs: (snapshot: CustomsLicenceV1) => CustomsMessage,
  substantialLimitation = false,
): readonly IntegrationEvent[] {
  const message = customs(customsLicence(licence));
  return [
    out.publish('customs', message.type, licence.licenceId, message.data),
    out.publish('commission', 'eu.dual-use.statistics.licence-lifecycle.v1', licence.licenceId, {
      licenceId: licence.licenceId,
      applicationId: licence.applicationId,
      memberState: licence.issuingMemberState,
      kind: licence.kind,
      change,
      status: licence.status,
      substantialLimitation,
      destinationCountry: licence.destinationCountry,
      items: licence.items.map(statisticalItem),
      cyberSurveillance: licence.items.some((item) => isCyberSurveillance(item.classification)),
      effectiveOn: dateOf(effectiveAt),
    }),
  ];
}

/** The stored event as an application or licence event; undefined for any other. */
export function asLicensingEvent(stored: SourceEvent): LicensingEvent | undefined {
  if (isApplicationEventType(stored.type)) return { type: stored.type, data: stored.data } as ApplicationEvent;
  if (isLicenceEventType(stored.type)) return { type: stored.type, data: stored.data } as LicenceEvent;
  return undefined;
}

/** The licence as customs sees it: no applicant internals, no addresses, no actors. */
export function customsLicence(licence: Licence): CustomsLicenceV1 {
  return {
    licenceId: licence.licenceId,
    issuingMemberState: licence.issuingMemberState,
    kind: licence.kind,
    status: licence.status,
    holder: {
      name: licence.holder.name,
      identifier: { scheme: licence.holder.identifier.scheme, value: licence.holder.identifier.value },
      country: licence.holder.country,
    },
    items: licence.items.map((item, line) => ({
      line,
      controlEntry: item.classification.kind === 'LISTED' ? item.classification.controlEntry : null,
      catchAllGround: item.classification.kind === 'NOT_LISTED' ? item.classification.catchAllGround : null,
      description: item.description,
      hsCode: item.hsCode,
      quantity: item.quantity,
      unit: item.unit,
      value: item.value,
      currency: item.currency,
      usedQuantity: item.usedQuantity,
      usedValue: item.usedValue,
      memberStateWhereLocated: item.memberStateWhereLocated,
    })),
    destinationCountry: licence.destinationCountry,
    endUser: { name: licence.endUser.name, country: licence.endUser.country },
    consignee: licence.consignee === null ? null : { name: licence.consignee.name, country: licence.consignee.country },
    validFrom: licence.validFrom,
    validUntil: licence.validUntil,
    conditions: [...licence.conditions],
  };
}

function statisticalItem(
  item: ApplicationItem,
): PublishedData<'eu.dual-use.statistics.application-received.v1'>['items'][number] {
  return {
    controlEntry: item.classification.kind === 'LISTED' ? item.classification.controlEntry : null,
    catchAllGround: item.classification.kind === 'NOT_LISTED' ? item.classification.catchAllGround : null,
    cyberSurveillance: isCyberSurveillance(item.classification),
    value: item.value,
    currency: item.currency,
  };
}

function applicationThrough(stored: SourceEvent, context: MappingContext): Application {
  const application = context.application;
  if (application === undefined) {
    throw new IntegrationMappingError(stored.eventId, `${stored.type} needs the application in the mapping context`);
  }
  if (application.applicationId !== aggregateIdOf(stored.streamId)) {
    throw new IntegrationMappingError(stored.eventId, `context is application ${application.applicationId}`);
  }
  if (application.decision === null) {
    throw new IntegrationMappingError(stored.eventId, 'the application context was not folded through the decision');
  }
  return application;
}

function licenceThrough(
  stored: SourceEvent,
  context: MappingContext,
  ...expected: readonly Licence['status'][]
): Licence {
  const licence = context.licence;
  if (licence === undefined) {
    throw new IntegrationMappingError(stored.eventId, `${stored.type} needs the licence in the mapping context`);
  }
  if (licence.licenceId !== aggregateIdOf(stored.streamId)) {
    throw new IntegrationMappingError(stored.eventId, `context is licence ${licence.licenceId}`);
  }
  // A context folded only up to the previous event would publish the old status: refuse it.
  if (!expected.includes(licence.status)) {
    throw new IntegrationMappingError(
      stored.eventId,
      `licence context is ${licence.status} after ${stored.type}; fold the stream through the event`,
    );
  }
  return licence;
}

function assertAmendmentFolded(stored: SourceEvent, licence: Licence, terms: LicenceAmended['data']): void {
  const folded =
    licence.items.length === terms.itemLimits.length + (terms.addedItems?.length ?? 0) &&
    licence.validUntil === terms.validUntil &&
    licence.conditions.length === terms.conditions.length &&
    licence.conditions.every((condition, index) => condition === terms.conditions[index]) &&
    terms.itemLimits.every(
      (limit, index) =>
        licence.items[index]?.quantity === limit.quantity && licence.items[index]?.value === limit.value,
    );
  if (!folded) {
    throw new IntegrationMappingError(stored.eventId, 'the licence context was not folded through this amendment');
  }
}

/** Art 16: every member state and the Commission, each on its own topic, with one id per audience. */
function grantDespiteDenialMessages(
  out: Publisher,
  stored: SourceEvent,
  kind: ApplicationKind,
  transaction: Pick<ApplicationContent, 'items' | 'destinationCountry' | 'endUser' | 'consignee'>,
  notification: GrantDespiteDenialNotified['data'],
): readonly IntegrationEvent[] {
  const { applicationId, grantingMemberState, recipients, denials, reasons, grantedAt } = notification;
  const data: PublishedData<'eu.dual-use.grant-despite-denial.notified.v1'> = {
    applicationId,
    notifyingMemberState: grantingMemberState,
    recipients: { memberStates: [...recipients.memberStates], commission: recipients.commission },
    denials: denials.map((denial) => ({
      denialId: denial.denialId,
      memberState: denial.issuingMemberState,
      consultationId: denial.consultationId,
      consultationOutcome: v1ConsultationOutcome(
        denial.outcome ?? mappingError(stored, `the consultation on denial ${denial.denialId} is still open`),
        (message) => mappingError(stored, message),
      ),
    })),
    applicationKind: kind,
    items: transaction.items.map(notifiedItem),
    destinationCountry: transaction.destinationCountry,
    endUser: notifiedParty(transaction.endUser),
    consignee: transaction.consignee === null ? null : notifiedParty(transaction.consignee),
    reasons,
    grantedAt,
  };
  return [
    out.publish('authorities', 'eu.dual-use.grant-despite-denial.notified.v1', applicationId, data),
    out.publish('commission', 'eu.dual-use.grant-despite-denial.notified.v1', applicationId, data),
  ];
}

function notifiedItem(item: ApplicationItem): GrantDespiteDenialNotifiedV1['items'][number] {
  return {
    controlEntry: item.classification.kind === 'LISTED' ? item.classification.controlEntry : null,
    catchAllGround: item.classification.kind === 'NOT_LISTED' ? item.classification.catchAllGround : null,
    description: item.description,
    hsCode: item.hsCode,
  };
}
