#!/usr/bin/env bash
# Start the local test servers (Kafka, FerretDB, PostgreSQL) if they are not running,
# wait until each really answers, and write where they listen to .infra/env.
#
#   npm run infra:up            # or: bash deploy/infra/up.sh
#
# A server whose variable is already set in the environment (KAFKA_BROKERS, MONGO_URL,
# DATABASE_URL) is not started: it is only checked and its value written through.
# See docs/infrastructure.md.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

T0=$SECONDS
mkdir -p "$INFRA_DIR" "$INFRA_CACHE"
# The postgres OS user must be able to enter .infra (the data dir is inside).
chmod 755 "$INFRA_DIR"

command -v node >/dev/null 2>&1 || die "node is not on PATH (needed for the readiness probes)"
[[ -d "$INFRA_ROOT/node_modules/kafkajs" ]] || die "node_modules is missing: run 'npm ci' first"

# wait_ready NAME LOG ALIVE_FN CMD...: run CMD until it succeeds. Fails (with LOG's tail)
# when READY_TIMEOUT passes or when ALIVE_FN (if not empty) says the server has died.
wait_ready() {
  local name="$1" logfile="$2" alive="$3" start=$SECONDS out=""
  shift 3
  while true; do
    if out="$("$@" 2>&1)"; then
      return 0
    fi
    if [[ -n "$alive" ]] && ! "$alive"; then
      [[ -n "$out" ]] && log "$name probe: $out"
      die "$name exited while starting" "$logfile"
    fi
    if ((SECONDS - start >= READY_TIMEOUT)); then
      [[ -n "$out" ]] && log "$name probe: $out"
      die "$name was not ready after ${READY_TIMEOUT}s (INFRA_READY_TIMEOUT)" "$logfile"
    fi
    sleep 0.5
  done
}

# check_external NAME VAR VALUE PROBE...: a server given by the environment must answer.
check_external() {
  local name="$1" var="$2" value="$3" start=$SECONDS out=""
  shift 3
  log "$var is set ($value): not starting $name, checking it answers"
  while ! out="$("$@" 2>&1)"; do
    if ((SECONDS - start >= ${INFRA_EXTERNAL_TIMEOUT:-20})); then
      die "$var=$value is set but $name does not answer there: $out"
    fi
    sleep 1
  done
}

# --------------------------------------------------------------------------- downloads

kafka_home() { printf '%s\n' "$INFRA_CACHE/kafka-$KAFKA_VERSION"; }
ferretdb_bin() { printf '%s\n' "$INFRA_CACHE/ferretdb-$FERRETDB_VERSION/ferretdb"; }
# A binary counts as built once it carries patch_ferretdb_id_lookup (below): one built
# before that patch existed, without the marker file next to it, is built again.
ferretdb_built() { [[ -x "$(ferretdb_bin)" && -f "$(dirname "$(ferretdb_bin)")/id-lookup-patched" ]]; }

# Kafka's jars from Maven Central (Maven's own cache is ~/.m2).
fetch_kafka() {
  local home tmp
  home="$(kafka_home)"
  [[ -f "$home/libs/.complete" ]] && return 0
  command -v java >/dev/null 2>&1 || die "java is not on PATH (Kafka needs Java 17+)"
  command -v mvn >/dev/null 2>&1 || die "mvn is not on PATH (used to fetch Kafka from Maven Central)"
  log "fetching Kafka $KAFKA_VERSION jars from Maven Central into $home/libs"
  tmp="$home/libs.tmp.$$"
  rm -rf "$tmp"
  mkdir -p "$tmp"
  if ! mvn -B -q -Dstyle.color=never -f "$INFRA_HERE/kafka/pom.xml" \
    -Dkafka.version="$KAFKA_VERSION" -DoutputDirectory="$tmp" \
    dependency:copy-dependencies >"$INFRA_DIR/kafka-fetch.log" 2>&1; then
    rm -rf "$tmp"
    die "could not fetch Kafka $KAFKA_VERSION with Maven" "$INFRA_DIR/kafka-fetch.log"
  fi
  ls "$tmp"/kafka_2.13-*.jar >/dev/null 2>&1 || die "Maven copied no kafka_2.13 jar into $tmp"
  touch "$tmp/.complete"
  rm -rf "$home/libs"
  mv "$tmp" "$home/libs"
}

# FerretDB 1.24's SQLite backend looks documents up by `_ferretdb_sjson->'$._id'` while
# its unique `_id` index is on `_ferretdb_sjson->'_id'`. SQLite reads both as the same
# JSON path but matches index expressions by their text, so every lookup, replace or
# delete by `_id` scanned the whole table (measured in docs/read-models.md). This
# rewrites the lookup to the index's own spelling; what it selects is unchanged, and data
# files written before keep working (the index itself is the same). Versions without
# that line are built unpatched.
patch_ferretdb_id_lookup() {
  local file="$1/internal/backends/sqlite/metadata/metadata.go"
  local before="IDColumn = DefaultColumn + \"->'\$._id'\""
  local after="IDColumn = DefaultColumn + \"->'_id'\""
  grep -qF -- "$before" "$file" || return 0
  sed -i "s|$(printf '%s' "$before" | sed 's/[$.*[\^]/\\&/g')|$after|" "$file" &&
    grep -qF -- "$after" "$file"
}

# FerretDB built from its Go module (the Go module cache is GOMODCACHE, ~/go/pkg/mod).
# Not `go install ...@version`: the proxy here refuses the module's version list, which
# `go install` reads to look for deprecations, and FerretDB panics at start unless
# build/version/version.txt is filled in. So: download the module, copy its source,
# write version.txt, build.
build_ferretdb() {
  local bin src moddir tmp
  bin="$(ferretdb_bin)"
  ferretdb_built && return 0
  command -v go >/dev/null 2>&1 || die "go is not on PATH (FerretDB is built from source)"
  log "building FerretDB $FERRETDB_VERSION into $bin (takes a few minutes the first time)"
  {
    moddir="$(cd "$INFRA_CACHE" && GOFLAGS=-mod=mod go mod download -json "github.com/FerretDB/FerretDB@$FERRETDB_VERSION" |
      sed -n 's/^[[:space:]]*"Dir": "\(.*\)",\{0,1\}$/\1/p')" &&
      [[ -n "$moddir" && -d "$moddir" ]] &&
      src="$INFRA_CACHE/ferretdb-$FERRETDB_VERSION/src" &&
      rm -rf "$src" && mkdir -p "$(dirname "$src")" &&
      cp -r "$moddir" "$src" && chmod -R u+w "$src" &&
      patch_ferretdb_id_lookup "$src" &&
      printf '%s\n' "$FERRETDB_VERSION" >"$src/build/version/version.txt" &&
      printf '%s\n' "collections-infra" >"$src/build/version/package.txt" &&
      tmp="$bin.tmp.$$" &&
      (cd "$src" && GOFLAGS=-mod=mod CGO_ENABLED=0 go build -buildvcs=false -trimpath -o "$tmp" ./cmd/ferretdb) &&
      mv "$tmp" "$bin" && touch "$(dirname "$bin")/id-lookup-patched" && rm -rf "$src"
  } >"$INFRA_DIR/ferretdb-build.log" 2>&1 || die "could not build FerretDB $FERRETDB_VERSION" "$INFRA_DIR/ferretdb-build.log"
}

stripe_mock_bin() { printf '%s\n' "$INFRA_CACHE/stripe-mock-$STRIPE_MOCK_VERSION/stripe-mock"; }

# stripe-mock (Stripe's API test server) built from its Go module with `go install` into
# the cache, for the portal's Stripe adapter tests (unlike FerretDB it needs no patch and
# no version file). Without Go, or when the build fails, those tests are skipped and say
# why: nothing else needs it.
build_stripe_mock() {
  local bin
  bin="$(stripe_mock_bin)"
  [[ -x "$bin" ]] && return 0
  if ! command -v go >/dev/null 2>&1; then
    log "go is not on PATH: stripe-mock is not built, the portal's Stripe tests will be skipped"
    return 0
  fi
  log "building stripe-mock $STRIPE_MOCK_VERSION into $bin"
  mkdir -p "$(dirname "$bin")"
  GOBIN="$(dirname "$bin")" CGO_ENABLED=0 go install "github.com/stripe/stripe-mock@$STRIPE_MOCK_VERSION" \
    >"$INFRA_DIR/stripe-mock-build.log" 2>&1 ||
    log "could not build stripe-mock $STRIPE_MOCK_VERSION (see $INFRA_DIR/stripe-mock-build.log): the portal's Stripe tests will be skipped"
}

# PostgreSQL from Debian's package when it is not installed.
ensure_postgres_installed() {
  if PG_BIN="$(find_pg_bin)"; then return 0; fi
  [[ $EUID -eq 0 ]] || die "PostgreSQL (initdb, pg_ctl) is not installed and this is not root: install Debian's 'postgresql' package or set DATABASE_URL"
  command -v apt-get >/dev/null 2>&1 || die "PostgreSQL is not installed and there is no apt-get: install it or set DATABASE_URL"
  log "installing PostgreSQL with apt-get"
  if ! { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql; } \
    >"$INFRA_DIR/postgres-install.log" 2>&1; then
    die "apt-get install postgresql failed" "$INFRA_DIR/postgres-install.log"
  fi
  PG_BIN="$(find_pg_bin)" || die "PostgreSQL was installed but no initdb/pg_ctl found under /usr/lib/postgresql/*/bin"
}

# Debian's Chromium for the debtor portal's browser tests (test/e2e/portal-browser.e2e.spec.ts).
# Not a server and not fatal: without it (not root, no apt-get, no network) those tests say
# they are skipped and why; CHROMIUM_PATH points them at another build.
ensure_chromium_installed() {
  [[ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]] && return 0
  if [[ $EUID -ne 0 ]] || ! command -v apt-get >/dev/null 2>&1; then
    log "Chromium is not installed (apt-get install chromium): the portal's browser tests will be skipped"
    return 0
  fi
  log "installing Chromium with apt-get (the portal's browser tests)"
  { DEBIAN_FRONTEND=noninteractive apt-get update -q &&
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends chromium; } \
    >"$INFRA_DIR/chromium-install.log" 2>&1 ||
    log "apt-get install chromium failed (see $INFRA_DIR/chromium-install.log): the portal's browser tests will be skipped"
}

# ------------------------------------------------------------------------------- kafka

kafka_alive() { pid_of kafka kafka.Kafka >/dev/null; }

start_kafka() {
  local home dir cluster_id jvm_log
  if pid="$(pid_of kafka kafka.Kafka)"; then
    log "kafka already running (pid $pid)"
    return 0
  fi
  if port_open "$KAFKA_PORT"; then
    KAFKA_FOREIGN=1
    log "port $KAFKA_PORT is in use by a process this checkout did not start: will use it if it is Kafka"
    return 0
  fi
  home="$(kafka_home)"
  dir="$INFRA_DIR/kafka"
  mkdir -p "$dir/data"
  cat >"$dir/server.properties" <<EOF
# Generated by deploy/infra/up.sh: one KRaft node, broker and controller in one process.
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$KAFKA_CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$KAFKA_CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$dir/data
num.network.threads=2
num.io.threads=4
num.partitions=3
default.replication.factor=1
min.insync.replicas=1
auto.create.topics.enable=true
delete.topic.enable=true
offsets.topic.replication.factor=1
offsets.topic.num.partitions=4
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=4
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
log.retention.hours=24
log.segment.bytes=67108864
EOF
  jvm_log="-Dlog4j2.configurationFile=$INFRA_HERE/kafka/log4j2.properties"
  if [[ ! -f "$dir/data/meta.properties" ]]; then
    # A cluster id is 16 random bytes in URL-safe base64 without padding. One in 64 starts
    # with '-', which the tool's parser takes for an option unless it is joined by '='.
    cluster_id="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
    log "formatting Kafka storage in $dir/data (cluster id $cluster_id)"
    java -Xmx256m "$jvm_log" -cp "$home/libs/*" kafka.tools.StorageTool format \
      --config "$dir/server.properties" --cluster-id="$cluster_id" --ignore-formatted \
      >"$INFRA_DIR/kafka-format.log" 2>&1 || die "kafka storage format failed" "$INFRA_DIR/kafka-format.log"
  fi
  log "starting Kafka $KAFKA_VERSION on 127.0.0.1:$KAFKA_PORT"
  printf '\n===== %s up.sh starts Kafka %s\n' "$(date -Is)" "$KAFKA_VERSION" >>"$INFRA_DIR/kafka.log"
  setsid nohup java -Xms256m -Xmx512m -XX:+UseG1GC -XX:MaxGCPauseMillis=20 \
    -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true "$jvm_log" \
    -cp "$home/libs/*" kafka.Kafka "$dir/server.properties" \
    >>"$INFRA_DIR/kafka.log" 2>&1 </dev/null &
  echo $! >"$INFRA_DIR/kafka.pid"
}

# ---------------------------------------------------------------------------- ferretdb

ferretdb_alive() { pid_of ferretdb ferretdb >/dev/null; }

start_ferretdb() {
  local bin i
  if pid="$(pid_of ferretdb ferretdb)"; then
    # FerretDB 1.24's SQLite backend can wedge for good (every command hangs, even ping;
    # see docs/infrastructure.md). A wedged one counts as missing: restart it.
    if node "$INFRA_HERE/wait-mongo.js" "$DEFAULT_MONGO_URL" >/dev/null 2>&1 ||
      node "$INFRA_HERE/wait-mongo.js" "$DEFAULT_MONGO_URL" >/dev/null 2>&1; then
      log "ferretdb already running (pid $pid)"
      return 0
    fi
    log "ferretdb (pid $pid) is running but does not answer: restarting it (its goroutine dump goes to $INFRA_DIR/ferretdb.log)"
    kill -QUIT "$pid" 2>/dev/null || true
    for ((i = 0; i < 100; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -KILL "$pid" 2>/dev/null || true
    rm -f "$INFRA_DIR/ferretdb.pid"
  fi
  if port_open "$MONGO_PORT"; then
    MONGO_FOREIGN=1
    log "port $MONGO_PORT is in use by a process this checkout did not start: will use it if it speaks MongoDB"
    return 0
  fi
  bin="$(ferretdb_bin)"
  mkdir -p "$INFRA_DIR/ferretdb/data" "$INFRA_DIR/ferretdb/state"
  log "starting FerretDB $FERRETDB_VERSION (SQLite backend) on 127.0.0.1:$MONGO_PORT"
  printf '\n===== %s up.sh starts FerretDB %s\n' "$(date -Is)" "$FERRETDB_VERSION" >>"$INFRA_DIR/ferretdb.log"
  setsid nohup "$bin" \
    --handler=sqlite \
    --sqlite-url="file:$INFRA_DIR/ferretdb/data/" \
    --state-dir="$INFRA_DIR/ferretdb/state" \
    --listen-addr="127.0.0.1:$MONGO_PORT" \
    --debug-addr=- \
    --telemetry=disable \
    --log-level=error \
    >>"$INFRA_DIR/ferretdb.log" 2>&1 </dev/null &
  echo $! >"$INFRA_DIR/ferretdb.pid"
}

# ---------------------------------------------------------------------------- postgres

PG_BIN=""
PG_DIR=""

postgres_alive() { as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" status >/dev/null 2>&1; }

# The data dir goes to .infra/postgres unless the postgres OS user cannot enter .infra
# (e.g. the checkout is under /root): then to /var/tmp, and .infra/postgres.dir says where.
choose_pg_dir() {
  if [[ -f "$INFRA_DIR/postgres.dir" ]]; then
    PG_DIR="$(cat "$INFRA_DIR/postgres.dir")"
    return 0
  fi
  PG_DIR="$INFRA_DIR/postgres"
  if [[ $EUID -eq 0 ]] && ! runuser -u postgres -- test -x "$INFRA_DIR" 2>/dev/null; then
    PG_DIR="/var/tmp/collections-infra-pg-$(printf '%s' "$INFRA_DIR" | md5sum | cut -c1-12)"
    log "the postgres user cannot enter $INFRA_DIR: keeping PostgreSQL's data in $PG_DIR"
    printf '%s\n' "$PG_DIR" >"$INFRA_DIR/postgres.dir"
  fi
}

start_postgres() {
  local pwfile
  choose_pg_dir
  if postgres_alive; then
    log "postgres already running ($PG_DIR/data)"
    return 0
  fi
  if port_open "$PG_PORT"; then
    PG_FOREIGN=1
    log "port $PG_PORT is in use by a process this checkout did not start: will use it if it is PostgreSQL"
    return 0
  fi
  if [[ $EUID -eq 0 ]] && ! id postgres >/dev/null 2>&1; then
    useradd --system --user-group --home-dir /var/lib/postgresql --shell /bin/bash postgres ||
      die "could not create the postgres OS user"
  fi
  mkdir -p "$PG_DIR"
  [[ $EUID -eq 0 ]] && chown postgres: "$PG_DIR"
  chmod 700 "$PG_DIR"
  if [[ ! -f "$PG_DIR/data/PG_VERSION" ]]; then
    log "initialising a PostgreSQL cluster in $PG_DIR/data"
    rm -rf "$PG_DIR/data"
    pwfile="$PG_DIR/pwfile"
    printf 'collections\n' >"$pwfile"
    [[ $EUID -eq 0 ]] && chown postgres: "$pwfile"
    # The bootstrap superuser is `collections` itself (password `collections`).
    if ! as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U collections --pwfile="$pwfile" \
      --auth=scram-sha-256 --encoding=UTF8 --locale=C.UTF-8 --no-sync --no-instructions \
      >"$PG_DIR/initdb.log" 2>&1; then
      rm -f "$pwfile"
      die "initdb failed" "$PG_DIR/initdb.log"
    fi
    rm -f "$pwfile"
    cat >>"$PG_DIR/data/postgresql.conf" <<'EOF'

# ---- deploy/infra/up.sh: a throwaway server for tests ----
listen_addresses = '127.0.0.1'
unix_socket_directories = ''
max_connections = 200
shared_buffers = 128MB
fsync = off
synchronous_commit = off
full_page_writes = off
log_min_messages = warning
log_line_prefix = '%m [%p] %q%u@%d '
EOF
  fi
  log "starting PostgreSQL ($PG_BIN) on 127.0.0.1:$PG_PORT"
  as_pg touch "$PG_DIR/postgres.log"
  printf '\n===== %s up.sh starts PostgreSQL\n' "$(date -Is)" | as_pg tee -a "$PG_DIR/postgres.log" >/dev/null
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -W -s \
    -o "-c port=$PG_PORT -c listen_addresses=127.0.0.1" start >"$INFRA_DIR/postgres-start.log" 2>&1 ||
    die "pg_ctl start failed" "$PG_DIR/postgres.log"
}

pg_query() { # DB SQL
  PGPASSWORD=collections PGCONNECT_TIMEOUT=3 "$PG_BIN/psql" -X -q -t -A -v ON_ERROR_STOP=1 \
    -h 127.0.0.1 -p "$PG_PORT" -U collections -d "$1" -c "$2"
}

finish_postgres() {
  wait_ready postgres "$PG_DIR/postgres.log" postgres_alive \
    "$PG_BIN/pg_isready" -q -h 127.0.0.1 -p "$PG_PORT" -t 2
  # Wait until it takes queries (it answers pg_isready a moment before), then create the db.
  wait_ready postgres "$PG_DIR/postgres.log" postgres_alive pg_query postgres 'select 1'
  if [[ "$(pg_query postgres "select 1 from pg_database where datname = 'collections'")" != 1 ]]; then
    pg_query postgres 'create database collections' || die "could not create database collections" "$PG_DIR/postgres.log"
  fi
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    head -n 1 "$PG_DIR/data/postmaster.pid" >"$INFRA_DIR/postgres.pid"
  fi
}

# -------------------------------------------------------------------------------- main

KAFKA_FOREIGN=0 MONGO_FOREIGN=0 PG_FOREIGN=0
want_kafka=1 want_mongo=1 want_pg=1
[[ -n "${KAFKA_BROKERS:-}" ]] && want_kafka=0
[[ -n "${MONGO_URL:-}" ]] && want_mongo=0
[[ -n "${DATABASE_URL:-}" ]] && want_pg=0

# Downloads/builds first. The FerretDB build is the slow one: run it alongside the rest.
ferretdb_build_pid=""
if ((want_mongo)) && ! ferretdb_built && ! port_open "$MONGO_PORT"; then
  (build_ferretdb) &
  ferretdb_build_pid=$!
fi
((want_kafka)) && fetch_kafka
((want_pg)) && ensure_postgres_installed
ensure_chromium_installed
build_stripe_mock
if [[ -n "$ferretdb_build_pid" ]]; then
  wait "$ferretdb_build_pid" || exit 1
fi

# Start whatever is missing (all three boot at the same time), then wait for each.
((want_kafka)) && start_kafka
((want_mongo)) && start_ferretdb
((want_pg)) && start_postgres

if ((want_kafka)); then
  if ((KAFKA_FOREIGN)); then
    wait_ready kafka "" "" node "$INFRA_HERE/wait-kafka.js" "$DEFAULT_KAFKA_BROKERS"
  else
    wait_ready kafka "$INFRA_DIR/kafka.log" kafka_alive node "$INFRA_HERE/wait-kafka.js" "$DEFAULT_KAFKA_BROKERS"
  fi
  KAFKA_BROKERS="$DEFAULT_KAFKA_BROKERS"
else
  check_external Kafka KAFKA_BROKERS "$KAFKA_BROKERS" node "$INFRA_HERE/wait-kafka.js" "$KAFKA_BROKERS"
fi

if ((want_mongo)); then
  if ((MONGO_FOREIGN)); then
    wait_ready ferretdb "" "" node "$INFRA_HERE/wait-mongo.js" "$DEFAULT_MONGO_URL"
  else
    wait_ready ferretdb "$INFRA_DIR/ferretdb.log" ferretdb_alive node "$INFRA_HERE/wait-mongo.js" "$DEFAULT_MONGO_URL"
  fi
  MONGO_URL="$DEFAULT_MONGO_URL"
else
  check_external MongoDB MONGO_URL "$MONGO_URL" node "$INFRA_HERE/wait-mongo.js" "$MONGO_URL"
fi

if ((want_pg)); then
  if ((PG_FOREIGN)); then
    wait_ready postgres "" "" node "$INFRA_HERE/wait-postgres.js" "$DEFAULT_DATABASE_URL"
  else
    finish_postgres
  fi
  DATABASE_URL="$DEFAULT_DATABASE_URL"
  wait_ready postgres "$PG_DIR/postgres.log" "" node "$INFRA_HERE/wait-postgres.js" "$DATABASE_URL"
else
  check_external PostgreSQL DATABASE_URL "$DATABASE_URL" node "$INFRA_HERE/wait-postgres.js" "$DATABASE_URL"
fi

tmp_env="$INFRA_DIR/env.tmp.$$"
cat >"$tmp_env" <<EOF
# Written by deploy/infra/up.sh at $(date -Is). Variables set in the environment win.
KAFKA_BROKERS=$KAFKA_BROKERS
MONGO_URL=$MONGO_URL
DATABASE_URL=$DATABASE_URL
EOF
[[ -x "$(stripe_mock_bin)" ]] && printf 'STRIPE_MOCK_PATH=%s\n' "$(stripe_mock_bin)" >>"$tmp_env"
mv "$tmp_env" "$INFRA_DIR/env"

describe() { # NAME URL PIDNAME PATTERN LOG
  local how
  if [[ "$4" == external ]]; then
    how="given by the environment"
  elif pid="$(pid_of "$3" "$4")"; then
    how="pid $pid, log $5"
  else
    how="not started by this checkout"
  fi
  printf '  %-9s %s  (%s)\n' "$1" "$2" "$how"
}
echo "infra ready in $((SECONDS - T0))s:"
describe kafka "$KAFKA_BROKERS" kafka "$( ((want_kafka)) && echo kafka.Kafka || echo external)" "$INFRA_DIR/kafka.log"
describe ferretdb "$MONGO_URL" ferretdb "$( ((want_mongo)) && echo ferretdb || echo external)" "$INFRA_DIR/ferretdb.log"
describe postgres "$DATABASE_URL" postgres "$( ((want_pg)) && echo postgres || echo external)" "$PG_DIR/postgres.log"
echo "  env file  $INFRA_DIR/env"
