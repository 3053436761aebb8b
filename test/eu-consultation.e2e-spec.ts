import type { Test } from 'supertest';
import { waitFor } from '@dul/event-store/testing';
import { ConsultationDeadlineTimer } from '../apps/consultation/consultations/consultation-deadline.timer';
import { EXAMPLE_APPLICATION_CONTENT, EXAMPLE_PROPOSE_DECISION } from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

type Content = typeof EXAMPLE_APPLICATION_CONTENT;

/** FR's exporter ships 5A001.j to the end user X in Brazil. */
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

/** Later DE's exporter asks for the same transaction: X spelt differently, another legal-form suffix. */
const germanLookalike: Content = {
  ...EXAMPLE_APPLICATION_CONTENT,
  items: [{ ...EXAMPLE_APPLICATION_CONTENT.items[0]!, classification: { kind: 'LISTED', controlEntry: '5A001' } }],
  endUser: { name: 'MERIDIONAL TELECOM LTDA', address: 'Av. Atlantica 1500, Rio de Janeiro 22021-000', country: 'BR' },
  consignee: null,
  otherParties: [],
};

/** DE's application whose second item sits in a Dutch warehouse: Art 14(1) consults NL. */
const germanWithItemsInNl: Content = {
  ...EXAMPLE_APPLICATION_CONTENT,
  endUser: { name: 'Austral Redes SpA', address: 'Avenida Apoquindo 3000, Santiago', country: 'CL' },
  consignee: null,
  destinationCountry: 'CL',
  endUseStatement: 'EUS-2026-0201 signed by Austral Redes SpA',
  items: [
    EXAMPLE_APPLICATION_CONTENT.items[0]!,
    { ...EXAMPLE_APPLICATION_CONTENT.items[1]!, memberStateWhereLocated: 'NL' },
  ],
};

describe('EU consultation between three authorities (DE, FR, NL) and the Commission', () => {
  let h: LicensingHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startLicensing();
    for (const ms of ['DE', 'FR', 'NL']) {
      tokens[`${ms}-caseworker`] = await h.token(`${ms.toLowerCase()}-caseworker`, ms, ['caseworker']);
      tokens[`${ms}-approver`] = await h.token(`${ms.toLowerCase()}-approver`, ms, ['approver']);
    }
    tokens.commission = await h.token('commission-analyst', null, ['commission']);
  });
  afterAll(async () => h.close());

  const as = (who: string): { get: (path: string) => Test; post: (path: string, body: object) => Test } => ({
    get: (path) => h.http().get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path, body) => h.http().post(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
  });

  async function submit(ms: string, content: Content): Promise<string> {
    const created = await as(`${ms}-caseworker`).post('/v1/applications', { kind: 'INDIVIDUAL', content }).expect(201);
    return (created.body as { id: string }).id;
  }

  async function propose(ms: string, id: string, outcome: 'GRANT' | 'DENY'): Promise<void> {
    await as(`${ms}-approver`)
      .post(`/v1/applications/${id}/assign`, { caseworker: `${ms.toLowerCase()}-caseworker` })
      .expect(200);
    const body =
      outcome === 'GRANT'
        ? { ...EXAMPLE_PROPOSE_DECISION, outcome: 'GRANT', conditions: [] }
        : { outcome: 'DENY', art15Grounds: ['HUMAN_RIGHTS'], conditions: [], reasoning: 'Risk of internal repression' };
    await as(`${ms}-caseworker`).post(`/v1/applications/${id}/propose-decision`, body).expect(200);
  }

  it('matches an essentially identical application to an FR denial, consults FR, records its silence, and notifies a DE grant despite the denial to FR, NL and the Commission', async () => {
    // FR denies the export of 5A001.j to X.
    const denied = await submit('FR', frenchApplication);
    await propose('FR', denied, 'DENY');
    await as('FR-approver')
      .post(`/v1/applications/${denied}/decide`, { outcome: 'DENY', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] })
      .expect(200);
    await waitFor(
      async () =>
        (await as('DE-caseworker').get('/v1/denials?destination=BR&controlEntry=5A001.j').expect(200)).body.total === 1,
    );
    const register = await as('NL-caseworker').get('/v1/denials?endUser=Meridional%20Telecom').expect(200);
    expect(register.body.items[0]).toMatchObject({ issuingMemberState: 'FR', destination: 'BR' });

    // DE's look-alike application is matched automatically and FR is consulted.
    const application = await submit('DE', germanLookalike);
    await waitFor(
      async () =>
        (await as('DE-caseworker').get(`/v1/applications/${application}`)).body.application?.denialMatches?.length ===
        1,
    );
    const detail = await as('DE-caseworker').get(`/v1/applications/${application}`).expect(200);
    const [match] = detail.body.application.denialMatches;
    expect(match).toMatchObject({ issuingMemberState: 'FR' });
    expect(match.matchedFields).toEqual(expect.arrayContaining(['endUser.name']));
    expect(match.explanation).toEqual(expect.any(String));

    await waitFor(async () => (await as('FR-caseworker').get('/v1/consultations?role=consulted')).body.total === 1);
    const asConsulted = await as('FR-caseworker').get('/v1/consultations?role=consulted&status=OPEN').expect(200);
    const consultation = asConsulted.body.items[0];
    expect(consultation).toMatchObject({ kind: 'PRIOR_DENIAL', requester: 'DE', consulted: ['FR'], status: 'OPEN' });
    const packet = await as('FR-caseworker').get(`/v1/consultations/${consultation.id}`).expect(200);
    expect(packet.body.consultation.packet.endUser.name).toBe('MERIDIONAL TELECOM LTDA');
    expect(packet.body.consultation.packet).not.toHaveProperty('riskFlags');
    await as('NL-caseworker').get(`/v1/consultations/${consultation.id}`).expect(404);
    const seenByCommission = await as('commission').get(`/v1/consultations/${consultation.id}`).expect(200);
    expect(seenByCommission.body).not.toHaveProperty('consultation');
    await as('commission')
      .post(`/v1/consultations/${consultation.id}/replies`, { answer: 'ESSENTIALLY_IDENTICAL' })
      .expect(403);

    // While FR may still answer, DE cannot grant.
    await propose('DE', application, 'GRANT');
    const early = await as('DE-approver')
      .post(`/v1/applications/${application}/decide`, {
        outcome: 'GRANT',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
        grantDespiteDenialReasons: 'x',
      })
      .expect(422);
    expect(early.body.rule).toBe('consultation-open');

    // FR stays silent; the clock passes 10 FR working days and the lapse is recorded, once.
    h.clock.advanceDays(20);
    const timer = h.app.get(ConsultationDeadlineTimer);
    await waitFor(
      async () => (await as('FR-caseworker').get(`/v1/consultations/${consultation.id}`)).body.version >= 0,
    );
    expect(await timer.tick()).toBe(1);
    await waitFor(
      async () => (await as('DE-caseworker').get(`/v1/consultations/${consultation.id}`)).body.status === 'CLOSED',
    );
    expect(await timer.tick()).toBe(0);
    const closed = await as('DE-caseworker').get(`/v1/consultations/${consultation.id}`).expect(200);
    expect(closed.body.outcome).toBe('NOT_ESSENTIALLY_IDENTICAL_BY_SILENCE');

    // DE grants, with its reasons: every other member state and the Commission are told.
    await as('DE-approver')
      .post(`/v1/applications/${application}/decide`, {
        outcome: 'GRANT',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
      })
      .expect(422);
    await as('DE-approver')
      .post(`/v1/applications/${application}/decide`, {
        outcome: 'GRANT',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
        grantDespiteDenialReasons:
          'The end user was audited on site in 2026; the FR denial predates the change of ownership',
      })
      .expect(200);
    const history = await as('DE-caseworker').get(`/v1/applications/${application}/history`).expect(200);
    expect(history.body.map((entry: { type: string }) => entry.type)).toEqual(
      expect.arrayContaining(['DenialMatchFound', 'DecisionIssued', 'GrantDespiteDenialNotified']),
    );
    for (const who of ['FR-caseworker', 'NL-caseworker', 'commission']) {
      await waitFor(
        async () => (await as(who).get('/v1/notifications?type=GrantDespiteDenialNotified')).body.total === 1,
      );
      const inbox = await as(who).get('/v1/notifications?type=GrantDespiteDenialNotified').expect(200);
      expect(inbox.body.items[0]).toMatchObject({ from: 'DE', data: { reasons: expect.stringContaining('audited') } });
    }
    const own = await as('DE-caseworker').get('/v1/notifications?type=GrantDespiteDenialNotified').expect(200);
    expect(own.body.total).toBe(0);
  }, 120_000);

  it('refuses a grant with a 4xx naming the objection when NL, where items are located, objects (Art 14(1))', async () => {
    const application = await submit('DE', germanWithItemsInNl);
    await waitFor(
      async () =>
        (await as('NL-caseworker').get('/v1/consultations?role=consulted&kind=ITEMS_LOCATED_ELSEWHERE')).body.total ===
        1,
    );
    const { body } = await as('NL-caseworker')
      .get('/v1/consultations?role=consulted&kind=ITEMS_LOCATED_ELSEWHERE')
      .expect(200);
    const consultation = body.items[0];
    expect(consultation).toMatchObject({ requester: 'DE', consulted: ['NL'], applicationId: application });
    await as('FR-caseworker')
      .post(`/v1/consultations/${consultation.id}/replies`, { answer: 'OBJECTION', reasons: 'x' })
      .expect(404);
    await as('DE-caseworker')
      .post(`/v1/consultations/${consultation.id}/replies`, { answer: 'NO_OBJECTION' })
      .expect(403);
    await as('NL-approver')
      .post(`/v1/consultations/${consultation.id}/replies`, {
        answer: 'OBJECTION',
        reasons: 'The storage appliance is needed for a Dutch national security contract',
      })
      .expect(200);

    await propose('DE', application, 'GRANT');
    const refused = await as('DE-approver')
      .post(`/v1/applications/${application}/decide`, {
        outcome: 'GRANT',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
      })
      .expect(422);
    expect(refused.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'art14-binding-objection' });
    expect(refused.body.message).toContain('objection by NL');
    expect(refused.body.message).toContain('Dutch national security contract');
  }, 60_000);
});
