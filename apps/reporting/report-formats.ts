import type { AnnualReport } from '@dul/domain';
import { toCsv, toHtml } from './report/render';

export const REPORT_FORMATS = ['json', 'csv', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

const MEDIA_TYPES: Readonly<Record<ReportFormat, string>> = {
  json: 'application/json; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  html: 'text/html; charset=utf-8',
};

/** The format an Accept header asks for: the supported type with the highest q; JSON when none is named. */
export function negotiateFormat(accept: string | undefined): ReportFormat {
  let best: ReportFormat = 'json';
  let bestWeight = 0;
  for (const range of (accept ?? '').split(',')) {
    const [type = '', ...parameters] = range.split(';').map((part) => part.trim().toLowerCase());
    const format = formatOfMediaRange(type);
    if (format === null) continue;
    const q = parameters.find((parameter) => parameter.startsWith('q='));
    // A wildcard loses to a named type of the same weight; of equal ones, the first named wins.
    const weight = (q === undefined ? 1 : Number(q.slice(2))) - (type.includes('*') ? 0.0001 : 0);
    if (weight > bestWeight) {
      best = format;
      bestWeight = weight;
    }
  }
  return best;
}

function formatOfMediaRange(type: string): ReportFormat | null {
  switch (type) {
    case 'application/json':
    case 'application/*':
    case '*/*':
      return 'json';
    case 'text/csv':
      return 'csv';
    case 'text/html':
    case 'application/xhtml+xml':
      return 'html';
    default:
      return null;
  }
}

/** The report's title, as the page and the file name give it. */
export function reportTitle(report: AnnualReport): string {
  const scope = report.memberState === null ? 'EU' : report.memberState;
  return `Dual-use export controls: annual report ${report.year} (Art 26 of Regulation (EU) 2021/821), ${scope}`;
}

/** A file name for the report: annual-report-2025-eu.html. */
export function reportFileName(report: AnnualReport, format: ReportFormat): string {
  return `annual-report-${report.year}-${(report.memberState ?? 'eu').toLowerCase()}.${format}`;
}

/** The report rendered in a format, with its media type. */
export function renderReport(report: AnnualReport, format: ReportFormat): { body: string; contentType: string } {
  switch (format) {
    case 'csv':
      return { body: toCsv(report), contentType: MEDIA_TYPES.csv };
    case 'html':
      return { body: toHtml(report, { title: reportTitle(report) }), contentType: MEDIA_TYPES.html };
    case 'json':
      return { body: JSON.stringify(report), contentType: MEDIA_TYPES.json };
  }
}
