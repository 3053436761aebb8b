import type {
  ApplicationItem,
  ClosingRule,
  Consultation,
  ConsultationAnswer,
  ConsultationEvent,
  ConsultationOutcome,
  ConsultationPacket,
  WorkingDayDeadline,
} from '@dul/domain';
import { assertNever, CONSULTATION_EVENT_TYPES, consultationDecider } from '@dul/domain';
import type {
  ConsultationClosedV1,
  ConsultationOpenedV1,
  ConsultationRepliedV1,
  SecurityInterestClosedV1,
  SecurityInterestRequestedV1,
} from './authorities.contracts';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import type { PublishedData } from './catalogue';
import type { MappingContext } from './mapping';
import { aggregateIdOf, IntegrationMappingError, mappingError, notifiedParty, Publisher, sameData } from './mapping';

// Consultations between authorities (Art 14(1), Art 16, Art 4/5), stream `consultation-<consultationId>`:
// every event goes to the authorities only, keyed by the consultation id, addressed to the requester and
// the consulted member states (and the Commission when it is informed). The packet is the only case
// data that travels, field by field as the contract declares it: never the application id, the actors,
// the requester's notes or anything else a stored packet might carry. Only the opening names the
// parties and the kind; the later events read them from the folded consultation.

export const isConsultationEventType = (type: string): type is ConsultationEvent['type'] =>
  (CONSULTATION_EVENT_TYPES as readonly string[]).includes(type);

/** Every consultation event but the opening, which names the parties, the kind and the packet. */
export const CONSULTATION_CONTEXT_EVENT_TYPES: readonly ConsultationEvent['type'][] = CONSULTATION_EVENT_TYPES.filter(
  (type) => type !== 'ConsultationOpened',
);

type Header = Pick<ConsultationOpenedV1, 'consultationId' | 'kind' | 'requestingMemberState' | 'recipients'>;

/** Maps a consultation event to its authorities message. Called through `toIntegrationEvents`. */
export function consultationIntegrationEvents(
  stored: SourceEvent,
  event: ConsultationEvent,
  context: MappingContext,
): readonly IntegrationEvent[] {
  // Art 14(2) consultations publish their own types (their vocabulary is not consultation.*.v1's).
  const kind = event.type === 'ConsultationOpened' ? event.data.kind : context.consultation?.kind;
  if (kind === 'SECURITY_INTEREST') return securityInterestIntegrationEvents(stored, event, context);
  const out = new Publisher(stored);
  switch (event.type) {
    case 'ConsultationOpened': {
      // The first event of the stream carries the whole consultation: no context needed.
      const consultation = consultationDecider.evolve(consultationDecider.initialState(), event) as Consultation;
      const { subject } = consultation;
      return [
        out.publish('authorities', 'eu.dual-use.consultation.opened.v1', consultation.consultationId, {
          ...header(consultation),
          consulted: [...consultation.consulted],
          commissionInformed: consultation.commissionInformed,
          deadline: publishedDeadline(event.data.deadline),
          maxWorkingDays: consultation.maxWorkingDays,
          denialId: subject.kind === 'PRIOR_DENIAL' ? subject.denialId : null,
          match:
            subject.kind === 'PRIOR_DENIAL'
              ? { score: subject.match.score, matchedFields: [...subject.match.matchedFields] }
              : null,
          catchAll:
            subject.kind === 'CATCH_ALL'
              ? { article: subject.article, decision: subject.decision, detailsWithheld: subject.detailsWithheld }
              : null,
          packet: publishedPacket(consultation.packet),
          openedAt: consultation.openedAt,
        }),
      ];
    }
    case 'ExtensionRequested': {
      const { requestedBy, additionalWorkingDays, reason, requestedAt } = event.data;
      const consultation = consultationThrough(stored, context, (folded) =>
        sameData(folded.pendingExtension, event.data),
      );
      return [
        out.publish('authorities', 'eu.dual-use.consultation.extension-requested.v1', consultation.consultationId, {
          ...header(consultation),
          requestedBy,
          additionalWorkingDays,
          reason,
          requestedAt,
        }),
      ];
    }
    case 'ExtensionGranted': {
      const { grantedBy, additionalWorkingDays, deadline, grantedAt } = event.data;
      const consultation = consultationThrough(
        stored,
        context,
        (folded) => folded.pendingExtension === null && sameData(folded.deadline, deadline),
      );
      return [
        out.publish('authorities', 'eu.dual-use.consultation.extension-granted.v1', consultation.consultationId, {
          ...header(consultation),
          grantedBy,
          additionalWorkingDays,
          deadline: publishedDeadline(deadline),
          grantedAt,
        }),
      ];
    }
    case 'ExtensionDeclined': {
      const { declinedBy, reason, declinedAt } = event.data;
      const consultation = consultationThrough(
        stored,
        context,
        (folded) => folded.pendingExtension === null && folded.extensionRequests > 0,
      );
      return [
        out.publish('authorities', 'eu.dual-use.consultation.extension-declined.v1', consultation.consultationId, {
          ...header(consultation),
          declinedBy,
          reason,
          declinedAt,
        }),
      ];
    }
    case 'ConsultationReplied': {
      const { repliedBy, answer, reasons, repliedAt } = event.data;
      const consultation = consultationThrough(stored, context, (folded) =>
        folded.replies.some((reply) => sameData(reply, event.data)),
      );
      const published = v1Answer(stored, answer);
      return [
        out.publish('authorities', 'eu.dual-use.consultation.replied.v1', consultation.consultationId, {
          ...header(consultation),
          repliedBy,
          answer: published,
          reasons,
          repliedAt,
        }),
      ];
    }
    case 'ConsultationDeadlineLapsed': {
      const { deadline, lapsedAt } = event.data;
      const consultation = consultationThrough(stored, context, (folded) => folded.lapsed);
      return [
        out.publish('authorities', 'eu.dual-use.consultation.deadline-lapsed.v1', consultation.consultationId, {
          ...header(consultation),
          deadline: publishedDeadline(deadline),
          lapsedAt,
        }),
      ];
    }
    case 'ConsultationClosed': {
      const { outcome, reason, closedAt, closingRule } = event.data;
      const consultation = closedThrough(stored, context, outcome);
      return [
        out.publish('authorities', 'eu.dual-use.consultation.closed.v1', consultation.consultationId, {
          ...header(consultation),
          outcome: v1ConsultationOutcome(outcome, (message) => mappingError(stored, message)),
          reason,
          closedAt,
          ...(closingRule !== undefined && { closingRule: publishedClosingRule(closingRule) }),
        }),
      ];
    }
    case 'SecurityInterestGrantNotified':
      return mappingError(stored, 'a security-interest notification on another kind of consultation');
    default:
      return assertNever(event, 'consultation event');
  }
}

/**
 * Art 14(2): the request and its closing to the two member states concerned; a grant despite the
 * request to every member state and the Commission. Replies, lapses and (refused) extensions publish
 * nothing of their own: the closing message carries the answer or the silence.
 */
function securityInterestIntegrationEvents(
  stored: SourceEvent,
  event: ConsultationEvent,
  context: MappingContext,
): readonly IntegrationEvent[] {
  const out = new Publisher(stored);
  switch (event.type) {
    case 'ConsultationOpened': {
      const consultation = consultationDecider.evolve(consultationDecider.initialState(), event) as Consultation;
      return [
        out.publish('authorities', 'eu.dual-use.security-interest.requested.v1', consultation.consultationId, {
          ...securityInterestHeader(stored, consultation),
          grounds: securityInterestSubject(stored, consultation).grounds,
          deadline: publishedDeadline(event.data.deadline),
          openedAt: consultation.openedAt,
        }),
      ];
    }
    case 'ConsultationReplied':
      consultationThrough(stored, context, (folded) => folded.replies.some((reply) => sameData(reply, event.data)));
      return [];
    case 'ConsultationDeadlineLapsed':
      consultationThrough(stored, context, (folded) => folded.lapsed);
      return [];
    case 'ExtensionRequested':
    case 'ExtensionGranted':
    case 'ExtensionDeclined':
      // The decider refuses every extension of an Art 14(2) consultation: nothing to publish.
      return [];
    case 'ConsultationClosed': {
      const { outcome, reason, closedAt, closingRule } = event.data;
      const consultation = closedThrough(stored, context, outcome);
      const answered = consultation.replies.at(-1);
      return [
        out.publish('authorities', 'eu.dual-use.security-interest.closed.v1', consultation.consultationId, {
          ...securityInterestHeader(stored, consultation),
          outcome: securityInterestOutcome(stored, outcome),
          reasons: reason ?? answered?.reasons ?? null,
          closingRule: publishedClosingRule(
            closingRule ?? mappingError(stored, 'a security-interest consultation records its closing rule'),
          ),
          closedAt,
        }),
      ];
    }
    case 'SecurityInterestGrantNotified': {
      const { grantingMemberState, requestingMemberState, recipients, licenceId, grantedAt, notifiedAt } = event.data;
      const consultation = consultationThrough(stored, context, (folded) => sameData(folded.grantNotified, event.data));
      const { packet } = consultation;
      const outcome = event.data.consultationOutcome;
      return out.publishToEveryAudience(
        'eu.dual-use.security-interest.grant-notified.v1',
        consultation.consultationId,
        {
          consultationId: consultation.consultationId,
          notifyingMemberState: grantingMemberState,
          requestingMemberState,
          recipients: { memberStates: [...recipients.memberStates], commission: recipients.commission },
          licenceId,
          items: packet.items.map((item) => {
            const { controlEntry, catchAllGround, description, hsCode } = packetItem(item);
            return { controlEntry, catchAllGround, description, hsCode };
          }),
          destinationCountry: packet.destinationCountry,
          endUser: notifiedParty(packet.endUser),
          consignee: packet.consignee === null ? null : notifiedParty(packet.consignee),
          consultationOutcome: outcome === null ? null : grantOutcome(stored, outcome),
          grantedAt,
          notifiedAt,
        },
      );
    }
    default:
      return assertNever(event, 'consultation event');
  }
}

function securityInterestSubject(stored: SourceEvent, consultation: Consultation) {
  const { subject } = consultation;
  if (subject.kind !== 'SECURITY_INTEREST') return mappingError(stored, 'not a security-interest consultation');
  return subject;
}

function securityInterestHeader(
  stored: SourceEvent,
  consultation: Consultation,
): Pick<
  SecurityInterestRequestedV1,
  'consultationId' | 'requestingMemberState' | 'requestedMemberState' | 'recipients' | 'request' | 'licenceId'
> {
  const subject = securityInterestSubject(stored, consultation);
  const [requested] = consultation.consulted;
  return {
    consultationId: consultation.consultationId,
    requestingMemberState: consultation.requester,
    requestedMemberState:
      requested ?? mappingError(stored, 'a security-interest consultation consults one member state'),
    recipients: { memberStates: [...new Set([consultation.requester, ...consultation.consulted])], commission: false },
    request: subject.request,
    licenceId: subject.licenceId,
  };
}

function securityInterestOutcome(
  stored: SourceEvent,
  outcome: ConsultationOutcome,
): SecurityInterestClosedV1['outcome'] {
  switch (outcome) {
    case 'REQUEST_ACCEPTED':
    case 'REQUEST_DECLINED':
    case 'ENDED_WITHOUT_ANSWER':
    case 'WITHDRAWN':
      return outcome;
    case 'ESSENTIALLY_IDENTICAL_BY_SILENCE':
    case 'ESSENTIALLY_IDENTICAL':
    case 'NO_OBJECTION_BY_SILENCE':
    case 'NO_OBJECTION':
    case 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE':
    case 'NOT_ESSENTIALLY_IDENTICAL':
    case 'OBJECTED':
    case 'REVIEW_ENDED':
      return mappingError(stored, `${outcome} does not close a security-interest consultation`);
  }
}

function grantOutcome(
  stored: SourceEvent,
  outcome: ConsultationOutcome,
): NonNullable<PublishedData<'eu.dual-use.security-interest.grant-notified.v1'>['consultationOutcome']> {
  switch (outcome) {
    case 'REQUEST_ACCEPTED':
    case 'REQUEST_DECLINED':
    case 'ENDED_WITHOUT_ANSWER':
      return outcome;
    case 'ESSENTIALLY_IDENTICAL_BY_SILENCE':
    case 'ESSENTIALLY_IDENTICAL':
    case 'NO_OBJECTION_BY_SILENCE':
    case 'NO_OBJECTION':
    case 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE':
    case 'NOT_ESSENTIALLY_IDENTICAL':
    case 'OBJECTED':
    case 'REVIEW_ENDED':
    case 'WITHDRAWN':
      return mappingError(stored, `${outcome} is no outcome a grant is notified after`);
  }
}

/**
 * A consultation outcome in the consultation.*.v1 vocabulary (also grant-despite-denial.v1's). An Art
 * 16 silence read as ESSENTIALLY_IDENTICAL (a member state's ART16_SILENCE_OUTCOME) is published as
 * ESSENTIALLY_IDENTICAL, its effect, with closingRule.basis SILENCE where the contract has it: a v1
 * enum never gains a value. Art 14(2) outcomes have their own types and never come here.
 */
export function v1ConsultationOutcome(
  outcome: ConsultationOutcome,
  fail: (message: string) => never,
): ConsultationClosedV1['outcome'] {
  switch (outcome) {
    case 'ESSENTIALLY_IDENTICAL_BY_SILENCE':
      return 'ESSENTIALLY_IDENTICAL';
    case 'REQUEST_ACCEPTED':
    case 'REQUEST_DECLINED':
    case 'ENDED_WITHOUT_ANSWER':
      return fail(`${outcome} belongs to an Art 14(2) consultation, published as security-interest.*.v1`);
    case 'ESSENTIALLY_IDENTICAL':
    case 'NO_OBJECTION_BY_SILENCE':
    case 'NO_OBJECTION':
    case 'NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE':
    case 'NOT_ESSENTIALLY_IDENTICAL':
    case 'OBJECTED':
    case 'REVIEW_ENDED':
    case 'WITHDRAWN':
      return outcome;
  }
}

function v1Answer(stored: SourceEvent, answer: ConsultationAnswer): ConsultationRepliedV1['answer'] {
  switch (answer) {
    case 'REQUEST_ACCEPTED':
    case 'REQUEST_DECLINED':
      return mappingError(stored, `${answer} answers an Art 14(2) consultation, published as security-interest.*.v1`);
    case 'COMMENT':
    case 'CONCUR':
    case 'ESSENTIALLY_IDENTICAL':
    case 'NO_OBJECTION':
    case 'NOT_ESSENTIALLY_IDENTICAL':
    case 'OBJECT':
    case 'OBJECTION':
      return answer;
  }
}

function publishedClosingRule(rule: ClosingRule): NonNullable<ConsultationClosedV1['closingRule']> {
  return {
    basis: rule.basis,
    workingDays: rule.workingDays,
    periodSetting: rule.periodSetting,
    silenceSetting: rule.silenceSetting,
    statement: rule.statement,
  };
}

/**
 * Every message names the consultation, its kind and requester, and its addressees: the requester and
 * every consulted member state (each needs the other's moves), and the Commission when it is informed.
 */
function header(consultation: Consultation): Header {
  const { kind } = consultation;
  if (kind === 'SECURITY_INTEREST') throw new Error('an Art 14(2) consultation is published as security-interest.*.v1');
  return {
    consultationId: consultation.consultationId,
    kind,
    requestingMemberState: consultation.requester,
    recipients: {
      memberStates: [...new Set([consultation.requester, ...consultation.consulted])],
      commission: consultation.commissionInformed,
    },
  };
}

function publishedDeadline(deadline: WorkingDayDeadline): ConsultationOpenedV1['deadline'] {
  return {
    memberState: deadline.memberState,
    workingDays: deadline.workingDays,
    lastDay: deadline.lastDay,
    endsAt: deadline.endsAt,
  };
}

/** The packet, field by field: whatever else a stored packet carries stays home. */
function publishedPacket(packet: ConsultationPacket): ConsultationOpenedV1['packet'] {
  const { exporter } = packet;
  return {
    exporter:
      exporter === null
        ? null
        : {
            name: exporter.name,
            identifier: { scheme: exporter.identifier.scheme, value: exporter.identifier.value },
            address: exporter.address,
            country: exporter.country,
            ...(exporter.kind !== undefined && { kind: exporter.kind }),
          },
    items: packet.items.map(packetItem),
    endUser: notifiedParty(packet.endUser),
    consignee: packet.consignee === null ? null : notifiedParty(packet.consignee),
    otherParties: packet.otherParties.map((party) => ({ role: party.role, ...notifiedParty(party) })),
    destinationCountry: packet.destinationCountry,
    endUse: packet.endUse,
    grounds: [...packet.grounds],
    endUseStatement: packet.endUseStatement ?? null,
    memberStateOfCustomsExport: packet.memberStateOfCustomsExport ?? null,
    contract: packet.contract ? { date: packet.contract.date, reference: packet.contract.reference } : null,
    services: packet.services
      ? {
          provider: {
            ...notifiedParty(packet.services.provider),
            memberStateOfEstablishment: packet.services.provider.memberStateOfEstablishment,
          },
          description: packet.services.description,
        }
      : null,
    transit: packet.transit
      ? { route: packet.transit.route, memberStateOfTransit: packet.transit.memberStateOfTransit }
      : null,
  };
}

function packetItem(item: ApplicationItem): ConsultationOpenedV1['packet']['items'][number] {
  return {
    controlEntry: item.classification.kind === 'LISTED' ? item.classification.controlEntry : null,
    catchAllGround: item.classification.kind === 'NOT_LISTED' ? item.classification.catchAllGround : null,
    description: item.description,
    hsCode: item.hsCode,
    quantity: item.quantity,
    unit: item.unit,
    value: item.value,
    currency: item.currency,
    memberStateWhereLocated: item.memberStateWhereLocated,
    countryOfOrigin: item.countryOfOrigin ?? null,
  };
}

/** The consultation folded through its closing with `outcome`. */
function closedThrough(stored: SourceEvent, context: MappingContext, outcome: ConsultationOutcome): Consultation {
  return consultationThrough(stored, context, (folded) => folded.status === 'CLOSED' && folded.outcome === outcome);
}

/** The folded consultation, checked: same consultation, and folded through this event (`folded`). */
function consultationThrough(
  stored: SourceEvent,
  context: MappingContext,
  folded: (consultation: Consultation) => boolean,
): Consultation {
  const consultation = context.consultation;
  if (consultation === undefined) {
    throw new IntegrationMappingError(stored.eventId, `${stored.type} needs the consultation in the mapping context`);
  }
  if (consultation.consultationId !== aggregateIdOf(stored.streamId)) {
    throw new IntegrationMappingError(stored.eventId, `context is consultation ${consultation.consultationId}`);
  }
  if (!folded(consultation)) {
    throw new IntegrationMappingError(
      stored.eventId,
      `the consultation context was not folded through this ${stored.type}; fold the stream through the event`,
    );
  }
  return consultation;
}
