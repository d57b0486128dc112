# shellcheck shell=bash
# What the bench scripts share: the release binary, a work directory, starting the server on a
# free port, a signed-in cookie, and perf stat around a wrk run. Sourced after `cd` to the
# repository root, with `set -euo pipefail`:
#
#   source bench/lib.sh
#   bench_init                 # wrk present, binary built (or SKIP_BUILD/BIN), $WORK, $OUT, cleanup
#   bench_serve LABEL [ARGS]   # serve on a free port, wait for /health/ready; sets $PORT, $BASE, $SERVER_PID
#   bench_cookie EMAIL         # prints a session cookie of a demo account (log-in form, CSRF included)
#   bench_wrk LABEL KIND ARGS  # wrk --latency with perf stat on the server: $OUT/LABEL-KIND.txt and .perf
#   bench_stop                 # stops the server
#
# Settings: SKIP_BUILD=1 skips the build; BIN the binary (default $SCRATCH/release/kansrijk);
# SCRATCH the release scratch directory (default .build-release); DURATION, CONNECTIONS.
# shellcheck source=../scripts/lib/common.sh
source scripts/lib/common.sh

SCRATCH=${SCRATCH:-.build-release}
OUT=bench/out
SERVER_PID=""
PORT=""
BASE=""
WORK=""

export KANSRIJK_DEMO_PASSWORD=${KANSRIJK_DEMO_PASSWORD:-bench-wachtwoord} KANSRIJK_BCRYPT_COST=4 KANSRIJK_ROOT="$PWD"

bench_cleanup() {
  bench_stop
  if declare -F bench_extra_cleanup >/dev/null; then bench_extra_cleanup; fi
  [ -z "$WORK" ] || rm -rf "$WORK"
}

bench_init() {
  mkdir -p "$OUT"
  command -v wrk >/dev/null || { apt-get update -qq && apt-get install -y -qq wrk; }
  [ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$SCRATCH" --product kansrijk >/dev/null
  BIN=${BIN:-$SCRATCH/release/kansrijk}
  WORK=$(mktemp -d)
  trap bench_cleanup EXIT
}

# bench_serve LABEL [serve arguments...]: the server's log goes to $OUT/LABEL-server.log
bench_serve() {
  local label=$1 t0
  shift
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  t0=$(date +%s%N)
  "$BIN" serve "$@" --hostname 127.0.0.1 --port "$PORT" >"$OUT/$label-server.log" 2>&1 &
  SERVER_PID=$!
  until curl -sf "$BASE/health/ready" >/dev/null; do
    kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/$label-server.log"; echo "the server died" >&2; exit 1; }
    sleep 0.2
  done
  BENCH_READY_MS=$((($(date +%s%N) - t0) / 1000000))
}

bench_stop() {
  [ -n "$SERVER_PID" ] || return 0
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

# bench_cookie EMAIL: signs in through the log-in form and prints "name=value" of the session cookie
bench_cookie() {
  local jar=$WORK/cookies-$1 csrf
  csrf=$(curl -s -c "$jar" "$BASE/inloggen" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
  curl -s -b "$jar" -c "$jar" -o /dev/null --data-urlencode "csrf=$csrf" --data-urlencode "email=$1" \
    --data-urlencode "password=$KANSRIJK_DEMO_PASSWORD" "$BASE/inloggen"
  awk '$6 == "kansrijk_sessie" { print $6 "=" $7 }' "$jar"
}

# bench_wrk LABEL KIND [wrk arguments...]: a 3 s warm-up, then wrk -t2 -c$CONNECTIONS -d$DURATION
# --latency with the server's CPU time over the run (perf stat), so a figure means something on
# a machine shared with other work: CPU per request does not depend on what else runs.
# Also records the load average at the end in $OUT/LABEL-KIND.load.
bench_wrk() {
  local label=$1 kind=$2 stat_pid=""
  shift 2
  wrk -t2 -c"$CONNECTIONS" -d3s "$@" >/dev/null
  if command -v perf >/dev/null; then
    perf stat -e task-clock -p "$SERVER_PID" -o "$OUT/$label-$kind.perf" -- sleep "$DURATION" >/dev/null 2>&1 &
    stat_pid=$!
  fi
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" >"$OUT/$label-$kind.txt"
  [ -z "$stat_pid" ] || wait "$stat_pid" || true
  cut -d' ' -f1 /proc/loadavg >"$OUT/$label-$kind.load"
}

# bench_row LABEL KIND: one TSV row (requests/s, percentiles, CPU µs/request, load) of a bench_wrk run
bench_row() {
  python3 bench/wrk_summary.py "$1" "$2" "$OUT/$1-$2.txt" "$OUT/$1-$2.perf" "$(cat "$OUT/$1-$2.load")"
}
