#!/usr/bin/env python3
"""Block by block (bench-truth.sh with BLOCKS > 1): pitwall's gap to the raw-socket floor over each
block's calls, and the floor's gap to itself from one block to the next.

usage: blocks.py TRUTH_CSV OUT_DIR BLOCKS    (reads OUT_DIR/requests-N.csv and OUT_DIR/floor-N.csv)

Over 100 calls p99 is the second-largest error, so it swings from block to block; the floor against
itself shows how far it swings with no change of client at all: a target finer than that cannot be
judged over so few calls.
"""
import sys

from truthlog import floor_rows, load_truth, pct, pitwall_rows

TARGET_P50, TARGET_P99 = 0.2, 0.5
truth = load_truth(sys.argv[1])
out, blocks = sys.argv[2], int(sys.argv[3])


def figures(rows):
    """TTFT and E2E |measured - server| at p50 and p99 of (generation id, ttft ms, e2e ms) rows."""
    ttft, e2e = [], []
    for gen, ttft_ms, e2e_ms in rows:
        t = truth.get(gen)
        if t is not None and t["server_ttft_ms"]:
            ttft.append(abs(ttft_ms - float(t["server_ttft_ms"])))
            e2e.append(abs(e2e_ms - float(t["server_e2e_ms"])))
    return [pct(ttft, 50), pct(ttft, 99), pct(e2e, 50), pct(e2e, 99)]


def pitwall(n):
    return figures(pitwall_rows(f"{out}/requests-{n}.csv"))


def floor(n):
    return figures(floor_rows(f"{out}/floor-{n}.csv"))


def gap(a, b):
    g = [x - y for x, y in zip(a, b)]
    # "within 0.2 ms of the floor at p50, 0.5 ms at p99", either way: the same test for both pairings
    within = all(abs(x) <= t for x, t in zip(g, (TARGET_P50, TARGET_P99) * 2))
    return f"TTFT p50 {g[0]:+.3f} p99 {g[1]:+.3f}  E2E p50 {g[2]:+.3f} p99 {g[3]:+.3f}", within


floors = [floor(n) for n in range(1, blocks + 1)]
print("block by block, pitwall - raw-socket floor (ms):")
met = 0
for n in range(1, blocks + 1):
    line, within = gap(pitwall(n), floors[n - 1])
    met += within
    print(f"  block {n:>2}: {line}  {'within' if within else 'outside'} the target")
print(f"  within the target in {met} of {blocks} blocks")
print("the floor against itself, block n - block n+1 (ms):")
same = 0
for n in range(1, blocks):
    line, within = gap(floors[n - 1], floors[n])
    same += within
    print(f"  {n:>2} - {n + 1:>2}: {line}")
print(f"  within the target in {same} of {blocks - 1} pairs")
