#!/usr/bin/env python3
"""Holds each client's measured TTFT and E2E against the server's truth log, by generation id.

usage: compare.py TRUTH_CSV PITWALL_REQUESTS_CSV FLOOR_CSV [PACED_FLOOR_CSV]
Prints |measured - server| at p50/p90/p99/max for pitwall and for the floor reader (and the floor
reader at pitwall's pace), and pitwall's gap to each.
"""
import sys

from truthlog import floor_rows, load_truth, pct, pitwall_rows

truth = load_truth(sys.argv[1])


def errors(rows):
    ttft, e2e, missing = [], [], 0
    for gen, ttft_ms, e2e_ms in rows:
        t = truth.get(gen)
        if t is None or not t["server_ttft_ms"]:
            missing += 1
            continue
        ttft.append(abs(ttft_ms - float(t["server_ttft_ms"])))
        e2e.append(abs(e2e_ms - float(t["server_e2e_ms"])))
    return ttft, e2e, missing


clients = [("pitwall run", pitwall_rows(sys.argv[2])), ("raw-socket floor", floor_rows(sys.argv[3]))]
if len(sys.argv) > 4:
    clients.append(("floor, pitwall's pace", floor_rows(sys.argv[4])))

print(f"{'client':<22}{'calls':>6}   {'TTFT |measured - server| ms':<34}{'E2E |measured - server| ms'}")
print(f"{'':<31}{'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}  {'p50':>8}{'p90':>8}{'p99':>8}{'max':>8}")
figures = {}
for name, rows in clients:
    ttft, e2e, missing = errors(rows)
    figures[name] = (ttft, e2e)
    line = f"{name:<22}{len(ttft):>6}   "
    line += "".join(f"{pct(ttft, p):>8.3f}" for p in (50, 90, 99, 100)) + "  "
    line += "".join(f"{pct(e2e, p):>8.3f}" for p in (50, 90, 99, 100))
    if missing:
        line += f"   ({missing} calls not in the truth log)"
    print(line)
(pt, pe) = figures["pitwall run"]
for name, _ in clients[1:]:
    ft, fe = figures[name]
    print(f"pitwall - {name}: TTFT p50 {pct(pt, 50) - pct(ft, 50):+.3f} ms, p99 {pct(pt, 99) - pct(ft, 99):+.3f} ms;"
          f" E2E p50 {pct(pe, 50) - pct(fe, 50):+.3f} ms, p99 {pct(pe, 99) - pct(fe, 99):+.3f} ms")
print("(target: within 0.2 ms of the floor at p50, 0.5 ms at p99)")
