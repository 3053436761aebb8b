import { randomBytes, randomUUID } from 'node:crypto';
import type { Pool } from 'pg';
import type { SqliteDatabase } from '../sqlite/sqlite-database';

/** A data subject's active key. */
export interface SubjectKey {
  readonly keyId: string;
  readonly key: Buffer;
}

/**
 * Keys of data subjects, in their own table, never in events. Erasing a subject deletes its key
 * material (the row stays as a tombstone with erased_at, so an erasure is itself on record); every
 * ciphertext under it is then unreadable for ever, wherever the event was copied.
 */
export interface SubjectKeyStore {
  /** The active key of each subject, created when it has none (a subject erased before gets a fresh one). */
  activeKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>>;
  /** Key material by key id: null for an erased (or unknown) key. One query for the whole batch. */
  keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>>;
  /** Deletes every key of the subject; returns how many were erased now. */
  erase(subjectId: string, at: Date): Promise<number>;
  /** The store-wide secret subject ids are derived with (HMAC), created on first use. */
  pepper(): Promise<Buffer>;
}

const newKey = () => ({ keyId: randomUUID(), key: randomBytes(32) });

export class InMemorySubjectKeyStore implements SubjectKeyStore {
  private readonly keys = new Map<string, { subjectId: string; key: Buffer | null }>();
  private readonly active = new Map<string, string>();
  private readonly secret = randomBytes(32);

  activeKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const result = new Map<string, SubjectKey>();
    for (const subjectId of new Set(subjectIds)) {
      let keyId = this.active.get(subjectId);
      if (keyId === undefined) {
        const fresh = newKey();
        keyId = fresh.keyId;
        this.keys.set(keyId, { subjectId, key: fresh.key });
        this.active.set(subjectId, keyId);
      }
      result.set(subjectId, { keyId, key: this.keys.get(keyId)?.key as Buffer });
    }
    return Promise.resolve(result);
  }

  keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    return Promise.resolve(new Map(keyIds.map((id) => [id, this.keys.get(id)?.key ?? null])));
  }

  erase(subjectId: string): Promise<number> {
    let erased = 0;
    for (const entry of this.keys.values()) {
      if (entry.subjectId === subjectId && entry.key !== null) {
        entry.key = null;
        erased++;
      }
    }
    this.active.delete(subjectId);
    return Promise.resolve(erased);
  }

  pepper(): Promise<Buffer> {
    return Promise.resolve(this.secret);
  }
}

/** Tables: migration 4 of the SQLite schema (sqlite-database.ts). */
export class SqliteSubjectKeyStore implements SubjectKeyStore {
  constructor(private readonly db: SqliteDatabase) {}

  // eslint-disable-next-line @typescript-eslint/require-await
  async activeKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const unique = [...new Set(subjectIds)];
    if (unique.length === 0) return new Map();
    return this.db
      .transaction(() => {
        const insert = this.db.prepare(
          'INSERT INTO subject_keys (key_id, subject_id, key, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
        );
        const now = new Date().toISOString();
        for (const subjectId of unique) {
          const fresh = newKey();
          insert.run(fresh.keyId, subjectId, fresh.key, now);
        }
        const rows = this.db
          .prepare<string[], { key_id: string; subject_id: string; key: Buffer }>(
            `SELECT key_id, subject_id, key FROM subject_keys
             WHERE erased_at IS NULL AND subject_id IN (${unique.map(() => '?').join(',')})`,
          )
          .all(...unique);
        return new Map(rows.map((row) => [row.subject_id, { keyId: row.key_id, key: row.key }]));
      })
      .immediate();
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    const unique = [...new Set(keyIds)];
    const result = new Map<string, Buffer | null>(unique.map((id) => [id, null]));
    if (unique.length === 0) return result;
    const rows = this.db
      .prepare<string[], { key_id: string; key: Buffer | null }>(
        `SELECT key_id, key FROM subject_keys WHERE key_id IN (${unique.map(() => '?').join(',')})`,
      )
      .all(...unique);
    for (const row of rows) result.set(row.key_id, row.key);
    return result;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async erase(subjectId: string, at: Date): Promise<number> {
    return this.db
      .prepare('UPDATE subject_keys SET key = NULL, erased_at = ? WHERE subject_id = ? AND erased_at IS NULL')
      .run(at.toISOString(), subjectId).changes;
  }

  // eslint-disable-next-line @typescript-eslint/require-await
  async pepper(): Promise<Buffer> {
    this.db
      .prepare('INSERT INTO subject_pepper (id, pepper) VALUES (1, ?) ON CONFLICT DO NOTHING')
      .run(randomBytes(32));
    return (
      this.db.prepare<[], { pepper: Buffer }>('SELECT pepper FROM subject_pepper WHERE id = 1').get() as {
        pepper: Buffer;
      }
    ).pepper;
  }
}

/** Tables: migration 4 of the PostgreSQL schema (postgres-migrations.ts). */
export class PostgresSubjectKeyStore implements SubjectKeyStore {
  constructor(private readonly pool: Pool) {}

  async activeKeys(subjectIds: readonly string[]): Promise<Map<string, SubjectKey>> {
    const unique = [...new Set(subjectIds)];
    if (unique.length === 0) return new Map();
    const fresh = unique.map(() => newKey());
    // One round trip: insert missing keys, then read the active ones (the CTE's rows are not visible to
    // the outer SELECT, hence the UNION with what the insert returned).
    const { rows } = await this.pool.query<{ key_id: string; subject_id: string; key: Buffer }>(
      `WITH inserted AS (
         INSERT INTO subject_keys (key_id, subject_id, key)
         SELECT * FROM unnest($1::uuid[], $2::text[], $3::bytea[])
         ON CONFLICT DO NOTHING
         RETURNING key_id, subject_id, key)
       SELECT key_id::text, subject_id, key FROM inserted
       UNION ALL
       SELECT key_id::text, subject_id, key FROM subject_keys WHERE erased_at IS NULL AND subject_id = ANY($2::text[])`,
      [fresh.map((k) => k.keyId), unique, fresh.map((k) => k.key)],
    );
    return new Map(rows.map((row) => [row.subject_id, { keyId: row.key_id, key: row.key }]));
  }

  async keysById(keyIds: readonly string[]): Promise<Map<string, Buffer | null>> {
    const unique = [...new Set(keyIds)];
    const result = new Map<string, Buffer | null>(unique.map((id) => [id, null]));
    if (unique.length === 0) return result;
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer | null }>(
      'SELECT key_id::text, key FROM subject_keys WHERE key_id = ANY($1::uuid[])',
      [unique],
    );
    for (const row of rows) result.set(row.key_id, row.key);
    return result;
  }

  async erase(subjectId: string, at: Date): Promise<number> {
    const result = await this.pool.query(
      'UPDATE subject_keys SET key = NULL, erased_at = $2 WHERE subject_id = $1 AND erased_at IS NULL',
      [subjectId, at],
    );
    return result.rowCount ?? 0;
  }

  async pepper(): Promise<Buffer> {
    const { rows } = await this.pool.query<{ pepper: Buffer }>(
      `WITH inserted AS (INSERT INTO subject_pepper (id, pepper) VALUES (1, $1) ON CONFLICT DO NOTHING RETURNING pepper)
       SELECT pepper FROM inserted UNION ALL SELECT pepper FROM subject_pepper WHERE id = 1`,
      [randomBytes(32)],
    );
    return (rows[0] as { pepper: Buffer }).pepper;
  }
}
