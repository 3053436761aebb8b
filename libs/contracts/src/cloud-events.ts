import type { CloudEventV1, KafkaMessage as CloudEventsKafkaMessage } from 'cloudevents';
import { CloudEvent, CONSTANTS, Kafka, ValidationError } from 'cloudevents';
import type { IHeaders, Message } from 'kafkajs';
import { schemaId } from './catalogue';
import type { IntegrationEvent } from './integration-event';

/**
 * Kafka carries CloudEvents in structured mode: the value is the whole CloudEvent as JSON and the only
 * header is `content-type: application/cloudevents+json`. See docs/contracts.md for why.
 */
export const CLOUDEVENTS_CONTENT_TYPE = CONSTANTS.DEFAULT_CE_CONTENT_TYPE;

/** The `datacontenttype` of every published event. */
export const DATA_CONTENT_TYPE = 'application/json';

/** CloudEvents extension (Partitioning) that carries the Kafka key inside the event. */
export const PARTITION_KEY_EXTENSION = 'partitionkey';

/** CloudEvents extension (Sequence): the source event's version in its stream, per partition key. */
export const SEQUENCE_EXTENSION = 'sequence';

/**
 * The Sequence extension's value is a string whose lexical order is the event order; the stream
 * version zero-padded to 12 digits keeps "10" after "9". Parse it with Number().
 */
export function sequenceAttribute(streamVersion: number): string {
  return String(streamVersion).padStart(12, '0');
}

export type PublishedCloudEvent = CloudEvent<IntegrationEvent['data']>;

/**
 * The CloudEvent of an integration event. `source` names the producing deployment, e.g.
 * `/dul/DE/licensing` or `urn:dul:deployment:de`; the pair (source, id) is unique.
 */
export function toCloudEvent(event: IntegrationEvent, source: string): PublishedCloudEvent {
  return new CloudEvent<IntegrationEvent['data']>({
    specversion: '1.0',
    id: event.id,
    source,
    type: event.type,
    subject: event.subject,
    time: event.time,
    datacontenttype: DATA_CONTENT_TYPE,
    dataschema: schemaId(event.type),
    [PARTITION_KEY_EXTENSION]: event.key,
    [SEQUENCE_EXTENSION]: sequenceAttribute(event.sequence),
    data: event.data,
  });
}

/** The kafkajs message of a CloudEvent in structured mode, keyed by its partition key (the aggregate id). */
export function toKafkaMessage(event: CloudEventV1<unknown>): Message {
  const key = event[PARTITION_KEY_EXTENSION];
  if (typeof key !== 'string' || key === '') {
    throw new ValidationError(`CloudEvent ${event.id} has no ${PARTITION_KEY_EXTENSION}: it would lose its ordering`);
  }
  const structured = Kafka.structured(event);
  // No Kafka timestamp: the broker's CreateTime is the send time, so time-based retention counts from
  // publication even when a backlog of old events is relayed; the event's own time is in the value.
  return { key, value: structured.value, headers: { [CONSTANTS.HEADER_CONTENT_TYPE]: CLOUDEVENTS_CONTENT_TYPE } };
}

/** What a kafkajs producer sends or a consumer receives (`eachMessage`'s `message`). */
export interface KafkaRecord {
  readonly key?: Buffer | string | null;
  readonly value: Buffer | string | null;
  readonly headers?: IHeaders;
}

/**
 * Parses a Kafka record back into a CloudEvent with the SDK's own Kafka binding, and validates it
 * against the CloudEvents 1.0 specification. Throws the SDK's ValidationError for anything else.
 */
export function fromKafkaMessage(record: KafkaRecord): CloudEvent<unknown> {
  if (record.value === null) throw new ValidationError('Kafka record has no value');
  const value = record.value.toString();
  const message: CloudEventsKafkaMessage<string> = {
    // kafkajs hands headers and key as Buffers; the SDK's binding reads strings.
    headers: stringHeaders(record.headers ?? {}),
    key: record.key === null || record.key === undefined ? '' : record.key.toString(),
    value,
    body: value,
  };
  const parsed = Kafka.toEvent<unknown>(message);
  if (Array.isArray(parsed)) throw new ValidationError('Kafka record holds a batch of CloudEvents; one was expected');
  const event = parsed instanceof CloudEvent ? (parsed as CloudEvent<unknown>) : new CloudEvent<unknown>(parsed, false);
  event.validate();
  return event;
}

function stringHeaders(headers: IHeaders): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    const first = Array.isArray(raw) ? raw[0] : raw;
    if (first !== undefined) result[name] = first.toString();
  }
  return result;
}
