import type { Audience } from './audiences';
import { MEMBER_STATE_CODES } from '@dul/domain';
import {
  AUDIENCES,
  DEAD_LETTER_TOPIC,
  INBOUND_TOPIC_TEMPLATE,
  inboundTopicFor,
  PUBLIC_AUDIENCES,
  TOPICS,
  topicFor,
} from './audiences';
import type { PublishedType } from './catalogue';
import { CONTRACTS, PUBLISHED_TYPES, publishedSchema, schemaId, typesFor } from './catalogue';
import { DATA_CONTENT_TYPE, PARTITION_KEY_EXTENSION, SEQUENCE_EXTENSION } from './cloud-events';
import type { JsonSchema } from './schema-builder';

export interface AsyncApiOptions {
  /** Kafka bootstrap address shown to readers; default localhost:9092. */
  readonly kafkaHost?: string;
  /** Host of the gateway serving SSE; default localhost:3000. */
  readonly httpHost?: string;
  readonly httpProtocol?: 'http' | 'https';
  /** TLS to the brokers (SASL_SSL); default false (SASL_PLAINTEXT). */
  readonly kafkaTls?: boolean;
}

const KAFKA_SECURITY = [{ $ref: '#/components/securitySchemes/kafkaScram' }];
const INBOUND_CHANNEL = 'inboundTopic';
const DEAD_LETTER_CHANNEL = 'deadLetterTopic';

/** The `{memberState}` parameter of a per-member-state topic: its enum names every topic there is. */
const memberStateParameter = {
  enum: [...MEMBER_STATE_CODES],
  description: 'ISO 3166-1 alpha-2 code of the member state (GR for Greece).',
};

export const ASYNCAPI_CONTENT_TYPE = 'application/cloudevents+json';

const SSE_CHANNEL = 'agencyStreams';

const channelOf = (audience: Audience): string => `${audience}Topic`;

/**
 * The AsyncAPI 3.0 document of everything published: one Kafka channel per audience topic, the SSE
 * channel /v1/streams/{audience}, and one message per published type whose payload is the structured
 * CloudEvent with its data schema embedded. The gateway serves it at /asyncapi.
 */
export function asyncApiDocument(options: AsyncApiOptions = {}): Readonly<Record<string, unknown>> {
  const channels: Record<string, unknown> = {};
  const operations: Record<string, unknown> = {};
  for (const audience of AUDIENCES) {
    const topic = TOPICS[audience];
    const types = typesFor(audience);
    const everyTopic = topic.perMemberState
      ? MEMBER_STATE_CODES.map((ms) => topicFor(audience, ms))
      : [topicFor(audience)];
    channels[channelOf(audience)] = {
      address: topic.name,
      title: `${audience} topic`,
      description: topic.perMemberState
        ? `${topic.description} Topics: ${everyTopic.join(', ')}.`
        : `${topic.description} Readable by every authority's principal and the agencies granted it.`,
      ...(topic.perMemberState && { parameters: { memberState: memberStateParameter } }),
      'x-topics': everyTopic,
      servers: [{ $ref: '#/servers/kafka' }],
      messages: messageRefs(types),
      bindings: {
        kafka: {
          topic: topic.name,
          partitions: topic.partitions,
          replicas: topic.replicationFactor,
          topicConfiguration: topicConfiguration(topic.config),
          bindingVersion: '0.5.0',
        },
      },
    };
    operations[`publish${capitalised(audience)}`] = {
      action: 'send',
      title: `Publish to ${topic.name}`,
      summary: `The relay publishes the ${audience} audience's events, keyed by aggregate id.`,
      channel: { $ref: `#/channels/${channelOf(audience)}` },
      messages: types.map((type) => ({ $ref: `#/channels/${channelOf(audience)}/messages/${type}` })),
      security: KAFKA_SECURITY,
    };
    operations[`receive${capitalised(audience)}`] = {
      action: 'receive',
      title: `Consume ${topic.name}`,
      description: topic.perMemberState
        ? "Only the member state's own principal (SCRAM user authority-<MS>) may read its topic (broker ACL), " +
          'with consumer groups named `authority-<MS>.<anything>`.'
        : `Every authority's principal may read it (public: ${PUBLIC_AUDIENCES.map((a) => topicFor(a)).join(', ')}).`,
      channel: { $ref: `#/channels/${channelOf(audience)}` },
      messages: types.map((type) => ({ $ref: `#/channels/${channelOf(audience)}/messages/${type}` })),
      security: KAFKA_SECURITY,
    };
  }
  const everyInbound = MEMBER_STATE_CODES.map(inboundTopicFor);
  channels[INBOUND_CHANNEL] = {
    address: INBOUND_TOPIC_TEMPLATE,
    title: 'Inbound topic of a member state',
    description:
      "What a member state's national system sends: consultation replies and Art 16 denial notifications. Only " +
      "that member state's principal may write its topic (broker ACL), so the sender is the topic's member state; " +
      `a message claiming another member state inside goes to ${DEAD_LETTER_TOPIC}. Topics: ${everyInbound.join(', ')}.`,
    parameters: { memberState: memberStateParameter },
    'x-topics': everyInbound,
    servers: [{ $ref: '#/servers/kafka' }],
    messages: {
      ConsultationReply: { $ref: '#/components/messages/InboundConsultationReply' },
      DenialNotification: { $ref: '#/components/messages/InboundDenialNotification' },
    },
    bindings: { kafka: { partitions: 1, replicas: 3, bindingVersion: '0.5.0' } },
  };
  channels[DEAD_LETTER_CHANNEL] = {
    address: DEAD_LETTER_TOPIC,
    title: 'Dead-letter topic of the inbound topics',
    description:
      'Inbound messages that can never be processed (not JSON, invalid, refused by the rules, or claiming another ' +
      'sender than the topic), unchanged, with the reason and the source in headers. Only the gateway (super user) ' +
      'reads and writes it.',
    'x-topics': [DEAD_LETTER_TOPIC],
    servers: [{ $ref: '#/servers/kafka' }],
    messages: { DeadLetter: { $ref: '#/components/messages/DeadLetter' } },
    bindings: {
      kafka: { partitions: 1, replicas: 3, topicConfiguration: { 'retention.ms': -1 }, bindingVersion: '0.5.0' },
    },
  };
  operations['sendInbound'] = {
    action: 'receive',
    title: 'The gateway consumes every inbound topic',
    summary: "A national system writes to its own member state's inbound topic; the gateway consumes them all.",
    channel: { $ref: `#/channels/${INBOUND_CHANNEL}` },
    security: KAFKA_SECURITY,
  };
  operations['deadLetter'] = {
    action: 'send',
    title: 'The gateway dead-letters a refused inbound message',
    channel: { $ref: `#/channels/${DEAD_LETTER_CHANNEL}` },
    security: KAFKA_SECURITY,
  };
  channels[SSE_CHANNEL] = {
    address: '/v1/streams/{audience}',
    title: 'Server-Sent Events stream of an audience',
    description:
      'The same CloudEvents as the audience topic, one per SSE event (the `data:` line is the structured ' +
      'CloudEvent JSON), for agencies without Kafka. Resumable with Last-Event-ID or ?from=<position>. A token ' +
      'reads only the audiences it is granted.',
    servers: [{ $ref: '#/servers/gateway' }],
    parameters: {
      audience: { enum: [...AUDIENCES], description: 'The audience whose events to stream.' },
    },
    messages: messageRefs(PUBLISHED_TYPES),
  };
  operations['streamToAgencies'] = {
    action: 'send',
    title: 'Stream to an agency over SSE',
    channel: { $ref: `#/channels/${SSE_CHANNEL}` },
    messages: PUBLISHED_TYPES.map((type) => ({ $ref: `#/channels/${SSE_CHANNEL}/messages/${type}` })),
  };

  return {
    asyncapi: '3.0.0',
    id: 'urn:dual-use:licensing-ledger:published-events',
    info: {
      title: 'Dual-use licensing ledger: published events',
      version: '1.0.0',
      description:
        'Versioned integration events under Regulation (EU) 2021/821, as CloudEvents 1.0 in structured mode. ' +
        'A published type only gains optional fields; a breaking change is a new `.v2` type beside `.v1`. ' +
        'Delivery is at least once: consumers drop duplicates by CloudEvent id. Order holds per key (aggregate id).',
    },
    defaultContentType: ASYNCAPI_CONTENT_TYPE,
    servers: {
      kafka: {
        host: options.kafkaHost ?? 'localhost:9092',
        protocol: options.kafkaTls ? 'kafka-secure' : 'kafka',
        description:
          'Kafka cluster; one topic per public audience, one per member state for the authorities, one inbound topic ' +
          'per member state. Clients authenticate with SASL/SCRAM-SHA-512; ACLs are enforced by the broker ' +
          '(KRaft StandardAuthorizer, nothing allowed without an ACL).',
        security: KAFKA_SECURITY,
      },
      gateway: {
        host: options.httpHost ?? 'localhost:3000',
        protocol: options.httpProtocol ?? 'http',
        description: 'Gateway serving Server-Sent Events.',
        security: [{ $ref: '#/components/securitySchemes/bearer' }],
      },
    },
    channels,
    operations,
    components: {
      schemas: Object.fromEntries(PUBLISHED_TYPES.map((type) => [type, envelopeSchema(type)])),
      messages: {
        ...Object.fromEntries(PUBLISHED_TYPES.map((type) => [type, message(type)])),
        ...INBOUND_MESSAGES,
      },
      securitySchemes: {
        kafkaScram: {
          type: 'scramSha512',
          description:
            "SASL/SCRAM-SHA-512. Each member state's authority is the user authority-<MS> (configurable, " +
            'KAFKA_AUTHORITY_PRINCIPAL); the gateway runs as the super user that creates topics and ACLs.',
        },
        bearer: {
          type: 'http',
          scheme: 'bearer',
          bearerFormat: 'JWT',
          description: 'Agency, authority or Commission token; the audiences it may read are in its claims.',
        },
      },
    },
  };
}

function messageRefs(types: readonly PublishedType[]): Record<string, unknown> {
  return Object.fromEntries(types.map((type) => [type, { $ref: `#/components/messages/${type}` }]));
}

function message(type: PublishedType): Record<string, unknown> {
  const contract = CONTRACTS[type];
  return {
    name: type,
    title: contract.title,
    summary: contract.summary,
    contentType: ASYNCAPI_CONTENT_TYPE,
    payload: { $ref: `#/components/schemas/${type}` },
    bindings: {
      kafka: {
        key: { type: 'string', description: `Aggregate id (${contract.subject}).` },
        bindingVersion: '0.5.0',
      },
    },
  };
}

/** The structured CloudEvent of a type: envelope attributes, and the data schema embedded as-is. */
function envelopeSchema(type: PublishedType): JsonSchema {
  const { $schema: _dialect, $id: _id, title: _title, ...data } = publishedSchema(type);
  return {
    type: 'object',
    description: `Structured CloudEvent carrying ${type}; data schema ${schemaId(type)}.`,
    required: [
      'specversion',
      'id',
      'source',
      'type',
      'subject',
      'time',
      'datacontenttype',
      'dataschema',
      PARTITION_KEY_EXTENSION,
      SEQUENCE_EXTENSION,
      'data',
    ],
    properties: {
      specversion: { type: 'string', const: '1.0' },
      id: { type: 'string', minLength: 1, description: 'Stable per domain event and audience: drop duplicates by it.' },
      source: { type: 'string', format: 'uri-reference', description: 'The producing deployment.' },
      type: { type: 'string', const: type },
      subject: { type: 'string', description: CONTRACTS[type].subject },
      time: { type: 'string', format: 'date-time', description: 'When the source event was recorded.' },
      datacontenttype: { type: 'string', const: DATA_CONTENT_TYPE },
      dataschema: { type: 'string', const: schemaId(type) },
      [PARTITION_KEY_EXTENSION]: { type: 'string', description: 'The Kafka key: the aggregate id.' },
      [SEQUENCE_EXTENSION]: {
        type: 'string',
        pattern: '^[0-9]{12}$',
        description:
          'CloudEvents Sequence extension: the source event version in its stream, zero-padded so that ' +
          'lexical order is event order. Per partitionkey it only grows; gaps are normal (internal events ' +
          'publish nothing); an event at or below the last one seen is a redelivery.',
      },
      data,
    },
  };
}

function topicConfiguration(config: Readonly<Record<string, string>>): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const policy = config['cleanup.policy'];
  if (policy !== undefined) result['cleanup.policy'] = policy.split(',');
  const retention = config['retention.ms'];
  if (retention !== undefined) result['retention.ms'] = Number(retention);
  return result;
}

function capitalised(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const party = {
  type: 'object',
  required: ['name', 'address', 'country'],
  properties: {
    name: { type: 'string' },
    address: { type: 'string' },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
  },
};

/** What a national system sends on its inbound topic (validated by apps/gateway/inbound/inbound-messages.ts). */
const INBOUND_MESSAGES: Record<string, unknown> = {
  InboundConsultationReply: {
    name: 'ConsultationReply',
    title: 'A consulted member state answers a consultation',
    contentType: 'application/json',
    payload: {
      type: 'object',
      additionalProperties: false,
      required: ['type', 'consultationId', 'memberState', 'actor', 'answer'],
      properties: {
        type: { const: 'ConsultationReply' },
        consultationId: { type: 'string', format: 'uuid' },
        memberState: {
          type: 'string',
          description: "Must be the topic's member state, or the message is dead-lettered.",
        },
        actor: { type: 'string', minLength: 1, maxLength: 200 },
        answer: { type: 'string' },
        reasons: { type: 'string' },
      },
    },
  },
  InboundDenialNotification: {
    name: 'DenialNotification',
    title: 'An Art 16 denial notified for the EU register',
    contentType: 'application/json',
    payload: {
      type: 'object',
      additionalProperties: false,
      required: [
        'type',
        'denialId',
        'issuingMemberState',
        'actor',
        'items',
        'destinationCountry',
        'endUser',
        'grounds',
        'decidedOn',
      ],
      properties: {
        type: { const: 'DenialNotification' },
        denialId: { type: 'string', format: 'uuid' },
        issuingMemberState: {
          type: 'string',
          description: "Must be the topic's member state, or the message is dead-lettered.",
        },
        actor: { type: 'string', minLength: 1, maxLength: 200 },
        items: {
          type: 'array',
          minItems: 1,
          maxItems: 200,
          items: {
            type: 'object',
            required: ['description', 'hsCode'],
            properties: {
              controlEntry: { type: ['string', 'null'] },
              description: { type: 'string' },
              hsCode: { type: 'string', pattern: '^\\d{8}$' },
            },
          },
        },
        destinationCountry: { type: 'string', pattern: '^[A-Z]{2}$' },
        endUser: party,
        consignee: { oneOf: [party, { type: 'null' }] },
        grounds: { type: 'array', minItems: 1, items: { type: 'string' } },
        reason: { type: 'string' },
        decidedOn: { type: 'string', format: 'date' },
      },
    },
  },
  DeadLetter: {
    name: 'DeadLetter',
    title: 'A refused inbound message, unchanged, with the reason',
    contentType: 'application/json',
    headers: {
      type: 'object',
      required: ['dul-dlq-reason', 'dul-dlq-source-topic', 'dul-dlq-source-offset'],
      properties: {
        'dul-dlq-reason': {
          type: 'string',
          description: 'Why, e.g. sender-mismatch: the message claims NL but arrived on dul.inbound.FR.v1.',
        },
        'dul-dlq-source-topic': { type: 'string' },
        'dul-dlq-source-offset': { type: 'string' },
      },
    },
    payload: { description: 'The inbound message value as received (possibly not JSON).' },
  },
};
