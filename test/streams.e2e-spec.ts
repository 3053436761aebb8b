import { CloudEvent } from 'cloudevents';
import { validateContractData } from '@dul/contracts';
import { waitFor } from '@dul/event-store/testing';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';
import { readSse } from './support/sse-client';
import * as examples from '../apps/licensing/dto/examples';
import { licenceIdFor } from '../apps/licensing/licences/licence-issuer.process';

const METRICS_TOKEN = 'scraper-secret-0123456789';

describe('Server-Sent Events for agencies without Kafka', () => {
  let h: LicensingHarness;
  let base: string;
  const tokens = { alice: '', bob: '', customs: '', commission: '' };
  let licenceId: string;

  beforeAll(async () => {
    h = await startLicensing({ METRICS_TOKEN });
    await h.app.listen(0, '127.0.0.1');
    base = await h.app.getUrl();
    base = base.replace('[::1]', '127.0.0.1');
    tokens.alice = await h.token('alice', 'DE', ['caseworker']);
    tokens.bob = await h.token('bob', 'DE', ['approver']);
    tokens.customs = await mintAgency(h, ['customs']);
    tokens.commission = await h.token('commission-analyst', null, ['commission']);
    // One licence, then usage and a suspension: four customs messages.
    const created = await h
      .http()
      .post('/v1/applications')
      .set('authorization', `Bearer ${tokens.alice}`)
      .send(examples.EXAMPLE_SUBMIT_APPLICATION)
      .expect(201);
    const id = (created.body as { id: string }).id;
    await h
      .http()
      .post(`/v1/applications/${id}/assign`)
      .set('authorization', `Bearer ${tokens.bob}`)
      .send({ caseworker: 'alice' })
      .expect(200);
    await h
      .http()
      .post(`/v1/applications/${id}/propose-decision`)
      .set('authorization', `Bearer ${tokens.alice}`)
      .send(examples.EXAMPLE_PROPOSE_DECISION)
      .expect(200);
    await h
      .http()
      .post(`/v1/applications/${id}/decide`)
      .set('authorization', `Bearer ${tokens.bob}`)
      .send(examples.EXAMPLE_ISSUE_DECISION)
      .expect(200);
    licenceId = licenceIdFor(id);
    await waitFor(
      async () =>
        (await h.http().get(`/v1/licences/${licenceId}`).set('authorization', `Bearer ${tokens.alice}`)).status === 200,
    );
    await h
      .http()
      .post(`/v1/licences/${licenceId}/record-usage`)
      .set('authorization', `Bearer ${tokens.alice}`)
      .send(examples.EXAMPLE_RECORD_LICENCE_USAGE)
      .expect(200);
    await h
      .http()
      .post(`/v1/licences/${licenceId}/suspend`)
      .set('authorization', `Bearer ${tokens.bob}`)
      .send(examples.EXAMPLE_SUSPEND_LICENCE)
      .expect(200);
  }, 60_000);
  afterAll(async () => h.close());

  const stream = (audience: string, token: string, count: number, headers: Record<string, string> = {}) =>
    readSse(`${base}/v1/streams/${audience}`, { authorization: `Bearer ${token}`, ...headers }, count, 5_000);

  it('serves the customs audience the licence lifecycle as CloudEvents that the SDK parses and the schemas accept', async () => {
    const messages = await stream('customs', tokens.customs, 3);
    expect(messages.map((m) => m.event)).toEqual([
      'eu.dual-use.licence.issued.v1',
      'eu.dual-use.licence.usage-recorded.v1',
      'eu.dual-use.licence.suspended.v1',
    ]);
    for (const message of messages) {
      const event = new CloudEvent(message.data as object);
      expect(event.subject).toContain(licenceId);
      expect(validateContractData(event.type, event.data, { strict: true }).errors).toEqual([]);
    }
  });

  it('resumes with Last-Event-ID exactly after the last message received', async () => {
    const first = await stream('customs', tokens.customs, 1);
    const rest = await stream('customs', tokens.customs, 2, { 'last-event-id': first[0]!.id });
    const all = await stream('customs', tokens.customs, 3);
    expect([...first, ...rest].map((m) => m.id)).toEqual(all.map((m) => m.id));
    expect(new Set(all.map((m) => (m.data as { id: string }).id)).size).toBe(3);
  });

  it('refuses a customs agency token the denials of the authorities stream, and an unknown audience', async () => {
    await expect(stream('authorities', tokens.customs, 1)).rejects.toMatchObject({ status: 403 });
    await expect(stream('commission', tokens.customs, 1)).rejects.toMatchObject({ status: 403 });
    await expect(stream('customs', tokens.alice, 1)).rejects.toMatchObject({ status: 403 });
    await expect(stream('nothing', tokens.customs, 1)).rejects.toMatchObject({ status: 404 });
    await expect(stream('customs', tokens.customs, 1, { 'last-event-id': 'abc' })).rejects.toMatchObject({
      status: 400,
    });
  });

  it('serves the Commission its statistics stream', async () => {
    const messages = await stream('commission', tokens.commission, 2);
    expect(messages.length).toBeGreaterThanOrEqual(1);
    expect(messages.every((m) => m.event.startsWith('eu.dual-use.'))).toBe(true);
  });

  it('serves the AsyncAPI document and Prometheus metrics', async () => {
    const asyncapi = await h.http().get('/asyncapi').expect(200);
    expect(asyncapi.body.asyncapi).toMatch(/^3\./);
    const metrics = await h.http().get('/metrics').set('authorization', `Bearer ${METRICS_TOKEN}`).expect(200);
    expect(metrics.text).toContain('dul_projection_lag_positions');
    expect(metrics.text).toContain('dul_relay_lag_positions');
  });
});

async function mintAgency(h: LicensingHarness, audiences: string[]): Promise<string> {
  const { DEV_SIGNING_KEY, mintDevToken } = await import('@dul/auth');
  return mintDevToken(h.app.get(DEV_SIGNING_KEY), { sub: 'customs-hamburg', ms: null, roles: ['agency'], audiences });
}
