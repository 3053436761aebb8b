import type {
  ApplicationEvent,
  ApplicationItem,
  ApplicationKind,
  ConsultationEvent,
  ItemClassification,
  LicenceEvent,
  MemberStateCode,
  RateRecording,
  ReferenceRatesEvent,
} from '@dul/domain';
import { localDateIn, rateRecordingOf, workingDaysBetween } from '@dul/domain';
import type { StoredEvent } from '@dul/event-store';
import { toDomainEvent } from '@dul/event-store';
import type { Projection } from '@dul/projections';
import { applicationAggregate } from '../licensing/public/application.aggregate';

/*
 * The facts the Art 26 annual report is computed from (annual-report.query.ts): one per application,
 * licence and consultation.
 *
 * A fact is the entity's reportable CHANGES in stream order, each with the instant the store recorded
 * it (`recorded`): an application's submission with its content, its amendments and reclassifications,
 * withdrawal and decision; a licence's issue and its annulments, suspensions and revocations; a
 * consultation's opening, objecting replies and lapse. The report folds a fact's changes and skips
 * those recorded after `asOf`, so it is the report as it would have been produced then, from the
 * events and not from today's state. This relies on a stream's events being recorded at
 * non-decreasing instants, which the stores guarantee by stamping each append with their clock.
 *
 * Every business instant is kept with the local calendar date it falls on in the member state whose
 * figure it is (`on`), and a decision with its processing time in working days: both are settled when
 * the change is recorded and cost too much to work out again for 100,000 facts on every report.
 *
 * Applications and consultations are stored in SHARDS, a few dozen facts per document, not one
 * document each: the projection store hands documents out in pages of at most 500, by OFFSET and
 * without an index on document fields, so 50,000 one-fact documents take a hundred queries that each
 * rescan what came before (measured on SQLite with 100,000 documents: 10 s with a `contains` year
 * filter, 1.4 s without), and any filter on a document field costs a scan of the whole read model per
 * page. A fact's shard is fixed by its stream id (documentId sees one event, and the later events of
 * an application do not say its year), so a shard mixes years and the report reads every shard; the
 * year is applied in memory. Instants are epoch milliseconds and items tuples: parsing the documents
 * is most of the report's time (50,000 applications: 19 MB of shards, about 0.35 s per report).
 *
 * Licences are the exception: nearly all of them (99% in the seeded year) are never annulled,
 * suspended or revoked, and the report counts nothing else of a licence. So a licence's issue is kept
 * in a document of its own (`licence/<stream id>`, the LicenceIssued content the report needs), and
 * its endings in shards (`facts/licence-endings/...`) that the report reads with the others; it then
 * fetches the few licences that have endings. Shard ids sort before licence ids (`facts/` before
 * `licence/`), so reading the shards never pages through the licences.
 *
 * Reference exchange rates (ReferenceRatesRecorded, every source) are one document (`reference-rates`,
 * after the licences), each recording with its recorded instant, so a report as of an instant converts
 * at the rates recorded by then.
 */

export const REPORT_FACTS_PROJECTION = 'report-facts';

export type ShardKind = 'application' | 'licence-endings' | 'consultation';

/** Shards per kind. Changing a count moves facts between shards: rename the projection to rebuild it. */
export const FACT_SHARDS: Readonly<Record<ShardKind, number>> = {
  application: 2048,
  'licence-endings': 256,
  consultation: 256,
};

/** Every shard's id starts with this; licence documents' ids (`licence/...`) sort after all of them. */
export const SHARD_ID_PREFIX = 'facts/';
const LICENCE_ID_PREFIX = 'licence/';

/**
 * An item as the report reads it: the classification (an Annex I entry, or NOT_LISTED:<ground> for a
 * catch-all item, see classificationOf), the value and its currency.
 */
export type FactItem = readonly [entry: string, value: number, currency: string];

interface Recorded {
  /** Epoch milliseconds the store recorded the event at. */
  readonly recorded: number;
}

/** A business instant (epoch milliseconds) and its local date in the member state whose figure it is. */
export interface Dated {
  readonly at: number;
  /** YYYY-MM-DD in that member state's time zone (its capital's). */
  readonly on: string;
}

export type ApplicationChange = Recorded &
  (
    | ({
        readonly type: 'submitted';
        /** Only when it is not the stream id's suffix (`application-<id>`): see applicationIdOf. */
        readonly applicationId?: string;
        readonly kind: ApplicationKind;
        readonly authority: MemberStateCode;
        readonly destination: string;
        readonly items: readonly FactItem[];
      } & Dated)
    | { readonly type: 'amended'; readonly destination: string; readonly items: readonly FactItem[] }
    | { readonly type: 'classified'; readonly itemIndex: number; readonly entry: string }
    | { readonly type: 'withdrawn' }
    | ({
        readonly type: 'decided';
        readonly granted: boolean;
        /** Working days from the submission to the decision in the authority's calendar. */
        readonly processingDays: number;
      } & Dated)
  );

export type LicenceMeasure = 'annulments' | 'suspensions' | 'revocations';

/** An annulment, suspension or revocation of a licence (its local date needs the issuing member state: see LicenceFact). */
export interface LicenceEnding extends Recorded {
  readonly measure: LicenceMeasure;
  /** Epoch milliseconds of the measure (annulledAt, suspendedAt, revokedAt). */
  readonly at: number;
}

/** A licence as issued (LicenceIssued), one document per licence. */
export interface LicenceFact extends Recorded {
  readonly kind: 'licence';
  readonly streamId: string;
  readonly licenceKind: ApplicationKind;
  readonly memberState: MemberStateCode;
  readonly destination: string;
  readonly items: readonly FactItem[];
}

export type ConsultationChange = Recorded &
  (
    | ({
        readonly type: 'opened';
        readonly requester: MemberStateCode;
        /** The application it is about; null for none (a catch-all decision outside an application). */
        readonly applicationId: string | null;
        readonly destination: string;
        readonly items: readonly FactItem[];
      } & Dated)
    | ({ readonly type: 'objected' } & Dated)
    | ({ readonly type: 'lapsed' } & Dated)
  );

interface ShardOf<K extends ShardKind, C> {
  readonly kind: K;
  /** Each fact's changes in stream order, by stream id. */
  readonly facts: Readonly<Record<string, readonly C[]>>;
}

export type ApplicationShard = ShardOf<'application', ApplicationChange>;
export type LicenceEndingShard = ShardOf<'licence-endings', LicenceEnding>;
export type ConsultationShard = ShardOf<'consultation', ConsultationChange>;
export type FactShard = ApplicationShard | LicenceEndingShard | ConsultationShard;
/** Every reference-rate recording, in the order recorded. */
export interface ReferenceRatesFact {
  readonly kind: 'reference-rates';
  readonly recordings: readonly RateRecording[];
}

export type ReportFactsDocument = FactShard | LicenceFact | ReferenceRatesFact;

/** The id of the one document of reference rates; it sorts after every shard and licence id. */
export const REFERENCE_RATES_FACT_ID = 'reference-rates';

type ReportedEvent = ApplicationEvent | LicenceEvent | ConsultationEvent;

/**
 * Where the report keeps each event type of the three streams: a shard of changes, the licence's own
 * document, or nowhere (null: the report does not count it). The record is total over the unions, so a
 * new event type does not compile until it is decided here whether the Art 26 report counts it; the
 * switches below are exhaustive over the same unions.
 */
const KEPT_IN: { readonly [T in ReportedEvent['type']]: ShardKind | 'licence' | null } = {
  ApplicationSubmitted: 'application',
  ApplicationAmended: 'application',
  ItemClassified: 'application',
  ApplicationWithdrawn: 'application',
  DecisionIssued: 'application',
  AssessmentStarted: null,
  RiskFlagRaised: null,
  RiskFlagCleared: null,
  DenialMatchFound: null,
  DecisionProposed: null,
  GrantDespiteDenialNotified: null,
  LicenceIssued: 'licence',
  LicenceAnnulled: 'licence-endings',
  LicenceSuspended: 'licence-endings',
  LicenceRevoked: 'licence-endings',
  LicenceAmended: null,
  LicenceAmendmentProposed: null,
  LicenceAmendmentRefused: null,
  LicenceGrantDespiteDenialNotified: null,
  LicenceReinstated: null,
  LicenceExpired: null,
  LicenceUsageRecorded: null,
  ConsultationOpened: 'consultation',
  ConsultationReplied: 'consultation',
  ConsultationDeadlineLapsed: 'consultation',
  ExtensionRequested: null,
  ExtensionGranted: null,
  ExtensionDeclined: null,
  ConsultationClosed: null,
  SecurityInterestGrantNotified: null,
};

const SHARD_OF_TYPE: ReadonlyMap<string, ShardKind> = new Map(
  Object.entries(KEPT_IN).flatMap(([type, kept]) => (kept === null || kept === 'licence' ? [] : [[type, kept]])),
);

/** Replies that count as an objection: OBJECTION (Art 14(1)) and OBJECT (Art 4/5). */
const OBJECTING_ANSWERS: ReadonlySet<string> = new Set(['OBJECTION', 'OBJECT']);

const NOT_LISTED_PREFIX = 'NOT_LISTED:';

/** The compact form of a classification kept in a FactItem. */
export function entryOf(classification: ItemClassification): string {
  return classification.kind === 'LISTED'
    ? classification.controlEntry
    : `${NOT_LISTED_PREFIX}${classification.catchAllGround}`;
}

/** The classification a FactItem's entry stands for. */
export function classificationOf(entry: string): ItemClassification {
  if (!entry.startsWith(NOT_LISTED_PREFIX)) return { kind: 'LISTED', controlEntry: entry };
  const catchAllGround = entry.slice(NOT_LISTED_PREFIX.length) as 'ART4' | 'ART5' | 'NATIONAL';
  return { kind: 'NOT_LISTED', catchAllGround };
}

/** The application id of a submission on a stream. */
export function applicationIdOf(streamId: string, submission: { readonly applicationId?: string }): string {
  return submission.applicationId ?? applicationAggregate.category.idOf(streamId);
}

function factItems(items: readonly ApplicationItem[]): FactItem[] {
  return items.map((item) => [entryOf(item.classification), item.value, item.currency]);
}

function dated(at: string, memberState: MemberStateCode): Dated {
  const instant = new Date(at);
  return { at: instant.getTime(), on: localDateIn(instant, memberState) };
}

/** The id of the document holding a licence's issue. */
export function licenceIdOf(streamId: string): string {
  return `${LICENCE_ID_PREFIX}${streamId}`;
}

/** The id of the shard holding a stream's facts of a kind: `facts/application/0042`. */
export function shardIdOf(kind: ShardKind, streamId: string): string {
  // FNV-1a over the UTF-16 code units: stable across processes and releases, unlike a seeded hash.
  let hash = 0x811c9dc5;
  for (let index = 0; index < streamId.length; index += 1) {
    hash ^= streamId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${SHARD_ID_PREFIX}${kind}/${String(hash % FACT_SHARDS[kind]).padStart(4, '0')}`;
}

type AnyChange = ApplicationChange | LicenceEnding | ConsultationChange;

export const reportFactsProjection: Projection<ReportFactsDocument> = {
  name: REPORT_FACTS_PROJECTION,
  handles: [
    ...(Object.keys(KEPT_IN) as ReportedEvent['type'][]).filter((type) => KEPT_IN[type] !== null),
    'ReferenceRatesRecorded',
  ],
  documentId: (event: StoredEvent) => {
    if (event.type === 'LicenceIssued') return licenceIdOf(event.streamId);
    if (event.type === 'ReferenceRatesRecorded') return REFERENCE_RATES_FACT_ID;
    const kind = SHARD_OF_TYPE.get(event.type);
    return kind === undefined ? null : shardIdOf(kind, event.streamId);
  },
  evolve: (document, event) => {
    if (event.type === 'LicenceIssued') return licenceFact(event);
    if (event.type === 'ReferenceRatesRecorded') return referenceRatesFact(document, event);
    const kind = SHARD_OF_TYPE.get(event.type);
    if (kind === undefined || document?.kind === 'licence' || document?.kind === 'reference-rates') return document;
    const changes = (document?.facts[event.streamId] ?? []) as readonly AnyChange[];
    const change = nextChange(kind, changes, event);
    if (change === null) return document;
    // A new shard object and facts map: the document handed in stays as it was (evolve is pure).
    return {
      kind,
      facts: { ...document?.facts, [event.streamId]: [...changes, change] },
    } as FactShard;
  },
};

/** The change an event makes to a fact with these changes so far; null when the report is not concerned. */
function nextChange(kind: ShardKind, changes: readonly AnyChange[], event: StoredEvent): AnyChange | null {
  const recorded = event.recordedAt.getTime();
  switch (kind) {
    case 'application':
      return applicationChange(changes as readonly ApplicationChange[], event, recorded);
    case 'licence-endings':
      return licenceEnding(event, recorded);
    case 'consultation':
      return consultationChange(changes as readonly ConsultationChange[], event, recorded);
  }
}

function applicationChange(
  changes: readonly ApplicationChange[],
  stored: StoredEvent,
  recorded: number,
): ApplicationChange | null {
  const event = toDomainEvent<ApplicationEvent>(stored);
  if (event.type === 'ApplicationSubmitted') {
    const { applicationId, kind, authority, submittedAt, content } = event.data;
    return {
      type: 'submitted',
      recorded,
      ...(stored.streamId !== applicationAggregate.category.streamOf(applicationId) && { applicationId }),
      kind,
      authority,
      ...dated(submittedAt, authority),
      destination: content.destinationCountry,
      items: factItems(content.items),
    };
  }
  // Events of a stream that never started are not reported.
  const submission = lastOfType(changes, 'submitted');
  if (submission === undefined) return null;
  switch (event.type) {
    case 'ApplicationAmended': {
      const { content } = event.data;
      return { type: 'amended', recorded, destination: content.destinationCountry, items: factItems(content.items) };
    }
    case 'ItemClassified': {
      const { itemIndex, classification } = event.data;
      const entry = entryOf(classification);
      // A caseworker confirming the classification changes nothing, now or as of any later instant.
      if (currentItems(changes)[itemIndex]?.[0] === entry) return null;
      return { type: 'classified', recorded, itemIndex, entry };
    }
    case 'ApplicationWithdrawn':
      return { type: 'withdrawn', recorded };
    case 'DecisionIssued': {
      const { issuedAt, outcome } = event.data;
      const { authority, at: submittedAt } = submission;
      return {
        type: 'decided',
        recorded,
        granted: outcome !== 'DENY',
        ...dated(issuedAt, authority),
        processingDays: workingDaysBetween(new Date(submittedAt), new Date(issuedAt), authority),
      };
    }
    case 'AssessmentStarted':
    case 'RiskFlagRaised':
    case 'RiskFlagCleared':
    case 'DenialMatchFound':
    case 'DecisionProposed':
    case 'GrantDespiteDenialNotified':
      return null;
  }
}

/** The items as the changes so far leave them. */
function currentItems(changes: readonly ApplicationChange[]): readonly FactItem[] {
  let items: readonly FactItem[] = [];
  for (const change of changes) {
    if (change.type === 'submitted' || change.type === 'amended') items = change.items;
    else if (change.type === 'classified') {
      items = items.map((item, index) => (index === change.itemIndex ? [change.entry, item[1], item[2]] : item));
    }
  }
  return items;
}

function licenceFact(stored: StoredEvent): LicenceFact | null {
  const event = toDomainEvent<LicenceEvent>(stored);
  if (event.type !== 'LicenceIssued') return null;
  const { kind, issuingMemberState, destinationCountry, items } = event.data;
  return {
    kind: 'licence',
    streamId: stored.streamId,
    recorded: stored.recordedAt.getTime(),
    licenceKind: kind,
    memberState: issuingMemberState,
    destination: destinationCountry,
    items: factItems(items),
  };
}

function referenceRatesFact(document: ReportFactsDocument | null, stored: StoredEvent): ReferenceRatesFact | null {
  const event = toDomainEvent<ReferenceRatesEvent>(stored);
  const recordings = document?.kind === 'reference-rates' ? document.recordings : [];
  return {
    kind: 'reference-rates',
    recordings: [...recordings, rateRecordingOf(event.data, stored.recordedAt.getTime())],
  };
}

function licenceEnding(stored: StoredEvent, recorded: number): LicenceEnding | null {
  const event = toDomainEvent<LicenceEvent>(stored);
  switch (event.type) {
    case 'LicenceAnnulled':
      return { measure: 'annulments', at: Date.parse(event.data.annulledAt), recorded };
    case 'LicenceSuspended':
      return { measure: 'suspensions', at: Date.parse(event.data.suspendedAt), recorded };
    case 'LicenceRevoked':
      return { measure: 'revocations', at: Date.parse(event.data.revokedAt), recorded };
    case 'LicenceIssued':
    case 'LicenceAmendmentProposed':
    case 'LicenceAmendmentRefused':
    case 'LicenceGrantDespiteDenialNotified':
    case 'LicenceAmended':
    case 'LicenceReinstated':
    case 'LicenceExpired':
    case 'LicenceUsageRecorded':
      return null;
  }
}

function consultationChange(
  changes: readonly ConsultationChange[],
  stored: StoredEvent,
  recorded: number,
): ConsultationChange | null {
  const event = toDomainEvent<ConsultationEvent>(stored);
  if (event.type === 'ConsultationOpened') {
    const { requester, subject, packet, openedAt } = event.data;
    return {
      type: 'opened',
      recorded,
      requester,
      applicationId: subject.applicationId,
      destination: packet.destinationCountry,
      items: factItems(packet.items),
      ...dated(openedAt, requester),
    };
  }
  const opening = lastOfType(changes, 'opened');
  if (opening === undefined) return null;
  switch (event.type) {
    case 'ConsultationReplied':
      // Every objecting reply is kept: the first one recorded by `asOf` is the one counted.
      if (!OBJECTING_ANSWERS.has(event.data.answer)) return null;
      return { type: 'objected', recorded, ...dated(event.data.repliedAt, opening.requester) };
    case 'ConsultationDeadlineLapsed':
      return { type: 'lapsed', recorded, ...dated(event.data.lapsedAt, opening.requester) };
    case 'ExtensionRequested':
    case 'ExtensionGranted':
    case 'ExtensionDeclined':
    case 'ConsultationClosed':
    case 'SecurityInterestGrantNotified':
      return null;
  }
}

function lastOfType<C extends { readonly type: string }, T extends C['type']>(
  changes: readonly C[],
  type: T,
): Extract<C, { type: T }> | undefined {
  for (let index = changes.length - 1; index >= 0; index -= 1) {
    const change = changes[index] as C;
    if (change.type === type) return change as Extract<C, { type: T }>;
  }
  return undefined;
}
