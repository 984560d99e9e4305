"""What the timing-truth scripts share: the server's truth log, the clients' rows, percentiles and
the JIT logs' compilation starts (compare.py, blocks.py, ab.py, compilations.py import it)."""
import csv
import re

LATE_MS = 1.0  # a call off by more than this is late
LINE = re.compile(r"\[[\d.]+s\]\[(\d+)ns\]\s+\d+\s+\S*\s+\d\s+\S+")


def load_truth(path):
    """The simulator's --truth-log, by generation id."""
    return {r["generation_id"]: r for r in csv.DictReader(open(path))}


def pct(xs, p):
    """The p-th percentile, nearest rank; nan for no values."""
    s = sorted(xs)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))] if s else float("nan")


def measured(requests_csv):
    """pitwall's requests.csv rows of measured calls that succeeded."""
    return [r for r in csv.DictReader(open(requests_csv))
            if r["phase"] == "MEASUREMENT" and r["outcome"] == "OK"]


def pitwall_rows(requests_csv):
    """(generation id, TTFT ms, E2E ms) of pitwall's measured calls."""
    return [(r["generation_id"], float(r["ttft_ms"]), float(r["e2e_ms"])) for r in measured(requests_csv)]


def floor_rows(path):
    """(generation id, TTFT ms, E2E ms) of floor.py's calls."""
    return [(r["generation_id"], int(r["ttft_ns"]) / 1e6, int(r["e2e_ns"]) / 1e6)
            for r in csv.DictReader(open(path))]


def compile_starts(path):
    """When each compilation of a -Xlog:jit+compilation=debug log (timenanos) started, sorted;
    deoptimizations left out."""
    starts = []
    for line in open(path):
        m = LINE.match(line)
        if m and "made not entrant" not in line and "made zombie" not in line:
            starts.append(int(m.group(1)))
    return sorted(starts)
