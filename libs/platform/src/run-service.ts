import type { DynamicModule } from '@nestjs/common';
import type { BaseEnvironment } from '@dul/config';
import { ConfigurationError, validateEnvironment } from '@dul/config';
import type { ServiceDescription } from './bootstrap';
import { createApp } from './bootstrap';
import { processLogger } from './logging';

/**
 * A service's main(): validate the environment once, boot, listen. Bad configuration stops the boot
 * with the list of problems and exit code 78 (EX_CONFIG), before anything is opened.
 */
export async function runService<TEnv extends BaseEnvironment>(
  schema: new () => TEnv,
  rawEnvironment: Readonly<Record<string, string | undefined>>,
  module: (env: TEnv) => DynamicModule,
  service: ServiceDescription,
): Promise<void> {
  let env: TEnv;
  try {
    env = validateEnvironment(schema, rawEnvironment);
  } catch (error) {
    if (!(error instanceof ConfigurationError)) throw error;
    process.stderr.write(`${service.title}: ${error.message}\n`);
    process.exit(78);
  }
  const app = await createApp(module(env), env, service);
  await app.listen(env.PORT, env.HOST);
  // The readiness line is written at every LOG_LEVEL, as before: supervisors and tests wait for it.
  processLogger(env.LOG_LEVEL)
    .child({ context: 'Bootstrap' }, { level: 'info' })
    .info(`${service.title} listening on http://${env.HOST}:${env.PORT} (docs at /docs)`);
}
