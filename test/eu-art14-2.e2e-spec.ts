import type { Test } from 'supertest';
import { waitFor } from '@dul/event-store/testing';
import { ConsultationDeadlineTimer } from '../apps/consultation/consultations/consultation-deadline.timer';
import { EXAMPLE_APPLICATION_CONTENT, EXAMPLE_PROPOSE_DECISION } from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

type Content = typeof EXAMPLE_APPLICATION_CONTENT;

/** DE's exporter, items in Germany (no Art 14(1) consultation), to an end user given per test. */
function germanApplication(endUserName: string): Content {
  return {
    ...EXAMPLE_APPLICATION_CONTENT,
    destinationCountry: 'CN',
    endUser: { name: endUserName, address: '8 Keji Road, Shenzhen', country: 'CN' },
    consignee: null,
    otherParties: [],
    items: [EXAMPLE_APPLICATION_CONTENT.items[0]!],
  };
}

const GROUNDS = 'The end user supplies a programme directed against our armed forces';
const notToGrant = (applicationId: string) => ({ request: 'NOT_TO_GRANT', applicationId, grounds: GROUNDS });

describe('Art 14(2): security-interest requests between DE, FR and IT, and the Commission', () => {
  let h: LicensingHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startLicensing();
    for (const ms of ['DE', 'FR', 'IT']) {
      tokens[`${ms}-caseworker`] = await h.token(`${ms.toLowerCase()}-caseworker`, ms, ['caseworker']);
      tokens[`${ms}-approver`] = await h.token(`${ms.toLowerCase()}-approver`, ms, ['approver']);
    }
    tokens.commission = await h.token('commission-analyst', null, ['commission']);
  });
  afterAll(async () => h.close());

  const as = (
    who: string,
  ): { get: (path: string) => Test; post: (path: string, body: object, ifMatch?: string) => Test } => ({
    get: (path) => h.http().get(path).set('authorization', `Bearer ${tokens[who]}`),
    post: (path, body, ifMatch) => {
      const request = h.http().post(path).set('authorization', `Bearer ${tokens[who]}`);
      return (ifMatch === undefined ? request : request.set('if-match', ifMatch)).send(body);
    },
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

  const grant = (id: string) =>
    as('DE-approver').post(`/v1/applications/${id}/decide`, {
      outcome: 'GRANT',
      art15Grounds: ['HUMAN_RIGHTS'],
      conditions: [],
    });

  const securityInterestInbox = async (who: string) =>
    (await as(who).get('/v1/notifications?type=SecurityInterestGrantNotified').expect(200)).body as {
      total: number;
      items: { from: string; recipients: string[]; data: Record<string, unknown> }[];
    };

  it('a security-interest request is answered within 10 working days and a grant anyway is notified', async () => {
    const application = await submitAndPropose(germanApplication('Shenzhen Guidance Systems Co Ltd'));

    // FR asks DE not to grant: DE, taken from the record, is consulted for 10 of its working days.
    const requested = await as('FR-caseworker')
      .post('/v1/consultations/security-interest-requests', notToGrant(application))
      .expect(201);
    const consultationId = (requested.body as { id: string }).id;
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/consultations/${consultationId}`)).status === 200);
    const opened = await as('DE-caseworker').get(`/v1/consultations/${consultationId}`).expect(200);
    expect(opened.body).toMatchObject({
      kind: 'SECURITY_INTEREST',
      requester: 'FR',
      consulted: ['DE'],
      status: 'OPEN',
      rules: { basis: 'TEXT', workingDays: 10, periodSetting: 'ART14_2_CONSULTATION_WORKING_DAYS' },
      securityInterest: { request: 'NOT_TO_GRANT', licenceId: null, grantNotifiedAt: null },
      consultation: {
        deadline: { memberState: 'DE', workingDays: 10 },
        packet: { endUser: { name: 'Shenzhen Guidance Systems Co Ltd' } },
      },
    });
    await as('IT-caseworker').get(`/v1/consultations/${consultationId}`).expect(404);
    // The same request twice is one consultation.
    await as('FR-caseworker').post('/v1/consultations/security-interest-requests', notToGrant(application)).expect(409);

    // DE answers within the period (If-Match like every consultation write): it declines, with reasons.
    await as('DE-approver')
      .post(`/v1/consultations/${consultationId}/replies`, { answer: 'REQUEST_DECLINED' }, `"${opened.body.version}"`)
      .expect(400);
    await as('DE-approver')
      .post(`/v1/consultations/${consultationId}/replies`, { answer: 'REQUEST_DECLINED', reasons: 'x' }, '"99"')
      .expect(412);
    await as('DE-approver')
      .post(
        `/v1/consultations/${consultationId}/replies`,
        { answer: 'REQUEST_DECLINED', reasons: 'Civilian end use verified on site by our officials' },
        `"${opened.body.version}"`,
      )
      .expect(200);
    await waitFor(
      async () => (await as('FR-caseworker').get(`/v1/consultations/${consultationId}`)).body.status === 'CLOSED',
    );
    const closed = await as('FR-caseworker').get(`/v1/consultations/${consultationId}`).expect(200);
    expect(closed.body).toMatchObject({
      outcome: 'REQUEST_DECLINED',
      closingRule: { basis: 'ANSWER', workingDays: 10, periodSetting: 'ART14_2_CONSULTATION_WORKING_DAYS' },
    });

    // The request never blocks: DE grants anyway, and the Commission and every other member state are told.
    await grant(application).expect(200);
    for (const who of ['FR-caseworker', 'IT-caseworker', 'commission']) {
      await waitFor(async () => (await securityInterestInbox(who)).total === 1);
      const inbox = await securityInterestInbox(who);
      expect(inbox.items[0]).toMatchObject({
        from: 'DE',
        data: { applicationId: application, requestingMemberState: 'FR', consultationOutcome: 'REQUEST_DECLINED' },
      });
      expect(inbox.items[0]?.recipients).toEqual(expect.arrayContaining(['FR', 'IT', 'COMMISSION']));
    }
    expect((await securityInterestInbox('DE-caseworker')).total).toBe(0);
    await waitFor(
      async () =>
        (await as('FR-caseworker').get(`/v1/consultations/${consultationId}`)).body.securityInterest
          ?.grantNotifiedAt !== null,
    );

    // Once decided, a request not to grant is refused: ask about the licence instead.
    const late = await as('IT-caseworker')
      .post('/v1/consultations/security-interest-requests', notToGrant(application))
      .expect(409);
    expect(late.body).toMatchObject({ rule: 'application-decided' });
  }, 120_000);

  it('refuses a request without its subject (400 naming the field) or to its own member state (422); only the requester withdraws it', async () => {
    const application = await submitAndPropose(germanApplication('Wuhan Optics Research Institute'));
    const missing = await as('FR-caseworker')
      .post('/v1/consultations/security-interest-requests', { request: 'REVOKE', grounds: GROUNDS })
      .expect(400);
    expect(JSON.stringify(missing.body)).toContain('licenceId');
    const own = await as('DE-caseworker')
      .post('/v1/consultations/security-interest-requests', notToGrant(application))
      .expect(422);
    expect(own.body).toMatchObject({ rule: 'consult-another-member-state' });

    // FR asks, then withdraws its request (If-Match); DE, which is asked, cannot withdraw it.
    const requested = await as('FR-caseworker')
      .post('/v1/consultations/security-interest-requests', notToGrant(application))
      .expect(201);
    const consultationId = (requested.body as { id: string; version: number }).id;
    const version = (requested.body as { version: number }).version;
    await as('FR-caseworker')
      .post(`/v1/consultations/${consultationId}/withdrawal`, { reason: 'x' }, '"99"')
      .expect(412);
    const refused = await as('DE-caseworker')
      .post(`/v1/consultations/${consultationId}/withdrawal`, { reason: 'not ours to withdraw' })
      .expect(403);
    expect(refused.body).toMatchObject({ rule: 'requester-only' });
    await as('IT-caseworker').post(`/v1/consultations/${consultationId}/withdrawal`, { reason: 'x' }).expect(404);
    await as('FR-caseworker')
      .post(
        `/v1/consultations/${consultationId}/withdrawal`,
        { reason: 'The end user left the programme' },
        `"${version}"`,
      )
      .expect(200);
    await waitFor(
      async () => (await as('FR-caseworker').get(`/v1/consultations/${consultationId}`)).body.outcome === 'WITHDRAWN',
    );
    const withdrawn = await as('FR-caseworker').get(`/v1/consultations/${consultationId}`).expect(200);
    expect(withdrawn.body.closingRule).toMatchObject({ basis: 'WITHDRAWAL' });
  }, 60_000);

  it('ends a security-interest consultation unanswered after 10 working days: a late answer is refused, nothing blocks', async () => {
    const application = await submitAndPropose(germanApplication('Harbin Precision Navigation Ltd'));
    const requested = await as('IT-caseworker')
      .post('/v1/consultations/security-interest-requests', notToGrant(application))
      .expect(201);
    const consultationId = (requested.body as { id: string }).id;
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/consultations/${consultationId}`)).status === 200);
    h.clock.advanceDays(20);
    const late = await as('DE-approver')
      .post(`/v1/consultations/${consultationId}/replies`, { answer: 'REQUEST_ACCEPTED' })
      .expect(422);
    expect(late.body).toMatchObject({ rule: 'reply-after-deadline' });
    expect(await h.app.get(ConsultationDeadlineTimer).tick()).toBe(1);
    await waitFor(
      async () => (await as('IT-caseworker').get(`/v1/consultations/${consultationId}`)).body.status === 'CLOSED',
    );
    const ended = await as('IT-caseworker').get(`/v1/consultations/${consultationId}`).expect(200);
    expect(ended.body).toMatchObject({ outcome: 'ENDED_WITHOUT_ANSWER', closingRule: { basis: 'SILENCE' } });
    await grant(application).expect(200);
    await waitFor(async () => (await securityInterestInbox('IT-caseworker')).total === 2);
  }, 60_000);
});
