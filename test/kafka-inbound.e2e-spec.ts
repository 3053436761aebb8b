import { randomUUID } from 'node:crypto';
import type { Consumer, Producer } from 'kafkajs';
import { waitFor } from '@dul/event-store/testing';
import { InboundConsumerService } from '../apps/gateway/inbound/inbound-consumer.service';
import { DEAD_LETTER_TOPIC, inboundTopicFor } from '../apps/gateway/inbound/inbound-messages';

const INBOUND_TOPIC = inboundTopicFor('IT');
import { describeWithKafka, testBrokers, testKafka } from '../infra/kafka/test-kafka';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

describeWithKafka('inbound messages from national systems and other deployments', () => {
  let h: LicensingHarness;
  let producer: Producer;
  let deadLetters: Consumer;
  const dead: { reason: string; value: string }[] = [];
  let token = '';
  const inboundGroup = `dul-inbound-test-${randomUUID()}`;
  let kafkaAdmin: ReturnType<ReturnType<typeof testKafka>['admin']>;

  beforeAll(async () => {
    h = await startLicensing({ KAFKA_BROKERS: testBrokers().join(','), KAFKA_INBOUND_GROUP: inboundGroup });
    token = await h.token('nl-caseworker', 'NL', ['caseworker']);
    const kafka = testKafka('national-system');
    producer = kafka.producer();
    await producer.connect();
    // The service creates its topics as it starts, in the background: wait until the broker serves them.
    const admin = kafka.admin();
    await admin.connect();
    await waitFor(async () => {
      const topics = await admin.listTopics();
      if (!topics.includes(INBOUND_TOPIC) || !topics.includes(DEAD_LETTER_TOPIC)) return false;
      return admin
        .fetchTopicMetadata({ topics: [INBOUND_TOPIC, DEAD_LETTER_TOPIC] })
        .then((metadata) =>
          metadata.topics.every((topic) => topic.partitions.every((partition) => partition.leader >= 0)),
        )
        .catch(() => false);
    }, 60_000);
    kafkaAdmin = admin;
    // The service's own consumer joins its group in the background; messages are sent once it listens.
    await waitFor(() => h.app.get(InboundConsumerService).ready, 90_000);
    deadLetters = kafka.consumer({ groupId: `dlq-watch-${randomUUID()}` });
    await deadLetters.connect();
    const joined = new Promise<void>((resolve) => deadLetters.on(deadLetters.events.GROUP_JOIN, () => resolve()));
    await deadLetters.subscribe({ topic: DEAD_LETTER_TOPIC, fromBeginning: true });
    await deadLetters.run({
      eachMessage: async ({ message }) => {
        dead.push({
          reason: message.headers?.['dul-dlq-reason']?.toString() ?? '',
          value: message.value?.toString() ?? '',
        });
      },
    });
    await joined;
  }, 200_000);

  afterAll(async () => {
    await kafkaAdmin?.disconnect();
    await deadLetters?.disconnect();
    await producer?.disconnect();
    await h?.close();
  }, 60_000);

  it('turns valid messages into commands, dead-letters malformed or refused ones with the reason, and never stops for a bad one', async () => {
    const marker = randomUUID();
    const denial = (denialId: string) => ({
      type: 'DenialNotification',
      denialId,
      issuingMemberState: 'IT',
      actor: 'uama-national-system',
      items: [{ controlEntry: '4A005', description: 'Intrusion software delivery platform', hsCode: '84714100' }],
      destinationCountry: 'AE',
      endUser: { name: `Falcon Cyber ${marker} LLC`, address: 'Al Reem Island, Abu Dhabi', country: 'AE' },
      grounds: ['HUMAN_RIGHTS'],
      decidedOn: '2026-10-01',
    });
    const before = randomUUID();
    const after = randomUUID();
    await producer.send({
      topic: INBOUND_TOPIC,
      messages: [
        { key: 'a', value: JSON.stringify(denial(before)) },
        { key: 'a', value: `{not json ${marker}` },
        { key: 'a', value: JSON.stringify({ ...denial(randomUUID()), destinationCountry: 'abc', marker }) },
        {
          key: 'a',
          value: JSON.stringify({
            type: 'ConsultationReply',
            consultationId: randomUUID(),
            memberState: 'IT',
            actor: `x-${marker}`,
            answer: 'NO_OBJECTION',
          }),
        },
        { key: 'a', value: JSON.stringify(denial(after)) },
      ],
    });
    const inRegister = async (id: string): Promise<boolean> =>
      (await h.http().get(`/v1/denials/${id}`).set('authorization', `Bearer ${token}`)).status === 200;
    await waitFor(async () => (await inRegister(before)) && (await inRegister(after)), 60_000).catch(
      async (error: unknown) => {
        // What the consumer had done by then: which denials arrived, what was dead-lettered, its offsets.
        const offsets = await kafkaAdmin
          .fetchOffsets({ groupId: inboundGroup, topics: [INBOUND_TOPIC] })
          .catch((failure: unknown) => String(failure));
        const topic = await kafkaAdmin.fetchTopicOffsets(INBOUND_TOPIC).catch((failure: unknown) => String(failure));
        throw new Error(
          `${String(error)}; before in register: ${await inRegister(before)}, after: ${await inRegister(after)}; ` +
            `consumer ready: ${h.app.get(InboundConsumerService).ready}; dead letters with the marker: ` +
            `${JSON.stringify(dead.filter((message) => message.value.includes(marker)).map((m) => m.reason))}; ` +
            `group offsets ${JSON.stringify(offsets)}; topic offsets ${JSON.stringify(topic)}`,
        );
      },
    );
    await waitFor(() => dead.filter((message) => message.value.includes(marker)).length === 3, 60_000);
    const reasons = dead.filter((message) => message.value.includes(marker)).map((message) => message.reason);
    expect(reasons[0]).toBe('the value is not JSON');
    expect(reasons[1]).toMatch(/destinationCountry|marker/);
    expect(reasons[2]).toMatch(/no consultation/);
    const entry = await h.http().get(`/v1/denials/${after}`).set('authorization', `Bearer ${token}`).expect(200);
    expect(entry.body).toMatchObject({ issuingMemberState: 'IT', destination: 'AE', controlEntries: ['4A005'] });
  }, 150_000);
});
