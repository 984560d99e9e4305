package dev.pitwall.metrics;

import dev.pitwall.text.Fmt;

/**
 * A JMH score: the mean of iteration scores and the half-width of its 99.9 % Student-t confidence
 * interval. {@code error} is NaN with fewer than two iterations (JMH prints it the same way).
 *
 * <p>Outputs show the error only from {@link #MIN_ITERATIONS} iterations on: with two, Student-t
 * has one degree of freedom (t = 636.6 at 99.9 %) and a series of 3 calls printed "295.0 ±
 * 56572.5", a number no reader can use. Below that they say "n/a (k iterations)" and charts draw no
 * error bar.
 */
public record Score(double mean, double error, int iterations) {
  public static final double CONFIDENCE = 0.999;

  /** The fewest scored iterations whose interval an output shows. */
  public static final int MIN_ITERATIONS = 3;

  public double lower() {
    return mean - error;
  }

  public double upper() {
    return mean + error;
  }

  /** True when outputs show the interval: enough iterations and a defined error. */
  public boolean hasInterval() {
    return iterations >= MIN_ITERATIONS && !Double.isNaN(error) && !Double.isNaN(mean);
  }

  /** The error as outputs print it: the half-width, or "n/a (k iterations)" (never "NaN"). */
  public String errorText(int decimals) {
    if (hasInterval()) {
      return Fmt.fixed(error, decimals);
    }
    return "n/a (" + iterations + (iterations == 1 ? " iteration)" : " iterations)");
  }

  public static Score of(double[] iterationScores) {
    return Statistics.score(iterationScores);
  }
}
