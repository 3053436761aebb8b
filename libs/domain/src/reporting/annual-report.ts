import { localDateIn, workingDaysBetween } from '../calendar/working-days';
import type { ConsultationEvent, ConsultationOpened } from '../consultation/consultation.events';
import { outsideUnion } from '../decider';
import { refuse } from '../refusals';
import type { ApplicationContent, ApplicationItem, ApplicationKind } from '../licensing/application.content';
import type { ApplicationEvent } from '../licensing/application.events';
import type { LicenceEvent, LicenceIssued } from '../licensing/licence.events';
import type { MemberStateCode } from '../reference/member-states';
import { normaliseMemberState } from '../reference/member-states';
import type {
  GeneralAuthorisationReport,
  GeneralAuthorisationReportEvent,
} from '../general-authorisations/general-authorisation-report';
import {
  computeGeneralAuthorisationReport,
  GENERAL_AUTHORISATION_REPORT_EVENT_TYPES,
} from '../general-authorisations/general-authorisation-report';
import type { ItemReportingKeys } from './reporting-codes';
import { cyberSurveillanceKey, itemReportingKeys } from './reporting-codes';
import type { RateRecording, ReferenceRatesRecorded } from './reference-rates';
import { eurThousandthsAt, rateRecordingOf, ReferenceRateTable } from './reference-rates';

/*
 * The Art 26 annual report, computed by a plain fold over the raw event log. This is the reference the
 * reporting projection is checked against, so it shares no code with it: only the deciders' event types
 * and the reporting-code table. The rules, in one place (a projection must follow them exactly):
 *
 * - Input: every stored event in global order. Events recorded after `asOf` are ignored (recordedAt,
 *   the store's instant); unknown event types and events on streams that never started are ignored.
 * - Dates are the business instants in the events (submittedAt, issuedAt, suspendedAt, openedAt, ...),
 *   read as local calendar dates in the time zone of the member state whose figure it is (the
 *   application's authority, the licence's issuing member state, the consultation's requester).
 * - Applications received: counted in the year of submission. Granted and denied: the DecisionIssued
 *   of the application (GRANT and GRANT_WITH_CONDITIONS are grants), in the year of the decision.
 *   Withdrawn applications count as received, never as decided.
 * - What an application is about (items, destination) is its content as of `asOf`: amendments and
 *   caseworkers' reclassifications before the decision count, and content cannot change after it.
 * - Values are in EUR only, never mixed: the sum of the items' `value`, an item in another currency
 *   converted at the reference rate in force on the decision's local date (reference-rates.ts: the
 *   rate of the latest recorded date on or before it, from the recordings recorded by `asOf`), each
 *   item rounded to the thousandth, and counted in `itemsConvertedToEur`. An item in another currency
 *   with no rate in force is not added: its value goes to `grantedValuesWithoutEurRate` /
 *   `deniedValuesWithoutEurRate` (per currency, sorted by currency) and is counted in
 *   `itemsWithoutEurRate`. Sums are exact to three decimals (added in thousandths), so the order of
 *   addition never changes a figure.
 * - Annulments, suspensions, revocations: the licence events, in the year of the event, with the
 *   licence's issuing member state, destination, kind and items (LicenceIssued).
 * - Consultations: attributed to the requester (the consulting authority), the packet's destination
 *   and items and the kind of the application it is about (NONE when it is about none, e.g. a
 *   catch-all decision taken outside an application). Opened in the year of openedAt; objected in the
 *   year of the first objecting reply (OBJECTION under Art 14(1), OBJECT under Art 4/5), once per
 *   consultation; lapsed in the year of the deadline's end (lapsedAt).
 * - Processing time: working days from submission to decision in the authority's calendar
 *   (workingDaysBetween: days after the submission day up to and including the decision day), for the
 *   decisions (grants and denials) counted in the row; median and 90th percentile by nearest rank
 *   (the ceil(p * n)-th smallest), null when the row has no decision.
 * - Item dimensions (category, sub-category, reporting code): an application, licence or consultation
 *   counts once in every key one of its items falls under; a row's values are the values of its items
 *   under that key only. Counts across those rows therefore add up to more than the total when a case
 *   spans several keys; values add up to the total.
 * - Rows: only keys with at least one non-zero count, sorted by key (code-unit order); `byMonth`
 *   always has the twelve months of the year. `memberState` keeps only that authority's own figures.
 * - Cyber-surveillance table: applications received in the year (by submission date), one count per
 *   application and flagged control entry (or Art 5 catch-all), with the authority, destination and
 *   the decision outcome as of `asOf` (GRANTED, DENIED, WITHDRAWN or PENDING).
 */

/** A stored event as the event store hands it out. */
export interface ReportSourceEvent {
  readonly type: string;
  readonly data: unknown;
  readonly streamId: string;
  readonly recordedAt: Date | string;
  readonly metadata?: unknown;
}

export interface AnnualReportOptions {
  readonly year: number;
  /** The report as it would have been produced at this instant: later events are ignored. */
  readonly asOf?: Date;
  /** One authority's own figures; EU-wide when absent. */
  readonly memberState?: string;
  /** Smallest count the public dataset shows (transparencyDataset); default 3. */
  readonly smallCellThreshold?: number;
}

/** An amount in one currency (ISO 4217), not converted. */
export interface CurrencyAmount {
  readonly currency: string;
  readonly amount: number;
}

/** The figures of one row of the report. `...ValueEur` fields are EUR only (see above). */
export interface ReportFigures {
  readonly applications: number;
  readonly granted: number;
  /** EUR: the values in EUR and the others converted at the reference rate in force on the decision date. */
  readonly grantedValueEur: number;
  /** Values in another currency with no reference rate in force on the decision date: apart, per currency. */
  readonly grantedValuesWithoutEurRate: readonly CurrencyAmount[];
  readonly denied: number;
  readonly deniedValueEur: number;
  readonly deniedValuesWithoutEurRate: readonly CurrencyAmount[];
  /** Items of the grants and denials whose value was converted into EUR at a recorded reference rate. */
  readonly itemsConvertedToEur: number;
  /** Items of the grants and denials whose value is reported apart, for want of a rate. */
  readonly itemsWithoutEurRate: number;
  readonly annulments: number;
  readonly suspensions: number;
  readonly revocations: number;
  readonly consultationsOpened: number;
  readonly consultationsObjected: number;
  readonly consultationsLapsed: number;
  /** Working days from submission to decision over the row's grants and denials; null without any. */
  readonly processingDaysMedian: number | null;
  readonly processingDaysP90: number | null;
}

export type MemberStateRow = { readonly memberState: string } & ReportFigures;
export type DestinationRow = { readonly destination: string } & ReportFigures;
/** '0'..'9', or CATCH_ALL for unlisted items. */
export type CategoryRow = { readonly category: string } & ReportFigures;
/** '0A'..'9E', or CATCH_ALL. */
export type SubCategoryRow = { readonly subCategory: string } & ReportFigures;
export type ReportingCodeRow = { readonly reportingCode: string } & ReportFigures;
/** An application kind, or NONE for consultations about no application. */
export type LicenceKindRow = { readonly kind: ApplicationKind | 'NONE' } & ReportFigures;
/** YYYY-MM. */
export type MonthRow = { readonly month: string } & ReportFigures;

export type CyberSurveillanceOutcome = 'GRANTED' | 'DENIED' | 'WITHDRAWN' | 'PENDING';

export interface CyberSurveillanceRow {
  /** The flagged Annex I entry as classified, or CATCH_ALL:ART5 for an Art 5 catch-all item. */
  readonly controlEntry: string;
  readonly memberState: string;
  readonly destination: string;
  readonly outcome: CyberSurveillanceOutcome;
  readonly applications: number;
}

/** The Art 26 annual report: JSON-serialisable, every list sorted by its key fields. */
export interface AnnualReport {
  readonly year: number;
  /** The authority whose own figures these are; null for the EU-wide report. */
  readonly memberState: MemberStateCode | null;
  /** ISO instant the report is as of; null for everything recorded. */
  readonly asOf: string | null;
  readonly smallCellThreshold: number;
  readonly totals: ReportFigures;
  readonly byMemberState: readonly MemberStateRow[];
  readonly byDestination: readonly DestinationRow[];
  readonly byCategory: readonly CategoryRow[];
  readonly bySubCategory: readonly SubCategoryRow[];
  readonly byReportingCode: readonly ReportingCodeRow[];
  readonly byLicenceKind: readonly LicenceKindRow[];
  readonly byMonth: readonly MonthRow[];
  readonly cyberSurveillance: readonly CyberSurveillanceRow[];
  /**
   * Registered users of general authorisations and their use (Rec. (EU) 2024/214 sections 5.2, 5.3),
   * and administration and enforcement: see general-authorisation-report.ts for their rules.
   */
  readonly generalAuthorisations: GeneralAuthorisationReport;
}

export const DEFAULT_SMALL_CELL_THRESHOLD = 3;

/** The count fields of ReportFigures, in report order. */
export const REPORT_COUNT_FIELDS = [
  'applications',
  'granted',
  'denied',
  'itemsConvertedToEur',
  'itemsWithoutEurRate',
  'annulments',
  'suspensions',
  'revocations',
  'consultationsOpened',
  'consultationsObjected',
  'consultationsLapsed',
] as const satisfies readonly (keyof ReportFigures)[];
export type ReportCountField = (typeof REPORT_COUNT_FIELDS)[number];

/** The fields of ReportFigures that hold one number (or null): every field but the values apart. */
export type ReportNumberField = {
  [F in keyof ReportFigures]: ReportFigures[F] extends number | null ? F : never;
}[keyof ReportFigures];

/** The values-apart field that goes with each value in EUR. */
export const VALUES_WITHOUT_EUR_RATE = {
  grantedValueEur: 'grantedValuesWithoutEurRate',
  deniedValueEur: 'deniedValuesWithoutEurRate',
} as const satisfies Partial<Record<ReportNumberField, keyof ReportFigures>>;

/** Amounts apart as text: `USD 1200.5; CHF 30` (empty when none). */
export function valuesApartText(amounts: readonly CurrencyAmount[]): string {
  return amounts.map(({ currency, amount }) => `${currency} ${amount}`).join('; ');
}

/** Recomputes the annual report from the raw event log (see the rules above). */
export function computeAnnualReport(events: Iterable<ReportSourceEvent>, options: AnnualReportOptions): AnnualReport {
  const { year, asOf, memberState, threshold } = checkedOptions(options);
  const log = new LogState();
  const generalAuthorisationEvents: GeneralAuthorisationReportEvent[] = [];
  for (const event of events) {
    if (asOf !== null && instant(event.recordedAt) > asOf.getTime()) continue;
    if (GENERAL_AUTHORISATION_EVENT_TYPES.has(event.type)) generalAuthorisationEvents.push(event);
    log.apply(event);
  }
  const tables = new Tables(year, new ReferenceRateTable(log.rateRecordings));
  for (const fact of log.facts()) {
    if (memberState !== null && fact.memberState !== memberState) continue;
    tables.add(fact);
  }
  return {
    year,
    memberState,
    asOf: asOf === null ? null : asOf.toISOString(),
    smallCellThreshold: threshold,
    ...tables.result(),
    generalAuthorisations: computeGeneralAuthorisationReport(generalAuthorisationEvents, { year, asOf, memberState }),
  };
}

const GENERAL_AUTHORISATION_EVENT_TYPES: ReadonlySet<string> = new Set(GENERAL_AUTHORISATION_REPORT_EVENT_TYPES);

function checkedOptions(options: AnnualReportOptions) {
  if (!Number.isInteger(options.year) || options.year < 1000 || options.year > 9999) {
    throw refuse.invalid('report-year', `year must be a four-digit year (got ${options.year})`);
  }
  if (options.asOf !== undefined && Number.isNaN(options.asOf.getTime())) {
    throw refuse.invalid('report-as-of', 'asOf is not a valid instant');
  }
  let memberState: MemberStateCode | null = null;
  if (options.memberState !== undefined) {
    const normalised = normaliseMemberState(options.memberState);
    if (normalised === undefined) {
      throw refuse.invalid('member-state-code', `'${options.memberState}' is not an EU member state`);
    }
    memberState = normalised;
  }
  const threshold = options.smallCellThreshold ?? DEFAULT_SMALL_CELL_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw refuse.invalid(
      'small-cell-threshold',
      `smallCellThreshold must be a positive whole number (got ${threshold})`,
    );
  }
  return { year: options.year, asOf: options.asOf ?? null, memberState, threshold };
}

function instant(value: Date | string): number {
  return value instanceof Date ? value.getTime() : Date.parse(value);
}

// ---- the fold: one small record per stream ----

interface ApplicationRecord {
  readonly applicationId: string;
  readonly kind: ApplicationKind;
  readonly authority: MemberStateCode;
  readonly submittedAt: string;
  content: ApplicationContent;
  decision: { readonly granted: boolean; readonly issuedAt: string } | null;
  withdrawn: boolean;
}

interface LicenceRecord {
  readonly issued: LicenceIssued['data'];
  readonly endings: { readonly measure: 'annulments' | 'suspensions' | 'revocations'; readonly at: string }[];
}

interface ConsultationRecord {
  readonly opened: ConsultationOpened['data'];
  objectedAt: string | null;
  lapsedAt: string | null;
}

type KnownEvent = ApplicationEvent | LicenceEvent | ConsultationEvent | ReferenceRatesRecorded;

const OBJECTING_ANSWERS: ReadonlySet<string> = new Set(['OBJECTION', 'OBJECT']);

class LogState {
  private readonly applications = new Map<string, ApplicationRecord>();
  private readonly licences = new Map<string, LicenceRecord>();
  private readonly consultations = new Map<string, ConsultationRecord>();
  /** Every reference-rate recording (all recorded by asOf: later events never reach apply). */
  readonly rateRecordings: RateRecording[] = [];

  apply(stored: ReportSourceEvent): void {
    const event = { type: stored.type, data: stored.data } as KnownEvent;
    const stream = stored.streamId;
    switch (event.type) {
      case 'ApplicationSubmitted':
        this.applications.set(stream, {
          applicationId: event.data.applicationId,
          kind: event.data.kind,
          authority: event.data.authority,
          submittedAt: event.data.submittedAt,
          content: event.data.content,
          decision: null,
          withdrawn: false,
        });
        return;
      case 'ApplicationAmended':
        this.withApplication(stream, (record) => (record.content = event.data.content));
        return;
      case 'ItemClassified':
        this.withApplication(stream, (record) => {
          const { itemIndex, classification } = event.data;
          const items = record.content.items.map((item, index) =>
            index === itemIndex ? { ...item, classification } : item,
          );
          record.content = { ...record.content, items };
        });
        return;
      case 'ApplicationWithdrawn':
        this.withApplication(stream, (record) => (record.withdrawn = true));
        return;
      case 'DecisionIssued':
        this.withApplication(stream, (record) => {
          record.decision = { granted: event.data.outcome !== 'DENY', issuedAt: event.data.issuedAt };
        });
        return;
      case 'LicenceIssued':
        this.licences.set(stream, { issued: event.data, endings: [] });
        return;
      case 'LicenceAnnulled':
        this.licences.get(stream)?.endings.push({ measure: 'annulments', at: event.data.annulledAt });
        return;
      case 'LicenceSuspended':
        this.licences.get(stream)?.endings.push({ measure: 'suspensions', at: event.data.suspendedAt });
        return;
      case 'LicenceRevoked':
        this.licences.get(stream)?.endings.push({ measure: 'revocations', at: event.data.revokedAt });
        return;
      case 'ConsultationOpened':
        this.consultations.set(stream, { opened: event.data, objectedAt: null, lapsedAt: null });
        return;
      case 'ConsultationReplied': {
        const record = this.consultations.get(stream);
        if (record && record.objectedAt === null && OBJECTING_ANSWERS.has(event.data.answer)) {
          record.objectedAt = event.data.repliedAt;
        }
        return;
      }
      case 'ConsultationDeadlineLapsed': {
        const record = this.consultations.get(stream);
        if (record && record.lapsedAt === null) record.lapsedAt = event.data.lapsedAt;
        return;
      }
      case 'ReferenceRatesRecorded':
        this.rateRecordings.push(rateRecordingOf(event.data, instant(stored.recordedAt)));
        return;
      // Not counted: assessment steps, the other licence measures, usage and extensions.
      case 'AssessmentStarted':
      case 'RiskFlagRaised':
      case 'RiskFlagCleared':
      case 'DenialMatchFound':
      case 'DecisionProposed':
      case 'GrantDespiteDenialNotified':
      case 'LicenceAmended':
      case 'LicenceAmendmentProposed':
      case 'LicenceAmendmentRefused':
      case 'LicenceGrantDespiteDenialNotified':
      case 'LicenceReinstated':
      case 'LicenceExpired':
      case 'LicenceUsageRecorded':
      case 'ExtensionRequested':
      case 'ExtensionGranted':
      case 'ExtensionDeclined':
      case 'ConsultationClosed':
      case 'SecurityInterestGrantNotified':
        return;
      default:
        // The denial register, general authorisations, ...: other streams of the same log.
        return outsideUnion(event);
    }
  }

  private withApplication(stream: string, change: (record: ApplicationRecord) => void): void {
    const record = this.applications.get(stream);
    if (record) change(record);
  }

  /** Every dated occurrence the report counts, with its dimensions. */
  *facts(): Generator<Fact> {
    const kindOfApplication = new Map<string, ApplicationKind>();
    for (const record of this.applications.values()) {
      kindOfApplication.set(record.applicationId, record.kind);
      yield* applicationFacts(record);
    }
    for (const record of this.licences.values()) yield* licenceFacts(record);
    for (const record of this.consultations.values()) {
      const applicationId = record.opened.subject.applicationId;
      const kind = (applicationId === null ? undefined : kindOfApplication.get(applicationId)) ?? 'NONE';
      yield* consultationFacts(record, kind);
    }
  }
}

// ---- facts: what one occurrence adds, and where ----

type Measure =
  | 'applications'
  | 'granted'
  | 'denied'
  | 'annulments'
  | 'suspensions'
  | 'revocations'
  | 'consultationsOpened'
  | 'consultationsObjected'
  | 'consultationsLapsed';

interface Fact {
  readonly measure: Measure;
  /** ISO instant of the occurrence, read in memberState's calendar. */
  readonly at: string;
  readonly memberState: MemberStateCode;
  readonly destination: string;
  readonly kind: ApplicationKind | 'NONE';
  readonly items: readonly ApplicationItem[];
  /** Set for grants and denials. */
  readonly processingDays: number | null;
  /** The application's cyber-surveillance outcome; set only on `applications` facts. */
  readonly cyberOutcome: CyberSurveillanceOutcome | null;
}

function* applicationFacts(record: ApplicationRecord): Generator<Fact> {
  const base = {
    memberState: record.authority,
    destination: record.content.destinationCountry,
    kind: record.kind,
    items: record.content.items,
  };
  yield {
    ...base,
    measure: 'applications',
    at: record.submittedAt,
    processingDays: null,
    cyberOutcome: cyberOutcomeOf(record),
  };
  if (record.decision === null) return;
  yield {
    ...base,
    measure: record.decision.granted ? 'granted' : 'denied',
    at: record.decision.issuedAt,
    processingDays: workingDaysBetween(
      new Date(record.submittedAt),
      new Date(record.decision.issuedAt),
      record.authority,
    ),
    cyberOutcome: null,
  };
}

function cyberOutcomeOf(record: ApplicationRecord): CyberSurveillanceOutcome {
  if (record.decision !== null) return record.decision.granted ? 'GRANTED' : 'DENIED';
  return record.withdrawn ? 'WITHDRAWN' : 'PENDING';
}

function* licenceFacts(record: LicenceRecord): Generator<Fact> {
  const { issued } = record;
  for (const ending of record.endings) {
    yield {
      measure: ending.measure,
      at: ending.at,
      memberState: issued.issuingMemberState,
      destination: issued.destinationCountry,
      kind: issued.kind,
      items: issued.items,
      processingDays: null,
      cyberOutcome: null,
    };
  }
}

function* consultationFacts(record: ConsultationRecord, kind: ApplicationKind | 'NONE'): Generator<Fact> {
  const { opened } = record;
  const base = {
    memberState: opened.requester,
    destination: opened.packet.destinationCountry,
    kind,
    items: opened.packet.items,
    processingDays: null,
    cyberOutcome: null,
  };
  yield { ...base, measure: 'consultationsOpened', at: opened.openedAt };
  if (record.objectedAt !== null) yield { ...base, measure: 'consultationsObjected', at: record.objectedAt };
  if (record.lapsedAt !== null) yield { ...base, measure: 'consultationsLapsed', at: record.lapsedAt };
}

// ---- the tables ----

/** Figures being summed; values in thousandths so the sums are exact. */
class Accumulator {
  readonly counts: Record<Measure, number> = {
    applications: 0,
    granted: 0,
    denied: 0,
    annulments: 0,
    suspensions: 0,
    revocations: 0,
    consultationsOpened: 0,
    consultationsObjected: 0,
    consultationsLapsed: 0,
  };
  grantedThousandths = 0;
  deniedThousandths = 0;
  /** Thousandths per currency of the values without a rate. */
  readonly grantedApart = new Map<string, number>();
  readonly deniedApart = new Map<string, number>();
  itemsConvertedToEur = 0;
  itemsWithoutEurRate = 0;
  readonly processingDays: number[] = [];

  constructor(private readonly rates: ReferenceRateTable) {}

  /** `localDate`: the occurrence's local date, the decision date of a grant or denial. */
  add(fact: Fact, items: readonly ApplicationItem[], localDate: string): void {
    this.counts[fact.measure] += 1;
    if (fact.measure === 'granted' || fact.measure === 'denied') {
      const granted = fact.measure === 'granted';
      let thousandths = 0;
      for (const item of items) {
        if (item.currency === 'EUR') {
          thousandths += Math.round(item.value * 1000);
          continue;
        }
        const rate = this.rates.inForce(item.currency, localDate);
        if (rate !== null) {
          thousandths += eurThousandthsAt(item.value, rate.unitsPerEur);
          this.itemsConvertedToEur += 1;
        } else {
          const apart = granted ? this.grantedApart : this.deniedApart;
          apart.set(item.currency, (apart.get(item.currency) ?? 0) + Math.round(item.value * 1000));
          this.itemsWithoutEurRate += 1;
        }
      }
      if (granted) this.grantedThousandths += thousandths;
      else this.deniedThousandths += thousandths;
    }
    if (fact.processingDays !== null) this.processingDays.push(fact.processingDays);
  }

  isEmpty(): boolean {
    return Object.values(this.counts).every((count) => count === 0);
  }

  figures(): ReportFigures {
    const days = [...this.processingDays].sort((a, b) => a - b);
    const { counts } = this;
    return {
      applications: counts.applications,
      granted: counts.granted,
      grantedValueEur: this.grantedThousandths / 1000,
      grantedValuesWithoutEurRate: amountsOf(this.grantedApart),
      denied: counts.denied,
      deniedValueEur: this.deniedThousandths / 1000,
      deniedValuesWithoutEurRate: amountsOf(this.deniedApart),
      itemsConvertedToEur: this.itemsConvertedToEur,
      itemsWithoutEurRate: this.itemsWithoutEurRate,
      annulments: counts.annulments,
      suspensions: counts.suspensions,
      revocations: counts.revocations,
      consultationsOpened: counts.consultationsOpened,
      consultationsObjected: counts.consultationsObjected,
      consultationsLapsed: counts.consultationsLapsed,
      processingDaysMedian: nearestRank(days, 0.5),
      processingDaysP90: nearestRank(days, 0.9),
    };
  }
}

/** Amounts in thousandths by currency, as amounts sorted by currency. */
function amountsOf(thousandths: ReadonlyMap<string, number>): CurrencyAmount[] {
  return [...thousandths]
    .sort(([a], [b]) => compareKeys(a, b))
    .map(([currency, amount]) => ({ currency, amount: amount / 1000 }));
}

/** The ceil(p * n)-th smallest of sorted values (nearest-rank percentile); null for none. */
export function nearestRank(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[rank - 1] ?? null;
}

class Table {
  private readonly rows = new Map<string, Accumulator>();

  constructor(private readonly rates: ReferenceRateTable) {}

  at(key: string): Accumulator {
    let row = this.rows.get(key);
    if (!row) {
      row = new Accumulator(this.rates);
      this.rows.set(key, row);
    }
    return row;
  }

  /** Non-empty rows sorted by key. */
  sorted<K extends string>(field: K): ({ readonly [F in K]: string } & ReportFigures)[] {
    return [...this.rows.entries()]
      .filter(([, row]) => !row.isEmpty())
      .sort(([a], [b]) => compareKeys(a, b))
      .map(([key, row]) => ({ [field]: key, ...row.figures() }) as { readonly [F in K]: string } & ReportFigures);
  }
}

function compareKeys(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

type ItemDimension = 'category' | 'subCategory' | 'reportingCode';

class Tables {
  private readonly total: Accumulator;
  private readonly byMemberState: Table;
  private readonly byDestination: Table;
  private readonly byKind: Table;
  private readonly byMonth: Table;
  private readonly byItemKey: Record<ItemDimension, Table>;
  private readonly cyber = new Map<string, { row: Omit<CyberSurveillanceRow, 'applications'>; count: number }>();

  constructor(
    private readonly year: number,
    rates: ReferenceRateTable,
  ) {
    this.total = new Accumulator(rates);
    this.byMemberState = new Table(rates);
    this.byDestination = new Table(rates);
    this.byKind = new Table(rates);
    this.byMonth = new Table(rates);
    this.byItemKey = { category: new Table(rates), subCategory: new Table(rates), reportingCode: new Table(rates) };
    for (let month = 1; month <= 12; month += 1) this.byMonth.at(monthKey(year, month));
  }

  add(fact: Fact): void {
    const localDate = localDateOf(fact.at, fact.memberState);
    if (localDate.slice(0, 4) !== String(this.year)) return;
    const all = fact.items;
    this.total.add(fact, all, localDate);
    this.byMemberState.at(fact.memberState).add(fact, all, localDate);
    this.byDestination.at(fact.destination).add(fact, all, localDate);
    this.byKind.at(fact.kind).add(fact, all, localDate);
    this.byMonth.at(localDate.slice(0, 7)).add(fact, all, localDate);
    const keys = all.map((item) => itemReportingKeys(item.classification));
    for (const dimension of ['category', 'subCategory', 'reportingCode'] as const) {
      for (const [key, items] of groupItems(all, keys, dimension))
        this.byItemKey[dimension].at(key).add(fact, items, localDate);
    }
    if (fact.cyberOutcome !== null) this.addCyber(fact, fact.cyberOutcome);
  }

  private addCyber(fact: Fact, outcome: CyberSurveillanceOutcome): void {
    const entries = new Set(fact.items.map((item) => cyberSurveillanceKey(item.classification)));
    for (const controlEntry of entries) {
      if (controlEntry === null) continue;
      const row = { controlEntry, memberState: fact.memberState, destination: fact.destination, outcome };
      const key = [row.controlEntry, row.memberState, row.destination, row.outcome].join('\u0000');
      const existing = this.cyber.get(key);
      if (existing) existing.count += 1;
      else this.cyber.set(key, { row, count: 1 });
    }
  }

  result(): Omit<AnnualReport, 'year' | 'memberState' | 'asOf' | 'smallCellThreshold' | 'generalAuthorisations'> {
    return {
      totals: this.total.figures(),
      byMemberState: this.byMemberState.sorted('memberState'),
      byDestination: this.byDestination.sorted('destination'),
      byCategory: this.byItemKey.category.sorted('category'),
      bySubCategory: this.byItemKey.subCategory.sorted('subCategory'),
      byReportingCode: this.byItemKey.reportingCode.sorted('reportingCode'),
      byLicenceKind: this.byKind.sorted('kind') as LicenceKindRow[],
      byMonth: [...Array(12).keys()].map((index) => ({
        month: monthKey(this.year, index + 1),
        ...this.byMonth.at(monthKey(this.year, index + 1)).figures(),
      })),
      cyberSurveillance: [...this.cyber.entries()]
        .sort(([a], [b]) => compareKeys(a, b))
        .map(([, { row, count }]) => ({ ...row, applications: count })),
    };
  }
}

const HOUR = 3_600_000;
const localDates = new Map<string, string>();

/**
 * localDateIn, memoised by member state and UTC hour: every member state's zone is a whole number of
 * hours from UTC, so the local date cannot change within a UTC hour. Time-zone arithmetic through Intl
 * is what a report over tens of thousands of cases spends its time on.
 */
function localDateOf(iso: string, memberState: MemberStateCode): string {
  const hourStart = Math.floor(Date.parse(iso) / HOUR) * HOUR;
  const key = `${memberState}${hourStart}`;
  let date = localDates.get(key);
  if (date === undefined) {
    date = localDateIn(new Date(hourStart), memberState);
    if (localDates.size > 100_000) localDates.clear();
    localDates.set(key, date);
  }
  return date;
}

function monthKey(year: number, month: number): string {
  return `${year}-${String(month).padStart(2, '0')}`;
}

/** The items grouped by their key in one item dimension, in first-seen order. */
function groupItems(
  items: readonly ApplicationItem[],
  keys: readonly ItemReportingKeys[],
  dimension: ItemDimension,
): Map<string, ApplicationItem[]> {
  const groups = new Map<string, ApplicationItem[]>();
  for (const [index, item] of items.entries()) {
    const key = keys[index]?.[dimension] ?? itemReportingKeys(item.classification)[dimension];
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}
