import { waitFor } from '@dul/event-store/testing';
import * as examples from '../apps/licensing/dto/examples';
import { startLicensing, type LicensingHarness } from './support/licensing-harness';

interface ListPage {
  readonly items: readonly { readonly id: string }[];
  readonly total: number;
  readonly nextCursor: string | null;
}

// Keyset paging on the lists (issue 12 item 3): a cursor walk sees every case once, in the order offset
// paging gives, and ends with a null cursor; a cursor that is not one is a 400 naming the field.
describe('list endpoints page by cursor', () => {
  let h: LicensingHarness;
  let caseworker = '';
  let otherAuthority = '';

  beforeAll(async () => {
    h = await startLicensing();
    caseworker = await h.token('alice', 'DE', ['caseworker']);
    otherAuthority = await h.token('jean', 'FR', ['caseworker']);
    for (let n = 0; n < 7; n++) {
      await h
        .http()
        .post('/v1/applications')
        .set('authorization', `Bearer ${caseworker}`)
        .send(examples.EXAMPLE_SUBMIT_APPLICATION)
        .expect(201);
    }
    await waitFor(async () => (await list('/v1/applications?limit=50', caseworker)).total === 7, 20_000);
  }, 60_000);

  afterAll(async () => h?.close());

  async function list(path: string, token: string): Promise<ListPage> {
    const response = await h.http().get(path).set('authorization', `Bearer ${token}`).expect(200);
    return response.body as ListPage;
  }

  it('a cursor walk returns every case of the authority once, in the order of offset paging, and ends with a null cursor', async () => {
    const walked: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor === null ? '' : `&cursor=${cursor}`;
      const page = await list(`/v1/applications?limit=3${query}`, caseworker);
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor !== null && pages < 10);
    const byOffset = (await list('/v1/applications?limit=50', caseworker)).items.map((item) => item.id);
    expect(walked).toEqual(byOffset);
    expect(new Set(walked).size).toBe(7);
    expect(pages).toBe(3);
  });

  it('a case-queue item is a summary: it leaves the embedded application out, and the detail carries it', async () => {
    const [item] = (await list('/v1/applications?limit=1', caseworker)).items;
    expect(item).toBeDefined();
    expect(item).not.toHaveProperty('application');
    expect(item).toMatchObject({ ageWorkingDays: expect.any(Number), overdue: false, nextDeadline: null });
    const detail = await h
      .http()
      .get(`/v1/applications/${item?.id ?? ''}`)
      .set('authorization', `Bearer ${caseworker}`)
      .expect(200);
    expect(detail.body).toHaveProperty('application.applicationId', item?.id);
    expect(detail.body).toHaveProperty('ageWorkingDays', item && (item as { ageWorkingDays?: number }).ageWorkingDays);
  });

  it("another authority's cursor walk sees none of them", async () => {
    const page = await list('/v1/applications?limit=3', otherAuthority);
    expect(page.items).toEqual([]);
    expect(page.nextCursor).toBeNull();
  });

  it('refuses a cursor that is not a nextCursor with 400 naming the field', async () => {
    const response = await h
      .http()
      .get('/v1/applications?cursor=not%20a%20cursor')
      .set('authorization', `Bearer ${caseworker}`)
      .expect(400);
    expect(JSON.stringify(response.body)).toContain('cursor');
  });

  it('the licence register, consultation board and notifications answer a nextCursor too', async () => {
    for (const path of ['/v1/licences', '/v1/consultations', '/v1/notifications']) {
      const page = await list(`${path}?limit=3`, caseworker);
      expect(page).toHaveProperty('nextCursor', null);
    }
  });
});
