#!/usr/bin/env bash
# The national load bench (issue 17, ADR 0047): the whole country as one database, a mixed
# workload of signed-in people, and the machine's ceiling, side by side in one run.
#
#   bash bench/national-load/run.sh                      # national volumes, builds release (long)
#   SCALE=0.05 DURATION=15 bash bench/national-load/run.sh
#   SKIP_BUILD=1 BIN=/path/to/kansrijk SCALE=0.05 bash bench/national-load/run.sh
#   SETUPS="sqlite postgres postgres-2" (default) or a part of it
#   NL_SQLITE_DB=/tmp/nl.sqlite ...                      # keep the generated SQLite database and reuse it
#   VERIFY=0 ...                                         # skip the closing `audit verify` (minutes at 2 million events)
#   PROBE=1 ...                                          # also each request kind alone on SQLite and on PostgreSQL
#                                                        # with one instance (PROBE_SECONDS, PROBE_CONNECTIONS): the
#                                                        # server's (and the database's) CPU per request of each kind
#
# 1. Generates the national dataset (`kansrijk demo --national-load --scale SCALE --plan FILE`):
#    342 municipalities, 275 coalitions, 2,000 organisations, 8,000 professionals, 40,000 services,
#    200,000 clients, 500,000 referrals, 2 million audit events (a valid chain), ten years of births,
#    all times SCALE; once into SQLite, once into a throw-away PostgreSQL (scripts/lib/postgres.sh).
# 2. Signs in CONNECTIONS professionals (one per wrk connection), coordinators and a policy advisor,
#    with their CSRF tokens, and reads each coordinator's coalition form (form_body.py).
# 3. Runs mix.lua (wrk -t N -c N: one connection per thread, so latency per request kind) against:
#    sqlite (one instance), postgres (one instance), postgres-2 (two instances behind nginx with the
#    deploy/nginx/kansrijk.conf site: TLS, upstream over both, ports substituted); CPU and RSS per
#    process group over the run (procstat.py); the time from starting an instance to /health/ready.
# 4. The machine's ceiling in the same run: nginx serving a static copy of the search page, over
#    plain HTTP and over the TLS listener of step 3, with the same wrk settings.
# Results: bench/out/national-load-results.md (and the raw files beside it). Ends with `audit verify`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
# shellcheck source=../../scripts/lib/postgres.sh
source scripts/lib/postgres.sh

SCALE=${SCALE:-1}
DURATION=${DURATION:-20}
CONNECTIONS=${CONNECTIONS:-32}
SETUPS=${SETUPS:-sqlite postgres postgres-2}
HERE=bench/national-load
bench_init
RESULTS=$OUT/national-load-results.tsv
: >"$RESULTS"
INSTANCE_PIDS=()
NGINX_PID=""
PG_STARTED=""
export KANSRIJK_LOAD_DEMO=0

bench_extra_cleanup() {
  local pid
  for pid in "${INSTANCE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  INSTANCE_PIDS=()
  if [ -n "$NGINX_PID" ]; then kill "$NGINX_PID" 2>/dev/null || true; wait "$NGINX_PID" 2>/dev/null || true; NGINX_PID=""; fi
  if [ -n "$PG_STARTED" ]; then pg_stop || true; PG_STARTED=""; fi
}

stop_instances() {
  local pid
  for pid in "${INSTANCE_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; done
  INSTANCE_PIDS=()
}

# start_instance LABEL PORT [VAR=value...]: serves in production mode, waits for /health/ready and
# sets READY_MS (start to ready) and LAST_PID
start_instance() {
  local label=$1 port=$2 t0 pid
  shift 2
  t0=$(date +%s%N)
  # with the allocator setting deploy/systemd/kansrijk@.service gives a deployed instance
  env MALLOC_ARENA_MAX="${MALLOC_ARENA_MAX:-2}" "$@" "$BIN" serve --env production --hostname 127.0.0.1 --port "$port" >"$OUT/nl-$label-server.log" 2>&1 &
  pid=$!
  INSTANCE_PIDS+=("$pid")
  until curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null; do
    kill -0 "$pid" 2>/dev/null || { tail -20 "$OUT/nl-$label-server.log"; echo "instance $label died" >&2; exit 1; }
    sleep 0.05
  done
  READY_MS=$((($(date +%s%N) - t0) / 1000000))
  LAST_PID=$pid
}

# generate SETUP VAR=value...: migrate and generate into the database the variables name
generate() {
  local setup=$1 t0
  shift
  t0=$SECONDS
  env "$@" "$BIN" migrate >/dev/null
  env "$@" "$BIN" demo --national-load --scale "$SCALE" --plan "$WORK/$setup.plan" | tee "$OUT/nl-generate-$setup.log"
  printf 'generated %s at scale %s in %s s\n' "$setup" "$SCALE" "$((SECONDS - t0))" | tee -a "$OUT/nl-generate-$setup.log"
}

# sign_in EMAIL: session cookie "name=value" through the log-in form of $BASE
sign_in() { bench_cookie "$1"; }

# sessions SETUP: one line per wrk connection (mix.lua reads line N in thread N):
# email, cookie, csrf, coordinator cookie, coordinator csrf, coordinator form action, form body, policy cookie
sessions() {
  local setup=$1 plan=$WORK/$1.plan out=$WORK/$1.sessions policy n=0 email cookie csrf ref coord slug ccookie action body
  policy=$(sign_in policy@zeist.demo)
  mapfile -t professionals < <(awk -F'\t' '$1 == "referral" { print $2 }' "$plan" | awk '!seen[$0]++')
  mapfile -t coordinators < <(awk -F'\t' '$1 == "coordinator" { print $2 "\t" $3 }' "$plan")
  [ "${#professionals[@]}" -gt 0 ] || { echo "the plan has no professional with referrals" >&2; exit 1; }
  : >"$out"
  while [ "$n" -lt "$CONNECTIONS" ]; do
    email=${professionals[$((n % ${#professionals[@]}))]}
    cookie=$(sign_in "$email")
    ref=$(awk -F'\t' -v e="$email" '$1 == "referral" && $2 == e { print $3; exit }' "$plan")
    csrf=$(curl -s -H "Cookie: $cookie" "$BASE/zorg/verwijzingen/$ref" | sed -n 's/.*name="csrf" value="\([^"]*\)".*/\1/p' | head -1)
    ccookie="" action="" body=""
    if [ "${#coordinators[@]}" -gt 0 ]; then
      coord=${coordinators[$((n % ${#coordinators[@]}))]}
      slug=${coord#*$'\t'}
      ccookie=$(sign_in "${coord%%$'\t'*}")
      curl -s -H "Cookie: $ccookie" "$BASE/coalities/$slug/bewerken" >"$WORK/form.html"
      if IFS=$'\t' read -r action body < <(python3 "$HERE/form_body.py" "$WORK/form.html" /bewerken 2>/dev/null); then :; else action="" body=""; fi
    fi
    printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$email" "$cookie" "$csrf" "$ccookie" "" "$action" "$body" "$policy" >>"$out"
    n=$((n + 1))
  done
  printf 'signed in %s professionals (%s distinct), coordinators: %s\n' "$CONNECTIONS" "${#professionals[@]}" "${#coordinators[@]}"
}

# measure LABEL URL SETUP GROUPS...: warm-up, then the mix for DURATION with procstat over the groups
measure() {
  local label=$1 url=$2 setup=$3
  shift 3
  NL_SESSIONS=$WORK/$setup.sessions NL_PLAN=$WORK/$setup.plan NL_OUT=$WORK/warm.kinds \
    wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d3s --timeout 10s -s "$HERE/mix.lua" "$url" >/dev/null
  python3 "$HERE/procstat.py" "$OUT/nl-$label.proc" "$DURATION" "$@" &
  local stat_pid=$!
  NL_SESSIONS=$WORK/$setup.sessions NL_PLAN=$WORK/$setup.plan NL_OUT=$OUT/nl-$label.kinds \
    wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" --timeout 10s --latency -s "$HERE/mix.lua" "$url" >"$OUT/nl-$label.txt"
  wait "$stat_pid" || true
  cut -d' ' -f1 /proc/loadavg >"$OUT/nl-$label.load"
  printf '%s\t%s\t%s\n' "$label" "$(cat "$OUT/nl-$label.load")" "$*" >>"$RESULTS"
  printf '%s: %s\n' "$label" "$(head -1 "$OUT/nl-$label.kinds")"
}

# probe SETUP URL PID [DBPID]: each request kind of mix.lua alone (NL_ONLY) for PROBE_SECONDS with
# PROBE_CONNECTIONS connections: requests/s, p50/p99 and the server's CPU time per request, and
# with DBPID (PostgreSQL's postmaster) the database's CPU time per request beside it
probe() {
  local setup=$1 url=$2 pid=$3 db=${4:-} kind c=${PROBE_CONNECTIONS:-4} s=${PROBE_SECONDS:-8} groups
  groups=("kansrijk=$pid")
  [ -z "$db" ] || groups+=("postgresql=$db")
  printf 'kind\trequests/s\tp50 ms\tp99 ms\tfailed\tserver CPU ms/request\tload\tdatabase CPU ms/request\n' >"$OUT/nl-probe-$setup.tsv"
  for kind in search service worklist client referral-update coordinator-edit dashboard map hsds; do
    python3 "$HERE/procstat.py" "$WORK/probe.proc" "$s" "${groups[@]}" &
    local stat_pid=$!
    NL_ONLY=$kind NL_SESSIONS=$WORK/$setup.sessions NL_PLAN=$WORK/$setup.plan NL_OUT=$WORK/probe.kinds \
      wrk -t"$c" -c"$c" -d"${s}s" --timeout 10s -s "$HERE/mix.lua" "$url" >/dev/null
    wait "$stat_pid" || true
    awk -F'\t' -v k="$kind" -v load="$(cut -d' ' -f1 /proc/loadavg)" -v cpu="$(sed -n 1p "$WORK/probe.proc" | cut -f2)" \
      -v dbcpu="$(sed -n 2p "$WORK/probe.proc" | cut -f2)" \
      '$1 == "all" { n = $2 } $1 == k { printf "%s\t%.0f\t%s\t%s\t%s\t%.1f\t%s\t%s\n", k, $3, $4, $5, $6, (n > 0 ? cpu * 1000 / n : 0), load, (n > 0 && dbcpu != "" ? sprintf("%.1f", dbcpu * 1000 / n) : "") }' \
      "$WORK/probe.kinds" | tee -a "$OUT/nl-probe-$setup.tsv"
  done
}

# ceiling LABEL URL GROUPS...: a plain GET of the static copy with the same wrk settings
ceiling() {
  local label=$1 url=$2
  shift 2
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d3s "$url" >/dev/null
  python3 "$HERE/procstat.py" "$OUT/nl-$label.proc" "$DURATION" "$@" &
  local stat_pid=$!
  wrk -t"$CONNECTIONS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$OUT/nl-$label.txt"
  wait "$stat_pid" || true
  cut -d' ' -f1 /proc/loadavg >"$OUT/nl-$label.load"
  printf '%s\t%s\t%s\n' "$label" "$(cat "$OUT/nl-$label.load")" "$*" >>"$RESULTS"
  printf '%s: %s\n' "$label" "$(grep Requests/sec "$OUT/nl-$label.txt")"
}

# nginx_start P1 P2: the deploy/ site with the upstream on P1 and P2, TLS on NGINX_PORT with a
# self-signed certificate, plus a plain listener on CEILING_PORT serving $WORK/static
nginx_start() {
  local dir=$WORK/nginx
  mkdir -p "$dir/tmp" "$WORK/static/_bench"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 -keyout "$dir/key.pem" -out "$dir/cert.pem" 2>/dev/null
  NGINX_PORT=$(free_port)
  CEILING_PORT=$(free_port)
  sed -e "s/server 127.0.0.1:8081/server 127.0.0.1:$1/" -e "s/server 127.0.0.1:8082/server 127.0.0.1:$2/" \
    -e "s/listen 80;/listen 127.0.0.1:$(free_port);/" -e '/listen \[::\]/d' \
    -e "s/listen 443 ssl http2;/listen 127.0.0.1:$NGINX_PORT ssl;/" \
    -e "s#/etc/ssl/kansrijk/fullchain.pem#$dir/cert.pem#" -e "s#/etc/ssl/kansrijk/privkey.pem#$dir/key.pem#" \
    -e "s#/var/log/nginx/#$dir/#" \
    -e "s#^\( *\)location / {#\1location /_bench/ { root $WORK/static; }\n\1location / {#" \
    deploy/nginx/kansrijk.conf >"$dir/site.conf"
  grep -q "127.0.0.1:$1" "$dir/site.conf" && grep -q "127.0.0.1:$NGINX_PORT ssl" "$dir/site.conf" && grep -q "location /_bench/" "$dir/site.conf" ||
    { echo "deploy/nginx/kansrijk.conf no longer has the shape this script substitutes" >&2; exit 1; }
  cat >"$dir/nginx.conf" <<EOF
user root;
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    include $dir/site.conf;
    server {
        listen 127.0.0.1:$CEILING_PORT;
        access_log off;
        root $WORK/static;
    }
}
EOF
  nginx -t -c "$dir/nginx.conf" -g 'daemon off;' >/dev/null 2>&1 || { nginx -t -c "$dir/nginx.conf"; exit 1; }
  nginx -c "$dir/nginx.conf" -g 'daemon off;' &
  NGINX_PID=$!
  until curl -sfk "https://127.0.0.1:$NGINX_PORT/health/ready" >/dev/null; do sleep 0.1; done
}

command -v nginx >/dev/null || { apt-get update -qq && apt-get install -y -qq nginx; }
printf 'national load at scale %s on %s, %s cores; %s connections, %s s per run\n' "$SCALE" "$(uname -m)" "$(nproc)" "$CONNECTIONS" "$DURATION"

if [[ " $SETUPS " == *" sqlite "* ]]; then
  DB=${NL_SQLITE_DB:-$WORK/national.sqlite}
  sqlite_env=(KANSRIJK_DATABASE_PATH="$DB" KANSRIJK_AUDIT_WITNESS="$DB.witness")
  if [ -s "$DB" ] && [ -s "$DB.plan" ]; then
    cp "$DB.plan" "$WORK/sqlite.plan"
    printf 'reusing %s\n' "$DB"
  else
    generate sqlite "${sqlite_env[@]}"
    cp "$WORK/sqlite.plan" "$DB.plan"
  fi
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  start_instance sqlite "$PORT" "${sqlite_env[@]}"
  printf 'sqlite: ready %s ms after start\n' "$READY_MS" | tee "$OUT/nl-sqlite.ready"
  sessions sqlite
  measure sqlite "$BASE" sqlite "kansrijk=$LAST_PID"
  [ "${PROBE:-0}" = 0 ] || probe sqlite "$BASE" "$LAST_PID"
  stop_instances
  start_instance sqlite-restart "$PORT" "${sqlite_env[@]}"
  printf 'sqlite: ready %s ms after a restart\n' "$READY_MS" | tee -a "$OUT/nl-sqlite.ready"
  stop_instances
fi

if [[ " $SETUPS " == *" postgres"* ]]; then
  pg_start
  PG_STARTED=1
  pg_env=(DATABASE_URL="$PG_URL" KANSRIJK_AUDIT_WITNESS="$WORK/postgres.witness")
  generate postgres "${pg_env[@]}"
  PG_PID=$(head -1 "$PG_DIR/data/postmaster.pid")
  PORT=$(free_port)
  BASE="http://127.0.0.1:$PORT"
  if [[ " $SETUPS " == *" postgres "* ]]; then
    start_instance postgres "$PORT" "${pg_env[@]}"
    printf 'postgres: ready %s ms after start\n' "$READY_MS" | tee "$OUT/nl-postgres.ready"
    sessions postgres
    measure postgres "$BASE" postgres "kansrijk=$LAST_PID" "postgresql=$PG_PID"
    [ "${PROBE:-0}" = 0 ] || probe postgres "$BASE" "$LAST_PID" "$PG_PID"
    stop_instances
  fi
  if [[ " $SETUPS " == *" postgres-2 "* ]]; then
    P1=$(free_port)
    start_instance postgres-a "$P1" "${pg_env[@]}" KANSRIJK_INSTANCE_ID=a KANSRIJK_TRUSTED_PROXY=on
    A_PID=$LAST_PID A_MS=$READY_MS
    P2=$(free_port)
    start_instance postgres-b "$P2" "${pg_env[@]}" KANSRIJK_INSTANCE_ID=b KANSRIJK_TRUSTED_PROXY=on
    printf 'postgres-2: instance a ready %s ms, b %s ms after start\n' "$A_MS" "$READY_MS" | tee "$OUT/nl-postgres-2.ready"
    BASE="http://127.0.0.1:$P1"
    [ -s "$WORK/postgres.sessions" ] || sessions postgres
    nginx_start "$P1" "$P2"
    measure postgres-2 "https://127.0.0.1:$NGINX_PORT" postgres "kansrijk-a=$A_PID" "kansrijk-b=$LAST_PID" "postgresql=$PG_PID" "nginx=$NGINX_PID"
    # the ceiling: the search page as the instances serve it, copied to a static file
    curl -s -H "Cookie: $(head -1 "$WORK/postgres.sessions" | cut -f2)" "$BASE/aanbod?q=schulden&gemeente=GM0355" >"$WORK/static/_bench/aanbod.html"
    cp "$WORK/static/_bench/aanbod.html" "$WORK/static/aanbod.html"
    printf 'static copy of the search page: %s bytes\n' "$(wc -c <"$WORK/static/aanbod.html")"
    ceiling ceiling-http "http://127.0.0.1:$CEILING_PORT/aanbod.html" "nginx=$NGINX_PID"
    ceiling ceiling-https "https://127.0.0.1:$NGINX_PORT/_bench/aanbod.html" "nginx=$NGINX_PID"
    stop_instances
  fi
fi

# last, so that walking millions of events does not load the machine during a measurement
if [ "${VERIFY:-1}" != 0 ]; then
  [[ " $SETUPS " != *" sqlite "* ]] || { env "${sqlite_env[@]}" "$BIN" audit verify | tail -1 | tee "$OUT/nl-sqlite.verify"; }
  [ -z "$PG_STARTED" ] || { env "${pg_env[@]}" "$BIN" audit verify | tail -1 | tee "$OUT/nl-postgres.verify"; }
fi

python3 "$HERE/summary.py" "$OUT" "$RESULTS" "$SCALE" "$CONNECTIONS" "$DURATION" | tee "$OUT/national-load-results.md"
