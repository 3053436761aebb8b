import fc from 'fast-check';
import type { DecisionOutcome } from '../licensing/application.events';
import type { AnnualReport, ReportFigures, ReportNumberField } from './annual-report';
import { computeAnnualReport, REPORT_COUNT_FIELDS } from './annual-report';
import { by, content, item, ReportLog } from './testing/report-history';

const AUTHORITIES = ['DE', 'FR', 'IT', 'NL', 'FI'] as const;
const DESTINATIONS = ['US', 'CN', 'JP', 'BR', 'IN'] as const;
const ENTRIES = ['0C001', '1C350', '3A001.a.3', '4A005', '5A001.j', '5A002.a', '5D001.e', '9A117', 'ART4', 'ART5'];
const DAY = 86_400_000;
/** 1 December 2024: cases start in the month before the year and end after it. */
const START = Date.parse('2024-12-01T08:00:00Z');

const itemArb = fc.record({
  entry: fc.constantFrom(...ENTRIES),
  thousandths: fc.integer({ min: 0, max: 50_000_000 }),
  currency: fc.constantFrom('EUR', 'EUR', 'EUR', 'USD'),
});

const caseArb = fc.record({
  authority: fc.constantFrom(...AUTHORITIES),
  destination: fc.constantFrom(...DESTINATIONS),
  items: fc.array(itemArb, { minLength: 1, maxLength: 3 }),
  submittedDay: fc.integer({ min: 0, max: 420 }),
  submittedHour: fc.integer({ min: 0, max: 23 }),
  ending: fc.constantFrom<'PENDING' | 'WITHDRAW' | DecisionOutcome>('PENDING', 'WITHDRAW', 'GRANT', 'GRANT', 'DENY'),
  decisionDelay: fc.integer({ min: 1, max: 45 }),
  licenceEnding: fc.constantFrom('NONE', 'SUSPEND', 'REVOKE', 'ANNUL', 'SUSPEND_THEN_REVOKE'),
  consultation: fc.constantFrom('NONE', 'OPEN', 'OBJECTED', 'LAPSED'),
});

type CaseInput = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function build(cases: readonly CaseInput[]): ReportLog {
  const log = new ReportLog();
  cases.forEach((spec, index) => {
    const id = `P${index}`;
    const submitted = START + spec.submittedDay * DAY + spec.submittedHour * 3_600_000;
    const decidedAt = new Date(submitted + spec.decisionDelay * DAY).toISOString();
    const items = spec.items.map((generated) =>
      item(generated.entry, generated.thousandths / 1000, { currency: generated.currency }),
    );
    const isDecision = spec.ending === 'GRANT' || spec.ending === 'GRANT_WITH_CONDITIONS' || spec.ending === 'DENY';
    log.case({
      id,
      authority: spec.authority,
      content: content(spec.authority, spec.destination, items),
      submittedAt: new Date(submitted).toISOString(),
      decision: isDecision ? { outcome: spec.ending as DecisionOutcome, at: decidedAt } : undefined,
      withdrawnAt: spec.ending === 'WITHDRAW' ? decidedAt : undefined,
    });
    if (spec.consultation !== 'NONE') {
      const application = log.applicationState(id);
      const opened = new Date(submitted + DAY).toISOString();
      const { deadline } = log.openCatchAll(`ca-${id}`, spec.authority, application.content, opened, id);
      if (spec.consultation === 'OBJECTED') {
        const objector = spec.authority === 'DE' ? 'FR' : 'DE';
        log.consultation(`ca-${id}`, {
          type: 'ReplyToConsultation',
          data: { answer: 'OBJECT', reasons: 'known diversion risk' },
          metadata: by(objector, new Date(submitted + 2 * DAY)),
        });
      }
      if (spec.consultation !== 'OPEN') {
        log.consultation(`ca-${id}`, {
          type: 'LapseConsultationDeadline',
          data: {},
          metadata: by(undefined, deadline.endsAt, 'deadline-timer'),
        });
      }
    }
    if (spec.ending !== 'GRANT') return;
    log.issueLicence(id, `lic-${id}`, decidedAt);
    const later = (days: number) => by(spec.authority, new Date(Date.parse(decidedAt) + days * DAY));
    if (spec.licenceEnding === 'SUSPEND' || spec.licenceEnding === 'SUSPEND_THEN_REVOKE') {
      log.licence(`lic-${id}`, { type: 'SuspendLicence', data: { reason: 'investigation' }, metadata: later(20) });
    }
    if (spec.licenceEnding === 'REVOKE' || spec.licenceEnding === 'SUSPEND_THEN_REVOKE') {
      log.licence(`lic-${id}`, { type: 'RevokeLicence', data: { reason: 'diversion' }, metadata: later(40) });
    }
    if (spec.licenceEnding === 'ANNUL') {
      log.licence(`lic-${id}`, { type: 'AnnulLicence', data: { reason: 'false information' }, metadata: later(10) });
    }
  });
  return log;
}

const thousandths = (value: number) => Math.round(value * 1000);

function sumOf(rows: readonly ReportFigures[], field: ReportNumberField): number {
  return rows.reduce((sum, row) => sum + thousandths(row[field] ?? 0), 0) / 1000;
}

/** Tables whose rows partition the cases: every count and value adds up to the total. */
function partitions(report: AnnualReport): Record<string, readonly ReportFigures[]> {
  return {
    byMemberState: report.byMemberState,
    byDestination: report.byDestination,
    byLicenceKind: report.byLicenceKind,
    byMonth: report.byMonth,
  };
}

describe('computeAnnualReport (properties)', () => {
  it('totals equal the sum of the per-member-state rows (and of every other partition)', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 0, maxLength: 8 }), (cases) => {
        const report = computeAnnualReport(build(cases).events, { year: 2025 });
        for (const [, rows] of Object.entries(partitions(report))) {
          for (const field of [...REPORT_COUNT_FIELDS, 'grantedValueEur', 'deniedValueEur'] as const) {
            expect(sumOf(rows, field)).toBe(report.totals[field]);
          }
        }
        // Item tables: a case may count under several keys, but every item's value lands in exactly one.
        for (const rows of [report.byCategory, report.bySubCategory, report.byReportingCode]) {
          for (const field of [
            'grantedValueEur',
            'deniedValueEur',
            'itemsConvertedToEur',
            'itemsWithoutEurRate',
          ] as const) {
            expect(sumOf(rows, field)).toBe(report.totals[field]);
          }
          for (const field of REPORT_COUNT_FIELDS) {
            expect(sumOf(rows, field)).toBeGreaterThanOrEqual(report.totals[field]);
          }
        }
      }),
      { numRuns: 40 },
    );
  });

  it('each member state’s own report is its row of the EU-wide report', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 6 }), (cases) => {
        const events = build(cases).events;
        const eu = computeAnnualReport(events, { year: 2025 });
        for (const { memberState, ...row } of eu.byMemberState) {
          const own = computeAnnualReport(events, { year: 2025, memberState });
          expect(own.totals).toEqual(row);
          expect(own.cyberSurveillance).toEqual(eu.cyberSurveillance.filter((r) => r.memberState === memberState));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('as of any instant, is the report of the events recorded until then', () => {
    fc.assert(
      fc.property(fc.array(caseArb, { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 500 }), (cases, day) => {
        const events = build(cases).events;
        const asOf = new Date(START + day * DAY);
        const recorded = events.filter((event) => new Date(event.recordedAt).getTime() <= asOf.getTime());
        expect(computeAnnualReport(events, { year: 2025, asOf })).toEqual(
          computeAnnualReport(recorded, { year: 2025, asOf }),
        );
      }),
      { numRuns: 25 },
    );
  });

  it('never adds a non-EUR value into a EUR total: without a rate, the EUR figures ignore every other currency', () => {
    fc.assert(
      fc.property(
        fc.array(caseArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 1000 }),
        (cases, factor) => {
          const report = computeAnnualReport(build(cases).events, { year: 2025 });
          // The same cases with every non-EUR value changed: no EUR figure may move.
          const changed = cases.map((spec) => ({
            ...spec,
            items: spec.items.map((generated) =>
              generated.currency === 'EUR'
                ? generated
                : // Another value within the generator's range (a product could pass the domain's maximum).
                  { ...generated, thousandths: (generated.thousandths + factor * 7_919) % 50_000_001 },
            ),
          }));
          const other = computeAnnualReport(build(changed).events, { year: 2025 });
          const eurFigures = (of: AnnualReport) =>
            [[of.totals], of.byMemberState, of.byReportingCode].map((rows) =>
              rows.map((row) => [row.grantedValueEur, row.deniedValueEur]),
            );
          expect(eurFigures(other)).toEqual(eurFigures(report));
          // And the values apart are exactly the non-EUR values decided in the year.
          const apart = [...report.totals.grantedValuesWithoutEurRate, ...report.totals.deniedValuesWithoutEurRate];
          expect(apart.every((amount) => amount.currency !== 'EUR')).toBe(true);
          expect(report.totals.itemsConvertedToEur).toBe(0);
        },
      ),
      { numRuns: 30 },
    );
  });
});
