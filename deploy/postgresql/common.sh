# shellcheck shell=bash
# Shared by primary.sh, replica.sh and check-replication.sh (sourced, not run).
#
# Every setting comes from the environment, with Debian 12's defaults:
#   PG_BIN         server binaries                        /usr/lib/postgresql/15/bin
#   PGDATA         the cluster's data folder              /var/lib/postgresql/15/main
#   PG_CONF_DIR    where postgresql.conf lives            $PGDATA (Debian: /etc/postgresql/15/main)
#   PG_PORT        the port this server listens on        5432
#   PG_LISTEN      listen_addresses                       localhost (set the private address of this host)
#   PG_SOCKET_DIR  unix_socket_directories                /var/run/postgresql
#   PG_START       how to (re)start the server: pg_ctl (pg_ctl with PGDATA), systemctl (PG_SYSTEMD_UNIT),
#                  none (you restart it yourself; the script waits until it answers)   pg_ctl
#   PG_SYSTEMD_UNIT                                       postgresql@15-main
# Run the scripts as the operating-system user that owns the cluster (`sudo -u postgres ...`):
# they talk to the server as the superuser `postgres` over the unix socket (peer authentication).

set -euo pipefail

PG_BIN=${PG_BIN:-/usr/lib/postgresql/15/bin}
PGDATA=${PGDATA:-/var/lib/postgresql/15/main}
PG_CONF_DIR=${PG_CONF_DIR:-$PGDATA}
PG_PORT=${PG_PORT:-5432}
PG_LISTEN=${PG_LISTEN:-localhost}
PG_SOCKET_DIR=${PG_SOCKET_DIR:-/var/run/postgresql}
PG_START=${PG_START:-pg_ctl}
PG_SYSTEMD_UNIT=${PG_SYSTEMD_UNIT:-postgresql@15-main}
export PGDATA

say() { printf '%s: %s\n' "$(basename "$0")" "$*"; }
die() {
  printf '%s: %s\n' "$(basename "$0")" "$*" >&2
  exit 1
}

require() {
  local name
  for name in "$@"; do
    [[ -n "${!name:-}" ]] || die "$name must be set"
  done
}

# psql as the superuser over the local socket; extra arguments go to psql.
local_psql() {
  "$PG_BIN/psql" --no-psqlrc --quiet --set=ON_ERROR_STOP=1 --host="$PG_SOCKET_DIR" --port="$PG_PORT" \
    --username=postgres --dbname=postgres "$@"
}

server_running() {
  "$PG_BIN/pg_isready" --quiet --host="$PG_SOCKET_DIR" --port="$PG_PORT"
}

wait_until_running() {
  local waited=0
  until server_running; do
    ((waited < 120)) || die "PostgreSQL on port $PG_PORT did not answer within 60 s"
    sleep 0.5
    waited=$((waited + 1))
  done
}

# (re)start the server so new settings apply.
restart_server() {
  case $PG_START in
    pg_ctl)
      if "$PG_BIN/pg_ctl" status >/dev/null 2>&1; then
        "$PG_BIN/pg_ctl" restart --mode=fast --wait --timeout=60 --log="$PGDATA/server.log" >/dev/null
      else
        "$PG_BIN/pg_ctl" start --wait --timeout=60 --log="$PGDATA/server.log" >/dev/null
      fi
      ;;
    systemctl) systemctl restart "$PG_SYSTEMD_UNIT" ;;
    none) say "restart PostgreSQL now (port $PG_PORT); waiting until it answers" ;;
    *) die "PG_START must be pg_ctl, systemctl or none (got '$PG_START')" ;;
  esac
  wait_until_running
}

# The settings Kansrijk relies on, in two files beside postgresql.conf that it includes:
# kansrijk.conf (the same on primary and replica) and kansrijk-node.conf (this server's address).
write_settings() {
  local conf="$PG_CONF_DIR/postgresql.conf" name
  [[ -f "$conf" ]] || die "no $conf (set PG_CONF_DIR)"
  cat >"$PG_CONF_DIR/kansrijk.conf" <<CONF
# Written by deploy/postgresql (Kansrijk); edit the script's settings, not this file.
wal_level = replica
max_wal_senders = 10
max_replication_slots = 10
# a replica that is gone for long must not fill the primary's disk with kept WAL
max_slot_wal_keep_size = 20GB
hot_standby = on
# dashboards on the replica are not cancelled by vacuum on the primary
hot_standby_feedback = on
password_encryption = scram-sha-256
CONF
  cat >"$PG_CONF_DIR/kansrijk-node.conf" <<CONF
# Written by deploy/postgresql (Kansrijk) for this server only.
listen_addresses = '$PG_LISTEN'
port = $PG_PORT
unix_socket_directories = '$PG_SOCKET_DIR'
CONF
  for name in kansrijk.conf kansrijk-node.conf; do
    grep -qxF "include_if_exists = '$name'" "$conf" || printf "include_if_exists = '%s'\n" "$name" >>"$conf"
  done
}
