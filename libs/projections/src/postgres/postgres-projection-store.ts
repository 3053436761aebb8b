import { Pool } from 'pg';
import type { PoolClient } from 'pg';
import { assertSafeField, indexNameFor, pageBounds } from '../document-query';
import type {
  DocumentEntry,
  DocumentFilter,
  DocumentQuery,
  DocumentTransaction,
  ProjectionIndexes,
  ProjectionStore,
} from '../projection.port';
import { CheckpointMovedError } from '../projection.port';

type Queryable = Pick<PoolClient, 'query'>;

/**
 * Read models in the events' PostgreSQL database, so a projection's documents and checkpoint commit in
 * one transaction. The tables come from runPostgresMigrations (migration 2), which
 * PostgresEventStore.create runs at boot.
 */
export class PostgresProjectionStore implements ProjectionStore {
  private readonly pool: Pool;
  private readonly ownsPool: boolean;
  private closed = false;
  private typed: { readonly at: number; readonly fields: Promise<ReadonlySet<string>> } | undefined;

  /** With a Pool (for instance the event store's), the caller keeps ownership: close() leaves it open. */
  constructor(connection: string | Pool) {
    if (typeof connection === 'string') {
      this.pool = new Pool({ connectionString: connection, application_name: 'dul-projections' });
      // An idle connection dropped by the server would otherwise crash the process.
      this.pool.on('error', () => undefined);
      this.ownsPool = true;
    } else {
      this.pool = connection;
      this.ownsPool = false;
    }
  }

  async checkpoint(projection: string): Promise<number> {
    return readCheckpoint(this.pool, projection);
  }

  async commit(
    projection: string,
    expected: number,
    next: number,
    work: (tx: DocumentTransaction) => Promise<void>,
  ): Promise<void> {
    await this.transaction(async (client) => {
      // Compare-and-set first: the checkpoint row stays locked until commit, so a second instance
      // applying the same batch waits here, then finds the position moved, before doing any work.
      await moveCheckpoint(client, projection, expected, next);
      // The batch's writes are buffered and sent as one upsert and one delete at the end, instead of
      // a round trip per event (issue 12: rebuilds and catch-up were bound by round trips).
      const pending = new Map<string, { name: string; id: string; json: string | null }>();
      const keyOf = (name: string, id: string): string => `${name}\u0000${id}`;
      // Documents read ahead by prefetch, as their JSON text (parsed afresh on each get, like a read).
      const fetched = new Map<string, string | null>();
      await work({
        get: async <T>(name: string, id: string) => {
          const buffered = pending.get(keyOf(name, id));
          if (buffered) return buffered.json === null ? null : (JSON.parse(buffered.json) as T);
          const ahead = fetched.get(keyOf(name, id));
          if (ahead !== undefined) return ahead === null ? null : (JSON.parse(ahead) as T);
          return readDocument<T>(client, name, id);
        },
        prefetch: async (name, ids) => {
          const wanted = [...new Set(ids)].filter(
            (id) => !pending.has(keyOf(name, id)) && !fetched.has(keyOf(name, id)),
          );
          if (wanted.length === 0) return;
          const { rows } = await client.query<{ id: string; doc: string }>(
            'SELECT id, doc::text AS doc FROM projection_documents WHERE projection = $1 AND id = ANY($2::text[])',
            [name, wanted],
          );
          for (const id of wanted) fetched.set(keyOf(name, id), null);
          for (const row of rows) fetched.set(keyOf(name, row.id), row.doc);
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
      await writeBuffered(client, [...pending.values()]);
    });
  }

  async reset(projection: string): Promise<void> {
    await this.transaction(async (client) => {
      await client.query('DELETE FROM projection_documents WHERE projection = $1', [projection]);
      await client.query('DELETE FROM projection_checkpoints WHERE projection = $1', [projection]);
    });
  }

  async getDocument<T>(projection: string, id: string): Promise<T | null> {
    return readDocument<T>(this.pool, projection, id);
  }

  async findDocuments<T>(projection: string, query: DocumentQuery = {}): Promise<T[]> {
    return (await this.findEntries<T>(projection, query)).map((entry) => entry.document);
  }

  async findEntries<T>(projection: string, query: DocumentQuery = {}): Promise<DocumentEntry<T>[]> {
    const { sql, values } = postgresPageStatement(projection, query, await this.typedFields());
    const { rows } = await this.pool.query<{ id: string; doc: T }>(sql, values);
    return rows.map((row) => ({ id: row.id, document: row.doc }));
  }

  /**
   * Equality fields become typed columns: a stored generated column `f_<field>` (the field's text
   * when it is a JSON string, else NULL) with an index on (projection, column, id). A page then comes
   * in id order from the index and a count is an index-only scan. An expression index on
   * (doc ->> field) would serve the page but not the count: PostgreSQL does not plan index-only scans
   * for expressions over a column the index lacks (doc), so each count read every matching row's
   * document (~200 ms per 10,000 rows). Adding the column rewrites the table once, under an
   * exclusive lock: at the first boot that declares the field. Membership fields get a GIN index
   * (jsonb_path_ops), which serves `@>`. One column and index per field, shared by the projections
   * filtering on it. Instances booting at once may race on IF NOT EXISTS; the loser's duplicate
   * error means the other made it.
   */
  async ensureIndexes(_projection: string, indexes: ProjectionIndexes): Promise<void> {
    const statements = [
      ...(indexes.equality ?? []).flatMap((field) => [
        `ALTER TABLE projection_documents ADD COLUMN IF NOT EXISTS ${typedColumn(field)} text
           GENERATED ALWAYS AS (CASE WHEN jsonb_typeof(doc -> '${field}') = 'string' THEN doc ->> '${field}' END) STORED`,
        `CREATE INDEX IF NOT EXISTS ${indexNameFor(field, 'equality')} ON projection_documents (projection, ${typedColumn(field)}, id)`,
      ]),
      ...(indexes.membership ?? []).map(
        (field) =>
          `CREATE INDEX IF NOT EXISTS ${indexNameFor(field, 'membership')} ON projection_documents USING gin ((doc -> '${field}') jsonb_path_ops)`,
      ),
    ];
    for (const statement of statements) {
      await this.pool.query(statement).catch((error: { code?: string }) => {
        if (error.code !== '23505' && error.code !== '42P07' && error.code !== '42701') throw error;
      });
    }
    this.typed = undefined;
  }

  /**
   * The fields that have a typed column, read from the catalogue and kept for a minute: an instance
   * that did not create a column itself starts using it within a minute (until then its filters
   * read the JSON, with the same result).
   */
  private async typedFields(): Promise<ReadonlySet<string>> {
    if (this.typed === undefined || Date.now() - this.typed.at > 60_000) {
      const loading = this.pool
        .query<{ column_name: string }>(
          `SELECT column_name FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = 'projection_documents' AND column_name LIKE 'f\\_%'`,
        )
        .then(({ rows }) => new Set(rows.map((row) => row.column_name.slice(2))));
      this.typed = { at: Date.now(), fields: loading };
      loading.catch(() => (this.typed = undefined));
    }
    return this.typed.fields;
  }

  async countDocuments(projection: string, query: DocumentFilter = {}): Promise<number> {
    const { sql, values } = postgresCountStatement(projection, query, await this.typedFields());
    const { rows } = await this.pool.query<{ n: string }>(sql, values);
    return Number(rows[0]?.n ?? 0);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ownsPool) await this.pool.end();
  }

  /** Runs `body` in one transaction on one client; anything it throws rolls everything back. */
  private async transaction(body: (client: PoolClient) => Promise<void>): Promise<void> {
    const client = await this.pool.connect();
    let broken = false;
    try {
      await client.query('BEGIN');
      try {
        await body(client);
        await client.query('COMMIT');
      } catch (error) {
        // A connection that cannot even roll back is not put back in the pool.
        await client.query('ROLLBACK').catch(() => {
          broken = true;
        });
        throw error;
      }
    } finally {
      client.release(broken);
    }
  }
}

async function moveCheckpoint(client: Queryable, projection: string, expected: number, next: number): Promise<void> {
  const moved =
    expected === 0
      ? // No row is the same as 0: a projection that never ran, or one that was reset.
        await client.query(
          `INSERT INTO projection_checkpoints (projection, position) VALUES ($1, $2)
           ON CONFLICT (projection) DO UPDATE SET position = excluded.position
           WHERE projection_checkpoints.position = 0`,
          [projection, next],
        )
      : await client.query('UPDATE projection_checkpoints SET position = $3 WHERE projection = $1 AND position = $2', [
          projection,
          expected,
          next,
        ]);
  if (moved.rowCount !== 1) {
    throw new CheckpointMovedError(projection, expected, await readCheckpoint(client, projection));
  }
}

async function readCheckpoint(db: Queryable, projection: string): Promise<number> {
  const { rows } = await db.query<{ position: string }>(
    'SELECT position FROM projection_checkpoints WHERE projection = $1',
    [projection],
  );
  return rows[0] ? Number(rows[0].position) : 0;
}

async function readDocument<T>(db: Queryable, projection: string, id: string): Promise<T | null> {
  const { rows } = await db.query<{ doc: T }>(
    'SELECT doc FROM projection_documents WHERE projection = $1 AND id = $2',
    [projection, id],
  );
  return rows[0] ? rows[0].doc : null;
}

async function writeBuffered(
  client: Queryable,
  writes: readonly { name: string; id: string; json: string | null }[],
): Promise<void> {
  const puts = writes.filter((write) => write.json !== null);
  const deletes = writes.filter((write) => write.json === null);
  if (puts.length > 0) {
    // One JSON parameter (the documents spliced in as already-encoded JSON): no per-row parameters,
    // so a batch of any size is one statement.
    const rows = puts.map(
      (write) => `{"projection":${JSON.stringify(write.name)},"id":${JSON.stringify(write.id)},"doc":${write.json}}`,
    );
    await client.query(
      `INSERT INTO projection_documents (projection, id, doc)
       SELECT projection, id, doc FROM jsonb_to_recordset($1::jsonb) AS r(projection text, id text, doc jsonb)
       ON CONFLICT (projection, id) DO UPDATE SET doc = excluded.doc`,
      [`[${rows.join(',')}]`],
    );
  }
  if (deletes.length > 0) {
    await client.query(
      `DELETE FROM projection_documents d USING unnest($1::text[], $2::text[]) AS r(projection, id)
       WHERE d.projection = r.projection COLLATE "C" AND d.id = r.id COLLATE "C"`,
      [deletes.map((write) => write.name), deletes.map((write) => write.id)],
    );
  }
}

/**
 * `where` as SQL with the same meaning as matchesWhere (strict equality). Field names are checked
 * identifiers, spliced in as literals so expression indexes such as ((doc ->> 'status')) can match;
 * values are always parameters.
 */
/** The SELECT of one page (exported so a test can ask PostgreSQL for its query plan). */
export function postgresPageStatement(
  projection: string,
  query: DocumentQuery,
  typed: ReadonlySet<string> = new Set(),
): { sql: string; values: unknown[] } {
  const { sql, values } = whereClause(projection, query, typed);
  const { limit, offset } = pageBounds(query);
  let keyset = '';
  if (query.afterId !== undefined) {
    values.push(query.afterId);
    keyset = ` AND id > $${values.length}`;
  }
  // ORDER BY id follows the column's "C" collation: code-point order, served by the primary key or
  // by an equality index (projection, field, id).
  let doc = 'doc';
  if (query.omit !== undefined && query.omit.length > 0) {
    query.omit.forEach(assertSafeField);
    values.push([...query.omit]);
    doc = `doc - $${values.length}::text[]`;
  }
  return {
    sql: `SELECT id, ${doc} AS doc FROM projection_documents WHERE ${sql}${keyset}
       ORDER BY id LIMIT $${values.length + 1} OFFSET $${values.length + 2}`,
    values: [...values, limit, offset],
  };
}

/** The count of a filter (exported so a test can ask PostgreSQL for its query plan). */
export function postgresCountStatement(
  projection: string,
  filter: DocumentFilter,
  typed: ReadonlySet<string> = new Set(),
): { sql: string; values: unknown[] } {
  const { sql, values } = whereClause(projection, filter, typed);
  return { sql: `SELECT count(*) AS n FROM projection_documents WHERE ${sql}`, values };
}

/** The stored generated column holding a field's string value (see ensureIndexes). */
function typedColumn(field: string): string {
  assertSafeField(field);
  return `"f_${field}"`;
}

function whereClause(
  projection: string,
  filter: DocumentFilter,
  typed: ReadonlySet<string> = new Set(),
): { sql: string; values: unknown[] } {
  const parts = ['projection = $1'];
  const values: unknown[] = [projection];
  const compare = (bounds: Readonly<Record<string, string>> | undefined, operator: '<' | '>'): void => {
    for (const [field, bound] of Object.entries(bounds ?? {})) {
      assertSafeField(field);
      values.push(bound);
      // Code-point order whatever the database's collation, as the other stores compare.
      parts.push(
        `(jsonb_typeof(doc -> '${field}') = 'string' AND (doc ->> '${field}') COLLATE "C" ${operator} $${values.length} COLLATE "C")`,
      );
    }
  };
  compare(filter.before, '<');
  compare(filter.after, '>');
  for (const [field, member] of Object.entries(filter.contains ?? {})) {
    assertSafeField(field);
    values.push(JSON.stringify([member]));
    // jsonb containment: the array holds this string (served by a GIN index where one is added).
    parts.push(`(jsonb_typeof(doc -> '${field}') = 'array' AND doc -> '${field}' @> $${values.length}::jsonb)`);
  }
  for (const [field, members] of Object.entries(filter.oneOf ?? {})) {
    assertSafeField(field);
    values.push([...members]);
    parts.push(
      typed.has(field)
        ? `${typedColumn(field)} = ANY($${values.length}::text[])`
        : `(jsonb_typeof(doc -> '${field}') = 'string' AND doc ->> '${field}' = ANY($${values.length}::text[]))`,
    );
  }
  for (const [field, value] of Object.entries(filter.where ?? {})) {
    assertSafeField(field);
    if (typeof value === 'string' && typed.has(field)) {
      // The typed column holds the field only when it is a JSON string: the same test, from the index.
      values.push(value);
      parts.push(`${typedColumn(field)} = $${values.length}`);
    } else if (typeof value === 'string') {
      // Text comparison, the common and indexable case; the type check keeps "2" from matching 2.
      values.push(value);
      parts.push(`(doc ->> '${field}' = $${values.length} AND jsonb_typeof(doc -> '${field}') = 'string')`);
    } else if (typeof value === 'number' && !Number.isFinite(value)) {
      // JSON has no NaN or Infinity, so no document holds one (and JSON.stringify would say null).
      parts.push('FALSE');
    } else {
      // jsonb equality is typed and numeric-aware: true matches only true, 2 matches 2 and 2.0, where
      // comparing text would miss 2.0 and match the string "true".
      values.push(JSON.stringify(value));
      parts.push(`doc -> '${field}' = $${values.length}::jsonb`);
    }
  }
  return { sql: parts.join(' AND '), values };
}
