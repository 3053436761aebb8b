import { refuse } from '../refusals';
import type { MemberStateCode } from '../reference/member-states';
import type {
  AnnualReport,
  CyberSurveillanceOutcome,
  CyberSurveillanceRow,
  ReportCountField,
  ReportFigures,
} from './annual-report';
import { REPORT_COUNT_FIELDS } from './annual-report';

/*
 * The public, aggregated dataset (Art 26: published figures must not identify an exporter).
 *
 * Primary suppression: a count below the threshold and above zero is published as null (zero is
 * published: it identifies nobody). What belongs to a suppressed count goes with it: the granted value
 * (in EUR, and the values apart for want of a rate) with the granted count, the denied value with the
 * denied count. Processing times are suppressed when
 * the row's decisions (granted + denied) are below the threshold and above zero.
 *
 * Secondary suppression, so a suppressed count cannot be recovered by subtraction from a total: within
 * a group of cells that add up to a published figure, when exactly one cell of a count column is
 * suppressed, the next smallest non-zero cell of that column in the group is suppressed too (its value
 * with it), and this is repeated until no group has a lone suppressed cell. The groups:
 * - every table as a whole (its rows add up to the totals: counts for member state, destination, kind
 *   and month; values, and counts of single-key cases, for the item tables);
 * - sub-categories of one category (they add up to the category row);
 * - reporting codes of one category (5EC1 + 5EC2 add up to category 5);
 * - cyber-surveillance rows of one control entry.
 * This is a simple rule, not an optimal suppression: it stops the subtraction of one cell from a total,
 * not every inference a reader could draw by combining several tables.
 */

/** A row's figures as published: suppressed cells are null and named in suppressedFields. */
export type TransparencyFigures = { readonly [F in keyof ReportFigures]: ReportFigures[F] | null } & {
  /** True when any cell of the row is suppressed. */
  readonly suppressed: boolean;
  readonly suppressedFields: readonly (keyof ReportFigures)[];
};

export interface TransparencyCyberRow {
  readonly controlEntry: string;
  readonly memberState: string;
  readonly destination: string;
  readonly outcome: CyberSurveillanceOutcome;
  readonly applications: number | null;
  readonly suppressed: boolean;
}

export interface TransparencyDataset {
  readonly year: number;
  readonly memberState: MemberStateCode | null;
  readonly asOf: string | null;
  readonly threshold: number;
  readonly totals: TransparencyFigures;
  readonly byMemberState: readonly ({ readonly memberState: string } & TransparencyFigures)[];
  readonly byDestination: readonly ({ readonly destination: string } & TransparencyFigures)[];
  readonly byCategory: readonly ({ readonly category: string } & TransparencyFigures)[];
  readonly bySubCategory: readonly ({ readonly subCategory: string } & TransparencyFigures)[];
  readonly byReportingCode: readonly ({ readonly reportingCode: string } & TransparencyFigures)[];
  readonly byLicenceKind: readonly ({ readonly kind: string } & TransparencyFigures)[];
  readonly byMonth: readonly ({ readonly month: string } & TransparencyFigures)[];
  readonly cyberSurveillance: readonly TransparencyCyberRow[];
}

/** The value fields that go with a count: the value in EUR and the values apart for want of a rate. */
const VALUE_OF: Partial<Record<ReportCountField, readonly (keyof ReportFigures)[]>> = {
  granted: ['grantedValueEur', 'grantedValuesWithoutEurRate'],
  denied: ['deniedValueEur', 'deniedValuesWithoutEurRate'],
};

/** The public dataset of a report; `threshold` defaults to the report's smallCellThreshold. */
export function transparencyDataset(
  report: AnnualReport,
  threshold: number = report.smallCellThreshold,
): TransparencyDataset {
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw refuse.invalid('small-cell-threshold', `threshold must be a positive whole number (got ${threshold})`);
  }
  const isSmall = (count: number): boolean => count > 0 && count < threshold;
  const totals = new CellRow(report.totals, isSmall);
  const byMemberState = report.byMemberState.map((row) => new CellRow(row, isSmall));
  const byDestination = report.byDestination.map((row) => new CellRow(row, isSmall));
  const byCategory = report.byCategory.map((row) => new CellRow(row, isSmall));
  const bySubCategory = report.bySubCategory.map((row) => new CellRow(row, isSmall));
  const byReportingCode = report.byReportingCode.map((row) => new CellRow(row, isSmall));
  const byLicenceKind = report.byLicenceKind.map((row) => new CellRow(row, isSmall));
  const byMonth = report.byMonth.map((row) => new CellRow(row, isSmall));
  const cyber = report.cyberSurveillance.map((row) => new CyberCell(row, isSmall));

  const groups: CellGroup[] = [
    ...[byMemberState, byDestination, byCategory, bySubCategory, byReportingCode, byLicenceKind, byMonth].map((rows) =>
      countGroups(rows),
    ),
    ...groupBy(report.bySubCategory, bySubCategory, (row) => row.subCategory.slice(0, 1)).map(countGroups),
    ...groupBy(report.byReportingCode, byReportingCode, (row) => row.reportingCode.slice(0, 1)).map(countGroups),
    ...groupBy(report.cyberSurveillance, cyber, (row) => row.controlEntry).map((cells) => [
      cells.map((cell) => cell.applications),
    ]),
  ].flat();
  suppressSecondary(groups);

  return {
    year: report.year,
    memberState: report.memberState,
    asOf: report.asOf,
    threshold,
    totals: totals.published(),
    byMemberState: report.byMemberState.map((row, index) => ({
      memberState: row.memberState,
      ...at(byMemberState, index).published(),
    })),
    byDestination: report.byDestination.map((row, index) => ({
      destination: row.destination,
      ...at(byDestination, index).published(),
    })),
    byCategory: report.byCategory.map((row, index) => ({
      category: row.category,
      ...at(byCategory, index).published(),
    })),
    bySubCategory: report.bySubCategory.map((row, index) => ({
      subCategory: row.subCategory,
      ...at(bySubCategory, index).published(),
    })),
    byReportingCode: report.byReportingCode.map((row, index) => ({
      reportingCode: row.reportingCode,
      ...at(byReportingCode, index).published(),
    })),
    byLicenceKind: report.byLicenceKind.map((row, index) => ({
      kind: row.kind,
      ...at(byLicenceKind, index).published(),
    })),
    byMonth: report.byMonth.map((row, index) => ({ month: row.month, ...at(byMonth, index).published() })),
    cyberSurveillance: report.cyberSurveillance.map((row, index) => {
      const cell = at(cyber, index).applications;
      return {
        controlEntry: row.controlEntry,
        memberState: row.memberState,
        destination: row.destination,
        outcome: row.outcome,
        applications: cell.suppressed ? null : cell.value,
        suppressed: cell.suppressed,
      };
    }),
  };
}

/** One count cell: its value and whether it is suppressed. */
interface Cell {
  readonly value: number;
  suppressed: boolean;
}

/** Cells of one count column that add up to a published figure. */
type CellGroup = readonly Cell[];

class CellRow {
  readonly cells: Record<ReportCountField, Cell>;
  private readonly decisionsSmall: boolean;

  constructor(
    private readonly figures: ReportFigures,
    isSmall: (count: number) => boolean,
  ) {
    const cells = {} as Record<ReportCountField, Cell>;
    for (const field of REPORT_COUNT_FIELDS) {
      cells[field] = { value: figures[field], suppressed: isSmall(figures[field]) };
    }
    this.cells = cells;
    this.decisionsSmall = isSmall(figures.granted + figures.denied);
  }

  published(): TransparencyFigures {
    const suppressed = new Set<keyof ReportFigures>();
    for (const field of REPORT_COUNT_FIELDS) {
      if (!this.cells[field].suppressed) continue;
      suppressed.add(field);
      for (const value of VALUE_OF[field] ?? []) suppressed.add(value);
    }
    if (this.decisionsSmall) {
      suppressed.add('processingDaysMedian');
      suppressed.add('processingDaysP90');
    }
    const published = {} as Record<keyof ReportFigures, ReportFigures[keyof ReportFigures] | null>;
    for (const field of FIGURE_FIELDS) published[field] = suppressed.has(field) ? null : this.figures[field];
    return {
      ...(published as { [F in keyof ReportFigures]: ReportFigures[F] | null }),
      suppressed: suppressed.size > 0,
      suppressedFields: FIGURE_FIELDS.filter((field) => suppressed.has(field)),
    };
  }
}

class CyberCell {
  readonly applications: Cell;

  constructor(row: CyberSurveillanceRow, isSmall: (count: number) => boolean) {
    this.applications = { value: row.applications, suppressed: isSmall(row.applications) };
  }
}

/** Every field of ReportFigures, in report order. */
const FIGURE_FIELDS: readonly (keyof ReportFigures)[] = [
  'applications',
  'granted',
  'grantedValueEur',
  'grantedValuesWithoutEurRate',
  'denied',
  'deniedValueEur',
  'deniedValuesWithoutEurRate',
  'itemsConvertedToEur',
  'itemsWithoutEurRate',
  'annulments',
  'suspensions',
  'revocations',
  'consultationsOpened',
  'consultationsObjected',
  'consultationsLapsed',
  'processingDaysMedian',
  'processingDaysP90',
];

/** One group per count column of the rows. */
function countGroups(rows: readonly CellRow[]): CellGroup[] {
  return REPORT_COUNT_FIELDS.map((field) => rows.map((row) => row.cells[field]));
}

function groupBy<R, C>(rows: readonly R[], cells: readonly C[], keyOf: (row: R) => string): C[][] {
  const groups = new Map<string, C[]>();
  rows.forEach((row, index) => {
    const key = keyOf(row);
    const group = groups.get(key) ?? [];
    group.push(at(cells, index));
    groups.set(key, group);
  });
  return [...groups.values()];
}

/** Until no group has exactly one suppressed cell, suppress the smallest non-zero other cell of such a group. */
function suppressSecondary(groups: readonly CellGroup[]): void {
  for (let changed = true; changed;) {
    changed = false;
    for (const group of groups) {
      if (group.filter((cell) => cell.suppressed).length !== 1) continue;
      const candidates = group.filter((cell) => !cell.suppressed && cell.value > 0);
      const smallest = candidates.reduce<Cell | undefined>(
        (best, cell) => (best === undefined || cell.value < best.value ? cell : best),
        undefined,
      );
      if (smallest === undefined) continue;
      smallest.suppressed = true;
      changed = true;
    }
  }
}

function at<T>(list: readonly T[], index: number): T {
  const item = list[index];
  if (item === undefined) throw new Error(`no row ${index}`);
  return item;
}
