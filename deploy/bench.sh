#!/usr/bin/env bash
# Runs every benchmark under bench/ against the local servers (`npm run infra:up` first)
# and prints their figures. Benchmarks are never part of `npm test`.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -f .infra/env ]; then set -a; . .infra/env; set +a; fi
# `--issue-8-table`: run the benchmarks behind issue 8's table and print the table.
if [ "${1:-}" = "--issue-8-table" ]; then
  exec node -r ./deploy/runtime/register-paths.js dist/bench/issue-8-table.js
fi
for bench in dist/bench/*.bench.js; do
  echo "== $bench"
  node -r ./deploy/runtime/register-paths.js "$bench"
done
