#!/usr/bin/env python3
"""Puts pitwall's late calls beside the JIT compilations of both JVMs (bench-truth.sh, JIT_LOG=1).

usage: compilations.py TRUTH_CSV PITWALL_REQUESTS_CSV PITWALL_JIT_LOG SIMULATOR_JIT_LOG

A call is late on the send side when its TTFT error is over 1 ms (the server saw the request late;
the first-token read is not where pitwall's tail is). For the late calls and for the others, it
prints the share that had a compilation start in each JVM in the 5 ms before the server saw the
request. The logs are -Xlog:jit+compilation=debug with the timenanos decorator, which is
System.nanoTime(): the same clock as the truth log's, so the two line up without an offset.
"""
import csv
import re
import sys
from bisect import bisect_left, bisect_right

LATE_MS = 1.0
BEFORE_NS = 5_000_000
LINE = re.compile(r"\[[\d.]+s\]\[(\d+)ns\]\s+\d+\s+\S*\s+\d\s+\S+")


def compile_starts(path):
    starts = []
    for line in open(path):
        m = LINE.match(line)
        if m and "made not entrant" not in line and "made zombie" not in line:
            starts.append(int(m.group(1)))
    return sorted(starts)


truth = {r["generation_id"]: r for r in csv.DictReader(open(sys.argv[1]))}
calls = []
for r in csv.DictReader(open(sys.argv[2])):
    t = truth.get(r["generation_id"])
    if r["phase"] != "MEASUREMENT" or r["outcome"] != "OK" or t is None:
        continue
    late = abs(float(r["ttft_ms"]) - float(t["server_ttft_ms"])) > LATE_MS
    calls.append((late, int(t["arrival_ns"]), int(t["end_ns"])))
if not calls:
    sys.exit("no measured call of pitwall's is in the truth log")
jvms = {"pitwall": compile_starts(sys.argv[3]), "simulator": compile_starts(sys.argv[4])}
first, last = min(c[1] for c in calls), max(c[2] for c in calls)


def share(group, starts):
    hit = sum(1 for _, at, _ in group if bisect_right(starts, at) > bisect_left(starts, at - BEFORE_NS))
    return "%d%%" % round(100 * hit / len(group)) if group else "-"


late = [c for c in calls if c[0]]
other = [c for c in calls if not c[0]]
print("JIT compilations beside pitwall's tail (a compilation starting in the 5 ms before the server"
      " saw the request):")
for name, starts in jvms.items():
    inside = bisect_right(starts, last) - bisect_left(starts, first)
    print("  %-9s  %4d compilations in the measured %.0f s; with one: late calls (n=%d) %s,"
          " other calls (n=%d) %s" % (name, inside, (last - first) / 1e9, len(late),
                                       share(late, starts), len(other), share(other, starts)))
