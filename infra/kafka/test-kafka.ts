import { existsSync, readFileSync } from 'node:fs';
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

/** A client of the SASL broker authenticated as `user`. */
export function saslTestKafka(clientId: string, user: string): Kafka {
  const broker = saslTestBroker();
  const password = broker.users[user];
  if (password === undefined) throw new Error(`the SASL test broker has no user ${user}`);
  return new Kafka({
    clientId,
    brokers: broker.brokers,
    logLevel: logLevel.NOTHING,
    sasl: { mechanism: broker.mechanism, username: user, password },
    retry: { retries: 2 },
  });
}
