#!/usr/bin/env bash
# Makes this server a streaming replica of the primary: a copy of the primary with pg_basebackup
# (WAL streamed alongside, its own replication slot, standby.signal and primary_conninfo written by
# --write-recovery-conf), the Kansrijk settings, then a start, and waits until it streams.
# Read-only: Kansrijk sends its heavy reads here (KANSRIJK_DATABASE_READ_URL).
#
#   sudo -u postgres env PRIMARY_HOST=10.0.0.10 REPLICATION_PASSWORD=... REPLICA_SLOT=replica1 \
#     PG_CONF_DIR=/etc/postgresql/15/main PG_LISTEN=10.0.0.11 PG_START=systemctl deploy/postgresql/replica.sh
#
# Settings (besides those in common.sh):
#   PRIMARY_HOST, PRIMARY_PORT   the primary                       (required), 5432
#   REPLICATION_PASSWORD         as given to primary.sh            (required)
#   REPLICATION_USER                                               replicator
#   REPLICA_SLOT                 one of primary.sh's REPLICA_SLOTS replica1
# PGDATA must be empty or absent: on Debian stop the cluster the package made and empty its data
# folder first (`systemctl stop postgresql@15-main && rm -rf /var/lib/postgresql/15/main/*`); the
# script refuses to overwrite data. There the configuration stays outside PGDATA, so the copy does not
# bring the primary's pg_hba.conf: add its `# kansrijk` block by hand before you would promote this server.

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require PRIMARY_HOST REPLICATION_PASSWORD
PRIMARY_PORT=${PRIMARY_PORT:-5432}
REPLICATION_USER=${REPLICATION_USER:-replicator}
REPLICA_SLOT=${REPLICA_SLOT:-replica1}

if [[ -d "$PGDATA" ]] && [[ -n "$(ls -A "$PGDATA")" ]]; then
  die "$PGDATA is not empty: a replica starts from an empty data folder (see the comment at the top)"
fi
mkdir -p "$PGDATA"
chmod 700 "$PGDATA"

say "pg_basebackup from $PRIMARY_HOST:$PRIMARY_PORT into $PGDATA (slot $REPLICA_SLOT)"
# The password goes through the environment, and --write-recovery-conf keeps it in
# primary_conninfo (postgresql.auto.conf, readable by postgres only).
PGPASSWORD=$REPLICATION_PASSWORD "$PG_BIN/pg_basebackup" --host="$PRIMARY_HOST" --port="$PRIMARY_PORT" \
  --username="$REPLICATION_USER" --dbname="application_name=$REPLICA_SLOT" --pgdata="$PGDATA" --wal-method=stream --slot="$REPLICA_SLOT" \
  --write-recovery-conf --checkpoint=fast --no-password

[[ -f "$PGDATA/standby.signal" ]] || die "pg_basebackup wrote no standby.signal"
write_settings

case $PG_START in
  pg_ctl) "$PG_BIN/pg_ctl" start --wait --timeout=60 --log="$PGDATA/server.log" >/dev/null ;;
  systemctl) systemctl start "$PG_SYSTEMD_UNIT" ;;
  none) say "start PostgreSQL now (port $PG_PORT); waiting until it answers" ;;
  *) die "PG_START must be pg_ctl, systemctl or none (got '$PG_START')" ;;
esac
wait_until_running

[[ "$(local_psql --tuples-only --no-align --command='SELECT pg_is_in_recovery()')" == t ]] ||
  die "the server on port $PG_PORT is not in recovery: it is not a replica"
waited=0
until [[ "$(local_psql --tuples-only --no-align --command='SELECT status FROM pg_stat_wal_receiver')" == streaming ]]; do
  ((waited < 120)) || die "the replica does not stream from $PRIMARY_HOST:$PRIMARY_PORT after 60 s (see the server log)"
  sleep 0.5
  waited=$((waited + 1))
done
say "replica on port $PG_PORT streams from $PRIMARY_HOST:$PRIMARY_PORT (slot $REPLICA_SLOT)"
