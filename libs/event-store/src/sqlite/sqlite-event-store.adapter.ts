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

  constructor(
    private readonly db: SqliteDatabase,
    private readonly now: () => Date = () => new Date(),
  ) {
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

  // async so refusals arrive as rejected promises; the work itself is synchronous and atomic.
  // eslint-disable-next-line @typescript-eslint/require-await
  async append(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    validateAppend(streamId, events, expected);
    const result = this.db
      .transaction((): AppendResult => {
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
      })
      .immediate();
    this.appended.emit('appended');
    return result;
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
    const where = ['global_position > ?'];
    const params: (string | number)[] = [options.after ?? 0];
    if (options.eventTypes) {
      where.push(`type IN (${options.eventTypes.map(() => '?').join(',') || 'NULL'})`);
      params.push(...options.eventTypes);
    }
    if (options.categories) {
      where.push(`category IN (${options.categories.map(() => '?').join(',') || 'NULL'})`);
      params.push(...options.categories);
    }
    params.push(options.maxCount ?? DEFAULT_READ_BATCH);
    return this.db
      .prepare<(string | number)[], EventRow>(
        `SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY global_position LIMIT ?`,
      )
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
    if (this.db.open) this.db.close();
  }
}
