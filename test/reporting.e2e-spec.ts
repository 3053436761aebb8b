import type { INestApplicationContext } from '@nestjs/common';
import type { AnnualReport } from '@dul/domain';
import { computeAnnualReport, transparencyDataset } from '@dul/domain';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { ProjectionHost } from '@dul/platform';
import { seedActivity } from '../apps/standalone/seed/seed-activity';
import type { TestDatabase } from '../infra/postgres/test-database';
import { createTestDatabase, describeWithPostgres } from '../infra/postgres/test-database';
import { readWholeLog } from './support/event-log';
import type { LicensingHarness } from './support/licensing-harness';
import { startLicensing } from './support/licensing-harness';

const YEAR = 2025;

/** Until every projection has applied every event in the store. */
async function waitForProjections(app: INestApplicationContext): Promise<void> {
  const host = app.get(ProjectionHost);
  for (let waited = 0; ; waited += 50) {
    if ((await host.status()).every((status) => status.lag === 0)) return;
    if (waited > 60_000) throw new Error('projections did not catch up');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('GET /v1/reports: the reporting projection answers what a plain fold over the event log answers', () => {
  let h: LicensingHarness;
  let events: StoredEvent[];
  let commission: string;
  let germany: string;
  const annual = (token: string, query: Record<string, string>) =>
    h
      .http()
      .get('/v1/reports/annual')
      .query({ year: String(YEAR), ...query })
      .set('authorization', `Bearer ${token}`);

  beforeAll(async () => {
    h = await startLicensing({}, { startAt: new Date(Date.UTC(YEAR, 0, 1)) });
    await seedActivity(h.app, h.clock, { applications: 400, year: YEAR, seed: 26 });
    await waitForProjections(h.app);
    // Read after the projections caught up, and nothing runs after: the API reads these very events.
    events = await readWholeLog(h.app.get<EventStore>(EVENT_STORE));
    await waitForProjections(h.app);
    commission = await h.token('commission-analyst', null, ['commission']);
    germany = await h.token('de-auditor', 'DE', ['auditor']);
  }, 600_000);

  afterAll(async () => {
    await h?.close();
  });

  it('EU-wide for the Commission: every cell equals the fold over the raw event log', async () => {
    const started = performance.now();
    const response = await annual(commission, {})
      .expect(200)
      .expect('content-type', /application\/json/);
    const elapsed = performance.now() - started;
    const expected = computeAnnualReport(events, { year: YEAR });
    expect(response.body).toEqual(expected);
    // The seed is realistic enough for the comparison to mean something.
    const report = response.body as AnnualReport;
    expect(report.totals.applications).toBe(400);
    expect(report.totals.granted).toBeGreaterThan(300);
    expect(report.totals.denied).toBeGreaterThan(0);
    expect(report.totals.consultationsOpened).toBeGreaterThan(0);
    expect(report.totals.suspensions).toBeGreaterThan(0);
    expect(report.byMemberState.length).toBeGreaterThan(10);
    expect(report.cyberSurveillance.length).toBeGreaterThan(0);
    // The read model position the report was computed at: the last event of the log.
    expect(Number(response.headers['x-read-model-position'])).toBe(events.at(-1)?.globalPosition);
    process.stdout.write(`GET /v1/reports/annual for ${events.length} events: ${elapsed.toFixed(0)} ms\n`);
  });

  it("an authority gets its own member state's figures only, whatever it asks for", async () => {
    const response = await annual(germany, {}).expect(200);
    expect(response.body).toEqual(computeAnnualReport(events, { year: YEAR, memberState: 'DE' }));
    expect((response.body as AnnualReport).memberState).toBe('DE');
    await annual(germany, { memberState: 'DE' }).expect(200);
    const other = await annual(germany, { memberState: 'FR' }).expect(403);
    expect(other.body).toMatchObject({ code: 'FORBIDDEN', rule: 'report-scope' });
  });

  it("the Commission may ask for one member state's figures", async () => {
    const response = await annual(commission, { memberState: 'FR' }).expect(200);
    expect(response.body).toEqual(computeAnnualReport(events, { year: YEAR, memberState: 'FR' }));
  });

  it('as of an instant in the middle of the log: the fold of the events recorded until then', async () => {
    const middle = events[Math.floor(events.length / 2)] as StoredEvent;
    const asOf = new Date(middle.recordedAt);
    const response = await annual(commission, { asOf: asOf.toISOString() }).expect(200);
    const expected = computeAnnualReport(events, { year: YEAR, asOf });
    expect(response.body).toEqual(expected);
    const everything = computeAnnualReport(events, { year: YEAR });
    expect(expected.totals.applications).toBeGreaterThan(0);
    expect(expected.totals.applications).toBeLessThan(everything.totals.applications);
    const own = await annual(germany, { asOf: asOf.toISOString() }).expect(200);
    expect(own.body).toEqual(computeAnnualReport(events, { year: YEAR, asOf, memberState: 'DE' }));
  });

  it('as of a mid-year date: the end of that day (UTC), as the fold reads it', async () => {
    // The store stamps events with the wall clock, so a seeded history recorded today has no events
    // on a 2025 date; the report as of then is the empty one, as the fold says.
    const response = await annual(commission, { asOf: `${YEAR}-06-30` }).expect(200);
    const asOf = new Date(`${YEAR}-06-30T23:59:59.999Z`);
    expect(response.body).toEqual(computeAnnualReport(events, { year: YEAR, asOf }));
    expect((response.body as AnnualReport).asOf).toBe(asOf.toISOString());
  });

  it('answers CSV and HTML, by format or by the Accept header', async () => {
    const csv = await annual(commission, { format: 'csv' })
      .expect(200)
      .expect('content-type', /^text\/csv/);
    expect(csv.text).toMatch(/^section,/);
    expect(csv.headers['content-disposition']).toContain('annual-report-2025-eu.csv');
    await annual(commission, {})
      .set('accept', 'text/csv')
      .expect(200)
      .expect('content-type', /^text\/csv/);
    const html = await annual(commission, {})
      .set('accept', 'text/html,application/xhtml+xml;q=0.9,*/*;q=0.8')
      .expect(200)
      .expect('content-type', /^text\/html/);
    expect(html.text).toMatch(/^<!DOCTYPE html>/);
    expect(html.text).toContain('<svg');
    expect(html.text).not.toMatch(/<script|https?:\/\/(?!www\.w3\.org)/);
    await annual(commission, { format: 'json' })
      .set('accept', 'text/html')
      .expect('content-type', /application\/json/);
  });

  it('the public transparency dataset needs no token and suppresses small cells', async () => {
    const response = await h
      .http()
      .get('/v1/reports/transparency')
      .query({ year: String(YEAR) })
      .expect(200);
    const expected = transparencyDataset(computeAnnualReport(events, { year: YEAR }), 3);
    expect(response.body).toEqual(expected);
    const published = [...expected.byMemberState, ...expected.byDestination, ...expected.byReportingCode];
    expect(published.some((row) => row.suppressed)).toBe(true);
    for (const row of published) {
      for (const count of [row.applications, row.granted, row.denied, row.suspensions]) {
        if (count !== null) expect(count === 0 || count >= 3).toBe(true);
      }
    }
  });

  it('refuses agencies (403), anonymous callers (401) and bad parameters (400 with details)', async () => {
    const agency = await h.token('frontex-analyst', null, ['agency']);
    await annual(agency, {}).expect(403);
    await h.http().get('/v1/reports/annual').query({ year: '2025' }).expect(401);
    for (const [query, field] of [
      [{ year: '1999' }, 'year'],
      [{ year: '2101' }, 'year'],
      [{ year: 'twenty' }, 'year'],
      [{ asOf: '2025-02-30' }, 'asOf'],
      [{ asOf: 'yesterday' }, 'asOf'],
      [{ format: 'pdf' }, 'format'],
      [{ memberState: 'XX' }, 'memberState'],
    ] as const) {
      const response = await annual(commission, query).expect(400);
      expect(response.body).toMatchObject({
        code: 'INVALID',
        details: expect.arrayContaining([expect.objectContaining({ field })]),
      });
    }
    const missing = await h.http().get('/v1/reports/transparency').expect(400);
    expect(missing.body.details).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'year' })]));
  });
});

describeWithPostgres('GET /v1/reports/annual on PostgreSQL: the same answers as the fold', () => {
  let database: TestDatabase;
  let h: LicensingHarness;
  let events: StoredEvent[];

  beforeAll(async () => {
    database = await createTestDatabase();
    h = await startLicensing(
      { STORE_KIND: 'postgres', DATABASE_URL: database.url },
      { startAt: new Date(Date.UTC(YEAR, 0, 1)) },
    );
    await seedActivity(h.app, h.clock, { applications: 150, year: YEAR, seed: 27 });
    await waitForProjections(h.app);
    events = await readWholeLog(h.app.get<EventStore>(EVENT_STORE));
    await waitForProjections(h.app);
  }, 600_000);

  afterAll(async () => {
    await h?.close();
    await database?.drop();
  });

  it('EU-wide, for one member state and as of an instant in the middle of the log', async () => {
    const commission = await h.token('commission-analyst', null, ['commission']);
    const asOf = new Date((events[Math.floor(events.length / 2)] as StoredEvent).recordedAt);
    for (const [query, options] of [
      [{}, { year: YEAR }],
      [{ memberState: 'DE' }, { year: YEAR, memberState: 'DE' }],
      [{ asOf: asOf.toISOString() }, { year: YEAR, asOf }],
    ] as const) {
      const response = await h
        .http()
        .get('/v1/reports/annual')
        .query({ year: String(YEAR), ...query })
        .set('authorization', `Bearer ${commission}`)
        .expect(200);
      expect(response.body).toEqual(computeAnnualReport(events, options));
    }
    expect(computeAnnualReport(events, { year: YEAR }).totals.applications).toBe(150);
  });
});
