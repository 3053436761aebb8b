import type { Kafka } from 'kafkajs';

export interface TopicSpec {
  readonly topic: string;
  readonly partitions: number;
  /** Topic configuration such as retention.ms or cleanup.policy: retention is decided, never defaulted. */
  readonly config: Readonly<Record<string, string>>;
  readonly replicationFactor?: number;
}

/**
 * Creates the relay's topics with explicit partitions and retention, and leaves existing ones alone:
 * the broker does not auto-create topics (infra/kafka/server.properties), so partitioning is a
 * decision, never an accident.
 */
export async function ensureTopics(kafka: Kafka, topics: readonly TopicSpec[]): Promise<string[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const missing = topics.filter((spec) => !existing.has(spec.topic));
    if (missing.length > 0) {
      await admin
        .createTopics({
          waitForLeaders: true,
          topics: missing.map((spec) => ({
            topic: spec.topic,
            numPartitions: spec.partitions,
            replicationFactor: spec.replicationFactor ?? 1,
            configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
          })),
        })
        .catch((error: unknown) => {
          // Another service (or instance) created some of them between our list and our create.
          if (!createdMeanwhile(error)) throw error;
        });
    }
    // Every topic asked for, not only those created here: a topic another process is creating at
    // this moment is listed before its partitions have leaders, and a consumer subscribing then is
    // assigned none of its partitions (kafkajs does not rebalance when they appear), so it would
    // never read that topic.
    await waitUntilServed(
      admin,
      topics.map((spec) => spec.topic),
    );
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}

/**
 * A createTopics failure whose every topic error is TOPIC_ALREADY_EXISTS (kafkajs answers false
 * itself when all of them exist, and throws its aggregate error when only some do).
 */
function createdMeanwhile(error: unknown): boolean {
  const errors: readonly { readonly type?: string }[] | undefined = (
    error as { errors?: readonly { readonly type?: string }[] }
  ).errors;
  return errors !== undefined && errors.length > 0 && errors.every((topic) => topic.type === 'TOPIC_ALREADY_EXISTS');
}

/**
 * `waitForLeaders` returns once the controller has elected leaders, but on a fresh KRaft broker the
 * metadata a client then asks for can still answer UNKNOWN_TOPIC_OR_PARTITION ("This server does not
 * host this topic-partition") for a moment, and kafkajs' `consumer.subscribe` does not retry it. Until
 * every partition of every topic is in the metadata with a leader, nobody is told the topics exist.
 */
async function waitUntilServed(
  admin: ReturnType<Kafka['admin']>,
  topics: readonly string[],
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const metadata = await admin.fetchTopicMetadata({ topics: [...topics] });
      const served = metadata.topics.every(
        (topic) => topic.partitions.length > 0 && topic.partitions.every((partition) => partition.leader >= 0),
      );
      if (served) return;
    } catch (error) {
      if (Date.now() >= deadline) throw error;
    }
    if (Date.now() >= deadline) throw new Error(`Kafka topics not served after ${timeoutMs} ms: ${topics.join(', ')}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
