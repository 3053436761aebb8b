import type { Test } from 'supertest';
import { waitFor } from '@dul/event-store/testing';
import {
  EXAMPLE_APPLICATION_CONTENT,
  EXAMPLE_CLASSIFY_ITEM,
  EXAMPLE_ISSUE_DECISION,
  EXAMPLE_PROPOSE_DECISION,
  EXAMPLE_WIDEN_LICENCE,
} from '../apps/licensing/dto/examples';
import { licenceIdFor } from '../apps/licensing/public/licence-id';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

type Content = typeof EXAMPLE_APPLICATION_CONTENT;

/** FR's exporter of the same 5A001.j system to the same end user in Brazil: FR denies it. */
const frenchApplication: Content = {
  ...EXAMPLE_APPLICATION_CONTENT,
  exporter: {
    name: 'Interception Systèmes SAS',
    identifier: { scheme: 'EORI', value: 'FR12345678901234' },
    address: '12 rue de la Paix, 75002 Paris',
    memberStateOfEstablishment: 'FR',
    country: 'FR',
  },
  items: EXAMPLE_APPLICATION_CONTENT.items.map((item) => ({ ...item, memberStateWhereLocated: 'FR' })),
};

describe('a widening licence amendment between DE and FR authorities', () => {
  let h: LicensingHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startLicensing();
    for (const ms of ['DE', 'FR']) {
      const lower = ms.toLowerCase();
      tokens[`${ms}-caseworker`] = await h.token(`${lower}-caseworker`, ms, ['caseworker']);
      tokens[`${ms}-approver`] = await h.token(`${lower}-approver`, ms, ['approver']);
    }
    tokens['DE-approver-2'] = await h.token('de-approver-2', 'DE', ['approver']);
    // The proposer's subject in capitals: still the same official.
    tokens['DE-APPROVER'] = await h.token('DE-APPROVER', 'DE', ['approver']);
  }, 60_000);
  afterAll(async () => h.close());

  const as = (who: string): { get: (path: string) => Test; post: (path: string, body: object) => Test } => ({
    get: (path) => h.http().get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path, body) => h.http().post(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
  });

  async function decided(ms: string, content: Content, outcome: 'GRANT' | 'DENY'): Promise<string> {
    const created = await as(`${ms}-caseworker`).post('/v1/applications', { kind: 'INDIVIDUAL', content }).expect(201);
    const id = (created.body as { id: string }).id;
    await as(`${ms}-approver`)
      .post(`/v1/applications/${id}/assign`, { caseworker: `${ms.toLowerCase()}-caseworker` })
      .expect(200);
    await as(`${ms}-caseworker`).post(`/v1/applications/${id}/classify`, EXAMPLE_CLASSIFY_ITEM).expect(200);
    const deny = { outcome: 'DENY', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] };
    await as(`${ms}-caseworker`)
      .post(
        `/v1/applications/${id}/propose-decision`,
        outcome === 'GRANT' ? EXAMPLE_PROPOSE_DECISION : { ...deny, reasoning: 'Risk of internal repression' },
      )
      .expect(200);
    await as(`${ms}-approver`)
      .post(`/v1/applications/${id}/decide`, outcome === 'GRANT' ? EXAMPLE_ISSUE_DECISION : deny)
      .expect(200);
    return id;
  }

  it('a widening amendment goes through four-eyes and screening', async () => {
    const licenceId = licenceIdFor(await decided('DE', EXAMPLE_APPLICATION_CONTENT, 'GRANT'));
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/licences/${licenceId}`)).status === 200);

    // One approver widens 2 probes to 4: recorded as a proposal; the licence keeps its terms.
    await as('DE-approver').post(`/v1/licences/${licenceId}/amend`, EXAMPLE_WIDEN_LICENCE).expect(200);
    const unchanged = await as('DE-caseworker').get(`/v1/licences/${licenceId}`).expect(200);
    expect(unchanged.body.licence.items[0].quantity).toBe(2);
    expect(unchanged.body.licence.pendingAmendment).toMatchObject({ amendmentId: 'widen-2026-05-probes' });

    // Four-eyes: the proposer cannot decide it, whatever the case of the subject.
    const decision = { amendmentId: 'widen-2026-05-probes', outcome: 'APPROVE', reasons: 'contract verified' };
    for (const proposer of ['DE-approver', 'DE-APPROVER']) {
      const refused = await as(proposer).post(`/v1/licences/${licenceId}/decide-amendment`, decision).expect(403);
      expect(refused.body).toMatchObject({ rule: 'four-eyes' });
    }

    // Another approver approves after a clean screening: the licence is widened.
    const approved = await as('DE-approver-2').post(`/v1/licences/${licenceId}/decide-amendment`, decision).expect(200);
    const widened = await h
      .http()
      .get(`/v1/licences/${licenceId}`)
      .set('authorization', `Bearer ${tokens['DE-caseworker']}`)
      .set('x-consistent-with', String(approved.body.position))
      .expect(200);
    expect(widened.body.licence.items[0].quantity).toBe(4);
    const history = await as('DE-caseworker').get(`/v1/licences/${licenceId}/history`).expect(200);
    const amended = (history.body.events as { type: string; actor: string; data: Record<string, unknown> }[]).find(
      (event) => event.type === 'LicenceAmended',
    );
    expect(amended).toMatchObject({
      actor: 'de-approver-2',
      data: { widening: { proposedBy: 'de-approver', denialMatches: [], screenedAt: expect.any(String) } },
    });

    // FR denies the same transaction; a second widening is screened against that denial and cannot be approved.
    await decided('FR', frenchApplication, 'DENY');
    await waitFor(
      async () =>
        (await as('DE-caseworker').get('/v1/denials?destination=BR&controlEntry=5A001.j').expect(200)).body.total === 1,
    );
    await as('DE-approver')
      .post(`/v1/licences/${licenceId}/amend`, {
        amendmentId: 'widen-2',
        reason: 'longer term',
        validityMonths: 24,
        substantialLimitation: false,
      })
      .expect(200);
    const second = { amendmentId: 'widen-2', outcome: 'APPROVE', reasons: 'term extended' };
    const matched = await as('DE-approver-2').post(`/v1/licences/${licenceId}/decide-amendment`, second).expect(422);
    expect(matched.body).toMatchObject({ rule: 'widening-matches-denial' });
    expect(matched.body.message).toContain('(FR)');
    await as('DE-approver-2')
      .post(`/v1/licences/${licenceId}/decide-amendment`, {
        ...second,
        outcome: 'REFUSE',
        reasons: 'FR denial in force',
      })
      .expect(200);

    // Another member state's authority cannot decide a DE widening: it does not see the licence.
    await as('FR-approver').post(`/v1/licences/${licenceId}/decide-amendment`, second).expect(404);
  }, 60_000);
});
