import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { PublishedRoot } from '@dul/event-store';
import { verifyEventStore } from '@dul/event-store';
import { cliPersistence } from './cli-persistence';

const USAGE = `npm run verify -- [--roots 30] [--published-root <json>|@<file>]... [--json]
Recomputes every event's hash and every stream's chain in the configured store, re-derives the newest
daily roots, and names each altered, removed, inserted or reordered event. Exit 0 when intact, 1 when not.
--published-root: a daily root as another authority received it (the data of an
eu.dual-use.audit.daily-root-sealed.v1 message, or the whole CloudEvent; @file reads a file holding one
or an array): re-derived from the stream heads as of its coveredUpTo and compared with the stored root.`;

/** The roots given on the command line: the message data, or CloudEvents carrying it. */
function parsePublishedRoots(values: readonly string[]): PublishedRoot[] {
  return values.flatMap((value) => {
    const text = value.startsWith('@') ? readFileSync(value.slice(1), 'utf8') : value;
    const parsed: unknown = JSON.parse(text);
    return (Array.isArray(parsed) ? parsed : [parsed]).map((entry: unknown) => {
      const record = (entry as { data?: unknown })?.data ?? entry;
      const { day, root, coveredUpTo } = (record ?? {}) as Record<string, unknown>;
      if (
        typeof day !== 'string' ||
        !/^\d{4}-\d{2}-\d{2}$/.test(day) ||
        typeof root !== 'string' ||
        !/^[0-9a-f]{64}$/.test(root) ||
        typeof coveredUpTo !== 'number' ||
        !Number.isSafeInteger(coveredUpTo) ||
        coveredUpTo < 0
      ) {
        throw new Error('a published root needs day (YYYY-MM-DD), root (64 hex digits) and coveredUpTo (a position)');
      }
      return { day, root, coveredUpTo };
    });
  });
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      roots: { type: 'string' },
      'published-root': { type: 'string', multiple: true },
      json: { type: 'boolean' },
      help: { type: 'boolean' },
    },
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
  let publishedRoots: PublishedRoot[];
  try {
    publishedRoots = parsePublishedRoots(values['published-root'] ?? []);
  } catch (error) {
    process.stderr.write(`--published-root: ${(error as Error).message}\n\n${USAGE}\n`);
    process.exit(2);
  }
  const persistence = await cliPersistence();
  try {
    const started = performance.now();
    const report = await verifyEventStore(persistence.rawEvents, { roots, publishedRoots });
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
        `${report.rootsChecked} daily roots re-derived (${report.publishedRootsChecked} published ones), in ${elapsed.toFixed(0)} ms (${persistence.describe})\n`,
    );
    process.exitCode = report.ok ? 0 : 1;
  } finally {
    await persistence.close();
  }
}

void main();
