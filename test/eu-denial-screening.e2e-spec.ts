import type { Test } from 'supertest';
import { waitFor } from '@dul/event-store/testing';
import { DenialReviewTimer } from '../apps/consultation/denials/denial-review.timer';
import { EXAMPLE_APPLICATION_CONTENT } from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

// Issue 9, Done when: "an unreviewed denial after 3 years is flagged and still matched; a catch-all
// denial is matched on its end user". Both through the real API on the embedded store.

type Content = typeof EXAMPLE_APPLICATION_CONTENT;
type Item = Content['items'][number];

const [listedItem, catchAllItem] = EXAMPLE_APPLICATION_CONTENT.items as [Item, Item];

const frenchExporter: Content['exporter'] = {
  name: 'Interception Systèmes SAS',
  identifier: { scheme: 'EORI', value: 'FR12345678901234' },
  address: '12 rue de la Paix, 75002 Paris',
  memberStateOfEstablishment: 'FR',
  country: 'FR',
};

/** FR's exporter ships the listed surveillance system (5A001.j) to Meridional Telecom in Brazil. */
const frenchListed: Content = {
  ...EXAMPLE_APPLICATION_CONTENT,
  exporter: frenchExporter,
  items: [{ ...listedItem, memberStateWhereLocated: 'FR' }],
  consignee: null,
  otherParties: [],
};

/** FR's exporter ships only an unlisted item, held under the Art 5 catch-all, to an end user in Iran. */
const frenchCatchAll: Content = {
  ...EXAMPLE_APPLICATION_CONTENT,
  exporter: frenchExporter,
  items: [{ ...catchAllItem, memberStateWhereLocated: 'FR' }],
  endUser: { name: 'Pars Ertebat Gostar Co.', address: 'Valiasr Street 2210, Tehran', country: 'IR' },
  consignee: null,
  otherParties: [],
  destinationCountry: 'IR',
  endUseStatement: 'EUS-2026-0311 signed by Pars Ertebat Gostar Co.',
};

describe('screening against denials that are old or have no control entry (Art 16)', () => {
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

  async function submit(ms: string, content: Content): Promise<string> {
    const created = await as(`${ms}-caseworker`).post('/v1/applications', { kind: 'INDIVIDUAL', content }).expect(201);
    return (created.body as { id: string }).id;
  }

  /** FR denies the application and the denial reaches the EU register; answers the denial's id. */
  async function deniedByFr(content: Content, destination: string): Promise<string> {
    const id = await submit('FR', content);
    await as('FR-approver').post(`/v1/applications/${id}/assign`, { caseworker: 'fr-caseworker' }).expect(200);
    const deny = { outcome: 'DENY', art15Grounds: ['HUMAN_RIGHTS'], conditions: [] };
    await as('FR-caseworker')
      .post(`/v1/applications/${id}/propose-decision`, { ...deny, reasoning: 'Risk of internal repression' })
      .expect(200);
    await as('FR-approver').post(`/v1/applications/${id}/decide`, deny).expect(200);
    let denialId = '';
    await waitFor(async () => {
      const { body } = await as('DE-caseworker').get(`/v1/denials?issuingMemberState=FR&destination=${destination}`);
      denialId = (body.items as { id: string }[] | undefined)?.[0]?.id ?? '';
      return denialId !== '';
    });
    return denialId;
  }

  async function denialMatchesOf(applicationId: string): Promise<{ denialId: string; issuingMemberState: string }[]> {
    let matches: { denialId: string; issuingMemberState: string }[] = [];
    await waitFor(async () => {
      const { body } = await as('DE-caseworker').get(`/v1/applications/${applicationId}`);
      matches = body.application?.denialMatches ?? [];
      return matches.length > 0;
    });
    return matches;
  }

  it('keeps a denial left unreviewed for more than 3 years in force: flagged review-overdue in the register, and still matched by screening', async () => {
    const denialId = await deniedByFr(frenchListed, 'BR');

    // Three years and a quarter pass with no review by FR (Art 16(2) orders one; it never makes the denial lapse).
    h.clock.advanceDays(3 * 365 + 100);
    expect(await h.app.get(DenialReviewTimer).tick()).toBe(1);
    await waitFor(async () => (await as('DE-caseworker').get(`/v1/denials/${denialId}`)).body.reviewOverdue === true);
    const overdue = await as('DE-caseworker').get('/v1/denials?reviewOverdue=true').expect(200);
    expect(overdue.body.items.map((item: { id: string }) => item.id)).toContain(denialId);
    const detail = await as('DE-caseworker').get(`/v1/denials/${denialId}`).expect(200);
    expect(detail.body.status).toBe('IN_FORCE');

    // DE's essentially identical application is still matched against it, and FR is consulted.
    const application = await submit('DE', {
      ...EXAMPLE_APPLICATION_CONTENT,
      items: [listedItem],
      consignee: null,
      otherParties: [],
    });
    const matches = await denialMatchesOf(application);
    expect(matches).toEqual([expect.objectContaining({ denialId, issuingMemberState: 'FR' })]);
    await waitFor(
      async () =>
        (await as('FR-caseworker').get('/v1/consultations?role=consulted&kind=PRIOR_DENIAL')).body.items?.some(
          (item: { applicationId: string }) => item.applicationId === application,
        ) === true,
    );
  }, 120_000);

  it('matches a catch-all (Art 5) denial, which has no control entry, on its end user, destination and catch-all ground', async () => {
    const denialId = await deniedByFr(frenchCatchAll, 'IR');
    const denial = await as('DE-caseworker').get(`/v1/denials/${denialId}`).expect(200);
    expect(JSON.stringify(denial.body)).toContain('ART5');

    // DE's exporter sends the same unlisted item to the same end user, its name written another way.
    const application = await submit('DE', {
      ...EXAMPLE_APPLICATION_CONTENT,
      items: [catchAllItem],
      endUser: { name: 'PARS ERTEBAT GOSTAR COMPANY', address: 'Valiasr St. 2210, Tehran', country: 'IR' },
      consignee: null,
      otherParties: [],
      destinationCountry: 'IR',
      endUseStatement: 'EUS-2026-0412 signed by Pars Ertebat Gostar',
    });
    const matches = await denialMatchesOf(application);
    expect(matches).toEqual([expect.objectContaining({ denialId, issuingMemberState: 'FR' })]);
  }, 120_000);
});
