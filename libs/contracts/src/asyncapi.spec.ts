import { DiagnosticSeverity, Parser } from '@asyncapi/parser';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { asyncApiDocument } from './asyncapi';
import { MEMBER_STATE_CODES } from '@dul/domain';
import { AUDIENCES, DEAD_LETTER_TOPIC, inboundTopicFor, TOPICS, topicFor } from './audiences';
import { PUBLISHED_TYPES, typesFor } from './catalogue';
import { toCloudEvent } from './cloud-events';
import { authoritiesHistory } from './testing/authorities-history';

// Spectral's DiagnosticSeverity (Error 0, Warning 1, Information 2, Hint 3), read as numbers: the parser's
// diagnostics and its re-exported enum come from different copies of @stoplight/types.
const ERROR = Number(DiagnosticSeverity.Error);
const WARNING = Number(DiagnosticSeverity.Warning);
const severityOf = (diagnostic: { readonly severity: unknown }): number => Number(diagnostic.severity);

const doc = asyncApiDocument();
const components = doc['components'] as {
  schemas: Record<string, Record<string, unknown>>;
  messages: Record<string, { name: string; payload: { $ref: string } }>;
};
const channels = doc['channels'] as Record<
  string,
  { address: string; messages: Record<string, unknown>; bindings?: unknown }
>;

const INBOUND_MESSAGE_NAMES = ['InboundConsultationReply', 'InboundDenialNotification', 'DeadLetter'];

describe('AsyncAPI document', () => {
  it('names every topic (per-member-state authorities and inbound topics, dead letters) and secures each with SASL/SCRAM', () => {
    const named = Object.values(channels).flatMap(
      (channel) => (channel as { 'x-topics'?: string[] })['x-topics'] ?? [],
    );
    const expected = [
      ...MEMBER_STATE_CODES.map((ms) => topicFor('authorities', ms)),
      ...MEMBER_STATE_CODES.map(inboundTopicFor),
      topicFor('customs'),
      topicFor('commission'),
      DEAD_LETTER_TOPIC,
    ];
    expect(named.sort()).toEqual(expected.sort());
    expect(named).toContain('dul.authority.DE.v1');
    expect(named).toContain('dul.inbound.NL.v1');
    const servers = doc['servers'] as Record<string, { security?: unknown }>;
    expect(servers['kafka']?.security).toEqual([{ $ref: '#/components/securitySchemes/kafkaScram' }]);
    const schemes = (doc['components'] as { securitySchemes: Record<string, { type: string }> }).securitySchemes;
    expect(schemes['kafkaScram']?.type).toBe('scramSha512');
    const operations = doc['operations'] as Record<string, { channel: { $ref: string }; security?: unknown }>;
    for (const [name, operation] of Object.entries(operations)) {
      if (operation.channel.$ref === '#/channels/agencyStreams') continue;
      expect([name, operation.security]).toEqual([name, [{ $ref: '#/components/securitySchemes/kafkaScram' }]]);
    }
  });

  it('validates with the AsyncAPI parser, without errors or warnings', async () => {
    const { document, diagnostics } = await new Parser().parse(JSON.stringify(doc));
    const problems = diagnostics.filter((diagnostic) => severityOf(diagnostic) <= WARNING);
    expect(problems.map((problem) => `${problem.path.join('.')}: ${problem.message}`)).toEqual([]);
    expect(document).toBeDefined();
    expect(diagnostics.filter((diagnostic) => severityOf(diagnostic) === ERROR)).toEqual([]);
    expect(document?.version()).toBe('3.0.0');
    expect(document?.allMessages().length).toBe(PUBLISHED_TYPES.length + INBOUND_MESSAGE_NAMES.length);
  });

  it('is checked by a live validator: a broken binding or schema is an error', async () => {
    const broken = JSON.parse(JSON.stringify(doc));
    broken.channels.customsTopic.bindings.kafka.partitions = 0;
    broken.components.schemas['eu.dual-use.licence.issued.v1'].properties.data.type = 'licence';
    const { diagnostics } = await new Parser().parse(JSON.stringify(broken));
    const errors = diagnostics.filter((diagnostic) => severityOf(diagnostic) === ERROR).map((d) => d.path.join('.'));
    expect(errors).toEqual(
      expect.arrayContaining([
        'channels.customsTopic.bindings.kafka.partitions',
        'components.schemas.eu.dual-use.licence.issued.v1.properties.data.type',
      ]),
    );
  });

  it('lists every published type as a message with its schema', () => {
    expect(Object.keys(components.messages).sort()).toEqual([...PUBLISHED_TYPES, ...INBOUND_MESSAGE_NAMES].sort());
    for (const type of PUBLISHED_TYPES) {
      expect(components.messages[type]?.name).toBe(type);
      expect(components.messages[type]?.payload).toEqual({ $ref: `#/components/schemas/${type}` });
      expect(components.schemas[type]).toBeDefined();
    }
  });

  it('has a channel per audience topic carrying its types, and the SSE channel carrying all', () => {
    for (const audience of AUDIENCES) {
      const channel = channels[`${audience}Topic`];
      expect(channel?.address).toBe(TOPICS[audience].name);
      expect(Object.keys(channel?.messages ?? {}).sort()).toEqual([...typesFor(audience)].sort());
      expect(channel?.bindings).toMatchObject({ kafka: { partitions: TOPICS[audience].partitions } });
    }
    const sse = channels['agencyStreams'];
    expect(sse?.address).toBe('/v1/streams/{audience}');
    expect(Object.keys(sse?.messages ?? {}).sort()).toEqual([...PUBLISHED_TYPES].sort());
  });

  it('describes the payload as the structured CloudEvent the relay actually sends', () => {
    const ajv = new Ajv({ strict: false });
    addFormats(ajv);
    // Licensing, denial register and consultation histories: every published type, as mapped.
    const events = authoritiesHistory().mapAll();
    expect(new Set(events.map((event) => event.type)).size).toBe(PUBLISHED_TYPES.length);
    for (const event of events) {
      const validate = ajv.compile(components.schemas[event.type] ?? {});
      const sent: unknown = JSON.parse(toCloudEvent(event, '/dul/DE/licensing').toString());
      expect({ type: event.type, valid: validate(sent), errors: validate.errors ?? null }).toEqual({
        type: event.type,
        valid: true,
        errors: null,
      });
    }
  });

  it('takes the servers from options', () => {
    const custom = asyncApiDocument({
      kafkaHost: 'kafka.example:9093',
      httpHost: 'gateway.example',
      httpProtocol: 'https',
    });
    expect(custom['servers']).toMatchObject({
      kafka: { host: 'kafka.example:9093', protocol: 'kafka' },
      gateway: { host: 'gateway.example', protocol: 'https' },
    });
  });
});
