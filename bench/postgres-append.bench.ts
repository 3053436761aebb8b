/**
 * What serialised position assignment costs on PostgreSQL (docs/adr/0002-postgres-global-order.md).
 *
 *   npx ts-node -r tsconfig-paths/register bench/postgres-append.bench.ts [--seconds 2] [--rounds 3] [--writers 8]
 *
 * Creates a fresh database on the local server (DUL_PG_ADMIN_URL to point elsewhere), runs every
 * variant for a fixed time with concurrent writers, each on its own stream, prints a markdown table
 * and drops the database. Each cell starts from an empty events table; the variants take turns over
 * several rounds, so a noisy moment on a shared machine does not land on one variant only.
 */
import { randomUUID } from 'node:crypto';
import { cpus } from 'node:os';
import { Pool } from 'pg';
import type { NewEvent } from '../libs/event-store/src/event-store.port';
import {
  appendStatement,
  PostgresEventStore,
  streamStateStatement,
} from '../libs/event-store/src/postgres/postgres-event-store.adapter';
import { ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY } from '../libs/event-store/src/postgres/postgres-migrations';
import { createTestDatabase } from '../infra/postgres/test-database';

interface Variant {
  readonly key: string;
  readonly label: string;
  /** Builds one writer's append function for its own stream. */
  readonly writer: (pool: Pool, store: PostgresEventStore, stream: string) => (events: NewEvent[]) => Promise<void>;
}

interface Cell {
  readonly variant: Variant;
  readonly batch: number;
  readonly appends: number;
  readonly seconds: number;
  readonly latenciesMs: number[];
}

const args = new Map<string, string>();
process.argv.slice(2).forEach((arg, i, all) => {
  if (arg.startsWith('--')) args.set(arg.slice(2), all[i + 1] ?? '');
});
const SECONDS = Number(args.get('seconds') ?? 2);
const ROUNDS = Number(args.get('rounds') ?? 3);
const WRITERS = Number(args.get('writers') ?? 8);
const BATCHES = [1, 10];
/** Hard stop, whatever happens: a benchmark must never hang a terminal or CI job. */
const HARD_LIMIT_MS = (ROUNDS * BATCHES.length * 4 * (SECONDS + 3) + 60) * 1000;

// (b) repeats the adapter's statements, so it differs from (a) only by the lock.
const variants: Variant[] = [
  {
    key: 'a',
    label: '(a) adapter: serialised, lock + insert in one autocommit statement',
    writer: (_pool, store, stream) => {
      let expected: number | 'no-stream' = 'no-stream';
      return async (events) => {
        expected = (await store.append(stream, events, expected)).nextExpectedVersion;
      };
    },
  },
  {
    key: "a'",
    label: "(a') serialised, lock taken in an explicit BEGIN … COMMIT",
    writer: (pool, _store, stream) => {
      let next = 0;
      return async (events) => {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          await client.query(
            streamStateStatement(
              stream,
              events.map((e) => e.eventId),
            ),
          );
          await client.query('SELECT pg_advisory_xact_lock($1, $2)', [ADVISORY_LOCK_NAMESPACE, APPEND_LOCK_KEY]);
          await client.query(appendStatement(stream, next, events, false));
          await client.query('COMMIT');
          next += events.length;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      };
    },
  },
  {
    key: 'b',
    label: '(b) same checks and INSERT, no lock (unsound: the gap bug)',
    writer: (pool, _store, stream) => {
      let next = 0;
      return async (events) => {
        await pool.query(
          streamStateStatement(
            stream,
            events.map((e) => e.eventId),
          ),
        );
        await pool.query(appendStatement(stream, next, events, false));
        next += events.length;
      };
    },
  },
  {
    key: 'c',
    label: '(c) raw INSERT … VALUES, no checks (one row per event)',
    writer: (pool, _store, stream) => {
      let next = 0;
      return async (events) => {
        const values: unknown[] = [];
        const rows = events.map((event, i) => {
          values.push(
            event.eventId,
            stream,
            next + i,
            event.type,
            JSON.stringify(event.data),
            JSON.stringify(event.metadata),
          );
          const p = i * 6;
          return `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6})`;
        });
        await pool.query({
          // Named like the adapter's statements, so no variant pays for planning and the others not.
          name: `bench_raw_insert_${events.length}`,
          text: `INSERT INTO events (event_id, stream_id, stream_version, type, data, metadata) VALUES ${rows.join(', ')}`,
          values,
        });
        next += events.length;
      };
    },
  },
];

function newEvents(count: number): NewEvent[] {
  return Array.from({ length: count }, (_, n) => ({
    eventId: randomUUID(),
    type: 'LicenceApplicationAmended',
    data: { applicationId: randomUUID(), items: [{ entry: '5A002.a', quantity: 12, valueEur: 48_000 }], n },
    metadata: { actor: 'caseworker-7', memberState: 'DE', correlationId: randomUUID() },
  }));
}

async function runCell(url: string, variant: Variant, batch: number): Promise<Cell> {
  const pool = new Pool({ connectionString: url, max: WRITERS + 2 });
  const store = new PostgresEventStore(pool);
  try {
    await pool.query('TRUNCATE events RESTART IDENTITY');
    const writers = Array.from({ length: WRITERS }, (_, w) =>
      variant.writer(pool, store, `bench-${variant.key === "a'" ? 'a2' : variant.key}${batch}w${w}-${randomUUID()}`),
    );
    // Warm-up: connections open, plans cached, first pages touched.
    await Promise.all(writers.map((append) => append(newEvents(batch))));
    const latenciesMs: number[] = [];
    let appends = 0;
    const started = performance.now();
    const deadline = started + SECONDS * 1000;
    await Promise.all(
      writers.map(async (append) => {
        while (performance.now() < deadline) {
          const events = newEvents(batch);
          const t0 = performance.now();
          await append(events);
          latenciesMs.push(performance.now() - t0);
          appends++;
        }
      }),
    );
    return { variant, batch, appends, seconds: (performance.now() - started) / 1000, latenciesMs };
  } finally {
    await store.close();
    await pool.end();
  }
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

function table(cells: readonly Cell[]): string {
  const rate = (cell: Cell): number => cell.appends / cell.seconds;
  const lines = [
    `| variant | events/append | appends/s | events/s | p50 ms | p99 ms | vs (b) no lock | vs (c) raw |`,
    `|---|---:|---:|---:|---:|---:|---:|---:|`,
  ];
  for (const cell of cells) {
    const sorted = [...cell.latenciesMs].sort((x, y) => x - y);
    const same = (key: string): Cell | undefined => cells.find((c) => c.variant.key === key && c.batch === cell.batch);
    const ratio = (other: Cell | undefined): string => (other ? `${(rate(cell) / rate(other)).toFixed(2)}×` : '–');
    lines.push(
      `| ${cell.variant.label} | ${cell.batch} | ${Math.round(rate(cell)).toLocaleString('en')} | ${Math.round(
        rate(cell) * cell.batch,
      ).toLocaleString('en')} | ${percentile(sorted, 50).toFixed(2)} | ${percentile(sorted, 99).toFixed(2)} | ${ratio(
        same('b'),
      )} | ${ratio(same('c'))} |`,
    );
  }
  return lines.join('\n');
}

async function describeServer(url: string): Promise<string> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ version: string; sc: string; fsync: string }>(
      `SELECT current_setting('server_version') AS version, current_setting('synchronous_commit') AS sc,
              current_setting('fsync') AS fsync`,
    );
    const row = rows[0];
    return `PostgreSQL ${row?.version}, synchronous_commit=${row?.sc}, fsync=${row?.fsync}; client and server on one host, ${
      cpus().length
    } CPUs (${cpus()[0]?.model ?? 'unknown'}), Node ${process.version}; ${WRITERS} writers each on its own stream, ${ROUNDS} rounds × ${SECONDS} s per cell`;
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const database = await createTestDatabase();
  const hardStop = setTimeout(() => {
    console.error(`Benchmark exceeded ${HARD_LIMIT_MS} ms; dropping the database and exiting`);
    void database.drop().finally(() => process.exit(2));
  }, HARD_LIMIT_MS);
  hardStop.unref();
  const interrupted = (): void => {
    void database.drop().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  try {
    await (await PostgresEventStore.create(database.url)).close();
    const runs: Cell[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const batch of BATCHES) {
        for (const variant of variants) {
          const cell = await runCell(database.url, variant, batch);
          console.error(
            `round ${round}, ${variant.key}, batch ${batch}: ${Math.round(cell.appends / cell.seconds)} appends/s`,
          );
          runs.push(cell);
        }
      }
    }
    const cells = BATCHES.flatMap((batch) =>
      variants.map((variant): Cell => {
        const mine = runs.filter((run) => run.variant === variant && run.batch === batch);
        return {
          variant,
          batch,
          appends: mine.reduce((sum, run) => sum + run.appends, 0),
          seconds: mine.reduce((sum, run) => sum + run.seconds, 0),
          latenciesMs: mine.flatMap((run) => run.latenciesMs),
        };
      }),
    );
    console.log(`\n${await describeServer(database.url)}\n`);
    console.log(table(cells));
  } finally {
    clearTimeout(hardStop);
    process.off('SIGINT', interrupted);
    await database.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
