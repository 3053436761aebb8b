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
  /**
   * True for the authorities: the name is a template with `{memberState}`, one topic per member state,
   * so that the broker's ACLs (not the consumer's good manners) keep DE from reading what is addressed
   * to FR. Expand it with topicFor.
   */
  readonly perMemberState?: boolean;
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
    name: 'dul.authority.{memberState}.v1',
    description:
      'Art 16 denial notifications and reviews, grants despite a denial, and Art 14/16 consultations ' +
      'between competent authorities (the consultation packet only). One topic per member state: a message ' +
      'goes to the topic of every member state it is addressed to (its recipients and its sender), and only ' +
      "that member state's principal may read it (broker ACLs).",
    partitions: 3,
    perMemberState: true,
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

/** The topic of an audience; for the authorities, the given member state's own topic. */
export function topicFor(audience: Audience, memberState?: string): string {
  const definition = TOPICS[audience];
  if (!definition.perMemberState) return definition.name;
  if (memberState === undefined || !/^[A-Z]{2}$/.test(memberState)) {
    throw new Error(`the ${audience} topic is per member state: a member state code is needed (got ${memberState})`);
  }
  return definition.name.replace('{memberState}', memberState);
}

/**
 * Topics every authority's principal may read besides its own: those not addressed to one member
 * state. The customs topic (licences in force, which every authority's customs office checks) and the
 * Commission's statistics-grade topic.
 */
export const PUBLIC_AUDIENCES: readonly Audience[] = AUDIENCES.filter((audience) => !TOPICS[audience].perMemberState);

/**
 * Inbound: one topic per member state that only that member state's principal may write (ACL). Kafka
 * does not tell a consumer who produced a message; the topic it arrived on does, because the broker
 * authenticated the writer. A message that claims another sender inside goes to the dead-letter topic.
 */
export const INBOUND_TOPIC_TEMPLATE = 'dul.inbound.{memberState}.v1';
export const DEAD_LETTER_TOPIC = 'dul.inbound.dlq.v1';

export function inboundTopicFor(memberState: string): string {
  return INBOUND_TOPIC_TEMPLATE.replace('{memberState}', memberState);
}

/** The member state whose inbound topic this is, or undefined for any other topic. */
export function senderOfInboundTopic(topic: string): string | undefined {
  return /^dul\.inbound\.([A-Z]{2})\.v1$/.exec(topic)?.[1];
}

/**
 * The member states an authorities message is addressed to: its recipients and its sender (the
 * notifying or requesting member state, which sees its own messages as on the SSE stream). A message
 * that names none is addressed to nobody (fail closed).
 */
export function authorityAddressees(data: unknown): string[] {
  const fields = (typeof data === 'object' && data !== null ? data : {}) as {
    recipients?: { memberStates?: readonly unknown[] };
    notifyingMemberState?: unknown;
    requestingMemberState?: unknown;
  };
  const recipients: readonly unknown[] = Array.isArray(fields.recipients?.memberStates)
    ? fields.recipients.memberStates
    : [];
  const candidates: unknown[] = [fields.notifyingMemberState, fields.requestingMemberState, ...recipients];
  return [...new Set(candidates.filter((code): code is string => typeof code === 'string' && /^[A-Z]{2}$/.test(code)))];
}
