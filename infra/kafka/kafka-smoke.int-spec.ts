/**
 * Smoke test against a REAL Kafka broker (infra/kafka/start.sh, or KAFKA_BROKERS).
 * Proves that kafkajs 2.2.4 works end-to-end with the broker version we run: admin createTopics /
 * deleteTopics / fetchOffsets, an idempotent producer, and a consumer group with offset commits.
 *
 * Skipping: only when DUL_SKIP_KAFKA is set (infra/test-all.sh sets it when no broker can be had
 * outside CI). Otherwise an unreachable broker is a test failure.
 */
import { randomUUID } from 'node:crypto';
import { Kafka, Partitioners, logLevel } from 'kafkajs';
import type { Admin, Consumer, LogEntry, Producer } from 'kafkajs';

const brokers = (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
  .split(',')
  .map((b) => b.trim())
  .filter(Boolean);
const skipReason = process.env.DUL_SKIP_KAFKA;

const SUITE = `Kafka smoke (${brokers.join(',')})`;
const suite = skipReason ? describe.skip : describe;
const suiteName = skipReason ? `${SUITE} [SKIPPED: ${skipReason}]` : SUITE;

const PARTITIONS = 3;
const KEYS = Array.from({ length: 9 }, (_, i) => `licence-${i}`);
const MESSAGES_PER_KEY = 20;
const BATCHES = 4;

interface Received {
  key: string;
  messageKey: string | undefined;
  seq: number;
  partition: number;
  offset: string;
}

interface WaitOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Extra context for the timeout message. */
  describeState?: () => string;
}

/** Polls `check` until it returns true; throws with `describeState()` after `timeoutMs`. No fixed sleeps. */
async function waitFor(
  description: string,
  check: () => boolean | Promise<boolean>,
  options: WaitOptions = {},
): Promise<void> {
  const { timeoutMs = 30_000, intervalMs = 100, describeState = () => '' } = options;
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${description}. ${describeState()}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

suite(suiteName, () => {
  // kafkajs logs are kept in memory (nothing printed) and only surfaced in failure messages.
  const kafkaLog: string[] = [];
  const logCreator = () => (entry: LogEntry) => {
    if (entry.level <= logLevel.WARN) kafkaLog.push(`${entry.namespace}: ${entry.log.message}`);
  };
  const kafka = new Kafka({
    clientId: `dul-kafka-smoke-${process.pid}`,
    brokers,
    logLevel: logLevel.WARN,
    logCreator,
    connectionTimeout: 3_000,
    retry: { retries: 5, initialRetryTime: 100 },
  });
  const runId = `${Date.now()}-${randomUUID().slice(0, 8)}`;
  const topic = `dul-smoke-${runId}`;
  const groupId = `dul-smoke-group-${runId}`;

  let admin: Admin | undefined;
  let producer: Producer | undefined;
  let consumer: Consumer | undefined;
  let topicDeleted = false;

  afterAll(async () => {
    await consumer?.disconnect().catch(() => undefined);
    await producer?.disconnect().catch(() => undefined);
    if (admin) {
      if (!topicDeleted) await admin.deleteTopics({ topics: [topic] }).catch(() => undefined);
      await admin.deleteGroups([groupId]).catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    }
  });

  it(
    `delivers every keyed message from an idempotent producer exactly once, in per-key order, ` +
      `through a consumer group on a ${PARTITIONS}-partition topic (admin create/delete included)`,
    async () => {
      admin = kafka.admin();
      await admin.connect();

      // Admin: create a fresh 3-partition topic, wait until every partition has a leader.
      const created = await admin.createTopics({
        topics: [{ topic, numPartitions: PARTITIONS, replicationFactor: 1 }],
        waitForLeaders: true,
      });
      expect(created).toBe(true);
      const metadata = await admin.fetchTopicMetadata({ topics: [topic] });
      expect(metadata.topics[0]?.partitions).toHaveLength(PARTITIONS);

      // Build the messages: KEYS x MESSAGES_PER_KEY, interleaved, split over several send() calls.
      const all = Array.from({ length: MESSAGES_PER_KEY }, (_, seq) => KEYS.map((key) => ({ key, seq }))).flat();
      const batchSize = Math.ceil(all.length / BATCHES);
      const batches = Array.from({ length: BATCHES }, (_, i) => all.slice(i * batchSize, (i + 1) * batchSize));
      const toKafka = (batch: typeof all) =>
        batch.map(({ key, seq }) => ({ key, value: JSON.stringify({ key, seq }), headers: { run: runId } }));

      producer = kafka.producer({
        idempotent: true,
        maxInFlightRequests: 1,
        createPartitioner: Partitioners.DefaultPartitioner,
      });
      await producer.connect();

      // First half is produced before the consumer exists (fromBeginning catch-up) ...
      for (const batch of batches.slice(0, BATCHES / 2)) {
        await producer.send({ topic, messages: toKafka(batch) });
      }

      const received: Received[] = [];
      let joined = false;
      consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100, heartbeatInterval: 1_000 });
      consumer.on(consumer.events.GROUP_JOIN, () => {
        joined = true;
      });
      await consumer.connect();
      await consumer.subscribe({ topics: [topic], fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ message, partition }) => {
          const body = JSON.parse(message.value?.toString() ?? 'null') as { key: string; seq: number };
          received.push({
            key: body.key,
            messageKey: message.key?.toString(),
            seq: body.seq,
            partition,
            offset: message.offset,
          });
        },
      });
      const state = () =>
        `received ${received.length}/${all.length}; kafkajs warnings/errors: ${kafkaLog.slice(-10).join(' | ') || 'none'}`;
      await waitFor('the consumer to join its group', () => joined, { describeState: state });

      // ... second half while the group member is live.
      for (const batch of batches.slice(BATCHES / 2)) {
        await producer.send({ topic, messages: toKafka(batch) });
      }

      // Done when everything arrived AND the group's committed offsets reached every partition's end,
      // so nothing is left that could still be redelivered.
      const highWatermarks = new Map((await admin.fetchTopicOffsets(topic)).map((p) => [p.partition, p.high]));
      expect([...highWatermarks.values()].reduce((sum, high) => sum + Number(high), 0)).toBe(all.length);
      await waitFor('all messages to be consumed', () => received.length >= all.length, { describeState: state });
      await waitFor(
        'the consumer group to commit up to the high watermark of every partition',
        async () => {
          const [committed] = await admin!.fetchOffsets({ groupId, topics: [topic] });
          return (committed?.partitions ?? []).every((p) => p.offset === highWatermarks.get(p.partition));
        },
        { describeState: state },
      );

      // Exactly once: every (key, seq) pair arrived one time, nothing extra.
      expect(received).toHaveLength(all.length);
      const ids = received.map((r) => `${r.key}#${r.seq}`);
      expect(new Set(ids).size).toBe(all.length);
      expect([...ids].sort()).toEqual(all.map(({ key, seq }) => `${key}#${seq}`).sort());
      expect(received.filter((r) => r.messageKey !== r.key)).toEqual([]);

      // Per-key order: each key lives on one partition and its sequence arrives as 0..n-1.
      for (const key of KEYS) {
        const forKey = received.filter((r) => r.key === key);
        expect(new Set(forKey.map((r) => r.partition)).size).toBe(1);
        expect(forKey.map((r) => r.seq)).toEqual(Array.from({ length: MESSAGES_PER_KEY }, (_, i) => i));
      }
      // The keys really were spread over more than one partition (otherwise ordering is trivial).
      expect(new Set(received.map((r) => r.partition)).size).toBeGreaterThan(1);

      // Tear down through the admin API and check the topic is gone.
      await consumer.disconnect();
      consumer = undefined;
      await admin.deleteTopics({ topics: [topic] });
      await waitFor('the topic to disappear', async () => !(await admin!.listTopics()).includes(topic), {
        describeState: state,
      });
      topicDeleted = true;
    },
    60_000,
  );
});
