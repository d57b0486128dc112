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
# peer groups and the map): p50/p99 and requests/s of wrk -t2 -c CONNECTIONS --latency, after the
# first request of each URL (which computes that snapshot's figures) has been made and timed.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-32}
YEARS=${YEARS:-2019-2023}
SCRATCH=${SCRATCH:-.build-release}
OUT=bench/out
mkdir -p "$OUT"
command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$SCRATCH" --product kansrijk >/dev/null
BIN=${BIN:-$SCRATCH/release/kansrijk}
WORK=$(mktemp -d)
SERVER_PID=""
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

export KANSRIJK_DEMO_PASSWORD=bench-wachtwoord KANSRIJK_BCRYPT_COST=4 KANSRIJK_ROOT="$PWD"
export KANSRIJK_DATABASE_PATH="$WORK/dashboard.sqlite" KANSRIJK_LOAD_DEMO=0
unset DATABASE_URL

"$BIN" migrate >/dev/null
"$BIN" monitoring demo-births --years "$YEARS" --import --output "$WORK/births.csv" >/dev/null

port=$(free_port)
base="http://127.0.0.1:$port"
"$BIN" serve --env production --hostname 127.0.0.1 --port "$port" >"$OUT/dashboard-server.log" 2>&1 &
SERVER_PID=$!
until curl -sf "$base/health/ready" >/dev/null; do sleep 0.2; done

printf 'monitor dashboards on %s, %s cores, release build, births %s\n' "$(uname -m)" "$(nproc)" "$YEARS"
# first requests: each computes (and caches) the tables it needs
for path in $(sed -n 's/^  "\(.*\)",$/\1/p' bench/urls-dashboard.lua); do
  printf '  first request %-70s %s s\n' "$path" "$(curl -s -o /dev/null -w '%{time_total}' "$base$path")"
done

summary() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
lat = {p: ms(v) for p, v in re.findall(r"\s(50|90|99)%\s+([\d.]+(?:us|ms|s))", text)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"p50 {lat['50']:.1f} ms  p90 {lat['90']:.1f} ms  p99 {lat['99']:.1f} ms  ({rps:.0f} req/s, non-2xx: {bad.group(1) if bad else 0})")
PY
}

wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$base/monitor/gemeente/GM0355" >"$OUT/dashboard-zeist-wrk.txt"
wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/urls-dashboard.lua "$base/" >"$OUT/dashboard-mix-wrk.txt"
{
  printf 'wrk -c %s -d %ss, /monitor/gemeente/GM0355:  %s\n' "$CONNECTIONS" "$DURATION" "$(summary "$OUT/dashboard-zeist-wrk.txt")"
  printf 'wrk -c %s -d %ss, urls-dashboard.lua (8 URLs): %s\n' "$CONNECTIONS" "$DURATION" "$(summary "$OUT/dashboard-mix-wrk.txt")"
} | tee "$OUT/dashboard-results.txt"
