import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Kafka, logLevel } from 'kafkajs';

/** The broker the tests use: infra/test-all.sh starts one (infra/kafka) or KAFKA_BROKERS names it. */
export function testBrokers(): string[] {
  return (process.env.KAFKA_BROKERS ?? '127.0.0.1:9092')
    .split(',')
    .map((broker) => broker.trim())
    .filter(Boolean);
}

/** `describe` that runs only when a broker is there; otherwise a visible skip naming the reason. */
export function describeWithKafka(name: string, body: () => void): void {
  const reason = process.env.DUL_SKIP_KAFKA;
  if (reason) describe.skip(`${name} [SKIPPED: ${reason}]`, body);
  else describe(name, body);
}

export function testKafka(clientId: string): Kafka {
  return new Kafka({ clientId, brokers: testBrokers(), logLevel: logLevel.NOTHING });
}

export interface SaslTestBroker {
  readonly brokers: string[];
  readonly mechanism: 'scram-sha-512';
  /** Generated per broker start (infra/kafka/start.sh with KAFKA_SASL=true): admin and authority-<MS>. */
  readonly users: Readonly<Record<string, string>>;
}

/**
 * The SASL/SCRAM broker with ACLs (a second instance, 127.0.0.1:19092, started by infra/test-all.sh):
 * KAFKA_SASL_BROKERS and KAFKA_SASL_CREDENTIALS (the credentials.json start.sh wrote) name it.
 */
export function saslTestBroker(): SaslTestBroker {
  const file = process.env.KAFKA_SASL_CREDENTIALS ?? '/tmp/dul-kafka-sasl-run/credentials.json';
  const credentials = JSON.parse(readFileSync(file, 'utf8')) as {
    mechanism: 'scram-sha-512';
    users: Record<string, string>;
  };
  return {
    brokers: (process.env.KAFKA_SASL_BROKERS ?? '127.0.0.1:19092').split(','),
    mechanism: credentials.mechanism,
    users: credentials.users,
  };
}

/** `describe` that runs only when the SASL broker is there; otherwise a visible skip naming the reason. */
export function describeWithSaslKafka(name: string, body: () => void): void {
  const file = process.env.KAFKA_SASL_CREDENTIALS ?? '/tmp/dul-kafka-sasl-run/credentials.json';
  const reason =
    process.env.DUL_SKIP_KAFKA_SASL ?? (existsSync(file) ? undefined : `no SASL broker credentials at ${file}`);
  if (reason) describe.skip(`${name} [SKIPPED: ${reason}]`, body);
  else describe(name, body);
}

/** Users this process added to the running SASL broker (see ensureSaslUsers), with their passwords. */
const addedUsers: Record<string, string> = {};

/**
 * Makes sure the running SASL broker knows these SCRAM users. A broker started by infra/kafka/start.sh
 * since they joined its default list has them already (credentials.json); an older one gets them
 * added now through the Admin API as the super user (infra/kafka/AddScramUsers.java), with passwords
 * generated for this process and kept in memory only.
 */
export async function ensureSaslUsers(users: readonly string[]): Promise<void> {
  const broker = saslTestBroker();
  const missing = users.filter((user) => broker.users[user] === undefined && addedUsers[user] === undefined);
  if (missing.length === 0) return;
  const passwords = Object.fromEntries(missing.map((user) => [user, randomBytes(18).toString('base64url')]));
  const here = join(__dirname);
  const { stdout: libs } = await promisify(execFile)('bash', [join(here, 'fetch.sh')]);
  await promisify(execFile)(
    'java',
    [
      '-cp',
      `${libs.trim()}/*`,
      join(here, 'AddScramUsers.java'),
      broker.brokers[0] ?? '127.0.0.1:19092',
      broker.users['admin'] ?? '',
      ...missing.map((user) => `${user}=${passwords[user]}`),
    ],
    { timeout: 180_000 },
  );
  Object.assign(addedUsers, passwords);
}

/** A client of the SASL broker authenticated as `user`. */
export function saslTestKafka(clientId: string, user: string): Kafka {
  const broker = saslTestBroker();
  const password = broker.users[user] ?? addedUsers[user];
  if (password === undefined) throw new Error(`the SASL test broker has no user ${user}`);
  return new Kafka({
    clientId,
    brokers: broker.brokers,
    logLevel: logLevel.NOTHING,
    sasl: { mechanism: broker.mechanism, username: user, password },
    retry: { retries: 2 },
  });
}
