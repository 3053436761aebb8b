import type {
  ApplicationItem,
  Consultation,
  ConsultationEvent,
  ConsultationPacket,
  WorkingDayDeadline,
} from '@dul/domain';
import { assertNever, CONSULTATION_EVENT_TYPES, consultationDecider } from '@dul/domain';
import type { ConsultationOpenedV1, ConsultationRepliedV1 } from './authorities.contracts';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import type { MappingContext } from './mapping';
import { aggregateIdOf, IntegrationMappingError, notifiedParty, Publisher, sameData } from './mapping';

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
      const published: ConsultationRepliedV1['answer'] = answer;
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
      const { outcome, reason, closedAt } = event.data;
      const consultation = consultationThrough(
        stored,
        context,
        (folded) => folded.status === 'CLOSED' && folded.outcome === outcome,
      );
      return [
        out.publish('authorities', 'eu.dual-use.consultation.closed.v1', consultation.consultationId, {
          ...header(consultation),
          outcome,
          reason,
          closedAt,
        }),
      ];
    }
    default:
      return assertNever(event, 'consultation event');
  }
}

/**
 * Every message names the consultation, its kind and requester, and its addressees: the requester and
 * every consulted member state (each needs the other's moves), and the Commission when it is informed.
 */
function header(consultation: Consultation): Header {
  return {
    consultationId: consultation.consultationId,
    kind: consultation.kind,
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
