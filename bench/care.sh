#!/usr/bin/env bash
# Care room at scale (issue 4): 200,000 clients, 500,000 referrals, 2 million audit events.
# Measures a professional's incoming worklist and a client page (each request writes its audit
# event) under `wrk -c 32` on a release build with SQLite, with the server's CPU time per request
# and the load average, and the cost of one audit write; ends with `kansrijk audit verify`.
#
#   bash bench/care.sh                       # full run (builds release)
#   CLIENTS=20000 DURATION=10 bash bench/care.sh
#   SKIP_BUILD=1 BIN=/path/to/kansrijk bash bench/care.sh
#   CARE_DB=/tmp/care-200k.sqlite bash bench/care.sh   # generate once into that file, reuse it after
#   VERIFY=0 ...                             # skip the closing `audit verify` (minutes at 2 million events)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

CLIENTS=${CLIENTS:-200000}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
bench_init

# a reused database keeps the events earlier runs wrote; the chain stays verifiable
DB=${CARE_DB:-$WORK/care.sqlite}
export KANSRIJK_DATABASE_PATH="$DB"
if [ ! -s "$DB" ]; then
  "$BIN" migrate >/dev/null
  "$BIN" demo >/dev/null
  t0=$SECONDS
  "$BIN" care generate --clients "$CLIENTS" | tee "$OUT/care-generate.log" | sed -n 's/^client page: //p' >"$DB.client-page"
  printf 'generated %s clients (%s referrals, %s audit events) in %s s\n' "$CLIENTS" "$((CLIENTS * 5 / 2))" "$((CLIENTS * 10))" "$((SECONDS - t0))"
else
  "$BIN" migrate >/dev/null
  printf 'reusing %s (%s clients)\n' "$DB" "$(sqlite3 "$DB" 'SELECT count(*) FROM care_clients' 2>/dev/null || echo '?')"
fi
CLIENT_PATH=$(cat "$DB.client-page")
"$BIN" care audit-cost | tee "$OUT/care-audit-cost.txt"

# care_row KIND: requests/s, p50/p90/p99, errors, the server's CPU µs per request, load average
care_row() {
  local txt=$OUT/care-$1.txt perf=$OUT/care-$1.perf requests cpu=""
  requests=$(sed -n 's/^ *\([0-9]*\) requests in.*/\1/p' "$txt")
  [ ! -s "$perf" ] || cpu=$(sed -n 's/^ *\([0-9.,]*\) *msec task-clock.*/\1/p' "$perf" | tr -d , |
    awk -v n="$requests" '{ printf "%.0f", $1 * 1000 / n }')
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$(awk '/Requests\/sec/ { print $2 }' "$txt")" \
    "$(awk '$1 == "50%" { print $2 }' "$txt")" "$(awk '$1 == "90%" { print $2 }' "$txt")" "$(awk '$1 == "99%" { print $2 }' "$txt")" \
    "$(awk '/Non-2xx|Socket errors/ { $1 = $1; printf "%s; ", $0 }' "$txt")" "$cpu" "$(cat "$OUT/care-$1.load")"
}

bench_serve care
COOKIE=$(bench_cookie bench@zeist.demo)
printf 'page\trequests/s\tp50\tp90\tp99\terrors\tserver CPU µs/request\tload average\n' | tee "$OUT/care-results.tsv"
for kind in worklist client; do
  target="/zorg/verwijzingen?lijst=inkomend"
  [ "$kind" = worklist ] || target=$CLIENT_PATH
  bench_wrk care "$kind" --timeout 10s -H "Cookie: $COOKIE" "$BASE$target"
  care_row "$kind" | tee -a "$OUT/care-results.tsv"
done
bench_stop
# walking 2 million events takes minutes; VERIFY=0 skips it when iterating
[ "${VERIFY:-1}" = 0 ] || "$BIN" audit verify
