import type { AnnualReport, ReportFigures } from '@dul/domain';
import { escapeHtml, toCsv, toHtml } from './render';

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

const MONTHS = Array.from({ length: 12 }, (_, index) => `2025-${String(index + 1).padStart(2, '0')}`);

/** A small report with text that needs quoting in CSV and escaping in HTML. */
const REPORT: AnnualReport = {
  year: 2025,
  memberState: null,
  asOf: '2025-06-30T00:00:00.000Z',
  smallCellThreshold: 3,
  totals: figures({
    applications: 30,
    granted: 20,
    grantedValueEur: 1_250_000.5,
    denied: 2,
    deniedValueEur: 80_000,
    processingDaysMedian: 6,
    processingDaysP90: 14,
  }),
  byMemberState: [
    { memberState: 'DE', ...figures({ applications: 20, granted: 15, grantedValueEur: 1_000_000.5 }) },
    { memberState: 'FR', ...figures({ applications: 8, granted: 5, grantedValueEur: 250_000 }) },
    { memberState: 'MT', ...figures({ applications: 2 }) },
  ],
  byDestination: Array.from({ length: 25 }, (_, index) => ({
    destination: index === 24 ? '<i>X",\nY</i>' : `D${String(index).padStart(2, '0')}`,
    ...figures({ applications: 1, granted: 1, grantedValueEur: 1000 * (index + 1) }),
  })),
  byCategory: [{ category: '5', ...figures({ applications: 30 }) }],
  bySubCategory: [{ subCategory: '5A', ...figures({ applications: 30 }) }],
  byReportingCode: [
    { reportingCode: '0EC1', ...figures({ granted: 4, grantedValueEur: 500_000 }) },
    { reportingCode: '5EC2', ...figures({ granted: 16, grantedValueEur: 750_000.5 }) },
  ],
  byLicenceKind: [{ kind: 'INDIVIDUAL', ...figures({ applications: 30 }) }],
  byMonth: MONTHS.map((month, index) => ({ month, ...figures({ applications: index < 6 ? index * 2 : 0 }) })),
  cyberSurveillance: [
    { controlEntry: '5A001.j', memberState: 'DE', destination: 'CN', outcome: 'DENIED', applications: 2 },
  ],
  generalAuthorisations: {
    registeredUsers: [
      { authorisation: 'EU001', memberState: 'DE', registeredUsers: 12, suspendedUsers: 1, newInYear: 4 },
    ],
    usesByDestination: [
      {
        authorisation: 'EU001',
        memberState: 'DE',
        destination: 'JP',
        uses: 30,
        valueEur: 1250000.5,
        otherCurrencyItems: 0,
      },
    ],
    usesByReportingCode: [
      {
        authorisation: 'EU001',
        memberState: 'DE',
        reportingCode: '6EC1',
        uses: 30,
        valueEur: 1250000.5,
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
  },
};

/** A minimal RFC 4180 parser: records of fields, quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  for (let index = 0; index < text.length; index += 1) {
    const char = text[index];
    if (quoted) {
      if (char === '"' && text[index + 1] === '"') {
        field += '"';
        index += 1;
      } else if (char === '"') quoted = false;
      else field += char;
    } else if (char === '"') quoted = true;
    else if (char === ',') {
      record.push(field);
      field = '';
    } else if (char === '\r' && text[index + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      index += 1;
    } else field += char;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** The sections of parsed CSV: name -> [header, ...rows]. */
function sections(records: readonly string[][]): Map<string, string[][]> {
  const result = new Map<string, string[][]>();
  let current: string[][] | undefined;
  for (const record of records) {
    if (record.length === 1 && record[0] === '') continue;
    if (record[0] === 'section') {
      current = [];
      result.set(record[1]!, current);
    } else current?.push(record);
  }
  return result;
}

describe('toCsv', () => {
  const csv = toCsv(REPORT);
  const parsed = sections(parseCsv(csv));

  it('ends every record with CRLF and has no bare line feed outside quoted fields', () => {
    expect(csv.endsWith('\r\n')).toBe(true);
    const outsideQuotes = csv.replace(/"(?:[^"]|"")*"/g, '');
    expect(outsideQuotes.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
  });

  it('has one section per table, each with its header row', () => {
    expect([...parsed.keys()]).toEqual([
      'report',
      'totals',
      'byMemberState',
      'byDestination',
      'byCategory',
      'bySubCategory',
      'byReportingCode',
      'byLicenceKind',
      'byMonth',
      'cyberSurveillance',
      'generalAuthorisationUsers',
      'generalAuthorisationUsesByDestination',
      'generalAuthorisationUsesByReportingCode',
      'administrationAndEnforcement',
    ]);
    expect(parsed.get('generalAuthorisationUsers')).toEqual([
      ['authorisation', 'memberState', 'registeredUsers', 'suspendedUsers', 'newInYear'],
      ['EU001', 'DE', '12', '1', '4'],
    ]);
    expect(parsed.get('administrationAndEnforcement')?.[1]).toEqual(['DE', '112.5', '40', '7', '3', '125000']);
    expect(parsed.get('byMemberState')?.[0]?.slice(0, 4)).toEqual([
      'memberState',
      'applications',
      'granted',
      'grantedValueEur',
    ]);
    expect(parsed.get('cyberSurveillance')).toEqual([
      ['controlEntry', 'memberState', 'destination', 'outcome', 'applications'],
      ['5A001.j', 'DE', 'CN', 'DENIED', '2'],
    ]);
  });

  it('parses back to the report’s figures, quoted text included', () => {
    const [header, ...rows] = parsed.get('byMemberState')!;
    const back = rows.map((row) => Object.fromEntries(header!.map((column, index) => [column, row[index]])));
    expect(back.map((row) => [row.memberState, Number(row.applications), Number(row.grantedValueEur)])).toEqual([
      ['DE', 20, 1_000_000.5],
      ['FR', 8, 250_000],
      ['MT', 2, 0],
    ]);
    expect(parsed.get('byDestination')?.[25]?.[0]).toBe('<i>X",\nY</i>');
    expect(parsed.get('byDestination')).toHaveLength(26);
    expect(parsed.get('totals')?.[1]?.slice(-2)).toEqual(['6', '14']);
    // A figure that does not exist (no median without decisions) is an empty field.
    expect(parsed.get('byMemberState')?.[1]?.slice(-2)).toEqual(['', '']);
    expect(parsed.get('report')).toEqual([
      ['year', 'scope', 'asOf', 'smallCellThreshold'],
      ['2025', 'EU', '2025-06-30T00:00:00.000Z', '3'],
    ]);
    expect(parsed.get('byReportingCode')?.[2]?.slice(0, 2)).toEqual(['5EC2', 'Information security']);
  });
});

describe('toHtml', () => {
  const html = toHtml(REPORT, { title: 'Annual report <2025> & "more"' });

  const chart = (name: string): string => {
    const match = new RegExp(`<svg[^>]*data-chart="${name}"[\\s\\S]*?</svg>`).exec(html);
    if (!match) throw new Error(`no chart ${name}`);
    return match[0];
  };
  const bars = (svg: string) =>
    [...svg.matchAll(/<rect class="bar"[^>]*data-key="([^"]*)" data-value="([^"]*)"/g)].map((m) => ({
      key: m[1],
      value: Number(m[2]),
    }));

  it('is one self-contained page: no scripts, no URLs, no external resources', () => {
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/https?:/i);
    expect(html).not.toMatch(/<link|<img|@import|url\(/i);
    expect(html).toContain('<style>');
  });

  it('escapes every text from the report and the title', () => {
    expect(html).toContain('<title>Annual report &lt;2025&gt; &amp; &quot;more&quot;</title>');
    expect(html).not.toContain('<i>');
    expect(html).toContain('&lt;i&gt;X&quot;,\nY&lt;/i&gt;');
    expect(escapeHtml(`<a href='x'>&</a>`)).toBe('&lt;a href=&#39;x&#39;&gt;&amp;&lt;/a&gt;');
  });

  it('draws a bar per member state, sized by granted value', () => {
    const drawn = bars(chart('member-state-granted-value'));
    expect(drawn).toEqual([
      { key: 'DE', value: 1_000_000.5 },
      { key: 'FR', value: 250_000 },
      { key: 'MT', value: 0 },
    ]);
    const widths = [...chart('member-state-granted-value').matchAll(/<rect class="bar"[^>]* width="([\d.]+)"/g)].map(
      (m) => Number(m[1]),
    );
    expect(widths[0]).toBeGreaterThan(widths[1]!);
    expect(widths[1]).toBeGreaterThan(0);
    expect(widths[2]).toBe(0);
  });

  it('draws a bar per reporting code and twelve monthly bars', () => {
    expect(bars(chart('reporting-code-granted-value')).map((bar) => bar.key)).toEqual(['0EC1', '5EC2']);
    const months = bars(chart('monthly-applications'));
    expect(months).toHaveLength(12);
    expect(months.map((bar) => bar.value)).toEqual([0, 2, 4, 6, 8, 10, 0, 0, 0, 0, 0, 0]);
    const heights = [...chart('monthly-applications').matchAll(/<rect class="bar"[^>]* height="([\d.]+)"/g)].map((m) =>
      Number(m[1]),
    );
    expect(heights[5]).toBe(180);
    expect(heights[1]! > 0 && heights[0] === 0).toBe(true);
  });

  it('lists the top 20 destinations by granted value', () => {
    const section = /<h2>Top 20 destinations<\/h2>([\s\S]*?)<\/section>/.exec(html)?.[1] ?? '';
    const rows = [...section.matchAll(/<tr><td class="key">([^<]*)<\/td>/g)].map((m) => m[1]);
    expect(rows).toHaveLength(20);
    expect(rows[0]).toBe('&lt;i&gt;X&quot;,\nY&lt;/i&gt;');
    expect(rows[1]).toBe('D23');
    expect(rows).not.toContain('D00');
  });

  it('shows the cyber-surveillance table', () => {
    expect(html).toMatch(
      /<td class="key">5A001\.j<\/td><td class="key">DE<\/td><td class="key">CN<\/td><td class="key">DENIED<\/td><td>2<\/td>/,
    );
  });
});
