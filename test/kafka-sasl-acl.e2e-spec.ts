import { randomUUID } from 'node:crypto';
import type { Consumer, Kafka, Producer } from 'kafkajs';
import { DEAD_LETTER_TOPIC, inboundTopicFor, topicFor } from '@dul/contracts';
import { waitFor } from '@dul/event-store/testing';
import { InboundConsumerService } from '../apps/gateway/inbound/inbound-consumer.service';
import { RelayService } from '../apps/gateway/relay/relay.service';
import { describeWithSaslKafka, ensureSaslUsers, saslTestBroker, saslTestKafka } from '../infra/kafka/test-kafka';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

/** Resolves with the first message a consumer of `kafka` gets on `topic`, or rejects with the broker's refusal. */
async function firstMessage(kafka: Kafka, groupId: string, topic: string, timeoutMs: number): Promise<string> {
  const consumer = kafka.consumer({ groupId, retry: { retries: 1 } });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    const crashed = new Promise<never>((_, reject) =>
      consumer.on(consumer.events.CRASH, ({ payload }) => reject(payload.error)),
    );
    await consumer.subscribe({ topic, fromBeginning: true });
    const received = new Promise<string>((resolve, reject) => {
      consumer.run({ eachMessage: async ({ message }) => resolve(message.value?.toString() ?? '') }).catch(reject);
    });
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no message on ${topic} within ${timeoutMs} ms`)), timeoutMs);
    });
    return await Promise.race([received, crashed, timeout]);
  } finally {
    clearTimeout(timer);
    await consumer.disconnect().catch(() => undefined);
  }
}

describeWithSaslKafka('Kafka confidentiality: SASL/SCRAM and broker ACLs per member state', () => {
  let h: LicensingHarness;
  let admin: Kafka;
  let adminProducer: Producer;
  let deadLetters: Consumer;
  const dead: { reason: string; topic: string; value: string }[] = [];

  beforeAll(async () => {
    const broker = saslTestBroker();
    h = await startLicensing({
      KAFKA_BROKERS: broker.brokers.join(','),
      KAFKA_SASL_MECHANISM: broker.mechanism,
      KAFKA_USERNAME: 'admin',
      KAFKA_PASSWORD: broker.users['admin'] ?? '',
    });
    await ensureSaslUsers(['customs', 'commission']);
    // The relay creates the topics and the ACLs as it starts, in the background.
    await waitFor(() => h.app.get(RelayService).enabled && h.app.get(InboundConsumerService).ready, 120_000);
    admin = saslTestKafka('acl-test-admin', 'admin');
    adminProducer = admin.producer();
    await adminProducer.connect();
    deadLetters = admin.consumer({ groupId: `dlq-watch-${randomUUID()}` });
    await deadLetters.connect();
    const joined = new Promise<void>((resolve) => deadLetters.on(deadLetters.events.GROUP_JOIN, () => resolve()));
    await deadLetters.subscribe({ topic: DEAD_LETTER_TOPIC, fromBeginning: true });
    await deadLetters.run({
      eachMessage: async ({ message }) => {
        dead.push({
          reason: message.headers?.['dul-dlq-reason']?.toString() ?? '',
          topic: message.headers?.['dul-dlq-source-topic']?.toString() ?? '',
          value: message.value?.toString() ?? '',
        });
      },
    });
    await joined;
  }, 240_000);

  afterAll(async () => {
    await deadLetters?.disconnect();
    await adminProducer?.disconnect();
    await h?.close();
  }, 60_000);

  it("FR's principal reads its own topic but is refused DE's topic by the broker (authorization error)", async () => {
    const marker = randomUUID();
    await adminProducer.send({
      topic: topicFor('authorities', 'FR'),
      messages: [{ key: 'k', value: `for-FR ${marker}` }],
    });
    await adminProducer.send({
      topic: topicFor('authorities', 'DE'),
      messages: [{ key: 'k', value: `for-DE ${marker}` }],
    });
    const fr = saslTestKafka('acl-test-fr', 'authority-FR');
    // Control: the same principal, consumer and group naming do work on FR's own topic.
    await expect(
      firstMessage(fr, `authority-FR.${randomUUID()}`, topicFor('authorities', 'FR'), 60_000),
    ).resolves.toMatch(/^for-FR /);
    await expect(
      firstMessage(fr, `authority-FR.${randomUUID()}`, topicFor('authorities', 'DE'), 60_000),
    ).rejects.toMatchObject({ type: 'TOPIC_AUTHORIZATION_FAILED' });
    // DE's own principal reads it.
    const de = saslTestKafka('acl-test-de', 'authority-DE');
    await expect(
      firstMessage(de, `authority-DE.${randomUUID()}`, topicFor('authorities', 'DE'), 60_000),
    ).resolves.toMatch(/^for-DE /);
  }, 200_000);

  it("customs' principal reads only the customs topic, the Commission's only the Commission's topic", async () => {
    const marker = randomUUID();
    for (const topic of [topicFor('customs'), topicFor('commission'), topicFor('authorities', 'DE')]) {
      await adminProducer.send({ topic, messages: [{ key: 'k', value: `on ${topic} ${marker}` }] });
    }
    const customs = saslTestKafka('acl-test-customs', 'customs');
    await expect(firstMessage(customs, `customs.${randomUUID()}`, topicFor('customs'), 60_000)).resolves.toEqual(
      expect.any(String),
    );
    for (const refused of [topicFor('commission'), topicFor('authorities', 'DE'), DEAD_LETTER_TOPIC]) {
      await expect(firstMessage(customs, `customs.${randomUUID()}`, refused, 60_000)).rejects.toMatchObject({
        type: 'TOPIC_AUTHORIZATION_FAILED',
      });
    }
    const commission = saslTestKafka('acl-test-commission', 'commission');
    await expect(
      firstMessage(commission, `commission.${randomUUID()}`, topicFor('commission'), 60_000),
    ).resolves.toEqual(expect.any(String));
    for (const refused of [topicFor('customs'), topicFor('authorities', 'FR')]) {
      await expect(firstMessage(commission, `commission.${randomUUID()}`, refused, 60_000)).rejects.toMatchObject({
        type: 'TOPIC_AUTHORIZATION_FAILED',
      });
    }
    // Neither writes anywhere, the inbound topics included.
    const producer = customs.producer();
    await producer.connect();
    try {
      await expect(
        producer.send({ topic: inboundTopicFor('DE'), messages: [{ value: 'from customs' }] }),
      ).rejects.toThrow(/Topic authorization failed/);
    } finally {
      await producer.disconnect();
    }
  }, 300_000);

  it("FR's principal may not write NL's inbound topic, and a message on FR's inbound topic claiming NL goes to the dead-letter topic", async () => {
    const fr = saslTestKafka('acl-test-fr-producer', 'authority-FR');
    const producer = fr.producer();
    await producer.connect();
    try {
      const marker = randomUUID();
      const claimingNl = {
        type: 'DenialNotification',
        denialId: randomUUID(),
        issuingMemberState: 'NL',
        actor: 'forged-by-fr',
        items: [{ controlEntry: '5A001.j', description: 'IP network surveillance system', hsCode: '85176200' }],
        destinationCountry: 'BR',
        endUser: { name: `Meridional ${marker}`, address: 'Rio de Janeiro', country: 'BR' },
        grounds: ['HUMAN_RIGHTS'],
        decidedOn: '2026-11-02',
      };
      await expect(
        producer.send({ topic: inboundTopicFor('NL'), messages: [{ value: JSON.stringify(claimingNl) }] }),
      ).rejects.toThrow(/Topic authorization failed/);
      await producer.send({ topic: inboundTopicFor('FR'), messages: [{ value: JSON.stringify(claimingNl) }] });
      await waitFor(() => dead.some((message) => message.value.includes(marker)), 60_000);
      const refused = dead.find((message) => message.value.includes(marker));
      expect(refused).toMatchObject({ topic: inboundTopicFor('FR') });
      expect(refused?.reason).toMatch(/^sender-mismatch: the message claims NL but arrived on dul\.inbound\.FR\.v1/);
      // And the forged denial is not in the register.
      const token = await h.token('nl-caseworker', 'NL', ['caseworker']);
      await h.http().get(`/v1/denials/${claimingNl.denialId}`).set('authorization', `Bearer ${token}`).expect(404);
      // FR cannot read the dead-letter topic either: only the gateway's super user does.
      await expect(firstMessage(fr, `authority-FR.${randomUUID()}`, DEAD_LETTER_TOPIC, 60_000)).rejects.toMatchObject({
        type: 'TOPIC_AUTHORIZATION_FAILED',
      });
    } finally {
      await producer.disconnect();
    }
  }, 200_000);
});
