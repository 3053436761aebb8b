import { Agent, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { QueryBus } from '@nestjs/cqrs';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { Test } from '@nestjs/testing';
import type { Principal } from '@dul/auth';
import { StreamSlots } from '@dul/platform';
import { StoreAppends } from './stream-page.query';
import { StreamsController } from './streams.controller';

const COMMISSION: Principal = { sub: 'commission-analyst', ms: null, roles: ['commission'] };

/**
 * The race behind a rare CI failure of test/sse-shutdown.e2e-spec.ts: a stream whose loop is still
 * reading a page when shutdown begins ends after the HTTP server began to close; its keep-alive socket
 * then goes idle too late for server.close() to close it, and the process waits for the keep-alive
 * timeout. Here the page read is held open on purpose until shutdown has begun.
 */
describe('StreamsController at shutdown', () => {
  it('closes a stream that is mid-read when shutdown begins, and the app closes at once', async () => {
    let release: (() => void) | undefined;
    let reads = 0;
    const queryBus = {
      execute: () => {
        reads += 1;
        // The first page answers at once and says more may follow, so the loop reads again at once;
        // that second read is held until the test lets it go, after shutdown has begun.
        if (reads === 1) return Promise.resolve({ messages: [], resume: { position: 0, index: -1 }, caughtUp: false });
        return new Promise((resolve) => {
          release = () => resolve({ messages: [], resume: { position: 0, index: -1 }, caughtUp: true });
        });
      },
    };
    const moduleRef = await Test.createTestingModule({
      controllers: [StreamsController],
      providers: [
        { provide: QueryBus, useValue: queryBus },
        { provide: StoreAppends, useValue: { subscribe: () => () => undefined } },
        { provide: StreamSlots, useValue: { acquire: () => () => undefined } },
      ],
    }).compile();
    const app = moduleRef.createNestApplication<NestFastifyApplication>(new FastifyAdapter());
    app
      .getHttpAdapter()
      .getInstance()
      .addHook('onRequest', (req, _reply, done) => {
        (req as unknown as { principal: Principal }).principal = COMMISSION;
        done();
      });
    await app.init();
    await app.listen(0, '127.0.0.1');
    const port = (app.getHttpServer().address() as AddressInfo).port;
    // A keep-alive client, as Node's global agent is from Node 19 on: it keeps the socket after the stream ends.
    const agent = new Agent({ keepAlive: true });
    try {
      const { ended } = await new Promise<{ ended: Promise<void> }>((resolve, reject) => {
        const req = request(
          { host: '127.0.0.1', port, path: '/v1/streams/commission', agent, headers: { accept: 'text/event-stream' } },
          (res) => {
            if (res.statusCode !== 200) return reject(new Error(`SSE answered ${res.statusCode}`));
            const done = new Promise<void>((settle) => res.on('end', settle).on('close', settle));
            res.once('data', () => resolve({ ended: done }));
            res.resume();
          },
        );
        req.on('error', reject);
        req.end();
      });
      while (release === undefined) await new Promise((resolve) => setTimeout(resolve, 10));
      const closing = app.close();
      // The read in flight finishes only after shutdown has begun (and after the server would have closed).
      setTimeout(() => release?.(), 200);
      const outcome = await Promise.race([
        closing.then(() => 'closed' as const),
        new Promise<'still open'>((resolve) => setTimeout(() => resolve('still open'), 3_000)),
      ]);
      expect(outcome).toBe('closed');
      await ended;
    } finally {
      agent.destroy();
      await app.close().catch(() => undefined);
    }
  });
});
