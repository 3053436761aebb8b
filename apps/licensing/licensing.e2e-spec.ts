import type { Test } from 'supertest';
import { waitFor } from '@dul/event-store/testing';
import { createTestDatabase, describeWithPostgres, type TestDatabase } from '../../infra/postgres/test-database';
import { startLicensing, type LicensingHarness } from '../../test/support/licensing-harness';
import * as examples from './dto/examples';
import { LicenceExpiryTimer } from './licences/licence-expiry.timer';
import { licenceIdFor } from './licences/licence-issuer.process';

interface Actors {
  alice: string; // DE caseworker
  bob: string; // DE approver
  carol: string; // DE auditor
  both: string; // DE caseworker and approver at once (four-eyes)
  francois: string; // FR caseworker and approver
}

async function actors(h: LicensingHarness): Promise<Actors> {
  return {
    alice: await h.token('alice', 'DE', ['caseworker']),
    bob: await h.token('bob', 'DE', ['approver']),
    carol: await h.token('carol', 'DE', ['auditor']),
    both: await h.token('dora', 'DE', ['caseworker', 'approver']),
    francois: await h.token('francois', 'FR', ['caseworker', 'approver']),
  };
}

const bearer = (token: string): [string, string] => ['authorization', `Bearer ${token}`];

/** The whole licensing path over HTTP; run on SQLite here and on PostgreSQL below. */
function licensingWalk(name: string, start: () => Promise<LicensingHarness>): void {
  describe(name, () => {
    let h: LicensingHarness;
    let who: Actors;
    beforeAll(async () => {
      h = await start();
      who = await actors(h);
    });
    afterAll(async () => h.close());

    const post = (path: string, token: string, body: unknown, headers: Record<string, string> = {}): Test =>
      h
        .http()
        .post(path)
        .set(...bearer(token))
        .set(headers)
        .send(body as object);
    const get = (path: string, token: string, position?: number): Test => {
      const call = h
        .http()
        .get(path)
        .set(...bearer(token));
      return position === undefined ? call : call.set('x-consistent-with', String(position));
    };

    async function submitted(): Promise<{ id: string; position: number }> {
      const response = await post('/v1/applications', who.alice, examples.EXAMPLE_SUBMIT_APPLICATION).expect(201);
      return response.body as { id: string; position: number };
    }

    async function proposedGrant(id: string): Promise<void> {
      await post(`/v1/applications/${id}/assign`, who.bob, { caseworker: 'alice' }).expect(200);
      await post(`/v1/applications/${id}/classify`, who.alice, examples.EXAMPLE_CLASSIFY_ITEM).expect(200);
      await post(`/v1/applications/${id}/propose-decision`, who.alice, examples.EXAMPLE_PROPOSE_DECISION).expect(200);
    }

    it('walks submit, assign, classify, flag, clear, propose, grant, licence issued, usage, suspend, reinstate, revoke', async () => {
      const { id, position } = await submitted();
      const queue = await get('/v1/applications?status=SUBMITTED', who.alice, position).expect(200);
      expect(queue.body.items.map((item: { id: string }) => item.id)).toContain(id);

      await post(`/v1/applications/${id}/assign`, who.bob, { caseworker: 'alice' }).expect(200);
      await post(`/v1/applications/${id}/classify`, who.alice, examples.EXAMPLE_CLASSIFY_ITEM).expect(200);
      await post(`/v1/applications/${id}/flag`, who.alice, examples.EXAMPLE_RAISE_RISK_FLAG).expect(200);
      await post(`/v1/applications/${id}/clear-flag`, who.alice, examples.EXAMPLE_CLEAR_RISK_FLAG).expect(200);
      await post(`/v1/applications/${id}/propose-decision`, who.alice, examples.EXAMPLE_PROPOSE_DECISION).expect(200);
      const decided = await post(`/v1/applications/${id}/decide`, who.bob, examples.EXAMPLE_ISSUE_DECISION).expect(200);
      expect(decided.headers.etag).toBe(`"${decided.body.version}"`);

      const detail = await get(`/v1/applications/${id}`, who.carol, decided.body.position).expect(200);
      expect(detail.body).toMatchObject({ status: 'GRANTED', assignee: 'alice', openRiskFlags: 0, consistent: true });

      const history = await get(`/v1/applications/${id}/history`, who.carol).expect(200);
      expect(history.body.map((entry: { type: string }) => entry.type)).toEqual([
        'ApplicationSubmitted',
        'AssessmentStarted',
        'ItemClassified',
        'RiskFlagRaised',
        'RiskFlagCleared',
        'DecisionProposed',
        'DecisionIssued',
      ]);
      expect(history.body.at(-1)).toMatchObject({ actor: 'bob', memberState: 'DE', roles: ['approver'] });

      const licenceId = licenceIdFor(id);
      await waitFor(async () => (await get(`/v1/licences/${licenceId}`, who.alice)).status === 200);
      const licence = await get(`/v1/licences/${licenceId}`, who.alice).expect(200);
      expect(licence.body).toMatchObject({ status: 'ACTIVE', applicationId: id, authority: 'DE' });

      const used = await post(
        `/v1/licences/${licenceId}/record-usage`,
        who.alice,
        examples.EXAMPLE_RECORD_LICENCE_USAGE,
      ).expect(200);
      const afterUsage = await get(`/v1/licences/${licenceId}`, who.alice, used.body.position).expect(200);
      expect(afterUsage.body.licence.items[0].usedQuantity).toBe(1);

      await post(`/v1/licences/${licenceId}/suspend`, who.bob, examples.EXAMPLE_SUSPEND_LICENCE).expect(200);
      await post(`/v1/licences/${licenceId}/record-usage`, who.alice, {
        ...examples.EXAMPLE_RECORD_LICENCE_USAGE,
        usageId: 'u-2',
      }).expect(409);
      await post(`/v1/licences/${licenceId}/reinstate`, who.bob, examples.EXAMPLE_REINSTATE_LICENCE).expect(200);
      const revoked = await post(`/v1/licences/${licenceId}/revoke`, who.bob, {
        reason: 'End user added to a sanctions list',
        grounds: ['SANCTIONS'],
      }).expect(200);
      const register = await get('/v1/licences?status=REVOKED', who.carol, revoked.body.position).expect(200);
      expect(register.body.items.map((item: { id: string }) => item.id)).toContain(licenceId);
    });

    it('reads back the licence history: every event of the application and the licence with actor, roles and time, usage in full', async () => {
      const { id } = await submitted();
      await proposedGrant(id);
      await post(`/v1/applications/${id}/decide`, who.bob, examples.EXAMPLE_ISSUE_DECISION).expect(200);
      const licenceId = licenceIdFor(id);
      await waitFor(async () => (await get(`/v1/licences/${licenceId}`, who.alice)).status === 200);
      await post(`/v1/licences/${licenceId}/record-usage`, who.alice, examples.EXAMPLE_RECORD_LICENCE_USAGE).expect(
        200,
      );
      await post(`/v1/licences/${licenceId}/suspend`, who.bob, examples.EXAMPLE_SUSPEND_LICENCE).expect(200);
      const reinstated = await post(
        `/v1/licences/${licenceId}/reinstate`,
        who.bob,
        examples.EXAMPLE_REINSTATE_LICENCE,
      ).expect(200);

      const history = await get(`/v1/licences/${licenceId}/history`, who.carol).expect(200);
      expect(history.body).toMatchObject({
        licenceId,
        applicationId: id,
        authority: 'DE',
        version: reinstated.body.version,
      });
      const events = history.body.events as { stream: string; type: string; actor: string; roles: string[] }[];
      expect(events.map((event) => `${event.stream}:${event.type}`)).toEqual([
        'application:ApplicationSubmitted',
        'application:AssessmentStarted',
        'application:ItemClassified',
        'application:DecisionProposed',
        'application:DecisionIssued',
        'licence:LicenceIssued',
        'licence:LicenceUsageRecorded',
        'licence:LicenceSuspended',
        'licence:LicenceReinstated',
      ]);
      expect(events.find((event) => event.type === 'LicenceSuspended')).toMatchObject({
        actor: 'bob',
        memberState: 'DE',
        roles: ['approver'],
        recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      });
      expect(events.find((event) => event.type === 'LicenceUsageRecorded')).toMatchObject({
        actor: 'alice',
        roles: ['caseworker'],
        data: {
          usageId: examples.EXAMPLE_RECORD_LICENCE_USAGE.usageId,
          customsOffice: 'DE004852',
          declarationReference: examples.EXAMPLE_RECORD_LICENCE_USAGE.declarationReference,
          lines: examples.EXAMPLE_RECORD_LICENCE_USAGE.lines,
          recordedBy: 'alice',
          recordedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
        },
      });
    });

    it("answers another member state's authority 404 for a licence's history, as for the licence itself", async () => {
      const { id } = await submitted();
      await proposedGrant(id);
      await post(`/v1/applications/${id}/decide`, who.bob, examples.EXAMPLE_ISSUE_DECISION).expect(200);
      const licenceId = licenceIdFor(id);
      await waitFor(async () => (await get(`/v1/licences/${licenceId}`, who.alice)).status === 200);
      const licence = await get(`/v1/licences/${licenceId}`, who.francois).expect(404);
      const history = await get(`/v1/licences/${licenceId}/history`, who.francois).expect(404);
      expect(history.body).toEqual(licence.body);
      await get(`/v1/licences/${crypto.randomUUID()}/history`, who.carol).expect(404);
    });

    it('walks the deny path: a denial issues no licence and carries the Art 16 notice', async () => {
      const { id } = await submitted();
      await post(`/v1/applications/${id}/assign`, who.alice, { caseworker: 'alice' }).expect(200);
      await post(`/v1/applications/${id}/propose-decision`, who.alice, {
        outcome: 'DENY',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
        reasoning: 'Risk of use in internal repression',
      }).expect(200);
      const denied = await post(`/v1/applications/${id}/decide`, who.bob, {
        outcome: 'DENY',
        art15Grounds: ['HUMAN_RIGHTS'],
        conditions: [],
      }).expect(200);
      const detail = await get(`/v1/applications/${id}`, who.alice, denied.body.position).expect(200);
      expect(detail.body.status).toBe('DENIED');
      expect(detail.body.application.decision.denialNotice).toMatchObject({ destinationCountry: expect.any(String) });
      await get(`/v1/licences/${licenceIdFor(id)}`, who.alice).expect(404);
    });

    it('refuses the approver who proposed the decision (four-eyes) with 403', async () => {
      const { id } = await submitted();
      await post(`/v1/applications/${id}/assign`, who.both, { caseworker: 'dora' }).expect(200);
      await post(`/v1/applications/${id}/propose-decision`, who.both, examples.EXAMPLE_PROPOSE_DECISION).expect(200);
      const refused = await post(`/v1/applications/${id}/decide`, who.both, examples.EXAMPLE_ISSUE_DECISION).expect(
        403,
      );
      expect(refused.body).toMatchObject({ code: 'FORBIDDEN', rule: 'four-eyes' });
    });

    it('honours Idempotency-Key: same key and body give the same answer, another body a 422', async () => {
      const key = `key-${Date.now()}`;
      const first = await post('/v1/applications', who.alice, examples.EXAMPLE_SUBMIT_APPLICATION, {
        'idempotency-key': key,
      }).expect(201);
      const again = await post('/v1/applications', who.alice, examples.EXAMPLE_SUBMIT_APPLICATION, {
        'idempotency-key': key,
      }).expect(201);
      expect(again.body).toEqual(first.body);
      const other = { ...examples.EXAMPLE_SUBMIT_APPLICATION, kind: 'GLOBAL' };
      const reused = await post('/v1/applications', who.alice, other, { 'idempotency-key': key }).expect(422);
      expect(reused.body).toMatchObject({ code: 'RULE_VIOLATED', rule: 'idempotency-key-reused' });
      const history = await get(`/v1/applications/${first.body.id}/history`, who.alice).expect(200);
      expect(history.body).toHaveLength(1);
    });

    it('answers 412 to a write with a stale If-Match and accepts the current version', async () => {
      const { id } = await submitted();
      const assigned = await post(
        `/v1/applications/${id}/assign`,
        who.bob,
        { caseworker: 'alice' },
        { 'if-match': '"0"' },
      ).expect(200);
      expect(assigned.body.version).toBe(1);
      const stale = await post(`/v1/applications/${id}/classify`, who.alice, examples.EXAMPLE_CLASSIFY_ITEM, {
        'if-match': '"0"',
      }).expect(412);
      expect(stale.body.code).toBe('PRECONDITION_FAILED');
      await post(`/v1/applications/${id}/classify`, who.alice, examples.EXAMPLE_CLASSIFY_ITEM, {
        'if-match': '"1"',
      }).expect(200);
    });

    it("answers another member state's application and licence with 404, so existence does not leak", async () => {
      const { id } = await submitted();
      await get(`/v1/applications/${id}`, who.francois).expect(404);
      await get(`/v1/applications/${id}/history`, who.francois).expect(404);
      await post(
        `/v1/applications/${id}/assign`,
        who.francois,
        { caseworker: 'francois' },
        { 'if-match': '"7"' },
      ).expect(404);
      const list = await get('/v1/applications', who.francois).expect(200);
      expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(id);
    });

    it('expires a licence by the durable timer once the clock passes its validity, exactly once', async () => {
      const { id } = await submitted();
      await proposedGrant(id);
      await post(`/v1/applications/${id}/decide`, who.bob, examples.EXAMPLE_ISSUE_DECISION).expect(200);
      const licenceId = licenceIdFor(id);
      await waitFor(async () => (await get(`/v1/licences/${licenceId}`, who.alice)).status === 200);
      const timer = h.app.get(LicenceExpiryTimer);
      expect(await timer.tick()).toBe(0);
      const started = h.clock.now();
      h.clock.advanceDays(366);
      expect(await timer.tick()).toBeGreaterThanOrEqual(1);
      await waitFor(async () => (await get(`/v1/licences/${licenceId}`, who.alice)).body.status === 'EXPIRED');
      await timer.tick();
      const history = await h.app
        .get<{ readStream: (s: string) => Promise<{ type: string }[]> }>(Symbol.for('dul.EventStore'))
        .readStream(`licence-${licenceId}`);
      expect(history.filter((event) => event.type === 'LicenceExpired')).toHaveLength(1);
      h.clock.set(started);
    });

    it('rejects bad input with a 4xx naming the field: unknown fields, wrong types, malformed JSON, bad ids', async () => {
      const unknown = await post('/v1/applications', who.alice, {
        ...examples.EXAMPLE_SUBMIT_APPLICATION,
        surprise: 1,
      }).expect(400);
      expect(unknown.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'surprise' })]));
      const nested = await post('/v1/applications', who.alice, {
        ...examples.EXAMPLE_SUBMIT_APPLICATION,
        content: {
          ...examples.EXAMPLE_SUBMIT_APPLICATION.content,
          items: [{ ...examples.EXAMPLE_SUBMIT_APPLICATION.content.items[0], hsCode: 'abc' }],
        },
      }).expect(400);
      expect(nested.body.details.map((d: { field: string }) => d.field)).toContain('content.items.0.hsCode');
      await h
        .http()
        .post('/v1/applications')
        .set(...bearer(who.alice))
        .set('content-type', 'application/json')
        .send('{"kind": ')
        .expect(400);
      await get('/v1/applications/not-a-uuid', who.alice).expect(400);
      await h.http().get('/v1/applications').expect(401);
      await post('/v1/applications', who.bob, examples.EXAMPLE_SUBMIT_APPLICATION).expect(403);
      const huge = {
        ...examples.EXAMPLE_SUBMIT_APPLICATION,
        content: { ...examples.EXAMPLE_SUBMIT_APPLICATION.content, endUseStatement: 'x'.repeat(2_000_000) },
      };
      await post('/v1/applications', who.alice, huge).expect(413);
    });
  });
}

licensingWalk('licensing API on the standalone app (SQLite)', () => startLicensing());

describeWithPostgres('licensing API on PostgreSQL', () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => database.drop());
  licensingWalk('licensing API on the standalone app (PostgreSQL)', () =>
    startLicensing({ STORE_KIND: 'postgres', DATABASE_URL: database.url }),
  );
});
