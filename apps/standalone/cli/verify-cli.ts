import { parseArgs } from 'node:util';
import { verifyEventStore } from '@dul/event-store';
import { cliPersistence } from './cli-persistence';

const USAGE = `npm run verify -- [--roots 30] [--json]
Recomputes every event's hash and every stream's chain in the configured store, re-derives the newest
daily roots, and names each altered, removed, inserted or reordered event. Exit 0 when intact, 1 when not.`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { roots: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean' } },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const roots = values.roots === undefined ? 30 : Number(values.roots);
  if (!Number.isInteger(roots) || roots < 0) {
    process.stderr.write(`--roots must be a non-negative whole number\n\n${USAGE}\n`);
    process.exit(2);
  }
  const persistence = await cliPersistence();
  try {
    const started = performance.now();
    const report = await verifyEventStore(persistence.rawEvents, { roots });
    const elapsed = performance.now() - started;
    if (values.json) process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
    else {
      for (const problem of report.problems) {
        process.stdout.write(
          `${problem.kind.padEnd(9)} ${problem.streamId} version ${problem.streamVersion}: ${problem.detail}\n`,
        );
      }
    }
    process.stderr.write(
      `${report.ok ? 'intact' : `DAMAGED (${report.problems.length} problems)`}: ${report.eventsChecked} events in ` +
        `${report.streams} streams checked (${report.legacyEvents} legacy rows without hash), ` +
        `${report.rootsChecked} daily roots re-derived, in ${elapsed.toFixed(0)} ms (${persistence.describe})\n`,
    );
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await persistence.close();
  }
}

void main();
