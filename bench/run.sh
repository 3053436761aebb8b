#!/usr/bin/env bash
# npm run bench: every benchmark, side by side with its limit, in one run. Bounded in time.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
run() { npx ts-node --transpile-only -r tsconfig-paths/register "$@"; }
run bench/sqlite-append.bench.ts --seconds "${BENCH_SECONDS:-3}"
run bench/postgres-append.bench.ts --seconds "${BENCH_SECONDS:-3}"
run bench/screening.bench.ts
run bench/report.bench.ts --applications "${BENCH_REPORT_APPLICATIONS:-2000}"
# Issue 12's scenarios against Emmett, raw INSERT, a bare Fastify route and a linear scan; writes the
# generated section of docs/benchmarks.md. BENCH_QUICK=1 runs it briefly without judging figures.
# --expose-gc: the screening scenario measures the index's heap between two full collections.
node --expose-gc -r ts-node/register/transpile-only -r tsconfig-paths/register bench/side-by-side.bench.ts ${BENCH_QUICK:+--quick}
