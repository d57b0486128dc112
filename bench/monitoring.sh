#!/usr/bin/env bash
# Monitoring engine at national scale: a synthetic 10-year births extract (~1.65 million rows),
# read, aggregated and every Perined indicator computed for every municipality, GGD region,
# province and NL01 and every year, on a release build; DuckDB does the same aggregation on the
# same CSV in the same run, and the ratio is printed.
#
#   bash bench/monitoring.sh                 # full run
#   YEARS=2021-2023 bash bench/monitoring.sh # quicker
set -euo pipefail
cd "$(dirname "$0")/.."

YEARS=${YEARS:-2014-2023}
SEED=${SEED:-2021}
SCRATCH=${SCRATCH:-.build-release}
VENV=${VENV:-.build/bench-venv}
OUT=bench/out
mkdir -p "$OUT"

swift build -c release --scratch-path "$SCRATCH" >/dev/null
BIN="$SCRATCH/release/kansrijk"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c 'import duckdb' 2>/dev/null || "$VENV/bin/pip" install -q duckdb

export KANSRIJK_DATABASE_PATH="$WORK/bench.sqlite" KANSRIJK_ROOT="$PWD" KANSRIJK_DEMO_PASSWORD=bench-wachtwoord
unset DATABASE_URL
"$BIN" migrate >/dev/null
"$BIN" monitoring demo-births --years "$YEARS" --seed "$SEED" --output "$WORK/births.csv"
printf 'file: %s MB\n' "$(( $(stat -c %s "$WORK/births.csv") / 1048576 ))"

# warm the page cache for both sides alike
cat "$WORK/births.csv" >/dev/null
SWIFT=$("$BIN" monitoring bench "$WORK/births.csv" --areas-out "$WORK/areas.csv" --csv-swift)
DUCK=$("$VENV/bin/python" bench/monitoring_duckdb.py "$WORK/births.csv" "$WORK/areas.csv")
STORE=$("$BIN" monitoring bench "$WORK/births.csv" --store)
echo "kansrijk: $SWIFT"
echo "duckdb:   $DUCK"
echo "kansrijk with storing the counts (SQLite): $STORE"

python3 - "$SWIFT" "$DUCK" "$STORE" <<'PY' | tee "$OUT/monitoring.md"
import sys
def kv(s): return dict(p.split("=") for p in s.split())
k, d, s = kv(sys.argv[1]), kv(sys.argv[2]), kv(sys.argv[3])
ours = float(k["read_aggregate_s"]) + float(k["compute_s"])
duck = float(d["duckdb_s"])
stored = float(s["read_aggregate_s"]) + float(s["compute_s"]) + float(s["store_s"])
print(f"| rows | kansrijk read+aggregate | kansrijk all indicators | kansrijk total | DuckDB ({d['threads']} threads) | ratio | store counts (SQLite) | import+aggregate+store+compute | ratio to DuckDB |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
print(f"| {k['children']} | {k['read_aggregate_s']} s | {k['compute_s']} s ({k['figures']} figures) | {ours:.3f} s | {duck:.3f} s | {ours / duck:.2f}x "
      f"| {s['store_s']} s ({s['stored_rows']} rows) | {stored:.3f} s | {stored / duck:.2f}x |")
print()
print(f"Reader choice: CSV.swift only splitting the same file into fields took {k['csv_swift_read_s']} s "
      f"against {k['read_aggregate_s']} s for the scanner reading, validating and aggregating it.")
PY
