#!/usr/bin/env node
// Polls a Kafka broker until it really serves metadata (TCP connect, then kafkajs admin
// describeCluster + listTopics). Used by infra/kafka/start.sh; plain Node, no TypeScript.
//
//   node infra/kafka/wait-ready.js [--brokers 127.0.0.1:9092] [--timeout 90] [--pid 1234] [--quiet]
//                                  [--credentials $DUL_KAFKA_RUN/credentials.json]
// --credentials: the SASL broker's generated credentials (start.sh with KAFKA_SASL=true); the probe
// then authenticates as the super user `admin` with SCRAM-SHA-512.
//
// Exit codes: 0 ready, 1 timed out, 2 the process given by --pid died while waiting.
'use strict';

const net = require('node:net');
const { Kafka, logLevel } = require('kafkajs');

function parseArgs(argv) {
  const args = { brokers: process.env.KAFKA_BROKERS || '127.0.0.1:9092', timeout: 90, pid: undefined, quiet: false, credentials: undefined };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    if (flag === '--brokers') args.brokers = argv[++i];
    else if (flag === '--timeout') args.timeout = Number(argv[++i]);
    else if (flag === '--pid') args.pid = Number(argv[++i]);
    else if (flag === '--quiet') args.quiet = true;
    else if (flag === '--credentials') args.credentials = argv[++i];
    else throw new Error(`unknown argument ${flag}`);
  }
  return args;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function tcpOpen(host, port, timeoutMs) {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function alive(pid) {
  if (!pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

function saslOf(credentialsFile) {
  if (!credentialsFile) return undefined;
  const credentials = JSON.parse(require('node:fs').readFileSync(credentialsFile, 'utf8'));
  return { mechanism: credentials.mechanism, username: 'admin', password: credentials.users.admin };
}

async function probeMetadata(brokers, sasl) {
  const kafka = new Kafka({
    ...(sasl && { sasl }),
    clientId: 'dul-kafka-wait-ready',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 5000,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    const topics = await admin.listTopics();
    if (cluster.brokers.length === 0) throw new Error('no brokers in metadata yet');
    return { cluster, topics };
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const brokers = args.brokers
    .split(',')
    .map((b) => b.trim())
    .filter(Boolean);
  const [host, portText] = brokers[0].split(':');
  const port = Number(portText);
  const deadline = Date.now() + args.timeout * 1000;
  let lastError = 'not attempted';

  while (Date.now() < deadline) {
    if (!alive(args.pid)) {
      console.error(`[kafka-wait] process ${args.pid} exited before the broker became ready`);
      process.exit(2);
    }
    if (await tcpOpen(host, port, 1000)) {
      try {
        const { cluster, topics } = await probeMetadata(brokers, saslOf(args.credentials));
        if (!args.quiet) {
          const ids = cluster.brokers.map((b) => `${b.nodeId}@${b.host}:${b.port}`).join(', ');
          console.log(`[kafka-wait] ready: cluster ${cluster.clusterId}, brokers [${ids}], ${topics.length} topic(s)`);
        }
        process.exit(0);
      } catch (err) {
        lastError = err && err.message ? err.message : String(err);
      }
    } else {
      lastError = `nothing listening on ${host}:${port}`;
    }
    await sleep(500);
  }
  console.error(`[kafka-wait] broker ${brokers.join(',')} not ready after ${args.timeout}s: ${lastError}`);
  process.exit(1);
}

main().catch((err) => {
  console.error(`[kafka-wait] ${err && err.stack ? err.stack : err}`);
  process.exit(1);
});
