#!/usr/bin/env bash
# The README's test command (`npm test`). Brings up the local servers that are missing
# (or uses the ones named by KAFKA_BROKERS / MONGO_URL / DATABASE_URL), builds the apps
# the end-to-end tests start as processes, runs every tier, and closes with the line
# `N passed, N failed, N skipped`. Extra arguments go to jest (e.g. a path filter).
set -euo pipefail
cd "$(dirname "$0")/.."

bash deploy/infra/up.sh
set -a
# shellcheck disable=SC1091
. .infra/env
set +a

npm run --silent build

status=0
npx jest --maxWorkers=2 --json --outputFile=.infra/jest-results.json "$@" || status=$?
node deploy/print-test-summary.js .infra/jest-results.json || status=1
exit "$status"
