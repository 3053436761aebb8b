import type {
  AnnualReport,
  CurrencyAmount,
  CyberSurveillanceRow,
  GeneralAuthorisationReport,
  ReportFigures,
} from '@dul/domain';
import { MEMBER_STATES, reportingCodeLabel, valuesApartText } from '@dul/domain';

/*
 * Pure renderers of the annual report: CSV (RFC 4180) and one self-contained HTML page. The page has
 * no scripts and loads nothing (inline CSS, inline SVG without an xmlns URL, system fonts), so it can
 * be mailed, archived or opened offline. Every text that comes from the report is escaped.
 *
 * Charts are SVG bar charts; every bar is a <rect class="bar"> with data-key and data-value (the
 * exact figure), so a browser test can check the bars were drawn. A bar of a non-zero value is at
 * least one pixel long; a zero value is drawn as a zero-length bar so the chart keeps one bar per row.
 */

// ---- CSV ----

/** The columns of every figures table, in order. */
const FIGURE_COLUMNS: readonly (keyof ReportFigures)[] = [
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

type Cell = string | number | null;

interface Section {
  readonly name: string;
  readonly header: readonly string[];
  readonly rows: readonly (readonly Cell[])[];
}

/**
 * The report as CSV (RFC 4180: CRLF line ends, fields with a comma, quote or line break quoted, quotes
 * doubled). One section per table: a `section,<name>` record, the header record, the data records,
 * then an empty line. Empty fields are figures that do not exist (a median without decisions).
 */
export function toCsv(report: AnnualReport): string {
  return sectionsOf(report)
    .map((section) =>
      [['section', section.name], section.header, ...section.rows].map((record) => csvRecord(record) + '\r\n').join(''),
    )
    .join('\r\n');
}

function sectionsOf(report: AnnualReport): Section[] {
  // Values apart for want of a rate are one text field: `USD 1200.5; CHF 30`.
  const figuresOf = (row: ReportFigures): Cell[] =>
    FIGURE_COLUMNS.map((column) => {
      const figure = row[column];
      return Array.isArray(figure) ? valuesApartText(figure as readonly CurrencyAmount[]) : (figure as Cell);
    });
  const table = <R extends ReportFigures>(name: string, keys: readonly (keyof R & string)[], rows: readonly R[]) => ({
    name,
    header: [...keys, ...FIGURE_COLUMNS],
    rows: rows.map((row) => [...keys.map((key) => row[key] as Cell), ...figuresOf(row)]),
  });
  return [
    {
      name: 'report',
      header: ['year', 'scope', 'asOf', 'smallCellThreshold'],
      rows: [[report.year, report.memberState ?? 'EU', report.asOf, report.smallCellThreshold]],
    },
    { name: 'totals', header: [...FIGURE_COLUMNS], rows: [figuresOf(report.totals)] },
    table('byMemberState', ['memberState'], report.byMemberState),
    table('byDestination', ['destination'], report.byDestination),
    table('byCategory', ['category'], report.byCategory),
    table('bySubCategory', ['subCategory'], report.bySubCategory),
    {
      name: 'byReportingCode',
      header: ['reportingCode', 'label', ...FIGURE_COLUMNS],
      rows: report.byReportingCode.map((row) => [
        row.reportingCode,
        reportingCodeLabel(row.reportingCode),
        ...figuresOf(row),
      ]),
    },
    table('byLicenceKind', ['kind'], report.byLicenceKind),
    table('byMonth', ['month'], report.byMonth),
    {
      name: 'cyberSurveillance',
      header: ['controlEntry', 'memberState', 'destination', 'outcome', 'applications'],
      rows: report.cyberSurveillance.map((row) => [
        row.controlEntry,
        row.memberState,
        row.destination,
        row.outcome,
        row.applications,
      ]),
    },
    ...generalAuthorisationSections(report.generalAuthorisations),
  ];
}

/** Sections 5.2, 5.3 and 8 of Rec. (EU) 2024/214: general-authorisation users, their use, administration. */
function generalAuthorisationSections(sections: GeneralAuthorisationReport): Section[] {
  const useColumns = ['uses', 'valueEur', 'otherCurrencyItems'] as const;
  return [
    {
      name: 'generalAuthorisationUsers',
      header: ['authorisation', 'memberState', 'registeredUsers', 'suspendedUsers', 'newInYear'],
      rows: sections.registeredUsers.map((row) => [
        row.authorisation,
        row.memberState,
        row.registeredUsers,
        row.suspendedUsers,
        row.newInYear,
      ]),
    },
    {
      name: 'generalAuthorisationUsesByDestination',
      header: ['authorisation', 'memberState', 'destination', ...useColumns],
      rows: sections.usesByDestination.map((row) => [
        row.authorisation,
        row.memberState,
        row.destination,
        ...useColumns.map((column) => row[column]),
      ]),
    },
    {
      name: 'generalAuthorisationUsesByReportingCode',
      header: ['authorisation', 'memberState', 'reportingCode', ...useColumns],
      rows: sections.usesByReportingCode.map((row) => [
        row.authorisation,
        row.memberState,
        row.reportingCode,
        ...useColumns.map((column) => row[column]),
      ]),
    },
    {
      name: 'administrationAndEnforcement',
      header: ['memberState', 'staffFte', 'outreachEvents', 'infringements', 'penalties', 'penaltiesValueEur'],
      rows: sections.administrationAndEnforcement.map((row) => [
        row.memberState,
        row.staffFte,
        row.outreachEvents,
        row.infringements,
        row.penalties,
        row.penaltiesValueEur,
      ]),
    },
  ];
}

function csvRecord(cells: readonly Cell[]): string {
  return cells.map(csvField).join(',');
}

function csvField(cell: Cell): string {
  const text = cell === null ? '' : String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---- HTML ----

export interface HtmlOptions {
  readonly title: string;
}

const TOP_DESTINATIONS = 20;

/** The report as one self-contained HTML page with tables and SVG bar charts. */
export function toHtml(report: AnnualReport, options: HtmlOptions): string {
  const scope = report.memberState === null ? 'EU-wide' : `${memberStateName(report.memberState)} (own figures)`;
  const asOf = report.asOf === null ? 'all events recorded' : `as of ${report.asOf}`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(options.title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    `<h1>${escapeHtml(options.title)}</h1>`,
    `<p class="meta">${escapeHtml(`${report.year} · ${scope} · ${asOf}`)}</p>`,
    headline(report.totals),
    '<section><h2>Licences granted by member state (value)</h2>',
    barChart(
      'member-state-granted-value',
      report.byMemberState.map((row) => ({
        key: row.memberState,
        label: row.memberState,
        title: memberStateName(row.memberState),
        value: row.grantedValueEur,
      })),
      formatValue,
    ),
    '</section>',
    '<section><h2>Licences granted by reporting code (value)</h2>',
    barChart(
      'reporting-code-granted-value',
      report.byReportingCode.map((row) => ({
        key: row.reportingCode,
        label: row.reportingCode,
        title: reportingCodeLabel(row.reportingCode),
        value: row.grantedValueEur,
      })),
      formatValue,
    ),
    '</section>',
    '<section><h2>Applications received per month</h2>',
    monthlyChart(report),
    '</section>',
    '<section><h2>Totals</h2>',
    figuresTable(['Scope'], [[report.memberState ?? 'EU']], [report.totals]),
    '</section>',
    '<section><h2>By member state</h2>',
    figuresTable(
      ['Member state'],
      report.byMemberState.map((row) => [`${row.memberState} ${memberStateName(row.memberState)}`]),
      report.byMemberState,
    ),
    '</section>',
    `<section><h2>Top ${TOP_DESTINATIONS} destinations</h2>`,
    destinationTable(report),
    '</section>',
    '<section><h2>By reporting code (Recommendation (EU) 2024/214)</h2>',
    '<p class="note">Codes derived from the Annex I category, pending the official table.</p>',
    figuresTable(
      ['Code', 'Item type'],
      report.byReportingCode.map((row) => [row.reportingCode, reportingCodeLabel(row.reportingCode)]),
      report.byReportingCode,
    ),
    '</section>',
    '<section><h2>By Annex I category</h2>',
    figuresTable(
      ['Category'],
      report.byCategory.map((row) => [row.category]),
      report.byCategory,
    ),
    '</section>',
    '<section><h2>By Annex I sub-category</h2>',
    figuresTable(
      ['Sub-category'],
      report.bySubCategory.map((row) => [row.subCategory]),
      report.bySubCategory,
    ),
    '</section>',
    '<section><h2>By licence kind</h2>',
    figuresTable(
      ['Kind'],
      report.byLicenceKind.map((row) => [row.kind]),
      report.byLicenceKind,
    ),
    '</section>',
    '<section><h2>By month</h2>',
    figuresTable(
      ['Month'],
      report.byMonth.map((row) => [row.month]),
      report.byMonth,
    ),
    '</section>',
    '<section><h2>Cyber-surveillance items (Art 26(2))</h2>',
    cyberTable(report.cyberSurveillance),
    '</section>',
    ...generalAuthorisationHtml(report.generalAuthorisations),
    '<p class="note">Values are the sum of the items’ values in EUR; items valued in another currency are added as they are and counted under “non-EUR values”.</p>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

const STYLE = [
  'body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;margin:2rem;color:#1b1f24;background:#fff}',
  'h1{font-size:1.6rem;margin:0 0 .25rem}h2{font-size:1.15rem;margin:2rem 0 .5rem}',
  '.meta,.note{color:#57606a;font-size:.9rem}',
  '.headline{display:flex;flex-wrap:wrap;gap:1rem;margin:1rem 0}',
  '.headline div{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;min-width:9rem}',
  '.headline b{display:block;font-size:1.3rem}',
  '.scroll{overflow-x:auto}',
  'table{border-collapse:collapse;font-size:.8rem}',
  'th,td{border:1px solid #d0d7de;padding:.25rem .5rem;text-align:right;white-space:nowrap}',
  'th:first-child,td:first-child,td.key{text-align:left}',
  'thead th{background:#f6f8fa}',
  'svg.chart{display:block;max-width:100%;height:auto}',
  'svg.chart text{font-size:11px;fill:#1b1f24}',
  'rect.bar{fill:#0b5cad}',
].join('');

function headline(totals: ReportFigures): string {
  const cards: [string, string][] = [
    ['Applications received', formatCount(totals.applications)],
    ['Licences granted', formatCount(totals.granted)],
    ['Value granted (EUR)', formatValue(totals.grantedValueEur)],
    ['Denials', formatCount(totals.denied)],
    ['Value denied (EUR)', formatValue(totals.deniedValueEur)],
    // Never added into the EUR figures: shown apart when a value had no reference rate.
    ...(totals.grantedValuesWithoutEurRate.length > 0
      ? [['Value granted, no EUR rate', valuesApartText(totals.grantedValuesWithoutEurRate)] as [string, string]]
      : []),
    ...(totals.deniedValuesWithoutEurRate.length > 0
      ? [['Value denied, no EUR rate', valuesApartText(totals.deniedValuesWithoutEurRate)] as [string, string]]
      : []),
    ['Median processing (working days)', formatOptional(totals.processingDaysMedian)],
  ];
  return `<div class="headline">${cards
    .map(([label, value]) => `<div>${escapeHtml(label)}<b>${escapeHtml(value)}</b></div>`)
    .join('')}</div>`;
}

interface Bar {
  readonly key: string;
  readonly label: string;
  readonly title: string;
  readonly value: number;
}

const BAR_HEIGHT = 18;
const BAR_GAP = 6;
const LABEL_WIDTH = 90;
const PLOT_WIDTH = 520;
const VALUE_WIDTH = 130;

/** A horizontal bar chart, one bar per row. */
function barChart(name: string, bars: readonly Bar[], format: (value: number) => string): string {
  const max = Math.max(0, ...bars.map((bar) => bar.value));
  const width = LABEL_WIDTH + PLOT_WIDTH + VALUE_WIDTH;
  const height = Math.max(1, bars.length) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP;
  const body = bars.map((bar, index) => {
    const y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP);
    const length = barLength(bar.value, max, PLOT_WIDTH);
    const text = y + BAR_HEIGHT / 2 + 4;
    return (
      `<g><text x="${LABEL_WIDTH - 6}" y="${text}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect class="bar" x="${LABEL_WIDTH}" y="${y}" width="${length}" height="${BAR_HEIGHT}"` +
      ` data-key="${escapeHtml(bar.key)}" data-value="${bar.value}">` +
      `<title>${escapeHtml(`${bar.title}: ${format(bar.value)}`)}</title></rect>` +
      `<text x="${LABEL_WIDTH + length + 6}" y="${text}">${escapeHtml(format(bar.value))}</text></g>`
    );
  });
  const empty = bars.length === 0 ? `<text x="${LABEL_WIDTH}" y="16">No data</text>` : '';
  return (
    `<svg class="chart" data-chart="${escapeHtml(name)}" role="img" aria-label="${escapeHtml(name)}"` +
    ` viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">${body.join('')}${empty}</svg>`
  );
}

const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const TREND_HEIGHT = 180;
const TREND_COLUMN = 48;

/** Applications received per month, one vertical bar per month. */
function monthlyChart(report: AnnualReport): string {
  const max = Math.max(0, ...report.byMonth.map((row) => row.applications));
  const top = 20;
  const bottom = top + TREND_HEIGHT;
  const width = report.byMonth.length * TREND_COLUMN + 20;
  const height = bottom + 24;
  const bars = report.byMonth.map((row, index) => {
    const length = barLength(row.applications, max, TREND_HEIGHT);
    const x = 10 + index * TREND_COLUMN + 8;
    const label = MONTH_NAMES[Number(row.month.slice(5, 7)) - 1] ?? row.month;
    return (
      `<g><rect class="bar" x="${x}" y="${bottom - length}" width="${TREND_COLUMN - 16}" height="${length}"` +
      ` data-key="${escapeHtml(row.month)}" data-value="${row.applications}">` +
      `<title>${escapeHtml(`${row.month}: ${formatCount(row.applications)} applications`)}</title></rect>` +
      `<text x="${x + (TREND_COLUMN - 16) / 2}" y="${bottom - length - 4}" text-anchor="middle">${escapeHtml(formatCount(row.applications))}</text>` +
      `<text x="${x + (TREND_COLUMN - 16) / 2}" y="${bottom + 16}" text-anchor="middle">${escapeHtml(label)}</text></g>`
    );
  });
  return (
    `<svg class="chart" data-chart="monthly-applications" role="img" aria-label="monthly-applications"` +
    ` viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">` +
    `<line x1="10" y1="${bottom}" x2="${width - 10}" y2="${bottom}" stroke="#57606a"/>${bars.join('')}</svg>`
  );
}

/** Proportional length; at least 1 px for a non-zero value so it stays visible. */
function barLength(value: number, max: number, full: number): number {
  if (value <= 0 || max <= 0) return 0;
  return Math.max(1, Math.round((value / max) * full * 10) / 10);
}

const FIGURE_HEADERS: Readonly<Record<keyof ReportFigures, string>> = {
  applications: 'Applications',
  granted: 'Granted',
  grantedValueEur: 'Granted value (EUR)',
  denied: 'Denied',
  grantedValuesWithoutEurRate: 'Granted, no EUR rate (apart)',
  deniedValueEur: 'Denied value (EUR)',
  deniedValuesWithoutEurRate: 'Denied, no EUR rate (apart)',
  itemsConvertedToEur: 'Items converted to EUR',
  itemsWithoutEurRate: 'Items without EUR rate',
  annulments: 'Annulled',
  suspensions: 'Suspended',
  revocations: 'Revoked',
  consultationsOpened: 'Consultations opened',
  consultationsObjected: 'Objected',
  consultationsLapsed: 'Lapsed',
  processingDaysMedian: 'Median days',
  processingDaysP90: 'P90 days',
};

function figuresTable(
  keyHeaders: readonly string[],
  keys: readonly (readonly string[])[],
  rows: readonly ReportFigures[],
): string {
  const head = [...keyHeaders, ...FIGURE_COLUMNS.map((column) => FIGURE_HEADERS[column])];
  const body = rows.map((row, index) => [
    ...(keys[index] ?? []).map((key) => ({ text: key, key: true })),
    ...FIGURE_COLUMNS.map((column) => ({ text: formatFigure(column, row[column]), key: false })),
  ]);
  return htmlTable(head, body);
}

function destinationTable(report: AnnualReport): string {
  const top = [...report.byDestination]
    .sort(
      (a, b) =>
        b.grantedValueEur - a.grantedValueEur ||
        b.applications - a.applications ||
        (a.destination < b.destination ? -1 : a.destination > b.destination ? 1 : 0),
    )
    .slice(0, TOP_DESTINATIONS);
  return figuresTable(
    ['Destination'],
    top.map((row) => [row.destination]),
    top,
  );
}

function generalAuthorisationHtml(sections: GeneralAuthorisationReport): string[] {
  const key = (text: string) => ({ text, key: true });
  const count = (value: number) => ({ text: formatCount(value), key: false });
  const eur = (value: number) => ({ text: value.toFixed(2), key: false });
  return [
    '<section><h2>Registered users of general authorisations (5.2)</h2>',
    htmlTable(
      ['Authorisation', 'Member state', 'Registered users', 'Of which suspended', 'New in the year'],
      sections.registeredUsers.map((row) => [
        key(row.authorisation),
        key(row.memberState),
        count(row.registeredUsers),
        count(row.suspendedUsers),
        count(row.newInYear),
      ]),
    ),
    '</section>',
    '<section><h2>Use of general authorisations by destination (5.3)</h2>',
    htmlTable(
      ['Authorisation', 'Member state', 'Destination', 'Uses', 'Value (EUR)', 'Items in other currencies'],
      sections.usesByDestination.map((row) => [
        key(row.authorisation),
        key(row.memberState),
        key(row.destination),
        count(row.uses),
        eur(row.valueEur),
        count(row.otherCurrencyItems),
      ]),
    ),
    '</section>',
    '<section><h2>Use of general authorisations by item type (5.3)</h2>',
    htmlTable(
      ['Authorisation', 'Member state', 'Reporting code', 'Uses', 'Value (EUR)', 'Items in other currencies'],
      sections.usesByReportingCode.map((row) => [
        key(row.authorisation),
        key(row.memberState),
        key(row.reportingCode),
        count(row.uses),
        eur(row.valueEur),
        count(row.otherCurrencyItems),
      ]),
    ),
    '</section>',
    '<section><h2>Administration and enforcement</h2>',
    htmlTable(
      ['Member state', 'Staff (FTE)', 'Outreach', 'Infringements', 'Penalties', 'Penalties (EUR)'],
      sections.administrationAndEnforcement.map((row) => [
        key(row.memberState),
        { text: String(row.staffFte), key: false },
        count(row.outreachEvents),
        count(row.infringements),
        count(row.penalties),
        eur(row.penaltiesValueEur),
      ]),
    ),
    '</section>',
  ];
}

function cyberTable(rows: readonly CyberSurveillanceRow[]): string {
  return htmlTable(
    ['Control entry', 'Member state', 'Destination', 'Decision', 'Applications'],
    rows.map((row) => [
      { text: row.controlEntry, key: true },
      { text: row.memberState, key: true },
      { text: row.destination, key: true },
      { text: row.outcome, key: true },
      { text: formatCount(row.applications), key: false },
    ]),
  );
}

function htmlTable(head: readonly string[], rows: readonly (readonly { text: string; key: boolean }[])[]): string {
  const header = `<thead><tr>${head.map((cell) => `<th scope="col">${escapeHtml(cell)}</th>`).join('')}</tr></thead>`;
  const body =
    rows.length === 0
      ? `<tr><td class="key" colspan="${head.length}">No data</td></tr>`
      : rows
          .map(
            (row) =>
              `<tr>${row.map((cell) => `<td${cell.key ? ' class="key"' : ''}>${escapeHtml(cell.text)}</td>`).join('')}</tr>`,
          )
          .join('');
  return `<div class="scroll"><table>${header}<tbody>${body}</tbody></table></div>`;
}

function formatFigure(column: keyof ReportFigures, value: ReportFigures[keyof ReportFigures] | null): string {
  if (value === null) return '–';
  if (typeof value !== 'number') return value.length === 0 ? '–' : valuesApartText(value);
  return column === 'grantedValueEur' || column === 'deniedValueEur' ? formatValue(value) : formatCount(value);
}

const COUNT_FORMAT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 0 });
const VALUE_FORMAT = new Intl.NumberFormat('en-GB', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

function formatCount(value: number): string {
  return COUNT_FORMAT.format(value);
}

function formatValue(value: number): string {
  return VALUE_FORMAT.format(value);
}

function formatOptional(value: number | null): string {
  return value === null ? '–' : formatCount(value);
}

function memberStateName(code: string): string {
  return MEMBER_STATES.find((state) => state.code === code)?.name ?? code;
}

/** Escapes text for HTML content and double-quoted attribute values. */
export function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}
