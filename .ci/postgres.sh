#!/usr/bin/env bash
# A throwaway PostgreSQL server for the JdbcCalendarStore tests, without Docker.
#
#   bash .ci/postgres.sh start   # install if missing, start, print `export ...` lines on stdout
#   bash .ci/postgres.sh env     # print the `export ...` lines of the running server again
#   bash .ci/postgres.sh status  # exit 0 if the server answers
#   bash .ci/postgres.sh stop    # stop the server and delete its data
#
# `start` prints only the export lines on stdout (progress goes to stderr), so a caller can do
#   bash .ci/postgres.sh start > "$env_file" && . "$env_file"
# The variables the tests read (JdbcTestDatabase in calendar-sdk-testkit's tests):
#   CALENDAR_SDK_TEST_PG_URL, CALENDAR_SDK_TEST_PG_USER, CALENDAR_SDK_TEST_PG_PASSWORD
#
# Installs Debian's `postgresql` package when no server binaries are found (needs root, as on CI).
# initdb refuses to run as root, so as root the server runs as the `postgres` user; as any other
# user it runs as that user. The server listens on 127.0.0.1 on a free port, trusts local
# connections (it is for tests only), and keeps its data, socket, log and state in
# ${CALENDAR_SDK_PG_HOME:-/tmp/calendar-sdk-postgres}. Running `start` twice reuses the server.
set -euo pipefail

HOME_DIR="${CALENDAR_SDK_PG_HOME:-/tmp/calendar-sdk-postgres}"
DATA_DIR="$HOME_DIR/data"
LOG_FILE="$HOME_DIR/server.log"
PORT_FILE="$HOME_DIR/port"
ENV_FILE="$HOME_DIR/env"
DATABASE="calendar_sdk_test"
SUPERUSER="postgres"
FIRST_PORT="${CALENDAR_SDK_PG_PORT:-55432}"
MARKER=".calendar-sdk-postgres"

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

bin_dir() {
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [[ -n "$dir" && -x "$dir/initdb" && -x "$dir/postgres" ]]; then
    printf '%s\n' "$dir"
  fi
}

install_if_missing() {
  if [[ -n "$(bin_dir)" ]]; then
    return
  fi
  [[ "$(id -u)" -eq 0 ]] || die "PostgreSQL is not installed; run as root or: apt-get install -y postgresql"
  log "installing PostgreSQL from Debian's packages"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update >&2
  apt-get install -y --no-install-recommends postgresql >&2
  [[ -n "$(bin_dir)" ]] || die "the postgresql package installed no server binaries"
}

# Runs a command as the server's owner: `postgres` when we are root, else ourselves.
as_owner() {
  if [[ "$(id -u)" -eq 0 ]]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

server_pid() {
  [[ -f "$DATA_DIR/postmaster.pid" ]] || return 1
  local pid
  pid="$(head -n 1 "$DATA_DIR/postmaster.pid" 2>/dev/null || true)"
  [[ "$pid" =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null && printf '%s\n' "$pid"
}

answers() {
  local bin port
  bin="$(bin_dir)"
  [[ -n "$bin" && -f "$PORT_FILE" ]] || return 1
  port="$(cat "$PORT_FILE")"
  "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -t 2
}

port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

print_env() {
  [[ -f "$ENV_FILE" ]] || die "no server state in $HOME_DIR; run: bash .ci/postgres.sh start"
  cat "$ENV_FILE"
}

write_env() {
  local port="$1"
  cat > "$ENV_FILE" <<ENV
export CALENDAR_SDK_TEST_PG_URL='jdbc:postgresql://127.0.0.1:$port/$DATABASE'
export CALENDAR_SDK_TEST_PG_USER='$SUPERUSER'
export CALENDAR_SDK_TEST_PG_PASSWORD=''
ENV
}

init_data_dir() {
  local bin="$1"
  mkdir -p "$HOME_DIR"
  chmod 755 "$HOME_DIR"
  touch "$HOME_DIR/$MARKER"
  mkdir -m 700 "$DATA_DIR"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres:postgres "$DATA_DIR"
    touch "$LOG_FILE" && chown postgres:postgres "$LOG_FILE"
  fi
  log "initdb into $DATA_DIR"
  as_owner "$bin/initdb" -D "$DATA_DIR" -U "$SUPERUSER" --auth=trust --encoding=UTF8 \
    --no-locale >"$HOME_DIR/initdb.log" 2>&1 || { cat "$HOME_DIR/initdb.log" >&2; die "initdb failed"; }
}

# Starts the server on one port; returns 1 if it exits early (e.g. the port was taken meanwhile).
launch() {
  local bin="$1" port="$2" waited=0
  log "starting postgres on 127.0.0.1:$port"
  : > "$LOG_FILE"
  # setsid: the server outlives this script and its caller's process group
  if [[ "$(id -u)" -eq 0 ]]; then
    setsid runuser -u postgres -- "$bin/postgres" -D "$DATA_DIR" -p "$port" -k "$DATA_DIR" \
      -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off -c max_connections=200 \
      </dev/null >>"$LOG_FILE" 2>&1 &
  else
    setsid "$bin/postgres" -D "$DATA_DIR" -p "$port" -k "$DATA_DIR" \
      -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off \
      -c full_page_writes=off -c max_connections=200 \
      </dev/null >>"$LOG_FILE" 2>&1 &
  fi
  local launcher=$!
  while ! "$bin/pg_isready" -q -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -t 1; do
    if ! kill -0 "$launcher" 2>/dev/null && ! server_pid >/dev/null; then
      log "postgres exited while starting:"
      tail -n 20 "$LOG_FILE" >&2 || true
      return 1
    fi
    waited=$((waited + 1))
    if (( waited > 60 )); then
      tail -n 20 "$LOG_FILE" >&2 || true
      die "postgres did not answer within 60 s"
    fi
    sleep 1
  done
  printf '%s\n' "$port" > "$PORT_FILE"
}

start() {
  if answers && server_pid >/dev/null; then
    log "already running (pid $(server_pid), port $(cat "$PORT_FILE"))"
    print_env
    return
  fi
  stop_quietly
  install_if_missing
  local bin port attempt
  bin="$(bin_dir)"
  init_data_dir "$bin"
  port="$FIRST_PORT"
  for attempt in $(seq 1 20); do
    while port_in_use "$port"; do
      port=$((port + 1))
    done
    if launch "$bin" "$port"; then
      break
    fi
    [[ "$attempt" -lt 20 ]] || die "postgres could not start; see $LOG_FILE"
    port=$((port + 1))
  done
  "$bin/psql" -q -h 127.0.0.1 -p "$port" -U "$SUPERUSER" -d postgres -v ON_ERROR_STOP=1 \
    -c "CREATE DATABASE $DATABASE" >&2 || die "could not create database $DATABASE"
  write_env "$port"
  log "PostgreSQL $("$bin/postgres" --version | awk '{print $3}') is up: pid $(server_pid), port $port, database $DATABASE"
  print_env
}

stop_quietly() {
  local pid waited=0
  if pid="$(server_pid)"; then
    log "stopping postgres (pid $pid)"
    kill -INT "$pid" 2>/dev/null || true
    while kill -0 "$pid" 2>/dev/null; do
      waited=$((waited + 1))
      if (( waited == 30 )); then
        log "postgres did not stop within 30 s; sending SIGQUIT"
        kill -QUIT "$pid" 2>/dev/null || true
      elif (( waited > 40 )); then
        kill -KILL "$pid" 2>/dev/null || true
        break
      fi
      sleep 1
    done
  fi
  remove_home
}

# Deletes the state directory, but only one this script made (it holds the marker file).
remove_home() {
  if [[ ! -e "$HOME_DIR" ]]; then
    return
  fi
  if [[ ! -f "$HOME_DIR/$MARKER" ]]; then
    die "$HOME_DIR was not made by this script (no $MARKER in it); not deleting it"
  fi
  rm -rf "$HOME_DIR"
}

stop() {
  stop_quietly
  log "stopped; removed $HOME_DIR"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  env) print_env ;;
  status)
    if answers; then log "running (pid $(server_pid || echo '?'), port $(cat "$PORT_FILE"))"; else log "not running"; exit 1; fi
    ;;
  *)
    echo "usage: bash .ci/postgres.sh start|stop|env|status" >&2
    exit 2
    ;;
esac
