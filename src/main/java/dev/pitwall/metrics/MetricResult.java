package dev.pitwall.metrics;

import java.util.List;
import java.util.Objects;
import org.HdrHistogram.Histogram;

/**
 * One metric of one series over the measurement iterations: the merged histogram (for percentiles),
 * the per-iteration scores (for the JMH score and its confidence interval) and the per-iteration
 * histograms (interval histograms of the .hlog, start/end stamps set in epoch ms).
 *
 * <p>The histogram is shared, not copied: readers must not modify it.
 */
public record MetricResult(
    Metric metric,
    Histogram histogram,
    List<Histogram> iterationHistograms,
    double[] iterationScores,
    Score score) {
  public MetricResult {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(histogram, "histogram");
    iterationHistograms = List.copyOf(iterationHistograms);
    iterationScores = iterationScores.clone();
  }

  @Override
  public double[] iterationScores() {
    return iterationScores.clone();
  }

  /** The value at a percentile (0–100) in the metric's unit, or NaN when nothing was recorded. */
  public double percentile(double percentile) {
    return count() == 0 ? Double.NaN : metric.toUnit(histogram.getValueAtPercentile(percentile));
  }

  public long count() {
    return histogram.getTotalCount();
  }

  public double mean() {
    return count() == 0 ? Double.NaN : metric.toUnit(histogram.getMean());
  }
}
