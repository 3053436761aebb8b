/** Who reads a published event. Each audience has one Kafka topic and one SSE stream. */
export const AUDIENCES = ['customs', 'authorities', 'commission'] as const;
export type Audience = (typeof AUDIENCES)[number];

/** A topic as the relay creates it: explicit partitions and retention (suggested defaults, see docs/contracts.md). */
export interface TopicDefinition {
  readonly audience: Audience;
  readonly name: string;
  readonly description: string;
  readonly partitions: number;
  readonly replicationFactor: number;
  /** Kafka topic-level configuration, as kafkajs `createTopics` takes it. */
  readonly config: Readonly<Record<string, string>>;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * One topic per audience. The `.v1` in a topic name is the envelope's version (structured CloudEvents,
 * JSON); published types evolve inside it (a `.v2` type is published beside its `.v1` on the same topic).
 */
export const TOPICS: Readonly<Record<Audience, TopicDefinition>> = {
  customs: {
    audience: 'customs',
    name: 'dul.customs.licences.v1',
    description:
      'Licence lifecycle and usage for customs. Every message carries the licence as it stands after the change, ' +
      'keyed by licence id, so the topic can be compacted to the latest state of every licence.',
    partitions: 12,
    replicationFactor: 3,
    // Compacted: a customs system that joins late still finds every licence; a week of history stays whole.
    config: { 'cleanup.policy': 'compact', 'min.compaction.lag.ms': String(7 * DAY_MS) },
  },
  authorities: {
    audience: 'authorities',
    name: 'dul.authorities.v1',
    description:
      'Art 16 denial notifications and reviews, grants despite a denial, and Art 14/16 consultations ' +
      'between competent authorities (the consultation packet only).',
    partitions: 6,
    replicationFactor: 3,
    // Kept: denials stay in force for years and a new consumer must be able to rebuild the register.
    config: { 'cleanup.policy': 'delete', 'retention.ms': '-1' },
  },
  commission: {
    audience: 'commission',
    name: 'dul.commission.v1',
    description:
      'Statistics-grade events for the Commission (Art 26): applications received, decisions, licence ' +
      'lifecycle, without exporter or end-user identities; and the Art 16 notifications the Commission receives.',
    partitions: 6,
    replicationFactor: 3,
    // Two years: the reporting year plus the next, while the annual report is prepared.
    config: { 'cleanup.policy': 'delete', 'retention.ms': String(731 * DAY_MS) },
  },
};

/** The SSE path of an audience's stream. */
export function ssePath(audience: Audience): string {
  return `/v1/streams/${audience}`;
}
