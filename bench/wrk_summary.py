#!/usr/bin/env python3
"""Turns wrk --latency output into one TSV row, or the rows into a Markdown table (--table).

Row: wrk_summary.py LABEL KIND WRK_OUTPUT [PERF_STAT_OUTPUT LOAD_AVERAGE]; with perf stat's
task-clock of the server over the run, the row also gives the server's CPU time per request.
"""
import re
import sys


def ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


if sys.argv[1] == "--table":
    rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[2]) if line.strip()]
    print("| database | endpoint | requests/s | p50 ms | p90 ms | p99 ms | errors | server CPU µs/request | load average |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    sys.exit(0)

label, kind, path = sys.argv[1:4]
perf_path = sys.argv[4] if len(sys.argv) > 4 else None
load = sys.argv[5] if len(sys.argv) > 5 else ""
text = open(path).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
lat = {p: ms(v) for p, v in re.findall(r"\s(50|90|99)%\s+([\d.]+(?:us|ms|s))", text)}
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket = re.search(r"Socket errors: (.*)", text)
err = (errors.group(1) if errors else "0") + (f" ({socket.group(1)})" if socket else "")
endpoint = {"search": "search page /aanbod", "hsds": "HSDS /api/hsds/services",
            "phrases": "search page, phrases of several words"}.get(kind, kind)
requests = int(re.search(r"(\d+) requests in", text).group(1))
cpu = ""
try:
    clock = re.search(r"([\d.,]+)\s+msec task-clock", open(perf_path).read()) if perf_path else None
    if clock and requests:
        cpu = f"{float(clock.group(1).replace(',', '')) * 1000 / requests:.0f}"
except OSError:
    pass
print(f"{label}\t{endpoint}\t{rps:.0f}\t{lat['50']:.2f}\t{lat['90']:.2f}\t{lat['99']:.2f}\t{err}\t{cpu}\t{load}")
