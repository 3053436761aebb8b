import { waitFor } from '@dul/event-store/testing';
import {
  EXAMPLE_ANNEX_IIIA_CONTENT,
  EXAMPLE_SUBMIT_BROKERING,
  EXAMPLE_SUBMIT_TRANSIT,
} from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';
import { memberStateClients, type MemberStateClient } from './support/member-state-clients';

// Issue 10, item 4: an individual application with every Annex III-A field, read back from the
// application, the consultation packet the consulted member state sees, and the history.

/** Every Annex III-A field; the probe waits in a French warehouse so that FR is consulted (BR is not in Annex II). */
const FULL = {
  ...EXAMPLE_ANNEX_IIIA_CONTENT,
  items: EXAMPLE_ANNEX_IIIA_CONTENT.items.map((item, index) =>
    index === 0 ? { ...item, memberStateWhereLocated: 'FR' } : item,
  ),
};

interface HistoryEntry {
  readonly type: string;
  readonly data: { readonly content?: Record<string, unknown> };
}

describe('Annex III-A record over HTTP: submit, consultation packet, history', () => {
  let h: LicensingHarness;
  let as: (who: string) => MemberStateClient;
  beforeAll(async () => {
    h = await startLicensing();
    as = await memberStateClients(h, ['DE', 'FR', 'NL']);
  });
  afterAll(async () => h.close());

  const submittedContentInHistory = async (who: string, id: string): Promise<Record<string, unknown>> => {
    const { body } = await as(who).get(`/v1/applications/${id}/history`).expect(200);
    const submitted = (body as HistoryEntry[]).find((entry) => entry.type === 'ApplicationSubmitted');
    return submitted?.data.content ?? {};
  };

  it('round-trips every field of an individual application through submit, the consultation packet and the history', async () => {
    const created = await as('DE-caseworker')
      .post('/v1/applications', { kind: 'INDIVIDUAL', content: FULL })
      .expect(201);
    const { id, position } = created.body as { id: string; position: number };
    const annexIIIA = {
      exporter: expect.objectContaining({ kind: 'LEGAL_PERSON' }),
      items: [
        expect.objectContaining({ countryOfOrigin: 'DE', memberStateWhereLocated: 'FR' }),
        expect.objectContaining({ countryOfOrigin: 'TW', memberStateWhereLocated: 'DE' }),
      ],
      endUse: FULL.endUse,
      memberStateOfCustomsExport: 'NL',
      contract: { date: '2026-01-20', reference: 'MT-2026-014' },
    };

    const detail = await as('DE-caseworker')
      .get(`/v1/applications/${id}`)
      .set('x-consistent-with', String(position))
      .expect(200);
    expect(detail.body.application.content).toMatchObject({
      ...annexIIIA,
      endUseStatement: FULL.endUseStatement,
      services: null,
      transit: null,
    });

    expect(await submittedContentInHistory('DE-caseworker', id)).toMatchObject(annexIIIA);

    // Art 14(1) consults FR at once; it sees the end use itself, with the end-use statement beside it.
    const frConsultations = async (): Promise<{ id: string; applicationId: string }[]> => {
      const { body } = await as('FR-caseworker')
        .get('/v1/consultations?role=consulted&kind=ITEMS_LOCATED_ELSEWHERE')
        .expect(200);
      return (body.items as { id: string; applicationId: string }[]).filter((item) => item.applicationId === id);
    };
    await waitFor(async () => (await frConsultations()).length === 1);
    const [consultation] = await frConsultations();
    const packet = (await as('FR-caseworker').get(`/v1/consultations/${consultation!.id}`).expect(200)).body
      .consultation.packet;
    expect(packet).toMatchObject({
      ...annexIIIA,
      endUse:
        'Lawful interception by the operator under court orders, in its national IP backbone (Rio de Janeiro, São Paulo)',
      endUseStatement: FULL.endUseStatement,
      services: null,
      transit: null,
    });
    expect(packet.endUse).not.toBe(FULL.endUseStatement);
  }, 60_000);

  it.each([
    ['the broker and the services of a brokering application (Art 6)', 'FR', EXAMPLE_SUBMIT_BROKERING],
    ['the route and the member state of transit of a transit application (Art 7)', 'NL', EXAMPLE_SUBMIT_TRANSIT],
  ])('round-trips %s', async (_what, ms, body) => {
    const created = await as(`${ms}-caseworker`).post('/v1/applications', body).expect(201);
    const { id } = created.body as { id: string };
    expect(await submittedContentInHistory(`${ms}-caseworker`, id)).toMatchObject({
      services: body.content.services ?? null,
      transit: body.content.transit ?? null,
    });
  });

  it.each([
    [
      'an EORI missing for a legal-person exporter in the Union',
      'DE',
      {
        kind: 'INDIVIDUAL',
        content: {
          ...FULL,
          exporter: { ...FULL.exporter, identifier: { scheme: 'OTHER', value: 'HRB 12345 Hamburg' } },
        },
      },
      'eori-required',
      'exporter.identifier.scheme',
    ],
    [
      'a brokering application without the broker',
      'FR',
      { ...EXAMPLE_SUBMIT_BROKERING, content: { ...EXAMPLE_SUBMIT_BROKERING.content, services: undefined } },
      'services-required',
      'services.provider',
    ],
    [
      'a transit without its route',
      'NL',
      { ...EXAMPLE_SUBMIT_TRANSIT, content: { ...EXAMPLE_SUBMIT_TRANSIT.content, transit: undefined } },
      'transit-route-required',
      'transit.route',
    ],
  ])('answers 400 naming the field and the rule for %s', async (_case, ms, body, rule, field) => {
    const refused = await as(`${ms}-caseworker`).post('/v1/applications', body).expect(400);
    expect(refused.body).toMatchObject({ rule });
    expect(refused.body.message).toContain(field);
  });

  it('accepts a natural-person exporter without an EORI', async () => {
    const content = {
      ...FULL,
      exporter: {
        ...FULL.exporter,
        name: 'Jana Nordlicht',
        kind: 'NATURAL_PERSON',
        identifier: { scheme: 'OTHER', value: 'L01X00T47' },
      },
    };
    await as('DE-caseworker').post('/v1/applications', { kind: 'INDIVIDUAL', content }).expect(201);
  });

  it('describes the Annex III-A fields in the OpenAPI document, with examples', async () => {
    const { body } = await h.http().get('/docs/openapi.json').expect(200);
    const schemas = body.components.schemas as Record<string, { properties: Record<string, { example?: unknown }> }>;
    const content = schemas['ApplicationContentDto']!.properties;
    for (const field of ['endUse', 'memberStateOfCustomsExport', 'contract', 'services', 'transit']) {
      expect({ field, present: content[field] !== undefined }).toEqual({ field, present: true });
    }
    expect(schemas['ExporterDto']!.properties['kind']?.example).toBe('LEGAL_PERSON');
    expect(schemas['ApplicationItemDto']!.properties['countryOfOrigin']?.example).toBeDefined();
    expect(schemas['ContractDto']!.properties['date']?.example).toBe('2026-01-20');
    expect(schemas['ServicesDto']!.properties['provider']).toBeDefined();
    expect(schemas['TransitDto']!.properties['route']?.example).toBeDefined();
    const examples = body.paths['/v1/applications'].post.requestBody.content['application/json'].examples as Record<
      string,
      { value: { content: Record<string, unknown> } }
    >;
    expect(examples['individual']?.value.content['endUse']).toBe(FULL.endUse);
    expect(examples['brokering']?.value.content['services']).toBeDefined();
    expect(examples['transit']?.value.content['transit']).toBeDefined();
  });
});
