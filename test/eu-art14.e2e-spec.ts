import type { Test } from 'supertest';
import { waitFor } from '@dul/event-store/testing';
import { EXAMPLE_APPLICATION_CONTENT, EXAMPLE_PROPOSE_DECISION } from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

type Content = typeof EXAMPLE_APPLICATION_CONTENT;

/** DE's exporter, one item in a French warehouse, to a destination given per test. */
function withItemInFrance(destination: string, endUserName: string): Content {
  return {
    ...EXAMPLE_APPLICATION_CONTENT,
    destinationCountry: destination,
    endUser: { name: endUserName, address: '1 Harbour Road', country: destination },
    consignee: null,
    otherParties: [],
    items: [{ ...EXAMPLE_APPLICATION_CONTENT.items[0]!, memberStateWhereLocated: 'FR' }],
  };
}

describe('Art 14(1): consultation of the member state where items are located, only where the law asks', () => {
  let h: LicensingHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startLicensing();
    for (const ms of ['DE', 'FR']) {
      tokens[`${ms}-caseworker`] = await h.token(`${ms.toLowerCase()}-caseworker`, ms, ['caseworker']);
      tokens[`${ms}-approver`] = await h.token(`${ms.toLowerCase()}-approver`, ms, ['approver']);
    }
  });
  afterAll(async () => h.close());

  const as = (who: string): { get: (path: string) => Test; post: (path: string, body: object) => Test } => ({
    get: (path) => h.http().get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path, body) => h.http().post(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
  });

  async function submitAndPropose(content: Content): Promise<string> {
    const created = await as('DE-caseworker').post('/v1/applications', { kind: 'INDIVIDUAL', content }).expect(201);
    const id = (created.body as { id: string }).id;
    await as('DE-approver').post(`/v1/applications/${id}/assign`, { caseworker: 'de-caseworker' }).expect(200);
    await as('DE-caseworker')
      .post(`/v1/applications/${id}/propose-decision`, {
        ...EXAMPLE_PROPOSE_DECISION,
        outcome: 'GRANT',
        conditions: [],
      })
      .expect(200);
    return id;
  }

  const frConsultations = async (applicationId: string): Promise<unknown[]> => {
    const { body } = await as('FR-caseworker')
      .get('/v1/consultations?role=consulted&kind=ITEMS_LOCATED_ELSEWHERE')
      .expect(200);
    return (body.items as { applicationId: string }[]).filter((item) => item.applicationId === applicationId);
  };

  it('opens no consultation for a JP destination with items in FR, and grants', async () => {
    const id = await submitAndPropose(withItemInFrance('JP', 'Kansai Optical Networks KK'));
    await as('DE-approver')
      .post(`/v1/applications/${id}/decide`, { outcome: 'GRANT', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] })
      .expect(200);
    expect(await frConsultations(id)).toHaveLength(0);
  }, 60_000);

  it('opens one consultation of FR for a CN destination with items in FR, and FR objection binds', async () => {
    const id = await submitAndPropose(withItemInFrance('CN', 'Shenzhen Packet Labs Co Ltd'));
    await waitFor(async () => (await frConsultations(id)).length === 1);
    const [consultation] = (await frConsultations(id)) as { id: string }[];
    await as('FR-approver')
      .post(`/v1/consultations/${consultation!.id}/replies`, {
        answer: 'OBJECTION',
        reasons: 'The probe is held for a French defence contract',
      })
      .expect(200);
    const refused = await as('DE-approver')
      .post(`/v1/applications/${id}/decide`, { outcome: 'GRANT', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'art14-binding-objection' });
    expect(refused.body.message).toContain('objection by FR');
  }, 60_000);
});
