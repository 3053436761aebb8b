#!/usr/bin/env bash
# Starts a real single-node Apache Kafka broker (KRaft, broker+controller) without Docker.
#
#   KAFKA_PORT              client port (default 9092)
#   KAFKA_CONTROLLER_PORT   KRaft controller port (default 9093)
#   DUL_KAFKA_RUN           runtime dir: rendered config, data, pid file, log (default /tmp/dul-kafka-run)
#   KAFKA_HEAP_OPTS         JVM heap (default "-Xms256m -Xmx512m")
#   KAFKA_START_TIMEOUT     seconds to wait for readiness (default 90)
#   KAFKA_CLUSTER_ID        cluster id used to format the storage (default: random per start)
#   DUL_KAFKA_VERSION / DUL_KAFKA_HOME   see fetch.sh
#   KAFKA_SASL              true: SASL/SCRAM-SHA-512 + ACLs (server-sasl.properties); users `admin` (super
#                           user) and KAFKA_SASL_USERS get generated passwords, written to
#                           $DUL_KAFKA_RUN/credentials.json (mode 600) and added at format time
#                           (kafka-storage format --add-scram). Default false (plain, as before).
#   KAFKA_SASL_USERS        space-separated principals besides admin (default: the test authorities,
#                           customs and the Commission: "authority-DE authority-FR authority-NL
#                           authority-IT customs commission")
#
# Every start from a stopped state formats fresh storage (the runtime dir is wiped): the broker is
# disposable test infrastructure. Stop it with infra/kafka/stop.sh.
set -euo pipefail

t0=$(date +%s%N)
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
port="${KAFKA_PORT:-9092}"
controller_port="${KAFKA_CONTROLLER_PORT:-9093}"
run="${DUL_KAFKA_RUN:-/tmp/dul-kafka-run}"
heap="${KAFKA_HEAP_OPTS:--Xms256m -Xmx512m}"
timeout="${KAFKA_START_TIMEOUT:-90}"
pid_file="$run/kafka.pid"
log_file="$run/kafka.log"
props="$run/server.properties"
marker="$run/.dul-kafka-run"
sasl="${KAFKA_SASL:-false}"
sasl_users="${KAFKA_SASL_USERS:-authority-DE authority-FR authority-NL authority-IT customs commission}"
credentials="$run/credentials.json"

log() { echo "[kafka-start] $*"; }
elapsed() { awk -v a="$t0" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }'; }
port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
wait_ready() {
  if [[ "$sasl" == "true" ]]; then set -- --credentials "$credentials" "$@"; fi
  node "$here/wait-ready.js" --brokers "127.0.0.1:$port" "$@"
}

command -v java >/dev/null || { log "java not found on PATH (Kafka 4.x needs Java 17+)"; exit 1; }
command -v node >/dev/null || { log "node not found on PATH"; exit 1; }

libs="$(bash "$here/fetch.sh")"
version="$(basename "$(ls "$libs"/kafka_2.13-*.jar)" .jar)"
version="${version#kafka_2.13-}"

# 1. Something already on the port? Accept it if it is a Kafka broker serving metadata.
if port_open "$port"; then
  if wait_ready --timeout 15 --quiet; then
    owner="not started by this script"
    if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then owner="pid $(cat "$pid_file"), log $log_file"; fi
    log "a Kafka broker already answers on 127.0.0.1:$port ($owner); nothing to do"
    exit 0
  fi
  log "port 127.0.0.1:$port is in use but does not answer as a Kafka broker; refusing to start"
  exit 1
fi

# 2. Our own broker still booting (pid alive, port not open yet)? Just wait for it.
if [[ -f "$pid_file" ]] && kill -0 "$(cat "$pid_file")" 2>/dev/null; then
  pid="$(cat "$pid_file")"
  log "broker pid $pid is still starting; waiting for it"
else
  # 3. Fresh start: wipe the runtime dir (only if it is ours), render config, format KRaft storage.
  if [[ -z "$run" || "$run" == "/" || "$run" == "$HOME" ]]; then log "refusing to use DUL_KAFKA_RUN=$run"; exit 1; fi
  if [[ -d "$run" && ! -f "$marker" && -n "$(ls -A "$run")" ]]; then
    log "$run exists, is not empty and was not created by this script; set DUL_KAFKA_RUN elsewhere"
    exit 1
  fi
  if port_open "$controller_port"; then log "controller port 127.0.0.1:$controller_port is already in use"; exit 1; fi
  rm -rf "$run"
  mkdir -p "$run/data"
  touch "$marker"

  template="$here/server.properties"
  scram_args=()
  admin_password=""
  if [[ "$sasl" == "true" ]]; then
    # Test credentials are generated per start, never kept in the repository.
    template="$here/server-sasl.properties"
    node -e "
      const { randomBytes } = require('node:crypto');
      const users = Object.fromEntries(['admin', ...process.argv.slice(2)].map((u) => [u, randomBytes(18).toString('base64url')]));
      require('node:fs').writeFileSync(process.argv[1], JSON.stringify({ mechanism: 'scram-sha-512', users }, null, 2), { mode: 0o600 });
    " "$credentials" $sasl_users
    admin_password="$(node -e "process.stdout.write(require(process.argv[1]).users.admin)" "$credentials")"
    while IFS=' ' read -r user password; do
      scram_args+=(--add-scram "SCRAM-SHA-512=[name=$user,password=$password]")
    done < <(node -e "for (const [u, p] of Object.entries(require(process.argv[1]).users)) console.log(u + ' ' + p)" "$credentials")
  fi
  sed -e "s|\${KAFKA_PORT}|$port|g" \
      -e "s|\${KAFKA_CONTROLLER_PORT}|$controller_port|g" \
      -e "s|\${DUL_KAFKA_RUN}|$run|g" \
      -e "s|\${KAFKA_ADMIN_PASSWORD}|$admin_password|g" \
      "$template" >"$props"

  # A leading '-' would be read as an option by StorageTool's argument parser: start with a letter.
  cluster_id="${KAFKA_CLUSTER_ID:-$(node -e "process.stdout.write(require('node:crypto').randomBytes(16).toString('base64url').replace(/^[-_]/, 'K'))")}"
  log "formatting KRaft storage (Kafka $version, cluster id $cluster_id) in $run/data"
  if ! java -Xmx256m -Dorg.apache.logging.log4j.level=WARN -cp "$libs/*" \
      kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$props" "${scram_args[@]}" >"$run/format.log" 2>&1; then
    log "storage format failed:"; cat "$run/format.log"; exit 1
  fi

  log "starting broker on 127.0.0.1:$port (controller 127.0.0.1:$controller_port), heap: $heap"
  t_java=$(date +%s%N)
  # setsid: the broker must outlive this shell and must not receive its terminal's Ctrl-C.
  # shellcheck disable=SC2086
  setsid nohup java $heap -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Djava.awt.headless=true \
    -Dorg.apache.logging.log4j.level=INFO -Dkafka.logs.dir="$run" \
    -cp "$libs/*" kafka.Kafka "$props" >"$log_file" 2>&1 </dev/null &
  pid=$!
  echo "$pid" >"$pid_file"
fi

# 4. Wait until the broker serves metadata to a real client (kafkajs admin).
if ! wait_ready --timeout "$timeout" --pid "$pid"; then
  log "broker did not become ready within ${timeout}s; last lines of $log_file:"
  tail -n 40 "$log_file" 2>/dev/null || true
  if kill -0 "$pid" 2>/dev/null; then
    # Do not leave a half-started broker holding the ports; the runtime dir (and log) stays for
    # inspection and is wiped by the next start.sh / stop.sh.
    log "terminating broker pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$pid" 2>/dev/null || true
  fi
  exit 1
fi
jvm_part=""
if [[ -n "${t_java:-}" ]]; then
  jvm_part=", JVM launch to ready $(awk -v a="$t_java" -v b="$(date +%s%N)" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')s"
fi
log "Kafka $version ready on 127.0.0.1:$port (pid $pid) after $(elapsed)s total$jvm_part"
log "log: $log_file  | stop: bash infra/kafka/stop.sh  | KAFKA_BROKERS=127.0.0.1:$port"
if [[ "$sasl" == "true" ]]; then log "SASL/SCRAM-SHA-512 with ACLs; credentials: $credentials"; fi
