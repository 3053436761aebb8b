#!/usr/bin/env bash
# Materialises the Apache Kafka broker jars (see pom.xml) into a cache OUTSIDE the repository.
# Idempotent: Maven only runs when the cache has no completion marker for the requested version.
#
#   DUL_KAFKA_VERSION  override the Kafka version pinned in pom.xml (e.g. 4.1.2 to compare)
#   DUL_KAFKA_HOME     cache root (default: $HOME/.cache/dul-kafka/<version>); jars go to <root>/libs
#
# Progress goes to stderr; the ONLY thing printed on stdout is the jar directory, so callers can do
#   libs="$(bash infra/kafka/fetch.sh)"
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pom="$here/pom.xml"
pinned="$(sed -n 's:.*<kafka.version>\(.*\)</kafka.version>.*:\1:p' "$pom" | head -n1)"
version="${DUL_KAFKA_VERSION:-$pinned}"
home="${DUL_KAFKA_HOME:-$HOME/.cache/dul-kafka/$version}"
libs="$home/libs"
marker="$home/.complete"

log() { echo "[kafka-fetch] $*" >&2; }

if [[ -f "$marker" && "$(cat "$marker")" == "$version" ]] && compgen -G "$libs/kafka_2.13-$version.jar" >/dev/null; then
  log "Kafka $version jars already cached in $libs"
  echo "$libs"
  exit 0
fi

command -v mvn >/dev/null || { log "mvn not found on PATH (Maven 3.8+ is required)"; exit 1; }
command -v java >/dev/null || { log "java not found on PATH (Java 17+ is required by Kafka 4.x)"; exit 1; }

log "downloading Kafka $version jars with Maven into $libs ..."
start=$(date +%s)
mkdir -p "$home"
staging="$(mktemp -d "$home/.staging.XXXXXX")"
trap 'rm -rf "$staging"' EXIT

mvn -B -q -Dstyle.color=never -f "$pom" \
  -Dkafka.version="$version" \
  dependency:copy-dependencies \
  -DincludeScope=runtime \
  -DoutputDirectory="$staging" 2>&1 | sed $'s/\x1b\\[[0-9;]*m//g' >&2   # Maven 3.8 -q still emits ANSI resets

# Guard: exactly one SLF4J binding/provider must end up on the classpath.
bindings="$(cd "$staging" && ls | grep -E '^(slf4j-(log4j12|reload4j|simple|jdk14|nop|jcl)|log4j-slf4j2?-impl|logback-classic)-' || true)"
count="$(printf '%s' "$bindings" | grep -c . || true)"
if [[ "$count" != 1 ]]; then
  log "expected exactly one SLF4J binding, found $count: ${bindings:-none}"
  exit 1
fi

rm -rf "$libs"
mv "$staging" "$libs"
trap - EXIT
echo "$version" >"$marker"
log "cached $(ls "$libs" | wc -l) jars ($(du -sh "$libs" | cut -f1)) in $libs after $(( $(date +%s) - start ))s (SLF4J binding: $bindings)"
echo "$libs"
