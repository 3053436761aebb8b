import 'reflect-metadata';
import { randomUUID } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { validateEnvironment } from '@dul/config';
import type { EventStore } from '@dul/event-store';
import { EVENT_STORE } from '@dul/event-store';
import { StandaloneEnvironment } from '../../apps/standalone/standalone.environment';
import { StandaloneModule } from '../../apps/standalone/standalone.module';

/**
 * Boots the standalone module (same persistence wiring as `npm start`) and appends batches of three
 * events forever, printing `ACK <stream> <eventId,eventId,eventId>` after each acknowledged append.
 * The crash test kills it with SIGKILL mid-stream and checks the store afterwards.
 */
async function main(): Promise<void> {
  const env = validateEnvironment(StandaloneEnvironment, { ...process.env, LOG_LEVEL: 'silent' });
  const app = await NestFactory.createApplicationContext(StandaloneModule.forRoot(env), { logger: false });
  const store = app.get<EventStore>(EVENT_STORE);
  const streams = Array.from({ length: 5 }, () => `crash-${randomUUID()}`);
  const versions = new Map<string, number>();
  process.stdout.write('READY\n');
  for (let n = 0; ; n++) {
    const stream = streams[n % streams.length] as string;
    const ids = [randomUUID(), randomUUID(), randomUUID()];
    const version = versions.get(stream);
    const result = await store.append(
      stream,
      ids.map((eventId, i) => ({
        eventId,
        type: 'CrashTestAppended',
        data: { n, i, padding: 'x'.repeat(200) },
        metadata: { actor: 'crash-test', correlationId: ids[0] as string },
      })),
      version === undefined ? 'no-stream' : version,
    );
    versions.set(stream, result.nextExpectedVersion);
    process.stdout.write(`ACK ${stream} ${ids.join(',')}\n`);
  }
}

void main();
