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
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((spec) => ({
          topic: spec.topic,
          numPartitions: spec.partitions,
          replicationFactor: spec.replicationFactor ?? 1,
          configEntries: Object.entries(spec.config).map(([name, value]) => ({ name, value })),
        })),
      });
    }
    return missing.map((spec) => spec.topic);
  } finally {
    await admin.disconnect();
  }
}
