package dev.pitwall.metrics;

import java.util.List;
import java.util.Objects;

/** The whole result of a run, as every report writer receives it. */
public record RunResult(RunInfo info, List<SeriesResult> series) {
  public RunResult {
    Objects.requireNonNull(info, "info");
    series = List.copyOf(series);
  }

  public OutcomeCounts outcomes() {
    OutcomeCounts all = OutcomeCounts.EMPTY;
    for (SeriesResult s : series) {
      all = all.plus(s.outcomes());
    }
    return all;
  }
}
