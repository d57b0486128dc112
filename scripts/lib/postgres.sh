# shellcheck shell=bash disable=SC2034 # PG_URL and friends are read by scripts/test
# A throw-away PostgreSQL 15 cluster for the Swift suite: its own temp dir, a free loopback port,
# a private socket dir, trust auth on loopback, and a database `kansrijk_test` (the Swift tests copy
# their own databases from templates they make there, ADR 0049).
# Sourced by scripts/test (after common.sh). pg_start sets PG_URL; pg_stop removes everything.
#
# initdb refuses to run as root, so as root the server runs as the `postgres` user (created by
# Debian's postgresql package), which must own the temp dir.

PG_DIR=""
PG_BIN=""
PG_PORT=""
PG_URL=""
PG_DATABASE=kansrijk_test

# Run a command as the cluster's owner: `postgres` when we are root, else ourselves.
# Runs in the cluster's dir, so postgres never sits in a directory it cannot read.
as_pg_owner() {
  if ((EUID == 0)); then
    (cd "$PG_DIR" && runuser -u postgres -- "$@")
  else
    (cd "$PG_DIR" && "$@")
  fi
}

pg_find_bin() {
  local dir
  # Version 15 is what Debian 12 ships and CI uses; any other installed server will do locally.
  for dir in /usr/lib/postgresql/15/bin /usr/lib/postgresql/*/bin; do
    [[ -x "$dir/initdb" && -x "$dir/pg_ctl" ]] && { echo "$dir"; return 0; }
  done
  return 1
}

# Options for the server, on one line: pg_ctl hands them to /bin/sh.
# Durability is pointless for a throw-away cluster; turning it off makes the suite faster.
pg_server_options() {
  printf '%s ' -c listen_addresses=127.0.0.1 -c "port=$PG_PORT" -c "unix_socket_directories='$PG_DIR/socket'" \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300
}

pg_start() {
  PG_BIN=$(pg_find_bin) || { fail "PostgreSQL server binaries not found under /usr/lib/postgresql"; return 1; }
  PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kansrijk-pg.XXXXXX")
  chmod 700 "$PG_DIR"
  if ((EUID == 0)); then
    chown postgres:postgres "$PG_DIR"
    runuser -u postgres -- test -w "$PG_DIR" ||
      { fail "user postgres cannot write $PG_DIR (is a parent dir of TMPDIR closed to it?)"; return 1; }
  fi
  as_pg_owner mkdir "$PG_DIR/socket"

  # No locale: byte-order collation, the same on every machine; UTF-8 for Dutch text.
  as_pg_owner "$PG_BIN/initdb" --pgdata="$PG_DIR/data" --username=postgres --auth=trust \
      --encoding=UTF8 --no-locale >"$PG_DIR/initdb.log" 2>&1 ||
    { cat "$PG_DIR/initdb.log" >&2; fail "initdb failed"; return 1; }

  # The port is free when chosen but could be taken before the server binds it: retry a little.
  local attempt
  for attempt in 1 2 3; do
    PG_PORT=$(free_port)
    if as_pg_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" --log="$PG_DIR/server.log" --wait --timeout=60 \
        -o "$(pg_server_options)" start >/dev/null; then
      break
    fi
    if ((attempt == 3)); then
      cat "$PG_DIR/server.log" >&2
      fail "PostgreSQL did not start"
      return 1
    fi
  done

  as_pg_owner "$PG_BIN/psql" --no-psqlrc --quiet --host=127.0.0.1 --port="$PG_PORT" --username=postgres \
      --dbname=postgres --set=ON_ERROR_STOP=1 --command="CREATE DATABASE $PG_DATABASE" ||
    { fail "could not create database $PG_DATABASE"; return 1; }
  PG_URL="postgres://postgres@127.0.0.1:$PG_PORT/$PG_DATABASE"
  note "PostgreSQL $("$PG_BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
}

# Show the end of the server log (after a failure, it often says why).
pg_log_tail() {
  [[ -n "$PG_DIR" && -f "$PG_DIR/server.log" ]] || return 0
  echo "---- last lines of the PostgreSQL log ----"
  tail -n 40 "$PG_DIR/server.log"
}

# Stop the cluster and delete it. Safe to call more than once, and when nothing was started.
pg_stop() {
  [[ -n "$PG_DIR" ]] || return 0
  if [[ -f "$PG_DIR/data/postmaster.pid" ]]; then
    local pid
    pid=$(head -n 1 "$PG_DIR/data/postmaster.pid")
    as_pg_owner "$PG_BIN/pg_ctl" --pgdata="$PG_DIR/data" --mode=fast --wait --timeout=30 stop >/dev/null 2>&1 ||
      { [[ -n "$pid" ]] && kill -KILL "$pid" 2>/dev/null; } || true
  fi
  rm -rf "$PG_DIR"
  PG_DIR=""
  PG_URL=""
}
