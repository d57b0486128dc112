#!/usr/bin/env bash
# Sets up the PostgreSQL primary for Kansrijk: WAL for streaming replication, the database and its
# owner, a replication role with one physical slot per replica, and who may connect (pg_hba.conf).
# Safe to run again: it changes what differs and keeps the data.
#
#   sudo -u postgres env KANSRIJK_DB_PASSWORD=... REPLICATION_PASSWORD=... \
#     PG_CONF_DIR=/etc/postgresql/15/main PG_LISTEN=10.0.0.10 APP_NETWORK=10.0.0.0/24 \
#     REPLICA_NETWORK=10.0.0.0/24 PG_START=systemctl deploy/postgresql/primary.sh
#
# Settings (besides those in common.sh):
#   KANSRIJK_DB_PASSWORD   password of the database owner the instances connect as (required)
#   REPLICATION_PASSWORD   password of the role replicas stream as (required)
#   KANSRIJK_DB            database name                           kansrijk
#   KANSRIJK_DB_USER       its owner, in DATABASE_URL              kansrijk
#   REPLICATION_USER       role for pg_basebackup and streaming    replicator
#   REPLICA_SLOTS          physical slots, one per replica         replica1
#   APP_NETWORK            address range of the Kansrijk hosts     127.0.0.1/32
#   REPLICA_NETWORK        address range of the replicas           127.0.0.1/32
# With an empty PGDATA it first runs initdb (UTF-8, data checksums); on Debian the package made the
# cluster already (`pg_createcluster`), and this step is skipped.

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require KANSRIJK_DB_PASSWORD REPLICATION_PASSWORD
KANSRIJK_DB=${KANSRIJK_DB:-kansrijk}
KANSRIJK_DB_USER=${KANSRIJK_DB_USER:-kansrijk}
REPLICATION_USER=${REPLICATION_USER:-replicator}
REPLICA_SLOTS=${REPLICA_SLOTS:-replica1}
APP_NETWORK=${APP_NETWORK:-127.0.0.1/32}
REPLICA_NETWORK=${REPLICA_NETWORK:-127.0.0.1/32}

if [[ ! -f "$PGDATA/PG_VERSION" ]]; then
  say "initdb in $PGDATA"
  mkdir -p "$PGDATA"
  chmod 700 "$PGDATA"
  "$PG_BIN/initdb" --pgdata="$PGDATA" --username=postgres --auth-local=peer --auth-host=scram-sha-256 \
    --encoding=UTF8 --locale=C.UTF-8 --data-checksums >/dev/null
fi

write_settings

# Who may connect: the instances to their database, the replicas for streaming. Between markers,
# so a second run replaces the block instead of adding another.
hba="$PG_CONF_DIR/pg_hba.conf"
[[ -f "$hba" ]] || die "no $hba"
sed -i '/^# kansrijk: begin$/,/^# kansrijk: end$/d' "$hba"
cat >>"$hba" <<HBA
# kansrijk: begin
host    $KANSRIJK_DB    $KANSRIJK_DB_USER    $APP_NETWORK    scram-sha-256
host    replication    $REPLICATION_USER    $REPLICA_NETWORK    scram-sha-256
# kansrijk: end
HBA

restart_server

# Roles, database and slots; the passwords travel as psql variables, never inside the SQL text.
local_psql --set=app_user="$KANSRIJK_DB_USER" --set=app_password="$KANSRIJK_DB_PASSWORD" \
  --set=app_db="$KANSRIJK_DB" --set=repl_user="$REPLICATION_USER" \
  --set=repl_password="$REPLICATION_PASSWORD" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'app_user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'app_user') \gexec
SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', :'app_user', :'app_password') \gexec
SELECT format('CREATE ROLE %I LOGIN REPLICATION', :'repl_user') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'repl_user') \gexec
SELECT format('ALTER ROLE %I LOGIN REPLICATION PASSWORD %L', :'repl_user', :'repl_password') \gexec
SELECT format('CREATE DATABASE %I OWNER %I ENCODING %L TEMPLATE template0', :'app_db', :'app_user', 'UTF8')
  WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'app_db') \gexec
SQL

for slot in $REPLICA_SLOTS; do
  local_psql --tuples-only --set=slot="$slot" >/dev/null <<'SQL'
SELECT 1 FROM pg_create_physical_replication_slot(:'slot') WHERE NOT EXISTS (SELECT 1 FROM pg_replication_slots WHERE slot_name = :'slot');
SQL
done

say "primary ready on port $PG_PORT: database $KANSRIJK_DB (owner $KANSRIJK_DB_USER), replication as $REPLICATION_USER, slots: $REPLICA_SLOTS"
