#!/usr/bin/env python3
"""Puts pitwall's late calls beside the JIT compilations of both JVMs (bench-truth.sh, JIT_LOG=1).

usage: compilations.py TRUTH_CSV PITWALL_REQUESTS_CSV PITWALL_JIT_LOG SIMULATOR_JIT_LOG

A call is late on the send side when its TTFT error is over 1 ms (the server saw the request late),
and late at the last token when only its E2E error is. For each kind, and for the calls that were
on time, it prints the share with a compilation starting in each JVM near the moment that counts:
in the 5 ms before the server saw the request, or from 5 ms before to 1 ms after the server wrote
the last token. The logs are -Xlog:jit+compilation=debug with the timenanos decorator, which is
System.nanoTime(): the clock of the truth log, so the two line up without an offset.
"""
import sys
from bisect import bisect_left, bisect_right

from truthlog import LATE_MS, compile_starts, load_truth, measured

MS = 1_000_000

truth = load_truth(sys.argv[1])
calls = []  # (kind, arrival_ns, last_token_ns, end_ns)
for r in measured(sys.argv[2]):
    t = truth.get(r["generation_id"])
    if t is None:
        continue
    ttft_late = abs(float(r["ttft_ms"]) - float(t["server_ttft_ms"])) > LATE_MS
    e2e_late = abs(float(r["e2e_ms"]) - float(t["server_e2e_ms"])) > LATE_MS
    kind = "send" if ttft_late else "last" if e2e_late else "on time"
    calls.append((kind, int(t["arrival_ns"]), int(t["last_token_ns"]), int(t["end_ns"])))
if not calls:
    sys.exit("no measured call of pitwall's is in the truth log")
jvms = {"pitwall": compile_starts(sys.argv[3]), "simulator": compile_starts(sys.argv[4])}
# The measured stretches: from a call's arrival to the next one's, unless a gap of a second or
# more (another client's block, with BLOCKS) lies between them.
calls.sort(key=lambda c: c[1])
stretches = []
for c, nxt in zip(calls, calls[1:] + [None]):
    stop = nxt[1] if nxt is not None and nxt[1] - c[3] < 1_000_000_000 else c[3]
    stretches.append((c[1], stop))
measured_s = sum(b - a for a, b in stretches) / 1e9


def near(starts, lo, hi):
    return bisect_right(starts, hi) > bisect_left(starts, lo)


def share(group, starts, at_send):
    if not group:
        return "-"
    if at_send:
        hit = sum(1 for c in group if near(starts, c[1] - 5 * MS, c[1]))
    else:
        hit = sum(1 for c in group if near(starts, c[2] - 5 * MS, c[2] + MS))
    return "%d%%" % round(100 * hit / len(group))


groups = {kind: [c for c in calls if c[0] == kind] for kind in ("send", "last", "on time")}
print("JIT compilations beside pitwall's late calls (over %.0f ms off):" % LATE_MS)
for name, starts in jvms.items():
    inside = sum(bisect_right(starts, b) - bisect_left(starts, a) for a, b in stretches)
    print("  %s: %d compilations in the measured %.0f s" % (name, inside, measured_s))
    print("    one in the 5 ms before the request arrived: late on the send side (n=%d) %s,"
          " on time (n=%d) %s" % (len(groups["send"]), share(groups["send"], starts, True),
                                  len(groups["on time"]), share(groups["on time"], starts, True)))
    print("    one from 5 ms before to 1 ms after the last token: late at the last token (n=%d) %s,"
          " on time %s" % (len(groups["last"]), share(groups["last"], starts, False),
                           share(groups["on time"], starts, False)))
