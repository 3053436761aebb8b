import { execFileSync } from 'node:child_process';
import { createDatabase, dropDatabase } from '../../infra/postgres/postgres-admin';
import { runChaos } from './chaos-run';

/**
 * npm run chaos [-- --kills 20 --requests 5000 --minutes 10]: the long form of the chaos test, on a
 * database of its own (dropped afterwards) and the broker in KAFKA_BROKERS (default 127.0.0.1:9092).
 * Prints the figures docs/reliability.md records; exits 1 when any check fails.
 */
async function main(): Promise<void> {
  const arg = (name: string, fallback: number): number => {
    const index = process.argv.indexOf(`--${name}`);
    const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
    if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
    return value;
  };
  const compiled = !process.argv.includes('--ts-node');
  if (compiled) {
    console.log('[chaos] building (npm run build) so that restarts do not transpile');
    execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  }
  const name = `dul_chaos_${process.pid}_${Date.now()}`;
  const url = await createDatabase(name);
  try {
    const report = await runChaos({
      databaseUrl: url,
      kafkaBrokers: process.env.KAFKA_BROKERS ?? '127.0.0.1:9092',
      kills: arg('kills', 20),
      maxRequests: arg('requests', 20_000),
      maxDurationMs: arg('minutes', 15) * 60_000,
      apiPort: arg('api-port', 3151),
      relayPort: arg('relay-port', 3152),
      log: (line) => console.log(`[chaos] ${line}`),
      compiled,
    });
    console.log(
      JSON.stringify(
        report,
        (key, value: unknown) =>
          Array.isArray(value) && value.length > 20 ? [...value.slice(0, 20), `... ${value.length} in all`] : value,
        2,
      ),
    );
    const failed =
      report.missingAcknowledged.length +
      report.duplicated.length +
      report.streamHoles.length +
      report.projectionMismatches.length +
      report.undeliveredToKafka.length +
      report.chainProblems.length;
    console.log(failed === 0 ? '[chaos] every check passed' : `[chaos] FAILED: ${failed} problems`);
    process.exitCode = failed === 0 ? 0 : 1;
  } finally {
    await dropDatabase(name);
  }
}

void main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
