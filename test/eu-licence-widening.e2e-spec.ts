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

/** DE's exporter of the same system to China, the probes held in a French warehouse: Art 14(1) asks FR. */
const chineseWithItemsInFrance: Content = {
  ...EXAMPLE_APPLICATION_CONTENT,
  destinationCountry: 'CN',
  endUser: { name: 'Shenzhen Packet Labs Co Ltd', address: '1 Harbour Road, Shenzhen', country: 'CN' },
  consignee: null,
  otherParties: [],
  items: EXAMPLE_APPLICATION_CONTENT.items.map((item) => ({ ...item, memberStateWhereLocated: 'FR' })),
};

interface Consultation {
  readonly id: string;
  readonly kind: string;
  readonly status: string;
  readonly widening: { readonly licenceId: string; readonly amendmentId: string } | null;
}

describe('a widening licence amendment between DE and FR authorities', () => {
  let h: LicensingHarness;
  const tokens: Record<string, string> = {};
  beforeAll(async () => {
    h = await startLicensing();
    for (const ms of ['DE', 'FR', 'NL']) {
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

  /** FR's consultations as the consulted member state, of one kind, about a widening of the licence. */
  const frWideningConsultations = async (kind: string, licenceId: string): Promise<Consultation[]> => {
    const { body } = await as('FR-caseworker').get(`/v1/consultations?role=consulted&kind=${kind}`).expect(200);
    return (body.items as Consultation[]).filter((item) => item.widening?.licenceId === licenceId);
  };

  async function decided(
    ms: string,
    content: Content,
    outcome: 'GRANT' | 'DENY',
    beforeDecision: (applicationId: string) => Promise<void> = async () => {},
  ): Promise<string> {
    const created = await as(`${ms}-caseworker`).post('/v1/applications', { kind: 'INDIVIDUAL', content }).expect(201);
    const id = (created.body as { id: string }).id;
    await beforeDecision(id);
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

    // A refused widening leaves the licence as it was.
    await as('DE-approver')
      .post(`/v1/licences/${licenceId}/amend`, {
        amendmentId: 'widen-refused',
        reason: 'longer term',
        validityMonths: 24,
        substantialLimitation: false,
      })
      .expect(200);
    const refused = await as('DE-approver-2')
      .post(`/v1/licences/${licenceId}/decide-amendment`, {
        amendmentId: 'widen-refused',
        outcome: 'REFUSE',
        reasons: 'no second contract on file',
      })
      .expect(200);
    const kept = await h
      .http()
      .get(`/v1/licences/${licenceId}`)
      .set('authorization', `Bearer ${tokens['DE-caseworker']}`)
      .set('x-consistent-with', String(refused.body.position))
      .expect(200);
    expect(kept.body.licence.validityMonths).toBe(widened.body.licence.validityMonths);
    expect(kept.body.licence.pendingAmendment).toBeNull();

    // Another member state's authority cannot decide a DE widening: it does not see the licence.
    await as('FR-approver').post(`/v1/licences/${licenceId}/decide-amendment`, decision).expect(404);
  }, 60_000);

  // Changed with issue 9 item 7: such a widening was refused with 422 widening-needs-consultation.
  it('a widening of a licence to CN with items located in FR opens an Art 14(1) consultation of FR, and FR objection blocks it', async () => {
    const applicationId = await decided('DE', chineseWithItemsInFrance, 'GRANT', async (id) => {
      // The application's own consultation: FR has no objection to the licence as first granted.
      await waitFor(async () => {
        const { body } = await as('FR-caseworker').get('/v1/consultations?role=consulted&kind=ITEMS_LOCATED_ELSEWHERE');
        return (body.items as { applicationId: string }[]).some((item) => item.applicationId === id);
      });
      const { body } = await as('FR-caseworker')
        .get('/v1/consultations?role=consulted&kind=ITEMS_LOCATED_ELSEWHERE')
        .expect(200);
      const own = (body.items as (Consultation & { applicationId: string })[]).find(
        (item) => item.applicationId === id && item.widening === null,
      );
      await as('FR-approver').post(`/v1/consultations/${own!.id}/replies`, { answer: 'NO_OBJECTION' }).expect(200);
    });
    const licenceId = licenceIdFor(applicationId);
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/licences/${licenceId}`)).status === 200);

    await as('DE-approver')
      .post(`/v1/licences/${licenceId}/amend`, { ...EXAMPLE_WIDEN_LICENCE, amendmentId: 'widen-cn' })
      .expect(200);
    // The proposal itself opens the widening's own consultation of FR (not the application's, already closed).
    await waitFor(async () => (await frWideningConsultations('ITEMS_LOCATED_ELSEWHERE', licenceId)).length === 1);
    const [consultation] = await frWideningConsultations('ITEMS_LOCATED_ELSEWHERE', licenceId);
    expect(consultation).toMatchObject({ status: 'OPEN', widening: { licenceId, amendmentId: 'widen-cn' } });

    const approve = { amendmentId: 'widen-cn', outcome: 'APPROVE', reasons: 'second contract verified' };
    const waiting = await as('DE-approver-2').post(`/v1/licences/${licenceId}/decide-amendment`, approve).expect(422);
    expect(waiting.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'consultation-open' });

    await as('FR-approver')
      .post(`/v1/consultations/${consultation!.id}/replies`, {
        answer: 'OBJECTION',
        reasons: 'The probes are held for a French defence contract',
      })
      .expect(200);
    const blocked = await as('DE-approver-2').post(`/v1/licences/${licenceId}/decide-amendment`, approve).expect(422);
    expect(blocked.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'art14-binding-objection' });
    expect(blocked.body.message).toContain('objection by FR');
    const licence = await as('DE-caseworker').get(`/v1/licences/${licenceId}`).expect(200);
    expect(licence.body.licence.items[0].quantity).toBe(2);
  }, 60_000);

  // Changed with issue 9 item 7: such a widening was refused with 422 widening-matches-denial.
  it('a widening that matches another member state denial opens a PRIOR_DENIAL consultation and is decided only after it closes, the grant notified with reasons', async () => {
    const licenceId = licenceIdFor(await decided('DE', EXAMPLE_APPLICATION_CONTENT, 'GRANT'));
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/licences/${licenceId}`)).status === 200);
    // FR denies the same transaction after DE granted it.
    await decided('FR', frenchApplication, 'DENY');
    await waitFor(
      async () =>
        (await as('DE-caseworker').get('/v1/denials?destination=BR&controlEntry=5A001.j').expect(200)).body.total >= 1,
    );

    await as('DE-approver')
      .post(`/v1/licences/${licenceId}/amend`, {
        amendmentId: 'widen-denied',
        reason: 'longer term',
        validityMonths: 24,
        substantialLimitation: false,
      })
      .expect(200);
    await waitFor(async () => (await frWideningConsultations('PRIOR_DENIAL', licenceId)).length >= 1);
    const [consultation] = await frWideningConsultations('PRIOR_DENIAL', licenceId);
    expect(consultation).toMatchObject({ status: 'OPEN', widening: { licenceId, amendmentId: 'widen-denied' } });

    const approve = {
      amendmentId: 'widen-denied',
      outcome: 'APPROVE',
      reasons: 'term extended',
      grantDespiteDenialReasons: 'The FR denial concerned a military end user; this one is the civil operator',
    };
    const waiting = await as('DE-approver-2').post(`/v1/licences/${licenceId}/decide-amendment`, approve).expect(422);
    expect(waiting.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'consultation-open' });

    await as('FR-approver')
      .post(`/v1/consultations/${consultation!.id}/replies`, { answer: 'NOT_ESSENTIALLY_IDENTICAL' })
      .expect(200);
    const { grantDespiteDenialReasons: _reasons, ...withoutReasons } = approve;
    const unreasoned = await as('DE-approver-2')
      .post(`/v1/licences/${licenceId}/decide-amendment`, withoutReasons)
      .expect(422);
    expect(unreasoned.body).toMatchObject({ rule: 'grant-despite-denial-reasons' });
    const approved = await as('DE-approver-2').post(`/v1/licences/${licenceId}/decide-amendment`, approve).expect(200);

    const history = await as('DE-caseworker').get(`/v1/licences/${licenceId}/history`).expect(200);
    const events = history.body.events as { type: string; data: Record<string, unknown> }[];
    expect(events.find((event) => event.type === 'LicenceAmended')).toMatchObject({
      data: {
        validityMonths: 24,
        widening: {
          priorDenials: [
            { issuingMemberState: 'FR', consultationId: consultation!.id, outcome: 'NOT_ESSENTIALLY_IDENTICAL' },
          ],
        },
      },
    });
    expect(events.find((event) => event.type === 'LicenceGrantDespiteDenialNotified')).toMatchObject({
      data: { grantingMemberState: 'DE', amendmentId: 'widen-denied', reasons: approve.grantDespiteDenialReasons },
    });
    expect(approved.body.position).toEqual(expect.any(Number));
    // Art 16: every other member state and the Commission are told, with the reasons; not the granting one.
    const inboxOf = async (who: string) =>
      (await as(who).get('/v1/notifications?type=LicenceGrantDespiteDenialNotified').expect(200)).body as {
        total: number;
        items: { from: string; subject: { licenceId?: string }; data: unknown }[];
      };
    await waitFor(async () => (await inboxOf('NL-caseworker')).total === 1);
    expect((await inboxOf('NL-caseworker')).items[0]).toMatchObject({
      from: 'DE',
      subject: { licenceId },
      data: { amendmentId: 'widen-denied', reasons: approve.grantDespiteDenialReasons },
    });
    expect((await inboxOf('FR-caseworker')).total).toBe(1);
    expect((await inboxOf('DE-caseworker')).total).toBe(0);
  }, 90_000);

  it('a widening that adds an item (a new control entry) located in FR to a licence to IN opens an Art 14(1) consultation of FR and adds the item once approved', async () => {
    const toIndia: Content = {
      ...EXAMPLE_APPLICATION_CONTENT,
      destinationCountry: 'IN',
      endUser: { name: 'Deccan Carrier Networks Pvt Ltd', address: '4 Ring Road, Hyderabad', country: 'IN' },
      consignee: null,
      otherParties: [],
    };
    const licenceId = licenceIdFor(await decided('DE', toIndia, 'GRANT'));
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/licences/${licenceId}`)).status === 200);
    const [probe] = EXAMPLE_APPLICATION_CONTENT.items;
    const added = {
      ...probe!,
      classification: { kind: 'LISTED', controlEntry: '5A002.a' },
      description: 'Network encryption appliance',
      quantity: 3,
      memberStateWhereLocated: 'FR',
    };
    const invalid = await as('DE-approver')
      .post(`/v1/licences/${licenceId}/amend`, {
        amendmentId: 'widen-item',
        reason: 'encryption for the same network',
        addedItems: [{ ...added, hsCode: '12' }],
        substantialLimitation: false,
      })
      .expect(400);
    expect(JSON.stringify(invalid.body)).toContain('addedItems');
    await as('DE-approver')
      .post(`/v1/licences/${licenceId}/amend`, {
        amendmentId: 'widen-item',
        reason: 'encryption for the same network',
        addedItems: [added],
        substantialLimitation: false,
      })
      .expect(200);
    await waitFor(async () => (await frWideningConsultations('ITEMS_LOCATED_ELSEWHERE', licenceId)).length === 1);
    const [consultation] = await frWideningConsultations('ITEMS_LOCATED_ELSEWHERE', licenceId);
    expect(consultation).toMatchObject({ widening: { licenceId, amendmentId: 'widen-item' } });
    await as('FR-approver')
      .post(`/v1/consultations/${consultation!.id}/replies`, { answer: 'NO_OBJECTION' })
      .expect(200);

    const approved = await as('DE-approver-2')
      .post(`/v1/licences/${licenceId}/decide-amendment`, {
        amendmentId: 'widen-item',
        outcome: 'APPROVE',
        reasons: 'encryption contract verified',
      })
      .expect(200);
    const widened = await h
      .http()
      .get(`/v1/licences/${licenceId}`)
      .set('authorization', `Bearer ${tokens['DE-caseworker']}`)
      .set('x-consistent-with', String(approved.body.position))
      .expect(200);
    expect(widened.body.licence.items).toHaveLength(EXAMPLE_APPLICATION_CONTENT.items.length + 1);
    expect(widened.body.licence.items.at(-1)).toMatchObject({
      classification: { controlEntry: '5A002.a' },
      quantity: 3,
      memberStateWhereLocated: 'FR',
    });
  }, 60_000);
});
