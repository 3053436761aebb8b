#!/usr/bin/env bash
# Stops the broker started by infra/kafka/start.sh (SIGTERM, wait, then SIGKILL) and removes the
# runtime dir. Leaves any broker it did not start alone.
#
#   DUL_KAFKA_RUN        runtime dir used by start.sh (default /tmp/dul-kafka-run)
#   KAFKA_STOP_TIMEOUT   seconds to wait after SIGTERM before SIGKILL (default 30)
set -euo pipefail

run="${DUL_KAFKA_RUN:-/tmp/dul-kafka-run}"
grace="${KAFKA_STOP_TIMEOUT:-30}"
pid_file="$run/kafka.pid"
marker="$run/.dul-kafka-run"

log() { echo "[kafka-stop] $*"; }

# The pid must still belong to our broker (guards against pid reuse after a reboot/crash).
ours() { [[ -r "/proc/$1/cmdline" ]] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -q "kafka.Kafka $run/server.properties"; }

if [[ -f "$pid_file" ]]; then
  pid="$(cat "$pid_file")"
  if kill -0 "$pid" 2>/dev/null && ours "$pid"; then
    t0=$(date +%s)
    log "sending SIGTERM to broker pid $pid"
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 $((grace * 5))); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
      log "still alive after ${grace}s; sending SIGKILL"
      kill -KILL "$pid" 2>/dev/null || true
      while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
    fi
    log "broker pid $pid stopped after $(( $(date +%s) - t0 ))s"
  else
    log "pid $pid from $pid_file is not running (or is not our broker)"
  fi
else
  log "no pid file at $pid_file; nothing to stop"
fi

if [[ -d "$run" ]]; then
  if [[ -f "$marker" ]]; then
    rm -rf "$run"
    log "removed $run"
  else
    log "$run was not created by start.sh; leaving it in place"
  fi
fi
