#!/usr/bin/env bash
# Directory search at national scale: 40,000 generated services across all 342 municipalities.
# Measures the search page and HSDS /services?search= with filters under `wrk -c 32`, on a
# release build, first on SQLite and then on PostgreSQL, side by side in one run; with the
# server's CPU time per request (perf stat) and the load average, as the cores are shared.
#
#   bash bench/directory.sh            # full run (builds release, ~15 min on 2 cores)
#   SERVICES=5000 DURATION=10 bash bench/directory.sh   # quicker
#   SKIP_BUILD=1 BIN=/path/to/kansrijk bash bench/directory.sh   # a release binary built elsewhere
#   SQLITE_DB=/tmp/national.sqlite bash bench/directory.sh   # keep the generated SQLite database
#       there and reuse it on the next run with the same SERVICES (saves the ~2 min generation)
#   DATABASES=sqlite bash bench/directory.sh                 # only SQLite (default: sqlite postgres)
#   KINDS="search hsds phrases" bash bench/directory.sh     # also the phrases of several words (issue 15)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh
source scripts/lib/postgres.sh

SERVICES=${SERVICES:-40000}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
DATABASES=${DATABASES:-sqlite postgres}
KINDS=${KINDS:-search hsds}
bench_extra_cleanup() { pg_stop 2>/dev/null || true; }
bench_init

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
  local label=$1
  bench_serve "$label"
  printf '%s: ready (directory loaded into memory) in %s ms\n' "$label" "$BENCH_READY_MS"
  for kind in $KINDS; do
    local script=bench/urls-$kind.lua
    [ "$kind" != phrases ] || script=bench/urls-search-phrases.lua
    bench_wrk "$label" "$kind" -s "$script" "$BASE"
    bench_row "$label" "$kind" | tee -a "$OUT/results.tsv"
  done
  bench_stop
}

: >"$OUT/results.tsv"
unset DATABASE_URL
if [[ " $DATABASES " == *" sqlite "* ]]; then
  export KANSRIJK_DATABASE_PATH=${SQLITE_DB:-$WORK/bench.sqlite}
  # a kept database is reused only if it was generated with the same number of services
  if [ -n "${SQLITE_DB:-}" ] && [ -f "$SQLITE_DB" ] && [ "$(cat "$SQLITE_DB.services" 2>/dev/null)" = "$SERVICES" ]; then
    printf 'sqlite: reusing %s (%s services)\n' "$SQLITE_DB" "$SERVICES"
  else
    rm -f "$KANSRIJK_DATABASE_PATH"{,-wal,-shm,.services}
    prepare sqlite
    [ -z "${SQLITE_DB:-}" ] || echo "$SERVICES" >"$SQLITE_DB.services"
  fi
  serve_and_measure sqlite
fi

if [[ " $DATABASES " == *" postgres "* ]]; then
  pg_start
  export DATABASE_URL="$PG_URL"
  prepare postgres
  KANSRIJK_AUTO_MIGRATE=0 serve_and_measure postgres
fi

python3 bench/wrk_summary.py --table "$OUT/results.tsv" | tee "$OUT/results.md"
