#!/usr/bin/env python3
"""Markdown tables of a national load run: summary.py OUT_DIR RESULTS_TSV SCALE CONNECTIONS DURATION.

One row per setup (the mix over all kinds, or the static ceiling): requests/s, p50, p99, failed
requests, CPU (share of one core) and peak RSS per process group, load average; then p50/p99 per
request kind and setup.
"""
import os
import re
import sys

out, results, scale, connections, duration = sys.argv[1:6]


def ms(value):
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


def read(path):
    return open(path).read() if os.path.exists(path) else ""


rows, kinds = [], {}
for line in open(results):
    if not line.strip():
        continue
    label, load = line.rstrip("\n").split("\t")[:2]
    proc = [l.split("\t") for l in read(f"{out}/nl-{label}.proc").splitlines() if l]
    procs = "; ".join(f"{p[0]} {float(p[2]):.2f} cores, {p[3]} MB" + (f" (largest {p[4]} MB)" if p[3] != p[4] else "") for p in proc)
    ready = " ".join(re.findall(r"ready ([\d]+ ms[^\n]*)", read(f"{out}/nl-{label}.ready")))
    text = read(f"{out}/nl-{label}.txt")
    if os.path.exists(f"{out}/nl-{label}.kinds"):
        table = [l.split("\t") for l in read(f"{out}/nl-{label}.kinds").splitlines() if l]
        kinds[label] = table
        a = table[0]
        rows.append((label, a[2], a[3], a[4], a[5], procs, load, ready))
    else:
        rps = re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)
        lat = dict(re.findall(r"\s(50|99)%\s+([\d.]+(?:us|ms|s))", text))
        bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
        rows.append((label, rps, f"{ms(lat['50']):.2f}", f"{ms(lat['99']):.2f}", bad.group(1) if bad else "0", procs, load, ""))

print(f"Scale {scale}, wrk -t{connections} -c{connections} -d{duration}s (one connection per thread).\n")
print("| setup | requests/s | p50 ms | p99 ms | failed | CPU (cores) and peak RSS per process group | load | start to ready |")
print("|---|---:|---:|---:|---:|---|---:|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")
if kinds:
    labels = list(kinds)
    print("\nPer request kind (requests/s, p50 ms / p99 ms, failed):\n")
    print("| kind | " + " | ".join(labels) + " |")
    print("|---|" + "---:|" * len(labels))
    names = [row[0] for row in kinds[labels[0]]]
    for name in names:
        cells = []
        for label in labels:
            row = next((x for x in kinds[label] if x[0] == name), None)
            cells.append(f"{float(row[2]):.0f}/s, {row[3]} / {row[4]}" + (f", {row[5]} failed" if row[5] != "0" else "") if row else "")
        print(f"| {name} | " + " | ".join(cells) + " |")
