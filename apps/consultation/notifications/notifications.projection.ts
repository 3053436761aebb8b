import { MEMBER_STATE_CODES } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { consultationAggregate, denialAggregate } from '../public/consultation.aggregates';
import { licenceAggregate } from '../../licensing/public/application.aggregate';

/**
 * Art 16 notifications as each member state and the Commission receive them: denials entered in the
 * register, their later reviews, and grants despite a matching denial. One document per notification.
 */
export interface NotificationDocument {
  readonly id: string;
  readonly type: string;
  readonly from: string;
  /** Member state codes, and COMMISSION. */
  readonly recipients: readonly string[];
  readonly at: string;
  readonly subject: {
    readonly denialId?: string;
    readonly applicationId?: string;
    readonly licenceId?: string;
    readonly registrationId?: string;
    readonly consultationId?: string;
  };
  readonly position: number;
  readonly data: unknown;
}

export const NOTIFICATIONS_PROJECTION = 'notifications';

interface Recipients {
  readonly memberStates: readonly string[];
  readonly commission: boolean;
}

// Art 16(2): review outcomes (renewed, amended, revoked) are notified like the denial itself.
const NOTIFYING_TYPES = [
  'DenialNotified',
  'GrantDespiteDenialNotified',
  // Art 16: a widening of a licence granted despite a denial, notified as a grant is.
  'LicenceGrantDespiteDenialNotified',
  'FinalAssessmentRecorded',
  'DenialRenewed',
  'DenialAmended',
  'DenialRevoked',
  // Art 14(2): a grant despite a member state's security-interest request.
  'SecurityInterestGrantNotified',
];

/*
 * A general-authorisation user's suspension (when a denial in substance), withdrawal and reinstatement
 * carry their own notification (Art 12(6), Art 16(2)): the exporter, not a transaction, so they reach
 * the inbox and not the denial register.
 */
const GEA_NOTIFYING_TYPES = [
  'GeneralAuthorisationRightSuspended',
  'GeneralAuthorisationRightWithdrawn',
  'GeneralAuthorisationRightReinstated',
];

/** Every type the inbox holds: what `GET /v1/notifications?type=` filters on. */
export const NOTIFICATION_TYPES: readonly string[] = [...NOTIFYING_TYPES, ...GEA_NOTIFYING_TYPES];

export const notificationsProjection: Projection<NotificationDocument> = {
  name: NOTIFICATIONS_PROJECTION,
  handles: NOTIFICATION_TYPES,
  // The inbox: notifications addressed to the reader's member state.
  indexes: { membership: ['recipients'] },
  documentId: (event) => event.eventId,
  evolve: (_document, event: StoredEvent) => {
    if (GEA_NOTIFYING_TYPES.includes(event.type)) return generalAuthorisationNotification(event);
    const data = event.data as {
      recipients?: Recipients;
      issuingMemberState?: string;
      grantingMemberState?: string;
      denialId?: string;
      applicationId?: string;
    };
    const from = data.issuingMemberState ?? data.grantingMemberState ?? event.metadata.memberState ?? '';
    // Reviews and assessments reach whoever received the denial: every member state but the issuer.
    const recipients = data.recipients ?? { memberStates: everyOtherMemberState(from), commission: true };
    const denialId = denialAggregate.category.idOrNull(event.streamId);
    const consultationId = consultationAggregate.category.idOrNull(event.streamId);
    const licenceId = licenceAggregate.category.idOrNull(event.streamId);
    return {
      id: event.eventId,
      type: event.type,
      from,
      recipients: [...recipients.memberStates, ...(recipients.commission ? ['COMMISSION'] : [])],
      at: event.recordedAt.toISOString(),
      subject: {
        ...(denialId !== null && { denialId }),
        ...(consultationId !== null && { consultationId }),
        ...(licenceId !== null && { licenceId }),
        ...(data.applicationId && { applicationId: data.applicationId }),
      },
      position: event.globalPosition,
      data: event.data,
    };
  },
};

function everyOtherMemberState(issuer: string): readonly string[] {
  return MEMBER_STATE_CODES.filter((code) => code !== issuer);
}

function generalAuthorisationNotification(event: StoredEvent): NotificationDocument | null {
  const { notification } = event.data as {
    notification: { notifyingMemberState: string; recipients: Recipients; registrationId: string } | null;
  };
  if (notification === null) return null;
  const { recipients } = notification;
  return {
    id: event.eventId,
    type: event.type,
    from: notification.notifyingMemberState,
    recipients: [...recipients.memberStates, ...(recipients.commission ? ['COMMISSION'] : [])],
    at: event.recordedAt.toISOString(),
    subject: { registrationId: notification.registrationId },
    position: event.globalPosition,
    data: event.data,
  };
}
