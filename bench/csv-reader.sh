#!/usr/bin/env bash
# The births scanner (`DelimitedFileScanner`) against the one CSV reader (`CSVFile`, ADR 0038) on a
# synthetic births extract, release build, side by side in one run: every data row split into
# fields and every field read as a whole number (`kansrijk monitoring bench FILE --reader KIND`).
# hyperfine times the whole processes (start-up included; a header-only file gives the start-up
# alone); the command's own clock gives the reading alone; /usr/bin/time the peak memory.
#
#   bash bench/csv-reader.sh                                   # one year (~165,000 rows), builds first
#   SKIP_BUILD=1 BIN=/tmp/kansrijk bash bench/csv-reader.sh    # an already built release binary
#   YEARS=2014-2023 RUNS=5 bash bench/csv-reader.sh            # ten years (~1.65 million rows)
set -euo pipefail
cd "$(dirname "$0")/.."

YEARS=${YEARS:-2023}
SEED=${SEED:-2021}
RUNS=${RUNS:-10}
SCRATCH=${SCRATCH:-.build-release}
OUT=bench/out
mkdir -p "$OUT"

command -v hyperfine >/dev/null || apt-get install -y -q hyperfine >/dev/null
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --scratch-path "$SCRATCH" --product kansrijk >/dev/null
BIN=${BIN:-$SCRATCH/release/kansrijk}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

export KANSRIJK_DATABASE_PATH="$WORK/empty.sqlite" KANSRIJK_ROOT="$PWD" KANSRIJK_DEMO_PASSWORD=bench-wachtwoord
unset DATABASE_URL
"$BIN" migrate >/dev/null
"$BIN" monitoring demo-births --years "$YEARS" --seed "$SEED" --output "$WORK/births.csv" >/dev/null
head -1 "$WORK/births.csv" >"$WORK/header-only.csv"
ROWS=$(( $(wc -l <"$WORK/births.csv") - 1 ))
LOAD=$(cut -d' ' -f1 /proc/loadavg)
echo "file: $ROWS rows, $(( $(stat -c %s "$WORK/births.csv") / 1024 )) KB, load $LOAD"
cat "$WORK/births.csv" >/dev/null

hyperfine --warmup 2 --runs "$RUNS" --export-json "$WORK/hyperfine.json" --style basic \
  -n "start-up only (header-only file)" "$BIN monitoring bench $WORK/header-only.csv --reader scanner" \
  -n "DelimitedFileScanner" "$BIN monitoring bench $WORK/births.csv --reader scanner" \
  -n "CSVFile" "$BIN monitoring bench $WORK/births.csv --reader csv-file" >"$WORK/hyperfine.txt"

# the reading alone, by the command's own clock, the two readers alternating
: >"$WORK/inproc.txt"
for _ in $(seq "$RUNS"); do
  for kind in scanner csv-file; do "$BIN" monitoring bench "$WORK/births.csv" --reader "$kind" >>"$WORK/inproc.txt"; done
done
for kind in scanner csv-file; do
  echo "$kind $(/usr/bin/time -f %M "$BIN" monitoring bench "$WORK/births.csv" --reader "$kind" 2>&1 >/dev/null | tail -1)"
done >"$WORK/rss.txt"
# the births import as it reads today (scanner, validation, aggregation, all indicators), for scale
"$BIN" monitoring bench "$WORK/births.csv" >"$WORK/import.txt"

python3 - "$WORK" "$ROWS" "$LOAD" <<'PY' | tee "$OUT/csv-reader.md"
import json, statistics, sys
work, rows, load = sys.argv[1], sys.argv[2], sys.argv[3]
hf = {r["command"]: r for r in json.load(open(f"{work}/hyperfine.json"))["results"]}
runs = [dict(p.split("=", 1) for p in line.split()) for line in open(f"{work}/inproc.txt") if line.strip()]
inproc = {k: statistics.median(float(r["read_s"]) for r in runs if r["reader"] == k) for k in ("scanner", "csv-file")}
spread = {k: (min(float(r["read_s"]) for r in runs if r["reader"] == k), max(float(r["read_s"]) for r in runs if r["reader"] == k)) for k in inproc}
rss = dict(line.split() for line in open(f"{work}/rss.txt"))
imp = dict(p.split("=", 1) for p in open(f"{work}/import.txt").read().split())
start = hf["start-up only (header-only file)"]["median"]
print(f"{rows} rows, load {load}, {len(runs) // 2} runs each")
print()
print("| reader | process (hyperfine median ± σ) | process minus start-up | reading alone (median, range) | peak memory |")
print("|---|---:|---:|---:|---:|")
for name, kind in (("DelimitedFileScanner", "scanner"), ("CSVFile", "csv-file")):
    p = hf[name]["median"]
    lo, hi = spread[kind]
    print(f"| {name} | {p:.3f} s ± {hf[name]['stddev']:.3f} | {p - start:.3f} s | {inproc[kind]:.3f} s ({lo:.3f}-{hi:.3f}) | {int(rss[kind]) // 1024} MB |")
print(f"| start-up (header-only file) | {start:.3f} s ± {hf['start-up only (header-only file)']['stddev']:.3f} | | | |")
print()
gap = {n: hf[n]["median"] - start for n in ("DelimitedFileScanner", "CSVFile")}
ratio_p = f"{gap['CSVFile'] / gap['DelimitedFileScanner']:.2f}x" if gap["DelimitedFileScanner"] > 0.005 else "n/a (the scanner is within the start-up's noise)"
print(f"Ratio CSVFile / scanner: reading alone **{inproc['csv-file'] / inproc['scanner']:.2f}x**, "
      f"process minus start-up {ratio_p}, whole process {hf['CSVFile']['median'] / hf['DelimitedFileScanner']['median']:.2f}x; "
      f"peak memory {int(rss['csv-file']) / int(rss['scanner']):.2f}x.")
print(f"For scale, the births import's own read+validate+aggregate with the scanner: {imp['read_aggregate_s']} s "
      f"(all indicators {imp['compute_s']} s).")
PY
