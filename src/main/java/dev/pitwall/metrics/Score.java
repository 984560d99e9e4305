package dev.pitwall.metrics;

/**
 * A JMH score: the mean of iteration scores and the half-width of its 99.9 % Student-t confidence
 * interval. {@code error} is NaN with fewer than two iterations (JMH prints it the same way).
 */
public record Score(double mean, double error, int iterations) {
  public static final double CONFIDENCE = 0.999;

  public double lower() {
    return mean - error;
  }

  public double upper() {
    return mean + error;
  }

  public static Score of(double[] iterationScores) {
    return Statistics.score(iterationScores);
  }
}
