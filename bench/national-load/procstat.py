#!/usr/bin/env python3
"""Samples CPU time and resident memory of process groups while a load runs.

    procstat.py OUT SECONDS LABEL=PID[,PID...] ...

Each group is the given processes and all their descendants (PostgreSQL's backends, nginx's
workers). Every 0.5 s it reads /proc/PID/stat (utime + stime) and /proc/PID/status (VmRSS); at the
end it writes one TSV line per group: label, CPU seconds used over the run, CPU share of one core,
the group's largest summed RSS (MB), and the largest single-process RSS (MB).
"""
import os
import sys
import time

TICK = os.sysconf("SC_CLK_TCK")


def children(pid):
    out = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children") as f:
                out += [int(c) for c in f.read().split()]
    except OSError:
        pass
    return out


def tree(roots):
    seen, todo = set(), list(roots)
    while todo:
        p = todo.pop()
        if p in seen:
            continue
        seen.add(p)
        todo += children(p)
    return seen


def cpu(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / TICK
    except OSError:
        return None


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


out, seconds = sys.argv[1], float(sys.argv[2])
groups = {}
for arg in sys.argv[3:]:
    label, pids = arg.split("=", 1)
    groups[label] = [int(p) for p in pids.split(",") if p]
first, last, peak, peak_one = {}, {}, {}, {}
start = time.monotonic()
while True:
    for label, roots in groups.items():
        total_rss, biggest = 0.0, 0.0
        for p in tree(roots):
            c = cpu(p)
            if c is None:
                continue
            first.setdefault((label, p), c)
            last[(label, p)] = c
            r = rss_mb(p)
            total_rss += r
            biggest = max(biggest, r)
        peak[label] = max(peak.get(label, 0.0), total_rss)
        peak_one[label] = max(peak_one.get(label, 0.0), biggest)
    if time.monotonic() - start >= seconds:
        break
    time.sleep(0.5)
elapsed = time.monotonic() - start
with open(out, "w") as f:
    for label in groups:
        used = sum(last[k] - first[k] for k in last if k[0] == label)
        f.write(f"{label}\t{used:.1f}\t{used / elapsed:.2f}\t{peak[label]:.0f}\t{peak_one[label]:.0f}\n")
