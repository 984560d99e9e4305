package dev.pitwall.history;

import dev.pitwall.metrics.Score;
import dev.pitwall.metrics.SeriesKey;
import dev.pitwall.metrics.Statistics;
import java.util.Arrays;
import java.util.Objects;

/**
 * One measure of one series in one run: its iteration scores (what Welch's test compares), the JMH
 * score over them, and the percentiles of the merged histogram (NaN for rates and prices). One line
 * of history.csv.
 *
 * @param count values in the histogram (successful calls; gaps for ICL; attempts for rates)
 * @param attempts attempts of the series that reached the target
 */
public record Figure(
    SeriesKey series,
    Measure measure,
    double[] iterationScores,
    double p50,
    double p90,
    double p99,
    long count,
    long attempts) {
  public Figure {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(measure, "measure");
    iterationScores = Arrays.stream(iterationScores).filter(d -> !Double.isNaN(d)).toArray();
  }

  @Override
  public double[] iterationScores() {
    return iterationScores.clone();
  }

  /** The mean of the iteration scores and its 99.9 % half-width, as JMH reports it. */
  public Score score() {
    return Statistics.score(iterationScores);
  }

  /**
   * Cells and providers are matched across runs by cell id and the spelling key of the served
   * provider.
   */
  public String matchKey() {
    return SeriesMatch.key(series);
  }
}
