#!/usr/bin/env bash
# Care room at scale (issue 4): 200,000 clients, 500,000 referrals, 2 million audit events.
# Measures a professional's incoming worklist and a client page (each request writes its audit
# event) under `wrk -c 32` on a release build with SQLite, and the cost of one audit write.
#
#   bash bench/care.sh                       # full run (builds release)
#   CLIENTS=20000 DURATION=10 bash bench/care.sh
#   SKIP_BUILD=1 BIN=/path/to/kansrijk bash bench/care.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/common.sh

CLIENTS=${CLIENTS:-200000}
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
cleanup() { [ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null || true; rm -rf "$WORK"; }
trap cleanup EXIT

export KANSRIJK_DEMO_PASSWORD=bench-wachtwoord KANSRIJK_BCRYPT_COST=4 KANSRIJK_ROOT="$PWD"
export KANSRIJK_DATABASE_PATH="$WORK/care.sqlite"

"$BIN" migrate >/dev/null
"$BIN" demo >/dev/null
t0=$SECONDS
CLIENT_PATH=$("$BIN" care generate --clients "$CLIENTS" | tee "$OUT/care-generate.log" | sed -n 's/^client page: //p')
printf 'generated %s clients (%s referrals, %s audit events) in %s s\n' "$CLIENTS" "$((CLIENTS * 5 / 2))" "$((CLIENTS * 10))" "$((SECONDS - t0))"
"$BIN" care audit-cost | tee "$OUT/care-audit-cost.txt"

port=$(free_port)
"$BIN" serve --hostname 127.0.0.1 --port "$port" >"$OUT/care-server.log" 2>&1 &
SERVER_PID=$!
until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
  kill -0 "$SERVER_PID" 2>/dev/null || { tail -20 "$OUT/care-server.log"; echo "the server died" >&2; exit 1; }
  sleep 0.2
done

# sign in as the bench professional through the real form; wrk sends the session cookie
JAR="$WORK/cookies"
token=$(curl -s -c "$JAR" "http://127.0.0.1:$port/inloggen" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
curl -s -b "$JAR" -c "$JAR" -o /dev/null -X POST "http://127.0.0.1:$port/inloggen" \
  --data-urlencode "csrf=$token" --data-urlencode "email=bench@zeist.demo" --data-urlencode "password=$KANSRIJK_DEMO_PASSWORD"
COOKIE="kansrijk_sessie=$(awk '$6 == "kansrijk_sessie" { print $7 }' "$JAR")"

for target in "/zorg/verwijzingen?lijst=inkomend" "$CLIENT_PATH"; do
  wrk -t2 -c"$CONNECTIONS" -d3s -H "Cookie: $COOKIE" "http://127.0.0.1:$port$target" >/dev/null
  wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency -H "Cookie: $COOKIE" "http://127.0.0.1:$port$target" | tee "$OUT/care-$(echo "$target" | tr -c 'a-z0-9' '_').txt" |
    grep -E "Requests/sec|50%|90%|99%|Non-2xx|Socket errors" | sed "s|^|$target  |"
done
"$BIN" audit verify
