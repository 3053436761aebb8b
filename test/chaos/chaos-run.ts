import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import stringify from 'safe-stable-stringify';
import { loadOrCreateDevKey, mintDevToken } from '@dul/auth';
import type { EventStore, StoredEvent } from '@dul/event-store';
import { ChainVerifier } from '@dul/event-store';
import { createPersistence } from '@dul/platform';
import type { Projection } from '@dul/projections';
import { PostgresProjectionStore } from '@dul/projections';
import { Kafka, logLevel } from 'kafkajs';
import { CONSULTATION_PROJECTIONS } from '../../apps/consultation/consultation.projections';
import { CLOUD_EVENT_SOURCE, IntegrationEvents } from '../../apps/gateway/integration-events';
import { gatewayTopics, outboundMessages } from '../../apps/gateway/relay/relay.service';
import { LICENSING_PROJECTIONS } from '../../apps/licensing/licensing.projections';
import { REPORTING_PROJECTIONS } from '../../apps/reporting/reporting.projections';
import { senderOfInboundTopic, DEAD_LETTER_TOPIC } from '@dul/contracts';
import { startTsProcess, type RunningProcess } from '../support/standalone-process';

export interface ChaosOptions {
  /** PostgreSQL database of its own (created by the caller, empty). */
  readonly databaseUrl: string;
  readonly kafkaBrokers: string;
  /** SIGKILLs in all, alternating the API service and the relay. */
  readonly kills: number;
  /** Upper bounds on the load, whatever happens first. */
  readonly maxRequests: number;
  readonly maxDurationMs: number;
  /** Concurrent load workers. */
  readonly concurrency?: number;
  /** Ports of the API service and the relay (gateway) process. */
  readonly apiPort: number;
  readonly relayPort: number;
  readonly log?: (line: string) => void;
  /**
   * Run the services from the compiled build (dist/, `npm run build`) instead of ts-node: a restart
   * then costs the boot, not a transpile of the whole product (npm run chaos builds first).
   */
  readonly compiled?: boolean;
}

export interface ChaosReport {
  readonly kills: { readonly api: number; readonly relay: number };
  readonly requests: number;
  readonly acknowledged: number;
  readonly unacknowledged: number;
  readonly retries: number;
  readonly events: number;
  readonly streams: number;
  readonly loadSeconds: number;
  readonly totalSeconds: number;
  readonly meanRestartSeconds: number;
  /** The checks: each list must be empty. */
  readonly missingAcknowledged: string[];
  readonly duplicated: string[];
  readonly streamHoles: string[];
  readonly projectionMismatches: string[];
  readonly undeliveredToKafka: string[];
  /** Hash-chain findings (altered, removed, inserted, reordered events), from ChainVerifier. */
  readonly chainProblems: string[];
  /** Kafka messages received more than once (at-least-once delivery; consumers drop them by id). */
  readonly kafkaDuplicates: number;
  readonly kafkaExpected: number;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const EXAMPLE = JSON.parse(readFileSync(join(__dirname, '../../docs/examples/submit-application.json'), 'utf8')) as {
  content: Record<string, unknown>;
};

/** Answers HTTP (any status below 500) on 127.0.0.1:port. */
async function answers(port: number): Promise<boolean> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) });
    return response.status < 500;
  } catch {
    return false;
  }
}

class Service {
  private process: RunningProcess | undefined;
  restarts: number[] = [];

  constructor(
    private readonly entry: string,
    private readonly env: Record<string, string>,
    readonly port: number,
    private readonly compiled = false,
  ) {}

  async start(): Promise<void> {
    const t0 = Date.now();
    const env = { ...this.env, PORT: String(this.port) };
    this.process = this.compiled ? startCompiled(this.entry, env) : startTsProcess(this.entry, env);
    let exited = false;
    void this.process.exited.then(() => (exited = true));
    const deadline = Date.now() + 120_000;
    while (!(await answers(this.port))) {
      if (exited) throw new Error(`${this.entry} exited while starting:\n${this.process.output().slice(-3000)}`);
      if (Date.now() > deadline) throw new Error(`${this.entry} did not answer within 120 s`);
      await sleep(200);
    }
    this.restarts.push((Date.now() - t0) / 1000);
  }

  async kill(): Promise<void> {
    const running = this.process;
    if (!running) return;
    running.child.kill('SIGKILL');
    await running.exited;
    this.process = undefined;
  }

  /** SIGTERM, for the end of the run: the service drains and closes its store. */
  async stop(): Promise<void> {
    const running = this.process;
    if (!running) return;
    running.child.kill('SIGTERM');
    await Promise.race([running.exited, sleep(20_000)]);
    if (running.child.exitCode === null) running.child.kill('SIGKILL');
    this.process = undefined;
  }
}

const ROOT = join(__dirname, '..', '..');

/** The compiled entry point, started as `npm start` does (tsconfig paths resolved against dist/). */
function startCompiled(entry: string, env: Record<string, string>): RunningProcess {
  const child = spawn(
    process.execPath,
    ['-r', 'tsconfig-paths/register', join(ROOT, 'dist', entry.replace(/\.ts$/, '.js'))],
    {
      cwd: ROOT,
      env: { ...process.env, TS_NODE_BASEURL: join(ROOT, 'dist'), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function readEverything(store: EventStore): Promise<StoredEvent[]> {
  const all: StoredEvent[] = [];
  for (let batch = await store.readAll({ maxCount: 1000 }); batch.length > 0;) {
    all.push(...batch);
    batch = await store.readAll({ after: batch.at(-1)?.globalPosition, maxCount: 1000 });
  }
  return all;
}

/** A projection rebuilt from zero, in memory, exactly as the runner applies events. */
function rebuild(projection: Projection, events: readonly StoredEvent[]): Map<string, unknown> {
  const documents = new Map<string, unknown>();
  for (const event of events) {
    if (!projection.handles.includes(event.type)) continue;
    const id = projection.documentId(event);
    if (id === null) continue;
    const next = projection.evolve(documents.get(id) ?? null, event);
    if (next === null) documents.set(id, null);
    else documents.set(id, JSON.parse(JSON.stringify(next)) as unknown);
  }
  return documents;
}

/**
 * The chaos run: the API service (standalone app, without Kafka) and the relay (gateway app) on one
 * PostgreSQL database, under a steady load of application submissions with idempotency keys, are
 * SIGKILLed in turn at random moments and restarted. Then every check is made against the store,
 * the read models and the Kafka topics.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const dir = mkdtempSync(join(tmpdir(), 'dul-chaos-'));
  const keyPath = join(dir, 'dev-key.json');
  const key = await loadOrCreateDevKey(keyPath);
  const token = await mintDevToken(key, { sub: 'chaos-caseworker', ms: 'DE', roles: ['caseworker'] });
  const common = {
    STORE_KIND: 'postgres',
    DATABASE_URL: options.databaseUrl,
    AUTH_MODE: 'dev',
    AUTH_DEV_KEY_PATH: keyPath,
    LOG_LEVEL: 'warn',
  };
  const api = new Service(
    'apps/standalone/main.ts',
    { ...common, LICENCE_EXPIRY_POLL_MS: '3600000' },
    options.apiPort,
    options.compiled,
  );
  const relay = new Service(
    'apps/gateway/main.ts',
    // One inbound group per run (kept across the relay's restarts), so runs never share a broker's group.
    {
      ...common,
      KAFKA_BROKERS: options.kafkaBrokers,
      KAFKA_TOPIC_REPLICATION: '1',
      KAFKA_INBOUND_GROUP: `dul-inbound-chaos-${randomUUID()}`,
    },
    options.relayPort,
    options.compiled,
  );
  const acks = new Map<string, { id: string; position: number }>();
  let requests = 0;
  let retries = 0;
  let unacknowledged = 0;
  let stopLoad = false;
  const kills = { api: 0, relay: 0 };
  try {
    await api.start();
    await relay.start();
    log(`services up (api ${api.restarts[0]} s, relay ${relay.restarts[0]} s); load and kills begin`);

    const loadStarted = Date.now();
    const worker = async (): Promise<void> => {
      while (!stopLoad && requests < options.maxRequests && Date.now() - loadStarted < options.maxDurationMs) {
        const idempotencyKey = `chaos-${randomUUID()}`;
        requests++;
        const giveUpAt = Date.now() + 60_000;
        // Retried with the same key until acknowledged: the retry of a write whose answer was lost to a kill.
        for (let attempt = 0; Date.now() < giveUpAt; attempt++) {
          if (attempt > 0) {
            retries++;
            await sleep(200);
          }
          try {
            const response = await fetch(`http://127.0.0.1:${options.apiPort}/v1/applications`, {
              method: 'POST',
              headers: {
                authorization: `Bearer ${token}`,
                'content-type': 'application/json',
                'idempotency-key': idempotencyKey,
              },
              body: JSON.stringify({ kind: 'INDIVIDUAL', content: EXAMPLE.content }),
              signal: AbortSignal.timeout(10_000),
            });
            const body = (await response.json()) as { id?: string; position?: number };
            if (response.status >= 200 && response.status < 300 && body.id !== undefined) {
              acks.set(idempotencyKey, { id: body.id, position: body.position ?? 0 });
              break;
            }
            if (response.status < 500 && response.status !== 429)
              throw new Error(`load request refused with ${response.status}: ${JSON.stringify(body)}`);
          } catch (error) {
            if (error instanceof Error && error.message.startsWith('load request refused')) throw error;
            // Connection refused or reset while the service is down: retry.
          }
        }
        if (!acks.has(idempotencyKey)) unacknowledged++;
      }
    };
    const load = Promise.all(Array.from({ length: options.concurrency ?? 4 }, () => worker()));

    for (let i = 0; i < options.kills; i++) {
      const target = i % 2 === 0 ? api : relay;
      // A random moment under load: the relay is mid-batch most of the time, the API mid-request.
      await sleep(500 + Math.random() * 2500);
      await target.kill();
      if (target === api) kills.api++;
      else kills.relay++;
      await target.start();
      log(`kill ${i + 1}/${options.kills} (${target === api ? 'api' : 'relay'}), ${acks.size} writes acknowledged`);
    }
    stopLoad = true;
    await load;
    const loadSeconds = (Date.now() - loadStarted) / 1000;
    log(`load done: ${requests} requests, ${acks.size} acknowledged, ${retries} retries; checking`);

    // The service's own persistence: `rawEvents` is the stored log (personal data encrypted, what the
    // hash chain covers); `events` decrypts it, as the live projections and the relay read it.
    const persistence = await createPersistence({
      STORE_KIND: 'postgres',
      DATABASE_URL: options.databaseUrl,
      SQLITE_PATH: '',
      EVENTSTOREDB_URL: undefined,
    });
    const store = persistence.rawEvents;
    const projections = new PostgresProjectionStore(options.databaseUrl);
    try {
      // 1. Every acknowledged write exactly once; 2. no stream holes.
      const events = await readEverything(store);
      const readableEvents = await readEverything(persistence.events);
      const submitted = new Map<string, number>();
      for (const event of events)
        if (event.type === 'ApplicationSubmitted')
          submitted.set(event.streamId, (submitted.get(event.streamId) ?? 0) + 1);
      const missingAcknowledged = [...acks.values()]
        .filter((ack) => !submitted.has(`application-${ack.id}`))
        .map((ack) => ack.id);
      const duplicated = [...submitted].filter(([, count]) => count !== 1).map(([stream]) => stream);
      const streamHoles: string[] = [];
      const versions = new Map<string, number[]>();
      for (const event of events)
        versions.set(event.streamId, [...(versions.get(event.streamId) ?? []), event.streamVersion]);
      for (const [stream, list] of versions)
        if (list.some((version, index) => version !== index)) streamHoles.push(`${stream}: ${list.join(',')}`);

      // 2b. The hash chains verify (a fresh database: no legacy rows before hashing began).
      const verifier = new ChainVerifier(0);
      for (const event of events) verifier.add(event);
      const chainProblems = verifier
        .findings()
        .map((problem) => `${problem.kind} ${problem.streamId}@${problem.streamVersion}: ${problem.detail}`);

      // 3. Read models equal a rebuild from zero (waiting for the live runners to catch up).
      const projectionMismatches: string[] = [];
      for (const projection of [...LICENSING_PROJECTIONS, ...CONSULTATION_PROJECTIONS, ...REPORTING_PROJECTIONS]) {
        const expected = rebuild(projection, readableEvents);
        const deadline = Date.now() + 60_000;
        let mismatches: string[] = [];
        do {
          mismatches = [];
          for (const [id, document] of expected) {
            const stored = await projections.getDocument(projection.name, id);
            if (stringify(stored) !== stringify(document)) mismatches.push(`${projection.name}/${id}`);
          }
          if (mismatches.length > 0) await sleep(500);
        } while (mismatches.length > 0 && Date.now() < deadline);
        projectionMismatches.push(...mismatches);
      }

      // 4. Every event delivered to Kafka, after dropping duplicates by CloudEvent id.
      const integrationEvents = new IntegrationEvents(persistence.events);
      const expectedMessages = new Set<string>();
      for (const event of events)
        for (const integrationEvent of await integrationEvents.of(event))
          for (const message of outboundMessages(integrationEvent, CLOUD_EVENT_SOURCE))
            expectedMessages.add(`${message.topic} ${integrationEvent.id}`);
      const topics = gatewayTopics(1)
        .map((spec) => spec.topic)
        .filter((topic) => topic !== DEAD_LETTER_TOPIC && senderOfInboundTopic(topic) === undefined);
      const seen = new Map<string, number>();
      const kafka = new Kafka({
        clientId: 'dul-chaos-check',
        brokers: options.kafkaBrokers.split(','),
        logLevel: logLevel.NOTHING,
      });
      const consumer = kafka.consumer({ groupId: `dul-chaos-check-${randomUUID()}` });
      await consumer.connect();
      await consumer.subscribe({ topics, fromBeginning: true });
      await consumer.run({
        eachMessage: async ({ topic, message }) => {
          const id = (JSON.parse(message.value?.toString() ?? '{}') as { id?: string }).id;
          const entry = `${topic} ${id}`;
          if (expectedMessages.has(entry)) seen.set(entry, (seen.get(entry) ?? 0) + 1);
        },
      });
      const kafkaDeadline = Date.now() + 120_000;
      while (seen.size < expectedMessages.size && Date.now() < kafkaDeadline) await sleep(500);
      await consumer.disconnect();
      const undeliveredToKafka = [...expectedMessages].filter((entry) => !seen.has(entry));
      const kafkaDuplicates = [...seen.values()].reduce((sum, count) => sum + count - 1, 0);

      const allRestarts = [...api.restarts.slice(1), ...relay.restarts.slice(1)];
      return {
        kills,
        requests,
        acknowledged: acks.size,
        unacknowledged,
        retries,
        events: events.length,
        streams: versions.size,
        loadSeconds,
        totalSeconds: (Date.now() - started) / 1000,
        meanRestartSeconds: allRestarts.reduce((sum, s) => sum + s, 0) / Math.max(1, allRestarts.length),
        missingAcknowledged,
        duplicated,
        streamHoles,
        projectionMismatches,
        undeliveredToKafka,
        chainProblems,
        kafkaDuplicates,
        kafkaExpected: expectedMessages.size,
      };
    } finally {
      await projections.close();
      await persistence.close();
    }
  } finally {
    stopLoad = true;
    await relay.stop();
    await api.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
