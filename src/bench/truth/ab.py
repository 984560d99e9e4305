#!/usr/bin/env python3
"""One line for one `pitwall run` of the timing-truth suite (bench-truth-ab.sh): its late calls,
its error percentiles and the JIT compilations inside its measured calls.

usage: ab.py LABEL TRUTH_CSV REQUESTS_CSV JIT_LOG

Late: over 1 ms off, on the send side (TTFT off) or at the last token only (E2E off, TTFT not).
Compilations: -Xlog:jit+compilation=debug lines (timenanos, the truth log's clock) from the server's
arrival of the first measured call to the end of the last, deoptimizations left out.
"""
import sys
from bisect import bisect_left, bisect_right

from truthlog import LATE_MS, compile_starts, load_truth, measured, pct

label, truth_csv, requests_csv, jit_log = sys.argv[1:5]
truth = load_truth(truth_csv)
ttft, e2e, spans = [], [], []
send = last = 0
for r in measured(requests_csv):
    t = truth.get(r["generation_id"])
    if t is None:
        continue
    te = abs(float(r["ttft_ms"]) - float(t["server_ttft_ms"]))
    ee = abs(float(r["e2e_ms"]) - float(t["server_e2e_ms"]))
    ttft.append(te)
    e2e.append(ee)
    send += te > LATE_MS
    last += te <= LATE_MS < ee
    spans.append((int(t["arrival_ns"]), int(t["end_ns"])))
if not spans:
    sys.exit(f"{label}: no measured call of this run is in the truth log")
lo, hi = min(a for a, _ in spans), max(b for _, b in spans)
starts = compile_starts(jit_log)
compiles = bisect_right(starts, hi) - bisect_left(starts, lo)
print(f"{label:<4} calls {len(ttft):>5}  late send {send:>3} last {last:>3}  "
      f"TTFT p50 {pct(ttft, 50):.3f} p99 {pct(ttft, 99):.3f}  E2E p50 {pct(e2e, 50):.3f} p99 {pct(e2e, 99):.3f} ms  "
      f"compilations {compiles}")
