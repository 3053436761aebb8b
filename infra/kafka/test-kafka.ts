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
