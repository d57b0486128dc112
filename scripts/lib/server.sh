# shellcheck shell=bash
# Run the built server (.build/debug/kansrijk) for the API and browser tests: a free loopback
# port, a fresh SQLite file in a temp dir, the demo accounts, a cheap bcrypt cost.
# Sourced by scripts/test (after common.sh). server_start sets SERVER_URL; server_stop ends it.

SERVER_BINARY=.build/debug/kansrijk
SERVER_READY_TIMEOUT=180 # seconds; the first start migrates and seeds the demo data
SERVER_PID=""
SERVER_DIR=""
SERVER_URL=""

# server_start DEMO_PASSWORD: start the server from the repo root (Leaf finds Resources/ there)
# and wait until GET /health/ready answers 200.
server_start() {
  local demo_password=$1 port deadline status
  [[ -x "$SERVER_BINARY" ]] || { fail "$SERVER_BINARY is missing: the build step should have made it"; return 1; }
  SERVER_DIR=$(mktemp -d "${TMPDIR:-/tmp}/kansrijk-server.XXXXXX")
  port=$(free_port)
  SERVER_URL="http://127.0.0.1:$port"

  # DATABASE_URL is dropped so a developer's own setting cannot point the tests at a real database.
  env -u DATABASE_URL \
    KANSRIJK_DATABASE_PATH="$SERVER_DIR/kansrijk.sqlite" \
    KANSRIJK_DEMO_PASSWORD="$demo_password" \
    KANSRIJK_BCRYPT_COST=4 \
    "$SERVER_BINARY" serve --hostname 127.0.0.1 --port "$port" \
    </dev/null >"$SERVER_DIR/server.log" 2>&1 &
  SERVER_PID=$!
  note "server pid $SERVER_PID on $SERVER_URL (log: $SERVER_DIR/server.log)"

  deadline=$((SECONDS + SERVER_READY_TIMEOUT))
  while :; do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      local code=0
      wait "$SERVER_PID" || code=$?
      SERVER_PID=""
      server_log_tail
      fail "the server exited with status $code before it was ready"
      return 1
    fi
    status=$(http_status "$SERVER_URL/health/ready")
    if [[ "$status" == 200 ]]; then
      note "ready after $((SECONDS + SERVER_READY_TIMEOUT - deadline))s"
      return 0
    fi
    if ((SECONDS >= deadline)); then
      server_log_tail
      fail "GET /health/ready did not answer 200 within ${SERVER_READY_TIMEOUT}s (last status: $status)"
      return 1
    fi
    sleep 1
  done
}

server_log_tail() {
  [[ -n "$SERVER_DIR" && -f "$SERVER_DIR/server.log" ]] || return 0
  echo "---- last lines of the server log ----"
  tail -n 60 "$SERVER_DIR/server.log"
}

# Stop the server (SIGTERM, then SIGKILL after 10 s) and delete its temp dir. Idempotent.
server_stop() {
  if [[ -n "$SERVER_PID" ]]; then
    if kill -TERM "$SERVER_PID" 2>/dev/null; then
      local waited=0
      while kill -0 "$SERVER_PID" 2>/dev/null && ((waited < 100)); do
        sleep 0.1
        waited=$((waited + 1))
      done
      kill -KILL "$SERVER_PID" 2>/dev/null || true
    fi
    wait "$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
  if [[ -n "$SERVER_DIR" ]]; then
    rm -rf "$SERVER_DIR"
    SERVER_DIR=""
  fi
  SERVER_URL=""
}
