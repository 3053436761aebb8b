import { fold } from '../decider';
import { computeAnnualReport } from './annual-report';
import type { RecordReferenceRates, ReferenceRate, ReferenceRatesEvent } from './reference-rates';
import { eurThousandthsAt, rateRecordingOf, ReferenceRateTable, referenceRatesDecider } from './reference-rates';
import { by, content, item, ReportLog } from './testing/report-history';

const record = (rates: readonly ReferenceRate[], history: readonly ReferenceRatesEvent[] = [], source = 'ECB') =>
  referenceRatesDecider.decide(
    {
      type: 'RecordReferenceRates',
      data: { source, rates },
      metadata: by(undefined, '2025-12-01T10:00:00Z', 'operator:rates'),
    } satisfies RecordReferenceRates,
    fold(referenceRatesDecider, history),
  );

const USD = (date: string, unitsPerEur: number): ReferenceRate => ({ currency: 'USD', date, unitsPerEur });

describe('referenceRatesDecider', () => {
  it('records reference rates as an event, with who loaded them and when', () => {
    const [event] = record([USD('2025-07-01', 1.25), { currency: 'chf', date: '2025-07-01', unitsPerEur: 0.94 }]);
    expect(event).toEqual({
      type: 'ReferenceRatesRecorded',
      data: {
        source: 'ECB',
        rates: [USD('2025-07-01', 1.25), { currency: 'CHF', date: '2025-07-01', unitsPerEur: 0.94 }],
        corrections: [],
        recordedBy: 'operator:rates',
        recordedAt: '2025-12-01T10:00:00.000Z',
      },
    });
  });

  it('records nothing when the same rates are loaded again, and a changed rate as a correction naming the previous one', () => {
    const first = record([USD('2025-07-01', 1.25)]);
    expect(record([USD('2025-07-01', 1.25)], first)).toEqual([]);
    const [correction] = record([USD('2025-07-01', 1.2), USD('2025-07-02', 1.21)], first);
    expect(correction?.data.rates).toEqual([USD('2025-07-02', 1.21)]);
    expect(correction?.data.corrections).toEqual([{ ...USD('2025-07-01', 1.2), previousUnitsPerEur: 1.25 }]);
  });

  it('refuses a rate that is not a rate: the field and the rule named', () => {
    expect(() => record([{ currency: 'EUR', date: '2025-07-01', unitsPerEur: 1 }])).toThrow(/EUR needs no rate/);
    expect(() => record([{ currency: 'US', date: '2025-07-01', unitsPerEur: 1 }])).toThrow(/rates\[0\]\.currency/);
    expect(() => record([USD('2025-02-30', 1.1)])).toThrow(/rates\[0\]\.date/);
    expect(() => record([USD('2025-07-01', 0)])).toThrow(/rates\[0\]\.unitsPerEur/);
    expect(() => record([USD('2025-07-01', Number.NaN)])).toThrow(/unitsPerEur/);
    expect(() => record([USD('2025-07-01', 1.1), USD('2025-07-01', 1.2)])).toThrow(/given twice/);
    expect(() => record([])).toThrow(/at least one rate/);
    expect(() => record([USD('2025-07-01', 1.1)], [], 'ecb central bank')).toThrow(/source/);
  });
});

describe('ReferenceRateTable', () => {
  const table = new ReferenceRateTable([
    {
      recorded: 1,
      rates: [
        ['USD', '2025-07-01', 1.25],
        ['USD', '2025-07-17', 2],
      ],
    },
    { recorded: 5, rates: [['USD', '2025-07-17', 1.5]] },
  ]);

  it('gives the rate in force on a date: that of the latest recorded date on or before it', () => {
    expect(table.inForce('USD', '2025-07-01')).toEqual({ date: '2025-07-01', unitsPerEur: 1.25 });
    expect(table.inForce('USD', '2025-07-16')).toEqual({ date: '2025-07-01', unitsPerEur: 1.25 });
    expect(table.inForce('USD', '2025-12-31')).toEqual({ date: '2025-07-17', unitsPerEur: 1.5 });
  });

  it('has no rate before the first recorded date, nor for a currency never recorded', () => {
    expect(table.inForce('USD', '2025-06-30')).toBeNull();
    expect(table.inForce('CHF', '2025-07-16')).toBeNull();
  });

  it('uses only the recordings recorded by the cutoff, later corrections winning after it', () => {
    const before = new ReferenceRateTable(
      [
        { recorded: 5, rates: [['USD', '2025-07-17', 1.5]] },
        { recorded: 1, rates: [['USD', '2025-07-17', 2]] },
      ],
      4,
    );
    expect(before.inForce('USD', '2025-07-20')).toEqual({ date: '2025-07-17', unitsPerEur: 2 });
    expect(rateRecordingOf({ ...record([USD('2025-07-01', 1.25)])[0]!.data }, 7)).toEqual({
      recorded: 7,
      rates: [['USD', '2025-07-01', 1.25]],
    });
  });

  it('converts to the nearest thousandth of a euro', () => {
    expect(eurThousandthsAt(5000, 1.25)).toBe(4_000_000);
    expect(eurThousandthsAt(1, 3)).toBe(333);
  });
});

/** One FR grant of a USD 5000 item and a CHF 700 item, decided on 16 July 2025 (FR calendar). */
function usdGrant(log: ReportLog, id = 'D', at = '2025-07-16T09:00:00Z'): void {
  log.case({
    id,
    authority: 'FR',
    content: content('FR', 'US', [
      item('5A001.j', 5000, { currency: 'USD' }),
      item('5A002.a', 700, { currency: 'CHF' }),
      item('4A005', 100),
    ]),
    submittedAt: '2025-07-10T09:00:00Z',
    decision: { outcome: 'GRANT', at },
  });
}

describe('the annual report in EUR only', () => {
  it('converts at the rate in force on the decision date', () => {
    const log = new ReportLog();
    log.rates([USD('2025-07-01', 1.25), USD('2025-07-17', 2)], '2025-07-01T18:00:00Z');
    usdGrant(log);
    const { totals } = computeAnnualReport(log.events, { year: 2025 });
    // USD 5000 at 1.25 (the rate of 1 July, in force on 16 July) = EUR 4000, plus the EUR 100 item.
    expect(totals.grantedValueEur).toBe(4100);
    expect(totals.itemsConvertedToEur).toBe(1);
  });

  it('reports a value apart when no rate is recorded, never in the EUR total', () => {
    const log = new ReportLog();
    log.rates([USD('2025-07-01', 1.25)], '2025-07-01T18:00:00Z');
    usdGrant(log);
    // Decided before the first USD rate: the USD value too is apart.
    usdGrant(log, 'E', '2025-06-30T09:00:00Z');
    const { totals } = computeAnnualReport(log.events, { year: 2025 });
    expect(totals.grantedValueEur).toBe(4000 + 100 + 100);
    expect(totals.grantedValuesWithoutEurRate).toEqual([
      { currency: 'CHF', amount: 1400 },
      { currency: 'USD', amount: 5000 },
    ]);
    expect(totals).toMatchObject({ itemsConvertedToEur: 1, itemsWithoutEurRate: 3 });
  });

  it('is reproducible as of a date: rates recorded later convert only in later reports', () => {
    const log = new ReportLog();
    usdGrant(log);
    log.rates([USD('2025-07-01', 1.25)], '2025-09-01T10:00:00Z');
    log.rates([USD('2025-07-01', 1.6)], '2025-10-01T10:00:00Z');
    const asOf = (instant: string) => computeAnnualReport(log.events, { year: 2025, asOf: new Date(instant) }).totals;
    expect(asOf('2025-08-01T00:00:00Z')).toMatchObject({
      grantedValueEur: 100,
      grantedValuesWithoutEurRate: [
        { currency: 'CHF', amount: 700 },
        { currency: 'USD', amount: 5000 },
      ],
    });
    expect(asOf('2025-09-15T00:00:00Z')).toMatchObject({ grantedValueEur: 4100 });
    expect(asOf('2025-10-15T00:00:00Z')).toMatchObject({ grantedValueEur: 3225 });
  });
});
