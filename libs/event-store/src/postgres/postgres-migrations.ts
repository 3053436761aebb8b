import { createHash } from 'node:crypto';
import type { Pool, PoolClient } from 'pg';

/** One forward-only schema change. Versions are applied in ascending order and never edited once shipped. */
export interface PostgresMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/**
 * Advisory-lock keys of the event store, in the two-int4 key space: PostgreSQL keeps it apart from the
 * single-bigint space that `pg_try_advisory_lock(hashtext(...))` (the projection leader lock) uses,
 * so a hash can never collide with these.
 */
export const ADVISORY_LOCK_NAMESPACE = 0x64756c; // 'dul'
export const MIGRATION_LOCK_KEY = 1;
export const APPEND_LOCK_KEY = 2;

/**
 * The whole PostgreSQL schema, events and read models alike: they share one database so a projection
 * writes its checkpoint in the same transaction as its documents, and one ordered history is simpler
 * to reason about than one per library.
 *
 * The SQL lives here rather than in .sql files because the built app runs from dist/, which tsc does
 * not copy assets into; embedded, it still shows in diffs and needs no loader or build step.
 */
export const POSTGRES_MIGRATIONS: readonly PostgresMigration[] = [
  {
    version: 1,
    name: 'event_store',
    // The identity keeps the default CACHE 1. With a cache, each session would hold a private range
    // of positions, and serialised appends could still commit a low cached value after a higher one.
    sql: `
      CREATE TABLE events (
        global_position bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        event_id uuid NOT NULL,
        stream_id text NOT NULL,
        stream_version integer NOT NULL CHECK (stream_version >= 0),
        -- Derived in the database so it can never disagree with stream_id (same rule as streamCategory()).
        category text GENERATED ALWAYS AS (split_part(stream_id, '-', 1)) STORED,
        type text NOT NULL,
        schema_version integer NOT NULL DEFAULT 1,
        data jsonb NOT NULL,
        metadata jsonb NOT NULL,
        recorded_at timestamptz NOT NULL DEFAULT now(),
        -- Named: the adapter tells a lost race on the stream from a reused event id by constraint name.
        CONSTRAINT events_event_id_key UNIQUE (event_id),
        CONSTRAINT events_stream_version_key UNIQUE (stream_id, stream_version)
      );
      CREATE INDEX events_type_position_idx ON events (type, global_position);
      CREATE INDEX events_category_position_idx ON events (category, global_position);

      CREATE TABLE checkpoints (
        name text PRIMARY KEY,
        position bigint NOT NULL
      );
    `,
  },
  {
    version: 2,
    name: 'projections',
    sql: `
      -- COLLATE "C": ids sort by code point, as the in-memory and SQLite stores sort them, and the
      -- primary key index then serves ORDER BY id for paging.
      CREATE TABLE projection_documents (
        projection text COLLATE "C" NOT NULL,
        id text COLLATE "C" NOT NULL,
        doc jsonb NOT NULL,
        PRIMARY KEY (projection, id)
      );

      CREATE TABLE projection_checkpoints (
        projection text PRIMARY KEY,
        position bigint NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: 'hash_chain',
    // Rows stored before this migration keep NULL hashes; hash_chain_epoch records the position up to
    // which that is allowed (verify counts them as legacy, not as damage). The statement-level trigger
    // refuses UPDATE and DELETE on events to every role, the owner included, until someone with owner
    // rights disables or drops it; verify still detects what such a person changes.
    sql: `
      ALTER TABLE events ADD COLUMN prev_hash text, ADD COLUMN hash text;
      CREATE TABLE hash_chain_epoch (legacy_up_to bigint NOT NULL);
      INSERT INTO hash_chain_epoch (legacy_up_to) SELECT coalesce(max(global_position), 0) FROM events;
      CREATE FUNCTION events_append_only() RETURNS trigger LANGUAGE plpgsql AS $fn$
      BEGIN
        RAISE EXCEPTION 'events are append-only: % is not allowed', TG_OP USING ERRCODE = 'insufficient_privilege';
      END
      $fn$;
      CREATE TRIGGER events_append_only BEFORE UPDATE OR DELETE ON events
        FOR EACH STATEMENT EXECUTE FUNCTION events_append_only();
    `,
  },
  {
    version: 4,
    name: 'subject_keys',
    // Crypto-shredding: one active key per data subject (partial unique index), erased keys stay as
    // tombstones without key material.
    sql: `
      CREATE TABLE subject_keys (
        key_id uuid PRIMARY KEY,
        subject_id text NOT NULL,
        key bytea,
        created_at timestamptz NOT NULL DEFAULT now(),
        erased_at timestamptz
      );
      CREATE UNIQUE INDEX subject_keys_active ON subject_keys (subject_id) WHERE erased_at IS NULL;
      CREATE TABLE subject_pepper (id integer PRIMARY KEY CHECK (id = 1), pepper bytea NOT NULL);
    `,
  },
  {
    version: 5,
    name: 'append_group',
    // Group commit (append-group.ts): one call appends several streams' batches under one append lock
    // and one commit. The lock comes first, so no position is drawn before it is held (ADR 0002); each
    // member's expected version and event ids are then checked under the lock, in order, and a member
    // that no longer holds is skipped with its reason, never failing the others.
    sql: `
      CREATE FUNCTION dul_append_group(members jsonb, lock_namespace integer, lock_key integer)
      RETURNS jsonb LANGUAGE plpgsql AS $fn$
      DECLARE
        member jsonb;
        head integer;
        last_position bigint;
        outcomes jsonb := '[]'::jsonb;
      BEGIN
        PERFORM pg_advisory_xact_lock(lock_namespace, lock_key);
        FOR member IN SELECT value FROM jsonb_array_elements(members) LOOP
          SELECT max(stream_version) INTO head FROM events WHERE stream_id = member->>'stream';
          IF coalesce(head, -1) <> (member->>'first')::integer - 1 THEN
            outcomes := outcomes || jsonb_build_array(jsonb_build_object('outcome', 'version-taken'));
            CONTINUE;
          END IF;
          IF EXISTS (
            SELECT 1 FROM events
            WHERE event_id IN (SELECT (e->>'id')::uuid FROM jsonb_array_elements(member->'events') AS e)
          ) THEN
            outcomes := outcomes || jsonb_build_array(jsonb_build_object('outcome', 'already-stored'));
            CONTINUE;
          END IF;
          WITH inserted AS (
            INSERT INTO events (event_id, stream_id, stream_version, type, schema_version, data, metadata, prev_hash, hash)
            SELECT (e.value->>'id')::uuid, member->>'stream', (member->>'first')::integer + (e.ord::integer - 1),
                   e.value->>'type', (e.value->>'schemaVersion')::integer, e.value->'data', e.value->'metadata',
                   e.value->>'prevHash', e.value->>'hash'
            FROM jsonb_array_elements(member->'events') WITH ORDINALITY AS e(value, ord)
            ORDER BY e.ord
            RETURNING global_position
          )
          SELECT max(global_position) INTO last_position FROM inserted;
          outcomes := outcomes || jsonb_build_array(jsonb_build_object('outcome', 'appended', 'lastPosition', last_position));
        END LOOP;
        RETURN outcomes;
      END
      $fn$;
    `,
  },
];

export interface MigrationReport {
  readonly applied: readonly number[];
  readonly current: number;
}

/**
 * Brings the database up to the newest migration. Safe to run from every instance at boot: a session
 * advisory lock lets one instance migrate while the others wait and then find nothing to do, and each
 * migration commits together with its schema_migrations row, so a failure leaves a consistent version.
 */
export async function runPostgresMigrations(
  pool: Pool,
  migrations: readonly PostgresMigration[] = POSTGRES_MIGRATIONS,
): Promise<MigrationReport> {
  assertOrdered(migrations);
  const client = await pool.connect();
  let broken = false;
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [ADVISORY_LOCK_NAMESPACE, MIGRATION_LOCK_KEY]);
    try {
      await client.query(`
        CREATE TABLE IF NOT EXISTS schema_migrations (
          version integer PRIMARY KEY,
          name text NOT NULL,
          checksum text NOT NULL,
          applied_at timestamptz NOT NULL DEFAULT now()
        )`);
      const done = await appliedMigrations(client);
      const applied: number[] = [];
      for (const migration of migrations) {
        const previous = done.get(migration.version);
        if (previous) {
          // An edited migration would leave databases migrated before and after the edit different.
          if (previous.checksum !== checksum(migration)) {
            throw new Error(
              `Migration ${migration.version} (${migration.name}) differs from the one applied as ${previous.name}; add a new migration instead`,
            );
          }
          continue;
        }
        await applyOne(client, migration);
        applied.push(migration.version);
      }
      const newest = Math.max(0, ...done.keys(), ...applied);
      return { applied, current: newest };
    } finally {
      await client
        .query('SELECT pg_advisory_unlock($1, $2)', [ADVISORY_LOCK_NAMESPACE, MIGRATION_LOCK_KEY])
        .catch(() => {
          // The lock lives with the session: destroying the connection below releases it all the same.
          broken = true;
        });
    }
  } catch (error) {
    broken = true;
    throw error;
  } finally {
    client.release(broken);
  }
}

async function applyOne(client: PoolClient, migration: PostgresMigration): Promise<void> {
  await client.query('BEGIN');
  try {
    await client.query(migration.sql);
    await client.query('INSERT INTO schema_migrations (version, name, checksum) VALUES ($1, $2, $3)', [
      migration.version,
      migration.name,
      checksum(migration),
    ]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw new Error(`Migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`, {
      cause: error,
    });
  }
}

async function appliedMigrations(client: PoolClient): Promise<Map<number, { name: string; checksum: string }>> {
  const { rows } = await client.query<{ version: number; name: string; checksum: string }>(
    'SELECT version, name, checksum FROM schema_migrations ORDER BY version',
  );
  return new Map(rows.map((row) => [row.version, { name: row.name, checksum: row.checksum }]));
}

function checksum(migration: PostgresMigration): string {
  // Indentation is not meaning: re-indenting the TS source must not look like an edited migration.
  const normalised = migration.sql
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .join('\n');
  return createHash('sha256').update(normalised).digest('hex');
}

function assertOrdered(migrations: readonly PostgresMigration[]): void {
  migrations.forEach((migration, index) => {
    if (!Number.isInteger(migration.version) || migration.version < 1) {
      throw new Error(`Migration version ${migration.version} must be a positive integer`);
    }
    const previous = migrations[index - 1];
    if (previous && previous.version >= migration.version) {
      throw new Error(
        `Migrations must be in strictly ascending version order (${previous.version} then ${migration.version})`,
      );
    }
  });
}
