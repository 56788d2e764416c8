# Shared settings and helpers for up.sh / down.sh. Sourced, not run.
# shellcheck shell=bash

INFRA_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
INFRA_HERE="$INFRA_ROOT/deploy/infra"
# Everything a run writes (data, logs, pid files, env) lives here: `rm -rf .infra` wipes it.
INFRA_DIR="${INFRA_DIR:-$INFRA_ROOT/.infra}"
# Downloads and builds, kept across wipes so a second run downloads nothing.
INFRA_CACHE="${XDG_CACHE_HOME:-$HOME/.cache}/collections-infra"

KAFKA_VERSION="${INFRA_KAFKA_VERSION:-4.1.1}"
FERRETDB_VERSION="${INFRA_FERRETDB_VERSION:-v1.24.0}"
# Stripe's API test server for the portal's Stripe tests (test/support/stripe-mock.ts names the same version).
STRIPE_MOCK_VERSION="${INFRA_STRIPE_MOCK_VERSION:-v0.203.0}"

KAFKA_PORT="${INFRA_KAFKA_PORT:-39092}"
KAFKA_CONTROLLER_PORT="${INFRA_KAFKA_CONTROLLER_PORT:-39093}"
MONGO_PORT="${INFRA_MONGO_PORT:-37017}"
PG_PORT="${INFRA_PG_PORT:-35432}"
# Seconds to wait for one server to become ready.
READY_TIMEOUT="${INFRA_READY_TIMEOUT:-120}"

DEFAULT_KAFKA_BROKERS="127.0.0.1:$KAFKA_PORT"
DEFAULT_MONGO_URL="mongodb://127.0.0.1:$MONGO_PORT/collections"
DEFAULT_DATABASE_URL="postgres://collections:collections@127.0.0.1:$PG_PORT/collections"

log() { printf '[infra] %s\n' "$*" >&2; }

# die MESSAGE [LOGFILE]: print the message (and the log's tail), exit 1.
die() {
  printf '[infra] ERROR: %s\n' "$1" >&2
  if [[ -n "${2:-}" && -f "$2" ]]; then
    printf '[infra] ---- last lines of %s ----\n' "$2" >&2
    tail -n "${INFRA_LOG_LINES:-40}" "$2" >&2 || true
    printf '[infra] ----\n' >&2
  fi
  exit 1
}

# pid_of NAME PATTERN: print the pid in $INFRA_DIR/NAME.pid if that process is alive
# and its command line contains PATTERN (guards against recycled pids).
pid_of() {
  local file="$INFRA_DIR/$1.pid" pid
  [[ -f "$file" ]] || return 1
  pid="$(<"$file")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  kill -0 "$pid" 2>/dev/null || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null | grep -qF -- "$2" || return 1
  printf '%s\n' "$pid"
}

# port_open PORT: is something accepting TCP connections on 127.0.0.1:PORT?
port_open() {
  timeout 2 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1"' _ "$1" 2>/dev/null
}

# PostgreSQL refuses to run as root: run its tools as the `postgres` OS user then.
as_pg() {
  if [[ $EUID -eq 0 ]]; then
    if command -v runuser >/dev/null 2>&1; then
      runuser -u postgres -- "$@"
    else
      su -s /bin/sh postgres -c "$(printf '%q ' "$@")"
    fi
  else
    "$@"
  fi
}

# find_pg_bin: print the directory holding initdb/pg_ctl (PATH first, then Debian's layout).
find_pg_bin() {
  local c d
  if c="$(command -v pg_ctl 2>/dev/null)" && d="$(dirname "$(readlink -f "$c")")" &&
    [[ -x "$d/initdb" && -x "$d/pg_isready" ]]; then
    printf '%s\n' "$d"
    return 0
  fi
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [[ -x "$d/pg_ctl" && -x "$d/initdb" ]]; then
      printf '%s\n' "$d"
      return 0
    fi
  done
  return 1
}

# Where the PostgreSQL data dir lives (see up.sh: .infra/postgres, or a fallback the
# postgres user can reach when .infra is inside a directory it cannot enter).
pg_dir() {
  if [[ -f "$INFRA_DIR/postgres.dir" ]]; then cat "$INFRA_DIR/postgres.dir"; else printf '%s\n' "$INFRA_DIR/postgres"; fi
}
