import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { RecordReferenceRates, ReferenceRate } from '@dul/domain';
import { DomainError, REFERENCE_RATES_CATEGORY, referenceRatesDecider } from '@dul/domain';
import { handleCommand, StreamCategory } from '@dul/event-store';
import { cliPersistence } from './cli-persistence';

const USAGE = `npm run rates -- --file rates.json [--by operator-name]
Records reference exchange rates (units of a currency for one euro, as the ECB quotes them) as an event
of the store the environment configures, for the Art 26 report: a value in another currency is
converted at the rate in force on the decision date (the latest recorded date on or before it), and
reported apart where there is none. The file: {"source":"ECB","rates":[{"currency":"USD","date":"2025-07-01","unitsPerEur":1.1788}]}
(docs/examples/reference-rates.json). Loading a file again records only what is new or changed.`;

interface RatesFile {
  readonly source?: unknown;
  readonly rates?: unknown;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { file: { type: 'string' }, by: { type: 'string' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (values.file === undefined) return fail('--file is required');
  let parsed: RatesFile;
  try {
    parsed = JSON.parse(readFileSync(values.file, 'utf8')) as RatesFile;
  } catch (error) {
    return fail(`cannot read ${values.file} as JSON: ${(error as Error).message}`);
  }
  if (typeof parsed !== 'object' || parsed === null || !Array.isArray(parsed.rates)) {
    return fail(`${values.file}: expected {"source": "...", "rates": [...]}`);
  }
  const source = typeof parsed.source === 'string' ? parsed.source : 'ECB';
  const command: RecordReferenceRates = {
    type: 'RecordReferenceRates',
    data: { source, rates: parsed.rates as ReferenceRate[] },
    metadata: { actor: `operator:${values.by ?? 'rates-cli'}`, now: new Date(), correlationId: crypto.randomUUID() },
  };
  const persistence = await cliPersistence();
  try {
    const stream = new StreamCategory(REFERENCE_RATES_CATEGORY).streamOf(source.trim().toUpperCase());
    const outcome = await handleCommand(persistence.events, referenceRatesDecider, stream, command, { retries: 3 });
    const [event] = outcome.events;
    process.stdout.write(
      `${JSON.stringify({ stream, version: outcome.version, recorded: event?.data.rates.length ?? 0, corrected: event?.data.corrections.length ?? 0 })}\n`,
    );
    process.stderr.write(
      event === undefined
        ? `nothing new: every rate of ${values.file} is recorded already (${persistence.describe})\n`
        : `${event.data.rates.length} rate(s) recorded, ${event.data.corrections.length} corrected, on ${stream} (${persistence.describe})\n`,
    );
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    fail(error.message);
  } finally {
    await persistence.close();
  }
}

function fail(message: string): void {
  process.stderr.write(`${message}\n\n${USAGE}\n`);
  process.exitCode = 2;
}

void main();
