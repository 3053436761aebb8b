/*
 * npm run fuzz -- [--requests 10000] [--seed 42] [--concurrency 8] [--port 3141] [--no-docs]
 *
 * The long form of the fuzz suite: boots the standalone service as its own process (embedded
 * SQLite in a temporary directory, development tokens), reads its OpenAPI document, sends the
 * requests, samples the service's RSS, and checks after every thousand requests that it still
 * answers /health. Writes the figures into docs/reliability.md (between the fuzz markers) unless
 * --no-docs. Exits 1 on any 5xx, any transport error, or a dead process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import fc from 'fast-check';
import { loadOrCreateDevKey, mintDevToken, ROLES } from '@dul/auth';
import type { FuzzRequest, OpenApiDocument } from './openapi-fuzz';
import { describeOutcome, FuzzTally, fuzzRequests, operationsOf, oversizedBody, send } from './openapi-fuzz';

const ROOT = join(__dirname, '..', '..');
const DOCS = join(ROOT, 'docs', 'reliability.md');
const BEGIN = '<!-- fuzz:begin -->';
const END = '<!-- fuzz:end -->';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      requests: { type: 'string', default: '10000' },
      seed: { type: 'string', default: '42' },
      concurrency: { type: 'string', default: '8' },
      port: { type: 'string', default: '3141' },
      'no-docs': { type: 'boolean', default: false },
    },
  });
  const total = Number(values.requests);
  const seed = Number(values.seed);
  const concurrency = Number(values.concurrency);
  const port = Number(values.port);
  const dir = mkdtempSync(join(tmpdir(), 'dul-fuzz-'));
  const keyPath = join(dir, 'dev-key.json');
  const key = await loadOrCreateDevKey(keyPath);
  const service = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, 'apps/standalone/main.ts')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        SQLITE_PATH: join(dir, 'ledger.db'),
        AUTH_DEV_KEY_PATH: keyPath,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'error',
        // The fuzzer is one address and one principal: limits high, so requests reach validation.
        RATE_LIMIT_PER_ADDRESS: '10000000',
        RATE_LIMIT_PER_PRINCIPAL: '10000000',
        RATE_LIMIT_SCREENING_PER_PRINCIPAL: '10000000',
        SSE_MAX_STREAMS_PER_PRINCIPAL: '10000',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  service.stdout.on('data', (chunk: Buffer) => (log += chunk.toString()));
  service.stderr.on('data', (chunk: Buffer) => (log = (log + chunk.toString()).slice(-20_000)));
  let exited: number | null | undefined;
  service.on('exit', (code) => (exited = code));
  const base = `http://127.0.0.1:${port}`;
  try {
    await waitUntil(() => log.includes('listening on') || exited !== undefined, 120_000);
    if (exited !== undefined) throw new Error(`the service exited before listening:\n${log}`);
    const document = (await (await fetch(`${base}/docs/openapi.json`)).json()) as OpenApiDocument;
    const operations = operationsOf(document);
    const tokens = {
      all: await mintDevToken(key, { sub: 'fuzzer', ms: 'DE', roles: [...ROLES], audiences: ['customs'] }),
      other: await mintDevToken(key, { sub: 'other', ms: 'FR', roles: ['caseworker'] }),
    };
    const requests = fc.sample(fuzzRequests(operations, document, tokens), { seed, numRuns: total });
    const rss: number[] = [];
    const sampler = setInterval(() => {
      const kb = rssKb(service.pid);
      if (kb !== undefined) rss.push(kb);
    }, 250);
    const tally = new FuzzTally();
    const transportErrors: string[] = [];
    const started = Date.now();
    let next = 0;
    let healthChecks = 0;
    const worker = async () => {
      while (next < requests.length && exited === undefined) {
        const index = next++;
        // Every 500th request is a body just over the 1 MiB limit (413), so size is fuzzed too.
        const request: FuzzRequest =
          index % 500 === 499 && requests[index]!.method !== 'GET'
            ? { ...requests[index]!, ...withBody(requests[index]!, oversizedBody()) }
            : requests[index]!;
        const outcome = await send(base, request);
        tally.add(outcome);
        if (outcome.status === 'transport-error' && transportErrors.length < 20)
          transportErrors.push(describeOutcome(outcome));
        if (index % 1000 === 999) {
          const health = await fetch(`${base}/health`).catch(() => undefined);
          if (health?.status !== 200)
            throw new Error(`/health answered ${health?.status ?? 'nothing'} after ${index + 1} requests`);
          healthChecks++;
        }
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
    clearInterval(sampler);
    const seconds = (Date.now() - started) / 1000;
    const alive = exited === undefined && (await fetch(`${base}/health`).catch(() => undefined))?.status === 200;
    const fifth = Math.max(1, Math.floor(rss.length / 5));
    const figures = {
      date: new Date().toISOString(),
      requests: tally.total,
      seed,
      concurrency,
      operations: operations.length,
      seconds: Math.round(seconds),
      requestsPerSecond: Math.round(tally.total / seconds),
      byStatus: Object.fromEntries([...tally.byStatus].sort()),
      fiveXx: tally.count5xx(),
      transportErrors: tally.byStatus.get('transport-error') ?? 0,
      minPerOperation: Math.min(...operations.map((operation) => tally.byOperation.get(operation.key) ?? 0)),
      healthChecks,
      processUp: alive,
      rssMb: {
        start: mb(rss[0]),
        peak: mb(Math.max(...rss)),
        end: mb(rss[rss.length - 1]),
        meanFirstFifth: mb(mean(rss.slice(0, fifth))),
        meanLastFifth: mb(mean(rss.slice(-fifth))),
      },
    };
    process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
    for (const failure of tally.serverErrors) process.stdout.write(`5xx: ${describeOutcome(failure)}\n`);
    for (const failure of transportErrors) process.stdout.write(`transport: ${failure}\n`);
    if (!values['no-docs']) writeFigures(figures);
    process.exitCode = figures.fiveXx === 0 && figures.transportErrors === 0 && alive ? 0 : 1;
  } finally {
    service.kill('SIGTERM');
    await waitUntil(() => exited !== undefined, 10_000).catch(() => service.kill('SIGKILL'));
    rmSync(dir, { recursive: true, force: true });
  }
}

function withBody(request: FuzzRequest, body: ReturnType<typeof oversizedBody>): Partial<FuzzRequest> {
  return {
    body: body.text,
    headers: { ...request.headers, 'content-type': body.contentType },
    shape: `${request.shape}+${body.shape}`,
  };
}

function rssKb(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

const mb = (kb: number | undefined) => (kb === undefined ? null : Math.round(kb / 1024));
const mean = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(1, values.length);

function writeFigures(figures: Record<string, unknown>): void {
  const text = readFileSync(DOCS, 'utf8');
  const start = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (start < 0 || end < start) throw new Error(`${DOCS} has no ${BEGIN} ... ${END} block`);
  const block = `${BEGIN}\n\`\`\`json\n${JSON.stringify(figures, null, 2)}\n\`\`\`\n${END}`;
  writeFileSync(DOCS, text.slice(0, start) + block + text.slice(end + END.length));
}

async function waitUntil(done: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`fuzz: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
