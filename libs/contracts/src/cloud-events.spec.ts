import type { Message } from 'kafkajs';
import { CloudEvent, HTTP, Kafka, ValidationError } from 'cloudevents';
import { schemaId } from './catalogue';
import { CLOUDEVENTS_CONTENT_TYPE, fromKafkaMessage, toCloudEvent, toKafkaMessage } from './cloud-events';
import { validateContractData } from './contract-validator';
import type { IntegrationEvent } from './integration-event';
import { licensingHistory } from './testing/licensing-history';

const SOURCE = '/dul/DE/licensing';
const published = licensingHistory().mapAll();

/** What a kafkajs consumer hands to eachMessage: key, value and headers as Buffers. */
function asConsumed(message: Message) {
  const headers = Object.fromEntries(
    Object.entries(message.headers ?? {}).map(([name, value]) => [name, Buffer.from(String(value))]),
  );
  return {
    key: message.key === null || message.key === undefined ? null : Buffer.from(message.key),
    value: message.value === null ? null : Buffer.from(message.value),
    headers,
  };
}

function first(): IntegrationEvent {
  const event = published[0];
  if (event === undefined) throw new Error('no published event');
  return event;
}

describe('CloudEvents on Kafka (structured mode)', () => {
  it('carries the source event stream version as the CloudEvents sequence, growing per partition key in lexical order', () => {
    const lastByKey = new Map<string, string>();
    let checked = 0;
    for (const event of published.filter((candidate) => candidate.audience === 'customs')) {
      const parsed = fromKafkaMessage(asConsumed(toKafkaMessage(toCloudEvent(event, SOURCE))));
      const sequence = parsed['sequence'];
      expect(sequence).toBe(String(event.sequence).padStart(12, '0'));
      const previous = lastByKey.get(event.key);
      if (previous !== undefined) {
        expect(String(sequence) > previous).toBe(true);
        checked++;
      }
      lastByKey.set(event.key, String(sequence));
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('turns every published event into a CloudEvent that the SDK parses back from a consumed Kafka record', () => {
    expect(published.length).toBeGreaterThan(20);
    for (const event of published) {
      const message = toKafkaMessage(toCloudEvent(event, SOURCE));
      const parsed = fromKafkaMessage(asConsumed(message));
      expect({
        id: parsed.id,
        source: parsed.source,
        type: parsed.type,
        subject: parsed.subject,
        time: parsed.time,
        specversion: parsed.specversion,
        datacontenttype: parsed.datacontenttype,
        dataschema: parsed.dataschema,
        partitionkey: parsed['partitionkey'],
        data: parsed.data,
      }).toEqual({
        id: event.id,
        source: SOURCE,
        type: event.type,
        subject: event.subject,
        time: event.time,
        specversion: '1.0',
        datacontenttype: 'application/json',
        dataschema: schemaId(event.type),
        partitionkey: event.key,
        data: JSON.parse(JSON.stringify(event.data)),
      });
      expect(validateContractData(parsed.type, parsed.data, { strict: true })).toEqual({ valid: true, errors: [] });
    }
  });

  it("is what the SDK's own Kafka binding reads as a structured, valid CloudEvent", () => {
    const message = toKafkaMessage(toCloudEvent(first(), SOURCE));
    const value = String(message.value);
    const headers = { 'content-type': String(message.headers?.['content-type']) };
    const viaSdk = { headers, key: String(message.key), value, body: value };
    expect(Kafka.isEvent(viaSdk)).toBe(true);
    const parsed = Kafka.toEvent(viaSdk);
    expect(parsed).toBeInstanceOf(CloudEvent);
    expect((parsed as CloudEvent<unknown>).validate()).toBe(true);
  });

  it('puts the whole CloudEvent in the value, the aggregate id in the key, and only content-type in the headers', () => {
    const event = first();
    const message = toKafkaMessage(toCloudEvent(event, SOURCE));
    expect(message.key).toBe(event.key);
    expect(message.headers).toEqual({ 'content-type': CLOUDEVENTS_CONTENT_TYPE });
    expect(message.timestamp).toBeUndefined();
    const value = JSON.parse(String(message.value));
    expect(value).toMatchObject({ specversion: '1.0', id: event.id, type: event.type, partitionkey: event.key });
    expect(value.data).toEqual(JSON.parse(JSON.stringify(event.data)));
  });

  it('serves the same JSON over SSE: the HTTP binding reads it as a structured CloudEvent', () => {
    const cloudEvent = toCloudEvent(first(), SOURCE);
    const parsed = HTTP.toEvent({
      headers: { 'content-type': 'application/cloudevents+json' },
      body: cloudEvent.toString(),
    });
    expect(parsed).toMatchObject({ id: cloudEvent.id, type: cloudEvent.type });
  });

  it('refuses to build a CloudEvent the specification rejects', () => {
    expect(() => toCloudEvent(first(), '')).toThrow(ValidationError);
  });

  it('refuses a Kafka message without a partition key: order per aggregate would be lost', () => {
    const keyless = new CloudEvent({ id: 'x', source: SOURCE, type: 'eu.dual-use.licence.issued.v1', data: {} });
    expect(() => toKafkaMessage(keyless)).toThrow(/partitionkey/);
  });

  it('rejects a Kafka record that is not a CloudEvent', () => {
    expect(() => fromKafkaMessage({ key: 'k', value: Buffer.from('{"hello":1}'), headers: {} })).toThrow(
      ValidationError,
    );
    expect(() => fromKafkaMessage({ key: 'k', value: null, headers: {} })).toThrow(ValidationError);
    expect(() =>
      fromKafkaMessage({
        key: 'k',
        value: Buffer.from(JSON.stringify({ specversion: '1.0', id: 'x', type: 't', time: '2025-01-01T00:00:00Z' })),
        headers: { 'content-type': Buffer.from(CLOUDEVENTS_CONTENT_TYPE) },
      }),
    ).toThrow();
  });
});
