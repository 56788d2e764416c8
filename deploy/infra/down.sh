#!/usr/bin/env bash
# Stop the servers that up.sh started from this checkout (pid files under .infra/).
# Servers this checkout did not start (given by env vars, or another checkout's) are
# left alone. Safe to run when nothing is running.
#
#   npm run infra:down            # stop, keep the data
#   bash deploy/infra/down.sh --wipe   # stop and delete .infra/ (data, logs, env)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

wipe=0
for arg in "$@"; do
  case "$arg" in
    --wipe) wipe=1 ;;
    -h | --help)
      sed -n '2,8p' "$0"
      exit 0
      ;;
    *) die "unknown argument: $arg (expected --wipe)" ;;
  esac
done

failed=0

# stop_pid NAME PATTERN: SIGTERM, wait up to 60s, then SIGKILL.
stop_pid() {
  local name="$1" pattern="$2" pid i
  if ! pid="$(pid_of "$name" "$pattern")"; then
    rm -f "$INFRA_DIR/$name.pid"
    log "$name: not running"
    return 0
  fi
  log "$name: stopping pid $pid"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 600; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null; then
    log "$name: still running after 60s, killing it"
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
  fi
  if kill -0 "$pid" 2>/dev/null; then
    log "ERROR: $name (pid $pid) would not stop"
    failed=1
  else
    rm -f "$INFRA_DIR/$name.pid"
  fi
}

stop_postgres() {
  local dir bin
  dir="$(pg_dir)"
  if [[ -f "$dir/data/postmaster.pid" ]] && bin="$(find_pg_bin)" &&
    as_pg "$bin/pg_ctl" -D "$dir/data" status >/dev/null 2>&1; then
    log "postgres: stopping ($dir/data)"
    if as_pg "$bin/pg_ctl" -D "$dir/data" -m fast -w -t 60 -s stop; then
      rm -f "$INFRA_DIR/postgres.pid"
      return 0
    fi
    log "postgres: pg_ctl stop failed, signalling it"
  fi
  stop_pid postgres postgres
}

[[ -d "$INFRA_DIR" ]] || { log "nothing to stop ($INFRA_DIR does not exist)"; exit 0; }

stop_pid kafka kafka.Kafka
stop_pid ferretdb ferretdb
stop_postgres

((failed)) && die "some servers did not stop (see above)"

log "stopped"
if ((wipe)); then
  dir="$(pg_dir)"
  if [[ "$dir" != "$INFRA_DIR/postgres" && -d "$dir" ]]; then rm -rf "$dir"; fi
  rm -rf "$INFRA_DIR"
  log "wiped $INFRA_DIR"
fi
