package dev.pitwall.metrics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.inference.TTest;

/**
 * JMH's statistics over iteration scores. Single requests are not independent samples (they share a
 * connection, a provider's momentary load, a time of day), so confidence intervals are computed
 * over iteration means only, never over requests.
 */
public final class Statistics {
  private Statistics() {}

  public static Score score(double[] iterationScores) {
    double[] xs = Arrays.stream(iterationScores).filter(d -> !Double.isNaN(d)).toArray();
    int n = xs.length;
    if (n == 0) {
      return new Score(Double.NaN, Double.NaN, 0);
    }
    double mean = Arrays.stream(xs).average().orElse(Double.NaN);
    if (n < 2) {
      return new Score(mean, Double.NaN, n);
    }
    double ss = 0;
    for (double x : xs) {
      ss += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(ss / (n - 1));
    double t =
        new TDistribution(n - 1).inverseCumulativeProbability(1 - (1 - Score.CONFIDENCE) / 2);
    return new Score(mean, t * sd / Math.sqrt(n), n);
  }

  /**
   * Welch's two-sample t-test p-value (unequal variances) between two sets of iteration scores; NaN
   * when either side has fewer than two iterations.
   */
  public static double welchPValue(double[] a, double[] b) {
    if (a.length < 2 || b.length < 2) {
      return Double.NaN;
    }
    if (variance(a) == 0 && variance(b) == 0) {
      return Arrays.equals(a, b) || mean(a) == mean(b) ? 1.0 : 0.0;
    }
    return new TTest().tTest(a, b);
  }

  static double mean(double[] xs) {
    return Arrays.stream(xs).average().orElse(Double.NaN);
  }

  static double variance(double[] xs) {
    double m = mean(xs);
    return Arrays.stream(xs).map(x -> (x - m) * (x - m)).sum() / Math.max(1, xs.length - 1);
  }
}
