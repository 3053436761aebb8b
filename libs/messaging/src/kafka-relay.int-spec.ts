import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Consumer } from 'kafkajs';
import { SqliteEventStore } from '@dul/event-store';
import { newEvent, waitFor } from '@dul/event-store/testing';
import { describeWithKafka, testKafka } from '../../../infra/kafka/test-kafka';
import { KafkaRelay, type RelayMapper } from './kafka-relay';
import { ensureTopics } from './kafka-topics';

describeWithKafka('KafkaRelay against the real broker', () => {
  const kafka = testKafka('relay-test');
  const topic = `relay-test-${randomUUID()}`;
  let dir: string;
  let store: SqliteEventStore;
  let consumer: Consumer;
  const received: { key: string; id: string }[] = [];

  const mapper: RelayMapper = (event) =>
    event.type === 'Internal'
      ? []
      : [
          {
            topic,
            key: event.streamId,
            value: JSON.stringify({ id: event.eventId, version: event.streamVersion }),
            headers: { 'ce-id': event.eventId },
          },
        ];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dul-relay-'));
    store = SqliteEventStore.open(join(dir, 'events.db'));
    expect(await ensureTopics(kafka, [{ topic, partitions: 3, config: { 'retention.ms': '3600000' } }])).toEqual([
      topic,
    ]);
    expect(await ensureTopics(kafka, [{ topic, partitions: 3, config: { 'retention.ms': '3600000' } }])).toEqual([]);
    consumer = kafka.consumer({ groupId: `relay-test-${randomUUID()}` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    await consumer.run({
      eachMessage: async ({ message }) => {
        const body = JSON.parse(message.value?.toString() ?? '{}') as { id: string };
        received.push({ key: message.key?.toString() ?? '', id: body.id });
      },
    });
  }, 30_000);

  afterAll(async () => {
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
    await admin.disconnect();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }, 30_000);

  it('publishes every mapped event keyed by aggregate, in order per aggregate, and checkpoints only what the broker acknowledged', async () => {
    const streams = Array.from({ length: 6 }, (_, i) => `licence-${i}-${randomUUID()}`);
    const relay = new KafkaRelay(kafka, store, mapper, { checkpointName: 'relay-test', batchSize: 17, idlePollMs: 10 });
    await relay.start();
    const expected = new Map<string, string[]>();
    for (let round = 0; round < 20; round++) {
      for (const stream of streams) {
        const events = [newEvent('LicenceThing'), newEvent('Internal')];
        await store.append(stream, events, 'any');
        expected.set(stream, [...(expected.get(stream) ?? []), events[0]!.eventId]);
      }
    }
    await waitFor(() => received.length >= 120, 30_000);
    await waitFor(async () => (await relay.lag()) === 0, 10_000);
    await relay.stop();
    expect(await store.loadCheckpoint('relay-test')).toBe(await store.headPosition());
    for (const stream of streams) {
      expect(received.filter((message) => message.key === stream).map((message) => message.id)).toEqual(
        expected.get(stream),
      );
    }
    expect(relay.stats().published).toBe(120);
  }, 60_000);
});
