/**
 * The Art 26 report from the read models next to its limit-free peer, the plain fold over the whole
 * event log, on one seeded store in one run.
 *
 *   npx ts-node --transpile-only -r tsconfig-paths/register bench/report.bench.ts [--applications 2000]
 *
 * Seeds a fresh SQLite store through the real command path (infra/seed), waits for the projections,
 * then times each way five times and prints a markdown table. 50,000 applications take about 17
 * minutes to seed on this machine, so the default is smaller; pass --applications 50000 to measure
 * at the scale (figures in docs/benchmarks.md).
 */
import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { validateEnvironment } from '@dul/config';
import { computeAnnualReport } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { ManualClock } from '@dul/platform';
import { AnnualReportQueries } from '../apps/reporting/annual-report.query';
import { StandaloneEnvironment } from '../apps/standalone/standalone.environment';
import { StandaloneModule } from '../apps/standalone/standalone.module';
import { seedActivity } from '../apps/standalone/seed/seed-activity';
import { readWholeLog } from '../test/support/event-log';

async function time(run: () => Promise<unknown>, rounds = 5): Promise<number[]> {
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const started = process.hrtime.bigint();
    await run();
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return times.sort((a, b) => a - b);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { applications: { type: 'string', default: '2000' } } });
  const applications = Number(values.applications);
  const dir = mkdtempSync(join(tmpdir(), 'dul-report-bench-'));
  const env = validateEnvironment(StandaloneEnvironment, {
    SQLITE_PATH: join(dir, 'ledger.db'),
    AUTH_DEV_KEY_PATH: join(dir, 'key.json'),
    LOG_LEVEL: 'silent',
  });
  const clock = new ManualClock(new Date(Date.UTC(2025, 0, 1)));
  const app = await NestFactory.createApplicationContext(StandaloneModule.forRoot(env, { clock }), {
    logger: ['error'],
  });
  await app.init();
  try {
    const seeded = Date.now();
    await seedActivity(app, clock, { applications, year: 2025, seed: 42 });
    const seedSeconds = (Date.now() - seeded) / 1000;
    const queries = app.get(AnnualReportQueries);
    const store = app.get<EventStore>(EVENT_STORE);
    const readModel = await time(() => queries.annual({ year: 2025 }));
    const fold = await time(async () => computeAnnualReport(await readWholeLog(store), { year: 2025 }));
    const median = (times: number[]): number => times[Math.floor(times.length / 2)] ?? NaN;
    process.stdout.write(
      [
        `\nArt 26 annual report, ${applications} seeded applications (seeded in ${seedSeconds.toFixed(0)} s), 5 runs each`,
        '| way | median ms | best ms | vs fold |',
        '|---|---:|---:|---:|',
        `| read models (GET /v1/reports/annual) | ${median(readModel).toFixed(0)} | ${readModel[0]?.toFixed(0)} | ${(median(readModel) / median(fold)).toFixed(2)} |`,
        `| plain fold over the event log | ${median(fold).toFixed(0)} | ${fold[0]?.toFixed(0)} | 1.00 |`,
        '',
      ].join('\n'),
    );
  } finally {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
