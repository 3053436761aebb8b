import { workingDaysBetween } from '../calendar/working-days';
import type { AnnualReport, ReportFigures } from './annual-report';
import { computeAnnualReport, nearestRank } from './annual-report';
import { by, content, item, ReportLog } from './testing/report-history';

const NO_FIGURES: ReportFigures = {
  applications: 0,
  granted: 0,
  grantedValueEur: 0,
  grantedValuesWithoutEurRate: [],
  denied: 0,
  deniedValueEur: 0,
  deniedValuesWithoutEurRate: [],
  itemsConvertedToEur: 0,
  itemsWithoutEurRate: 0,
  annulments: 0,
  suspensions: 0,
  revocations: 0,
  consultationsOpened: 0,
  consultationsObjected: 0,
  consultationsLapsed: 0,
  processingDaysMedian: null,
  processingDaysP90: null,
};

const figures = (partial: Partial<ReportFigures>): ReportFigures => ({ ...NO_FIGURES, ...partial });

/*
 * Six applications of two authorities across 2024-2026, with their licences and consultations:
 *
 *   F  DE -> US  0C001 400000            submitted 2024-12-30, granted 2025-01-08 (6 DE working days:
 *                                         1 January is a holiday), licence annulled 2025-02-10
 *   E  FR -> BR  5A001.j 30000            submitted 2025-02-03, withdrawn 2025-02-20
 *   B  DE -> CN  4A005 80000 (in FR)      submitted 2025-03-03, Art 14 objection by FR 2025-03-07,
 *                                         denied 2025-03-17 (10 working days)
 *   A  DE -> JP  5A001.j 250000,          submitted 2025-04-14, Art 14 no objection, granted with
 *                5A002.a 1000.5 (in FR)   conditions 2025-04-24 (6 working days: Good Friday and
 *                                         Easter Monday), licence suspended 2025-05-05, revoked 2025-06-02
 *   D  FR -> US  ART5 catch-all 5000 USD  submitted 2025-07-10, granted 2025-07-16 (3 FR working
 *                                         days: 14 July), licence suspended 2026-02-02
 *   -  FR catch-all consultation about D's transaction, no application, opened 2025-09-01, lapsed
 *   C  DE -> US  3A001.a.3 12000,         submitted 2025-12-19, granted 2026-01-02
 *                4D004 5000
 */
function history(): ReportLog {
  const log = new ReportLog();
  log.case({
    id: 'F',
    authority: 'DE',
    content: content('DE', 'US', [item('0C001', 400000)]),
    submittedAt: '2024-12-30T09:00:00Z',
    decision: { outcome: 'GRANT', at: '2025-01-08T09:00:00Z' },
  });
  log.issueLicence('F', 'lic-F', '2025-01-08T10:00:00Z');
  log.licence('lic-F', {
    type: 'AnnulLicence',
    data: { reason: 'issued on false information' },
    metadata: by('DE', '2025-02-10T09:00:00Z'),
  });

  log.case({
    id: 'E',
    authority: 'FR',
    content: content('FR', 'BR', [item('5A001.j', 30000)]),
    submittedAt: '2025-02-03T09:00:00Z',
    withdrawnAt: '2025-02-20T09:00:00Z',
  });

  log.case({
    id: 'B',
    authority: 'DE',
    content: content('DE', 'CN', [item('4A005', 80000, { memberStateWhereLocated: 'FR' })]),
    submittedAt: '2025-03-03T09:00:00Z',
  });
  const art14B = log.openArt14('B', 'FR', '2025-03-05T09:00:00Z');
  log.consultation(art14B, {
    type: 'ReplyToConsultation',
    data: { answer: 'OBJECTION', reasons: 'end user linked to surveillance of journalists' },
    metadata: by('FR', '2025-03-07T09:00:00Z'),
  });
  decide(log, 'B', 'DE', 'DENY', '2025-03-17T09:00:00Z');

  log.case({
    id: 'A',
    authority: 'DE',
    content: content('DE', 'JP', [item('5A001.j', 250000), item('5A002.a', 1000.5, { memberStateWhereLocated: 'FR' })]),
    submittedAt: '2025-04-14T09:00:00Z',
  });
  const art14A = log.openArt14('A', 'FR', '2025-04-15T09:00:00Z');
  log.consultation(art14A, {
    type: 'ReplyToConsultation',
    data: { answer: 'NO_OBJECTION' },
    metadata: by('FR', '2025-04-16T09:00:00Z'),
  });
  decide(log, 'A', 'DE', 'GRANT_WITH_CONDITIONS', '2025-04-24T09:00:00Z');
  log.issueLicence('A', 'lic-A', '2025-04-24T10:00:00Z');
  log.licence('lic-A', {
    type: 'SuspendLicence',
    data: { reason: 'end user under investigation', grounds: ['HUMAN_RIGHTS'] },
    metadata: by('DE', '2025-05-05T09:00:00Z'),
  });
  log.licence('lic-A', {
    type: 'RevokeLicence',
    data: { reason: 'diversion established', grounds: ['END_USE_AND_DIVERSION'] },
    metadata: by('DE', '2025-06-02T09:00:00Z'),
  });

  const d = log.case({
    id: 'D',
    authority: 'FR',
    content: content('FR', 'US', [item('ART5', 5000, { currency: 'USD' })]),
    submittedAt: '2025-07-10T09:00:00Z',
    decision: { outcome: 'GRANT', at: '2025-07-16T09:00:00Z' },
  });
  log.issueLicence('D', 'lic-D', '2025-07-16T10:00:00Z');

  const catchAll = log.openCatchAll('catch-all-fr-1', 'FR', d.content, '2025-09-01T09:00:00Z');
  log.consultation('catch-all-fr-1', {
    type: 'LapseConsultationDeadline',
    data: {},
    metadata: by(undefined, catchAll.deadline.endsAt, 'deadline-timer'),
  });

  log.case({
    id: 'C',
    authority: 'DE',
    content: content('DE', 'US', [item('3A001.a.3', 12000), item('4D004', 5000)]),
    submittedAt: '2025-12-19T09:00:00Z',
    decision: { outcome: 'GRANT', at: '2026-01-02T09:00:00Z' },
  });
  log.licence('lic-D', {
    type: 'SuspendLicence',
    data: { reason: 'end user under investigation' },
    metadata: by('FR', '2026-02-02T09:00:00Z'),
  });
  return log;
}

/** Proposes and issues a decision on an application already under assessment. */
function decide(
  log: ReportLog,
  id: string,
  authority: 'DE' | 'FR',
  outcome: 'GRANT_WITH_CONDITIONS' | 'DENY',
  at: string,
) {
  const art15Grounds = outcome === 'DENY' ? (['HUMAN_RIGHTS'] as const) : [];
  const conditions = outcome === 'DENY' ? [] : ['no re-export'];
  log.application(id, {
    type: 'ProposeDecision',
    data: { outcome, art15Grounds, conditions },
    metadata: by(authority, new Date(Date.parse(at) - 60_000), `anna@${authority}`),
  });
  log.application(id, {
    type: 'IssueDecision',
    data: { outcome, art15Grounds, conditions, consultations: { blockingOpen: 0, bindingObjection: false } },
    metadata: by(authority, at, `boss@${authority}`),
  });
}

describe('computeAnnualReport', () => {
  const log = history();
  const report: AnnualReport = computeAnnualReport(log.events, { year: 2025 });

  it('counts the EU-wide totals: received by submission date, decided by decision date', () => {
    expect(report.totals).toEqual(
      figures({
        applications: 5,
        granted: 3,
        // The USD 5000 of case D has no rate recorded: apart, never in the EUR total.
        grantedValueEur: 651000.5,
        grantedValuesWithoutEurRate: [{ currency: 'USD', amount: 5000 }],
        itemsWithoutEurRate: 1,
        denied: 1,
        deniedValueEur: 80000,
        annulments: 1,
        suspensions: 1,
        revocations: 1,
        consultationsOpened: 3,
        consultationsObjected: 1,
        consultationsLapsed: 1,
        processingDaysMedian: 6,
        processingDaysP90: 10,
      }),
    );
    expect(report).toMatchObject({ year: 2025, memberState: null, asOf: null, smallCellThreshold: 3 });
  });

  it('splits the figures by member state, each authority its own cases, licences and consultations', () => {
    expect(report.byMemberState).toEqual([
      {
        memberState: 'DE',
        ...figures({
          applications: 3,
          granted: 2,
          grantedValueEur: 651000.5,
          denied: 1,
          deniedValueEur: 80000,
          annulments: 1,
          suspensions: 1,
          revocations: 1,
          consultationsOpened: 2,
          consultationsObjected: 1,
          processingDaysMedian: 6,
          processingDaysP90: 10,
        }),
      },
      {
        memberState: 'FR',
        ...figures({
          applications: 2,
          granted: 1,
          grantedValueEur: 0,
          grantedValuesWithoutEurRate: [{ currency: 'USD', amount: 5000 }],
          itemsWithoutEurRate: 1,
          consultationsOpened: 1,
          consultationsLapsed: 1,
          processingDaysMedian: 3,
          processingDaysP90: 3,
        }),
      },
    ]);
  });

  it('splits the figures by destination, sorted by country code', () => {
    expect(report.byDestination.map((row) => row.destination)).toEqual(['BR', 'CN', 'JP', 'US']);
    expect(report.byDestination.find((row) => row.destination === 'US')).toEqual({
      destination: 'US',
      ...figures({
        applications: 2,
        granted: 2,
        grantedValueEur: 400000,
        grantedValuesWithoutEurRate: [{ currency: 'USD', amount: 5000 }],
        itemsWithoutEurRate: 1,
        annulments: 1,
        consultationsOpened: 1,
        consultationsLapsed: 1,
        processingDaysMedian: 3,
        processingDaysP90: 6,
      }),
    });
  });

  it('splits by reporting code: a case counts once under every code of its items, with those items’ value', () => {
    expect(report.byReportingCode).toEqual([
      {
        reportingCode: '0EC1',
        ...figures({
          granted: 1,
          grantedValueEur: 400000,
          annulments: 1,
          processingDaysMedian: 6,
          processingDaysP90: 6,
        }),
      },
      { reportingCode: '3EC1', ...figures({ applications: 1 }) },
      {
        reportingCode: '4EC1',
        ...figures({
          applications: 2,
          denied: 1,
          deniedValueEur: 80000,
          consultationsOpened: 1,
          consultationsObjected: 1,
          processingDaysMedian: 10,
          processingDaysP90: 10,
        }),
      },
      {
        reportingCode: '5EC1',
        ...figures({
          applications: 2,
          granted: 1,
          grantedValueEur: 250000,
          suspensions: 1,
          revocations: 1,
          consultationsOpened: 1,
          processingDaysMedian: 6,
          processingDaysP90: 6,
        }),
      },
      {
        reportingCode: '5EC2',
        ...figures({
          applications: 1,
          granted: 1,
          grantedValueEur: 1000.5,
          suspensions: 1,
          revocations: 1,
          consultationsOpened: 1,
          processingDaysMedian: 6,
          processingDaysP90: 6,
        }),
      },
      {
        reportingCode: 'CATCH_ALL',
        ...figures({
          applications: 1,
          granted: 1,
          grantedValueEur: 0,
          grantedValuesWithoutEurRate: [{ currency: 'USD', amount: 5000 }],
          itemsWithoutEurRate: 1,
          consultationsOpened: 1,
          consultationsLapsed: 1,
          processingDaysMedian: 3,
          processingDaysP90: 3,
        }),
      },
    ]);
    const sumOfCodes = report.byReportingCode.reduce((sum, row) => sum + row.grantedValueEur, 0);
    expect(sumOfCodes).toBe(report.totals.grantedValueEur);
  });

  it('splits by Annex I category and sub-category', () => {
    expect(report.byCategory.map((row) => [row.category, row.applications, row.granted])).toEqual([
      ['0', 0, 1],
      ['3', 1, 0],
      ['4', 2, 0],
      ['5', 2, 1],
      ['CATCH_ALL', 1, 1],
    ]);
    expect(report.bySubCategory.map((row) => row.subCategory)).toEqual(['0C', '3A', '4A', '4D', '5A', 'CATCH_ALL']);
    expect(report.bySubCategory.find((row) => row.subCategory === '5A')?.grantedValueEur).toBe(251000.5);
  });

  it('splits by licence kind; a consultation about no application is kind NONE', () => {
    expect(report.byLicenceKind.map((row) => [row.kind, row.applications, row.consultationsOpened])).toEqual([
      ['INDIVIDUAL', 5, 2],
      ['NONE', 0, 1],
    ]);
  });

  it('has the twelve months, with received applications by month of submission', () => {
    expect(report.byMonth.map((row) => row.month)).toEqual([
      '2025-01',
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-05',
      '2025-06',
      '2025-07',
      '2025-08',
      '2025-09',
      '2025-10',
      '2025-11',
      '2025-12',
    ]);
    expect(report.byMonth.map((row) => row.applications)).toEqual([0, 1, 1, 1, 0, 0, 1, 0, 0, 0, 0, 1]);
    expect(report.byMonth.map((row) => row.granted)).toEqual([1, 0, 0, 1, 0, 0, 1, 0, 0, 0, 0, 0]);
    expect(report.byMonth[8]).toMatchObject({ consultationsOpened: 1, consultationsLapsed: 1 });
  });

  it('counts processing time in working days of the authority, skipping its public holidays', () => {
    // A: Monday 14 April to Thursday 24 April 2025 is 8 weekdays, less Good Friday and Easter Monday.
    expect(workingDaysBetween(new Date('2025-04-14T09:00:00Z'), new Date('2025-04-24T09:00:00Z'), 'DE')).toBe(6);
    const onlyA = computeAnnualReport(
      log.events.filter((event) => !['application-B', 'application-F'].includes(event.streamId)),
      { year: 2025, memberState: 'DE' },
    );
    expect(onlyA.totals).toMatchObject({ granted: 1, processingDaysMedian: 6, processingDaysP90: 6 });
    // C: 19 December 2025 to 2 January 2026 in DE: Christmas Day, St Stephen's Day and New Year's Day are off.
    const next = computeAnnualReport(log.events, { year: 2026 });
    expect(next.totals).toEqual(
      figures({
        granted: 1,
        grantedValueEur: 17000,
        suspensions: 1,
        processingDaysMedian: 7,
        processingDaysP90: 7,
      }),
    );
    // D (FR): Thursday 10 to Wednesday 16 July 2025, 14 July is Bastille Day.
    expect(report.byMemberState.find((row) => row.memberState === 'FR')?.processingDaysMedian).toBe(3);
  });

  it('lists the cyber-surveillance applications received, per entry, authority, destination and outcome', () => {
    expect(report.cyberSurveillance).toEqual([
      { controlEntry: '4A005', memberState: 'DE', destination: 'CN', outcome: 'DENIED', applications: 1 },
      { controlEntry: '4D004', memberState: 'DE', destination: 'US', outcome: 'GRANTED', applications: 1 },
      { controlEntry: '5A001.j', memberState: 'DE', destination: 'JP', outcome: 'GRANTED', applications: 1 },
      { controlEntry: '5A001.j', memberState: 'FR', destination: 'BR', outcome: 'WITHDRAWN', applications: 1 },
      { controlEntry: 'CATCH_ALL:ART5', memberState: 'FR', destination: 'US', outcome: 'GRANTED', applications: 1 },
    ]);
  });

  it('as of an instant, ignores every event recorded after it', () => {
    const early = computeAnnualReport(log.events, { year: 2025, asOf: new Date('2025-06-01T00:00:00Z') });
    expect(early.asOf).toBe('2025-06-01T00:00:00.000Z');
    expect(early.totals).toEqual(
      figures({
        applications: 3,
        granted: 2,
        grantedValueEur: 651000.5,
        denied: 1,
        deniedValueEur: 80000,
        annulments: 1,
        suspensions: 1,
        consultationsOpened: 2,
        consultationsObjected: 1,
        processingDaysMedian: 6,
        processingDaysP90: 10,
      }),
    );
    const yearEnd = computeAnnualReport(log.events, { year: 2025, asOf: new Date('2025-12-31T23:00:00Z') });
    expect(yearEnd.cyberSurveillance.find((row) => row.controlEntry === '4D004')?.outcome).toBe('PENDING');
    expect(yearEnd.totals.granted).toBe(3);
  });

  it('as of the last event recorded, is the report of the whole log', () => {
    expect(computeAnnualReport(log.events, { year: 2025, asOf: new Date('2026-12-31T00:00:00Z') })).toEqual({
      ...report,
      asOf: '2026-12-31T00:00:00.000Z',
    });
  });

  it('for one member state, keeps only its own figures', () => {
    const fr = computeAnnualReport(log.events, { year: 2025, memberState: 'fr' });
    const { memberState: _, ...frRow } = report.byMemberState.find((row) => row.memberState === 'FR')!;
    expect(fr.memberState).toBe('FR');
    expect(fr.totals).toEqual(frRow);
    expect(fr.byMemberState).toEqual([{ memberState: 'FR', ...frRow }]);
    expect(fr.cyberSurveillance.every((row) => row.memberState === 'FR')).toBe(true);
    expect(fr.byLicenceKind.map((row) => row.kind)).toEqual(['INDIVIDUAL', 'NONE']);
  });

  it('reports what the caseworker classified, not what the application said', () => {
    const reclassified = new ReportLog();
    reclassified.case({
      id: 'R',
      authority: 'DE',
      content: content('DE', 'US', [item('5A001.j', 1000)]),
      submittedAt: '2025-05-05T09:00:00Z',
    });
    reclassified.application('R', {
      type: 'ClassifyItem',
      data: { itemIndex: 0, classification: { kind: 'LISTED', controlEntry: '5A002.a' } },
      metadata: by('DE', '2025-05-06T09:00:00Z', 'anna@DE'),
    });
    const result = computeAnnualReport(reclassified.events, { year: 2025 });
    expect(result.byReportingCode.map((row) => row.reportingCode)).toEqual(['5EC2']);
    expect(result.cyberSurveillance).toEqual([]);
  });

  it('ignores events it does not report on and events of streams that never started', () => {
    const noise = [
      { type: 'DenialNotified', data: {}, streamId: 'denial-1', recordedAt: '2025-03-01T00:00:00Z' },
      {
        type: 'LicenceSuspended',
        data: { suspendedAt: '2025-03-01T00:00:00Z' },
        streamId: 'licence-x',
        recordedAt: '2025-03-01T00:00:00Z',
      },
      {
        type: 'DecisionIssued',
        data: { outcome: 'GRANT' },
        streamId: 'application-x',
        recordedAt: '2025-03-01T00:00:00Z',
      },
    ];
    expect(computeAnnualReport([...noise, ...log.events], { year: 2025 })).toEqual(report);
  });

  it('is the same whatever the order in which values are added (sums in thousandths)', () => {
    const values = new ReportLog();
    for (const [index, value] of [0.1, 0.2, 0.3].entries()) {
      values.case({
        id: `V${index}`,
        authority: 'DE',
        content: content('DE', 'US', [item('1C350', value)]),
        submittedAt: '2025-05-05T09:00:00Z',
        decision: { outcome: 'GRANT', at: '2025-05-06T09:00:00Z' },
      });
    }
    expect(computeAnnualReport(values.events, { year: 2025 }).totals.grantedValueEur).toBe(0.6);
  });

  it('refuses a malformed year, member state or threshold', () => {
    expect(() => computeAnnualReport([], { year: 25 })).toThrow(/four-digit/);
    expect(() => computeAnnualReport([], { year: 2025, memberState: 'UK' })).toThrow(/not an EU member state/);
    expect(() => computeAnnualReport([], { year: 2025, smallCellThreshold: 0 })).toThrow(/positive/);
  });

  it('for an empty log, has zero totals and twelve empty months', () => {
    const empty = computeAnnualReport([], { year: 2025 });
    expect(empty.totals).toEqual(NO_FIGURES);
    expect(empty.byMonth).toHaveLength(12);
    expect(empty.byMemberState).toEqual([]);
  });
});

describe('nearestRank', () => {
  it('takes the ceil(p * n)-th smallest value', () => {
    expect(nearestRank([], 0.5)).toBeNull();
    expect(nearestRank([7], 0.9)).toBe(7);
    expect(nearestRank([1, 2, 3, 4], 0.5)).toBe(2);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(nearestRank([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 0.9)).toBe(10);
  });
});
