#!/usr/bin/env bash
# The README's test command runs this (npm test). It starts what the tests need when it is not
# already running: PostgreSQL (the local cluster) and a real Kafka broker (infra/kafka). With CI=true
# anything that cannot be had fails the run; elsewhere the suites that need it are skipped with a
# SKIPPED line saying what and why.
set -uo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."

ci="${CI:-false}"
pg_url="${DUL_PG_ADMIN_URL:-postgresql://postgres@127.0.0.1:5432/postgres}"
kafka_brokers="${KAFKA_BROKERS:-127.0.0.1:9092}"
started_kafka=false

say() { echo "[test-all] $*"; }
fail_or_skip() { # $1 = env var to set, $2 = what and why
  if [[ "$ci" == "true" ]]; then say "FAILED: $2 (CI=true requires it)"; exit 1; fi
  export "$1=$2"
  say "SKIPPED: $2"
}

# 0. System packages the suites need, installed the way CI used to do it (Debian's apt-get; root
# on our machines, sudo elsewhere when it works without a password): Java and Maven fetch and run the
# real Kafka broker (infra/kafka), Debian's Chromium renders the Art 26 report in the browser test (no
# browser download from npm). When they cannot be installed the suites that need them are skipped
# (or, with CI=true, the run fails) below.
apt_install() { # $@ = Debian packages
  local sudo=""
  if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null && sudo -n true 2>/dev/null; then sudo="sudo -n"; else return 1; fi
  fi
  command -v apt-get >/dev/null || return 1
  say "installing $* (apt-get)"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$@"
}
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  apt_install openjdk-17-jre-headless maven || say "could not install Java and Maven"
fi
if ! command -v chromium >/dev/null; then
  apt_install chromium || say "could not install chromium"
fi

pg_up() { node -e "
  const { Client } = require('pg');
  const c = new Client({ connectionString: process.argv[1], connectionTimeoutMillis: 3000 });
  c.connect().then(() => c.query('SELECT 1')).then(() => process.exit(0), () => process.exit(1));
" "$pg_url"; }

# 1. PostgreSQL
if ! pg_up; then
  if command -v pg_ctlcluster >/dev/null && [[ -d /etc/postgresql ]]; then
    say "PostgreSQL not answering at $pg_url; starting the local cluster"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql | head -n 1)" main start || true
    for _ in $(seq 1 30); do pg_up && break; sleep 1; done
  fi
fi
if pg_up; then say "PostgreSQL reachable at $pg_url"; else fail_or_skip DUL_SKIP_POSTGRES "PostgreSQL integration suites: no server at $pg_url"; fi

# 2. Kafka: a real broker from Maven Central's jars, started in KRaft mode by infra/kafka.
kafka_up() { node infra/kafka/wait-ready.js --brokers "$kafka_brokers" --timeout 5 --quiet >/dev/null 2>&1; }
if kafka_up; then
  say "Kafka broker already answering at $kafka_brokers"
elif [[ "$kafka_brokers" == "127.0.0.1:9092" ]] && command -v java >/dev/null && command -v mvn >/dev/null; then
  if bash infra/kafka/start.sh; then started_kafka=true; fi
fi
if [[ "$started_kafka" == "true" ]] || kafka_up; then
  export KAFKA_BROKERS="$kafka_brokers"
else
  fail_or_skip DUL_SKIP_KAFKA "Kafka suites: no broker at $kafka_brokers and none could be started (needs java and mvn)"
fi
# 2b. A second broker with SASL/SCRAM-SHA-512 and ACLs (StandardAuthorizer) for the confidentiality tests:
# its own ports and runtime dir, users added at format time with generated passwords.
sasl_run="${DUL_KAFKA_SASL_RUN:-/tmp/dul-kafka-sasl-run}"
sasl_brokers="${KAFKA_SASL_BROKERS:-127.0.0.1:19092}"
started_sasl=false
sasl_up() { [[ -f "$sasl_run/credentials.json" ]] && node infra/kafka/wait-ready.js --brokers "$sasl_brokers" --credentials "$sasl_run/credentials.json" --timeout 5 --quiet >/dev/null 2>&1; }
if sasl_up; then
  say "SASL Kafka broker already answering at $sasl_brokers"
elif [[ "$sasl_brokers" == "127.0.0.1:19092" ]] && command -v java >/dev/null && command -v mvn >/dev/null; then
  if KAFKA_SASL=true KAFKA_PORT=19092 KAFKA_CONTROLLER_PORT=19093 DUL_KAFKA_RUN="$sasl_run" KAFKA_HEAP_OPTS="-Xms128m -Xmx384m" \
      bash infra/kafka/start.sh; then started_sasl=true; fi
fi
if [[ "$started_sasl" == "true" ]] || sasl_up; then
  export KAFKA_SASL_BROKERS="$sasl_brokers" KAFKA_SASL_CREDENTIALS="$sasl_run/credentials.json"
else
  fail_or_skip DUL_SKIP_KAFKA_SASL "Kafka SASL/ACL suite: no SASL broker at $sasl_brokers and none could be started (needs java and mvn)"
fi
stop_kafka() {
  if [[ "$started_kafka" == "true" ]]; then bash infra/kafka/stop.sh >/dev/null 2>&1 || true; fi
  if [[ "$started_sasl" == "true" ]]; then DUL_KAFKA_RUN="$sasl_run" bash infra/kafka/stop.sh >/dev/null 2>&1 || true; fi
}
trap stop_kafka EXIT

# 3. EventStoreDB cannot run on our machines (no Docker engine); its suite runs when a server is given.
if [[ -z "${EVENTSTOREDB_URL:-}" ]]; then
  say "SKIPPED: EventStoreDB contract suite: EVENTSTOREDB_URL is not set (no EventStoreDB/KurrentDB server can run without Docker; see README)"
fi

# 4. Chromium (Debian's package) renders the Art 26 report in the browser test.
if ! command -v chromium >/dev/null; then
  fail_or_skip DUL_SKIP_BROWSER "browser test of the report: chromium is not installed (apt-get install chromium)"
fi

# 5. Type-check everything (tests included), then run unit, integration and e2e tests in one Jest run.
say "type-checking"
npx tsc -p tsconfig.json --noEmit || exit 1
say "running tests"
npx jest --maxWorkers=2 "$@"
status=$?

# 6. The side-by-side benchmark in quick mode: proves the harness runs, judges no figure (issue 12).
if [[ $# -eq 0 && -z "${DUL_SKIP_POSTGRES:-}" && "${DUL_SKIP_BENCH:-}" != "true" ]]; then
  say "benchmark harness, quick mode (figures not judged)"
  npx ts-node --transpile-only -r tsconfig-paths/register bench/side-by-side.bench.ts --quick >/dev/null || status=1
fi
exit $status
