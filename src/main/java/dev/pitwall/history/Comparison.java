package dev.pitwall.history;

import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesKey;
import java.util.Objects;

/**
 * One series and measure, baseline against current. {@code baseline} pools the iteration scores of
 * every baseline run; {@code pValue} is Welch's two-sided p over the two sets of iteration scores
 * (NaN when either side has fewer than two).
 */
public record Comparison(
    SeriesKey series,
    Measure measure,
    Score baseline,
    Score current,
    double pValue,
    Threshold threshold,
    Verdict verdict) {
  public Comparison {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(measure, "measure");
    Objects.requireNonNull(threshold, "threshold");
    Objects.requireNonNull(verdict, "verdict");
  }

  /** current − baseline in the measure's unit, or NaN when one side is missing. */
  public double difference() {
    return baseline == null || current == null ? Double.NaN : current.mean() - baseline.mean();
  }

  /** The difference relative to the baseline, or NaN when undefined. */
  public double relativeDifference() {
    double d = difference();
    return Double.isNaN(d) || baseline.mean() == 0 ? Double.NaN : d / Math.abs(baseline.mean());
  }
}
