#!/usr/bin/env python3
"""Turns wrk --latency output into one TSV row, or the rows into a Markdown table (--table)."""
import re
import sys


def ms(value: str) -> float:
    number, unit = re.match(r"([\d.]+)(us|ms|s)", value).groups()
    return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]


if sys.argv[1] == "--table":
    rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[2]) if line.strip()]
    print("| database | endpoint | requests/s | p50 ms | p90 ms | p99 ms | errors |")
    print("|---|---|---:|---:|---:|---:|---:|")
    for r in rows:
        print("| " + " | ".join(r) + " |")
    sys.exit(0)

label, kind, path = sys.argv[1:4]
text = open(path).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
lat = {p: ms(v) for p, v in re.findall(r"\s(50|90|99)%\s+([\d.]+(?:us|ms|s))", text)}
errors = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
socket = re.search(r"Socket errors: (.*)", text)
err = (errors.group(1) if errors else "0") + (f" ({socket.group(1)})" if socket else "")
endpoint = {"search": "search page /aanbod", "hsds": "HSDS /api/hsds/services"}[kind]
print(f"{label}\t{endpoint}\t{rps:.0f}\t{lat['50']:.2f}\t{lat['90']:.2f}\t{lat['99']:.2f}\t{err}")
