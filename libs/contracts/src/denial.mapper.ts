import type { Denial, DenialAmendments, DenialEvent, MemberStateCode, NotifiedItem } from '@dul/domain';
import { assertNever, DENIAL_EVENT_TYPES, otherMemberStates } from '@dul/domain';
import type { DenialNotifiedV1 } from './authorities.contracts';
import type { IntegrationEvent, SourceEvent } from './integration-event';
import type { MappingContext } from './mapping';
import { aggregateIdOf, IntegrationMappingError, notifiedParty, Publisher, sameData } from './mapping';

// The EU denial register (Art 16(2)), stream `denial-<denialId>`: every event goes, in full, to the
// authorities and to the Commission (the contract's audiences), keyed by the denial id. Only the
// notification carries the whole entry; the later events name neither the notifying member state nor
// the addressees, nor (for an amendment) the terms left unchanged, so they read the folded denial.

export const isDenialEventType = (type: string): type is DenialEvent['type'] =>
  (DENIAL_EVENT_TYPES as readonly string[]).includes(type);

/** Every denial event but the notification, which carries the whole register entry. */
export const DENIAL_CONTEXT_EVENT_TYPES: readonly DenialEvent['type'][] = DENIAL_EVENT_TYPES.filter(
  (type) => type !== 'DenialNotified',
);

/** Maps a denial register event to its Art 16 message, once per audience. Called through `toIntegrationEvents`. */
export function denialIntegrationEvents(
  stored: SourceEvent,
  event: DenialEvent,
  context: MappingContext,
): readonly IntegrationEvent[] {
  const out = new Publisher(stored);
  switch (event.type) {
    case 'DenialNotified': {
      // The first event of the stream carries the whole entry and its addressees: no context needed.
      const { data } = event;
      return out.publishToEveryAudience('eu.dual-use.denial.notified.v1', data.denialId, {
        denialId: data.denialId,
        notificationKind: data.source.kind,
        notifyingMemberState: data.issuingMemberState,
        recipients: { memberStates: [...data.recipients.memberStates], commission: data.recipients.commission },
        licenceId: data.source.licenceId,
        applicationKind: data.applicationKind,
        items: data.items.map(notifiedItem),
        destinationCountry: data.destinationCountry,
        endUser: notifiedParty(data.endUser),
        consignee: data.consignee === null ? null : notifiedParty(data.consignee),
        grounds: [...data.grounds],
        reason: data.reason,
        decidedOn: data.decidedOn,
        notifiedAt: data.notifiedAt,
        reviewDueAt: data.reviewDueAt,
        lapsesAt: data.lapsesAt,
      });
    }
    case 'FinalAssessmentRecorded': {
      const { assessment, statement, supersededBy, recordedAt } = event.data;
      const denial = denialThrough(stored, context, (folded) => sameData(folded.finalAssessment, event.data));
      return out.publishToEveryAudience('eu.dual-use.denial.final-assessment-recorded.v1', denial.denialId, {
        ...header(denial),
        assessment,
        statement,
        supersededBy,
        recordedAt,
      });
    }
    case 'DenialReviewDue': {
      const { reviewDueAt, lapsesAt } = event.data;
      const denial = denialThrough(
        stored,
        context,
        (folded) => folded.reviewDueMarked && folded.reviewDueAt === reviewDueAt,
      );
      return out.publishToEveryAudience('eu.dual-use.denial.review-due.v1', denial.denialId, {
        ...header(denial),
        reviewDueAt,
        lapsesAt,
      });
    }
    case 'DenialRenewed': {
      const { note, renewedAt, reviewDueAt, lapsesAt } = event.data;
      const denial = denialThrough(stored, context, (folded) => hasReviewClock(folded, reviewDueAt, lapsesAt));
      return out.publishToEveryAudience('eu.dual-use.denial.renewed.v1', denial.denialId, {
        ...header(denial),
        renewedAt,
        note,
        reviewDueAt,
        lapsesAt,
      });
    }
    case 'DenialAmended': {
      const { amendments, note, amendedAt, reviewDueAt, lapsesAt } = event.data;
      const denial = denialThrough(
        stored,
        context,
        (folded) => hasReviewClock(folded, reviewDueAt, lapsesAt) && hasAmendments(folded, amendments),
      );
      // The terms in full, as amended: a consumer replaces its copy of the entry with them.
      return out.publishToEveryAudience('eu.dual-use.denial.amended.v1', denial.denialId, {
        ...header(denial),
        amendedAt,
        note,
        applicationKind: denial.applicationKind,
        items: denial.items.map(notifiedItem),
        destinationCountry: denial.destinationCountry,
        endUser: notifiedParty(denial.endUser),
        consignee: denial.consignee === null ? null : notifiedParty(denial.consignee),
        grounds: [...denial.grounds],
        reason: denial.reason,
        reviewDueAt,
        lapsesAt,
      });
    }
    case 'DenialRevoked': {
      const { reason, revokedAt } = event.data;
      const denial = denialThrough(stored, context, (folded) => folded.status === 'REVOKED');
      return out.publishToEveryAudience('eu.dual-use.denial.revoked.v1', denial.denialId, {
        ...header(denial),
        revokedAt,
        reason,
      });
    }
    default:
      return assertNever(event, 'denial event');
  }
}

/** Who notified the entry and to whom: every other member state and the Commission, as DenialNotified. */
function header(denial: Denial): Pick<DenialNotifiedV1, 'denialId' | 'notifyingMemberState' | 'recipients'> {
  return {
    denialId: denial.denialId,
    notifyingMemberState: denial.issuingMemberState,
    recipients: art16Recipients(denial.issuingMemberState),
  };
}

function art16Recipients(notifying: MemberStateCode): DenialNotifiedV1['recipients'] {
  return { memberStates: [...otherMemberStates(notifying)], commission: true };
}

function notifiedItem(item: NotifiedItem): DenialNotifiedV1['items'][number] {
  return {
    controlEntry: item.controlEntry,
    catchAllGround: item.catchAllGround,
    description: item.description,
    hsCode: item.hsCode,
  };
}

function hasReviewClock(denial: Denial, reviewDueAt: string, lapsesAt: string): boolean {
  return denial.reviewDueAt === reviewDueAt && denial.lapsesAt === lapsesAt && !denial.reviewDueMarked;
}

function hasAmendments(denial: Denial, amendments: DenialAmendments): boolean {
  return (Object.keys(amendments) as (keyof DenialAmendments)[]).every((field) =>
    sameData(denial[field], amendments[field]),
  );
}

/** The folded register entry, checked: same denial, and folded through this event (`folded`). */
function denialThrough(stored: SourceEvent, context: MappingContext, folded: (denial: Denial) => boolean): Denial {
  const denial = context.denial;
  if (denial === undefined) {
    throw new IntegrationMappingError(stored.eventId, `${stored.type} needs the denial in the mapping context`);
  }
  if (denial.denialId !== aggregateIdOf(stored.streamId)) {
    throw new IntegrationMappingError(stored.eventId, `context is denial ${denial.denialId}`);
  }
  // A context folded only up to the previous event would publish stale terms or a stale clock: refuse it.
  if (!folded(denial)) {
    throw new IntegrationMappingError(
      stored.eventId,
      `the denial context was not folded through this ${stored.type}; fold the stream through the event`,
    );
  }
  return denial;
}
