import { EventEmitter } from 'node:events';
import { Pool } from 'pg';
import type { QueryConfig } from 'pg';
import { assertExpectedVersion, DEFAULT_READ_BATCH, resolveRetriedAppend, validateAppend } from '../append-rules';
import type { AlreadyStored } from '../append-rules';
import { ConcurrencyError } from '../event-store.errors';
import { chainBatch } from '../hash-chain';
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
import { AppendGroupCommitter } from './append-group';
import { ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY, runPostgresMigrations } from './postgres-migrations';

interface EventRow {
  // int8 arrives as a string from pg; converted (and range-checked) in toStoredEvent.
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: unknown;
  metadata: EventMetadata;
  recorded_at: Date;
  prev_hash: string | null;
  hash: string | null;
}

/** A stream's last version and that event's chain hash, as this process last wrote them. */
interface StreamHead {
  readonly version: number;
  readonly hash: string | null;
}

/** How many streams' heads one store remembers for the one-round-trip append. */
const MAX_KNOWN_HEADS = 10_000;

interface StreamState {
  version: number | 'no-stream';
  headHash: string | null;
  alreadyStored: AlreadyStored[];
}

const COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

/**
 * How often an append re-reads the stream after losing an insert race. Numbered expectations fail on
 * the second pass; only 'any' and 'stream-exists' go round again, and each lost round means another
 * writer got its append in. The bound only stops starvation under a pile-up on one stream; the caller
 * then gets the same 409 as for a stale expectation.
 */
const MAX_APPEND_ATTEMPTS = 10;

const UNIQUE_VIOLATION = '23505';
const STREAM_VERSION_CONSTRAINT = 'events_stream_version_key';

/**
 * The read half of an append: the stream's version and which of the batch's event ids are already
 * stored, in one round trip. Neither takes locks; the unique keys catch whatever races past.
 *
 * Named, like appendStatement, so each connection parses and plans it once: planning the pair cost
 * about as much as executing them. (Behind PgBouncer in transaction mode that needs PgBouncer 1.21+
 * with max_prepared_statements set.)
 */
export function streamStateStatement(streamId: string, eventIds: readonly string[]): QueryConfig {
  return {
    name: 'dul_append_state_chained',
    text: `
      SELECT
        (SELECT max(stream_version) FROM events WHERE stream_id = $1) AS version,
        (SELECT hash FROM events WHERE stream_id = $1 ORDER BY stream_version DESC LIMIT 1) AS head_hash,
        (SELECT coalesce(json_agg(json_build_object(
                  'eventId', event_id, 'streamId', stream_id,
                  'streamVersion', stream_version, 'globalPosition', global_position)), '[]'::json)
           FROM events WHERE event_id = ANY($2::uuid[])) AS already_stored`,
    values: [streamId, eventIds],
  };
}

/**
 * The single-append INSERT: every event of one batch in a single multi-row statement. The adapter
 * itself now appends through group commit (append-group.ts, ADR 0004), whose function keeps the same
 * lock-before-position order; this statement stays as the reference form of ADR 0002 for the gap
 * tests and the benchmark.
 *
 * With `serialise` the statement first takes the transaction-level append
 * lock and only then draws positions from the identity sequence: the rows reach the identity default
 * through the cross join with the lock subquery and the sort above it, so no position exists before
 * the lock is held. The statement runs in autocommit, so the lock is held for exactly insert + commit,
 * with no client round trip inside the window, and PostgreSQL publishes the commit (ProcArray) before
 * it releases the lock. Hence positions become visible in the order they were assigned: a reader that
 * saw P can never later see a position below P appear.
 *
 * Exported for the gap tests and the benchmark, which run the unserialised variant to show what the
 * lock prevents and what it costs. Not part of the library's API.
 */
export function appendStatement(
  streamId: string,
  firstVersion: number,
  events: readonly NewEvent[],
  serialise = true,
  headHash: string | null = null,
): QueryConfig {
  // Hashed here, from the head hash the state query already returned: no extra round trip. A lost
  // race on the version is caught by the unique key, so a chain can never fork.
  const hashes = chainBatch(streamId, firstVersion, headHash, events);
  const values: unknown[] = [
    streamId,
    firstVersion,
    events.map((event) => event.eventId),
    events.map((event) => event.type),
    events.map((event) => event.schemaVersion ?? 1),
    // jsonb has no 'undefined'; store it as JSON null rather than failing the NOT NULL constraint.
    events.map((event) => JSON.stringify(event.data ?? null)),
    events.map((event) => JSON.stringify(event.metadata)),
    hashes.map((chained) => chained.prevHash),
    hashes.map((chained) => chained.hash),
  ];
  const lock = serialise ? '(SELECT pg_advisory_xact_lock($10, $11)) AS serialised,' : '';
  if (serialise) values.push(ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY);
  return {
    name: serialise ? 'dul_append_insert_chained' : 'dul_append_insert_chained_unserialised',
    text: `
      INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
      SELECT e.event_id, $1, $2 + (e.ord::int - 1), e.type, e.schema_version, e.data, e.metadata, e.prev_hash, e.hash
      FROM ${lock}
        unnest($3::uuid[], $4::text[], $5::int[], $6::jsonb[], $7::jsonb[], $8::text[], $9::text[])
          WITH ORDINALITY AS e(event_id, type, schema_version, data, metadata, prev_hash, hash, ord)
      ORDER BY e.ord
      RETURNING global_position`,
    values,
  };
}

/**
 * Event store on PostgreSQL. Appends are serialised on one advisory lock for the short moment of
 * insert + commit (docs/adr/0002-postgres-global-order.md), and concurrent appends of this process
 * share one such statement (group commit, append-group.ts, ADR 0004); the checks before it run
 * concurrently.
 *
 * An append is two statements, not one explicit transaction: the checks read without locks, so under
 * READ COMMITTED a transaction around them would protect nothing the unique keys do not already
 * protect, and it would hold the append lock across a client round trip for the COMMIT (measured:
 * 15-35% fewer appends per second). The group statement alone is atomic.
 *
 * onAppended wakes listeners of this process only; subscribers in other processes poll.
 */
export class PostgresEventStore implements EventStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private readonly appended = new EventEmitter().setMaxListeners(0);
  private closed = false;
  /** Concurrent appends of this process share one statement, lock and commit (append-group.ts). */
  private readonly groups: AppendGroupCommitter;
  /** Each stream's head as this process last wrote or read it, most recent last (bounded). */
  private readonly heads = new Map<string, StreamHead>();
  /** The highest global position this store has seen (its appends, headPosition): picks readAll's form. */
  private lastKnownHead = 0;

  /** With a Pool, the caller keeps ownership: close() leaves it open. */
  constructor(connection: string | Pool) {
    if (typeof connection === 'string') {
      this.pool = new Pool({ connectionString: connection, application_name: 'dul-event-store' });
      // An idle connection dropped by the server would otherwise crash the process; the next query
      // simply opens a new one.
      this.pool.on('error', () => undefined);
      this.ownsPool = true;
    } else {
      this.pool = connection;
      this.ownsPool = false;
    }
    this.groups = new AppendGroupCommitter(this.pool);
  }

  /** Connects and brings the schema up to date before returning. */
  static async create(connection: string | Pool): Promise<PostgresEventStore> {
    const store = new PostgresEventStore(connection);
    try {
      await runPostgresMigrations(store.pool);
    } catch (error) {
      await store.close();
      throw error;
    }
    return store;
  }

  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    // One round trip where the head is known: a new stream, or one this process appended to last.
    // The group function checks version and event ids under the lock either way; anything but a clean
    // append falls through to the full path below, which reads the stream and decides.
    const known = this.knownHead(streamId, expected);
    if (known !== undefined) {
      const written = await this.submit(streamId, known.version + 1, events, known.hash).catch((error: unknown) => {
        if (uniqueViolation(error) === undefined) throw error;
        return undefined;
      });
      if (written !== undefined) return written;
      this.heads.delete(streamId);
    }
    for (let attempt = 1; ; attempt++) {
      const state = await this.streamState(streamId, events);
      const retried = resolveRetriedAppend(streamId, events, state.alreadyStored);
      if (retried) return retried;
      assertExpectedVersion(streamId, expected, state.version);
      const firstVersion = state.version === 'no-stream' ? 0 : state.version + 1;
      try {
        const written = await this.submit(streamId, firstVersion, events, state.headHash);
        if (written !== undefined) return written;
        // Under the lock the stream had moved on, or these very events were in: the next pass decides,
        // as after a lost race on the unique keys below.
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          throw new ConcurrencyError(streamId, expected, (await this.streamState(streamId, events)).version);
        }
      } catch (error) {
        if (error instanceof ConcurrencyError) throw error;
        const constraint = uniqueViolation(error);
        // Any other failure, or one of our own unique keys we cannot explain, is not ours to retry.
        if (constraint === undefined) throw error;
        // A concurrent writer committed first: either it took our stream version (a numbered
        // expectation now fails in assertExpectedVersion) or it stored these very events (a retry
        // racing its original, which resolveRetriedAppend answers). The next pass decides.
        if (attempt >= MAX_APPEND_ATTEMPTS) {
          if (constraint !== STREAM_VERSION_CONSTRAINT) throw error;
          throw new ConcurrencyError(streamId, expected, (await this.streamState(streamId, events)).version);
        }
      }
    }
  }

  /**
   * The head an append may start from without reading the stream: none for 'no-stream'; otherwise what
   * this process last saw (its own append, or a read to the stream's end), if the expectation agrees. Another
   * process's append since then only costs the read this skipped (the version check refuses it).
   */
  private knownHead(streamId: string, expected: ExpectedVersion): StreamHead | undefined {
    if (expected === 'no-stream') return { version: -1, hash: null };
    const head = this.heads.get(streamId);
    if (head === undefined) return undefined;
    return typeof expected === 'number' && expected !== head.version ? undefined : head;
  }

  private rememberHead(streamId: string, head: StreamHead): void {
    this.heads.delete(streamId);
    if (this.heads.size >= MAX_KNOWN_HEADS) this.heads.delete(this.heads.keys().next().value as string);
    this.heads.set(streamId, head);
  }

  /** Hashes and submits one append to the group commit; undefined when the database refused it (moved on, or stored). */
  private async submit(
    streamId: string,
    firstVersion: number,
    events: readonly NewEvent[],
    headHash: string | null,
  ): Promise<AppendResult | undefined> {
    const hashes = chainBatch(streamId, firstVersion, headHash, events);
    const written = await this.groups.submit({ streamId, firstVersion, events, hashes });
    if (written.outcome !== 'appended') return undefined;
    const version = firstVersion + events.length - 1;
    this.rememberHead(streamId, { version, hash: hashes.at(-1)?.hash ?? null });
    this.lastKnownHead = Math.max(this.lastKnownHead, written.lastPosition);
    this.appended.emit('appended');
    return { nextExpectedVersion: version, lastGlobalPosition: written.lastPosition };
  }

  /** Appends of this process waiting to join the next group commit (a gauge for metrics and tests). */
  get groupBacklog(): number {
    return this.groups.backlog;
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const backward = options.direction === 'backward';
    const bound = backward ? 'stream_version <= $2' : 'stream_version >= $2';
    const from = options.fromVersion ?? (backward ? null : 0);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT ${COLUMNS} FROM events
       WHERE stream_id = $1 AND ($2::int IS NULL OR ${bound})
       ORDER BY stream_version ${backward ? 'DESC' : 'ASC'}
       LIMIT $3`,
      [streamId, from, options.maxCount ?? null],
    );
    // A read that reached the end of the stream saw its head: the append that usually follows (a
    // command reads its stream, decides, appends) can then go in one round trip.
    const reachedEnd = options.maxCount === undefined && (!backward || options.fromVersion === undefined);
    const head = reachedEnd ? (backward ? rows[0] : rows.at(-1)) : undefined;
    if (head !== undefined) this.rememberHead(streamId, { version: head.stream_version, hash: head.hash });
    return rows.map(toStoredEvent);
  }

  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const nearHead =
      this.lastKnownHead - (options.after ?? 0) <= NEAR_HEAD_PAGES * (options.maxCount ?? DEFAULT_READ_BATCH);
    const { sql, values } = postgresReadAllStatement(options, nearHead);
    const { rows } = await this.pool.query<EventRow>(sql, values);
    return rows.map(toStoredEvent);
  }

  async headPosition(): Promise<number> {
    // Final, not just the current maximum: with serialised appends nothing below it can still commit.
    const { rows } = await this.pool.query<{ head: string | null }>('SELECT max(global_position) AS head FROM events');
    const head = rows[0]?.head ? toPosition(rows[0].head) : 0;
    this.lastKnownHead = Math.max(this.lastKnownHead, head);
    return head;
  }

  async loadCheckpoint(name: string): Promise<number> {
    const { rows } = await this.pool.query<{ position: string }>('SELECT position FROM checkpoints WHERE name = $1', [
      name,
    ]);
    return rows[0] ? toPosition(rows[0].position) : 0;
  }

  async saveCheckpoint(name: string, position: number): Promise<void> {
    await this.pool.query(
      `INSERT INTO checkpoints (name, position) VALUES ($1, $2)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position`,
      [name, position],
    );
  }

  async legacyUpTo(): Promise<number> {
    const { rows } = await this.pool.query<{ up_to: string }>('SELECT legacy_up_to AS up_to FROM hash_chain_epoch');
    return rows[0] ? toPosition(rows[0].up_to) : 0;
  }

  onAppended(listener: () => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.appended.removeAllListeners();
    if (this.ownsPool) await this.pool.end();
  }

  private async streamState(streamId: string, events: readonly NewEvent[]): Promise<StreamState> {
    const { rows } = await this.pool.query<{
      version: number | null;
      head_hash: string | null;
      already_stored: AlreadyStored[];
    }>(
      streamStateStatement(
        streamId,
        events.map((event) => event.eventId),
      ),
    );
    const row = rows[0];
    return {
      version: row?.version ?? 'no-stream',
      headHash: row?.head_hash ?? null,
      alreadyStored: row?.already_stored ?? [],
    };
  }
}

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: toPosition(row.global_position),
    type: row.type,
    schemaVersion: row.schema_version,
    data: row.data,
    metadata: row.metadata,
    recordedAt: row.recorded_at,
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

function toPosition(value: string): number {
  const position = Number(value);
  // 2^53 positions is far beyond any realistic store; fail loudly rather than round silently.
  if (!Number.isSafeInteger(position)) throw new Error(`Global position ${value} exceeds Number.MAX_SAFE_INTEGER`);
  return position;
}

/** The violated constraint's name when the error is a unique violation. */
function uniqueViolation(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, constraint } = error as { code?: unknown; constraint?: unknown };
  if (code !== UNIQUE_VIOLATION) return undefined;
  return typeof constraint === 'string' ? constraint : '';
}

/**
 * A read starting within this many pages of the last head this store saw is near the head. A
 * subscriber asks for the head just before it reads, so the figure is fresh where it matters; a stale
 * one only picks the other, equally correct, form.
 */
const NEAR_HEAD_PAGES = 20;

/** Above this many types (or categories) a filtered read falls back to one `= ANY` filter. */
const MAX_MERGED_KEYS = 64;

/**
 * The readAll query. Filtered by type or category, it reads each key's own (key, global_position)
 * index range in position order, at most `limit` rows each, and merges them (a Merge Append): with
 * `type = ANY($2)` over several types no index yields position order, so the planner either walks
 * the whole log after the position filtering rows, or bitmap-scans every matching event after it
 * and sorts them for each page, which made a rebuild or a long catch-up over a type that is a few
 * percent of a large log quadratic (issue 12). Each key is its own parameter, so the planner
 * estimates each one from its own statistics. With both filters, the categories filter each type's
 * range. A key named twice is read once.
 *
 * Near the head (a subscriber keeping up, `nearHead`) the plain `= ANY` form is kept: the few rows
 * after the position are walked in order whatever the filter, and planning a UNION of fifteen
 * branches cost more than the read (1.9 against 0.65 ms a query; deep in a 200,000-event log 7.2
 * against 29 ms, measured 2026-12-02). Either form returns the same events.
 */
export function postgresReadAllStatement(
  options: ReadAllOptions,
  nearHead = false,
): { sql: string; values: unknown[] } {
  const limit = options.maxCount ?? DEFAULT_READ_BATCH;
  const after = options.after ?? 0;
  const byType = options.eventTypes !== undefined;
  const requested = options.eventTypes ?? options.categories;
  if (requested === undefined) {
    return {
      sql: `SELECT ${COLUMNS} FROM events WHERE global_position > $1 ORDER BY global_position LIMIT $2`,
      values: [after, limit],
    };
  }
  const keys = [...new Set(requested)];
  const column = byType ? 'type' : 'category';
  const values: unknown[] = [after, limit];
  let alsoCategory = '';
  if (byType && options.categories !== undefined) {
    values.push(options.categories);
    alsoCategory = ` AND category = ANY($${values.length}::text[])`;
  }
  if (nearHead || keys.length === 1 || keys.length === 0 || keys.length > MAX_MERGED_KEYS) {
    values.push(keys);
    return {
      sql: `SELECT ${COLUMNS} FROM events WHERE global_position > $1 AND ${column} = ANY($${values.length}::text[])${alsoCategory} ORDER BY global_position LIMIT $2`,
      values,
    };
  }
  const ranges = keys.map((key) => {
    values.push(key);
    return `(SELECT ${COLUMNS} FROM events WHERE ${column} = $${values.length} AND global_position > $1${alsoCategory} ORDER BY global_position LIMIT $2)`;
  });
  return { sql: `SELECT * FROM (${ranges.join(' UNION ALL ')}) AS page ORDER BY global_position LIMIT $2`, values };
}
