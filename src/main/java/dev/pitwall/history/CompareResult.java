package dev.pitwall.history;

import java.util.List;
import java.util.Objects;

/**
 * A comparison of one run with its baseline: one row per series × measure, the runs the baseline
 * was made of, and notes a reader should see (baseline runs skipped and why).
 */
public record CompareResult(
    RunStamp current,
    List<RunStamp> baseline,
    CompareOptions options,
    List<Comparison> rows,
    List<String> notes) {
  public CompareResult {
    Objects.requireNonNull(current, "current");
    baseline = List.copyOf(baseline);
    Objects.requireNonNull(options, "options");
    rows = List.copyOf(rows);
    notes = List.copyOf(notes);
  }

  public List<Comparison> regressions() {
    return rows.stream().filter(c -> c.verdict() == Verdict.REGRESSED).toList();
  }

  public boolean regressed() {
    return !regressions().isEmpty();
  }

  public long count(Verdict v) {
    return rows.stream().filter(c -> c.verdict() == v).count();
  }
}
