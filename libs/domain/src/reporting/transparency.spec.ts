import { EMPTY_GENERAL_AUTHORISATION_REPORT } from '../general-authorisations/general-authorisation-report';
import fc from 'fast-check';
import type { AnnualReport, ReportFigures } from './annual-report';
import { REPORT_COUNT_FIELDS } from './annual-report';
import { transparencyDataset } from './transparency';

const NO_FIGURES: ReportFigures = {
  applications: 0,
  granted: 0,
  grantedValueEur: 0,
  denied: 0,
  deniedValueEur: 0,
  grantedValuesWithoutEurRate: [],
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

function reportWith(overrides: Partial<AnnualReport>): AnnualReport {
  return {
    year: 2025,
    memberState: null,
    asOf: null,
    smallCellThreshold: 3,
    totals: NO_FIGURES,
    byMemberState: [],
    byDestination: [],
    byCategory: [],
    bySubCategory: [],
    byReportingCode: [],
    byLicenceKind: [],
    byMonth: [],
    cyberSurveillance: [],
    generalAuthorisations: EMPTY_GENERAL_AUTHORISATION_REPORT,
    ...overrides,
  };
}

describe('transparencyDataset', () => {
  it('publishes a count below the threshold as null, marked suppressed, and zero and larger counts as they are', () => {
    const dataset = transparencyDataset(
      reportWith({
        totals: figures({ applications: 40, granted: 2, grantedValueEur: 1_500_000, denied: 0, annulments: 3 }),
      }),
    );
    expect(dataset.totals).toMatchObject({
      applications: 40,
      granted: null,
      grantedValueEur: null,
      // The values apart for want of an EUR rate go with the count, as the EUR value does.
      grantedValuesWithoutEurRate: null,
      denied: 0,
      deniedValueEur: 0,
      annulments: 3,
      suppressed: true,
      // Two decisions: their processing times would identify them too.
      suppressedFields: [
        'granted',
        'grantedValueEur',
        'grantedValuesWithoutEurRate',
        'processingDaysMedian',
        'processingDaysP90',
      ],
    });
  });

  it('suppresses processing times when the row has fewer decisions than the threshold', () => {
    const dataset = transparencyDataset(
      reportWith({
        byMemberState: [
          { memberState: 'MT', ...figures({ granted: 1, denied: 1, processingDaysMedian: 4, processingDaysP90: 9 }) },
          { memberState: 'NL', ...figures({ granted: 2, denied: 1, processingDaysMedian: 5, processingDaysP90: 8 }) },
        ],
      }),
    );
    const [mt, nl] = dataset.byMemberState;
    expect(mt).toMatchObject({ processingDaysMedian: null, processingDaysP90: null });
    // NL's two grants are suppressed, but three decisions identify no one.
    expect(nl).toMatchObject({ granted: null, denied: null, processingDaysMedian: 5, processingDaysP90: 8 });
  });

  it('a row without suppressed cells is marked unsuppressed', () => {
    const dataset = transparencyDataset(reportWith({ totals: figures({ applications: 12, granted: 5 }) }));
    expect(dataset.totals).toMatchObject({ suppressed: false, suppressedFields: [] });
  });

  it('suppresses the next smallest cell of a column when only one is suppressed, so the total does not give it away', () => {
    const dataset = transparencyDataset(
      reportWith({
        totals: figures({ denied: 14, deniedValueEur: 1400 }),
        byMemberState: [
          { memberState: 'DE', ...figures({ denied: 2, deniedValueEur: 200 }) },
          { memberState: 'FR', ...figures({ denied: 5, deniedValueEur: 500 }) },
          { memberState: 'IT', ...figures({ denied: 7, deniedValueEur: 700 }) },
          { memberState: 'NL', ...figures({ denied: 0 }) },
        ],
      }),
    );
    expect(dataset.byMemberState.map((row) => [row.memberState, row.denied, row.deniedValueEur])).toEqual([
      ['DE', null, null],
      ['FR', null, null],
      ['IT', 7, 700],
      ['NL', 0, 0],
    ]);
    expect(dataset.totals.denied).toBe(14);
  });

  it('adds no secondary suppression when two cells of a column are already suppressed', () => {
    const dataset = transparencyDataset(
      reportWith({
        byDestination: [
          { destination: 'CN', ...figures({ granted: 1 }) },
          { destination: 'JP', ...figures({ granted: 2 }) },
          { destination: 'US', ...figures({ granted: 9 }) },
        ],
      }),
    );
    expect(dataset.byDestination.map((row) => row.granted)).toEqual([null, null, 9]);
  });

  it('suppresses within the sub-categories of one category, which add up to the category row', () => {
    const dataset = transparencyDataset(
      reportWith({
        bySubCategory: [
          { subCategory: '3A', ...figures({ granted: 4 }) },
          { subCategory: '5A', ...figures({ granted: 2 }) },
          { subCategory: '5D', ...figures({ granted: 6 }) },
          { subCategory: '9A', ...figures({ granted: 5 }) },
        ],
      }),
    );
    // Table-wide, 3A (4) is the next smallest; within category 5, 5D must go too.
    expect(dataset.bySubCategory.map((row) => [row.subCategory, row.granted])).toEqual([
      ['3A', null],
      ['5A', null],
      ['5D', null],
      ['9A', 5],
    ]);
  });

  it('suppresses within the cyber-surveillance rows of one control entry', () => {
    const dataset = transparencyDataset(
      reportWith({
        cyberSurveillance: [
          { controlEntry: '4A005', memberState: 'DE', destination: 'CN', outcome: 'DENIED', applications: 1 },
          { controlEntry: '4A005', memberState: 'DE', destination: 'US', outcome: 'GRANTED', applications: 8 },
          { controlEntry: '4A005', memberState: 'FR', destination: 'US', outcome: 'GRANTED', applications: 4 },
          { controlEntry: '5A001.j', memberState: 'IT', destination: 'IN', outcome: 'GRANTED', applications: 6 },
        ],
      }),
    );
    expect(dataset.cyberSurveillance.map((row) => [row.applications, row.suppressed])).toEqual([
      [null, true],
      [8, false],
      [null, true],
      [6, false],
    ]);
  });

  it('uses the report’s threshold unless given one, and refuses a threshold below one', () => {
    const report = reportWith({ smallCellThreshold: 5, totals: figures({ applications: 4 }) });
    expect(transparencyDataset(report).totals.applications).toBeNull();
    expect(transparencyDataset(report, 3).totals.applications).toBe(4);
    expect(transparencyDataset(report, 3).threshold).toBe(3);
    expect(() => transparencyDataset(report, 0)).toThrow(/positive/);
  });

  it('never publishes a count below the threshold, and never leaves a lone suppressed cell in a table column', () => {
    const rowArb = fc.record(
      Object.fromEntries(REPORT_COUNT_FIELDS.map((field) => [field, fc.integer({ min: 0, max: 12 })])) as Record<
        (typeof REPORT_COUNT_FIELDS)[number],
        fc.Arbitrary<number>
      >,
    );
    fc.assert(
      fc.property(
        fc.array(rowArb, { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 6 }),
        (rows, threshold) => {
          const byMemberState = rows.map((row, index) => ({
            memberState: `M${index}`,
            ...figures({ ...row, grantedValueEur: row.granted * 10 }),
          }));
          const dataset = transparencyDataset(reportWith({ byMemberState }), threshold);
          for (const field of REPORT_COUNT_FIELDS) {
            const column = dataset.byMemberState.map((row) => row[field]);
            for (const cell of column) expect(cell === null || cell === 0 || cell >= threshold).toBe(true);
            const suppressed = column.filter((cell) => cell === null).length;
            const nonZero = byMemberState.filter((row) => row[field] > 0).length;
            // One suppressed cell alone is only left when nothing else in the column could hide it.
            if (suppressed === 1) expect(nonZero).toBe(1);
          }
          dataset.byMemberState.forEach((row) => {
            expect(row.grantedValueEur === null).toBe(row.granted === null);
          });
        },
      ),
      { numRuns: 200 },
    );
  });
});
