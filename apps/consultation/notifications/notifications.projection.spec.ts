import { otherMemberStates } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { notificationsProjection } from './notifications.projection';

let position = 0;
function stored(streamId: string, type: string, data: unknown, memberState: string): StoredEvent {
  position += 1;
  return {
    eventId: `event-${position}`,
    streamId,
    streamVersion: position,
    globalPosition: position,
    type,
    schemaVersion: 1,
    data,
    metadata: { actor: 'reviewer', memberState, correlationId: 'c' },
    recordedAt: new Date('2028-02-01T08:00:00.000Z'),
  };
}

describe('Art 16 / Art 14(2) inbox', () => {
  it('puts each denial review outcome (renewed, amended, revoked) in the inbox of every other member state and the Commission', () => {
    const reviews = [
      stored('denial-den-1', 'DenialRenewed', { note: null, renewedAt: '2028-02-01T08:00:00.000Z' }, 'FR'),
      stored('denial-den-1', 'DenialAmended', { note: 'narrowed', amendments: {} }, 'FR'),
      stored('denial-den-1', 'DenialRevoked', { reason: 'end user dissolved' }, 'FR'),
    ];
    expect(notificationsProjection.handles).toEqual(
      expect.arrayContaining(['DenialRenewed', 'DenialAmended', 'DenialRevoked']),
    );
    for (const event of reviews) {
      expect(notificationsProjection.evolve(null, event)).toMatchObject({
        type: event.type,
        from: 'FR',
        recipients: [...otherMemberStates('FR'), 'COMMISSION'],
        subject: { denialId: 'den-1' },
      });
    }
  });

  it('puts a grant despite a security-interest request in the inbox of the Commission and every other member state (Art 14(2))', () => {
    const event = stored(
      'consultation-c-1',
      'SecurityInterestGrantNotified',
      {
        applicationId: 'app-1',
        grantingMemberState: 'DE',
        requestingMemberState: 'FR',
        recipients: { memberStates: otherMemberStates('DE'), commission: true },
      },
      'DE',
    );
    expect(notificationsProjection.handles).toContain('SecurityInterestGrantNotified');
    expect(notificationsProjection.evolve(null, event)).toMatchObject({
      from: 'DE',
      recipients: [...otherMemberStates('DE'), 'COMMISSION'],
      subject: { applicationId: 'app-1', consultationId: 'c-1' },
    });
  });

  it('puts a widening of a licence granted despite a matching denial in the inbox of the Commission and every other member state (Art 16)', () => {
    const event = stored(
      'licence-lic-1',
      'LicenceGrantDespiteDenialNotified',
      {
        applicationId: 'app-1',
        licenceId: 'lic-1',
        amendmentId: 'w-1',
        grantingMemberState: 'DE',
        recipients: { memberStates: otherMemberStates('DE'), commission: true },
        reasons: 'the French denial concerned a military end user',
      },
      'DE',
    );
    expect(notificationsProjection.handles).toContain('LicenceGrantDespiteDenialNotified');
    expect(notificationsProjection.evolve(null, event)).toMatchObject({
      type: 'LicenceGrantDespiteDenialNotified',
      from: 'DE',
      recipients: [...otherMemberStates('DE'), 'COMMISSION'],
      subject: { applicationId: 'app-1', licenceId: 'lic-1' },
      data: { amendmentId: 'w-1', reasons: 'the French denial concerned a military end user' },
    });
  });
});
