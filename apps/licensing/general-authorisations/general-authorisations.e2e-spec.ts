import { DEV_SIGNING_KEY, mintDevToken } from '@dul/auth';
import { waitFor } from '@dul/event-store/testing';
import { startLicensing, type LicensingHarness } from '../../../test/support/licensing-harness';
import { readSse } from '../../../test/support/sse-client';

const EXPORTER = {
  name: 'Rhein Optics GmbH',
  identifier: { scheme: 'EORI', value: 'DE123456789012345' },
  address: 'Köln',
};
const item = {
  description: 'Thermal camera',
  controlEntry: '6A003.b.4',
  quantity: 4,
  unit: 'pcs',
  value: 48000,
  currency: 'EUR',
};

describe('general authorisations over HTTP: register for EU001 in DE, use, refuse, suspend, customs, report', () => {
  let h: LicensingHarness;
  let base: string;
  const tokens = { alice: '', bob: '', francois: '', customs: '', commission: '' };

  beforeAll(async () => {
    h = await startLicensing({ GEA_SETTINGS: 'DE:30:register-first' });
    await h.app.listen(0, '127.0.0.1');
    base = (await h.app.getUrl()).replace('[::1]', '127.0.0.1');
    tokens.alice = await h.token('alice', 'DE', ['caseworker']);
    tokens.bob = await h.token('bob', 'DE', ['approver']);
    tokens.francois = await h.token('francois', 'FR', ['caseworker', 'approver']);
    tokens.commission = await h.token('analyst', null, ['commission']);
    tokens.customs = await mintDevToken(h.app.get(DEV_SIGNING_KEY), {
      sub: 'customs-hamburg',
      ms: null,
      roles: ['agency'],
      audiences: ['customs'],
    });
  });
  afterAll(async () => h.close());

  const post = (path: string, token: string, body: unknown) =>
    h
      .http()
      .post(path)
      .set('authorization', `Bearer ${token}`)
      .send(body as object);
  const get = (path: string, token: string) => h.http().get(path).set('authorization', `Bearer ${token}`);

  it('walks the registration, uses inside and outside the scope, the suspension, customs and the annual report', async () => {
    const catalogue = await h.http().get('/v1/general-authorisations').expect(200);
    expect(catalogue.body.items.map((entry: { code: string }) => entry.code)).toEqual(
      expect.arrayContaining(['EU001', 'EU002', 'EU003', 'EU004', 'EU005', 'EU006', 'EU007', 'EU008']),
    );
    const settings = await get('/v1/general-authorisations/settings', tokens.alice).expect(200);
    expect(settings.body).toEqual({
      memberState: 'DE',
      registrationBeforeFirstUse: true,
      firstUseNotificationDays: 30,
    });

    // Germany requires registration first: a first use without one is refused.
    const unregistered = await post('/v1/general-authorisations/first-use', tokens.alice, {
      authorisation: 'EU001',
      exporter: EXPORTER,
      firstExportDate: new Date().toISOString().slice(0, 10),
    }).expect(422);
    expect(unregistered.body).toMatchObject({ rule: 'registration-before-first-use' });

    const registered = await post('/v1/general-authorisations/registrations', tokens.alice, {
      authorisation: 'EU001',
      exporter: EXPORTER,
    }).expect(201);
    const id = registered.body.id as string;
    await post('/v1/general-authorisations/registrations', tokens.alice, {
      authorisation: 'EU001',
      exporter: EXPORTER,
    }).expect(409);

    const today = new Date().toISOString().slice(0, 10);
    const use = (destinationCountry: string, declarationReference: string) => ({
      exportDate: today,
      destinationCountry,
      declarationReference,
      items: [item],
    });
    await post(
      `/v1/general-authorisations/registrations/${id}/uses`,
      tokens.alice,
      use('JP', '25DE1234567890ABCD'),
    ).expect(200);
    const china = await post(
      `/v1/general-authorisations/registrations/${id}/uses`,
      tokens.alice,
      use('CN', '25DE1234567890ABCE'),
    ).expect(422);
    expect(china.body).toMatchObject({ rule: 'outside-authorisation-scope' });
    expect(china.body.message).toMatch(
      /EU001 does not cover the destination CN \(Annex II Section A Part 2: destinations/,
    );
    await post(`/v1/general-authorisations/registrations/${id}/first-use`, tokens.alice, {
      firstExportDate: today,
    }).expect(200);

    // Another member state's authority sees no such registration.
    await post(`/v1/general-authorisations/registrations/${id}/suspend`, tokens.francois, {
      reason: 'x',
      denialInSubstance: false,
    }).expect(404);
    const suspended = await post(`/v1/general-authorisations/registrations/${id}/suspend`, tokens.bob, {
      reason: 'Suspected diversion to a destination EU001 does not cover',
      grounds: ['END_USE_AND_DIVERSION'],
      denialInSubstance: true,
    }).expect(200);
    const blocked = await post(
      `/v1/general-authorisations/registrations/${id}/uses`,
      tokens.alice,
      use('US', '25DE1234567890ABCF'),
    ).expect(422);
    expect(blocked.body).toMatchObject({ rule: 'user-suspended' });

    const detail = await get(`/v1/general-authorisations/registrations/${id}`, tokens.alice)
      .set('x-consistent-with', String(suspended.body.position))
      .expect(200);
    expect(detail.body).toMatchObject({
      status: 'SUSPENDED',
      authorisation: 'EU001',
      uses: 1,
      firstUseNotifiedLate: false,
    });

    // Customs receives the registration and its suspension on its stream.
    const messages = await readSse(
      `${base}/v1/streams/customs`,
      { authorization: `Bearer ${tokens.customs}` },
      2,
      5_000,
    );
    expect(messages.map((message) => (message.data as { type: string; data: { change: string } }).data.change)).toEqual(
      ['REGISTERED', 'SUSPENDED'],
    );
    expect(messages[1]?.data).toMatchObject({
      type: 'eu.dual-use.general-authorisation.registration-changed.v1',
      data: { registration: { registrationId: id, status: 'SUSPENDED', memberState: 'DE', authorisation: 'EU001' } },
    });

    // The other member states are notified: the suspension is a denial in substance.
    await waitFor(async () => {
      const inbox = await get('/v1/notifications', tokens.francois);
      return JSON.stringify(inbox.body).includes('GeneralAuthorisationRightSuspended');
    });

    const year = new Date().getUTCFullYear();
    await post('/v1/administration-figures', tokens.bob, {
      year,
      staffFte: 112.5,
      outreachEvents: 40,
      infringements: 7,
      penalties: 3,
      penaltiesValueEur: 125000,
    }).expect(200);
    let report: { body: { generalAuthorisations: Record<string, unknown[]> } } | undefined;
    await waitFor(async () => {
      report = await get(`/v1/reports/annual?year=${year}`, tokens.commission);
      return (report.body.generalAuthorisations?.administrationAndEnforcement?.length ?? 0) > 0;
    });
    expect(report?.body.generalAuthorisations).toEqual({
      registeredUsers: [
        { authorisation: 'EU001', memberState: 'DE', registeredUsers: 1, suspendedUsers: 1, newInYear: 1 },
      ],
      usesByDestination: [
        {
          authorisation: 'EU001',
          memberState: 'DE',
          destination: 'JP',
          uses: 1,
          valueEur: 48000,
          otherCurrencyItems: 0,
        },
      ],
      usesByReportingCode: [
        {
          authorisation: 'EU001',
          memberState: 'DE',
          reportingCode: '6EC1',
          uses: 1,
          valueEur: 48000,
          otherCurrencyItems: 0,
        },
      ],
      administrationAndEnforcement: [
        {
          memberState: 'DE',
          staffFte: 112.5,
          outreachEvents: 40,
          infringements: 7,
          penalties: 3,
          penaltiesValueEur: 125000,
        },
      ],
    });
  });

  it('describes the new endpoints with examples in the OpenAPI document', async () => {
    const spec = await h.http().get('/docs/openapi.json').expect(200);
    const paths = spec.body.paths as Record<
      string,
      Record<string, { requestBody?: { content: Record<string, { examples?: unknown }> } }>
    >;
    for (const path of [
      '/v1/general-authorisations',
      '/v1/general-authorisations/registrations',
      '/v1/general-authorisations/registrations/{id}/uses',
      '/v1/general-authorisations/registrations/{id}/suspend',
      '/v1/general-authorisations/national',
      '/v1/administration-figures',
    ]) {
      expect({ path, present: paths[path] !== undefined }).toEqual({ path, present: true });
    }
    const uses = paths['/v1/general-authorisations/registrations/{id}/uses']?.['post'];
    expect(uses?.requestBody?.content['application/json']?.examples).toBeDefined();
    expect(spec.body.components.schemas.RecordGeaUseDto.properties.items).toBeDefined();
  });
});
