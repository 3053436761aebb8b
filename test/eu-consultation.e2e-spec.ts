import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Test } from 'supertest';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
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
  // The same legal form as the French denial's "Meridional Telecom S.A.", written differently: since
  // issue 14 a Ltda (a limited company) against an S.A. is another legal person, possibly related.
  endUser: { name: 'MERIDIONAL TELECOM SA', address: 'Av. Atlantica 1500, Rio de Janeiro 22021-000', country: 'BR' },
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
    expect(packet.body.consultation.packet.endUser.name).toBe('MERIDIONAL TELECOM SA');
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

    // The DE case queue shows the consultation's deadline; once it passes, the case is overdue.
    const queued = await as('DE-caseworker').get(`/v1/applications/${application}`).expect(200);
    expect(queued.body.nextDeadline).toBe(consultation.deadlineEndsAt);
    expect(queued.body.overdue).toBe(false);
    const page = await as('DE-caseworker').get('/v1/applications?limit=50').expect(200);
    expect(page.body.items.find((item: { id: string }) => item.id === application)).toMatchObject({
      nextDeadline: consultation.deadlineEndsAt,
      overdue: false,
    });

    // FR stays silent; the clock passes 10 FR working days and the lapse is recorded, once.
    h.clock.advanceDays(20);
    const overdue = await as('DE-caseworker').get('/v1/applications?overdue=true').expect(200);
    expect(overdue.body.items.map((item: { id: string }) => item.id)).toEqual([application]);
    expect(overdue.body.items[0]).toMatchObject({ nextDeadline: consultation.deadlineEndsAt, overdue: true });
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
    // Art 16 sets no deadline and gives silence no meaning: the rule that closed it names the practice settings.
    expect(closed.body.closingRule).toMatchObject({
      basis: 'SILENCE',
      workingDays: 10,
      periodSetting: 'ART16_CONSULTATION_WORKING_DAYS',
      silenceSetting: 'ART16_SILENCE_OUTCOME',
    });

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

describe('consultation boundaries, catch-all information, register review and restarts', () => {
  let h: LicensingHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startLicensing();
    for (const ms of ['DE', 'FR', 'NL']) {
      tokens[`${ms}-caseworker`] = await h.token(`${ms.toLowerCase()}-caseworker`, ms, ['caseworker']);
      tokens[`${ms}-approver`] = await h.token(`${ms.toLowerCase()}-approver`, ms, ['approver']);
      tokens[`${ms}-auditor`] = await h.token(`${ms.toLowerCase()}-auditor`, ms, ['auditor']);
    }
    tokens.commission = await h.token('commission-analyst', null, ['commission']);
    tokens.agency = await h.token('customs-hamburg', null, ['agency']);
  });
  afterAll(async () => h.close());

  const as = (who: string): { get: (path: string) => Test; post: (path: string, body: object) => Test } => ({
    get: (path) => h.http().get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path, body) => h.http().post(path).set('authorization', `Bearer ${tokens[who]}`).send(body),
  });

  async function deniedByFr(): Promise<string> {
    const created = await as('FR-caseworker')
      .post('/v1/applications', { kind: 'INDIVIDUAL', content: frenchApplication })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await as('FR-approver').post(`/v1/applications/${id}/assign`, { caseworker: 'fr-caseworker' }).expect(200);
    await as('FR-caseworker')
      .post(`/v1/applications/${id}/propose-decision`, {
        outcome: 'DENY',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
      })
      .expect(200);
    await as('FR-approver')
      .post(`/v1/applications/${id}/decide`, { outcome: 'DENY', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] })
      .expect(200);
    let denialId = '';
    await waitFor(async () => {
      const { body } = await as('FR-caseworker').get('/v1/denials?issuingMemberState=FR');
      denialId = (body.items as { id: string }[] | undefined)?.[0]?.id ?? '';
      return denialId !== '';
    });
    return denialId;
  }

  it('lets only the issuing member state review its denial; the Commission and agencies cannot act', async () => {
    const denialId = await deniedByFr();
    await as('DE-approver')
      .post(`/v1/denials/${denialId}/review`, { decision: 'REVOKE', reason: 'not ours' })
      .expect(403);
    await as('commission').post(`/v1/denials/${denialId}/review`, { decision: 'RENEW' }).expect(403);
    await as('FR-caseworker').post(`/v1/denials/${denialId}/review`, { decision: 'RENEW' }).expect(403);
    await as('agency').get('/v1/denials').expect(403);
    await as('commission').get(`/v1/denials/${denialId}`).expect(200);
    await as('NL-auditor').get(`/v1/denials/${denialId}`).expect(200);
    await as('FR-approver')
      .post(`/v1/denials/${denialId}/review`, { decision: 'RENEW', note: 'Circumstances unchanged' })
      .expect(200);
    await as('FR-approver')
      .post(`/v1/denials/${denialId}/review`, { decision: 'REVOKE', reason: 'End user dissolved' })
      .expect(200);
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/denials/${denialId}`)).body.status === 'REVOKED');
    const inForce = await as('DE-caseworker').get('/v1/denials?issuingMemberState=FR').expect(200);
    expect(inForce.body.items.map((item: { id: string }) => item.id)).not.toContain(denialId);
  }, 60_000);

  it('screens a transaction as a dry run, explaining each match, and records nothing', async () => {
    await deniedByFr();
    const before = await as('DE-caseworker').get('/v1/applications').expect(200);
    const screened = await as('DE-caseworker')
      .post('/v1/denials/screen', {
        controlEntries: ['5a001.J'],
        destinationCountry: 'BR',
        endUser: germanLookalike.endUser,
      })
      .expect(200);
    expect(screened.body.matches.length).toBeGreaterThanOrEqual(1);
    expect(screened.body.matches[0]).toMatchObject({ issuingMemberState: 'FR', explanation: expect.any(String) });
    const own = await as('FR-caseworker')
      .post('/v1/denials/screen', {
        controlEntries: ['5A001.j'],
        destinationCountry: 'BR',
        endUser: germanLookalike.endUser,
      })
      .expect(200);
    expect(own.body.matches).toEqual([]);
    // A dry run that finds nothing says why: the nearest denials, each with the first rule it failed and its score.
    expect(own.body.nearMisses).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          issuingMemberState: 'FR',
          reason: 'SAME_MEMBER_STATE',
          score: expect.any(Number),
          explanation: expect.stringContaining('First failed rule: SAME_MEMBER_STATE'),
        }),
      ]),
    );
    expect(screened.body.related).toEqual(expect.any(Array));
    await as('DE-caseworker')
      .post('/v1/denials/screen', { controlEntries: [], destinationCountry: 'BR', endUser: germanLookalike.endUser })
      .expect(400);
    const after = await as('DE-caseworker').get('/v1/applications').expect(200);
    expect(after.body.total).toBe(before.body.total);
  }, 60_000);

  it('informs every other member state and the Commission of an Art 5 catch-all decision, with a review period', async () => {
    const created = await as('DE-caseworker')
      .post('/v1/applications', { kind: 'INDIVIDUAL', content: EXAMPLE_APPLICATION_CONTENT })
      .expect(201);
    const id = (created.body as { id: string }).id;
    await as('DE-approver').post(`/v1/applications/${id}/assign`, { caseworker: 'de-caseworker' }).expect(200);
    await as('DE-caseworker')
      .post(`/v1/applications/${id}/propose-decision`, {
        outcome: 'DENY',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
      })
      .expect(200);
    await as('DE-approver')
      .post(`/v1/applications/${id}/decide`, { outcome: 'DENY', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] })
      .expect(200);
    const mine = async (): Promise<{ id: string; consulted: string[] } | undefined> => {
      const { body } = await as('NL-caseworker')
        .get('/v1/consultations?kind=CATCH_ALL&role=consulted&limit=200')
        .expect(200);
      return (body.items as { id: string; applicationId: string; consulted: string[] }[]).find(
        (item) => item.applicationId === id,
      );
    };
    await waitFor(async () => (await mine()) !== undefined);
    const catchAll = (await mine())!;
    expect(catchAll).toMatchObject({
      requester: 'DE',
      participants: expect.arrayContaining(['NL', 'FR', 'COMMISSION']),
    });
    expect(catchAll.consulted).toHaveLength(26);
    const seen = await as('commission').get('/v1/consultations?kind=CATCH_ALL').expect(200);
    expect(seen.body.items.map((item: { id: string }) => item.id)).toContain(catchAll.id);
    await as('NL-caseworker')
      .post(`/v1/consultations/${catchAll.id}/replies`, { answer: 'COMMENT', reasons: 'We saw the same end user' })
      .expect(200);
  }, 60_000);

  it('answers consultation and notification endpoints by role: agencies 403, authorities and the Commission read only what concerns them', async () => {
    const statuses: string[] = [];
    for (const who of ['DE-caseworker', 'DE-approver', 'DE-auditor', 'commission', 'agency']) {
      for (const path of ['/v1/consultations', '/v1/denials', '/v1/notifications']) {
        const { status } = await as(who).get(path);
        statuses.push(`${who} GET ${path} ${status}`);
      }
      const { status } = await as(who).post('/v1/denials/screen', {
        controlEntries: ['5A001.j'],
        destinationCountry: 'BR',
        endUser: germanLookalike.endUser,
      });
      statuses.push(`${who} POST /v1/denials/screen ${status}`);
    }
    expect(statuses).toEqual([
      ...['DE-caseworker', 'DE-approver'].flatMap((who) => [
        `${who} GET /v1/consultations 200`,
        `${who} GET /v1/denials 200`,
        `${who} GET /v1/notifications 200`,
        `${who} POST /v1/denials/screen 200`,
      ]),
      'DE-auditor GET /v1/consultations 200',
      'DE-auditor GET /v1/denials 200',
      'DE-auditor GET /v1/notifications 200',
      'DE-auditor POST /v1/denials/screen 403',
      'commission GET /v1/consultations 200',
      'commission GET /v1/denials 200',
      'commission GET /v1/notifications 200',
      'commission POST /v1/denials/screen 403',
      'agency GET /v1/consultations 403',
      'agency GET /v1/denials 403',
      'agency GET /v1/notifications 403',
      'agency POST /v1/denials/screen 403',
    ]);
  });
});

describe('durable consultation deadlines across a restart', () => {
  it('records exactly one lapse when the product restarts between the deadline passing and the lapse being recorded', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-restart-'));
    const opened = new Date();
    try {
      const first = await startLicensing({}, { dir, startAt: opened });
      const caseworker = await first.token('de-caseworker', 'DE', ['caseworker']);
      const created = await first
        .http()
        .post('/v1/applications')
        .set('authorization', `Bearer ${caseworker}`)
        .send({ kind: 'INDIVIDUAL', content: germanWithItemsInNl })
        .expect(201);
      const applicationId = (created.body as { id: string }).id;
      const nl = await first.token('nl-caseworker', 'NL', ['caseworker']);
      let consultationId = '';
      await waitFor(async () => {
        const { body } = await first
          .http()
          .get('/v1/consultations?role=consulted')
          .set('authorization', `Bearer ${nl}`);
        consultationId =
          (body.items as { id: string; applicationId: string }[]).find((item) => item.applicationId === applicationId)
            ?.id ?? '';
        return consultationId !== '';
      });
      // The deadline passes while the product is down.
      await first.close();
      const later = new Date(opened.getTime() + 30 * 86_400_000);
      const second = await startLicensing({}, { dir, startAt: later });
      const timer = second.app.get(ConsultationDeadlineTimer);
      await waitFor(async () => (await timer.tick()) === 1 || (await lapses(second, consultationId)) === 1);
      expect(await timer.tick()).toBe(0);
      await second.close();
      const third = await startLicensing({}, { dir, startAt: new Date(later.getTime() + 86_400_000) });
      expect(await third.app.get(ConsultationDeadlineTimer).tick()).toBe(0);
      expect(await lapses(third, consultationId)).toBe(1);
      await third.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});

async function lapses(h: LicensingHarness, consultationId: string): Promise<number> {
  const store = h.app.get<EventStore>(EVENT_STORE);
  return (await store.readStream(`consultation-${consultationId}`)).filter(
    (event) => event.type === 'ConsultationDeadlineLapsed',
  ).length;
}
