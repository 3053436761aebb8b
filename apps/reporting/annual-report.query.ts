import { Inject, Injectable, Optional } from '@nestjs/common';
import { ProjectionHost } from '@dul/platform';
import type {
  AnnualReport,
  AnnualReportOptions,
  ApplicationKind,
  CyberSurveillanceOutcome,
  CyberSurveillanceRow,
  GeneralAuthorisationReportEvent,
  ItemReportingKeys,
  MemberStateCode,
  RateRecording,
  ReportFigures,
  TransparencyDataset,
} from '@dul/domain';
import {
  computeGeneralAuthorisationReport,
  cyberSurveillanceKey,
  DEFAULT_SMALL_CELL_THRESHOLD,
  eurThousandthsAt,
  itemReportingKeys,
  localDateIn,
  normaliseMemberState,
  ReferenceRateTable,
  refuse,
  transparencyDataset,
} from '@dul/domain';
import type { ProjectionStore } from '@dul/projections';
import { MAX_PAGE_SIZE, PROJECTION_STORE } from '@dul/projections';
import type {
  ApplicationChange,
  ConsultationChange,
  Dated,
  FactItem,
  LicenceEnding,
  LicenceFact,
  LicenceMeasure,
  ReportFactsDocument,
} from './report-facts.projection';
import type { GeneralAuthorisationFactsDocument } from './general-authorisation-facts.projection';
import {
  GENERAL_AUTHORISATION_FACTS_PROJECTION,
  generalAuthorisationEventsOf,
} from './general-authorisation-facts.projection';
import {
  applicationIdOf,
  classificationOf,
  licenceIdOf,
  REFERENCE_RATES_FACT_ID,
  REPORT_FACTS_PROJECTION,
} from './report-facts.projection';

/*
 * The Art 26 annual report from the reporting facts (report-facts.projection.ts), following the rules
 * in libs/domain/src/reporting/annual-report.ts to the letter. It is written apart from that module's
 * fold (computeAnnualReport), which is the reference it is checked against: the two share only the
 * report's types, the reporting-code table, the calendar and the reference-rate table.
 */

export const REPORTING_OPTIONS = Symbol.for('dul.ReportingOptions');

export interface ReportingOptions {
  /** Smallest count the public dataset shows. */
  readonly smallCellThreshold: number;
}

/**
 * The annual report of these facts: every shard, once, the licence documents of the licences with
 * endings (others are not needed) and the reference rates document; in any order.
 */
export function reportFromFacts(
  documents: Iterable<ReportFactsDocument>,
  options: AnnualReportOptions,
  /** The general-authorisation and administration events (general-authorisation-facts.projection). */
  generalAuthorisationEvents: readonly GeneralAuthorisationReportEvent[] = [],
): AnnualReport {
  const { year, asOf, memberState, threshold } = validOptions(options);
  const cutoff = asOf === null ? Number.POSITIVE_INFINITY : asOf.getTime();
  const prefix = `${year}-`;
  const counted = (ms: MemberStateCode, on: string): boolean =>
    on.startsWith(prefix) && (memberState === null || ms === memberState);
  const rateRecordings: RateRecording[] = [];
  const rest: ReportFactsDocument[] = [];
  for (const document of documents) {
    if (document.kind === 'reference-rates') rateRecordings.push(...document.recordings);
    else rest.push(document);
  }
  const tables = new ReportTables(year, new ReferenceRateTable(rateRecordings, cutoff));
  // Every application recorded by asOf names its kind for the consultations about it, whoever's it is.
  const kindOfApplication = new Map<string, ApplicationKind>();
  const licences = new Map<string, LicenceFact>();
  const licenceEndings: [streamId: string, endings: readonly LicenceEnding[]][] = [];
  const consultations: (readonly ConsultationChange[])[] = [];

  for (const document of rest) {
    if (document.kind === 'licence') licences.set(document.streamId, document);
    if (document.kind === 'licence-endings') licenceEndings.push(...Object.entries(document.facts));
    if (document.kind === 'consultation') consultations.push(...Object.values(document.facts));
    if (document.kind !== 'application') continue;
    for (const streamId in document.facts) {
      const application = applicationAsOf(streamId, document.facts[streamId] ?? [], cutoff);
      if (application === null) continue;
      kindOfApplication.set(application.applicationId, application.kind);
      const { authority, submitted, decision } = application;
      const received = counted(authority, submitted.on);
      const decided = decision !== null && counted(authority, decision.on);
      if (!received && !decided) continue;
      const { destination, items, kind } = application;
      const groups = tables.groupsOf(items);
      if (received) {
        tables.add('applications', submitted.on, authority, destination, kind, groups);
        tables.addCyber(authority, destination, items, outcomeOf(application));
      }
      if (decision !== null && decided) {
        const measure = decision.granted ? 'granted' : 'denied';
        tables.add(measure, decision.on, authority, destination, kind, groups, decision.processingDays);
      }
    }
  }

  for (const [streamId, endings] of licenceEndings) {
    const licence = licences.get(streamId);
    // A licence recorded by asOf, and its endings recorded after it and by asOf.
    if (licence === undefined || licence.recorded > cutoff) continue;
    const { memberState: issuer, destination, licenceKind, items } = licence;
    for (const { measure, at, recorded } of endings) {
      if (recorded > cutoff || recorded < licence.recorded) continue;
      const on = localDateIn(new Date(at), issuer);
      if (counted(issuer, on)) tables.add(measure, on, issuer, destination, licenceKind, tables.groupsOf(items));
    }
  }

  for (const changes of consultations) {
    const consultation = consultationAsOf(changes, cutoff);
    if (consultation === null) continue;
    const { requester, applicationId, destination, items } = consultation;
    const kind = (applicationId === null ? undefined : kindOfApplication.get(applicationId)) ?? 'NONE';
    const steps = [
      ['consultationsOpened', consultation.opened],
      ['consultationsObjected', consultation.objected],
      ['consultationsLapsed', consultation.lapsed],
    ] as const;
    for (const [measure, when] of steps) {
      if (when !== null && counted(requester, when.on)) {
        tables.add(measure, when.on, requester, destination, kind, tables.groupsOf(items));
      }
    }
  }

  return {
    year,
    memberState,
    asOf: asOf === null ? null : asOf.toISOString(),
    smallCellThreshold: threshold,
    ...tables.tables(),
    generalAuthorisations: computeGeneralAuthorisationReport(generalAuthorisationEvents, { year, asOf, memberState }),
  };
}

function validOptions(options: AnnualReportOptions) {
  const { year } = options;
  if (!Number.isInteger(year) || year < 1000 || year > 9999) {
    throw refuse.invalid('report-year', `year must be a four-digit year (got ${year})`);
  }
  const asOf = options.asOf ?? null;
  if (asOf !== null && Number.isNaN(asOf.getTime())) {
    throw refuse.invalid('report-as-of', 'asOf is not a valid instant');
  }
  let memberState: MemberStateCode | null = null;
  if (options.memberState !== undefined) {
    const code = normaliseMemberState(options.memberState);
    if (code === undefined) {
      throw refuse.invalid('member-state-code', `'${options.memberState}' is not an EU member state`);
    }
    memberState = code;
  }
  const threshold = options.smallCellThreshold ?? DEFAULT_SMALL_CELL_THRESHOLD;
  if (!Number.isInteger(threshold) || threshold < 1) {
    throw refuse.invalid(
      'small-cell-threshold',
      `smallCellThreshold must be a positive whole number (got ${threshold})`,
    );
  }
  return { year, asOf, memberState, threshold };
}

// ---- a fact as of an instant: its changes recorded by then, applied in stream order ----

interface ApplicationAsOf {
  readonly applicationId: string;
  readonly kind: ApplicationKind;
  readonly authority: MemberStateCode;
  readonly submitted: Dated;
  destination: string;
  items: readonly FactItem[];
  decision: Extract<ApplicationChange, { type: 'decided' }> | null;
  withdrawn: boolean;
}

function applicationAsOf(
  streamId: string,
  changes: readonly ApplicationChange[],
  cutoff: number,
): ApplicationAsOf | null {
  let state: ApplicationAsOf | null = null;
  for (const change of changes) {
    if (change.recorded > cutoff) continue;
    if (change.type === 'submitted') {
      const { kind, authority, at, on, destination, items } = change;
      const applicationId = applicationIdOf(streamId, change);
      state = {
        applicationId,
        kind,
        authority,
        submitted: { at, on },
        destination,
        items,
        decision: null,
        withdrawn: false,
      };
      continue;
    }
    if (state === null) continue;
    switch (change.type) {
      case 'amended':
        state.destination = change.destination;
        state.items = change.items;
        break;
      case 'classified':
        state.items = state.items.map((item, index) =>
          index === change.itemIndex ? ([change.entry, item[1], item[2]] as const) : item,
        );
        break;
      case 'withdrawn':
        state.withdrawn = true;
        break;
      case 'decided':
        state.decision = change;
        break;
    }
  }
  return state;
}

function outcomeOf(application: ApplicationAsOf): CyberSurveillanceOutcome {
  if (application.decision !== null) return application.decision.granted ? 'GRANTED' : 'DENIED';
  return application.withdrawn ? 'WITHDRAWN' : 'PENDING';
}

interface ConsultationAsOf {
  readonly requester: MemberStateCode;
  readonly applicationId: string | null;
  readonly destination: string;
  readonly items: readonly FactItem[];
  readonly opened: Dated;
  objected: Dated | null;
  lapsed: Dated | null;
}

function consultationAsOf(changes: readonly ConsultationChange[], cutoff: number): ConsultationAsOf | null {
  let state: ConsultationAsOf | null = null;
  for (const change of changes) {
    if (change.recorded > cutoff) continue;
    switch (change.type) {
      case 'opened': {
        const { requester, applicationId, destination, items, at, on } = change;
        state = { requester, applicationId, destination, items, opened: { at, on }, objected: null, lapsed: null };
        break;
      }
      case 'objected':
        // Once per consultation: the first objecting reply.
        if (state !== null && state.objected === null) state.objected = { at: change.at, on: change.on };
        break;
      case 'lapsed':
        if (state !== null && state.lapsed === null) state.lapsed = { at: change.at, on: change.on };
        break;
    }
  }
  return state;
}

// ---- the tables ----

type Measure =
  | 'applications'
  | 'granted'
  | 'denied'
  | LicenceMeasure
  | 'consultationsOpened'
  | 'consultationsObjected'
  | 'consultationsLapsed';

/** One row being summed. Values in thousandths, integers, so the sum never depends on the order. */
class Row {
  applications = 0;
  granted = 0;
  denied = 0;
  annulments = 0;
  suspensions = 0;
  revocations = 0;
  consultationsOpened = 0;
  consultationsObjected = 0;
  consultationsLapsed = 0;
  grantedThousandths = 0;
  deniedThousandths = 0;
  /** Values without a reference rate, in thousandths by currency: reported apart, never in a EUR sum. */
  private readonly grantedApart = new Map<string, number>();
  private readonly deniedApart = new Map<string, number>();
  itemsConvertedToEur = 0;
  itemsWithoutEurRate = 0;
  /** How many of the row's decisions took each number of working days (the index). */
  private readonly days: number[] = [];
  private decisions = 0;

  constructor(private readonly rates: ReferenceRateTable) {}

  /** `on`: the local date of the occurrence (for a grant or denial, the decision date its rates are taken on). */
  count(measure: Measure, on: string, items: readonly FactItem[], processingDays: number | undefined): void {
    this[measure] += 1;
    if (measure !== 'granted' && measure !== 'denied') return;
    let thousandths = 0;
    for (const [, value, currency] of items) {
      if (currency === 'EUR') {
        thousandths += Math.round(value * 1000);
        continue;
      }
      const rate = this.rates.inForce(currency, on);
      if (rate === null) {
        const apart = measure === 'granted' ? this.grantedApart : this.deniedApart;
        apart.set(currency, (apart.get(currency) ?? 0) + Math.round(value * 1000));
        this.itemsWithoutEurRate += 1;
      } else {
        thousandths += eurThousandthsAt(value, rate.unitsPerEur);
        this.itemsConvertedToEur += 1;
      }
    }
    if (measure === 'granted') this.grantedThousandths += thousandths;
    else this.deniedThousandths += thousandths;
    if (processingDays !== undefined) {
      this.days[processingDays] = (this.days[processingDays] ?? 0) + 1;
      this.decisions += 1;
    }
  }

  figures(): ReportFigures {
    return {
      applications: this.applications,
      granted: this.granted,
      grantedValueEur: this.grantedThousandths / 1000,
      grantedValuesWithoutEurRate: apart(this.grantedApart),
      denied: this.denied,
      deniedValueEur: this.deniedThousandths / 1000,
      deniedValuesWithoutEurRate: apart(this.deniedApart),
      itemsConvertedToEur: this.itemsConvertedToEur,
      itemsWithoutEurRate: this.itemsWithoutEurRate,
      annulments: this.annulments,
      suspensions: this.suspensions,
      revocations: this.revocations,
      consultationsOpened: this.consultationsOpened,
      consultationsObjected: this.consultationsObjected,
      consultationsLapsed: this.consultationsLapsed,
      processingDaysMedian: this.percentile(0.5),
      processingDaysP90: this.percentile(0.9),
    };
  }

  /** Nearest rank: the ceil(p * n)-th smallest of the row's processing times; null without decisions. */
  private percentile(p: number): number | null {
    if (this.decisions === 0) return null;
    const rank = Math.max(1, Math.ceil(p * this.decisions));
    let seen = 0;
    for (let days = 0; days < this.days.length; days += 1) {
      seen += this.days[days] ?? 0;
      if (seen >= rank) return days;
    }
    return null;
  }
}

function apart(thousandths: ReadonlyMap<string, number>): { currency: string; amount: number }[] {
  return [...thousandths.keys()]
    .sort(byCodeUnits)
    .map((currency) => ({ currency, amount: (thousandths.get(currency) ?? 0) / 1000 }));
}

/** Rows by key; those something was counted in come out sorted by key in code-unit order. */
class Rows {
  private readonly byKey = new Map<string, Row>();

  constructor(private readonly rates: ReferenceRateTable) {}

  get(key: string): Row {
    let row = this.byKey.get(key);
    if (row === undefined) {
      row = new Row(this.rates);
      this.byKey.set(key, row);
    }
    return row;
  }

  list<F extends string>(field: F): ({ readonly [K in F]: string } & ReportFigures)[] {
    return [...this.byKey.keys()]
      .sort(byCodeUnits)
      .map((key) => ({ [field]: key, ...this.get(key).figures() }) as { readonly [K in F]: string } & ReportFigures);
  }
}

function byCodeUnits(a: string, b: string): number {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

const ITEM_DIMENSIONS = [
  'category',
  'subCategory',
  'reportingCode',
] as const satisfies readonly (keyof ItemReportingKeys)[];
type ItemDimension = (typeof ITEM_DIMENSIONS)[number];

/**
 * A case's items, and the items by their key in each item dimension: the case counts once under each
 * key, with the values of those items only.
 */
type ItemGroups = { readonly items: readonly FactItem[] } & Readonly<
  Record<ItemDimension, readonly (readonly [key: string, items: readonly FactItem[]])[]>
>;

class ReportTables {
  private readonly totals: Row;
  private readonly byMemberState: Rows;
  private readonly byDestination: Rows;
  private readonly byKind: Rows;
  private readonly byMonth: Rows;
  private readonly byItem: Record<ItemDimension, Rows>;
  /** Cyber-surveillance counts by control entry, member state, destination and outcome. */
  private readonly cyber = new Map<string, { row: Omit<CyberSurveillanceRow, 'applications'>; applications: number }>();
  /** The report's keys of each classification: a few dozen entries, looked up for every item. */
  private readonly keysOf = new Map<string, { keys: ItemReportingKeys; cyber: string | null }>();
  private readonly months: readonly string[];

  constructor(year: number, rates: ReferenceRateTable) {
    this.totals = new Row(rates);
    this.byMemberState = new Rows(rates);
    this.byDestination = new Rows(rates);
    this.byKind = new Rows(rates);
    this.byMonth = new Rows(rates);
    this.byItem = { category: new Rows(rates), subCategory: new Rows(rates), reportingCode: new Rows(rates) };
    this.months = Array.from({ length: 12 }, (_, index) => `${year}-${String(index + 1).padStart(2, '0')}`);
  }

  groupsOf(items: readonly FactItem[]): ItemGroups {
    const group = (dimension: ItemDimension) => {
      const groups: [string, FactItem[]][] = [];
      for (const item of items) {
        const key = this.classified(item[0]).keys[dimension];
        // A case has a handful of items: a linear search beats a map.
        const same = groups.find(([known]) => known === key);
        if (same === undefined) groups.push([key, [item]]);
        else same[1].push(item);
      }
      return groups;
    };
    return {
      items,
      category: group('category'),
      subCategory: group('subCategory'),
      reportingCode: group('reportingCode'),
    };
  }

  add(
    measure: Measure,
    on: string,
    memberState: string,
    destination: string,
    kind: string,
    groups: ItemGroups,
    processingDays?: number,
  ): void {
    const all = groups.items;
    this.totals.count(measure, on, all, processingDays);
    this.byMemberState.get(memberState).count(measure, on, all, processingDays);
    this.byDestination.get(destination).count(measure, on, all, processingDays);
    this.byKind.get(kind).count(measure, on, all, processingDays);
    this.byMonth.get(on.slice(0, 7)).count(measure, on, all, processingDays);
    for (const dimension of ITEM_DIMENSIONS) {
      for (const [key, grouped] of groups[dimension])
        this.byItem[dimension].get(key).count(measure, on, grouped, processingDays);
    }
  }

  /** One count per flagged control entry (or Art 5 catch-all) among the items of an application received. */
  addCyber(
    memberState: string,
    destination: string,
    items: readonly FactItem[],
    outcome: CyberSurveillanceOutcome,
  ): void {
    let entries: Set<string> | null = null;
    for (const [entry] of items) {
      const flagged = this.classified(entry).cyber;
      if (flagged !== null) (entries ??= new Set()).add(flagged);
    }
    for (const controlEntry of entries ?? []) {
      const key = `${controlEntry}\t${memberState}\t${destination}\t${outcome}`;
      const known = this.cyber.get(key);
      if (known !== undefined) known.applications += 1;
      else this.cyber.set(key, { row: { controlEntry, memberState, destination, outcome }, applications: 1 });
    }
  }

  tables(): Omit<AnnualReport, 'year' | 'memberState' | 'asOf' | 'smallCellThreshold' | 'generalAuthorisations'> {
    return {
      totals: this.totals.figures(),
      byMemberState: this.byMemberState.list('memberState'),
      byDestination: this.byDestination.list('destination'),
      byCategory: this.byItem.category.list('category'),
      bySubCategory: this.byItem.subCategory.list('subCategory'),
      byReportingCode: this.byItem.reportingCode.list('reportingCode'),
      byLicenceKind: this.byKind.list('kind') as AnnualReport['byLicenceKind'][number][],
      byMonth: this.months.map((month) => ({ month, ...this.byMonth.get(month).figures() })),
      cyberSurveillance: [...this.cyber.values()]
        .map(({ row, applications }) => ({ ...row, applications }))
        .sort(
          (a, b) =>
            byCodeUnits(a.controlEntry, b.controlEntry) ||
            byCodeUnits(a.memberState, b.memberState) ||
            byCodeUnits(a.destination, b.destination) ||
            byCodeUnits(a.outcome, b.outcome),
        ),
    };
  }

  private classified(entry: string): { keys: ItemReportingKeys; cyber: string | null } {
    let known = this.keysOf.get(entry);
    if (known === undefined) {
      const classification = classificationOf(entry);
      known = { keys: itemReportingKeys(classification), cyber: cyberSurveillanceKey(classification) };
      this.keysOf.set(entry, known);
    }
    return known;
  }
}

// ---- reading the facts ----

/** A report and the read model position it was computed at. */
export interface ReportAnswer<T> {
  readonly report: T;
  /** The facts projection's checkpoint (a global event position) the facts were read at. */
  readonly position: number;
}

/** The annual report and the public dataset, from the reporting facts. */
@Injectable()
export class AnnualReportQueries {
  constructor(
    @Inject(PROJECTION_STORE) private readonly readModels: ProjectionStore,
    @Inject(REPORTING_OPTIONS) private readonly options: ReportingOptions,
    @Optional() private readonly host?: ProjectionHost,
  ) {}

  /**
   * The position the facts reflect: a runner in this process may have read past its durable
   * checkpoint over events it does not handle (it commits that lazily, ADR 0003).
   */
  private async factsPosition(): Promise<number> {
    const runner = this.host?.runners.find((candidate) => candidate.projection.name === REPORT_FACTS_PROJECTION);
    return runner ? runner.readPosition() : this.readModels.checkpoint(REPORT_FACTS_PROJECTION);
  }

  async annual(options: Omit<AnnualReportOptions, 'smallCellThreshold'>): Promise<ReportAnswer<AnnualReport>> {
    const { documents, position } = await this.readFacts(options.year);
    const generalAuthorisations = await this.readGeneralAuthorisationFacts();
    return {
      report: reportFromFacts(
        documents,
        { ...options, smallCellThreshold: this.options.smallCellThreshold },
        generalAuthorisationEventsOf(generalAuthorisations),
      ),
      position,
    };
  }

  private async readGeneralAuthorisationFacts(): Promise<GeneralAuthorisationFactsDocument[]> {
    const documents: GeneralAuthorisationFactsDocument[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.readModels.findDocuments<GeneralAuthorisationFactsDocument>(
        GENERAL_AUTHORISATION_FACTS_PROJECTION,
        { limit: MAX_PAGE_SIZE, offset },
      );
      documents.push(...page);
      if (page.length < MAX_PAGE_SIZE) return documents;
    }
  }

  /** The public dataset of the EU-wide report, small cells suppressed below the configured threshold. */
  async transparency(options: { year: number; asOf?: Date }): Promise<ReportAnswer<TransparencyDataset>> {
    const { report, position } = await this.annual({ year: options.year, asOf: options.asOf });
    return { report: transparencyDataset(report, this.options.smallCellThreshold), position };
  }

  /**
   * Every shard, the licences with an ending around the year and the reference rates, at one checkpoint: pages read while
   * the projection commits a batch could mix two states, so the read is repeated when the checkpoint
   * moved meanwhile (after a few tries the last read is used: the projection is busy, and the next
   * report will be consistent).
   */
  private async readFacts(year: number): Promise<{ documents: ReportFactsDocument[]; position: number }> {
    for (let attempt = 1; ; attempt += 1) {
      const before = await this.factsPosition();
      const documents = await this.readShards();
      const have = new Set(documents.flatMap((document) => (document.kind === 'licence' ? [document.streamId] : [])));
      const wanted = licencesEndedAround(documents, year).filter((streamId) => !have.has(streamId));
      for (let start = 0; start < wanted.length; start += LICENCE_READS_AT_ONCE) {
        const batch = wanted.slice(start, start + LICENCE_READS_AT_ONCE);
        const licences = await Promise.all(
          batch.map((streamId) =>
            this.readModels.getDocument<LicenceFact>(REPORT_FACTS_PROJECTION, licenceIdOf(streamId)),
          ),
        );
        for (const licence of licences) if (licence !== null) documents.push(licence);
      }
      if (!documents.some((document) => document.kind === 'reference-rates')) {
        const rates = await this.readModels.getDocument<ReportFactsDocument>(
          REPORT_FACTS_PROJECTION,
          REFERENCE_RATES_FACT_ID,
        );
        if (rates !== null) documents.push(rates);
      }
      const after = await this.factsPosition();
      if (after === before || attempt >= 3) return { documents, position: after };
    }
  }

  /** The shards, in id order: they all come before the first licence document. */
  private async readShards(): Promise<ReportFactsDocument[]> {
    const documents: ReportFactsDocument[] = [];
    for (let offset = 0; ; offset += MAX_PAGE_SIZE) {
      const page = await this.readModels.findDocuments<ReportFactsDocument>(REPORT_FACTS_PROJECTION, {
        limit: MAX_PAGE_SIZE,
        offset,
      });
      documents.push(...page);
      if (page.length < MAX_PAGE_SIZE || page.some((document) => document.kind === 'licence')) return documents;
    }
  }
}

const LICENCE_READS_AT_ONCE = 32;
const DAY_MS = 86_400_000;

/**
 * The licences with an ending in the year or a day either side (a local date is at most a day from
 * the UTC one in the Union): reportFromFacts then counts exactly those in the year.
 */
function licencesEndedAround(documents: readonly ReportFactsDocument[], year: number): string[] {
  const from = Date.UTC(year, 0, 1) - DAY_MS;
  const to = Date.UTC(year + 1, 0, 1) + DAY_MS;
  const streams: string[] = [];
  for (const document of documents) {
    if (document.kind !== 'licence-endings') continue;
    for (const [streamId, endings] of Object.entries(document.facts)) {
      if (endings.some(({ at }) => at >= from && at < to)) streams.push(streamId);
    }
  }
  return streams;
}
