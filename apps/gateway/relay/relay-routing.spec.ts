import { AclOperationTypes, AclResourceTypes } from 'kafkajs';
import type { IntegrationEvent } from '@dul/contracts';
import { authorityAddressees, DEAD_LETTER_TOPIC, inboundTopicFor, topicFor, toIntegrationEvents } from '@dul/contracts';
import { MEMBER_STATE_CODES } from '@dul/domain';
import { authoritiesHistory } from '../../../libs/contracts/src/testing/authorities-history';
import { gatewayAcls, gatewayTopics, outboundMessages } from './relay.service';

const events = authoritiesHistory().mapAll();
const authorities = events.filter((event) => event.audience === 'authorities');

describe('relay routing to per-member-state topics', () => {
  it('publishes an authorities message on the topic of every member state it is addressed to, and on no other', () => {
    expect(authorities.length).toBeGreaterThan(0);
    for (const event of authorities) {
      const topics = outboundMessages(event, 'urn:test').map((message) => message.topic);
      const addressees = authorityAddressees(event.data);
      expect(addressees.length).toBeGreaterThan(0);
      expect(topics.sort()).toEqual(addressees.map((ms) => `dul.authority.${ms}.v1`).sort());
    }
  });

  it("publishes the daily root on every member state's authorities topic and on the Commission's topic", () => {
    const sealed = toIntegrationEvents({
      eventId: '0b7c9a4e-3d2f-5e1a-8b6c-9d0e1f2a3b4c',
      streamId: 'auditroot-2026-12-01',
      type: 'AuditRootSealed',
      data: {
        day: '2026-12-01',
        coveredUpTo: 40,
        streams: 12,
        root: 'ab'.repeat(32),
        algorithm: 'merkle-sha256',
        legacyUpTo: 0,
      },
      metadata: {},
      recordedAt: '2026-12-02T00:01:00.000Z',
      globalPosition: 41,
      streamVersion: 0,
    });
    const topics = sealed.flatMap((event) => outboundMessages(event, 'urn:test')).map((message) => message.topic);
    expect(topics.sort()).toEqual(
      [...MEMBER_STATE_CODES.map((ms) => topicFor('authorities', ms)), topicFor('commission')].sort(),
    );
  });

  it('publishes a message that names no addressee nowhere (fail closed)', () => {
    const first = authorities[0] as IntegrationEvent;
    const unaddressed = {
      ...first,
      data: {
        ...first.data,
        recipients: { memberStates: [] },
        notifyingMemberState: undefined,
        requestingMemberState: undefined,
      },
    } as unknown as IntegrationEvent;
    expect(outboundMessages(unaddressed, 'urn:test')).toEqual([]);
  });

  it('publishes public audiences on their single topic, with the CloudEvent id and the aggregate key', () => {
    const customs = events.find((event) => event.audience === 'customs') as IntegrationEvent;
    const [message, ...rest] = outboundMessages(customs, 'urn:test');
    expect(rest).toEqual([]);
    expect(message?.topic).toBe(topicFor('customs'));
    expect(message?.key).toBe(customs.key);
    expect(JSON.parse(String(message?.value))).toMatchObject({ id: customs.id });
  });

  it('creates a topic per member state for the authorities and for inbound traffic, and one dead-letter topic', () => {
    const names = gatewayTopics(1).map((spec) => spec.topic);
    expect(names).toContain('dul.authority.DE.v1');
    expect(names).toContain('dul.inbound.FR.v1');
    expect(names.filter((name) => name.startsWith('dul.authority.'))).toHaveLength(27);
    expect(names.filter((name) => name.startsWith('dul.inbound.') && name !== DEAD_LETTER_TOPIC)).toHaveLength(27);
    expect(names).toContain(DEAD_LETTER_TOPIC);
  });
});

describe('authorities ACLs', () => {
  const acls = gatewayAcls();
  const allowed = (principal: string, operation: AclOperationTypes, topic: string): boolean =>
    acls.some(
      (acl) =>
        acl.principal === `User:${principal}` &&
        acl.resourceType === AclResourceTypes.TOPIC &&
        acl.resourceName === topic &&
        acl.operation === operation,
    );

  it("lets a member state's principal read only its own topic and the public ones", () => {
    expect(allowed('authority-DE', AclOperationTypes.READ, topicFor('authorities', 'DE'))).toBe(true);
    expect(allowed('authority-DE', AclOperationTypes.READ, topicFor('customs'))).toBe(true);
    expect(allowed('authority-DE', AclOperationTypes.READ, topicFor('commission'))).toBe(true);
    expect(allowed('authority-FR', AclOperationTypes.READ, topicFor('authorities', 'DE'))).toBe(false);
    expect(allowed('authority-FR', AclOperationTypes.READ, DEAD_LETTER_TOPIC)).toBe(false);
    const readable = acls
      .filter((acl) => acl.principal === 'User:authority-FR' && acl.operation === AclOperationTypes.READ)
      .map((acl) => acl.resourceName)
      .sort();
    expect(readable).toEqual(
      ['authority-FR.', topicFor('authorities', 'FR'), topicFor('commission'), topicFor('customs')].sort(),
    );
  });

  it("lets a member state's principal write only its own inbound topic", () => {
    const writable = acls
      .filter((acl) => acl.principal === 'User:authority-FR' && acl.operation === AclOperationTypes.WRITE)
      .map((acl) => acl.resourceName);
    expect(writable).toEqual([inboundTopicFor('FR')]);
  });

  it('lets the customs principal read only the customs topic and the Commission only its topic, writing nowhere', () => {
    const of = (principal: string) =>
      acls
        .filter((acl) => acl.principal === `User:${principal}`)
        .map(
          (acl) =>
            `${acl.operation === AclOperationTypes.READ ? 'read' : acl.operation === AclOperationTypes.DESCRIBE ? 'describe' : 'other'} ${acl.resourceName}`,
        )
        .sort();
    expect(of('customs')).toEqual([
      'describe dul.customs.licences.v1',
      'read customs.',
      'read dul.customs.licences.v1',
    ]);
    expect(of('commission')).toEqual(['describe dul.commission.v1', 'read commission.', 'read dul.commission.v1']);
    expect(gatewayAcls(undefined, { customs: 'zoll-prod' }).some((acl) => acl.principal === 'User:zoll-prod')).toBe(
      true,
    );
  });

  it('names the principals by the configured template', () => {
    expect(gatewayAcls('bafa-{ms}-prod').some((acl) => acl.principal === 'User:bafa-DE-prod')).toBe(true);
  });
});
