import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

export type SqliteDatabase = Database.Database;

export interface SqliteMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Versioned schema of the embedded store. A migration's SQL never changes once released: add a new
 * version instead. Projections' tables live in the same file so their checkpoint commits with them.
 */
export const SQLITE_MIGRATIONS: readonly SqliteMigration[] = [
  {
    version: 1,
    name: 'event store',
    sql: `
      CREATE TABLE events (
        global_position INTEGER PRIMARY KEY AUTOINCREMENT,
        event_id        TEXT    NOT NULL UNIQUE,
        stream_id       TEXT    NOT NULL,
        stream_version  INTEGER NOT NULL,
        category        TEXT    NOT NULL,
        type            TEXT    NOT NULL,
        schema_version  INTEGER NOT NULL,
        data            TEXT    NOT NULL,
        metadata        TEXT    NOT NULL,
        recorded_at     TEXT    NOT NULL,
        UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX events_by_type ON events (type, global_position);
      CREATE INDEX events_by_category ON events (category, global_position);
      CREATE TABLE checkpoints (name TEXT PRIMARY KEY, position INTEGER NOT NULL);
    `,
  },
  {
    version: 2,
    name: 'projections',
    sql: `
      CREATE TABLE projection_documents (
        projection TEXT NOT NULL,
        id         TEXT NOT NULL,
        doc        TEXT NOT NULL,
        PRIMARY KEY (projection, id)
      );
      CREATE TABLE projection_checkpoints (projection TEXT PRIMARY KEY, position INTEGER NOT NULL);
      CREATE TABLE leader_leases (name TEXT PRIMARY KEY, owner TEXT NOT NULL, expires_at INTEGER NOT NULL);
    `,
  },
  {
    version: 3,
    name: 'hash chain',
    // Rows stored before this migration keep NULL hashes; hash_chain_epoch records the position up to
    // which that is allowed (verify counts them as legacy). The triggers make the log append-only for
    // anyone using the application's connection; an owner can drop them, which verify still detects.
    sql: `
      ALTER TABLE events ADD COLUMN prev_hash TEXT;
      ALTER TABLE events ADD COLUMN hash TEXT;
      CREATE TABLE hash_chain_epoch (legacy_up_to INTEGER NOT NULL);
      INSERT INTO hash_chain_epoch (legacy_up_to) SELECT coalesce(max(global_position), 0) FROM events;
      CREATE TRIGGER events_append_only_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: UPDATE is not allowed'); END;
      CREATE TRIGGER events_append_only_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are append-only: DELETE is not allowed'); END;
    `,
  },
  {
    version: 4,
    name: 'subject keys',
    // Crypto-shredding: one active key per data subject (partial unique index), erased keys stay as
    // tombstones without key material.
    sql: `
      CREATE TABLE subject_keys (
        key_id     TEXT PRIMARY KEY,
        subject_id TEXT NOT NULL,
        key        BLOB,
        created_at TEXT NOT NULL,
        erased_at  TEXT
      );
      CREATE UNIQUE INDEX subject_keys_active ON subject_keys (subject_id) WHERE erased_at IS NULL;
      CREATE TABLE subject_pepper (id INTEGER PRIMARY KEY CHECK (id = 1), pepper BLOB NOT NULL);
    `,
  },
];

export interface SqliteOpenOptions {
  /**
   * FULL (the default, and always for the event append): a commit returns after the WAL is fsynced,
   * so an acknowledged append survives a power cut. NORMAL: a commit returns without an fsync; it is
   * for the read-model connection only, whose commits a rebuild restores (ADR 0003).
   */
  readonly synchronous?: 'FULL' | 'NORMAL';
}

/**
 * Opens (creating if needed) the embedded database: WAL so readers never block the writer,
 * synchronous=FULL unless told otherwise so an acknowledged append survives a power cut, not only a
 * process crash. `synchronous` is a setting of the connection, not of the file.
 */
export function openSqliteDatabase(path: string, options: SqliteOpenOptions = {}): SqliteDatabase {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma(`synchronous = ${options.synchronous === 'NORMAL' ? 'NORMAL' : 'FULL'}`);
  db.pragma('busy_timeout = 10000');
  db.pragma('foreign_keys = ON');
  migrate(db);
  cachePreparedStatements(db);
  return db;
}

/** How many distinct SQL texts one connection keeps prepared; dynamic `IN (?, ?, …)` lists vary. */
export const PREPARED_STATEMENT_CACHE_SIZE = 256;

/**
 * Keeps each SQL text's prepared statement for reuse. Compiling a statement cost about 5% of the
 * CPU of a submission (every read, checkpoint and document lookup prepared its SQL again: issue 12
 * profile). Safe because this codebase only runs statements to completion (`run`, `get`, `all`:
 * no `iterate`, whose open cursor would make a shared statement busy) and never switches a
 * statement's mode (`pluck`, `raw`, `expand`), so a reused statement behaves like a fresh one;
 * SQLite itself re-compiles a cached statement after a schema change. When the cache is full it
 * starts afresh, since a few SQL texts take almost every call.
 */
function cachePreparedStatements(db: SqliteDatabase): void {
  const prepare = db.prepare.bind(db) as (sql: string) => Database.Statement;
  const cache = new Map<string, Database.Statement>();
  const cached = (sql: string): Database.Statement => {
    let statement = cache.get(sql);
    if (statement === undefined) {
      if (cache.size >= PREPARED_STATEMENT_CACHE_SIZE) cache.clear();
      statement = prepare(sql);
      cache.set(sql, statement);
    }
    return statement;
  };
  db.prepare = cached as SqliteDatabase['prepare'];
}

function migrate(db: SqliteDatabase): void {
  db.exec(
    'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
  );
  // IMMEDIATE takes the write lock first, so two processes opening one file migrate one after the other.
  db.transaction(() => {
    const applied = new Set(
      db
        .prepare<[], { version: number }>('SELECT version FROM schema_migrations')
        .all()
        .map((row) => row.version),
    );
    for (const migration of SQLITE_MIGRATIONS) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
        migration.version,
        migration.name,
        new Date().toISOString(),
      );
    }
  }).immediate();
}
