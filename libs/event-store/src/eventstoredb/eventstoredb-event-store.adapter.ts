import { EventEmitter } from 'node:events';
import {
  ANY,
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  NO_STREAM,
  START,
  STREAM_EXISTS,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type AppendExpectedRevision,
  type EventData,
  type JSONType,
  type Position,
  type ReadPosition,
  type ReadRevision,
  type RecordedEvent,
} from '@eventstore/db-client';
import { DEFAULT_READ_BATCH, resolveRetriedAppend, validateAppend, type AlreadyStored } from '../append-rules';
import { ConcurrencyError, DuplicateEventIdError, InvalidAppendError } from '../event-store.errors';
import { chainBatch } from '../hash-chain';
import type { ChainedHashes } from '../hash-chain';
import type {
  AppendResult,
  EventMetadata,
  EventStore,
  ExpectedVersion,
  NewEvent,
  ReadAllOptions,
  ReadStreamOptions,
  StoredEvent,
} from '../event-store.port';
import { streamCategory } from '../event-store.port';

/*
 * EventStoreDB / KurrentDB adapter for the EventStore port (@eventstore/db-client 6.x, gRPC).
 *
 * Server requirements and assumptions (none of this could be verified against a live server when
 * the adapter was written; the contract suite in eventstoredb-event-store.int-spec.ts does that):
 *
 * - EventStoreDB >= 22.6 or any KurrentDB. Stream reads must carry the event's $all position
 *   (added server-side in 22.6, EventStore PR #3459); older servers do not send it and readStream
 *   throws rather than inventing a global position.
 * - Global positions. ESDB positions are {commit, prepare} byte offsets into the transaction log.
 *   Every event written by a gRPC append is an implicitly committed prepare record whose $all
 *   position is (logPosition, logPosition): commit === prepare and distinct per event, including
 *   events of one multi-event append. We therefore expose `globalPosition = Number(commit)` and
 *   resume a read from `{commit: after, prepare: after}`. Number() is exact because commit
 *   positions are log offsets in bytes and stay below 2^53 (9 PB of log); a larger value throws
 *   instead of silently losing precision. Legacy explicit transactions (TCP client only) share
 *   one commit position between events and are not supported.
 * - `readAll({ after })` expects `after` to be 0 or a globalPosition this adapter returned (an
 *   exact record boundary in the log), which is what the catch-up subscription and checkpoints use.
 * - Reading $all needs the $ops/$admins role on a secure server (or insecure mode, as in
 *   docker-compose.yml).
 * - The global-order guarantee of the port holds because ESDB has a single writer per log and
 *   $all reads only return committed records, in log order.
 *
 * Reserved stream names: the adapter keeps its own bookkeeping in streams starting with `dul_`
 * (event-id claims and checkpoints; not `$`-prefixed so no admin rights are needed to write them)
 * and refuses appends to those names and to `$`-prefixed system streams. readAll/headPosition
 * skip them, together with `$`-typed system events.
 *
 * Event ids are UUIDs; ESDB stores them in binary form and returns them lower-case, so the
 * adapter lower-cases ids on the way in and a reader always sees lower-case ids.
 */

const RESERVED_PREFIX = 'dul_';
const CLAIM_PREFIX = `${RESERVED_PREFIX}eventid-`;
const CHECKPOINT_PREFIX = `${RESERVED_PREFIX}checkpoint-`;
const PING_STREAM = `${RESERVED_PREFIX}ping`;
const CLAIM_EVENT_TYPE = 'EventIdClaimed';
const CHECKPOINT_EVENT_TYPE = 'CheckpointSaved';
/** Events fetched per round trip when readAll/headPosition page through $all. */
const ALL_PAGE_MIN = 256;
const ALL_PAGE_MAX = 4096;
/** How often an 'any' or 'stream-exists' append re-reads the head after losing a race. */
const MAX_LOOSE_APPEND_ATTEMPTS = 10;

/** ESDB reports "no position" in stream reads of older servers as ulong max. */
const NO_POSITION = 18446744073709551615n;

/** What the adapter keeps in each ESDB event's (JSON) metadata. */
interface StoredEventEnvelope {
  readonly schemaVersion: number;
  readonly metadata: EventMetadata;
  /** Standard ESDB metadata keys, so ESDB tooling and projections can follow correlation chains. */
  readonly $correlationId?: string;
  readonly $causationId?: string;
  /** The hash chain (hash-chain.ts), kept in the envelope: ESDB events have no columns of ours. */
  readonly prevHash?: string | null;
  readonly hash?: string;
}

/**
 * Body of the single event in `dul_eventid-<uuid>`: the first append that claimed the id decides
 * which stream it belongs to, for ever. `headAtClaim` is the last version of that stream observed
 * just before the claim was written (-1 when it did not exist): the event, if it was stored at all,
 * was stored after the claim and so at a higher version, which bounds the search on a retry.
 */
interface EventIdClaim {
  readonly streamId: string;
  readonly headAtClaim: number;
}

interface CheckpointBody {
  readonly position: number;
}

interface ClaimOutcome {
  readonly eventId: string;
  readonly owner: EventIdClaim;
  /** True when this append wrote the claim, so the id cannot have been stored anywhere before. */
  readonly createdNow: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Uint8Array);
}

function isEventMetadata(value: unknown): value is EventMetadata {
  return isRecord(value) && typeof value['actor'] === 'string' && typeof value['correlationId'] === 'string';
}

function isClaim(value: unknown): value is EventIdClaim {
  return isRecord(value) && typeof value['streamId'] === 'string' && typeof value['headAtClaim'] === 'number';
}

function isCheckpoint(value: unknown): value is CheckpointBody {
  return isRecord(value) && typeof value['position'] === 'number';
}

function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case 'no-stream':
      return NO_STREAM;
    case 'stream-exists':
      return STREAM_EXISTS;
    case 'any':
      return ANY;
    default:
      return BigInt(expected);
  }
}

function toGlobalPosition(position: Position | undefined, what: string): number {
  if (!position || position.commit === NO_POSITION) {
    throw new Error(
      `EventStoreDB returned no $all position for ${what}; this adapter needs EventStoreDB >= 22.6 or KurrentDB`,
    );
  }
  if (position.commit > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new Error(`EventStoreDB commit position ${position.commit} of ${what} does not fit a JS number`);
  }
  return Number(position.commit);
}

function comparePositions(a: Position, b: Position): number {
  if (a.commit !== b.commit) return a.commit < b.commit ? -1 : 1;
  if (a.prepare !== b.prepare) return a.prepare < b.prepare ? -1 : 1;
  return 0;
}

/** System events ($-types, $-streams) and the adapter's own bookkeeping never reach readers of $all. */
function isVisibleInAll(event: RecordedEvent): boolean {
  return !event.type.startsWith('$') && !event.streamId.startsWith('$') && !event.streamId.startsWith(RESERVED_PREFIX);
}

function toStoredEvent(event: RecordedEvent): StoredEvent {
  const envelope: unknown = event.metadata;
  const metadata: EventMetadata =
    isRecord(envelope) && isEventMetadata(envelope['metadata'])
      ? envelope['metadata']
      : // Written by something other than this adapter: keep what ESDB conventions offer.
        {
          actor: 'unknown',
          correlationId:
            isRecord(envelope) && typeof envelope['$correlationId'] === 'string'
              ? envelope['$correlationId']
              : event.id,
        };
  const schemaVersion =
    isRecord(envelope) && typeof envelope['schemaVersion'] === 'number' ? envelope['schemaVersion'] : 1;
  return {
    eventId: event.id,
    streamId: event.streamId,
    streamVersion: Number(event.revision),
    globalPosition: toGlobalPosition(event.position, `event ${event.id} in ${event.streamId}`),
    type: event.type,
    schemaVersion,
    data: event.data,
    metadata,
    recordedAt: event.created,
    prevHash: isRecord(envelope) && typeof envelope['prevHash'] === 'string' ? envelope['prevHash'] : null,
    hash: isRecord(envelope) && typeof envelope['hash'] === 'string' ? envelope['hash'] : null,
  };
}

export class EventStoreDbEventStore implements EventStore {
  private readonly appended = new EventEmitter().setMaxListeners(0);
  /** Checkpoint streams whose $maxCount=1 metadata this process has already set. */
  private readonly trimmedCheckpoints = new Set<string>();

  constructor(private readonly client: EventStoreDBClient) {}

  /**
   * Duplicate-id detection. ESDB only deduplicates event ids inside one stream, and only when the
   * retry carries the same expected version (best effort for `any`), so the port's two rules need
   * more:
   *
   *  1. An id must never be stored in two streams. Every id is first *claimed* by appending one
   *     event to `dul_eventid-<id>` with expected revision NO_STREAM. ESDB checks expected revisions
   *     atomically per stream, so exactly one append ever wins the claim and fixes the owning
   *     stream; everyone else reads the claim. An id claimed by another stream is refused with
   *     DuplicateEventIdError before anything is written to our stream.
   *  2. A retry of a stored batch returns the original result, even with a stale expected version.
   *     An id this call had to claim fresh cannot be stored anywhere (events are only ever written
   *     after their claim exists), so the common path never searches the stream. Only ids whose claim
   *     already named this stream are looked up, by reading the stream forward from the claim's
   *     `headAtClaim + 1`; the hits go through the shared resolveRetriedAppend rule (all stored:
   *     original result; some stored: DuplicateEventIdError; none: append normally).
   *
   * Claims are never released: ESDB has no cross-stream transaction, and releasing would race with
   * a concurrent retry of the same batch. So an append that fails after claiming (conflict, crash)
   * leaves its ids reserved for its stream. That errs on the safe side: writers use fresh ids for a
   * re-decided command (see handleCommand), and re-using an abandoned id in a *different* stream is
   * refused although no event carries it. Not covered: two concurrent submissions of the same batch
   * to the same stream with different expected versions can both pass the claim check while neither
   * event is stored yet; ESDB's own id check catches that only when the expected versions agree.
   *
   * Cost of a normal append: one read of the stream head, one claim append per event (in parallel),
   * the append itself and one read-back of the last event.
   */
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    if (streamId.startsWith('$') || streamId.startsWith(RESERVED_PREFIX)) {
      throw new InvalidAppendError(`Stream ${streamId}: names starting with '$' or '${RESERVED_PREFIX}' are reserved`);
    }
    const batch = events.map((event) => ({ ...event, eventId: event.eventId.toLowerCase() }));

    const headState = await this.lastHead(streamId);
    const head = headState.version;
    const claims = await Promise.all(batch.map((event) => this.claim(event.eventId, streamId, head)));
    const elsewhere = claims.find((claim) => claim.owner.streamId !== streamId);
    if (elsewhere) {
      throw new DuplicateEventIdError(elsewhere.eventId, `it is claimed by stream ${elsewhere.owner.streamId}`);
    }
    const earlier = claims.filter((claim) => !claim.createdNow);
    if (earlier.length > 0) {
      const stored = await this.findInStream(
        streamId,
        new Set(earlier.map((claim) => claim.eventId)),
        Math.min(...earlier.map((claim) => claim.owner.headAtClaim)) + 1,
      );
      const retried = resolveRetriedAppend(streamId, batch, stored);
      if (retried) return retried;
    }

    // Hashes chain onto the head read above, so the append is pinned to that revision even for 'any' and
    // 'stream-exists' (a concurrent writer then makes ESDB refuse it, and a loose expectation goes round
    // again with the new head): a chain can never fork. No extra round trip on the common path.
    let nextExpectedRevision: bigint;
    for (let attempt = 1, current = headState; ; attempt++) {
      const loose = expected === 'any' || expected === 'stream-exists';
      if (expected === 'stream-exists' && current.version === -1) {
        throw new ConcurrencyError(streamId, expected, 'no-stream');
      }
      const revision = loose
        ? current.version === -1
          ? NO_STREAM
          : BigInt(current.version)
        : toExpectedRevision(expected);
      const hashes = chainBatch(streamId, current.version + 1, current.hash, batch);
      try {
        ({ nextExpectedRevision } = await this.client.appendToStream(
          streamId,
          batch.map((event, index) => this.toEventData(event, hashes[index] as ChainedHashes)),
          { expectedRevision: revision },
        ));
        break;
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) {
          if (loose && attempt < MAX_LOOSE_APPEND_ATTEMPTS) {
            current = await this.lastHead(streamId);
            continue;
          }
          // Some server versions report a missing stream as -1 rather than leaving the version out.
          const actual =
            error.actualVersion === NO_STREAM || error.actualVersion < 0n ? 'no-stream' : Number(error.actualVersion);
          throw new ConcurrencyError(streamId, expected, actual);
        }
        throw error;
      }
    }
    // The append response carries a position too, but this reads the last event back so the result is
    // exactly what readStream/readAll report for it (also after an append ESDB itself deduplicated, where
    // no position is returned). Costs one read per append.
    const [last] = await this.readStream(streamId, { fromVersion: Number(nextExpectedRevision), maxCount: 1 });
    if (!last) throw new Error(`Stream ${streamId}: appended event ${String(nextExpectedRevision)} is not readable`);
    this.appended.emit('appended');
    return { nextExpectedVersion: last.streamVersion, lastGlobalPosition: last.globalPosition };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
    if (maxCount <= 0) return [];
    const backward = options.direction === 'backward';
    let fromRevision: ReadRevision;
    if (options.fromVersion === undefined) fromRevision = backward ? END : START;
    else if (options.fromVersion < 0) {
      if (backward) return [];
      fromRevision = START;
    } else fromRevision = BigInt(options.fromVersion);

    const result: StoredEvent[] = [];
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: backward ? BACKWARDS : FORWARDS,
        fromRevision,
        maxCount,
      })) {
        if (resolved.event) result.push(toStoredEvent(resolved.event));
      }
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
    return result;
  }

  /**
   * Pages through $all from `after` (exclusive) and filters client-side: the 6.x client's readAll has
   * no server-side filter (eventTypeFilter/streamNameFilter only apply to subscribeToAll), and the
   * system/bookkeeping exclusions must be applied anyway.
   */
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const after = options.after ?? 0;
    const max = options.maxCount ?? DEFAULT_READ_BATCH;
    if (max <= 0) return [];
    const types = options.eventTypes ? new Set(options.eventTypes) : undefined;
    const categories = options.categories ? new Set(options.categories) : undefined;
    const pageSize = Math.min(Math.max(max + 1, ALL_PAGE_MIN), ALL_PAGE_MAX);

    const result: StoredEvent[] = [];
    // Reads from a position are inclusive, so remember the last position seen and drop it (and
    // anything at or below `after`) when it comes back as the first event of the next page.
    let seen: Position | undefined = after > 0 ? { commit: BigInt(after), prepare: BigInt(after) } : undefined;
    for (;;) {
      const from: ReadPosition = seen ?? START;
      let count = 0;
      for await (const resolved of this.client.readAll({
        direction: FORWARDS,
        fromPosition: from,
        maxCount: pageSize,
      })) {
        count++;
        const event = resolved.event;
        if (!event) continue;
        if (seen && comparePositions(event.position, seen) <= 0) continue;
        seen = event.position;
        if (result.length >= max || !isVisibleInAll(event)) continue;
        if (types && !types.has(event.type)) continue;
        if (categories && !categories.has(streamCategory(event.streamId))) continue;
        result.push(toStoredEvent(event));
      }
      if (result.length >= max || count < pageSize) return result;
    }
  }

  async headPosition(): Promise<number> {
    let seen: Position | undefined;
    for (;;) {
      const from: ReadPosition = seen ?? END;
      let count = 0;
      for await (const resolved of this.client.readAll({
        direction: BACKWARDS,
        fromPosition: from,
        maxCount: ALL_PAGE_MIN,
      })) {
        count++;
        const event = resolved.event;
        if (!event) continue;
        if (seen && comparePositions(event.position, seen) >= 0) continue;
        seen = event.position;
        if (isVisibleInAll(event)) return toGlobalPosition(event.position, `event ${event.id}`);
      }
      if (count < ALL_PAGE_MIN) return 0;
    }
  }

  async loadCheckpoint(name: string): Promise<number> {
    const [last] = await this.readStream(CHECKPOINT_PREFIX + name, { direction: 'backward', maxCount: 1 });
    return last && isCheckpoint(last.data) ? last.data.position : 0;
  }

  /** One event per save in `dul_checkpoint-<name>`; $maxCount=1 lets ESDB scavenge the older ones. */
  async saveCheckpoint(name: string, position: number): Promise<void> {
    const stream = CHECKPOINT_PREFIX + name;
    const body: CheckpointBody = { position };
    await this.client.appendToStream(stream, jsonEvent({ type: CHECKPOINT_EVENT_TYPE, data: { ...body } }), {
      expectedRevision: ANY,
    });
    if (!this.trimmedCheckpoints.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 1 });
      this.trimmedCheckpoints.add(stream);
    }
  }

  onAppended(listener: () => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }

  /** One read of a stream that normally does not exist: a round trip that needs no $all rights. */
  async ping(): Promise<void> {
    await this.readStream(PING_STREAM, { maxCount: 1 });
  }

  async close(): Promise<void> {
    await this.client.dispose();
  }

  private toEventData(event: NewEvent, chained: ChainedHashes): EventData {
    const envelope: StoredEventEnvelope = {
      schemaVersion: event.schemaVersion ?? 1,
      prevHash: chained.prevHash,
      hash: chained.hash,
      metadata: event.metadata,
      $correlationId: event.metadata.correlationId,
      ...(event.metadata.causationId === undefined ? {} : { $causationId: event.metadata.causationId }),
    };
    return jsonEvent({
      id: event.eventId,
      type: event.type,
      // The client JSON.stringify()s data, so any JSON value works at run time although its type
      // only names objects, arrays and strings. undefined has no JSON form and is stored as null.
      data: (event.data === undefined ? null : event.data) as JSONType,
      metadata: { ...envelope },
    });
  }

  /** Version (-1 when the stream does not exist) and hash of the stream's last event. */
  private async lastHead(streamId: string): Promise<{ version: number; hash: string | null }> {
    try {
      for await (const resolved of this.client.readStream(streamId, {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      })) {
        if (resolved.event) {
          const envelope: unknown = resolved.event.metadata;
          const hash = isRecord(envelope) && typeof envelope['hash'] === 'string' ? envelope['hash'] : null;
          return { version: Number(resolved.event.revision), hash };
        }
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return { version: -1, hash: null };
  }

  private async claim(eventId: string, streamId: string, headAtClaim: number): Promise<ClaimOutcome> {
    const stream = CLAIM_PREFIX + eventId;
    const body: EventIdClaim = { streamId, headAtClaim };
    try {
      await this.client.appendToStream(stream, jsonEvent({ type: CLAIM_EVENT_TYPE, data: { ...body } }), {
        expectedRevision: NO_STREAM,
      });
      return { eventId, owner: body, createdNow: true };
    } catch (error) {
      if (!(error instanceof WrongExpectedVersionError)) throw error;
    }
    const [first] = await this.readStream(stream, { maxCount: 1 });
    if (!first || !isClaim(first.data)) throw new Error(`Event id claim ${stream} exists but cannot be read`);
    return { eventId, owner: first.data, createdNow: false };
  }

  /** Where the given ids sit in the stream, scanning forward from a version until all are found. */
  private async findInStream(streamId: string, ids: Set<string>, fromVersion: number): Promise<AlreadyStored[]> {
    const found: AlreadyStored[] = [];
    let from = Math.max(fromVersion, 0);
    while (found.length < ids.size) {
      const page = await this.readStream(streamId, { fromVersion: from, maxCount: DEFAULT_READ_BATCH });
      for (const event of page) {
        if (ids.has(event.eventId)) found.push(event);
      }
      const last = page.at(-1);
      if (!last || page.length < DEFAULT_READ_BATCH) break;
      from = last.streamVersion + 1;
    }
    return found;
  }
}

/**
 * Connects lazily: the first call opens the gRPC channel. The 6.x client only parses `esdb://` and
 * `esdb+discover://` connection strings. KurrentDB speaks the same gRPC protocol under the schemes
 * `kurrentdb://`, `kurrent://` and `kdb://` (plus their `+discover` forms), which the configuration
 * also accepts, so those are rewritten to the esdb equivalents. Example:
 * `esdb://localhost:2113?tls=false` for the insecure node in docker-compose.yml.
 */
export function createEventStoreDbEventStore(url: string): EventStoreDbEventStore {
  const connectionString = url.replace(
    /^(?:kurrent(?:db)?|kdb)(\+discover)?:\/\//i,
    (_match, discover: string | undefined) => (discover ? 'esdb+discover://' : 'esdb://'),
  );
  return new EventStoreDbEventStore(EventStoreDBClient.connectionString(connectionString));
}
