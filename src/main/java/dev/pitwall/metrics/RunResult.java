package dev.pitwall.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** The whole result of a run, as every report writer receives it. */
public record RunResult(RunInfo info, List<SeriesResult> series) {
  public RunResult {
    Objects.requireNonNull(info, "info");
    series = List.copyOf(series);
  }

  /**
   * The level above {@link #series()}: one result per cell (prompt × model × requested route) with
   * every provider that served it merged exactly, keyed by {@link SeriesKey#cell}. This is what a
   * reader asking "which model" compares; the series are its per-provider breakdown.
   */
  public List<SeriesResult> cells() {
    Map<String, List<SeriesResult>> byCell = new LinkedHashMap<>();
    for (SeriesResult s : series) {
      byCell.computeIfAbsent(s.key().cellId(), c -> new ArrayList<>()).add(s);
    }
    List<SeriesResult> out = new ArrayList<>();
    for (List<SeriesResult> parts : byCell.values()) {
      SeriesKey k = parts.get(0).key();
      out.add(
          CellMerge.merge(
              SeriesKey.cell(k.cellId(), k.promptId(), k.model(), k.requestedProvider()), parts));
    }
    out.sort(java.util.Comparator.comparing(SeriesResult::key));
    return out;
  }

  /** The providers' series of one cell, in {@link #series()} order. */
  public List<SeriesResult> providersOf(SeriesKey cell) {
    return series.stream().filter(s -> s.key().cellId().equals(cell.cellId())).toList();
  }

  public OutcomeCounts outcomes() {
    OutcomeCounts all = OutcomeCounts.EMPTY;
    for (SeriesResult s : series) {
      all = all.plus(s.outcomes());
    }
    return all;
  }
}
