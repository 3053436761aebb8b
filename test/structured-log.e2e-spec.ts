import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateDevKey, mintDevToken } from '@dul/auth';
import { startTsProcess, waitForOutput } from './support/standalone-process';

// Issue 13 item 6: one structured log, Nest's own lines included, request and correlation ids on the request's lines.
describe('the structured log of a running service', () => {
  it('writes every stdout line as JSON, with the request and correlation ids on the request lines and no credentials', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dul-log-'));
    const keyPath = join(dir, 'dev-key.json');
    const token = await mintDevToken(await loadOrCreateDevKey(keyPath), {
      sub: 'commission-analyst',
      ms: null,
      roles: ['commission'],
    });
    const port = String(30_000 + Math.floor(Math.random() * 20_000));
    const run = startTsProcess('apps/standalone/main.ts', {
      SQLITE_PATH: join(dir, 'ledger.db'),
      AUTH_DEV_KEY_PATH: keyPath,
      PORT: port,
      LOG_LEVEL: 'info',
    });
    let stdout = '';
    run.child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    try {
      await waitForOutput(run, 'listening on');
      const response = await fetch(`http://127.0.0.1:${port}/health`, {
        headers: {
          authorization: `Bearer ${token}`,
          cookie: 'session=cookie-secret',
          'x-request-id': 'req-log-test-1',
          'x-correlation-id': 'corr-log-test-1',
        },
      });
      expect(response.status).toBe(200);
      await waitForOutput(run, 'request completed');
    } finally {
      run.child.kill('SIGTERM');
      await run.exited;
      rmSync(dir, { recursive: true, force: true });
    }

    const lines = stdout.split('\n').filter((line) => line.trim() !== '');
    const entries = lines.map((line) => {
      try {
        return JSON.parse(line) as Record<string, unknown>;
      } catch {
        throw new Error(`not a JSON log line: ${line}`);
      }
    });
    expect(entries.length).toBeGreaterThan(0);
    // Nest's own startup lines, once coloured console text, are in the same JSON stream.
    expect(entries).toContainEqual(
      expect.objectContaining({ context: 'NestApplication', msg: 'Nest application successfully started' }),
    );
    expect(entries).toContainEqual(expect.objectContaining({ msg: expect.stringContaining('listening on') }));
    const requestLines = entries.filter((entry) => entry.requestId === 'req-log-test-1');
    expect(requestLines).toContainEqual(
      expect.objectContaining({
        msg: 'request completed',
        correlationId: 'corr-log-test-1',
        req: { method: 'GET', url: '/health' },
      }),
    );
    for (const line of requestLines) expect(line.correlationId).toBe('corr-log-test-1');
    expect(run.output()).not.toContain(token);
    expect(run.output()).not.toContain('cookie-secret');
  }, 90_000);
});
