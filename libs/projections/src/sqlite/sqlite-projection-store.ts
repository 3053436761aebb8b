import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '@dul/event-store';
import { openSqliteDatabase } from '@dul/event-store';
import { assertSafeField, indexNameFor, pageBounds } from '../document-query';
import type {
  DocumentEntry,
  DocumentFilter,
  DocumentQuery,
  DocumentTransaction,
  LeaderLock,
  ProjectionIndexes,
  ProjectionStore,
} from '../projection.port';
import { CheckpointMovedError } from '../projection.port';

/**
 * Read models in the embedded database file. better-sqlite3 is synchronous and SQLite has one writer:
 * a write transaction held open across an await would block this very process's next append (the
 * busy wait runs on the event loop) until the busy timeout. So `commit` runs the projection's work
 * against a buffer, then writes the buffer, the checkpoint compare-and-set and the new checkpoint in
 * one synchronous IMMEDIATE transaction.
 */
export class SqliteProjectionStore implements ProjectionStore {
  /** The names of projection_documents' indexes, read from the schema and kept for a minute (see oneOf). */
  private indexNames: { readonly at: number; readonly names: ReadonlySet<string> } | undefined;

  constructor(private readonly db: SqliteDatabase) {}

  static open(path: string): SqliteProjectionStore {
    return new SqliteProjectionStore(openSqliteDatabase(path));
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async checkpoint(projection: string): Promise<number> {
    return (
      this.db
        .prepare<[string], { position: number }>('SELECT position FROM projection_checkpoints WHERE projection = ?')
        .get(projection)?.position ?? 0
    );
  }

  async commit(
    projection: string,
    expected: number,
    next: number,
    work: (tx: DocumentTransaction) => Promise<void>,
  ): Promise<void> {
    const pending = new Map<string, { name: string; id: string; json: string | null }>();
    const keyOf = (name: string, id: string): string => `${name}\u0000${id}`;
    await work({
      get: <T>(name: string, id: string) => {
        const buffered = pending.get(keyOf(name, id));
        if (buffered) return Promise.resolve(buffered.json === null ? null : (JSON.parse(buffered.json) as T));
        return Promise.resolve(this.readDocument<T>(name, id));
      },
      put: (name, id, document) => {
        pending.set(keyOf(name, id), { name, id, json: JSON.stringify(document) });
        return Promise.resolve();
      },
      delete: (name, id) => {
        pending.set(keyOf(name, id), { name, id, json: null });
        return Promise.resolve();
      },
    });
    this.db
      .transaction(() => {
        const actual =
          this.db
            .prepare<[string], { position: number }>('SELECT position FROM projection_checkpoints WHERE projection = ?')
            .get(projection)?.position ?? 0;
        if (actual !== expected) throw new CheckpointMovedError(projection, expected, actual);
        const upsert = this.db.prepare(
          'INSERT INTO projection_documents (projection, id, doc) VALUES (?, ?, ?) ON CONFLICT (projection, id) DO UPDATE SET doc = excluded.doc',
        );
        const remove = this.db.prepare('DELETE FROM projection_documents WHERE projection = ? AND id = ?');
        for (const { name, id, json } of pending.values()) {
          if (json === null) remove.run(name, id);
          else upsert.run(name, id, json);
        }
        this.db
          .prepare(
            'INSERT INTO projection_checkpoints (projection, position) VALUES (?, ?) ON CONFLICT (projection) DO UPDATE SET position = excluded.position',
          )
          .run(projection, next);
      })
      .immediate();
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async reset(projection: string): Promise<void> {
    this.db
      .transaction(() => {
        this.db.prepare('DELETE FROM projection_documents WHERE projection = ?').run(projection);
        this.db.prepare('DELETE FROM projection_checkpoints WHERE projection = ?').run(projection);
      })
      .immediate();
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async getDocument<T>(projection: string, id: string): Promise<T | null> {
    return this.readDocument<T>(projection, id);
  }

  async findDocuments<T>(projection: string, query: DocumentQuery = {}): Promise<T[]> {
    return (await this.findEntries<T>(projection, query)).map((entry) => entry.document);
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async findEntries<T>(projection: string, query: DocumentQuery = {}): Promise<DocumentEntry<T>[]> {
    const { sql, params } = sqlitePageStatement(projection, query, this.indexes());
    return this.db
      .prepare<unknown[], { id: string; doc: string }>(sql)
      .all(...params)
      .map((row) => ({ id: row.id, document: JSON.parse(row.doc) as T }));
  }

  /**
   * One expression index per equality field, on exactly the expression whereClause writes (SQLite
   * uses an expression index only for the identical expression), then id, so a filtered page is read
   * in id order from the index and a count is counted in it. Not partial: SQLite ignores a partial
   * index when the projection arrives as a bound parameter. Membership fields are not indexable here
   * (json_each): those filters still scan the projection's rows.
   */
  // eslint-disable-next-line @typescript-eslint/require-await
  async ensureIndexes(_projection: string, indexes: ProjectionIndexes): Promise<void> {
    for (const field of indexes.equality ?? []) {
      this.db
        .prepare(
          `CREATE INDEX IF NOT EXISTS ${indexNameFor(field, 'equality')} ON projection_documents (projection, json_extract(doc, '$.${field}'), id)`,
        )
        .run();
    }
    this.indexNames = undefined;
  }

  /**
   * The indexes this file has. Without statistics (this store never runs ANALYZE) SQLite's planner
   * rates an equality on any indexed field above a one-of list, so a page's deadlines asked as
   * "requester = DE AND status = OPEN AND applicationId IN (50 ids)" walked every open consultation of
   * DE through the status index (53 ms at 20,000 consultations, 0.45 ms through the applicationId
   * index). The statements name the one-of field's index when it has one.
   */
  private indexes(): ReadonlySet<string> {
    if (this.indexNames === undefined || Date.now() - this.indexNames.at > 60_000) {
      const rows = this.db
        .prepare<[], { name: string }>(
          "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'projection_documents'",
        )
        .all();
      this.indexNames = { at: Date.now(), names: new Set(rows.map((row) => row.name)) };
    }
    return this.indexNames.names;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async countDocuments(projection: string, query: DocumentFilter = {}): Promise<number> {
    const { sql, params } = whereClause(projection, query);
    return (
      this.db
        .prepare<unknown[], { n: number }>(
          `SELECT COUNT(*) AS n FROM projection_documents${indexedBy(query, this.indexes())} WHERE ${sql}`,
        )
        .get(...params)?.n ?? 0
    );
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private readDocument<T>(projection: string, id: string): T | null {
    const row = this.db
      .prepare<[string, string], { doc: string }>(
        'SELECT doc FROM projection_documents WHERE projection = ? AND id = ?',
      )
      .get(projection, id);
    return row ? (JSON.parse(row.doc) as T) : null;
  }
}

/** The SELECT of one page (exported so a test can ask SQLite for its query plan). */
export function sqlitePageStatement(
  projection: string,
  query: DocumentQuery,
  indexes: ReadonlySet<string> = new Set(),
): { sql: string; params: unknown[] } {
  const { sql, params } = whereClause(projection, query);
  const { limit, offset } = pageBounds(query);
  const keyset = query.afterId === undefined ? '' : ' AND id > ?';
  if (query.afterId !== undefined) params.push(query.afterId);
  return {
    sql: `SELECT id, ${sqliteDocumentColumn(query.omit)} AS doc FROM projection_documents${indexedBy(query, indexes)} WHERE ${sql}${keyset} ORDER BY id LIMIT ? OFFSET ?`,
    params: [...params, limit, offset],
  };
}

/**
 * A one-of list is a handful of values chosen by the caller (a page's ids), so when its field has an
 * equality index that index is the one to read, whatever else the filter names.
 */
function indexedBy(filter: DocumentFilter, indexes: ReadonlySet<string>): string {
  const field = Object.keys(filter.oneOf ?? {}).find((name) => indexes.has(indexNameFor(name, 'equality')));
  return field === undefined ? '' : ` INDEXED BY ${indexNameFor(field, 'equality')}`;
}

/** The document as a page returns it: whole, or without the omitted top-level fields. */
function sqliteDocumentColumn(omit: readonly string[] | undefined): string {
  if (omit === undefined || omit.length === 0) return 'doc';
  omit.forEach(assertSafeField);
  return `json_remove(doc, ${omit.map((field) => `'$.${field}'`).join(', ')})`;
}

function whereClause(projection: string, filter: DocumentFilter): { sql: string; params: unknown[] } {
  const parts = ['projection = ?'];
  const params: unknown[] = [projection];
  const compare = (bounds: Readonly<Record<string, string>> | undefined, operator: '<' | '>'): void => {
    for (const [field, bound] of Object.entries(bounds ?? {})) {
      assertSafeField(field);
      // SQLite compares text in binary (code-point) order, which is what ISO instants need.
      parts.push(`json_type(doc, '$.${field}') = 'text' AND json_extract(doc, '$.${field}') ${operator} ?`);
      params.push(bound);
    }
  };
  compare(filter.before, '<');
  compare(filter.after, '>');
  for (const [field, member] of Object.entries(filter.contains ?? {})) {
    assertSafeField(field);
    parts.push(
      `json_type(doc, '$.${field}') = 'array' AND EXISTS (SELECT 1 FROM json_each(doc, '$.${field}') WHERE json_each.value = ?)`,
    );
    params.push(member);
  }
  for (const [field, members] of Object.entries(filter.oneOf ?? {})) {
    assertSafeField(field);
    // The list travels as one JSON parameter, whatever its length; an equality index on the field serves it.
    parts.push(
      `json_type(doc, '$.${field}') = 'text' AND json_extract(doc, '$.${field}') IN (SELECT value FROM json_each(?))`,
    );
    params.push(JSON.stringify(members));
  }
  for (const [field, value] of Object.entries(filter.where ?? {})) {
    assertSafeField(field);
    parts.push(`json_extract(doc, '$.${field}') = ?`);
    // json_extract gives SQLite's own booleans as 1/0.
    params.push(typeof value === 'boolean' ? Number(value) : value);
  }
  return { sql: parts.join(' AND '), params };
}

/**
 * Leadership for processes sharing one SQLite file: a lease row renewed while held. A holder that
 * dies stops renewing, and another process takes over once the lease expires.
 */
export class SqliteLeaderLock implements LeaderLock {
  private readonly owner = randomUUID();
  private readonly held = new Set<string>();

  constructor(
    private readonly db: SqliteDatabase,
    private readonly leaseMs = 15_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Also renews a lease already held: runners call it on every leadership check. */
  // eslint-disable-next-line @typescript-eslint/require-await
  async tryAcquire(name: string): Promise<boolean> {
    const now = this.now();
    const taken = this.db
      .prepare(
        `INSERT INTO leader_leases (name, owner, expires_at) VALUES (?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
         WHERE leader_leases.owner = excluded.owner OR leader_leases.expires_at < ?`,
      )
      .run(name, this.owner, now + this.leaseMs, now).changes;
    if (taken === 1) this.held.add(name);
    else this.held.delete(name);
    return taken === 1;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async release(name: string): Promise<void> {
    this.db.prepare('DELETE FROM leader_leases WHERE name = ? AND owner = ?').run(name, this.owner);
    this.held.delete(name);
  }

  async close(): Promise<void> {
    for (const name of [...this.held]) await this.release(name);
  }
}
