import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import type { CommandBus } from '@nestjs/cqrs';
import { waitFor } from '@dul/event-store/testing';
import { ensureTopics } from '@dul/messaging';
import { describeWithKafka, testBrokers, testKafka } from '../../../infra/kafka/test-kafka';
import { gatewayTopics } from '../relay/relay.service';
import { InboundConsumerService } from './inbound-consumer.service';
import { inboundTopicFor } from './inbound-messages';

const GRACE_MS = 1_000;

/**
 * A member of `groupId` that dies without leaving: a consumer in its own process, SIGKILLed once it
 * has joined. The broker keeps it in the group until its session times out (15 s here), and holds
 * every new member's join until then.
 */
async function leaveADeadMember(groupId: string): Promise<void> {
  const script = `
    const { Kafka, logLevel } = require('kafkajs');
    const consumer = new Kafka({ clientId: 'dead-member', brokers: ${JSON.stringify(testBrokers())}, logLevel: logLevel.NOTHING })
      .consumer({ groupId: ${JSON.stringify(groupId)}, sessionTimeout: 15000 });
    consumer.on(consumer.events.GROUP_JOIN, () => console.log('joined'));
    consumer.connect()
      .then(() => consumer.subscribe({ topics: [${JSON.stringify(inboundTopicFor('IT'))}] }))
      .then(() => consumer.run({ eachMessage: async () => undefined }));`;
  const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('joined') && resolve());
    child.on('exit', (code) => reject(new Error(`the member exited (${code}) before it joined`)));
    setTimeout(() => reject(new Error('the member did not join within 60 s')), 60_000).unref();
  });
  child.kill('SIGKILL');
  await new Promise((resolve) => child.once('exit', resolve));
}

describeWithKafka('inbound consumer shutdown', () => {
  it('leaves within the shutdown grace while a dead member of its group holds the join', async () => {
    const groupId = `dul-inbound-shutdown-test-${randomUUID()}`;
    const kafka = testKafka('inbound-shutdown-test');
    await ensureTopics(kafka, gatewayTopics(1));
    await leaveADeadMember(groupId);

    const service = new InboundConsumerService(
      {} as CommandBus,
      { now: () => new Date() },
      {
        brokers: testBrokers().join(','),
        replicationFactor: 1,
        inboundGroup: groupId,
        shutdownGraceMs: GRACE_MS,
      },
    );
    const admin = kafka.admin();
    await admin.connect();
    try {
      service.onApplicationBootstrap();
      // Our consumer has asked to join, and the broker waits for the dead member to rejoin.
      await waitFor(async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'PreparingRebalance';
      }, 60_000);
      expect(service.ready).toBe(false);

      const started = Date.now();
      service.beforeApplicationShutdown();
      await service.onApplicationShutdown();
      // Without the bound this waits for the dead member's session to end (up to 15 s).
      expect(Date.now() - started).toBeLessThan(GRACE_MS * 2 + 2_000);
      // The consumer let go of is not restarted: once the broker has dropped both members (the dead one
      // and ours, whose goodbye was cut short) the group is empty. Waiting here also keeps the abandoned
      // goodbye from running on after the test.
      await waitFor(async () => {
        const { groups } = await admin.describeGroups([groupId]);
        return groups[0]?.state === 'Empty' || groups[0]?.state === 'Dead';
      }, 90_000);
    } finally {
      await admin.disconnect();
    }
  }, 120_000);
});
