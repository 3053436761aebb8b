import type { Command, Decider, DomainEvent } from '../decider';
import { assertNever } from '../decider';
import { refuse } from '../refusals';

/*
 * Reference exchange rates (Art 26 report values are in EUR; Rec. (EU) 2024/214): reference data an
 * operator loads (`npm run rates -- --file rates.json`) and the store records as events, one stream per
 * source (`reference-rates-ECB`). A report as of an instant uses only the rates recorded by then, so it
 * is reproducible; a later correction of a rate is a new recording and changes only later reports.
 *
 * A rate is quoted as the ECB quotes its euro foreign exchange reference rates: units of the currency
 * for one euro (USD 1.0823 on 2025-03-14). Reading (Art 26 gives no rule): a value is converted at the
 * rate in force on the decision date, that is the rate of the latest date on or before it (the ECB
 * publishes no rate on weekends and TARGET holidays; a source that records monthly or yearly rates
 * is read the same way: a rate stays in force until the next one). Before a currency's first recorded
 * date there is no rate, and the value is reported apart, never added into a EUR total.
 */

/** One rate: units of `currency` for one euro, in force from `date` (YYYY-MM-DD) until the next. */
export interface ReferenceRate {
  readonly currency: string;
  readonly date: string;
  readonly unitsPerEur: number;
}

export type ReferenceRatesRecorded = DomainEvent<
  'ReferenceRatesRecorded',
  {
    readonly source: string;
    /** The rates new with this recording (rates recorded before with the same value are left out). */
    readonly rates: readonly ReferenceRate[];
    /** Rates of a (currency, date) recorded before with another value: this recording replaces them. */
    readonly corrections: readonly (ReferenceRate & { readonly previousUnitsPerEur: number })[];
    readonly recordedBy: string;
    readonly recordedAt: string;
  }
>;

export type ReferenceRatesEvent = ReferenceRatesRecorded;

export type RecordReferenceRates = Command<
  'RecordReferenceRates',
  { readonly source: string; readonly rates: readonly ReferenceRate[] }
>;

export type ReferenceRatesCommand = RecordReferenceRates;

export interface ReferenceRatesState {
  readonly source: string | null;
  /** unitsPerEur by `${currency} ${date}`. */
  readonly rates: ReadonlyMap<string, number>;
}

/** The stream category of the recorded rates; one stream per source. */
export const REFERENCE_RATES_CATEGORY = 'reference-rates';

/** At most this many rates in one recording (a year of ECB rates is about 8,000). */
export const MAX_RATES_PER_RECORDING = 50_000;

const CURRENCY = /^[A-Z]{3}$/;
const SOURCE = /^[A-Z][A-Z0-9_-]{1,31}$/;

export const referenceRatesDecider: Decider<ReferenceRatesCommand, ReferenceRatesEvent, ReferenceRatesState> = {
  initialState: () => ({ source: null, rates: new Map() }),
  evolve: (state, event) => {
    switch (event.type) {
      case 'ReferenceRatesRecorded': {
        const rates = new Map(state.rates);
        for (const rate of [...event.data.rates, ...event.data.corrections]) {
          rates.set(rateKey(rate.currency, rate.date), rate.unitsPerEur);
        }
        return { source: event.data.source, rates };
      }
      default:
        return assertNever(event.type, 'reference rates event');
    }
  },
  decide: (command, state) => {
    switch (command.type) {
      case 'RecordReferenceRates':
        return record(command, state);
      default:
        return assertNever(command.type, 'reference rates command');
    }
  },
};

function record({ data, metadata }: RecordReferenceRates, state: ReferenceRatesState): readonly ReferenceRatesEvent[] {
  const source = typeof data.source === 'string' ? data.source.trim().toUpperCase() : '';
  if (!SOURCE.test(source)) {
    throw refuse.invalid('rate-source', `source '${String(data.source)}' must be a short name in capitals (e.g. ECB)`);
  }
  if (state.source !== null && state.source !== source) {
    throw refuse.conflict('rate-source', `this stream records the rates of ${state.source}`);
  }
  const listed: readonly ReferenceRate[] = Array.isArray(data.rates) ? data.rates : [];
  if (listed.length === 0) throw refuse.invalid('rates', 'rates must list at least one rate');
  if (listed.length > MAX_RATES_PER_RECORDING) {
    throw refuse.invalid('rates', `at most ${MAX_RATES_PER_RECORDING} rates at once (got ${listed.length})`);
  }
  const given = new Map<string, ReferenceRate>();
  listed.forEach((rate, index) => {
    const checked = checkedRate(rate, `rates[${index}]`);
    const key = rateKey(checked.currency, checked.date);
    const twin = given.get(key);
    if (twin !== undefined && twin.unitsPerEur !== checked.unitsPerEur) {
      throw refuse.invalid(
        'rate-twice',
        `rates[${index}]: ${checked.currency} on ${checked.date} is given twice with different rates`,
      );
    }
    given.set(key, checked);
  });
  const rates: ReferenceRate[] = [];
  const corrections: ReferenceRatesRecorded['data']['corrections'][number][] = [];
  for (const [key, rate] of given) {
    const previous = state.rates.get(key);
    if (previous === undefined) rates.push(rate);
    else if (previous !== rate.unitsPerEur) corrections.push({ ...rate, previousUnitsPerEur: previous });
  }
  // Loading the same file twice records nothing the second time.
  if (rates.length === 0 && corrections.length === 0) return [];
  return [
    {
      type: 'ReferenceRatesRecorded',
      data: { source, rates, corrections, recordedBy: metadata.actor, recordedAt: metadata.now.toISOString() },
    },
  ];
}

function checkedRate(rate: ReferenceRate, field: string): ReferenceRate {
  if (typeof rate !== 'object' || rate === null) throw refuse.invalid('rate', `${field} must be an object`);
  const currency = typeof rate.currency === 'string' ? rate.currency.trim().toUpperCase() : '';
  if (!CURRENCY.test(currency)) {
    throw refuse.invalid('currency-code', `${field}.currency '${String(rate.currency)}' is not an ISO 4217 code`);
  }
  if (currency === 'EUR') throw refuse.invalid('currency-code', `${field}.currency: EUR needs no rate`);
  if (typeof rate.date !== 'string' || !isCalendarDate(rate.date)) {
    throw refuse.invalid('rate-date', `${field}.date '${String(rate.date)}' is not a date (YYYY-MM-DD)`);
  }
  const units = rate.unitsPerEur;
  if (typeof units !== 'number' || !Number.isFinite(units) || units <= 0 || units > 1e9) {
    throw refuse.invalid('rate-value', `${field}.unitsPerEur must be a positive number of ${currency} for one euro`);
  }
  return { currency, date: rate.date, unitsPerEur: units };
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function rateKey(currency: string, date: string): string {
  return `${currency} ${date}`;
}

// ---- the rates in force, for the report ----

/** A recording as the report keeps it: when the store recorded it, and its rates as [currency, date, unitsPerEur]. */
export interface RateRecording {
  /** Epoch milliseconds the store recorded the event at. */
  readonly recorded: number;
  readonly rates: readonly (readonly [currency: string, date: string, unitsPerEur: number])[];
}

/** A recording of a ReferenceRatesRecorded event's data (its rates and corrections alike). */
export function rateRecordingOf(data: ReferenceRatesRecorded['data'], recorded: number): RateRecording {
  return {
    recorded,
    rates: [...data.rates, ...data.corrections].map((rate) => [rate.currency, rate.date, rate.unitsPerEur] as const),
  };
}

/**
 * The rates recorded by an instant, by currency and date. Shared by the reference fold and the
 * projection's report like the calendar: reference data, not a figure either computes.
 */
export class ReferenceRateTable {
  /** Per currency, [date, unitsPerEur] sorted by date. */
  private readonly byCurrency = new Map<string, [string, number][]>();

  /** The rates of these recordings recorded at or before `cutoff` (epoch ms), later recordings winning. */
  constructor(recordings: Iterable<RateRecording>, cutoff: number = Number.POSITIVE_INFINITY) {
    const ordered = [...recordings].filter((recording) => recording.recorded <= cutoff);
    ordered.sort((a, b) => a.recorded - b.recorded);
    const latest = new Map<string, Map<string, number>>();
    for (const recording of ordered) {
      for (const [currency, date, unitsPerEur] of recording.rates) {
        let dates = latest.get(currency);
        if (dates === undefined) latest.set(currency, (dates = new Map<string, number>()));
        dates.set(date, unitsPerEur);
      }
    }
    for (const [currency, dates] of latest) {
      this.byCurrency.set(
        currency,
        [...dates].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
      );
    }
  }

  /** The rate in force on `date` (YYYY-MM-DD): that of the latest recorded date on or before it; null if none. */
  inForce(currency: string, date: string): { readonly date: string; readonly unitsPerEur: number } | null {
    const dates = this.byCurrency.get(currency);
    if (dates === undefined) return null;
    let low = 0;
    let high = dates.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if ((dates[middle] as [string, number])[0] <= date) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    if (found < 0) return null;
    const [rateDate, unitsPerEur] = dates[found] as [string, number];
    return { date: rateDate, unitsPerEur };
  }
}

/** A value in EUR thousandths at a rate (units per euro), rounded to the nearest thousandth. */
export function eurThousandthsAt(value: number, unitsPerEur: number): number {
  return Math.round((value * 1000) / unitsPerEur);
}
