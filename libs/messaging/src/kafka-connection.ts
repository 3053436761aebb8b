import type { SASLOptions } from 'kafkajs';
import { Kafka, logLevel } from 'kafkajs';

export const KAFKA_SASL_MECHANISMS = ['scram-sha-512', 'scram-sha-256'] as const;
export type KafkaSaslMechanism = (typeof KAFKA_SASL_MECHANISMS)[number];

/** How a service reaches the cluster: brokers, and the principal it authenticates as (SASL/SCRAM). */
export interface KafkaConnection {
  readonly brokers: readonly string[];
  readonly sasl?: {
    readonly mechanism: KafkaSaslMechanism;
    readonly username: string;
    readonly password: string;
  };
  /** TLS to the brokers (SASL_SSL); off for SASL_PLAINTEXT on a private network or the test broker. */
  readonly ssl?: boolean;
}

/** A kafkajs client for one connection; the password goes to kafkajs only, never to a log line. */
export function kafkaClient(connection: KafkaConnection, clientId: string, level = logLevel.WARN): Kafka {
  const sasl: SASLOptions | undefined = connection.sasl && {
    mechanism: connection.sasl.mechanism,
    username: connection.sasl.username,
    password: connection.sasl.password,
  };
  return new Kafka({
    clientId,
    brokers: [...connection.brokers],
    logLevel: level,
    ...(sasl && { sasl }),
    ...(connection.ssl && { ssl: true }),
  });
}
