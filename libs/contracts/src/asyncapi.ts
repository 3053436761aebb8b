import type { Audience } from './audiences';
import { AUDIENCES, TOPICS } from './audiences';
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
}

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
    channels[channelOf(audience)] = {
      address: topic.name,
      title: `${audience} topic`,
      description: topic.description,
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
    };
  }
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
        protocol: 'kafka',
        description: 'Kafka cluster; one topic per audience.',
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
      messages: Object.fromEntries(PUBLISHED_TYPES.map((type) => [type, message(type)])),
      securitySchemes: {
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
