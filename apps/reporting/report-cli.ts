import 'reflect-metadata';
import { writeFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { DynamicModule } from '@nestjs/common';
import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ConfigurationError, validateEnvironment } from '@dul/config';
import { DomainError, normaliseMemberState } from '@dul/domain';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { PlatformModule } from '@dul/platform';
import type { ProjectionStore } from '@dul/projections';
import { PROJECTION_STORE } from '@dul/projections';
import { AnnualReportQueries } from './annual-report.query';
import { REPORT_FACTS_PROJECTION } from './report-facts.projection';
import type { ReportFormat } from './report-formats';
import { REPORT_FORMATS, renderReport } from './report-formats';
import { ReportingEnvironment } from './reporting.environment';
import { ReportingModule } from './reporting.module';
import { REPORTING_PROJECTIONS } from './reporting.projections';
import { parseAsOf, REPORT_YEAR_MAX, REPORT_YEAR_MIN } from './reports.dto';

const USAGE = `npm run report -- --year 2025 [--format html|csv|json] [--out report.html] [--asOf 2025-06-30] [--member-state DE]
Computes the Art 26 annual report from the reporting read models of the store the environment configures
(STORE_KIND, SQLITE_PATH, DATABASE_URL), once they have caught up with the events.
  --format        json (default), csv or html; taken from the --out extension when left out
  --out           file to write; standard output when left out
  --asOf          the report as it would have been produced then: a date (the end of that day, UTC) or an instant
  --member-state  one member state's own figures; EU-wide when left out`;

/** Only the reporting service's parts: its read model and its queries; no HTTP, no timers, no other service. */
@Module({})
class ReportCliModule {
  static forRoot(environment: ReportingEnvironment): DynamicModule {
    return {
      module: ReportCliModule,
      imports: [
        PlatformModule.forRoot({ environment, projections: REPORTING_PROJECTIONS }),
        ReportingModule.forRoot({ smallCellThreshold: environment.REPORT_SMALL_CELL_THRESHOLD }),
      ],
    };
  }
}

interface CliArguments {
  readonly year: number;
  readonly format: ReportFormat;
  readonly out: string | undefined;
  readonly asOf: Date | undefined;
  readonly memberState: string | undefined;
}

function parseArguments(): CliArguments | string {
  const { values } = parseArgs({
    options: {
      year: { type: 'string' },
      format: { type: 'string' },
      out: { type: 'string' },
      asOf: { type: 'string' },
      'as-of': { type: 'string' },
      'member-state': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) return '';
  const year = Number(values.year);
  if (!Number.isInteger(year) || year < REPORT_YEAR_MIN || year > REPORT_YEAR_MAX) {
    return `--year must be a year from ${REPORT_YEAR_MIN} to ${REPORT_YEAR_MAX}`;
  }
  const extension = values.out === undefined ? '' : extname(values.out).slice(1).toLowerCase();
  const fromExtension = extension === 'htm' ? 'html' : extension;
  const format =
    values.format ?? ((REPORT_FORMATS as readonly string[]).includes(fromExtension) ? fromExtension : 'json');
  if (!(REPORT_FORMATS as readonly string[]).includes(format)) {
    return `--format must be one of ${REPORT_FORMATS.join(', ')}`;
  }
  const asOfText = values.asOf ?? values['as-of'];
  const asOf = asOfText === undefined ? undefined : parseAsOf(asOfText);
  if (asOf === null) return '--asOf must be a date (YYYY-MM-DD) or an ISO 8601 instant with its offset';
  const memberState = values['member-state'];
  if (memberState !== undefined && normaliseMemberState(memberState) === undefined) {
    return `--member-state '${memberState}' is not an EU member state code`;
  }
  return { year, format: format as ReportFormat, out: values.out, asOf, memberState };
}

async function main(): Promise<void> {
  const parsed = parseArguments();
  if (typeof parsed === 'string') {
    process.stderr.write(parsed === '' ? `${USAGE}\n` : `${parsed}\n\n${USAGE}\n`);
    process.exit(parsed === '' ? 0 : 2);
  }
  let env: ReportingEnvironment;
  try {
    // No HTTP here, so no tokens to verify: the identity provider's settings are not needed.
    env = validateEnvironment(ReportingEnvironment, { ...process.env, AUTH_MODE: 'dev', LOG_LEVEL: 'silent' });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  const app = await NestFactory.createApplicationContext(ReportCliModule.forRoot(env), { logger: ['error'] });
  await app.init();
  try {
    await caughtUp(app.get<EventStore>(EVENT_STORE), app.get<ProjectionStore>(PROJECTION_STORE));
    const started = performance.now();
    const { report, position } = await app.get(AnnualReportQueries).annual({
      year: parsed.year,
      asOf: parsed.asOf,
      memberState: parsed.memberState,
    });
    const elapsed = performance.now() - started;
    const { body } = renderReport(report, parsed.format);
    if (parsed.out === undefined) process.stdout.write(parsed.format === 'json' ? `${body}\n` : body);
    else writeFileSync(parsed.out, body);
    process.stderr.write(
      `annual report ${report.year} (${report.memberState ?? 'EU-wide'}${report.asOf ? `, as of ${report.asOf}` : ''}): ` +
        `${report.totals.applications} applications received; read models at position ${position}, ` +
        `computed in ${elapsed.toFixed(0)} ms${parsed.out === undefined ? '' : `; written to ${parsed.out}`}\n`,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
  } finally {
    await app.close();
  }
}

/**
 * Until the reporting read model has applied every event stored when the command started (a service
 * writing meanwhile does not keep the report waiting). Shows the remaining lag while it builds.
 */
async function caughtUp(events: EventStore, readModels: ProjectionStore): Promise<void> {
  const head = await events.headPosition();
  let shown = false;
  for (;;) {
    const checkpoint = await readModels.checkpoint(REPORT_FACTS_PROJECTION);
    if (checkpoint >= head) break;
    if (process.stderr.isTTY)
      process.stderr.write(`\rbuilding the reporting read model: ${head - checkpoint} events to go   `);
    shown = true;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  if (shown && process.stderr.isTTY) process.stderr.write('\n');
}

void main();
