import type { Statement } from 'better-sqlite3';
import { EventEmitter } from 'node:events';
import { assertExpectedVersion, DEFAULT_READ_BATCH, resolveRetriedAppend, validateAppend } from '../append-rules';
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
import { chainBatch } from '../hash-chain';
import type { ChainedHashes } from '../hash-chain';
import type { SqliteDatabase } from './sqlite-database';
import { openSqliteDatabase } from './sqlite-database';

interface StoredIdRow {
  event_id: string;
  stream_id: string;
  stream_version: number;
  global_position: number;
}

interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_version: number;
  type: string;
  schema_version: number;
  data: string;
  metadata: string;
  recorded_at: string;
  prev_hash: string | null;
  hash: string | null;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expected: ExpectedVersion;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

const COLUMNS =
  'global_position, event_id, stream_id, stream_version, type, schema_version, data, metadata, recorded_at, prev_hash, hash';

function toStoredEvent(row: EventRow): StoredEvent {
  return {
    eventId: row.event_id,
    streamId: row.stream_id,
    streamVersion: row.stream_version,
    globalPosition: row.global_position,
    type: row.type,
    schemaVersion: row.schema_version,
    data: JSON.parse(row.data) as unknown,
    metadata: JSON.parse(row.metadata) as EventMetadata,
    recordedAt: new Date(row.recorded_at),
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/**
 * The embedded default: one file, WAL mode. SQLite has a single writer, and an append is one
 * IMMEDIATE transaction, so global positions are assigned and committed in the same order: a reader
 * can never see position P before a lower one.
 */
export class SqliteEventStore implements EventStore {
  private readonly appended = new EventEmitter().setMaxListeners(0);
  // Prepared once: preparing per append costs as much as the insert itself (bench/sqlite-append).
  private readonly statements;
  private readonly storedIdsByBatchSize = new Map<number, Statement<string[], StoredIdRow>>();
  private readonly pending: PendingAppend[] = [];
  /** Write transactions committed and appends they carried: appends / commits is the group size. */
  readonly commitStats = { commits: 0, appends: 0 };
  private readonly groupTransaction: (
    group: readonly PendingAppend[],
    outcomes: ({ readonly ok: AppendResult } | { readonly error: unknown })[],
  ) => void;

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
    const one = db.transaction((append: PendingAppend) =>
      this.appendOne(append.streamId, append.events, append.expected),
    );
    this.groupTransaction = (group, outcomes) =>
      db
        .transaction(() => {
          for (const append of group) {
            try {
              outcomes.push({ ok: one(append) });
            } catch (error) {
              outcomes.push({ error });
            }
          }
        })
        .immediate();
    this.statements = {
      // The head's version and hash in one indexed lookup: the hash chains the next event.
      head: db.prepare<[string], { version: number; hash: string | null }>(
        'SELECT stream_version AS version, hash FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1',
      ),
      insert: db.prepare(
        `INSERT INTO events (event_id, stream_id, stream_version, category, type, schema_version, data, metadata, recorded_at, prev_hash, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
    };
  }

  private storedIdsStatement(size: number): Statement<string[], StoredIdRow> {
    let statement = this.storedIdsByBatchSize.get(size);
    if (!statement) {
      statement = this.db.prepare<string[], StoredIdRow>(
        `SELECT event_id, stream_id, stream_version, global_position FROM events
         WHERE event_id IN (${Array.from({ length: size }, () => '?').join(',')})`,
      );
      this.storedIdsByBatchSize.set(size, statement);
    }
    return statement;
  }

  static open(path: string): SqliteEventStore {
    return new SqliteEventStore(openSqliteDatabase(path));
  }

  /**
   * Group commit: appends made while the event loop is busy (concurrent requests) wait for the next
   * turn of the loop and are then written together in one IMMEDIATE transaction, so the group pays
   * one commit and one fsync (synchronous=FULL) instead of one each (issue 12). Each append runs in
   * its own savepoint with its own expected-version check: one that is refused rolls back alone and
   * rejects alone; the others commit. A promise resolves only after the group's commit returned, so
   * an acknowledged append is exactly as durable as before. The single writer still assigns global
   * positions in commit order, without gaps.
   */
  // async so refusals arrive as rejected promises.
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    return new Promise<AppendResult>((resolve, reject) => {
      this.pending.push({ streamId, events, expected, resolve, reject });
      if (this.pending.length === 1) setImmediate(() => this.flush());
    });
  }

  /** Writes every pending append in one transaction; see append. */
  private flush(): void {
    const group = this.pending.splice(0);
    if (group.length === 0 || !this.db.open) {
      group.forEach((append) => append.reject(new Error('The SQLite event store is closed')));
      return;
    }
    const outcomes: ({ readonly ok: AppendResult } | { readonly error: unknown })[] = [];
    try {
      this.groupTransaction(group, outcomes);
      this.commitStats.commits++;
      this.commitStats.appends += group.length;
    } catch (error) {
      // The commit itself failed (disk full, I/O error): nothing of the group was written.
      group.forEach((append) => append.reject(error));
      return;
    }
    group.forEach((append, index) => {
      const outcome = outcomes[index];
      if (outcome !== undefined && 'ok' in outcome) append.resolve(outcome.ok);
      else append.reject(outcome?.error);
    });
    if (outcomes.some((outcome) => 'ok' in outcome)) this.appended.emit('appended');
  }

  /** One append inside the group's transaction (better-sqlite3 runs it as a savepoint). */
  private appendOne(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): AppendResult {
    const stored = this.storedIdsStatement(events.length).all(...events.map((event) => event.eventId));
    const retried = resolveRetriedAppend(
      streamId,
      events,
      stored.map((row) => ({
        eventId: row.event_id,
        streamId: row.stream_id,
        streamVersion: row.stream_version,
        globalPosition: row.global_position,
      })),
    );
    if (retried) return retried;

    const head = this.statements.head.get(streamId);
    const current = head?.version;
    assertExpectedVersion(streamId, expected, current ?? 'no-stream');
    const hashes = chainBatch(streamId, (current ?? -1) + 1, head?.hash ?? null, events);
    const insert = this.statements.insert;
    const recordedAt = this.now().toISOString();
    const category = streamCategory(streamId);
    let version = current ?? -1;
    let position = 0;
    for (const [index, event] of events.entries()) {
      version++;
      const chained = hashes[index] as ChainedHashes;
      const info = insert.run(
        event.eventId,
        streamId,
        version,
        category,
        event.type,
        event.schemaVersion ?? 1,
        JSON.stringify(event.data ?? null),
        JSON.stringify(event.metadata),
        recordedAt,
        chained.prevHash,
        chained.hash,
      );
      position = Number(info.lastInsertRowid);
    }
    return { nextExpectedVersion: version, lastGlobalPosition: position };
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<StoredEvent[]> {
    const limit = options.maxCount ?? -1;
    const rows =
      options.direction === 'backward'
        ? this.db
            .prepare<[string, number, number], EventRow>(
              `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND stream_version <= ? ORDER BY stream_version DESC LIMIT ?`,
            )
            .all(streamId, options.fromVersion ?? Number.MAX_SAFE_INTEGER, limit)
        : this.db
            .prepare<[string, number, number], EventRow>(
              `SELECT ${COLUMNS} FROM events WHERE stream_id = ? AND stream_version >= ? ORDER BY stream_version LIMIT ?`,
            )
            .all(streamId, options.fromVersion ?? 0, limit);
    return rows.map(toStoredEvent);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async readAll(options: ReadAllOptions = {}): Promise<StoredEvent[]> {
    const { sql, params } = sqliteReadAllStatement(options);
    return this.db
      .prepare<(string | number)[], EventRow>(sql)
      .all(...params)
      .map(toStoredEvent);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async headPosition(): Promise<number> {
    return (
      this.db.prepare<[], { head: number | null }>('SELECT MAX(global_position) AS head FROM events').get()?.head ?? 0
    );
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async loadCheckpoint(name: string): Promise<number> {
    return (
      this.db.prepare<[string], { position: number }>('SELECT position FROM checkpoints WHERE name = ?').get(name)
        ?.position ?? 0
    );
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async saveCheckpoint(name: string, position: number): Promise<void> {
    this.db
      .prepare(
        'INSERT INTO checkpoints (name, position) VALUES (?, ?) ON CONFLICT (name) DO UPDATE SET position = excluded.position',
      )
      .run(name, position);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async legacyUpTo(): Promise<number> {
    return this.db.prepare<[], { upTo: number }>('SELECT legacy_up_to AS upTo FROM hash_chain_epoch').get()?.upTo ?? 0;
  }

  onAppended(listener: () => void): () => void {
    this.appended.on('appended', listener);
    return () => this.appended.off('appended', listener);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async ping(): Promise<void> {
    this.db.prepare('SELECT 1').get();
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async close(): Promise<void> {
    // Appends already accepted are written (or refused) before the file closes.
    if (this.pending.length > 0) this.flush();
    if (this.db.open) this.db.close();
  }
}

/** Above this many types (or categories) a filtered read falls back to one IN list (SQLite caps compound selects at 500). */
const MAX_MERGED_KEYS = 64;

/**
 * The readAll query. Filtered by type or category, it reads each key's own (key, global_position)
 * index range in position order, at most `limit` rows each, and merges them: with `type IN (...)`
 * SQLite read every matching event after the position into a temporary B-tree to sort it, so each
 * page of a rebuild or a long catch-up cost as much as the whole rest of the log (issue 12). Unlike
 * the PostgreSQL store, it merges near the head too: each SQL text is prepared once per connection
 * (sqlite-database.ts), so the compound select costs no planning per read. With both filters, the categories
 * filter each type's range. A key named twice is read once.
 */
export function sqliteReadAllStatement(options: ReadAllOptions): { sql: string; params: (string | number)[] } {
  const limit = options.maxCount ?? DEFAULT_READ_BATCH;
  const after = options.after ?? 0;
  const byType = options.eventTypes !== undefined;
  const requested = options.eventTypes ?? options.categories;
  if (requested === undefined) {
    return {
      sql: `SELECT ${COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`,
      params: [after, limit],
    };
  }
  const keys = [...new Set(requested)];
  const column = byType ? 'type' : 'category';
  const categories = byType && options.categories !== undefined ? [...new Set(options.categories)] : undefined;
  const alsoCategory =
    categories === undefined ? '' : ` AND category IN (${categories.map(() => '?').join(',') || 'NULL'})`;
  if (keys.length === 0) {
    return { sql: `SELECT ${COLUMNS} FROM events WHERE 0 LIMIT ?`, params: [limit] };
  }
  if (keys.length > MAX_MERGED_KEYS) {
    return {
      sql: `SELECT ${COLUMNS} FROM events WHERE global_position > ? AND ${column} IN (${keys.map(() => '?').join(',')})${alsoCategory} ORDER BY global_position LIMIT ?`,
      params: [after, ...keys, ...(categories ?? []), limit],
    };
  }
  const range = `SELECT * FROM (SELECT ${COLUMNS} FROM events WHERE ${column} = ? AND global_position > ?${alsoCategory} ORDER BY global_position LIMIT ?)`;
  return {
    sql: `${keys.map(() => range).join(' UNION ALL ')} ORDER BY global_position LIMIT ?`,
    params: [...keys.flatMap((key) => [key, after, ...(categories ?? []), limit]), limit],
  };
}
