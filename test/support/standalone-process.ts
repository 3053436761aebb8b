import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..');

export interface RunningProcess {
  readonly child: ChildProcess;
  readonly output: () => string;
  readonly exited: Promise<number | null>;
}

/**
 * Starts a TypeScript entry point in its own Node process, the way `npm run start:dev` does but
 * without type-checking (the test run type-checks separately), so kills and restarts are real.
 */
export function startTsProcess(entry: string, env: Record<string, string>, args: string[] = []): RunningProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'ts-node/register/transpile-only', '-r', 'tsconfig-paths/register', join(ROOT, entry), ...args],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: join(ROOT, 'tsconfig.json'),
        // With KAFKA_BROKERS set (CI) each process joins an inbound consumer group of its own: a process
        // another test killed stays a member of a shared group until its session ends, and holds every
        // join (and so every shutdown) in it until then.
        KAFKA_INBOUND_GROUP: `dul-inbound-test-${randomUUID()}`,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Resolves once the process printed `marker`, rejects if it exits or times out first. */
export async function waitForOutput(
  process: RunningProcess,
  marker: string | RegExp,
  timeoutMs = 60_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let exited = false;
  void process.exited.then(() => (exited = true));
  while (!(typeof marker === 'string' ? process.output().includes(marker) : marker.test(process.output()))) {
    if (exited) throw new Error(`Process exited before printing ${String(marker)}:\n${process.output()}`);
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${String(marker)}:\n${process.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
