#!/usr/bin/env bash
# Monitoring engine at national scale: a synthetic 10-year births extract (~1.65 million rows),
# read, aggregated and every Perined indicator computed for every municipality, GGD region,
# province and NL01 and every year, on a release build; DuckDB does the same aggregation on the
# same CSV in the same run, and the ratio is printed. Each run also times the real command,
# `kansrijk import births FILE` (read, aggregate, store the counts in SQLite), as a whole process,
# first into an empty database and then again over its own counts (a re-import).
#
#   bash bench/monitoring.sh                                   # full run (builds first)
#   SKIP_BUILD=1 BIN=/tmp/kansrijk bash bench/monitoring.sh    # an already built release binary
#   RUNS=5 YEARS=2021-2023 bash bench/monitoring.sh            # more runs, a smaller file
set -euo pipefail
cd "$(dirname "$0")/.."

YEARS=${YEARS:-2014-2023}
SEED=${SEED:-2021}
RUNS=${RUNS:-3}
SCRATCH=${SCRATCH:-.build-release}
VENV=${VENV:-.build/bench-venv}
OUT=bench/out
mkdir -p "$OUT"

[ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$SCRATCH" --product kansrijk >/dev/null
BIN=${BIN:-$SCRATCH/release/kansrijk}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

if [ ! -x "$VENV/bin/python" ]; then python3 -m venv "$VENV"; fi
"$VENV/bin/python" -c 'import duckdb' 2>/dev/null || "$VENV/bin/pip" install -q duckdb

export KANSRIJK_DATABASE_PATH="$WORK/empty.sqlite" KANSRIJK_ROOT="$PWD" KANSRIJK_DEMO_PASSWORD=bench-wachtwoord
unset DATABASE_URL
"$BIN" migrate >/dev/null
"$BIN" monitoring demo-births --years "$YEARS" --seed "$SEED" --output "$WORK/births.csv"
printf 'file: %s MB\n' "$(( $(stat -c %s "$WORK/births.csv") / 1048576 ))"
"$BIN" monitoring bench "$WORK/births.csv" --areas-out "$WORK/areas.csv" >/dev/null

# seconds a command takes as a whole process, its output dropped
wall() {
  local start end
  start=$(date +%s%N)
  "$@" >/dev/null
  end=$(date +%s%N)
  printf '%d.%03d\n' $(( (end - start) / 1000000000 )) $(( (end - start) / 1000000 % 1000 ))
}
# key=value pairs with a prefix on each key (a back-reference, so sed)
# shellcheck disable=SC2001
prefix() { echo "$2" | sed "s/\([a-z_]*\)=/$1_\1=/g"; }

: >"$WORK/runs.txt"
for run in $(seq "$RUNS"); do
  # warm the page cache for both sides alike
  cat "$WORK/births.csv" >/dev/null
  LOAD=$(cut -d' ' -f1 /proc/loadavg)
  CSV_FLAG=()
  [ "$run" -gt 1 ] || CSV_FLAG=(--csv-file)
  SWIFT=$(KANSRIJK_DATABASE_PATH="$WORK/empty.sqlite" "$BIN" monitoring bench "$WORK/births.csv" "${CSV_FLAG[@]}")
  DUCK=$("$VENV/bin/python" bench/monitoring_duckdb.py "$WORK/births.csv" "$WORK/areas.csv")
  cp "$WORK/empty.sqlite" "$WORK/store.sqlite"
  STORE=$(KANSRIJK_DATABASE_PATH="$WORK/store.sqlite" "$BIN" monitoring bench "$WORK/births.csv" --store)
  cp "$WORK/empty.sqlite" "$WORK/import.sqlite"
  IMPORT=$(KANSRIJK_DATABASE_PATH="$WORK/import.sqlite" wall "$BIN" import births "$WORK/births.csv")
  REIMPORT=$(KANSRIJK_DATABASE_PATH="$WORK/import.sqlite" wall "$BIN" import births "$WORK/births.csv")
  echo "run $run (load $LOAD): kansrijk: $SWIFT | duckdb: $DUCK | with storing: $STORE | import births: ${IMPORT} s, again: ${REIMPORT} s"
  echo "load=$LOAD $SWIFT $(prefix duck "$DUCK") $(prefix store "$STORE") import_s=$IMPORT reimport_s=$REIMPORT" >>"$WORK/runs.txt"
done

python3 - "$WORK/runs.txt" <<'PY' | tee "$OUT/monitoring.md"
import statistics, sys
runs = [dict(p.split("=", 1) for p in line.split()) for line in open(sys.argv[1]) if line.strip()]
def f(r, k): return float(r[k])
def row(label, vals):
    return "| " + label + " | " + " | ".join(vals) + " |"
print("| run | load | rows | kansrijk read+aggregate | all indicators | kansrijk total | DuckDB | ratio "
      "| store counts (SQLite) | read+aggregate+store+compute | ratio | `import births` (process) | ratio | re-import (process) |")
print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
cols = {k: [] for k in ("load", "read", "compute", "ours", "duck", "store", "stored", "import", "reimport")}
for i, r in enumerate(runs, 1):
    v = dict(load=f(r, "load"), read=f(r, "read_aggregate_s"), compute=f(r, "compute_s"), duck=f(r, "duck_duckdb_s"),
             store=f(r, "store_store_s"), import_=f(r, "import_s"), reimport=f(r, "reimport_s"))
    ours = v["read"] + v["compute"]
    stored = f(r, "store_read_aggregate_s") + f(r, "store_compute_s") + v["store"]
    for k, x in (("load", v["load"]), ("read", v["read"]), ("compute", v["compute"]), ("ours", ours), ("duck", v["duck"]),
                 ("store", v["store"]), ("stored", stored), ("import", v["import_"]), ("reimport", v["reimport"])):
        cols[k].append(x)
    print(row(str(i), [f"{v['load']:.2f}", r["children"], f"{v['read']:.3f} s", f"{v['compute']:.3f} s ({r['figures']} figures)",
                       f"{ours:.3f} s", f"{v['duck']:.3f} s ({r['duck_threads']} threads)", f"{ours / v['duck']:.2f}x",
                       f"{v['store']:.3f} s ({r['store_stored_rows']} rows)", f"{stored:.3f} s", f"{stored / v['duck']:.2f}x",
                       f"{v['import_']:.3f} s", f"{v['import_'] / v['duck']:.2f}x", f"{v['reimport']:.3f} s"]))
m = {k: statistics.median(x) for k, x in cols.items()}
print(row("**median**", [f"{m['load']:.2f}", runs[0]["children"], f"{m['read']:.3f} s", f"{m['compute']:.3f} s", f"{m['ours']:.3f} s",
                         f"{m['duck']:.3f} s", f"**{m['ours'] / m['duck']:.2f}x**", f"{m['store']:.3f} s", f"{m['stored']:.3f} s",
                         f"**{m['stored'] / m['duck']:.2f}x**", f"{m['import']:.3f} s", f"**{m['import'] / m['duck']:.2f}x**", f"{m['reimport']:.3f} s"]))
print()
print("Ratios in the median row are of the medians. Goal (issue 5): within 2x of DuckDB and under 5 s in total.")
first = runs[0]
if "csv_file_read_s" in first:
    print(f"Reader choice (ADR 0038): CSVFile, the one CSV reader, only splitting the same file into fields took {first['csv_file_read_s']} s "
          f"against {first['read_aggregate_s']} s for the scanner reading, validating and aggregating it.")
PY
