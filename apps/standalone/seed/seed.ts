import 'reflect-metadata';
import { parseArgs } from 'node:util';
import { NestFactory } from '@nestjs/core';
import { SingleBar, Presets } from 'cli-progress';
import { ConfigurationError, validateEnvironment } from '@dul/config';
import { ManualClock } from '@dul/platform';
import { StandaloneEnvironment } from '../standalone.environment';
import { StandaloneModule } from '../standalone.module';
import { seedActivity } from './seed-activity';

const USAGE = `npm run seed -- --applications 50000 --year 2025 [--seed 42]
Generates a year of licensing activity for all 27 member states through the real command path,
into the store the environment configures (STORE_KIND, SQLITE_PATH, DATABASE_URL).`;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      applications: { type: 'string', default: '1000' },
      year: { type: 'string', default: '2025' },
      seed: { type: 'string', default: '42' },
      help: { type: 'boolean' },
    },
  });
  const applications = Number(values.applications);
  const year = Number(values.year);
  const seed = Number(values.seed);
  if (
    values.help ||
    !Number.isInteger(applications) ||
    applications < 1 ||
    !Number.isInteger(year) ||
    year < 2021 ||
    year > 2100 ||
    !Number.isInteger(seed)
  ) {
    process.stderr.write(`${USAGE}\n`);
    process.exit(values.help ? 0 : 2);
  }
  let env: StandaloneEnvironment;
  try {
    env = validateEnvironment(StandaloneEnvironment, { ...process.env, LOG_LEVEL: 'silent' });
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(78);
  }
  const clock = new ManualClock(new Date(Date.UTC(year, 0, 1)));
  const app = await NestFactory.createApplicationContext(StandaloneModule.forRoot(env, { clock }), {
    logger: ['error'],
  });
  await app.init();
  const bar = new SingleBar(
    { format: 'seeding [{bar}] {value}/{total} applications | {eta_formatted} left' },
    Presets.shades_classic,
  );
  bar.start(applications, 0);
  const started = Date.now();
  const summary = await seedActivity(app, clock, { applications, year, seed, onProgress: (done) => bar.update(done) });
  bar.stop();
  process.stdout.write(`${JSON.stringify({ ...summary, seconds: Math.round((Date.now() - started) / 1000) })}\n`);
  await app.close();
}

void main();
