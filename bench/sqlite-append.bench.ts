/**
 * What the embedded store's append costs next to the raw database it runs on.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/sqlite-append.bench.ts [--seconds 3]
 *
 * Same file settings for both (WAL, synchronous=FULL): (a) SqliteEventStore.append, with its
 * idempotency lookup, expected-version check and JSON encoding; (b) a bare INSERT of the same row in
 * its own transaction, the limit. Single-event and 10-event batches; prints a markdown table.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { NewEvent } from '../libs/event-store/src/event-store.port';
import { openSqliteDatabase } from '../libs/event-store/src/sqlite/sqlite-database';
import { SqliteEventStore } from '../libs/event-store/src/sqlite/sqlite-event-store.adapter';

const secondsArg = process.argv.indexOf('--seconds');
const SECONDS = secondsArg > 0 ? Number(process.argv[secondsArg + 1]) : 3;

const event = (): NewEvent => ({
  eventId: randomUUID(),
  type: 'ApplicationSubmitted',
  data: { applicant: 'Example GmbH', items: [{ entry: '5A001.j', quantity: 3 }] },
  metadata: { actor: 'bench', memberState: 'DE', correlationId: randomUUID() },
});

async function measure(run: (batch: number) => Promise<void> | void, batch: number): Promise<number> {
  const until = Date.now() + SECONDS * 1000;
  let appends = 0;
  while (Date.now() < until) {
    await run(batch);
    appends++;
  }
  return appends / SECONDS;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'dul-bench-'));
  const rows: string[] = [];
  try {
    for (const batch of [1, 10]) {
      const store = new SqliteEventStore(openSqliteDatabase(join(dir, `adapter-${batch}.db`)));
      const stream = `bench-${randomUUID()}`;
      let version: number | 'no-stream' = 'no-stream';
      const adapterRate = await measure(async (size) => {
        const result = await store.append(stream, Array.from({ length: size }, event), version);
        version = result.nextExpectedVersion;
      }, batch);
      await store.close();

      const raw = openSqliteDatabase(join(dir, `raw-${batch}.db`));
      const insert = raw.prepare(
        `INSERT INTO events (event_id, stream_id, stream_version, category, type, schema_version, data, metadata, recorded_at)
         VALUES (?, ?, ?, 'bench', ?, 1, ?, ?, ?)`,
      );
      let rawVersion = 0;
      const rawStream = `bench-${randomUUID()}`;
      const rawRate = await measure((size) => {
        raw
          .transaction(() => {
            for (let i = 0; i < size; i++) {
              const e = event();
              insert.run(
                e.eventId,
                rawStream,
                rawVersion++,
                e.type,
                JSON.stringify(e.data),
                JSON.stringify(e.metadata),
                new Date().toISOString(),
              );
            }
          })
          .immediate();
      }, batch);
      raw.close();
      rows.push(
        `| ${batch} | ${adapterRate.toFixed(0)} | ${(adapterRate * batch).toFixed(0)} | ${rawRate.toFixed(0)} | ${(adapterRate / rawRate).toFixed(2)} |`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  process.stdout.write(
    [
      `\nSQLite append (WAL, synchronous=FULL), ${SECONDS} s per cell, one writer (SQLite has one writer per file)\n`,
      '| events per append | adapter appends/s | adapter events/s | raw INSERT appends/s | adapter / raw |',
      '|---|---|---|---|---|',
      ...rows,
      '',
    ].join('\n'),
  );
}

void main();
