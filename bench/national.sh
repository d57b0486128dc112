#!/usr/bin/env bash
# The national map page (/landelijk): all 342 municipalities on the server-rendered SVG map plus
# the full table, on a release build with the demo data, SQLite. The target is 50 ms server time.
#
#   bash bench/national.sh                  # builds release (reuses .build-release), ~2 min after the build
#   DURATION=5 bash bench/national.sh       # quicker
#   SKIP_BUILD=1 bash bench/national.sh     # use the release binary as it is
#
# Prints p50/p99 of (1) wrk --latency -c 4 for DURATION seconds and (2) 300 sequential requests
# with curl (time to first byte, so without the transfer), each in production mode (Leaf cache on,
# as deployed) and development mode (templates re-read per request, as `kansrijk serve` defaults).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

DURATION=${DURATION:-15}
CONNECTIONS=${CONNECTIONS:-4}
SEQUENTIAL=${SEQUENTIAL:-300}
PATH_UNDER_TEST=${PATH_UNDER_TEST:-/landelijk}
bench_init
export KANSRIJK_DATABASE_PATH="$WORK/national.sqlite"
unset DATABASE_URL

# p50/p99 from wrk --latency output, or from a file of seconds (one per line)
percentiles_wrk() {
  python3 - "$1" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
def ms(v):
    n, unit = re.match(r"([\d.]+)(us|ms|s)", v).groups()
    return float(n) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
lat = {p: ms(v) for p, v in re.findall(r"\s(50|99)%\s+([\d.]+(?:us|ms|s))", text)}
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
print(f"p50 {lat['50']:.1f} ms  p99 {lat['99']:.1f} ms  ({rps:.0f} req/s, non-2xx: {bad.group(1) if bad else 0})")
PY
}
percentiles_seconds() {
  python3 - "$1" <<'PY'
import sys
xs = sorted(float(l) * 1000 for l in open(sys.argv[1]) if l.strip())
pick = lambda q: xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]
print(f"p50 {pick(0.50):.1f} ms  p99 {pick(0.99):.1f} ms  (n={len(xs)})")
PY
}

# measure <mode>: serve in that Vapor environment and measure the page
measure() {
  local mode=$1 url
  bench_serve "national-$mode" --env "$mode"
  url="$BASE$PATH_UNDER_TEST"
  local bytes
  bytes=$(curl -s "$url" | wc -c)
  for _ in $(seq 1 20); do curl -s -o /dev/null "$url"; done   # warm up
  : >"$OUT/national-$mode-sequential.txt"
  for _ in $(seq 1 "$SEQUENTIAL"); do
    curl -s -o /dev/null -w '%{time_starttransfer}\n' "$url" >>"$OUT/national-$mode-sequential.txt"
  done
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$OUT/national-$mode-wrk.txt"
  printf '%-11s %s (%s bytes)\n' "$mode" "$PATH_UNDER_TEST" "$bytes"
  printf '  sequential curl, time to first byte: %s\n' "$(percentiles_seconds "$OUT/national-$mode-sequential.txt")"
  printf '  wrk -c %s -d %ss --latency:           %s\n' "$CONNECTIONS" "$DURATION" "$(percentiles_wrk "$OUT/national-$mode-wrk.txt")"
  bench_stop
}

"$BIN" migrate >/dev/null
"$BIN" demo >/dev/null
printf 'national overview on %s, %s cores, release build\n' "$(uname -m)" "$(nproc)"
measure production | tee "$OUT/national-results.txt"
measure development | tee -a "$OUT/national-results.txt"
