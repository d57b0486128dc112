#!/usr/bin/env bash
# The public monitor's dashboards (/monitor/...): release build, SQLite, five years (2019-2023) of
# the synthetic national births extract as the demo loads them, production mode (Leaf cache on).
# Target: p99 < 30 ms under wrk -c 32.
#
#   bash bench/dashboard.sh                 # builds release (reuses .build-release)
#   DURATION=5 bash bench/dashboard.sh      # quicker
#   SKIP_BUILD=1 bash bench/dashboard.sh    # use the release binary as it is
#
# Prints, for one dashboard (Zeist) and for bench/urls-dashboard.lua (eight rotating dashboards,
# peer groups and the map): p50/p99, requests/s and the server CPU per request of wrk -t2 -c CONNECTIONS
# --latency (bench/lib.sh: a 3 s warm-up, perf stat on the server), after the
# first request of each URL (which computes that snapshot's figures) has been made and timed.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
YEARS=${YEARS:-2019-2023}
bench_init
export KANSRIJK_DATABASE_PATH="$WORK/dashboard.sqlite" KANSRIJK_LOAD_DEMO=0
unset DATABASE_URL

"$BIN" migrate >/dev/null
"$BIN" monitoring demo-births --years "$YEARS" --import --output "$WORK/births.csv" >/dev/null

bench_serve dashboard --env production
base=$BASE

printf 'monitor dashboards on %s, %s cores, release build, births %s\n' "$(uname -m)" "$(nproc)" "$YEARS"
# first requests: each computes (and caches) the tables it needs
for path in $(sed -n 's/^  "\(.*\)",$/\1/p' bench/urls-dashboard.lua); do
  printf '  first request %-70s %s s\n' "$path" "$(curl -s -o /dev/null -w '%{time_total}' "$base$path")"
done

summary() {
  python3 - "$OUT/dashboard-$1.txt" "$OUT/dashboard-$1.perf" <<'PY'
import os, re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
lat = {p: ms(v) for p, v in re.findall(r"\s(50|90|99)%\s+([\d.]+(?:us|ms|s))", text)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
requests = int(re.search(r"(\d+) requests in", text).group(1))
clock = re.search(r"([\d.,]+)\s+msec task-clock", open(sys.argv[2]).read()) if os.path.exists(sys.argv[2]) else None
cpu = f", server CPU {float(clock.group(1).replace(',', '')) * 1000 / requests:.0f} µs/request" if clock and requests else ""
print(f"p50 {lat['50']:.1f} ms  p90 {lat['90']:.1f} ms  p99 {lat['99']:.1f} ms  ({rps:.0f} req/s, non-2xx: {bad.group(1) if bad else 0}{cpu})")
PY
}

bench_wrk dashboard zeist "$base/monitor/gemeente/GM0355"
bench_wrk dashboard mix -s bench/urls-dashboard.lua "$base/"
{
  printf 'wrk -c %s -d %ss, /monitor/gemeente/GM0355:  %s\n' "$CONNECTIONS" "$DURATION" "$(summary zeist)"
  printf 'wrk -c %s -d %ss, urls-dashboard.lua (8 URLs): %s\n' "$CONNECTIONS" "$DURATION" "$(summary mix)"
  printf 'load average %s\n' "$(cat "$OUT/dashboard-mix.load")"
} | tee "$OUT/dashboard-results.txt"
