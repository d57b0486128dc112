#!/usr/bin/env bash
# Shows how replication stands and exits 1 when it does not stream (for monitoring and after set-up).
# On the primary: every replica connected (state, lag in bytes and time) and every slot (active, WAL
# kept for it); fails when no replica streams or a slot is inactive. On a replica: the WAL receiver
# and how far replay is behind; fails when it does not stream.
#
#   sudo -u postgres deploy/postgresql/check-replication.sh          (settings as in common.sh)

# shellcheck source-path=SCRIPTDIR
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

server_running || die "no PostgreSQL answers on port $PG_PORT (socket in $PG_SOCKET_DIR)"

if [[ "$(local_psql --tuples-only --no-align --command='SELECT pg_is_in_recovery()')" == t ]]; then
  say "replica on port $PG_PORT"
  local_psql --command="SELECT status, sender_host, sender_port, slot_name,
      now() - pg_last_xact_replay_timestamp() AS behind_last_replayed_commit,
      pg_is_wal_replay_paused() AS replay_paused
    FROM pg_stat_wal_receiver"
  [[ "$(local_psql --tuples-only --no-align --command='SELECT status FROM pg_stat_wal_receiver')" == streaming ]] ||
    die "this replica does not stream from its primary"
else
  say "primary on port $PG_PORT"
  local_psql --command="SELECT application_name, client_addr, state, sync_state,
      pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn) AS replay_lag_bytes, replay_lag
    FROM pg_stat_replication ORDER BY application_name"
  local_psql --command="SELECT slot_name, active,
      pg_size_pretty(pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn)) AS wal_kept
    FROM pg_replication_slots ORDER BY slot_name"
  streaming=$(local_psql --tuples-only --no-align --command="SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")
  inactive=$(local_psql --tuples-only --no-align --command="SELECT string_agg(slot_name, ', ') FROM pg_replication_slots WHERE NOT active")
  ((streaming > 0)) || die "no replica streams from this primary"
  [[ -z "$inactive" ]] || die "replication slot(s) without a replica: $inactive (WAL is kept for them; drop a slot that is no longer used)"
fi
say "replication streams"
