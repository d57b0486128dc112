#!/usr/bin/env bash
# Directory search at national scale: 40,000 generated services across all 342 municipalities.
# Measures the search page and HSDS /services?search= with filters under `wrk -c 32`, on a
# release build, first on SQLite and then on PostgreSQL, side by side in one run; with the
# server's CPU time per request (perf stat) and the load average, as the cores are shared.
#
#   bash bench/directory.sh            # full run (builds release, ~15 min on 2 cores)
#   SERVICES=5000 DURATION=10 bash bench/directory.sh   # quicker
#   SKIP_BUILD=1 BIN=/path/to/kansrijk bash bench/directory.sh   # a release binary built elsewhere
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh
source scripts/lib/postgres.sh

SERVICES=${SERVICES:-40000}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
SCRATCH=${SCRATCH:-.build-release}
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN=${BIN:-"$SCRATCH/release/kansrijk"}
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; pg_stop 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

export KANSRIJK_DEMO_PASSWORD=bench-wachtwoord KANSRIJK_BCRYPT_COST=4 KANSRIJK_ROOT="$PWD"

# prepare <label>: migrate, load demo + national directory, timing the generation
prepare() {
  local label=$1
  "$BIN" migrate >/dev/null
  local t0=$SECONDS
  "$BIN" demo --national "$SERVICES" >"$OUT/$label-demo.log"
  printf '%s: generated %s services in %s s\n' "$label" "$SERVICES" "$((SECONDS - t0))"
}

# serve_and_measure <label>
serve_and_measure() {
  local label=$1 port
  port=$(free_port)
  local t0
  t0=$(date +%s%N)
  "$BIN" serve --hostname 127.0.0.1 --port "$port" >"$OUT/$label-server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/$label-server.log"; echo "the server died" >&2; exit 1; }
    sleep 0.2
  done
  printf '%s: ready (directory loaded into memory) in %s ms\n' "$label" "$((($(date +%s%N) - t0) / 1000000))"
  for kind in search hsds; do
    # warm up, then measure
    wrk -t2 -c"$CONNECTIONS" -d3s -s "bench/urls-$kind.lua" "http://127.0.0.1:$port" >/dev/null
    # the server's own CPU time over the run (perf stat), so a figure means something on a
    # machine shared with other work: CPU per request does not depend on what else runs
    local stat_pid=""
    if command -v perf >/dev/null; then
      perf stat -e task-clock -p "$SERVER_PID" -o "$OUT/$label-$kind.perf" -- sleep "$DURATION" >/dev/null 2>&1 &
      stat_pid=$!
    fi
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s "bench/urls-$kind.lua" "http://127.0.0.1:$port" >"$OUT/$label-$kind.txt"
    [ -z "$stat_pid" ] || wait "$stat_pid" || true
    python3 bench/wrk_summary.py "$label" "$kind" "$OUT/$label-$kind.txt" "$OUT/$label-$kind.perf" "$(cut -d' ' -f1 /proc/loadavg)" \
      | tee -a "$OUT/results.tsv"
  done
  kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=""
}

: >"$OUT/results.tsv"
export KANSRIJK_DATABASE_PATH="$WORK/bench.sqlite"
unset DATABASE_URL
prepare sqlite
serve_and_measure sqlite

pg_start
export DATABASE_URL="$PG_URL"
prepare postgres
KANSRIJK_AUTO_MIGRATE=0 serve_and_measure postgres

python3 bench/wrk_summary.py --table "$OUT/results.tsv" | tee "$OUT/results.md"
